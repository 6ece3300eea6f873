/** Shape of bench/results/*.json, and the table printed from it. */
import type { PageWeight, SearchFigures, TimelineFigures } from './browser.ts';
import type { LighthouseScores } from './lighthouse.ts';
import type { Verdict } from './budgets.ts';

type Missing = { value: null; reason: string };

export interface BenchResult {
  events: number;
  seed: number;
  corpus: Record<string, number>;
  /** HTML pages our build wrote. */
  pages: number;
  /** Cold `astro build`: dist, .astro and node_modules/.astro|.vite deleted first; installation excluded. */
  buildSeconds: number;
  pagesPerSecond: number;
  /** User + system CPU seconds of the cold build (all cores); steadier than wall time on a busy machine. */
  buildCpuSeconds: number | null;
  /** Plain Astro blog with the same number of pages, built cold in the same run. */
  baselinePages: number | null;
  baselineBuildSeconds: number | null;
  baselinePagesPerSecond: number | null;
  baselineBuildCpuSeconds: number | null;
  /** pagesPerSecond ÷ baselinePagesPerSecond. */
  speedup: number | null;
  /** The same ratio on CPU seconds: (pages / our CPU s) ÷ (pages / baseline CPU s). */
  cpuSpeedup: number | null;
  /** Second build right after the cold one, caches kept, content unchanged. */
  warmBuildSeconds: number | null;
  peakRssMB: number | null;
  baselinePeakRssMB: number | null;
  searchIndexBytes: number | null;
  distFiles: number;
  distBytes: number;
  /** validateContent on the corpus (the same check the build's content gate runs). */
  validateSeconds: number;
  pageWeight: Record<string, PageWeight | Missing>;
  search: SearchFigures | Missing;
  timeline: TimelineFigures | Missing;
  lighthouse: Record<string, LighthouseScores | Missing> | null;
  budgets?: Verdict[];
  machine: { cpus: number; loadAvgAtStart: number[]; node: string; astro: string; date: string };
}

const f = (n: number | null | undefined, d = 1) => (n === null || n === undefined ? '—' : n.toFixed(d));

export function table(rows: BenchResult[]): string {
  const head = [
    'events',
    'pages',
    'build s',
    'CPU s',
    'pages/s',
    'plain Astro pages/s',
    'ratio',
    'CPU ratio',
    'warm s',
    'peak RSS MB',
    'search index KB',
    'dist files',
  ];
  const body = rows.map((r) => [
    String(r.events),
    String(r.pages),
    f(r.buildSeconds),
    f(r.buildCpuSeconds),
    f(r.pagesPerSecond),
    f(r.baselinePagesPerSecond),
    r.speedup === null ? '—' : `${r.speedup.toFixed(2)}×`,
    r.cpuSpeedup === null ? '—' : `${r.cpuSpeedup.toFixed(2)}×`,
    f(r.warmBuildSeconds),
    r.peakRssMB === null ? '—' : String(r.peakRssMB),
    r.searchIndexBytes === null ? '—' : String(Math.round(r.searchIndexBytes / 1024)),
    String(r.distFiles),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(w[i]!)).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function weightTable(r: BenchResult): string {
  const lines = [
    '| page | url | HTML gz | CSS gz | JS gz | DOM nodes | no-JS text |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const [t, w] of Object.entries(r.pageWeight)) {
    if ('value' in w) lines.push(`| ${t} | — | — | — | — | — | ${w.reason} |`);
    else
      lines.push(
        `| ${t} | ${w.url} | ${w.htmlGzBytes} | ${w.cssGzBytes} | ${w.jsGzBytes} | ${w.domNodes} | ${w.noJsTextRatio} |`,
      );
  }
  return lines.join('\n');
}
