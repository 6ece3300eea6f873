/**
 * The budgets of bench/budgets.json checked against one result. Pure: a result in, a list of
 * verdicts out — each names what was measured, where, the limit and by how much it is missed.
 * A figure that could not be measured fails its budget with the reason (a missing page is not a pass).
 */
import type { BenchResult } from './result.ts';
import { isMissing } from './browser.ts';

export interface Budgets {
  corpusEvents: number;
  readingPages: { types: string[]; maxJsGzBytes: number; maxTotalGzBytes: number; minNoJsTextRatio: number };
  maxDomNodes: Record<string, number>;
  timeline: { maxJsGzBytes: number; maxMsToInteractive: number; maxMsFilterChange: number };
  search: { maxBytesBeforeFirstResult: number; maxMsToFirstResult: number };
  build: { maxPeakRssMB: number };
  lighthouse: { pages: string[]; minScore: number };
}

export interface Verdict {
  budget: string;
  ok: boolean;
  actual: number | string | null;
  limit: number | string;
  /** Why it failed, or how far it is from the limit. */
  note: string;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function checkBudgets(r: BenchResult, b: Budgets): Verdict[] {
  const out: Verdict[] = [];
  const max = (
    budget: string,
    actual: number | null | undefined,
    limit: number,
    fmt: (n: number) => string = String,
    why = '',
  ) => {
    if (actual === null || actual === undefined)
      out.push({ budget, ok: false, actual: null, limit: fmt(limit), note: why || 'not measured' });
    else
      out.push({
        budget,
        ok: actual <= limit,
        actual,
        limit: fmt(limit),
        note: actual <= limit ? `${fmt(limit - actual)} to spare` : `over by ${fmt(actual - limit)}`,
      });
  };
  const min = (budget: string, actual: number | null | undefined, limit: number, why = '') => {
    if (actual === null || actual === undefined)
      out.push({ budget, ok: false, actual: null, limit, note: why || 'not measured' });
    else
      out.push({
        budget,
        ok: actual >= limit,
        actual,
        limit,
        note: actual >= limit ? 'ok' : `short by ${Math.round((limit - actual) * 1000) / 1000}`,
      });
  };

  out.push({
    budget: 'corpus size',
    ok: r.events >= b.corpusEvents,
    actual: r.events,
    limit: `≥ ${b.corpusEvents} events`,
    note:
      r.events >= b.corpusEvents ? 'ok' : `the budgets are defined for ${b.corpusEvents} events; run without --events`,
  });
  max('build peak RSS (MB)', r.peakRssMB, b.build.maxPeakRssMB, (n) => `${n} MB`, 'no /proc to sample');

  for (const t of b.readingPages.types) {
    const w = r.pageWeight[t];
    const why = w && isMissing(w) ? w.reason : `page type ${t} not measured`;
    const pw = w && !isMissing(w) ? w : undefined;
    const at = pw ? ` ${pw.url}` : '';
    max(`${t}: JavaScript (gzip)${at}`, pw?.jsGzBytes, b.readingPages.maxJsGzBytes, kb, why);
    max(
      `${t}: HTML+CSS+JS (gzip)${at}`,
      pw ? pw.htmlGzBytes + pw.cssGzBytes + pw.jsGzBytes : null,
      b.readingPages.maxTotalGzBytes,
      kb,
      why,
    );
    min(`${t}: complete without JavaScript (text ratio)${at}`, pw?.noJsTextRatio, b.readingPages.minNoJsTextRatio, why);
  }
  for (const [t, limit] of Object.entries(b.maxDomNodes)) {
    const w = r.pageWeight[t];
    const pw = w && !isMissing(w) ? w : undefined;
    max(
      `${t}: DOM nodes${pw ? ` ${pw.url}` : ''}`,
      pw?.domNodes,
      limit,
      String,
      w && isMissing(w) ? w.reason : undefined,
    );
  }
  const tw = r.pageWeight['timeline'];
  max(
    'timeline: JavaScript (gzip)',
    tw && !isMissing(tw) ? tw.jsGzBytes : null,
    b.timeline.maxJsGzBytes,
    kb,
    tw && isMissing(tw) ? tw.reason : undefined,
  );
  const tl = r.timeline;
  max(
    'timeline: ms to interactive',
    isMissing(tl) ? null : tl.msToInteractive,
    b.timeline.maxMsToInteractive,
    (n) => `${n} ms`,
    isMissing(tl) ? tl.reason : undefined,
  );
  max(
    'timeline: ms per filter change',
    isMissing(tl) ? null : tl.msFilterChange,
    b.timeline.maxMsFilterChange,
    (n) => `${n} ms`,
    isMissing(tl) ? tl.reason : undefined,
  );
  const s = r.search;
  max(
    'search: bytes before first result',
    isMissing(s) ? null : s.bytesBeforeFirstResult,
    b.search.maxBytesBeforeFirstResult,
    kb,
    isMissing(s) ? s.reason : undefined,
  );
  max(
    'search: ms to first result',
    isMissing(s) ? null : s.msToFirstResult,
    b.search.maxMsToFirstResult,
    (n) => `${n} ms`,
    isMissing(s) ? s.reason : undefined,
  );

  for (const p of b.lighthouse.pages) {
    const l = r.lighthouse?.[p];
    if (!l || isMissing(l)) {
      out.push({
        budget: `lighthouse ${p}`,
        ok: false,
        actual: null,
        limit: b.lighthouse.minScore,
        note: l ? l.reason : 'lighthouse not run (use --check)',
      });
      continue;
    }
    for (const [cat, v] of [
      ['performance', l.performance],
      ['accessibility', l.accessibility],
      ['best-practices', l.bestPractices],
      ['seo', l.seo],
    ] as const) {
      const lost = Object.entries(l.failing[cat] ?? {})
        .map(([k, sc]) => `${k}=${sc}`)
        .join(', ');
      out.push({
        budget: `lighthouse ${p} ${cat} ${l.url}`,
        ok: v >= b.lighthouse.minScore,
        actual: v,
        limit: b.lighthouse.minScore,
        note:
          v >= b.lighthouse.minScore
            ? 'ok'
            : `short by ${b.lighthouse.minScore - v}${lost ? ` (audits: ${lost})` : ''}`,
      });
    }
  }
  return out;
}
