// The newsevents dashboard: map, timeline, table and article view over the server's JSON API.
// The state (filters, dates, page, selected event, map view) lives in the query string so a
// view can be shared; the page polls /api/status and reloads its data when the store changes.

import { ApiError, filterParams, getJson } from "./api.js";
import { ArticleView } from "./article.js";
import { STATUSES, TYPES, el, formatNumber, typeColor } from "./common.js";
import { EventMap } from "./map.js";
import { ArticleTable, EventTable, summary } from "./table.js";
import { Timeline } from "./timeline.js";

const PAGE = 50;
const POLL_MS = 5000;
const DEFAULT_VIEW = { lat: 15, lon: 0, zoom: 2 };

const state = {
  filters: emptyFilters(),
  inView: false,
  offset: 0,
  sort: "asc",
  tab: "events", // or "articles"
  open: null, // {article, event|null}
  view: { ...DEFAULT_VIEW },
};
let revision = null;
let total = null;
const seq = { map: 0, timeline: 0, table: 0, article: 0 };

function emptyFilters() {
  return {
    type: [],
    status: [],
    mode: "",
    context: "",
    country: "",
    lang: "",
    q: "",
    since: "",
    until: "",
  };
}

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- URL state

function readUrl() {
  const p = new URLSearchParams(window.location.search);
  const f = emptyFilters();
  f.type = p.getAll("type").filter(Boolean);
  f.status = p.getAll("status").filter(Boolean);
  for (const key of ["mode", "context", "country", "lang", "q", "since", "until"]) {
    f[key] = p.get(key) || "";
  }
  state.filters = f;
  state.inView = p.get("inview") === "1";
  state.offset = Math.max(0, Number.parseInt(p.get("offset") || "0", 10) || 0);
  state.sort = p.get("sort") === "desc" ? "desc" : "asc";
  state.tab = p.get("tab") === "articles" ? "articles" : "events";
  state.hasTab = p.has("tab");
  state.open = p.get("open") ? { article: p.get("open"), event: p.get("event") || null } : null;
  const view = (p.get("view") || "").split(",").map(Number);
  state.hasView = view.length === 3 && view.every(Number.isFinite);
  state.view = state.hasView ? { lat: view[0], lon: view[1], zoom: view[2] } : { ...DEFAULT_VIEW };
}

function writeUrl() {
  const p = filterParams(state.filters);
  if (state.inView) p.set("inview", "1");
  if (state.offset) p.set("offset", String(state.offset));
  if (state.sort === "desc") p.set("sort", "desc");
  if (state.tab === "articles") p.set("tab", "articles");
  if (state.open) {
    p.set("open", state.open.article);
    if (state.open.event) p.set("event", state.open.event);
  }
  const v = state.view;
  p.set("view", `${v.lat},${v.lon},${v.zoom}`);
  const url = `${window.location.pathname}?${p}`;
  if (url !== `${window.location.pathname}${window.location.search}`) {
    window.history.replaceState(null, "", url);
  }
}

// ---------------------------------------------------------------- filters form

function buildChoices(container, values, name, colored) {
  container.replaceChildren(
    ...values.map((value) =>
      el(
        "label",
        {},
        el("input", { type: "checkbox", name, value }),
        colored ? el("span", { class: "swatch", style: `background:${typeColor(value)}` }) : null,
        value,
      ),
    ),
  );
}

function fillForm() {
  const f = state.filters;
  for (const box of document.querySelectorAll("#type-options input")) {
    box.checked = f.type.includes(box.value);
  }
  for (const box of document.querySelectorAll("#status-options input")) {
    box.checked = f.status.includes(box.value);
  }
  $("f-mode").value = f.mode;
  $("f-context").value = f.context;
  $("f-country").value = f.country;
  $("f-lang").value = f.lang;
  $("f-q").value = f.q;
  $("f-inview").checked = state.inView;
  $("type-count").textContent = f.type.length ? `(${f.type.length})` : "";
  $("status-count").textContent = f.status.length ? `(${f.status.length})` : "";
}

