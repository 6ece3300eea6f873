/**
 * Zero third-party requests and a working Content-Security-Policy.
 * - In the browser: every page type in both languages, the search (Pagefind: WebAssembly in a
 *   worker, under the CSP) and the timeline filters are used; every request must stay on the
 *   site's origin, and there must be no CSP violation, no console error, no cookie and nothing in
 *   web storage (the privacy statement promises all of this).
 * - In the output: no HTML, CSS or JS file refers to a resource (script, style, font, image,
 *   frame, media, preconnect) on another origin, and every page carries the CSP <meta> with
 *   hashes and without 'unsafe-inline' or 'unsafe-eval' for scripts, and the referrer policy.
 */
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { pageTypes } from './helpers.ts';
import { DIST } from './sweep-helpers.ts';

const TYPES: Record<string, string> = {
  ...pageTypes(),
  timeline: '/timeline/',
  charts: '/charts/',
  data: '/data/',
  corrections: '/corrections/',
  search: '/search/',
};

async function watch(page: Page, origin: string) {
  const state = { current: '', problems: [] as string[], requests: [] as string[] };
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    state.requests.push(u);
    if (new URL(u).origin !== origin)
      state.problems.push(`${state.current}: request to another origin: ${r.resourceType()} ${u}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') state.problems.push(`${state.current}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => state.problems.push(`${state.current}: uncaught exception: ${e.message}`));
  // Workers report to their own console; Playwright surfaces worker errors here.
  page.on('worker', (w) =>
    w.on(
      'console',
      (m) => m.type() === 'error' && state.problems.push(`${state.current}: worker console error: ${m.text()}`),
    ),
  );
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return state;
}

async function cspViolations(page: Page, where: string): Promise<string[]> {
  return (await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).map(
    (v) => `${where}: CSP violation: ${v}`,
  );
}

test('every page type in both languages, the search and the timeline make no third-party request, no CSP violation, no console error and store nothing', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  const state = await watch(page, origin);
  let visits = 0;
  for (const lang of ['de', 'en'] as const) {
    for (const [type, p] of Object.entries(TYPES)) {
      const url = p === '/' ? `/${lang}/` : `/${lang}${p}`;
      state.current = `${url} (${type})`;
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      state.problems.push(...(await cspViolations(page, state.current)));
      visits++;
    }

    // Search: Pagefind loads its index and compiles WebAssembly in a worker, all under the CSP.
    state.current = `/${lang}/search/?q=Webex`;
    await page.goto(`/${lang}/search/?q=Webex`);
    await expect(page.locator('#search')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await expect(page.locator('[data-search-result]').first()).toBeVisible({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(state.requests.some((u) => u.includes('/pagefind/'))).toBe(true);
    state.problems.push(...(await cspViolations(page, state.current)));

    // Timeline: filter by an incident and by words, as a reader does.
    state.current = `/${lang}/timeline/ (filters)`;
    await page.goto(`/${lang}/timeline/`);
    await expect(page.locator('#timeline')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await page.locator('#tl-filters input[name="incident"]').first().check();
    await page.locator('#tl-q').fill('Webex');
    await page.waitForLoadState('networkidle');
    state.problems.push(...(await cspViolations(page, state.current)));
    visits += 2;
  }
  const cookies = await context.cookies();
  const storage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  const sameOrigin = state.requests.filter((u) => new URL(u).origin === origin).length;
  console.log(
    `third-party check: ${visits} visit(s), ${state.requests.length} request(s), ${sameOrigin} to the site's own origin, ${cookies.length} cookie(s), storage ${JSON.stringify(storage)}`,
  );
  expect(state.problems).toEqual([]);
  expect(cookies).toEqual([]);
  expect(storage).toEqual({ local: 0, session: 0 });
});

// ---------------------------------------------------------------------------------------------
// Static scan of the output.

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

/** Attributes that make a browser fetch something, by element. `<a href>` is navigation, not a fetch. */
const FETCHING: Record<string, string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  frame: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
};
/** `<link rel>` values that fetch (or open a connection to) their href. */
const FETCHING_RELS =
  /\b(?:stylesheet|icon|apple-touch-icon|mask-icon|manifest|preload|modulepreload|prefetch|preconnect|dns-prefetch|prerender)\b/i;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

function externalRefs(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w:-]*)\b([^>]*)>/g)) {
    const tag = m[1]!.toLowerCase();
    const attrs = new Map(
      [...m[2]!.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((a) => [
        a[1]!.toLowerCase(),
        a[2] ?? a[3] ?? a[4] ?? '',
      ]),
    );
    const names =
      tag === 'link'
        ? FETCHING_RELS.test(attrs.get('rel') ?? '')
          ? ['href', 'imagesrcset']
          : []
        : (FETCHING[tag] ?? []);
    for (const n of names) {
      const v = attrs.get(n);
      if (v === undefined) continue;
      const urls = n.endsWith('srcset') ? v.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [v];
      for (const u of urls) if (EXTERNAL.test(u.trim())) found.push(`<${tag} ${n}="${u}">`);
    }
  }
  // Inline styles and <style> blocks: url() and @import to other origins.
  found.push(...cssExternal(html));
  return found;
}

