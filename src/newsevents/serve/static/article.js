// The article view: the text with every extracted span highlighted by kind, the spans of the
// selected event standing out, and a side panel of the event's fields and their evidence.
//
// The text is split at every span boundary and each piece is put in the page with
// createTextNode: nothing of the article is ever parsed as HTML. Offsets in the records are
// Python character offsets (Unicode code points); JavaScript strings count UTF-16 code units,
// so offsets go through a code-point-to-code-unit map.

import { el, typeColor } from "./common.js";

export const KINDS = [
  ["entities", "entity", "Entities"],
  ["places", "place", "Places"],
  ["times", "time", "Times"],
  ["amounts", "amount", "Amounts"],
  ["quotes", "quote", "Quotes"],
  ["events", "event", "Event triggers"],
];

/** Kinds drawn as a background colour; the innermost such span of a piece gives its colour. */
const BACKGROUND_KINDS = new Set(["entity", "place", "time", "amount"]);

const ROLE_NAMES = {
  trigger: "trigger",
  sentence: "sentence",
  actor: "actor",
  target: "target",
  place: "place",
  date: "date",
  deadline: "deadline",
  amount: "amount",
  quote: "quote",
  evidence: "evidence",
};

/** For each code point index 0..n, the UTF-16 index it starts at (index n: the length). */
export function codeUnitOffsets(text) {
  const offsets = [0];
  let units = 0;
  for (const ch of text) {
    units += ch.length;
    offsets.push(units);
  }
  return offsets;
}

export class ArticleView {
  /**
   * @param {{root, title, meta, legend, text, panel, empty}} nodes
   * @param {{onSelectEvent: Function}} handlers onSelectEvent(articleId, eventId)
   */
  constructor(nodes, handlers) {
    this.nodes = nodes;
    this.handlers = handlers;
    this.hidden = new Set();
    this.analysis = null;
    this.eventId = null;
    nodes.text.addEventListener("click", (e) => {
      const piece = e.target.closest(".seg[data-events]");
      if (!piece || !this.analysis) return;
      const ids = piece.dataset.events.split(" ");
      const next = ids.find((id) => id !== this.eventId) || ids[0];
      this.handlers.onSelectEvent(this.analysis.article.id, next);
    });
  }

  clear() {
    this.analysis = null;
    this.eventId = null;
    this.nodes.root.hidden = true;
    this.nodes.empty.hidden = false;
  }

  /** Show an analysis (`/api/articles/{id}`) with one of its events selected (or none). */
  show(analysis, eventId, { keepScroll = false } = {}) {
    const scrolled = this.nodes.text.scrollTop;
    this.analysis = analysis;
    this.eventId = eventId;
    const article = analysis.article;
    this.text = article.text || "";
    this.units = codeUnitOffsets(this.text);
    this.records = indexRecords(analysis);
    this.nodes.empty.hidden = true;
    this.nodes.root.hidden = false;
    this.nodes.title.textContent = article.title || article.id;
    this.nodes.meta.replaceChildren(...metaParts(analysis));
    const event = (analysis.events || []).find((e) => e.id === eventId) || null;
    const spans = this.highlightSpans(analysis);
    const focus = event ? this.focusSpans(event) : [];
    this.renderLegend(spans);
    this.renderText(spans, focus, article.lang);
    this.renderPanel(event);
    const first =
      this.nodes.text.querySelector(".seg.f-trigger") ||
      this.nodes.text.querySelector(".seg.focus");
    if (keepScroll) this.nodes.text.scrollTop = scrolled;
    else if (first) first.scrollIntoView({ block: "center", inline: "nearest" });
    else this.nodes.text.scrollTop = 0;
  }

  /** UTF-16 [start, end) of a record's code point offsets, clamped to the text. */
  units16(start, end) {
    const n = this.units.length - 1;
    const s = Math.max(0, Math.min(n, start | 0));
    const e = Math.max(s, Math.min(n, end | 0));
    return [this.units[s], this.units[e]];
  }

  slice(span) {
    const [s, e] = this.units16(span.start, span.end);
    return this.text.slice(s, e);
  }

