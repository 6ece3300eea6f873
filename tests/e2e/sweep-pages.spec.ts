/**
 * Whole-site sweep in a real browser: every page of the built site (the sitemap, plus the pages
 * it leaves out on purpose) is loaded and must show
 * - no accessibility violation under axe's WCAG 2.2 AA rules (tags wcag2a, wcag2aa, wcag21a,
 *   wcag21aa, wcag22aa) — no rule is disabled;
 * - no request to another origin (fonts, scripts, styles, images, fetches: the site makes none);
 * - no Content-Security-Policy violation (securitypolicyviolation events and "Refused to …" console errors);
 * - no console error and no uncaught exception.
 * Pages are swept in chunks, one browser page reused per chunk, so the report names the chunk and
 * every problem names its page.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { WCAG_TAGS } from './helpers.ts';
import { chunks, crawl, sitePages } from './sweep-helpers.ts';

const CHUNK = 40;
const list = sitePages();

/** Collects every problem of the pages a browser page visits, each prefixed with the page. */
async function watch(page: Page, origin: string) {
  const state = { current: '(none)', problems: [] as string[], requests: 0 };
  page.on('request', (r) => {
    state.requests++;
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return;
    if (new URL(u).origin !== origin) state.problems.push(`${state.current}: request to another origin: ${u}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') state.problems.push(`${state.current}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => state.problems.push(`${state.current}: uncaught exception: ${e.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return state;
}

async function sweep(page: Page, baseURL: string, paths: readonly string[]) {
  const origin = new URL(baseURL).origin;
  const state = await watch(page, origin);
  let axeChecks = 0;
  for (const p of paths) {
    state.current = p;
    const res = await page.goto(p, { waitUntil: 'load' });
    const status = res?.status() ?? 0;
    // 404.html is a page in its own right: served directly it answers 200.
    if (status >= 400) state.problems.push(`${p}: HTTP ${status}`);
    // One frame for scripts that run on load; search and timeline interactions are in third-party.spec.ts.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    for (const v of csp) state.problems.push(`${p}: CSP violation: ${v}`);
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    axeChecks += axe.passes.length + axe.violations.length;
    for (const v of axe.violations)
      state.problems.push(
        `${p}: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
      );
  }
  return { ...state, axeChecks };
}

if (list.from === 'sitemap') {
  const parts = chunks(list.paths, CHUNK);
  parts.forEach((part, i) => {
    const first = i * CHUNK + 1;
    test(`pages ${first}–${first + part.length - 1} of ${list.paths.length} (${list.inSitemap} from the sitemap): no axe WCAG 2.2 AA violation, no third-party request, no CSP violation, no console error`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(60_000 + part.length * 20_000);
      const r = await sweep(page, baseURL!, part);
      console.log(
        `sweep: ${part.length} page(s) swept (${first}–${first + part.length - 1} of ${list.paths.length}), ${r.requests} request(s) all same-origin: ${!r.problems.some((p) => p.includes('another origin'))}, ${r.axeChecks} axe rule result(s)`,
      );
      expect(r.problems).toEqual([]);
    });
  });
} else {
  test('every page crawled from /de/ and /en/ (no sitemap in dist): no axe WCAG 2.2 AA violation, no third-party request, no CSP violation, no console error', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(3_600_000);
    const paths = await crawl(baseURL!);
    expect(paths.length).toBeGreaterThan(2);
    const r = await sweep(page, baseURL!, paths);
    console.log(
      `sweep: ${paths.length} crawled page(s) swept, ${r.requests} request(s), ${r.axeChecks} axe rule result(s)`,
    );
    expect(r.problems).toEqual([]);
  });
}
