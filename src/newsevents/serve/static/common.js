// Shared constants and small DOM helpers of the dashboard. Data from the API is only ever put
// into the page as text (textContent, createTextNode, attributes), never parsed as HTML.

/** The 16 PLOVER event types and their colours (grouped: cooperation blues and greens,
 * verbal conflict oranges, material conflict reds and purples). */
export const TYPE_COLORS = {
  AGREE: "#1f77b4",
  CONSULT: "#6baed6",
  SUPPORT: "#17becf",
  CONCEDE: "#9edae5",
  COOPERATE: "#2ca02c",
  AID: "#98df8a",
  RETREAT: "#bcbd22",
  REQUEST: "#dbdb8d",
  ACCUSE: "#ffbb78",
  REJECT: "#ff7f0e",
  THREATEN: "#e6550d",
  PROTEST: "#e377c2",
  SANCTION: "#8c564b",
  MOBILIZE: "#9467bd",
  COERCE: "#d62728",
  ASSAULT: "#67000d",
};
export const TYPES = Object.keys(TYPE_COLORS);
export const OTHER_COLOR = "#7f7f7f";
export const STATUSES = [
  "occurred",
  "threatened",
  "planned",
  "historical",
  "negated",
  "hypothetical",
];

export function typeColor(type) {
  return TYPE_COLORS[type] || OTHER_COLOR;
}

/** The type with the largest count of a `{TYPE: n}` object (ties: the first in PLOVER order). */
export function dominantType(types) {
  let best = null;
  let bestCount = -1;
  const keys = Object.keys(types || {}).sort((a, b) => order(a) - order(b));
  for (const key of keys) {
    if (types[key] > bestCount) {
      best = key;
      bestCount = types[key];
    }
  }
  return best;
}

function order(type) {
  const i = TYPES.indexOf(type);
  return i < 0 ? TYPES.length : i;
}

/** A new element with optional class, text and attributes; children appended in order. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

export const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

export function formatNumber(n) {
  return Number(n).toLocaleString("en-US");
}

/** `2025-11-28` from a Date at UTC midnight. */
export function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

export function parseDay(text) {
  return new Date(`${text}T00:00:00Z`);
}

export function addDays(date, days) {
  return new Date(date.getTime() + days * 86400000);
}

/** The last day of the bucket that starts on `start` for an interval of day, week or month. */
export function bucketEnd(start, interval) {
  if (interval === "week") return addDays(start, 6);
  if (interval === "month") {
    return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  }
  return start;
}
