/**
 * SVG building blocks shared by the chart render functions: escaping, the accessible frame,
 * and fill patterns drawn in currentColor so series differ by pattern, not by colour alone, and
 * every chart follows the page's text colour in dark mode and in print.
 */

/** Escape text for SVG/XML content and attribute values. */
export function esc(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number rounded for SVG coordinates (stable snapshots). */
export const px = (n: number): string => String(Math.round(n * 10) / 10);

/** Ids of the fill patterns, in the order series use them. */
export const PATTERNS = ['solid', 'hatch', 'dots', 'cross', 'horizontal', 'vertical', 'outline'] as const;
export type PatternName = (typeof PATTERNS)[number];

export function patternFor(i: number): PatternName {
  return PATTERNS[i % PATTERNS.length]!;
}

/** `<defs>` with every pattern, ids prefixed by the chart id. */
export function patternDefs(prefix: string): string {
  const p = (name: string, body: string, size = 6) =>
    `<pattern id="${prefix}-${name}" width="${size}" height="${size}" patternUnits="userSpaceOnUse">${body}</pattern>`;
  return [
    p('hatch', '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="currentColor" stroke-width="1.2"/>'),
    p('dots', '<circle cx="3" cy="3" r="1.3" fill="currentColor"/>'),
    p('cross', '<path d="M0,0 L6,6 M6,0 L0,6" stroke="currentColor" stroke-width="0.9"/>'),
    p('horizontal', '<path d="M0,3 H6" stroke="currentColor" stroke-width="1.4"/>'),
    p('vertical', '<path d="M3,0 V6" stroke="currentColor" stroke-width="1.4"/>'),
    `<linearGradient id="${prefix}-fade"><stop offset="0" stop-color="currentColor" stop-opacity="0.75"/><stop offset="1" stop-color="currentColor" stop-opacity="0"/></linearGradient>`,
    `<marker id="${prefix}-open-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M1,1 L9,5 L1,9" fill="none" stroke="currentColor" stroke-width="1.5"/></marker>`,
  ].join('');
}

/** Fill (and stroke) attributes of a shape drawn with a pattern. */
export function patternFill(prefix: string, name: PatternName): string {
  switch (name) {
    case 'solid':
      return 'fill="currentColor" fill-opacity="0.8"';
    case 'outline':
      return 'fill="none" stroke="currentColor" stroke-width="1.5"';
    default:
      return `fill="url(#${prefix}-${name})" stroke="currentColor" stroke-width="1"`;
  }
}

export interface FrameOptions {
  /** Unique id of the chart on its page (used for element ids). */
  id: string;
  width: number;
  height: number;
  /** Accessible name. */
  title: string;
  /** Accessible description: what the chart shows, in one or two sentences. */
  desc: string;
  body: string;
}

/** The outer `<svg>`: role img, named and described by its own title and desc, scaling to its box. */
export function frame(o: FrameOptions): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 ${o.width} ${o.height}" width="${o.width}" height="${o.height}" ` +
    `role="img" aria-labelledby="${o.id}-title" aria-describedby="${o.id}-desc" font-family="inherit" font-size="12" fill="currentColor">` +
    `<title id="${o.id}-title">${esc(o.title)}</title><desc id="${o.id}-desc">${esc(o.desc)}</desc>` +
    `<defs>${patternDefs(o.id)}</defs>${o.body}</svg>`
  );
}

/** Shorten a label to `max` characters with an ellipsis (the table holds the full text). */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Number format of the page language: the one the figure tables use. */
export { formatNumber as fmtNumber } from '../figures.ts';

/** A legend row: swatch + label per series. */
export function legend(
  prefix: string,
  items: readonly { label: string; pattern: PatternName }[],
  x: number,
  y: number,
  width: number,
): { svg: string; height: number } {
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const it of items) {
    const text = clip(it.label, 34);
    const w = 22 + text.length * 7;
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += 18;
    }
    parts.push(
      `<rect x="${px(cx)}" y="${px(cy)}" width="12" height="12" ${patternFill(prefix, it.pattern)}/><text x="${px(cx + 16)}" y="${px(cy + 10)}">${esc(text)}</text>`,
    );
    cx += w + 12;
  }
  return { svg: `<g class="legend" aria-hidden="true">${parts.join('')}</g>`, height: items.length ? cy - y + 18 : 0 };
}