  /** Every extracted span of the article, with its kind and record. */
  highlightSpans(analysis) {
    const spans = [];
    const add = (kind, span, record) => {
      if (span && Number.isInteger(span.start) && span.end > span.start) {
        spans.push({ kind, start: span.start, end: span.end, record });
      }
    };
    for (const [key, kind] of KINDS) {
      for (const record of analysis[key] || []) {
        if (kind === "entity") {
          const mentions = record.mentions && record.mentions.length ? record.mentions : [];
          const seen = new Set();
          for (const span of [record, ...mentions]) {
            const at = `${span.start}:${span.end}`;
            if (!seen.has(at)) add(kind, span, record);
            seen.add(at);
          }
        } else {
          add(kind, record, record);
        }
      }
    }
    return spans;
  }

  /** The spans of the selected event, each with its role. */
  focusSpans(event) {
    const out = [];
    const add = (role, span, label) => {
      if (span && Number.isInteger(span.start) && span.end > span.start) {
        out.push({ role, start: span.start, end: span.end, label });
      }
    };
    const byId = this.records;
    add("trigger", event, "trigger");
    add("sentence", event.sentence, "sentence");
    for (const arg of event.actors || []) add("actor", arg, "actor");
    for (const arg of event.targets || []) add("target", arg, "target");
    if (event.place) add("place", byId.places.get(event.place), "place");
    if (event.date) add("date", byId.times.get(event.date), "date");
    if (event.deadline) add("deadline", byId.times.get(event.deadline), "deadline");
    const amountIds = new Set(event.amounts || []);
    for (const arg of [...(event.actors || []), ...(event.targets || [])]) {
      for (const id of arg.amounts || []) amountIds.add(id);
    }
    for (const id of amountIds) add("amount", byId.amounts.get(id), "amount");
    for (const id of event.quotes || []) add("quote", byId.quotes.get(id), "quote");
    for (const span of event.evidence || []) add("evidence", span, "evidence");
    return out;
  }

  renderLegend(spans) {
    const counts = {};
    for (const span of spans) counts[span.kind] = (counts[span.kind] || 0) + 1;
    const items = KINDS.map(([, kind, label]) => {
      const box = el("input", {
        type: "checkbox",
        checked: !this.hidden.has(kind),
        dataset: { kind },
        onchange: (e) => {
          if (e.target.checked) this.hidden.delete(kind);
          else this.hidden.add(kind);
          this.nodes.text.classList.toggle(`hide-${kind}`, !e.target.checked);
        },
      });
      return el(
        "label",
        { class: `kind-key k-${kind}` },
        box,
        el("span", { class: `sample k-${kind} bg-${kind}`, text: label }),
        ` ${counts[kind] || 0}`,
      );
    });
    items.push(
      el(
        "span",
        { class: "kind-key" },
        el("span", { class: "sample focus", text: "selected event" }),
      ),
    );
    this.nodes.legend.replaceChildren(...items);
    for (const [, kind] of KINDS)
      this.nodes.text.classList.toggle(`hide-${kind}`, this.hidden.has(kind));
  }

