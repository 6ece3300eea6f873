import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { checkBudgets, type Budgets } from '../../scripts/bench/budgets.ts';
import type { BenchResult } from '../../scripts/bench/result.ts';
import type { PageWeight } from '../../scripts/bench/browser.ts';
import { treeRss } from '../../scripts/bench/run.ts';

const budgets = JSON.parse(fs.readFileSync(new URL('../../bench/budgets.json', import.meta.url), 'utf8')) as Budgets;

const page = (url: string, js = 500, dom = 300): PageWeight => ({
  url,
  htmlGzBytes: 5000,
  cssGzBytes: 3000,
  jsGzBytes: js,
  jsInlineGzBytes: js,
  domNodes: dom,
  noJsTextRatio: 1,
});
const lh = (url: string) => ({ url, performance: 100, accessibility: 100, bestPractices: 100, seo: 100, failing: {} });

function passing(): BenchResult {
  return {
    events: 10000,
    seed: 1,
    corpus: {},
    pages: 25000,
    buildSeconds: 100,
    pagesPerSecond: 250,
    buildCpuSeconds: 150,
    baselinePages: 25000,
    baselineBuildSeconds: 120,
    baselinePagesPerSecond: 208,
    baselineBuildCpuSeconds: 130,
    speedup: 1.2,
    cpuSpeedup: 0.9,
    warmBuildSeconds: 90,
    peakRssMB: 1500,
    baselinePeakRssMB: 900,
    searchIndexBytes: 1e7,
    distFiles: 30000,
    distBytes: 1e9,
    validateSeconds: 20,
    pageWeight: {
      home: page('/en/'),
      incident: page('/en/incidents/a/', 500, 1200),
      event: page('/en/events/b/'),
      source: page('/en/sources/c/'),
      timeline: page('/en/timeline/', 40_000, 2000),
      charts: page('/en/charts/'),
      search: page('/en/search/'),
    },
    search: {
      bytesBeforeFirstResult: 100_000,
      msToFirstResult: 120,
      query: 'x',
      inputSelector: 'input',
      resultSelector: 'li',
    },
    timeline: {
      msToInteractive: 150,
      msFilterChange: 12,
      msFilterToNextFrame: 20,
      readySignal: 'mark',
      filterControl: 'select',
    },
    lighthouse: {
      home: lh('/en/'),
      incident: lh('/en/incidents/a/'),
      timeline: lh('/en/timeline/'),
      charts: lh('/en/charts/'),
      search: lh('/en/search/'),
    },
    machine: { cpus: 2, loadAvgAtStart: [0], node: 'v24', astro: '7', date: '' },
  };
}

describe('bench budgets', () => {
  it('a result within every budget passes every check', () => {
    const v = checkBudgets(passing(), budgets);
    expect(v.filter((x) => !x.ok)).toEqual([]);
    expect(v.length).toBeGreaterThan(20);
  });

  it('an event page over its JavaScript budget fails, naming the page and the excess', () => {
    const r = passing();
    r.pageWeight['event'] = page('/en/events/b/', 3072);
    const failed = checkBudgets(r, budgets).filter((x) => !x.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.budget).toBe('event: JavaScript (gzip) /en/events/b/');
    expect(failed[0]!.note).toBe('over by 1.0 KB');
  });

  it('a page type the site does not have yet fails its budgets with the reason, instead of crashing', () => {
    const r = passing();
    r.pageWeight['timeline'] = { value: null, reason: 'page /en/timeline/ not built' };
    r.timeline = { value: null, reason: 'the timeline gave no ready signal' };
    const failed = checkBudgets(r, budgets).filter((x) => !x.ok);
    expect(failed.map((f) => f.budget)).toEqual([
      'timeline: JavaScript (gzip)',
      'timeline: ms to interactive',
      'timeline: ms per filter change',
    ]);
    expect(failed[0]!.note).toBe('page /en/timeline/ not built');
    expect(failed[1]!.note).toBe('the timeline gave no ready signal');
  });

  it('a run on a smaller corpus than the budgets are defined for fails the corpus-size check', () => {
    const r = passing();
    r.events = 300;
    const failed = checkBudgets(r, budgets).filter((x) => !x.ok);
    expect(failed.map((f) => f.budget)).toEqual(['corpus size']);
  });

  it('a Lighthouse score below 100 fails with the audits that lost points', () => {
    const r = passing();
    r.lighthouse!['charts'] = {
      ...lh('/en/charts/'),
      accessibility: 96,
      failing: { accessibility: { 'color-contrast': 0 } },
    };
    const failed = checkBudgets(r, budgets).filter((x) => !x.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.note).toBe('short by 4 (audits: color-contrast=0)');
  });

  it('the peak RSS of a process tree includes the memory of its children', async () => {
    // A child that holds about 64 MB.
    const child = spawn(
      process.execPath,
      ['-e', 'const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => b.length, 3000)'],
      { stdio: 'ignore' },
    );
    try {
      await new Promise((r) => setTimeout(r, 800));
      const mine = treeRss(process.pid);
      const childOnly = treeRss(child.pid!);
      expect(childOnly).toBeGreaterThan(60 * 1024 * 1024);
      expect(mine).toBeGreaterThan(childOnly!);
    } finally {
      child.kill();
    }
  });
});