function readForm() {
  const checked = (sel) =>
    [...document.querySelectorAll(sel)].filter((b) => b.checked).map((b) => b.value);
  const f = state.filters;
  f.type = checked("#type-options input");
  f.status = checked("#status-options input");
  f.mode = $("f-mode").value.trim();
  f.context = $("f-context").value.trim();
  f.country = $("f-country").value.trim().toUpperCase();
  f.lang = $("f-lang").value;
  f.q = $("f-q").value.trim();
  state.inView = $("f-inview").checked;
}

// ---------------------------------------------------------------- errors and status

function showError(error) {
  if (error && error.name === "AbortError") return;
  const box = $("error");
  box.textContent =
    error instanceof ApiError || error instanceof Error ? error.message : String(error);
  box.hidden = false;
  // The server's refusals are shown above; anything else is a fault of the page.
  if (error instanceof ApiError) console.warn(error.message);
  else console.error(error);
}

function clearError() {
  $("error").hidden = true;
  $("error").textContent = "";
}

function showStatus(status) {
  const c = status.counts || {};
  const parts = ["articles", "events", "places", "quotes"].map(
    (k) => `${formatNumber(c[k] || 0)} ${k}`,
  );
  $("status").textContent = `${parts.join(" · ")} · v${status.version}`;
  $("status").title = Object.entries(c)
    .map(([k, n]) => `${k}: ${n}`)
    .join("\n");
}

// ---------------------------------------------------------------- loaders

async function loadMap() {
  const n = ++seq.map;
  const params = filterParams(state.filters, { bbox: map.clusterBbox() });
  params.set("zoom", String(map.zoom()));
  const data = await getJson("map", params);
  if (n !== seq.map) return;
  map.setClusters(data.clusters || []);
  document.body.dataset.mapLoaded = String(n);
}

async function loadTimeline() {
  const n = ++seq.timeline;
  const data = await getJson("timeline", filterParams(state.filters, { dates: false }));
  if (n !== seq.timeline) return;
  timeline.setData(data);
  timeline.setRange(state.filters.since || null, state.filters.until || null);
  document.body.dataset.timelineLoaded = String(n);
}

function loadTable() {
  return state.tab === "articles" ? loadArticles() : loadEvents();
}

/** The articles of the filters that apply to them (publication dates, language, words). */
async function loadArticles() {
  const n = ++seq.table;
  const f = state.filters;
  const params = new URLSearchParams();
  for (const key of ["since", "until", "lang", "q"]) if (f[key]) params.set(key, f[key]);
  params.set("limit", String(PAGE));
  params.set("offset", String(state.offset));
  const data = await getJson("articles", params);
  if (n !== seq.table) return;
  if (state.offset && state.offset >= data.total) {
    state.offset = 0;
    writeUrl();
    return loadArticles();
  }
  articleTable.render(data.items, state.open && state.open.article);
  $("table-summary").textContent = summary(data.total, state.offset, data.items.length, "articles");
  $("page-prev").disabled = state.offset <= 0;
  $("page-next").disabled = state.offset + data.items.length >= data.total;
  document.body.dataset.tableLoaded = String(n);
}

async function loadEvents() {
  const n = ++seq.table;
  const params = filterParams(state.filters, { bbox: state.inView ? map.bbox() : null });
  let limit = PAGE;
  let offset = state.offset;
  if (state.sort === "desc") {
    // The API orders by date ascending: a page from the end, reversed.
    if (total === null) {
      params.set("limit", "1");
      total = (await getJson("events", params)).total;
    }
    offset = Math.max(0, total - state.offset - PAGE);
    limit = Math.max(1, Math.min(PAGE, total - state.offset));
  }
  params.set("limit", String(limit));
  params.set("offset", String(offset));
  let data = await getJson("events", params);
  if (state.sort === "desc" && data.total !== total) {
    total = data.total;
    offset = Math.max(0, total - state.offset - PAGE);
    params.set("limit", String(Math.max(1, Math.min(PAGE, total - state.offset))));
    params.set("offset", String(offset));
    data = await getJson("events", params);
  }
  if (n !== seq.table) return;
  total = data.total;
  if (state.offset && state.offset >= total) {
    state.offset = 0;
    writeUrl();
    return loadEvents();
  }
  const items = state.sort === "desc" ? [...data.items].reverse() : data.items;
  table.render(items, state.open);
  $("table-summary").textContent = summary(total, state.offset, items.length);
  $("page-prev").disabled = state.offset <= 0;
  $("page-next").disabled = state.offset + items.length >= total;
  document.body.dataset.tableLoaded = String(n);
}