  renderText(spans, focus, lang) {
    const n = this.units.length - 1;
    const bounds = new Set([0, n]);
    for (const s of [...spans, ...focus]) {
      bounds.add(Math.max(0, Math.min(n, s.start)));
      bounds.add(Math.max(0, Math.min(n, s.end)));
    }
    const cuts = [...bounds].sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = cuts[i];
      const b = cuts[i + 1];
      const piece = this.text.slice(this.units[a], this.units[b]);
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      const roles = focus.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length && !roles.length) {
        fragment.append(document.createTextNode(piece));
        continue;
      }
      fragment.append(this.piece(piece, a, b, covering, roles));
    }
    this.nodes.text.replaceChildren(fragment);
    if (lang) this.nodes.text.setAttribute("lang", lang);
    else this.nodes.text.removeAttribute("lang");
  }

  piece(text, start, end, covering, roles) {
    const node = document.createElement("span");
    node.className = "seg";
    const kinds = [...new Set(covering.map((s) => s.kind))];
    for (const kind of kinds) node.classList.add(`k-${kind}`);
    const inner = covering
      .filter((s) => BACKGROUND_KINDS.has(s.kind))
      .sort(
        (p, q) => p.end - p.start - (q.end - q.start) || kindRank(q.kind) - kindRank(p.kind),
      )[0];
    if (inner) node.classList.add(`bg-${inner.kind}`);
    const roleNames = [...new Set(roles.map((r) => r.role))];
    if (roleNames.some((r) => r !== "sentence")) node.classList.add("focus");
    for (const role of roleNames) node.classList.add(`f-${role}`);
    node.dataset.kinds = kinds.join(" ");
    node.dataset.start = String(start);
    node.dataset.end = String(end);
    if (roleNames.length) node.dataset.roles = roleNames.join(" ");
    const events = covering.filter((s) => s.kind === "event").map((s) => s.record.id);
    if (events.length) {
      node.dataset.events = [...new Set(events)].join(" ");
      const first = covering.find((s) => s.kind === "event");
      node.style.setProperty("--event-color", typeColor(first.record.type));
    }
    const lines = covering
      .sort((p, q) => p.start - q.start || q.end - p.end)
      .map((s) => describe(s.kind, s.record, this.records));
    const named = roleNames.filter((r) => r !== "sentence" || roleNames.length === 1);
    if (named.length)
      lines.unshift(`Selected event: ${named.map((r) => ROLE_NAMES[r]).join(", ")}`);
    node.title = lines.join("\n");
    node.append(document.createTextNode(text));
    return node;
  }

  renderPanel(event) {
    const panel = this.nodes.panel;
    panel.replaceChildren();
    const events = this.analysis.events || [];
    if (!event) {
      panel.append(
        el("p", {
          class: "hint",
          text: events.length
            ? "Click an event trigger in the text, or pick one below, to see its evidence."
            : "No event was coded in this article.",
        }),
      );
    } else {
      panel.append(this.eventFields(event));
    }
    if (events.length) {
      const list = el("ul", { class: "event-list" });
      for (const other of events) {
        list.append(
          el(
            "li",
            {},
            el(
              "button",
              {
                type: "button",
                class: other.id === this.eventId ? "current" : null,
                "aria-pressed": String(other.id === this.eventId),
                onclick: () => this.handlers.onSelectEvent(this.analysis.article.id, other.id),
              },
              el("span", { class: "swatch", style: `background:${typeColor(other.type)}` }),
              `${other.type} “${other.text}”`,
              other.date_value ? ` ${other.date_value}` : "",
            ),
          ),
        );
      }
      panel.append(el("h3", { text: `Events in this article (${events.length})` }), list);
    }
  }

  eventFields(event) {
    const byId = this.records;
    const box = el("section", { class: "event-fields", dataset: { eventId: event.id } });
    box.append(
      el(
        "h3",
        {},
        el("span", {
          class: "type-badge",
          style: `background:${typeColor(event.type)}`,
          text: event.type,
        }),
        event.mode ? ` ${event.mode}` : "",
      ),
    );
    const dl = el("dl");
    const field = (name, ...values) => {
      const kept = values.filter((v) => v !== null && v !== undefined && v !== "");
      if (!kept.length) return;
      dl.append(el("dt", { text: name }), ...kept.map((v) => el("dd", {}, v)));
    };
    const evidence = (span, label) => {
      if (!span || !(span.end > span.start)) return null;
      return el(
        "button",
        {
          type: "button",
          class: "evidence",
          title: `Show in the text (${span.start}–${span.end})`,
          onclick: () => this.reveal(span.start, span.end),
        },
        label ? `${label}: ` : "",
        el("q", { text: this.slice(span) }),
      );
    };
    field("Status", event.status);
    field("Why", (event.reasons || []).join("; "));
    field("Contexts", (event.contexts || []).join(", "));
    const time = event.date ? byId.times.get(event.date) : null;
    field(
      "Date",
      event.date_value
        ? `${event.date_value} (${event.date_source === "published" ? "publication date" : "from the text"})`
        : "not known",
      time ? evidence(time) : null,
    );
    field("Trigger", evidence(event));
    for (const arg of event.actors || []) field("Actor", argument(arg, byId, evidence));
    for (const arg of event.targets || []) field("Target", argument(arg, byId, evidence));
    const place = event.place ? byId.places.get(event.place) : null;
    if (place) field("Place", placeLine(place), evidence(place));
    for (const id of event.amounts || []) {
      const amount = byId.amounts.get(id);
      if (amount) field("Amount", amountLine(amount), evidence(amount));
    }
    for (const id of event.quotes || []) {
      const quote = byId.quotes.get(id);
      if (quote)
        field("Quote", `${quote.kind}, ${quote.speaker || "speaker unknown"}`, evidence(quote));
    }
    if (event.deadline) {
      const deadline = byId.times.get(event.deadline);
      field(
        "Deadline",
        deadline ? timeLine(deadline) : event.deadline,
        deadline ? evidence(deadline) : null,
      );
    }
    field("Sentence", evidence(event.sentence));
    for (const span of event.evidence || []) field("Evidence", evidence(span));
    field("Confidence", event.confidence !== undefined ? String(event.confidence) : null);
    box.append(dl);
    return box;
  }

  /** Scroll to and flash the pieces of [start, end). */
  reveal(start, end) {
    const pieces = [...this.nodes.text.querySelectorAll(".seg")].filter(
      (node) => Number(node.dataset.start) >= start && Number(node.dataset.end) <= end,
    );
    if (!pieces.length) return;
    pieces[0].scrollIntoView({ block: "center", inline: "nearest" });
    for (const piece of pieces) {
      piece.classList.remove("flash");
      void piece.offsetWidth; // restart the animation
      piece.classList.add("flash");
    }
  }
}

