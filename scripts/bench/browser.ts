/**
 * Measurements in Chromium (Playwright) against `astro preview` on loopback: page weight and DOM
 * size per page type, search (bytes and time to the first result) and timeline (time to
 * interactive, time of one filter change). Anything the site does not offer yet is reported as
 * null with the reason, never guessed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { astroBin, listFiles } from './project.ts';

export const CHROME_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-gpu',
];

export function chromePath(): string | undefined {
  if (process.env['CHROME_PATH']) return process.env['CHROME_PATH'];
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** A value, or null with the reason it could not be measured. */
export type Maybe<T> = T | { value: null; reason: string };
export const missing = (reason: string) => ({ value: null, reason }) as const;
export function isMissing(x: unknown): x is { value: null; reason: string } {
  return typeof x === 'object' && x !== null && 'value' in x && (x as { value: unknown }).value === null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export interface Preview {
  origin: string;
  stop: () => Promise<void>;
}

/** Start `astro preview` of the built copy in its own process group; `stop` ends exactly that group. */
export async function startPreview(dir: string, env: NodeJS.ProcessEnv): Promise<Preview> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [astroBin(dir), 'preview', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: dir,
      env: { ...process.env, ...env },
      detached: true,
      stdio: 'ignore',
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${origin}/`);
      if (r.status < 500) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`astro preview exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('astro preview did not start within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    origin,
    stop: async () => {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        await new Promise((r) => setTimeout(r, 300));
      }
    },
  };
}

export const PAGE_TYPES = ['home', 'incident', 'event', 'source', 'timeline', 'charts', 'search'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface PageWeight {
  url: string;
  htmlGzBytes: number;
  cssGzBytes: number;
  /** All JavaScript the page loads at startup (external and inline), gzip. */
  jsGzBytes: number;
  /** The inline part of jsGzBytes. */
  jsInlineGzBytes: number;
  domNodes: number;
  /** Text of <main> without JavaScript ÷ with JavaScript (1 = complete without JS). */
  noJsTextRatio: number;
}

/**
 * The URL measured per page type. Reading pages use the largest English page of their type in
 * dist (the worst case for weight and DOM size); the others are fixed routes.
 */
export function pageUrls(dist: string): Record<PageType, string | { value: null; reason: string }> {
  const largest = (dir: string) => {
    const base = path.join(dist, dir);
    const files = listFiles(base).filter((f) => /^[^/]+\/index\.html$/.test(f));
    if (!files.length) return missing(`no pages under dist/${dir}/`);
    const best = files
      .map((f) => [f, fs.statSync(path.join(base, f)).size] as const)
      .sort((a, b) => b[1] - a[1])[0]![0];
    return `/${dir}/${best.replace(/index\.html$/, '')}`;
  };
  const fixed = (p: string) => (fs.existsSync(path.join(dist, p, 'index.html')) ? p : missing(`page ${p} not built`));
  return {
    home: fixed('/en/'),
    incident: largest('en/incidents'),
    event: largest('en/events'),
    source: largest('en/sources'),
    timeline: fixed('/en/timeline/'),
    charts: fixed('/en/charts/'),
    search: fixed('/en/search/'),
  };
}

const gz = (b: Buffer | string) => gzipSync(b).length;

/**
 * A fresh browser context (empty cache). tsx/esbuild compile the functions passed to
 * page.evaluate with `__name(fn, "name")` helpers that do not exist in the page: define a no-op.
 */
async function freshContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const ctx = await browser.newContext(options);
  await ctx.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return ctx;
}