async function loadArticle({ keepScroll = false } = {}) {
  const n = ++seq.article;
  if (!state.open) {
    articleView.clear();
    return;
  }
  const analysis = await getJson(`articles/${encodeURIComponent(state.open.article)}`);
  if (n !== seq.article) return;
  articleView.show(analysis, state.open.event, { keepScroll });
  document.body.dataset.articleLoaded = String(n);
}

async function run(...loaders) {
  try {
    await Promise.all(loaders.map((load) => load()));
    clearError();
  } catch (error) {
    showError(error);
  }
}

function reloadAll() {
  total = null;
  return run(loadMap, loadTimeline, loadTable);
}

// ---------------------------------------------------------------- actions

function selectEvent(articleId, eventId) {
  state.open = { article: articleId, event: eventId };
  writeUrl();
  table.markSelected(state.open);
  articleTable.markSelected(articleId);
  return run(loadArticle);
}

function showTab(tab) {
  state.tab = tab;
  for (const [name, panel] of [
    ["events", "events-scroll"],
    ["articles", "articles-scroll"],
  ]) {
    $(`tab-${name}`).setAttribute("aria-selected", String(name === tab));
    $(panel).hidden = name !== tab;
  }
}

function switchTab(tab) {
  if (tab === state.tab) return;
  showTab(tab);
  state.offset = 0;
  total = null;
  writeUrl();
  run(loadTable);
}

function applyFilters() {
  readForm();
  state.offset = 0;
  fillForm();
  writeUrl();
  return reloadAll();
}

async function onCluster(cluster) {
  if (cluster.count === 1 && cluster.event_ids && cluster.event_ids.length) {
    try {
      const item = await findClusterEvent(cluster);
      if (item) await selectEvent(item.article_id, item.id);
      else showError(new Error(`event ${cluster.event_ids[0]} not found near its marker`));
    } catch (error) {
      showError(error);
    }
    return;
  }
  if (!map.zoomInto(cluster)) {
    // At the deepest zoom: show the events of the view in the table.
    state.inView = true;
    state.offset = 0;
    fillForm();
    writeUrl();
    total = null;
    await run(loadTable);
  }
}

/**
 * The event item of a one-event cluster. Event ids are unique within an article, so the event
 * is looked up by id among the events around the marker (the closest one wins).
 */
async function findClusterEvent(cluster) {
  const id = cluster.event_ids[0];
  for (const pad of [0.001, 0.5, 5]) {
    const bbox = [
      Math.max(-180, cluster.lon - pad),
      Math.max(-90, cluster.lat - pad),
      Math.min(180, cluster.lon + pad),
      Math.min(90, cluster.lat + pad),
    ].join(",");
    const params = filterParams(state.filters, { bbox });
    params.set("id", id);
    params.set("limit", "1000");
    const data = await getJson("events", params);
    const found = data.items.filter((item) => item.id === id);
    if (found.length) {
      const dist = (item) =>
        item.place
          ? Math.abs(item.place.lat - cluster.lat) + Math.abs(item.place.lon - cluster.lon)
          : 1e9;
      return found.sort((a, b) => dist(a) - dist(b))[0];
    }
  }
  return null;
}

function onBrush(since, until) {
  state.filters.since = since || "";
  state.filters.until = until || "";
  state.offset = 0;
  writeUrl();
  showRange();
  total = null;
  return run(loadMap, loadTable);
}

function showRange() {
  const { since, until } = state.filters;
  $("range-label").textContent = since || until ? `${since || "…"} – ${until || "…"}` : "";
  $("clear-brush").disabled = !(since || until);
}

function onViewChange(view) {
  state.view = view;
  writeUrl();
  const loaders = [loadMap];
  if (state.inView) {
    state.offset = 0;
    total = null;
    loaders.push(loadTable);
  }
  return run(...loaders);
}

let unreachable = false;

