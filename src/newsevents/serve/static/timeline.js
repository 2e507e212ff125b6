// The timeline of event dates: one stacked bar per bucket (coloured by PLOVER type), drawn in
// SVG, with a brush: drag across the bars to select a date range.

import {
  TYPES,
  addDays,
  bucketEnd,
  formatNumber,
  isoDay,
  parseDay,
  svg,
  typeColor,
} from "./common.js";

const HEIGHT = 120;
const PAD = { left: 40, right: 10, top: 8, bottom: 20 };
const DAY = 86400000;

export class Timeline {
  /**
   * @param {HTMLElement} container
   * @param {{onBrush: Function}} handlers onBrush(since, until) with ISO days, or (null, null)
   */
  constructor(container, handlers) {
    this.container = container;
    this.handlers = handlers;
    this.data = { interval: "day", buckets: [] };
    this.range = { since: null, until: null };
    this.drag = null;
    new ResizeObserver(() => this.draw()).observe(container);
  }

  setData(data) {
    this.data = data;
    this.draw();
  }

  setRange(since, until) {
    this.range = { since, until };
    this.drawBrush();
  }

  /** Date extent of the buckets: [first day, day after the last bucket's end]. */
  extent() {
    const buckets = this.data.buckets;
    const first = parseDay(buckets[0].date);
    const lastStart = parseDay(buckets[buckets.length - 1].date);
    return [first, addDays(bucketEnd(lastStart, this.data.interval), 1)];
  }

  draw() {
    this.container.replaceChildren();
    this.svg = null;
    const buckets = this.data.buckets || [];
    const width = Math.max(200, this.container.clientWidth);
    if (!buckets.length) {
      const empty = document.createElement("p");
      empty.className = "timeline-empty";
      empty.textContent = "No dated events match the filters.";
      this.container.append(empty);
      return;
    }
    const root = svg("svg", {
      width,
      height: HEIGHT,
      viewBox: `0 0 ${width} ${HEIGHT}`,
      role: "img",
      "aria-label": `Events per ${this.data.interval}`,
    });
    this.svg = root;
    this.width = width;
    const [from, to] = this.extent();
    this.from = from;
    this.to = to;
    const inner = width - PAD.left - PAD.right;
    this.x = (date) => PAD.left + ((date.getTime() - from.getTime()) / (to - from)) * inner;
    this.dateAt = (px) => new Date(from.getTime() + ((px - PAD.left) / inner) * (to - from));
    const max = Math.max(...buckets.map((b) => b.count), 1);
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const y = (n) => (n / max) * plotH;

    // Axis: the largest count and a few dates.
    root.append(
      svg("line", {
        x1: PAD.left,
        x2: width - PAD.right,
        y1: HEIGHT - PAD.bottom + 0.5,
        y2: HEIGHT - PAD.bottom + 0.5,
        class: "axis",
      }),
    );
    const maxLabel = svg("text", { x: PAD.left - 4, y: PAD.top + 8, class: "axis-label end" });
    maxLabel.textContent = formatNumber(max);
    root.append(maxLabel);
    const ticks = Math.max(2, Math.floor(inner / 110));
    for (let i = 0; i <= ticks; i++) {
      const date = new Date(from.getTime() + ((to - from) * i) / ticks);
      const label = svg("text", {
        x: this.x(date),
        y: HEIGHT - 5,
        class: `axis-label ${i === 0 ? "start" : i === ticks ? "end" : "middle"}`,
      });
      label.textContent = isoDay(new Date(Math.round(date.getTime() / DAY) * DAY));
      root.append(label);
    }

    const bars = svg("g", { class: "bars" });
    for (const bucket of buckets) {
      const start = parseDay(bucket.date);
      const end = addDays(bucketEnd(start, this.data.interval), 1);
      const x0 = this.x(start);
      const w = Math.max(1, this.x(end) - x0 - (this.x(end) - x0 > 3 ? 1 : 0));
      const group = svg("g", { class: "bar", "data-date": bucket.date });
      const title = svg("title");
      const types = Object.entries(bucket.types || {}).sort(
        (a, b) => typeIndex(a[0]) - typeIndex(b[0]),
      );
      title.textContent =
        `${bucket.date}${this.data.interval === "day" ? "" : ` (${this.data.interval})`}: ` +
        `${formatNumber(bucket.count)} events` +
        (types.length ? ` — ${types.map(([t, n]) => `${t} ${n}`).join(", ")}` : "");
      group.append(title);
      let base = HEIGHT - PAD.bottom;
      const counted = types.reduce((sum, [, n]) => sum + n, 0);
      const parts = counted ? types : [["", bucket.count]];
      for (const [type, n] of parts) {
        const h = y(n);
        group.append(
          svg("rect", {
            x: x0,
            y: base - h,
            width: w,
            height: Math.max(h, n > 0 ? 1 : 0),
            fill: typeColor(type),
          }),
        );
        base -= h;
      }
      bars.append(group);
    }
    root.append(bars);

    this.brushRect = svg("rect", {
      class: "brush",
      y: PAD.top,
      height: HEIGHT - PAD.top - PAD.bottom,
      x: 0,
      width: 0,
      visibility: "hidden",
    });
    root.append(this.brushRect);
    const overlay = svg("rect", {
      class: "brush-overlay",
      x: PAD.left,
      y: 0,
      width: inner,
      height: HEIGHT,
      fill: "transparent",
    });
    overlay.addEventListener("pointerdown", (e) => this.startDrag(e, overlay));
    overlay.addEventListener("pointermove", (e) => this.moveDrag(e));
    overlay.addEventListener("pointerup", (e) => this.endDrag(e, overlay));
    overlay.addEventListener("pointercancel", () => {
      this.drag = null;
      this.drawBrush();
    });
    root.append(overlay);
    this.container.append(root);
    this.drawBrush();
  }

