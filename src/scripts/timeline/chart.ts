/**
 * The visual timeline: one lane per incident, marks on a canvas, axis, lane labels and the focus
 * ring in an SVG overlay.
 *
 * Canvas, not one SVG element per mark, decided by measurement (issue 4): in Chromium on the
 * 2-core build machine, one zoom step over 10,000 marks took a median of ~680 ms until the next
 * frame with SVG elements and ~17 ms with canvas. Marks therefore have no DOM of their own; the
 * chart is one focusable widget whose active event is announced through a live region, and the
 * list below it is the per-event accessible representation.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';
import { axisTop } from 'd3-axis';
import { layoutLanes, navigate, type LaneInput, type LaneLayout, type NavKey } from '../../lib/timeline/layout.ts';
import { dateOfDay } from '../../lib/timeline/span.ts';
import { fill, type TimelineStrings } from '../../lib/timeline/strings.ts';
import { dateTextOf, FLAG, type Timeline } from '../../lib/timeline/data.ts';

export interface Chart {
  /** Shows exactly these events (positions, chronological): `prepare`, then `paint`. */
  show(shown: Int32Array): void;
  /** Lays out the lanes for these events (positions, chronological); draws nothing yet. */
  prepare(shown: Int32Array): void;
  /** Sizes and draws the chart for the prepared events (a task of its own on first load). */
  paint(): void;
}

interface Options {
  tl: Timeline;
  s: TimelineStrings;
  lang: string;
  /** Opens event i (a position in the timeline). */
  open(i: number): void;
  /** Where Escape sends the focus. */
  leave(): void;
}

/** Most height the lanes may take: with many incidents, rows and gaps shrink to fit. */
const MAX_PLOT = 560;
/** Lane labels need this much height; thinner lanes are named by the tooltip and announcement. */
const LABEL_MIN = 11;
const TOP = 30;
const BOTTOM = 10;
const RIGHT = 12;
const OPEN_TAIL = 14;
const HIT = 6;

