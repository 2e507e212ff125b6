// The table of events: one keyboard-focusable row per event; Enter, Space or a click selects it.

import { el, formatNumber, typeColor } from "./common.js";

/** Row selection shared by the two listings: click, Enter or Space; arrows move the focus. */
function listen(body, choose) {
  body.addEventListener("click", (e) => {
    const row = e.target.closest("tr[data-key]");
    if (row) choose(row);
  });
  body.addEventListener("keydown", (e) => {
    const row = e.target.closest("tr[data-key]");
    if (!row) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      choose(row);
    } else if (e.key === "ArrowDown" && row.nextElementSibling) {
      e.preventDefault();
      row.nextElementSibling.focus();
    } else if (e.key === "ArrowUp" && row.previousElementSibling) {
      e.preventDefault();
      row.previousElementSibling.focus();
    }
  });
}

export class EventTable {
  /**
   * @param {HTMLTableElement} table
   * @param {{onSelect: Function}} handlers onSelect(eventItem)
   */
  constructor(table, handlers) {
    this.body = table.tBodies[0];
    this.handlers = handlers;
    this.selected = null;
    listen(this.body, (row) => this.choose(row));
  }

  choose(row) {
    this.handlers.onSelect(row.eventItem);
  }

  /** Show these items; `selected` is {article, event} or null. */
  render(items, selected) {
    this.selected = selected;
    const rows = items.map((item) => this.row(item));
    if (!rows.length) {
      rows.push(el("tr", {}, el("td", { colspan: 8, class: "none", text: "No events match." })));
    }
    this.body.replaceChildren(...rows);
    this.markSelected(selected);
  }

  markSelected(selected) {
    this.selected = selected;
    for (const row of this.body.rows) {
      const on =
        !!selected &&
        row.dataset.eventId === selected.event &&
        row.dataset.articleId === selected.article;
      row.classList.toggle("selected", on);
      if (row.dataset.eventId !== undefined) row.setAttribute("aria-selected", String(on));
    }
  }

  row(item) {
    const place = item.place
      ? [item.place.name || item.place.text, item.place.country_code].filter(Boolean).join(", ")
      : "";
    const actors = (item.actors || []).map((a) => a.text).join("; ");
    const article = item.article || {};
    const tr = el(
      "tr",
      {
        tabindex: 0,
        dataset: {
          key: `${item.article_id}/${item.id}`,
          eventId: item.id,
          articleId: item.article_id,
        },
        title: item.sentence ? item.sentence.text : null,
      },
      el("td", { class: "date", text: dateText(item), title: dateTitle(item) }),
      el(
        "td",
        { class: "type" },
        el("span", { class: "swatch", style: `background:${typeColor(item.type)}` }),
        item.type || "",
      ),
      el("td", { text: item.mode || "" }),
      el("td", { text: item.status || "" }),
      el("td", { text: actors }),
      el("td", { text: place }),
      el("td", { class: "trigger", text: item.trigger ? item.trigger.text : "" }),
      el("td", {
        class: "article-title",
        text: article.title || article.id || item.article_id,
        title: [article.source, article.published].filter(Boolean).join(", ") || null,
      }),
    );
    tr.eventItem = item;
    return tr;
  }
}

function dateText(item) {
  if (!item.date_from) return "—";
  return item.date_to && item.date_to !== item.date_from
    ? `${item.date_from} – ${item.date_to}`
    : item.date_from;
}

function dateTitle(item) {
  if (!item.date_value) return "no date";
  const source = item.date_source === "published" ? "publication date" : "stated in the text";
  return `${item.date_value} (${source})`;
}

/** The table of articles (``/api/articles`` rows): a click opens the article. */
export class ArticleTable {
  constructor(table, handlers) {
    this.body = table.tBodies[0];
    this.handlers = handlers;
    listen(this.body, (row) => this.handlers.onSelect(row.dataset.articleId));
  }

  render(items, openId) {
    const rows = items.map((a) =>
      el(
        "tr",
        {
          tabindex: 0,
          dataset: { key: a.id, articleId: a.id },
          class: a.id === openId ? "selected" : null,
        },
        el("td", { class: "date", text: a.published || "—" }),
        el("td", { class: "article-title", text: a.title || a.id, title: a.reason || null }),
        el("td", { text: a.lang || "" }),
        el("td", { text: a.source || "" }),
        ...["entities", "places", "times", "amounts", "quotes", "events"].map((k) =>
          el("td", { class: "num", text: a[k] ?? "" }),
        ),
      ),
    );
    if (!rows.length) {
      rows.push(el("tr", {}, el("td", { colspan: 10, class: "none", text: "No articles match." })));
    }
    this.body.replaceChildren(...rows);
  }

  markSelected(openId) {
    for (const row of this.body.rows)
      row.classList.toggle("selected", row.dataset.articleId === openId);
  }
}

export function summary(total, offset, count, noun = "events") {
  if (!total) return `0 ${noun}`;
  return `${formatNumber(offset + 1)}–${formatNumber(offset + count)} of ${formatNumber(total)}`;
}
