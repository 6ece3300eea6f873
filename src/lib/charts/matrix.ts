/**
 * Two-way count table drawn as a grid of squares whose area follows the count, with the number
 * written in each cell (suppressed cells hatched and marked), so the chart reads without colour.
 */
import { scaleSqrt } from 'd3-scale';
import { max } from 'd3-array';
import { clip, esc, fmtNumber, frame, patternFill, px } from './svg.ts';

export interface MatrixData {
  rows: string[];
  cols: string[];
  /** Counts per row and column; "suppressed" for cells withheld by disclosure control. */
  values: (number | 'suppressed')[][];
}

export interface MatrixOptions {
  id: string;
  title: string;
  desc: string;
  lang: string;
  /** Text shown in a suppressed cell. */
  suppressedMark?: string;
}

export function renderMatrix(data: MatrixData, o: MatrixOptions): string {
  const labelW = Math.min(210, 16 + (max(data.rows, (r) => r.length) ?? 10) * 6.6);
  const widest = max(data.values.flat(), (v) => (typeof v === 'number' ? fmtNumber(v, o.lang).length : 0)) ?? 1;
  const cell = Math.max(46, Math.ceil(14 + widest * 7.5));
  const cellH = 46;
  const headH = 70;
  // Room on the right for the rotated heading of the last column.
  const width = Math.ceil(labelW + data.cols.length * cell + 90);
  const height = headH + data.rows.length * cellH + 10;
  const all = data.values.flat().filter((v): v is number => typeof v === 'number');
  const r = scaleSqrt()
    .domain([0, Math.max(1, max(all) ?? 1)])
    .range([0, 12]);
  const parts: string[] = ['<g class="axis" aria-hidden="true">'];
  data.cols.forEach((c, ci) => {
    const cx = labelW + ci * cell + cell / 2;
    parts.push(`<text transform="translate(${px(cx + 4)},${headH - 8}) rotate(-40)">${esc(clip(c, 14))}</text>`);
  });
  data.rows.forEach((row, ri) => {
    parts.push(
      `<text x="${px(labelW - 8)}" y="${px(headH + ri * cellH + cellH / 2 + 4)}" text-anchor="end">${esc(clip(row, 32))}</text>`,
    );
  });
  // The grid is one path of its lines, not a rectangle per cell: at 14 countries × 7 categories that
  // was 98 elements of an incident page's DOM (its budget is 1,500 nodes), for the same lines.
  const gridRight = labelW + data.cols.length * cell;
  const gridBottom = headH + data.rows.length * cellH;
  const grid = [
    ...Array.from(
      { length: data.rows.length + 1 },
      (_, k) => `M${px(labelW)},${px(headH + k * cellH)}H${px(gridRight)}`,
    ),
    ...Array.from(
      { length: data.cols.length + 1 },
      (_, k) => `M${px(labelW + k * cell)},${px(headH)}V${px(gridBottom)}`,
    ),
  ].join('');
  parts.push(
    `</g><path class="grid" d="${grid}" fill="none" stroke="currentColor" stroke-opacity="0.25"/><g class="cells">`,
  );
  data.rows.forEach((row, ri) => {
    data.cols.forEach((col, ci) => {
      const v = data.values[ri]?.[ci] ?? 0;
      const x0 = labelW + ci * cell;
      const y0 = headH + ri * cellH;
      if (v === 'suppressed') {
        parts.push(
          `<rect x="${px(x0 + 6)}" y="${px(y0 + 6)}" width="${cell - 12}" height="${cellH - 12}" ${patternFill(o.id, 'hatch')} fill-opacity="0.5"><title>${esc(`${row}, ${col}: ${o.suppressedMark ?? 'suppressed'}`)}</title></rect>`,
        );
        return;
      }
      if (v <= 0) return;
      // Square (area ∝ count) in the upper part of the cell, the number written below it.
      const s = Math.max(2, r(v) * 2);
      parts.push(
        `<rect x="${px(x0 + (cell - s) / 2)}" y="${px(y0 + 16 - s / 2)}" width="${px(s)}" height="${px(s)}" fill="currentColor" fill-opacity="0.5" stroke="currentColor"><title>${esc(`${row}, ${col}: ${fmtNumber(v, o.lang)}`)}</title></rect>`,
      );
      parts.push(
        `<text x="${px(x0 + cell / 2)}" y="${px(y0 + cellH - 5)}" text-anchor="middle" font-weight="600" font-size="11">${esc(fmtNumber(v, o.lang))}</text>`,
      );
    });
  });
  parts.push('</g>');
  return frame({ id: o.id, width, height, title: o.title, desc: o.desc, body: parts.join('') });
}