function cssExternal(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi))
    if (EXTERNAL.test(m[2]!.trim())) out.push(`url(${m[2]})`);
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/gi))
    if (EXTERNAL.test(m[1]!.trim())) out.push(`@import ${m[1]}`);
  return out;
}

/** Minified JS that builds requests to other origins: import() / fetch / new URL / importScripts of absolute URLs. */
function jsExternal(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(
    /\b(?:import|fetch|importScripts|Worker|EventSource|WebSocket)\s*\(\s*(['"`])((?:https?:|wss?:)?\/\/[^'"`]+)\1/g,
  ))
    out.push(m[2]!);
  for (const m of js.matchAll(/\bfrom\s*(['"])((?:https?:)?\/\/[^'"]+)\1/g)) out.push(m[2]!);
  return out;
}

test('no file of the output loads a font, script, style, image or frame from another origin', () => {
  expect(fs.existsSync(DIST), 'dist is missing: build the site first').toBe(true);
  const problems: string[] = [];
  let n = 0;
  for (const f of files(DIST, /\.html$/)) {
    n++;
    for (const r of externalRefs(fs.readFileSync(f, 'utf8'))) problems.push(`${path.relative(DIST, f)}: ${r}`);
  }
  for (const f of files(DIST, /\.css$/)) {
    n++;
    for (const r of cssExternal(fs.readFileSync(f, 'utf8'))) problems.push(`${path.relative(DIST, f)}: ${r}`);
  }
  for (const f of files(DIST, /\.(?:m?js)$/)) {
    n++;
    for (const r of jsExternal(fs.readFileSync(f, 'utf8'))) problems.push(`${path.relative(DIST, f)}: ${r}`);
  }
  console.log(
    `static third-party scan: ${n} HTML, CSS and JS file(s), ${problems.length} external resource reference(s)`,
  );
  expect(problems).toEqual([]);
});

test('the static scan itself finds external scripts, styles, fonts, images, frames and preconnects', () => {
  const html = `<script src="https://cdn.example.com/a.js"></script><link rel="stylesheet" href="//fonts.example.com/css">
    <link rel="preconnect" href="https://fonts.gstatic.com"><img srcset="/a.png 1x, https://img.example.com/b.png 2x" src="/a.png">
    <iframe src="https://www.youtube.com/embed/x"></iframe><svg><use href="https://x.example/s.svg#i"></use></svg>
    <style>@font-face{src:url(https://fonts.example.com/f.woff2)}@import "https://x.example/y.css";</style>
    <a href="https://example.org/source">a source link is navigation</a><link rel="canonical" href="https://konferenzleck.org/de/">`;
  expect(externalRefs(html)).toHaveLength(8);
  expect(jsExternal('fetch("https://api.example.com/x");import("/pagefind/pagefind.js")')).toEqual([
    'https://api.example.com/x',
  ]);
});

test('every page carries the CSP <meta> with script hashes, without unsafe-inline or unsafe-eval for scripts, and the referrer policy', () => {
  const pages = files(DIST, /\.html$/);
  const problems: string[] = [];
  for (const f of pages) {
    const html = fs.readFileSync(f, 'utf8');
    const rel = path.relative(DIST, f);
    const csp = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html)?.[1];
    if (!csp) {
      problems.push(`${rel}: no CSP <meta>`);
      continue;
    }
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0]!, d.slice(1)]),
    );
    const scripts = directives.get('script-src') ?? directives.get('default-src');
    if (!scripts) problems.push(`${rel}: no script-src`);
    else if (scripts.some((s) => /'unsafe-inline'|'unsafe-eval'|^\*$|^https?:$/.test(s)))
      problems.push(`${rel}: script-src allows ${scripts.join(' ')}`);
    if (!directives.has('default-src')) problems.push(`${rel}: no default-src`);
    if (!/<meta\s+name="referrer"\s+content="[a-z-]+"/.test(html)) problems.push(`${rel}: no referrer policy <meta>`);
  }
  console.log(
    `csp check: ${pages.length} HTML file(s) checked for the CSP <meta> and the referrer policy, ${problems.length} problem(s)`,
  );
  expect(problems).toEqual([]);
});
