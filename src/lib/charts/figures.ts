/**
 * Reported figures side by side on a log scale, grouped by what they count and never summed.
 * exact: solid bar; about: bar fading out at its end with "≈"; more-than: drawn from the stated
 * minimum with a fade and an open arrow (no invented maximum); range: hatched box between the two
 * stated bounds; vague: no bar, the quoted words instead.
 */
import { scaleLog } from 'd3-scale';
import { max } from 'd3-array';
import { clip, esc, frame, patternFill, px } from './svg.ts';

export interface FigureRow {
  /** Group heading: what is counted ("Links", "Meetings"). */
  group: string;
  /** Who said it. */
  label: string;
  value: {
    type: 'exact' | 'about' | 'more-than' | 'range' | 'vague';
    n?: number | undefined;
    min?: number | undefined;
    max?: number | undefined;
  };
  /** The value as text ("mehr als 6.000"). */
  valueText: string;
  /** Original wording, for vague figures (shown quoted). */
  wording: string;
}

export interface FigureOptions {
  id: string;
  title: string;
  desc: string;
  lang: string;
  axisLabel: string;
}

export function renderFigures(rows: readonly FigureRow[], o: FigureOptions): string {
  const width = 720;
  const labelW = 230;
  const right = 120;
  const rowH = 26;
  const groupH = 22;
  const groups = [...new Set(rows.map((r) => r.group))];
  const top = 34;
  const height = top + groups.length * groupH + rows.length * rowH + 10;
  const top1 = Math.max(10, max(rows, (r) => r.value.max ?? r.value.n ?? r.value.min ?? 0) ?? 10);
  const x = scaleLog()
    .domain([1, top1 * 4])
    .range([labelW, width - right])
    .nice();
  const parts: string[] = ['<g class="axis" aria-hidden="true">'];
  const [d0, d1] = x.domain() as [number, number];
  for (let t = d0; t <= d1; t *= 10) {
    parts.push(
      `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${top - 6}" y2="${height - 6}" stroke="currentColor" stroke-opacity="0.15"/>`,
    );
    parts.push(
      `<text x="${px(x(t))}" y="${top - 10}" text-anchor="middle">${esc(new Intl.NumberFormat(o.lang === 'de' ? 'de-DE' : 'en-GB', { notation: 'compact' }).format(t))}</text>`,
    );
  }
  parts.push(`<text x="4" y="12">${esc(o.axisLabel)}</text></g><g class="rows">`);
  let y = top;
  const x0 = x(d0);
  for (const g of groups) {
    parts.push(`<text x="4" y="${px(y + 15)}" font-weight="600">${esc(clip(g, 40))}</text>`);
    y += groupH;
    for (const r of rows.filter((rr) => rr.group === g)) {
      const v = r.value;
      const tip = `<title>${esc(`${r.group}, ${r.label}: ${r.valueText}`)}</title>`;
      parts.push(`<text x="14" y="${px(y + 16)}">${esc(clip(r.label, 34))}</text>`);
      let endX = x0;
      if (v.type === 'exact' && v.n !== undefined) {
        endX = x(Math.max(1, v.n));
        parts.push(
          `<rect x="${px(x0)}" y="${px(y + 6)}" width="${px(Math.max(2, endX - x0))}" height="14" ${patternFill(o.id, 'solid')}>${tip}</rect>`,
        );
      } else if (v.type === 'about' && v.n !== undefined) {
        endX = x(Math.max(1, v.n));
        const fadeFrom = x(Math.max(1, v.n * 0.8));
        parts.push(
          `<rect x="${px(x0)}" y="${px(y + 6)}" width="${px(Math.max(2, fadeFrom - x0))}" height="14" ${patternFill(o.id, 'solid')}>${tip}</rect>`,
        );
        parts.push(
          `<rect x="${px(fadeFrom)}" y="${px(y + 6)}" width="${px(Math.max(2, x(v.n * 1.25) - fadeFrom))}" height="14" fill="url(#${o.id}-fade)"/>`,
        );
        endX = x(v.n * 1.25);
      } else if (v.type === 'more-than' && v.min !== undefined) {
        const s = x(Math.max(1, v.min));
        const e = Math.min(width - right + 20, s + 70);
        parts.push(
          `<line x1="${px(s)}" x2="${px(s)}" y1="${px(y + 3)}" y2="${px(y + 23)}" stroke="currentColor" stroke-width="2"/>`,
        );
        parts.push(
          `<rect x="${px(s)}" y="${px(y + 7)}" width="${px(e - s - 8)}" height="12" fill="url(#${o.id}-fade)">${tip}</rect>`,
        );
        parts.push(
          `<line x1="${px(s)}" x2="${px(e)}" y1="${px(y + 13)}" y2="${px(y + 13)}" stroke="currentColor" stroke-width="1.5" marker-end="url(#${o.id}-open-arrow)"/>`,
        );
        endX = e;
      } else if (v.type === 'range' && v.min !== undefined && v.max !== undefined) {
        const a = x(Math.max(1, v.min));
        const b = x(Math.max(1, v.max));
        parts.push(
          `<rect x="${px(a)}" y="${px(y + 6)}" width="${px(Math.max(2, b - a))}" height="14" ${patternFill(o.id, 'hatch')}>${tip}</rect>`,
        );
        parts.push(
          `<path d="M${px(a)},${px(y + 3)}V${px(y + 23)}M${px(b)},${px(y + 3)}V${px(y + 23)}" stroke="currentColor" stroke-width="2"/>`,
        );
        endX = b;
      } else {
        parts.push(
          `<text x="${px(x0)}" y="${px(y + 16)}" font-style="italic">${esc(o.lang === 'de' ? `„${clip(r.wording, 48)}“` : `“${clip(r.wording, 48)}”`)}${tip}</text>`,
        );
        y += rowH;
        continue;
      }
      parts.push(`<text x="${px(endX + 6)}" y="${px(y + 17)}" font-size="11">${esc(r.valueText)}</text>`);
      y += rowH;
    }
  }
  parts.push('</g>');
  return frame({ id: o.id, width, height, title: o.title, desc: o.desc, body: parts.join('') });
}
