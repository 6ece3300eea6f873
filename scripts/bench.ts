/**
 * `npm run bench` — build a seeded synthetic register cold and measure it (issue 9).
 *
 *   npm run bench                       10,000 events (default)
 *   npm run bench -- --events 300       a small corpus while developing
 *   npm run bench -- --growth           1,000, 3,000 and 10,000 events, one table
 *   npm run bench -- --check            also Lighthouse, then check bench/budgets.json (exit 1 on a miss)
 *
 * --table prints the growth table from the stored results without building.
 * Other options: --seed N, --tmp DIR (default $TMPDIR/konferenzleck-bench), --no-warm,
 * --warm-up-to N (warm rebuild only up to N events, default 3000; a warm rebuild costs as much as a cold one),
 * --no-baseline, --no-browser, --lighthouse. Every build runs in a private copy of the project
 * (never in the working tree, which others build too), one build at a time. Progress goes to
 * stderr, the table to stdout, the figures to bench/results/{N}.json and bench/results/latest.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { writeCorpus, validateCorpus } from './bench/corpus.ts';
import { copyProject, makeCold, astroBin, listFiles, dirBytes, linkNodeModules } from './bench/project.ts';
import { writeBaseline } from './bench/baseline.ts';
import { run } from './bench/run.ts';
import {
  CHROME_FLAGS,
  chromePath,
  measurePage,
  measureSearch,
  measureTimeline,
  missing,
  pageUrls,
  startPreview,
  PAGE_TYPES,
} from './bench/browser.ts';
import { ensureLighthouse, runLighthouse } from './bench/lighthouse.ts';
import { checkBudgets, type Budgets } from './bench/budgets.ts';
import { table, weightTable, type BenchResult } from './bench/result.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values: opt } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    growth: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    tmp: { type: 'string', default: path.join(os.tmpdir(), 'konferenzleck-bench') },
    'no-warm': { type: 'boolean', default: false },
    'warm-up-to': { type: 'string', default: '3000' },
    'no-baseline': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
    'search-query': { type: 'string', default: 'conference' },
    table: { type: 'boolean', default: false },
  },
  strict: true,
});

const log = (s: string) => process.stderr.write(`${s}\n`);

// --table: print the growth table from the stored results (bench/results/{1000,3000,10000}.json), no build.
if (opt.table) {
  const stored = [1000, 3000, 10000]
    .map((n) => path.join(ROOT, `bench/results/${n}.json`))
    .filter((f) => fs.existsSync(f))
    .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as BenchResult);
  console.log(table(stored));
  process.exit(0);
}
const sizes = opt.growth ? [1000, 3000, 10000] : [Number(opt.events)];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  log(`--events: a positive whole number, found ${JSON.stringify(opt.events)}`);
  process.exit(2);
}
const seed = Number(opt.seed);
const tmp = path.resolve(opt.tmp);
fs.mkdirSync(tmp, { recursive: true });
const resultsDir = path.join(ROOT, 'bench/results');
fs.mkdirSync(resultsDir, { recursive: true });
const astroVersion = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }
).version;

const htmlPages = (dist: string) => listFiles(dist).filter((f) => f.endsWith('.html')).length;

async function benchOne(events: number, withLighthouse: boolean): Promise<BenchResult> {
  const loadAvgAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  log(`\n== ${events} events (seed ${seed}) — load average ${loadAvgAtStart.join(' ')}`);
  const corpusDir = path.join(tmp, `corpus-${events}-s${seed}`);
  log(`generating corpus in ${corpusDir}`);
  const corpus = writeCorpus(corpusDir, events, seed);
  const v = validateCorpus(corpusDir);
  log(
    `corpus valid: ${Object.entries(corpus.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')} (validateContent ${v.seconds.toFixed(1)} s)`,
  );

  const site = path.join(tmp, 'site');
  copyProject(ROOT, site);
  makeCold(site);
  const env = { KONFERENZLECK_CONTENT_DIR: corpusDir, ASTRO_TELEMETRY_DISABLED: '1' };
  log('cold build of the site…');
  const cold = await run(process.execPath, [astroBin(site), 'build'], {
    cwd: site,
    env,
    label: `build ${events}`,
    logFile: path.join(tmp, `build-${events}.log`),
  });
  if (cold.code !== 0) throw new Error(`build failed (exit ${cold.code}):\n${cold.tail}`);
  const dist = path.join(site, 'dist');
  const pages = htmlPages(dist);
  const distList = listFiles(dist);
  const pagefind = path.join(dist, 'pagefind');
  const searchIndexBytes = fs.existsSync(pagefind) ? dirBytes(pagefind) : null;
  const distBytes = dirBytes(dist);
  log(
    `built ${pages} pages in ${cold.seconds.toFixed(1)} s, ${cold.cpuSeconds?.toFixed(1) ?? '—'} CPU s (${(pages / cold.seconds).toFixed(1)} pages/s), peak RSS ${cold.peakRssMB} MB`,
  );

  // Browser figures come from this cold build's output (the warm build below rewrites dist the same way).
  const result: BenchResult = {
    events,
    seed,
    corpus: corpus.counts,
    pages,
    buildSeconds: round(cold.seconds),
    pagesPerSecond: round(pages / cold.seconds),
    buildCpuSeconds: cold.cpuSeconds === null ? null : round(cold.cpuSeconds),
    baselinePages: null,
    baselineBuildSeconds: null,
    baselinePagesPerSecond: null,
    baselineBuildCpuSeconds: null,
    speedup: null,
    cpuSpeedup: null,
    warmBuildSeconds: null,
    peakRssMB: cold.peakRssMB,
    baselinePeakRssMB: null,
    searchIndexBytes,
    distFiles: distList.length,
    distBytes,
    validateSeconds: round(v.seconds),
    pageWeight: {},
    search: missing('browser measurements skipped (--no-browser)'),
    timeline: missing('browser measurements skipped (--no-browser)'),
    lighthouse: null,
    machine: {
      cpus: os.cpus().length,
      loadAvgAtStart,
      node: process.version,
      astro: astroVersion,
      date: new Date().toISOString(),
    },
  };

  if (!opt['no-browser']) {
    log('measuring pages in Chromium against astro preview…');
    try {
      await measureInBrowser(result, site, dist, env, withLighthouse);
    } catch (e) {
      // A failure here must not lose the build figures: every browser figure is reported missing with the reason.
      const why = missing(`browser measurements failed: ${(e as Error).message.split('\n')[0]}`);
      for (const t of PAGE_TYPES) result.pageWeight[t] ??= why;
      result.search = why;
      result.timeline = why;
      if (withLighthouse)
        result.lighthouse ??= Object.fromEntries(
          ['home', 'incident', 'timeline', 'charts', 'search'].map((t) => [t, why]),
        );
      log(why.reason);
    }
  }

  if (opt['no-warm'] || events > Number(opt['warm-up-to'])) {
    log(
      `warm rebuild skipped (${opt['no-warm'] ? '--no-warm' : `more than --warm-up-to ${opt['warm-up-to']} events: it costs as much as the cold build`})`,
    );
  } else {
    log('warm rebuild (caches kept, content unchanged)…');
    const warm = await run(process.execPath, [astroBin(site), 'build'], {
      cwd: site,
      env,
      label: `warm ${events}`,
      logFile: path.join(tmp, `warm-${events}.log`),
    });
    if (warm.code === 0) result.warmBuildSeconds = round(warm.seconds);
    else log(`warm rebuild failed (exit ${warm.code}):\n${warm.tail}`);
  }

  if (!opt['no-baseline']) {
    const base = path.join(tmp, 'baseline');
    log(`plain Astro baseline with ${pages} pages…`);
    writeBaseline(base, pages, seed);
    linkNodeModules(base, path.join(ROOT, 'node_modules'));
    makeCold(base);
    const b = await run(process.execPath, [astroBin(base), 'build'], {
      cwd: base,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
      label: `baseline ${pages}`,
      logFile: path.join(tmp, `baseline-${events}.log`),
    });
    if (b.code !== 0) throw new Error(`baseline build failed (exit ${b.code}):\n${b.tail}`);
    const bp = htmlPages(path.join(base, 'dist'));
    result.baselinePages = bp;
    result.baselineBuildSeconds = round(b.seconds);
    result.baselinePagesPerSecond = round(bp / b.seconds);
    result.baselinePeakRssMB = b.peakRssMB;
    result.speedup = Math.round((result.pagesPerSecond / result.baselinePagesPerSecond) * 100) / 100;
    result.baselineBuildCpuSeconds = b.cpuSeconds === null ? null : round(b.cpuSeconds);
    if (cold.cpuSeconds && b.cpuSeconds)
      result.cpuSpeedup = Math.round((pages / cold.cpuSeconds / (bp / b.cpuSeconds)) * 100) / 100;
    log(
      `baseline: ${bp} pages in ${b.seconds.toFixed(1)} s, ${b.cpuSeconds?.toFixed(1) ?? '—'} CPU s (${result.baselinePagesPerSecond} pages/s) → ratio ${result.speedup}×`,
    );
  }
  return result;
}

async function measureInBrowser(
  result: BenchResult,
  site: string,
  dist: string,
  env: NodeJS.ProcessEnv,
  withLighthouse: boolean,
): Promise<void> {
  const preview = await startPreview(site, env);
  const exe = chromePath();
  const browser = await chromium
    .launch({ ...(exe ? { executablePath: exe } : {}), args: CHROME_FLAGS })
    .catch(async (e: Error) => {
      await preview.stop();
      throw e;
    });
  try {
    const urls = pageUrls(dist);
    for (const t of PAGE_TYPES) {
      const u = urls[t];
      result.pageWeight[t] =
        typeof u === 'string'
          ? await measurePage(browser, preview.origin, u).catch((e: Error) => missing(e.message))
          : u;
    }
    result.search = await measureSearch(browser, preview.origin, opt['search-query']).catch((e: Error) =>
      missing(e.message),
    );
    result.timeline = await measureTimeline(browser, preview.origin).catch((e: Error) => missing(e.message));
    if (withLighthouse) {
      const cli = ensureLighthouse(ROOT);
      result.lighthouse = {};
      for (const t of ['home', 'incident', 'timeline', 'charts', 'search'] as const) {
        const u = urls[t];
        log(`lighthouse ${t}…`);
        result.lighthouse[t] = typeof u === 'string' ? runLighthouse(cli, preview.origin + u) : u;
      }
    }
  } finally {
    await browser.close();
    await preview.stop();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const results: BenchResult[] = [];
for (const [i, n] of sizes.entries()) {
  const last = i === sizes.length - 1;
  const r = await benchOne(n, last && (opt.check || opt.lighthouse));
  if (last && opt.check) {
    const budgets = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/budgets.json'), 'utf8')) as Budgets;
    r.budgets = checkBudgets(r, budgets);
  }
  fs.writeFileSync(path.join(resultsDir, `${n}.json`), `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(r, null, 2)}\n`);
  results.push(r);
}

const final = results.at(-1)!;
console.log(`\n${table(results)}\n`);
console.log(`Page weight at ${final.events} events (bytes, gzip):\n${weightTable(final)}\n`);
const s = final.search;
console.log(
  'value' in s
    ? `search: — (${s.reason})`
    : `search: ${s.bytesBeforeFirstResult} bytes and ${s.msToFirstResult} ms to the first result for "${s.query}"`,
);
const tl = final.timeline;
console.log(
  'value' in tl
    ? `timeline: — (${tl.reason})`
    : `timeline: interactive after ${tl.msToInteractive} ms (${tl.readySignal}); filter change ${tl.msFilterChange} ms (${tl.filterControl})`,
);
if (final.budgets) {
  const failed = final.budgets.filter((v) => !v.ok);
  console.log(`\nBudgets (${final.budgets.length - failed.length}/${final.budgets.length} met):`);
  for (const v of final.budgets)
    console.log(`${v.ok ? 'ok  ' : 'FAIL'} ${v.budget}: ${v.actual ?? '—'} (limit ${v.limit}) ${v.note}`);
  process.exit(failed.length ? 1 : 0);
}