export async function measurePage(browser: Browser, origin: string, url: string): Promise<PageWeight> {
  const ctx = await freshContext(browser);
  const page = await ctx.newPage();
  await page.goto(origin + url, { waitUntil: 'networkidle' });
  // Every resource the page asked for up to now (Resource Timing), plus what the markup names:
  // response events alone proved racy for module scripts on very large documents.
  const info = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource').map((e) => e.name);
    const own = [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src);
    const preloads = [...document.querySelectorAll('link[rel="modulepreload"]')].map(
      (l) => (l as HTMLLinkElement).href,
    );
    const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).href);
    return {
      scripts: [...new Set([...own, ...preloads, ...entries.filter((n) => /\.m?js(\?|$)/.test(n))])],
      sheets: [...new Set([...sheets, ...entries.filter((n) => /\.css(\?|$)/.test(n))])],
      domNodes: document.getElementsByTagName('*').length,
      inlineJs: [...document.querySelectorAll('script:not([src])')]
        .filter((s) => !s.getAttribute('type') || /javascript|module/.test(s.getAttribute('type')!))
        .map((s) => s.textContent ?? '')
        .join('\n'),
      inlineCss: [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n'),
      mainText: (document.querySelector('main') ?? document.body).innerText.trim().length,
    };
  });
  await ctx.close();
  const fetchGz = async (u: string) => {
    const r = await fetch(u);
    return r.ok ? gz(Buffer.from(await r.arrayBuffer())) : 0;
  };
  const sum = async (urls: string[]) => (await Promise.all(urls.map(fetchGz))).reduce((a, b) => a + b, 0);
  const html = await fetchGz(origin + url);
  const inline = info.inlineJs.trim() ? gz(info.inlineJs) : 0;
  const noJs = await freshContext(browser, { javaScriptEnabled: false });
  const p2 = await noJs.newPage();
  await p2.goto(origin + url, { waitUntil: 'load' });
  const noJsText = await p2.evaluate(() => (document.querySelector('main') ?? document.body).innerText.trim().length);
  await noJs.close();
  return {
    url,
    htmlGzBytes: html,
    cssGzBytes: (await sum(info.sheets)) + (info.inlineCss.trim() ? gz(info.inlineCss) : 0),
    jsGzBytes: (await sum(info.scripts)) + inline,
    jsInlineGzBytes: inline,
    domNodes: info.domNodes,
    noJsTextRatio: info.mainText ? Math.round((noJsText / info.mainText) * 1000) / 1000 : 0,
  };
}

const SEARCH_INPUTS = [
  'pagefind-input input',
  '[data-search-input]',
  'input[type="search"]',
  '[role="searchbox"]',
  '.pagefind-ui__search-input',
  'form[role="search"] input',
  'main input[type="text"]',
];
const SEARCH_RESULTS = [
  '[data-search-result]',
  '.pagefind-ui__result',
  'pagefind-results li',
  'pagefind-results a',
  '.search-result',
  '.search-results li',
  '#search-results li',
  '[data-search-results] li',
  '[role="region"] ol li a',
];

export interface SearchFigures {
  bytesBeforeFirstResult: number;
  msToFirstResult: number;
  query: string;
  inputSelector: string;
  resultSelector: string;
}

/**
 * Open /en/search/, type a query, wait for the first result; sum every response body until then.
 * A worker's own script is fetched by the browser, and Playwright reports its body as 0 bytes: such
 * responses are counted with the size the page's Resource Timing gives them (encodedBodySize).
 */
export async function measureSearch(
  browser: Browser,
  origin: string,
  query: string,
): Promise<SearchFigures | { value: null; reason: string }> {
  const ctx = await freshContext(browser);
  const page = await ctx.newPage();
  const finished: { at: number; bytes: number; url: string }[] = [];
  page.on('requestfinished', async (req) => {
    const at = Date.now();
    try {
      const s = await req.sizes();
      finished.push({ at, bytes: s.responseBodySize, url: req.url() });
    } catch {
      /* ignore */
    }
  });
  try {
    // networkidle: the search script has loaded Pagefind and attached its listeners before we type.
    const res = await page.goto(`${origin}/en/search/`, { waitUntil: 'networkidle' });
    if (!res || res.status() >= 400) return missing(`/en/search/ answered ${res?.status() ?? 'nothing'}`);
    const inputSel = await firstPresent(page, SEARCH_INPUTS, 5000);
    if (!inputSel) return missing(`no search input on /en/search/ (looked for ${SEARCH_INPUTS.join(', ')})`);
    await page.evaluate((sels) => {
      const w = window as unknown as { __bench: { t0?: number; t1?: number; sel?: string } };
      w.__bench = {};
      document.addEventListener('input', () => (w.__bench.t0 ??= performance.now()), { capture: true });
      const check = () => {
        if (w.__bench.t1 !== undefined || w.__bench.t0 === undefined) return;
        for (const s of sels) {
          const el = document.querySelector(s);
          if (el && (el as HTMLElement).offsetParent !== null) {
            w.__bench.t1 = performance.now();
            w.__bench.sel = s;
            return;
          }
        }
      };
      new MutationObserver(check).observe(document.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
      });
    }, SEARCH_RESULTS);
    await page.fill(inputSel, query);
    await page
      .waitForFunction(() => (window as unknown as { __bench: { t1?: number } }).__bench.t1 !== undefined, undefined, {
        timeout: 15_000,
      })
      .catch(() => undefined);
    const doneAt = Date.now();
    const b = await page.evaluate(
      () => (window as unknown as { __bench: { t0?: number; t1?: number; sel?: string } }).__bench,
    );
    if (b.t1 === undefined || b.t0 === undefined)
      return missing(`no result for "${query}" within 15 s (looked for ${SEARCH_RESULTS.join(', ')})`);
    await new Promise((r) => setTimeout(r, 50));
    const timed = new Map(
      await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => [e.name, (e as PerformanceResourceTiming).encodedBodySize] as [string, number]),
      ),
    );
    return {
      bytesBeforeFirstResult: finished
        .filter((f) => f.at <= doneAt)
        .reduce((n, f) => n + (f.bytes || timed.get(f.url) || 0), 0),
      msToFirstResult: Math.round(b.t1 - b.t0),
      query,
      inputSelector: inputSel,
      resultSelector: b.sel ?? '',
    };
  } finally {
    await ctx.close();
  }
}

