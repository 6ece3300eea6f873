/** Stacked bar chart (e.g. events per month by incident): one bar per category, one pattern per series. */
import { scaleBand, scaleLinear } from 'd3-scale';
import { max, sum } from 'd3-array';
import { clip, esc, fmtNumber, frame, legend, patternFill, patternFor, px } from './svg.ts';

export interface StackedBarsData {
  /** Category labels along the x axis (e.g. months), full text. */
  categories: { key: string; label: string; short: string }[];
  /** Series, each with one value per category. */
  series: { label: string; values: number[] }[];
}

export interface RenderOptions {
  id: string;
  title: string;
  desc: string;
  lang: string;
  /** Label of the y axis ("Ereignisse"). */
  yLabel: string;
}

export function renderStackedBars(data: StackedBarsData, o: RenderOptions): string {
  const width = Math.max(360, Math.min(960, 70 + data.categories.length * 34));
  const left = 44;
  const right = 12;
  const lg = legend(
    o.id,
    data.series.map((s, i) => ({ label: s.label, pattern: patternFor(i) })),
    left,
    6,
    width - left - right,
  );
  const top = 16 + lg.height;
  const plotH = 200;
  const bottom = 46;
  const height = top + plotH + bottom;
  const totals = data.categories.map((_, ci) => sum(data.series, (s) => s.values[ci] ?? 0));
  const x = scaleBand<string>()
    .domain(data.categories.map((c) => c.key))
    .range([left, width - right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const y = scaleLinear()
    .domain([0, Math.max(1, max(totals) ?? 1)])
    .nice()
    .range([top + plotH, top]);
  const ticks = y.ticks(Math.min(5, y.domain()[1]!)).filter((t) => Number.isInteger(t));
  const parts: string[] = [lg.svg];
  parts.push(`<g class="axis" aria-hidden="true">`);
  for (const t of ticks) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="currentColor" stroke-opacity="${t === 0 ? 0.9 : 0.2}"/>`,
    );
    parts.push(`<text x="${left - 6}" y="${px(y(t) + 4)}" text-anchor="end">${esc(fmtNumber(t, o.lang))}</text>`);
  }
  parts.push(`<text x="${left - 36}" y="${px(top - 4)}">${esc(o.yLabel)}</text>`);
  const every = Math.ceil(data.categories.length / Math.floor((width - left) / 48));
  data.categories.forEach((c, i) => {
    if (i % every !== 0) return;
    const cx = x(c.key)! + x.bandwidth() / 2;
    parts.push(`<text x="${px(cx)}" y="${px(top + plotH + 16)}" text-anchor="middle">${esc(clip(c.short, 9))}</text>`);
  });
  parts.push(`</g><g class="bars">`);
  data.categories.forEach((c, ci) => {
    let acc = 0;
    data.series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      if (v <= 0) return;
      const y0 = y(acc);
      const y1 = y(acc + v);
      acc += v;
      parts.push(
        `<rect x="${px(x(c.key)!)}" y="${px(y1)}" width="${px(x.bandwidth())}" height="${px(y0 - y1)}" ${patternFill(o.id, patternFor(si))}><title>${esc(`${c.label}, ${s.label}: ${fmtNumber(v, o.lang)}`)}</title></rect>`,
      );
    });
    if (totals[ci]! > 0)
      parts.push(
        `<text x="${px(x(c.key)! + x.bandwidth() / 2)}" y="${px(y(totals[ci]!) - 4)}" text-anchor="middle" font-size="11">${esc(fmtNumber(totals[ci]!, o.lang))}</text>`,
      );
  });
  parts.push('</g>');
  return frame({ id: o.id, width, height, title: o.title, desc: o.desc, body: parts.join('') });
}