  localX(event) {
    const box = this.svg.getBoundingClientRect();
    return Math.min(this.width - PAD.right, Math.max(PAD.left, event.clientX - box.left));
  }

  startDrag(event, overlay) {
    overlay.setPointerCapture(event.pointerId);
    const x = this.localX(event);
    this.drag = { x0: x, x1: x };
    this.drawBrush();
  }

  moveDrag(event) {
    if (!this.drag) return;
    this.drag.x1 = this.localX(event);
    this.drawBrush();
  }

  endDrag(event, overlay) {
    if (!this.drag) return;
    if (overlay.hasPointerCapture(event.pointerId)) overlay.releasePointerCapture(event.pointerId);
    this.drag.x1 = this.localX(event);
    const [a, b] = [this.drag.x0, this.drag.x1].sort((p, q) => p - q);
    this.drag = null;
    // A click (no drag) selects the bucket under the pointer.
    const since = this.bucketAt(this.dateAt(a));
    const until = this.bucketAt(this.dateAt(b - 0.001));
    if (!since || !until) {
      this.drawBrush();
      return;
    }
    const range = [isoDay(since.start), isoDay(until.end)];
    this.range = { since: range[0], until: range[1] };
    this.drawBrush();
    this.handlers.onBrush(range[0], range[1]);
  }

  /** The bucket (start, last day) holding a date, snapping to the nearest bucket edge. */
  bucketAt(date) {
    const buckets = this.data.buckets;
    if (!buckets.length) return null;
    let best = null;
    let bestGap = Infinity;
    for (const bucket of buckets) {
      const start = parseDay(bucket.date);
      const end = bucketEnd(start, this.data.interval);
      const next = addDays(end, 1);
      const gap = date < start ? start - date : date >= next ? date - next : 0;
      if (gap < bestGap) {
        best = { start, end };
        bestGap = gap;
      }
    }
    return best;
  }

  drawBrush() {
    if (!this.brushRect || !this.x) return;
    let x0;
    let x1;
    if (this.drag) {
      [x0, x1] = [this.drag.x0, this.drag.x1].sort((p, q) => p - q);
    } else if (this.range.since || this.range.until) {
      const since = this.range.since ? parseDay(this.range.since) : this.from;
      const until = this.range.until ? addDays(parseDay(this.range.until), 1) : this.to;
      x0 = Math.max(PAD.left, this.x(since));
      x1 = Math.min(this.width - PAD.right, this.x(until));
    } else {
      this.brushRect.setAttribute("visibility", "hidden");
      return;
    }
    this.brushRect.setAttribute("x", String(x0));
    this.brushRect.setAttribute("width", String(Math.max(1, x1 - x0)));
    this.brushRect.setAttribute("visibility", "visible");
  }
}

function typeIndex(type) {
  const i = TYPES.indexOf(type);
  return i < 0 ? TYPES.length : i;
}