async function firstPresent(page: Page, sels: string[], timeout: number): Promise<string | undefined> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const s of sels)
      if (
        await page
          .locator(s)
          .first()
          .isVisible()
          .catch(() => false)
      )
        return s;
    await page.waitForTimeout(100);
  }
  return undefined;
}

export interface TimelineFigures {
  msToInteractive: number;
  msFilterChange: number;
  /** From the change event to the next painted frame (includes style and layout). */
  msFilterToNextFrame: number;
  readySignal: string;
  filterControl: string;
}

/**
 * On /en/timeline/: the time until the timeline reports itself interactive (`performance.mark
 * ('timeline:interactive')` or `<html data-timeline-ready>`), and the time of one filter change
 * (the script's own `timeline:filter` measure when it offers one, else from the change event to
 * the next painted frame).
 */
export async function measureTimeline(
  browser: Browser,
  origin: string,
): Promise<TimelineFigures | { value: null; reason: string }> {
  const ctx = await freshContext(browser);
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __tlReady?: number };
    new MutationObserver(() => {
      if (w.__tlReady === undefined && document.documentElement.hasAttribute('data-timeline-ready'))
        w.__tlReady = performance.now();
    }).observe(document.documentElement, { attributes: true });
  });
  try {
    const res = await page.goto(`${origin}/en/timeline/`, { waitUntil: 'load' });
    if (!res || res.status() >= 400) return missing(`/en/timeline/ answered ${res?.status() ?? 'nothing'}`);
    const ready = await page
      .waitForFunction(
        () => {
          const m = performance.getEntriesByName('timeline:interactive')[0];
          if (m) return { t: m.startTime, via: "performance.mark('timeline:interactive')" };
          const w = window as unknown as { __tlReady?: number };
          if (w.__tlReady !== undefined) return { t: w.__tlReady, via: 'html[data-timeline-ready]' };
          return false;
        },
        undefined,
        { timeout: 15_000 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null);
    if (!ready)
      return missing(
        "the timeline gave no ready signal within 15 s (performance.mark('timeline:interactive') or html[data-timeline-ready])",
      );
    const filter = await page.evaluate(async () => {
      // Only the timeline's own filter form: a selector list would also match the header's search
      // form, which comes first in the document.
      const root = document.querySelector('[data-timeline-filters]') ?? document.querySelector('#tl-filters');
      if (!root) return null;
      const select = [...root.querySelectorAll('select')].find((s) => s.options.length > 1);
      const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]');
      const el = select ?? box;
      if (!el) return null;
      const t0 = performance.now();
      if (select) {
        select.selectedIndex = select.selectedIndex === 1 ? 2 % select.options.length : 1;
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (box) box.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t1 = performance.now();
      // The script's own measure of this change (it clears the previous one), if it offers one.
      const own = performance.getEntriesByName('timeline:filter').filter((m) => m.startTime >= t0);
      const m = own[own.length - 1];
      const name = select ? `select[name="${select.name}"]` : `input[type=checkbox][name="${box!.name}"]`;
      return {
        ms: m ? m.duration : t1 - t0,
        toFrame: t1 - t0,
        control: name + (m ? " (performance.measure 'timeline:filter')" : ' (change event to next frame)'),
      };
    });
    if (!filter)
      return missing('no timeline filter form ([data-timeline-filters]) with a select or checkbox on /en/timeline/');
    return {
      msToInteractive: Math.round(ready.t),
      msFilterChange: Math.round(filter.ms * 10) / 10,
      msFilterToNextFrame: Math.round(filter.toFrame * 10) / 10,
      readySignal: ready.via,
      filterControl: filter.control,
    };
  } finally {
    await ctx.close();
  }
}
