/**
 * Time between milestones per incident, in days, on a linear axis through zero. A negative
 * interval (a fix before disclosure) is drawn left of zero, not hidden. A range (dates known only
 * to the month or year) is a hatched box from its least to its greatest possible value; an exact
 * interval a solid bar from zero. A milestone that does not apply is written out as such.
 */
import { scaleLinear } from 'd3-scale';
import { max, min } from 'd3-array';
import { clip, esc, fmtNumber, frame, patternFill, px } from './svg.ts';

export interface IntervalRow {
  /** Group heading (the incident). */
  group: string;
  /** What is measured ("Offenlegung → erste Stellungnahme"). */
  label: string;
  /** Days: min = max when exact; null when a milestone does not apply. */
  interval: { min: number; max: number } | null;
  /** Text shown for a row without an interval ("entfällt"). */
  naText: string;
}

export interface IntervalOptions {
  id: string;
  title: string;
  desc: string;
  lang: string;
  /** Axis label ("Tage nach der Offenlegung"). */
  axisLabel: string;
  /** Formats an interval as text for the label at the bar end. */
  format: (iv: { min: number; max: number }) => string;
}

export function renderIntervals(rows: readonly IntervalRow[], o: IntervalOptions): string {
  const width = 720;
  const labelW = 250;
  const right = 90;
  const rowH = 24;
  const groupH = 22;
  const groups = [...new Set(rows.map((r) => r.group))];
  const top = 34;
  const height = top + groups.length * groupH + rows.length * rowH + 12;
  const lo = Math.min(0, min(rows, (r) => r.interval?.min) ?? 0);
  const hi = Math.max(1, max(rows, (r) => r.interval?.max) ?? 1);
  const x = scaleLinear()
    .domain([lo, hi])
    .nice()
    .range([labelW, width - right]);
  const parts: string[] = ['<g class="axis" aria-hidden="true">'];
  for (const t of x.ticks(6)) {
    parts.push(
      `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${top - 6}" y2="${height - 8}" stroke="currentColor" stroke-opacity="${t === 0 ? 0.9 : 0.15}" ${t === 0 ? 'stroke-width="1.5"' : ''}/>`,
    );
    parts.push(`<text x="${px(x(t))}" y="${top - 10}" text-anchor="middle">${esc(fmtNumber(t, o.lang))}</text>`);
  }
  parts.push(`<text x="${labelW}" y="12">${esc(o.axisLabel)}</text></g><g class="rows">`);
  let y = top;
  for (const g of groups) {
    parts.push(`<text x="4" y="${px(y + 15)}" font-weight="600">${esc(clip(g, 60))}</text>`);
    y += groupH;
    for (const r of rows.filter((rr) => rr.group === g)) {
      parts.push(`<text x="14" y="${px(y + 15)}">${esc(clip(r.label, 38))}</text>`);
      if (r.interval === null) {
        parts.push(`<text x="${px(x(0) + 6)}" y="${px(y + 15)}" font-style="italic">${esc(r.naText)}</text>`);
      } else {
        const { min: a, max: b } = r.interval;
        const text = o.format(r.interval);
        if (a === b) {
          const x0 = Math.min(x(0), x(a));
          const w = Math.max(2, Math.abs(x(a) - x(0)));
          parts.push(
            `<rect x="${px(x0)}" y="${px(y + 5)}" width="${px(w)}" height="14" ${patternFill(o.id, 'solid')}><title>${esc(`${g}, ${r.label}: ${text}`)}</title></rect>`,
          );
        } else {
          // Range: a thin line from zero to the nearer end, then the hatched box of possible values.
          const near = a > 0 ? a : b < 0 ? b : 0;
          if (near !== 0)
            parts.push(
              `<line x1="${px(x(0))}" x2="${px(x(near))}" y1="${px(y + 12)}" y2="${px(y + 12)}" stroke="currentColor" stroke-dasharray="2 2"/>`,
            );
          parts.push(
            `<rect x="${px(x(a))}" y="${px(y + 5)}" width="${px(Math.max(2, x(b) - x(a)))}" height="14" ${patternFill(o.id, 'hatch')}><title>${esc(`${g}, ${r.label}: ${text}`)}</title></rect>`,
          );
        }
        const endX = x(Math.max(b, 0));
        parts.push(`<text x="${px(endX + 5)}" y="${px(y + 16)}" font-size="11">${esc(text)}</text>`);
      }
      y += rowH;
    }
  }
  parts.push('</g>');
  return frame({ id: o.id, width, height, title: o.title, desc: o.desc, body: parts.join('') });
}