/** Later kinds are the more specific ones (a place over the entity of the same words). */
function kindRank(kind) {
  return KINDS.findIndex(([, k]) => k === kind);
}

function indexRecords(analysis) {
  const maps = {};
  for (const [key] of KINDS) maps[key] = new Map((analysis[key] || []).map((r) => [r.id, r]));
  return maps;
}

function metaParts(analysis) {
  const a = analysis.article;
  const parts = [a.source, a.published, a.lang].filter(Boolean).join(" · ");
  const out = [document.createTextNode(parts)];
  if (a.url && /^https?:\/\//i.test(a.url)) {
    out.push(document.createTextNode(parts ? " · " : ""));
    out.push(
      el("a", {
        href: a.url,
        rel: "noopener noreferrer nofollow",
        target: "_blank",
        text: "source",
      }),
    );
  }
  const p = analysis.provenance;
  if (p && p.status && p.status !== "analysed") {
    out.push(document.createTextNode(` · not analysed: ${p.reason || p.status}`));
  }
  return out;
}

function argument(arg, byId, evidence) {
  const entity = arg.entity ? byId.entities.get(arg.entity) : null;
  const line = entity ? `${entity.name} (${entity.label})` : arg.text;
  return el("span", {}, line, " ", evidence(arg) || "");
}

function placeLine(place) {
  if (!place.geonames_id) return `${place.text} (not resolved)`;
  const where = [
    place.name,
    place.admin1 && place.country_code
      ? `${place.country_code}-${place.admin1}`
      : place.country_code,
  ]
    .filter(Boolean)
    .join(", ");
  return `${where} · GeoNames ${place.geonames_id}${place.precision ? ` · ${place.precision}` : ""}`;
}

function amountLine(amount) {
  const bound = { at_least: "≥ ", at_most: "≤ ", about: "≈ ", exact: "" }[amount.bound] ?? "";
  const value =
    amount.value !== null && amount.value !== undefined
      ? `${bound}${amount.value}`
      : `${bound}${amount.low ?? "?"}–${amount.high ?? "?"}`;
  return `${value}${amount.unit ? ` ${amount.unit}` : ""}${amount.approximate ? " (approximate)" : ""}`;
}

function timeLine(time) {
  return [time.type, time.value, time.mod, time.ends_on ? `ends ${time.ends_on}` : null]
    .filter(Boolean)
    .join(" ");
}

/** One line of a span's tooltip: its kind and its record's main fields. */
function describe(kind, r, byId) {
  const conf =
    r.confidence !== undefined && r.confidence !== 1 ? ` · confidence ${r.confidence}` : "";
  switch (kind) {
    case "entity":
      return (
        `Entity ${r.label}: ${r.name}` +
        (r.country_code ? ` · ${r.country_code}` : "") +
        (r.role ? ` · role “${r.role.text}”` : "") +
        conf
      );
    case "place":
      return (
        `Place “${r.text}”: ${placeLine(r)}` +
        (r.lat !== null && r.lat !== undefined ? ` · ${r.lat}, ${r.lon}` : "") +
        conf
      );
    case "time":
      return `Time: ${timeLine(r)}` + (r.anchor ? ` · anchored on ${r.anchor}` : "") + conf;
    case "amount":
      return `Amount: ${amountLine(r)}` + conf;
    case "quote": {
      const speaker = r.speaker_entity && byId.entities.get(r.speaker_entity);
      return `Quote (${r.kind}): ${speaker ? speaker.name : r.speaker || "speaker unknown"}` + conf;
    }
    case "event":
      return (
        `Event ${r.type}${r.mode ? `/${r.mode}` : ""}: ${r.status}` +
        (r.date_value ? ` · ${r.date_value}` : "") +
        " · click to select" +
        conf
      );
    default:
      return kind;
  }
}