async function poll() {
  try {
    const status = await getJson("status");
    if (unreachable) {
      unreachable = false;
      clearError();
    }
    showStatus(status);
    if (revision !== null && status.revision !== revision) {
      revision = status.revision;
      await reloadAll();
      if (state.open) await run(() => loadArticle({ keepScroll: true }));
    }
    revision = status.revision;
    document.body.dataset.revision = String(revision);
  } catch (error) {
    unreachable = !(error instanceof ApiError);
    showError(
      unreachable
        ? new Error(`The server does not answer (${error.message}); retrying every 5 s.`)
        : error,
    );
  } finally {
    window.setTimeout(poll, POLL_MS);
  }
}

// ---------------------------------------------------------------- wiring

let map;
let timeline;
let table;
let articleTable;
let articleView;

async function main() {
  if (typeof window.L === "undefined" || typeof window.topojson === "undefined") {
    showError(
      new Error(
        "The dashboard's map libraries are missing from /static/vendor/: build them with " +
          "`make web` (npm ci in web/, then node web/build.mjs) and reload.",
      ),
    );
    return;
  }
  buildChoices($("type-options"), TYPES, "type", true);
  buildChoices($("status-options"), STATUSES, "status", false);
  readUrl();
  fillForm();
  showRange();

  map = new EventMap($("map"), { onCluster, onViewChange, onError: showError });
  timeline = new Timeline($("timeline"), { onBrush });
  table = new EventTable($("events-table"), {
    onSelect: (item) => selectEvent(item.article_id, item.id),
  });
  articleTable = new ArticleTable($("articles-table"), {
    onSelect: (articleId) => selectEvent(articleId, null),
  });
  showTab(state.tab);
  $("tab-events").addEventListener("click", () => switchTab("events"));
  $("tab-articles").addEventListener("click", () => switchTab("articles"));
  articleView = new ArticleView(
    {
      root: $("article-view"),
      empty: $("article-empty"),
      title: $("article-title"),
      meta: $("article-meta"),
      legend: $("kind-legend"),
      text: $("article-text"),
      panel: $("event-panel"),
    },
    { onSelectEvent: (articleId, eventId) => selectEvent(articleId, eventId) },
  );

  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    applyFilters();
  });
  for (const box of document.querySelectorAll(".choice-list input, #f-lang, #f-inview")) {
    box.addEventListener("change", () => applyFilters());
  }
  // The type and status lists close on a click elsewhere or on Escape.
  document.addEventListener("click", (e) => {
    for (const open of document.querySelectorAll("details.choice[open]")) {
      if (!open.contains(e.target)) open.open = false;
    }
  });
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    for (const open of document.querySelectorAll("details.choice[open]")) {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
  $("reset-filters").addEventListener("click", () => {
    state.filters = emptyFilters();
    state.inView = false;
    state.offset = 0;
    fillForm();
    showRange();
    writeUrl();
    reloadAll();
  });
  $("clear-brush").addEventListener("click", () => {
    timeline.setRange(null, null);
    onBrush(null, null);
  });
  $("page-prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE);
    writeUrl();
    run(loadTable);
  });
  $("page-next").addEventListener("click", () => {
    state.offset += PAGE;
    writeUrl();
    run(loadTable);
  });
  $("sort-date").addEventListener("click", () => {
    state.sort = state.sort === "asc" ? "desc" : "asc";
    state.offset = 0;
    updateSortButton();
    writeUrl();
    run(loadTable);
  });
  updateSortButton();

  try {
    await map.init(state.view);
  } catch (error) {
    showError(error);
  }
  await Promise.all([reloadAll(), state.open ? run(loadArticle) : null]);
  // A store without events yet (only extracted records): list its articles instead.
  if (
    !state.hasTab &&
    total === 0 &&
    !window.location.search.match(/[?&](type|status|mode|context|country|lang|q|since|until)=/)
  ) {
    showTab("articles");
    await run(loadTable);
  }
  // A first visit (no view in the URL) frames the events; the move reloads the markers.
  if (!state.hasView && map.fitToMarkers()) await run(loadMap);
  state.view = map.view();
  writeUrl();
  document.body.dataset.ready = "1";
  poll();
}

function updateSortButton() {
  const button = $("sort-date");
  button.textContent = state.sort === "asc" ? "Date ▲" : "Date ▼";
  button.closest("th").setAttribute("aria-sort", state.sort === "asc" ? "ascending" : "descending");
  button.setAttribute(
    "aria-label",
    `Date, sorted ${state.sort === "asc" ? "oldest first" : "newest first"}; click to reverse`,
  );
}

main();
