/**
 * The list of pages every whole-site sweep visits: the built sitemap (dist/sitemap-index.xml and
 * the sitemaps it lists), plus the HTML pages the sitemap leaves out on purpose (404, noindex
 * version snapshots) found in dist — or, without a sitemap, a crawl from /de/ and /en/.
 * Generated redirect pages are left out: they only forward to a page that is swept anyway.
 */
import fs from 'node:fs';
import path from 'node:path';
import { urlOfFile } from '../../src/lib/url-registry.ts';

export const DIST = path.resolve('dist');

function htmlFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' || e.name === '_astro' ? [] : htmlFiles(p, base);
    return e.name.endsWith('.html') ? [path.relative(base, p)] : [];
  });
}

const isRedirectPage = (file: string) =>
  /<meta http-equiv="refresh"/i.test(fs.readFileSync(path.join(DIST, file), 'utf8').slice(0, 2000));

/** Paths listed by the built sitemap, or null when the build has none. */
export function sitemapPaths(dist = DIST): string[] | null {
  const index = path.join(dist, 'sitemap-index.xml');
  if (!fs.existsSync(index)) return null;
  const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const paths: string[] = [];
  for (const sm of locs(fs.readFileSync(index, 'utf8'))) {
    const file = path.join(dist, sm.replace(/^\//, ''));
    if (!fs.existsSync(file)) throw new Error(`sitemap-index.xml lists ${sm}, which is not in dist`);
    paths.push(...locs(fs.readFileSync(file, 'utf8')));
  }
  return [...new Set(paths)];
}

export interface PageList {
  /** Where the list came from. */
  from: 'sitemap' | 'none';
  /** Every page to sweep, sitemap order first, then pages only found in dist. */
  paths: string[];
  /** How many came from the sitemap. */
  inSitemap: number;
}

/** Pages to sweep, without a server (empty when there is neither a sitemap nor a build). */
export function sitePages(dist = DIST): PageList {
  const sm = sitemapPaths(dist);
  if (!sm) return { from: 'none', paths: [], inSitemap: 0 };
  const listed = new Set(sm);
  const extra = htmlFiles(dist)
    .filter((f) => !isRedirectPage(f))
    .map((f) => urlOfFile(f))
    .filter((u) => !listed.has(u))
    .sort();
  return { from: 'sitemap', paths: [...sm, ...extra], inSitemap: sm.length };
}

/** Crawl the running site from /de/ and /en/, following same-origin links (the fallback without a sitemap). */
export async function crawl(baseURL: string, limit = 20_000): Promise<string[]> {
  const origin = new URL(baseURL).origin;
  const seen = new Set<string>(['/de/', '/en/']);
  const queue = [...seen];
  const pages: string[] = [];
  while (queue.length && pages.length < limit) {
    const p = queue.shift()!;
    const res = await fetch(`${origin}${p}`);
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('text/html')) continue;
    pages.push(p);
    const html = await res.text();
    for (const m of html.matchAll(/\shref="([^"#]*)(?:#[^"]*)?"/g)) {
      let u: URL;
      try {
        u = new URL(m[1]!.replace(/&amp;/g, '&'), `${origin}${p}`);
      } catch {
        continue;
      }
      if (
        u.origin !== origin ||
        /\.(?:xml|json|csv|bib|ris|txt|svg|png|ico)$/.test(u.pathname) ||
        u.pathname.startsWith('/pagefind/')
      )
        continue;
      if (!seen.has(u.pathname)) {
        seen.add(u.pathname);
        queue.push(u.pathname);
      }
    }
  }
  return pages;
}

/** Split a list into chunks of at most `size`. */
export function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