export function createChart(section: HTMLElement, o: Options): Chart {
  const el = section.querySelector<HTMLDivElement>('.tl-chart')!;
  const canvas = el.querySelector('canvas')!;
  const svgEl = el.querySelector('svg')!;
  const tip = el.querySelector<HTMLDivElement>('.tl-tip')!;
  const live = section.querySelector<HTMLElement>('#tl-chart-live')!;
  const ctx = canvas.getContext('2d')!;
  const svg = select(svgEl);
  const axisG = svg.append('g').attr('class', 'tl-axis');
  const labelsG = svg.append('g').attr('class', 'tl-lanes');
  const ring = svg.append('rect').attr('class', 'tl-ring').attr('rx', 5).style('display', 'none');
  const locale = o.lang === 'de' ? 'de-DE' : 'en-GB';
  const fmtYear = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
  const fmtMonth = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const fmtDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const tl = o.tl;
  const incidentOrder = tl.incidents.map((_, i) => i);

  // The marks: positions of the shown events, and their lane input gathered from the columns.
  let shown: Int32Array = new Int32Array(0);
  let marks: LaneInput = { length: 0, incidentIndex: [], start: [], end: [] };
  // Row height, rows per lane and gap between lanes; shrunk by show() when there are many lanes.
  let ROW = 14;
  let MAX_ROWS = 3;
  let GAP = 6;
  let layout: LaneLayout = layoutLanes(marks, incidentOrder, { rowHeight: ROW, maxRows: MAX_ROWS, gap: GAP });
  let active = -1;
  let hover = -1;
  let width = 0;
  let height = 0;
  let left = 0;
  let x0: ScaleTime<number, number> = scaleUtc();
  let x: ScaleTime<number, number> = x0;
  let t: ZoomTransform = zoomIdentity;
  let colors: Record<string, string> = {};
  const point = (i: number) => (tl.flags[shown[i]!]! & FLAG.point) !== 0;

  const readColors = () => {
    const cs = getComputedStyle(el);
    const v = (name: string) => cs.getPropertyValue(name).trim() || '#555';
    colors = {
      confirmed: v('--accent'),
      reported: v('--link'),
      disputed: v('--warn-line'),
      retracted: v('--muted'),
      stripe: v('--soft'),
      line: v('--line'),
    };
  };

  const z = zoom<HTMLDivElement, unknown>()
    // Wheel zooms only with Ctrl/⌘ so the page still scrolls over the chart; drag pans.
    .filter((ev: Event) =>
      ev.type === 'wheel' ? (ev as WheelEvent).ctrlKey || (ev as WheelEvent).metaKey : !(ev as MouseEvent).button,
    )
    .on('zoom', (ev: D3ZoomEvent<HTMLDivElement, unknown>) => {
      t = ev.transform;
      x = t.rescaleX(x0);
      draw();
    });
  const zsel = select(el) as Selection<HTMLDivElement, unknown, null, undefined>;
  // No double-click zoom: a click opens the event. Zooming is never animated (buttons, keys and
  // the wheel jump), so prefers-reduced-motion needs nothing extra here.
  zsel.call(z).on('dblclick.zoom', null);

  // Day → x in px under the current zoom, without creating Date objects per mark.
  const px = () => {
    const [d0, d1] = x.domain().map((d) => d.getTime() / 86_400_000) as [number, number];
    const [r0, r1] = x.range() as [number, number];
    const k = (r1 - r0) / (d1 - d0);
    return (day: number) => r0 + (day - d0) * k;
  };

  const markBox = (i: number, X = px()) => {
    const lane = layout.lanes[layout.laneOf[i]!]!;
    const cy = TOP + lane.y + layout.rowOf[i]! * ROW + ROW / 2;
    const x1 = X(marks.start[i]!);
    const x2 = X(marks.end[i]! + 1);
    if (point(i)) {
      const cx = (x1 + x2) / 2;
      return { x1: cx - 4, x2: cx + 4, cy };
    }
    return { x1, x2: Math.max(x2, x1 + 3), cy };
  };

  function resize() {
    width = Math.max(320, lastWidth);
    left = Math.round(Math.min(190, width * 0.28));
    height = TOP + Math.max(ROW, layout.height) + BOTTOM;
    const dpr = window.devicePixelRatio || 1;
    const cw = Math.round(width * dpr);
    const ch = Math.round(height * dpr);
    // Re-sizing a canvas re-allocates it; skip when a filter change keeps the size.
    if (canvas.width !== cw || canvas.height !== ch) {
      canvas.width = cw;
      canvas.height = ch;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      el.style.height = `${height}px`;
      svgEl.setAttribute('width', String(width));
      svgEl.setAttribute('height', String(height));
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const [lo, hi, pad] = extent();
    x0 = scaleUtc()
      .domain([dateOfDay(lo - pad), dateOfDay(hi + 1 + pad)])
      .range([left, width - RIGHT]);
    const days = hi - lo + 1 + 2 * pad;
    // Zoom in at most until one day is about 40 px wide.
    z.scaleExtent([1, Math.max(1, (40 * days) / (width - RIGHT - left))])
      .extent([
        [left, 0],
        [width - RIGHT, height],
      ])
      .translateExtent([
        [left, 0],
        [width - RIGHT, height],
      ]);
    drawLabels();
    // Resets the zoom; its 'zoom' event sets x and draws.
    z.transform(zsel, zoomIdentity);
  }

  /** First and last day shown, and the padding in days on either side. */
  function extent(): [number, number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < marks.length; i++) {
      if (marks.start[i]! < lo) lo = marks.start[i]!;
      if (marks.end[i]! > hi) hi = marks.end[i]!;
    }
    if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
    return [lo, hi, Math.max(15, Math.round((hi - lo) * 0.03))];
  }

  function drawLabels() {
    const max = Math.max(6, Math.floor((left - 10) / 6.5));
    labelsG
      .selectAll('text')
      .data(layout.lanes.filter((l) => l.height >= LABEL_MIN))
      .join('text')
      .attr('class', 'tl-lane-label')
      .attr('x', 6)
      .attr('y', (l) => TOP + l.y + Math.min(l.height, ROW) / 2 + 4)
      .text((l) => {
        const title = tl.incidents[l.incidentIndex]?.title ?? '';
        return title.length > max ? `${title.slice(0, max - 1)}…` : title;
      });
  }

  const tickFormat = (d: Date | { valueOf(): number }) => {
    const date = d instanceof Date ? d : new Date(d.valueOf());
    if (date.getUTCMonth() === 0 && date.getUTCDate() === 1) return fmtYear.format(date);
    if (date.getUTCDate() === 1) return fmtMonth.format(date);
    return fmtDay.format(date);
  };

  function draw() {
    ctx.clearRect(0, 0, width, height);
    for (const lane of layout.lanes) {
      if (lane.index % 2 === 1) {
        ctx.fillStyle = colors['stripe'] ?? '#eee';
        ctx.fillRect(0, TOP + lane.y - GAP / 2, width, lane.height + GAP);
      }
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, 0, width - left - RIGHT + 6, height);
    ctx.clip();
    // One path per status and mark kind, filled once: a fill per mark is far slower with
    // 10,000 marks, above all on a software-rendered canvas. No object per mark either.
    const [d0, d1] = x.domain().map((d) => d.getTime() / 86_400_000) as [number, number];
    const [r0, r1] = x.range() as [number, number];
    const k = (r1 - r0) / (d1 - d0);
    const statuses = tl.values.status;
    const points = statuses.map(() => new Path2D());
    const spans = statuses.map(() => new Path2D());
    const tails = statuses.map(() => new Path2D());
    const rad = Math.min(4, ROW / 2.5);
    const bar = Math.min(6, Math.max(2, ROW - 4));
    const laneY = layout.lanes.map((l) => TOP + l.y + ROW / 2);
    for (let i = 0; i < marks.length; i++) {
      const e = shown[i]!;
      const f = tl.flags[e]!;
      const st = tl.status[e]!;
      const cy = laneY[layout.laneOf[i]!]! + layout.rowOf[i]! * ROW;
      let x1 = r0 + (marks.start[i]! - d0) * k;
      let x2 = r0 + (marks.end[i]! + 1 - d0) * k;
      if (f & FLAG.point) {
        const cx = (x1 + x2) / 2;
        if (cx + 4 + OPEN_TAIL < left || cx - 4 - OPEN_TAIL > width) continue;
        const p = points[st]!;
        if (rad < 2) p.rect(cx - rad, cy - rad, 2 * rad, 2 * rad);
        else {
          p.moveTo(cx + rad, cy);
          p.arc(cx, cy, rad, 0, 2 * Math.PI);
        }
      } else {
        x2 = Math.max(x2, x1 + 3);
        if (x2 + OPEN_TAIL < left || x1 - OPEN_TAIL > width) continue;
        // Clamp far-off ends: the clip hides them, and huge coordinates slow the rasteriser.
        x1 = Math.max(x1, left - 2 * OPEN_TAIL);
        x2 = Math.min(x2, width + 2 * OPEN_TAIL);
        spans[st]!.rect(x1, cy - bar / 2, x2 - x1, bar);
        if (f & FLAG.openStart) {
          tails[st]!.moveTo(x1 - OPEN_TAIL, cy);
          tails[st]!.lineTo(x1, cy);
        }
        if (f & FLAG.openEnd) {
          tails[st]!.moveTo(x2, cy);
          tails[st]!.lineTo(x2 + OPEN_TAIL, cy);
        }
      }
    }
    const color = (n: number) => colors[statuses[n] ?? ''] ?? '#345';
    ctx.globalAlpha = 0.55;
    spans.forEach((p, n) => {
      ctx.fillStyle = color(n);
      ctx.fill(p);
    });
    ctx.globalAlpha = 1;
    ctx.setLineDash([3, 3]);
    ctx.lineWidth = 2;
    tails.forEach((p, n) => {
      ctx.strokeStyle = color(n);
      ctx.stroke(p);
    });
    ctx.setLineDash([]);
    points.forEach((p, n) => {
      ctx.fillStyle = color(n);
      ctx.fill(p);
    });
    ctx.restore();
    axisG.attr('transform', `translate(0,${TOP - 6})`).call(
      axisTop(x)
        .ticks(Math.max(2, Math.floor((width - left) / 90)))
        .tickFormat(tickFormat)
        .tickSizeOuter(0),
    );
    drawRing();
  }

  function drawRing() {
    const i = document.activeElement === el ? active : hover;
    if (i < 0 || i >= shown.length) {
      ring.style('display', 'none');
      return;
    }
    const b = markBox(i);
    ring
      .style('display', null)
      .attr('x', b.x1 - 4)
      .attr('y', b.cy - 8)
      .attr('width', b.x2 - b.x1 + 8)
      .attr('height', 16);
  }

  const typeOf = (e: number) => tl.values.type[tl.type[e]!] ?? '';
  const statusOf = (e: number) => tl.values.status[tl.status[e]!] ?? '';
  const label = (i: number) => {
    const e = shown[i]!;
    const lane = layout.lanes[layout.laneOf[i]!]!;
    return fill(o.s.eventLabel, {
      date: dateTextOf(tl, e),
      title: tl.title[e]!,
      incident: tl.incidents[tl.incident[e]!]?.title ?? '',
      type: tl.labels['type']?.[typeOf(e)] ?? typeOf(e),
      status: tl.labels['status']?.[statusOf(e)] ?? statusOf(e),
      pos: lane.members.indexOf(i) + 1,
      count: lane.members.length,
    });
  };

  function showTip(i: number) {
    if (i < 0) {
      tip.hidden = true;
      return;
    }
    const e = shown[i]!;
    const b = markBox(i);
    const strong = document.createElement('strong');
    strong.textContent = tl.title[e]!;
    const meta = document.createElement('span');
    meta.textContent = `${dateTextOf(tl, e)} · ${tl.incidents[tl.incident[e]!]?.title ?? ''} · ${tl.labels['status']?.[statusOf(e)] ?? statusOf(e)}`;
    tip.replaceChildren(strong, meta);
    tip.hidden = false;
    const w = tip.offsetWidth;
    const tx = Math.min(Math.max(4, (b.x1 + b.x2) / 2 - w / 2), width - w - 4);
    const below = b.cy + 12;
    tip.style.left = `${tx}px`;
    tip.style.top = `${below + tip.offsetHeight > height ? Math.max(0, b.cy - 12 - tip.offsetHeight) : below}px`;
  }

  function hitTest(mx: number, my: number): number {
    const X = px();
    for (const lane of layout.lanes) {
      if (my < TOP + lane.y - GAP / 2 || my > TOP + lane.y + lane.height + GAP / 2) continue;
      let best = -1;
      let bestD = HIT + 1;
      for (const i of lane.members) {
        const b = markBox(i, X);
        if (Math.abs(my - b.cy) > ROW / 2 + 2) continue;
        const d = mx < b.x1 ? b.x1 - mx : mx > b.x2 ? mx - b.x2 : 0;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      return best;
    }
    return -1;
  }

  /** Pans (without zooming) so that mark i is inside the plot. */
  function ensureVisible(i: number) {
    const b = markBox(i);
    const mid = (b.x1 + b.x2) / 2;
    if (mid >= left + 8 && mid <= width - RIGHT - 8) return;
    const centre = (left + width - RIGHT) / 2;
    z.translateBy(zsel, (centre - mid) / t.k, 0);
  }

  function activate(i: number) {
    active = i;
    if (i < 0) return;
    ensureVisible(i);
    drawRing();
    showTip(i);
    live.textContent = label(i);
  }

  el.addEventListener('pointermove', (ev) => {
    const rect = el.getBoundingClientRect();
    const i = hitTest(ev.clientX - rect.left, ev.clientY - rect.top);
    if (i === hover) return;
    hover = i;
    el.style.cursor = i >= 0 ? 'pointer' : '';
    if (document.activeElement !== el) drawRing();
    showTip(i >= 0 ? i : document.activeElement === el ? active : -1);
  });
  el.addEventListener('pointerleave', () => {
    hover = -1;
    drawRing();
    showTip(document.activeElement === el ? active : -1);
  });
  el.addEventListener('click', (ev) => {
    const rect = el.getBoundingClientRect();
    const i = hitTest(ev.clientX - rect.left, ev.clientY - rect.top);
    if (i >= 0) o.open(shown[i]!);
  });
  el.addEventListener('focus', () => {
    if (shown.length === 0) return;
    if (active < 0 || active >= shown.length) {
      // Start at the first mark in view, in the top lane that has one.
      const X = px();
      active = -1;
      for (const l of layout.lanes) {
        const first = l.members.find((i) => X(marks.start[i]!) >= left);
        if (first !== undefined) {
          active = first;
          break;
        }
      }
      if (active < 0) active = layout.lanes[0]?.members[0] ?? -1;
    }
    activate(active);
  });
  el.addEventListener('blur', () => {
    drawRing();
    showTip(-1);
  });

  const KEYS: Record<string, NavKey> = {
    ArrowLeft: 'ArrowLeft',
    ArrowRight: 'ArrowRight',
    ArrowUp: 'ArrowUp',
    ArrowDown: 'ArrowDown',
    Home: 'Home',
    End: 'End',
  };
  el.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const nav = KEYS[ev.key];
    if (nav) {
      ev.preventDefault();
      activate(navigate(layout, marks, active, nav));
    } else if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      const e = active >= 0 ? shown[active] : undefined;
      if (e !== undefined) o.open(e);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      showTip(-1);
      o.leave();
    } else if (ev.key === '+' || ev.key === '=') {
      ev.preventDefault();
      zoomBy(1.6);
    } else if (ev.key === '-' || ev.key === '_') {
      ev.preventDefault();
      zoomBy(1 / 1.6);
    } else if (ev.key === '0') {
      ev.preventDefault();
      z.transform(zsel, zoomIdentity);
    }
  });

  function zoomBy(k: number) {
    const focus = active >= 0 && active < shown.length ? markBox(active) : undefined;
    const p: [number, number] = [focus ? (focus.x1 + focus.x2) / 2 : (left + width - RIGHT) / 2, 0];
    z.scaleBy(zsel, k, p);
    if (document.activeElement === el && active >= 0) showTip(active);
  }
  for (const b of section.querySelectorAll<HTMLButtonElement>('button[data-zoom]')) {
    b.addEventListener('click', () => {
      const what = b.dataset['zoom'];
      if (what === 'in') zoomBy(1.6);
      else if (what === 'out') zoomBy(1 / 1.6);
      else z.transform(zsel, zoomIdentity);
    });
  }

  // The width comes from the ResizeObserver, so a filter change does not force a layout to read it.
  let lastWidth = 0;
  new ResizeObserver((entries) => {
    const w = Math.round(entries[0]?.contentRect.width ?? el.clientWidth);
    if (w !== lastWidth && shown.length) {
      lastWidth = w;
      resize();
    }
  }).observe(el);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    readColors();
    draw();
  });

  const chart: Chart = {
    show(next) {
      chart.prepare(next);
      chart.paint();
    },
    prepare(next) {
      const prev = active >= 0 ? shown[active] : undefined;
      shown = next;
      const m = next.length;
      const inc = new Int32Array(m);
      const start = new Int32Array(m);
      const end = new Int32Array(m);
      const inLane = new Uint8Array(tl.incidents.length);
      let lanes = 0;
      for (let i = 0; i < m; i++) {
        const e = next[i]!;
        inc[i] = tl.incident[e]!;
        start[i] = tl.start[e]!;
        end[i] = tl.end[e]!;
        if (!inLane[inc[i]!]) {
          inLane[inc[i]!] = 1;
          lanes++;
        }
      }
      marks = { length: m, incidentIndex: inc, start, end };
      if (section.hidden) {
        section.hidden = false;
        readColors();
        lastWidth = el.clientWidth;
      }
      // Marks closer than ~10 px at the unzoomed scale go to separate rows of their lane.
      const [lo, hi, pad] = extent();
      const w = Math.max(320, lastWidth);
      const pxPerDay = (w - RIGHT - Math.min(190, w * 0.28)) / (hi - lo + 1 + 2 * pad);
      GAP = lanes > 30 ? 1 : 6;
      MAX_ROWS = lanes * (3 * 14 + GAP) <= MAX_PLOT ? 3 : 1;
      ROW = Math.max(3, Math.min(14, Math.floor((MAX_PLOT - lanes * GAP) / Math.max(1, lanes * MAX_ROWS))));
      layout = layoutLanes(marks, incidentOrder, {
        rowHeight: ROW,
        maxRows: MAX_ROWS,
        gap: GAP,
        padDays: Math.ceil(10 / pxPerDay),
      });
      active = prev === undefined ? -1 : shown.indexOf(prev);
      hover = -1;
      el.setAttribute('aria-label', fill(o.s.chartLabel, { n: shown.length, lanes: layout.lanes.length }));
    },
    paint: resize,
  };
  return chart;
}
