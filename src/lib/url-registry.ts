/**
 * URLs never break. `urls/registry.txt` lists every URL the site has published (one path a line,
 * sorted); a build that no longer produces a registered URL fails unless `redirects.yaml` declares
 * where it went. Declared redirects become static redirect pages at the old path (meta refresh,
 * canonical link, a visible link) plus a host redirect file (`_redirects`, Netlify/Cloudflare format).
 * Pure logic over a folder of built files; no Astro imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, LineCounter, isMap, isSeq } from 'yaml';
import type { Problem } from './problems.ts';

/**
 * Built files that are not published URLs of their own: hashed assets (their names change with
 * every change of their content), the search index, host configuration, sitemap chunks (their
 * number follows the number of pages; `sitemap-index.xml` is the stable address), and version
 * pages (`…/v/{version}/`): a published version is kept by the snapshot record (`snapshots/`,
 * checked by the build, src/lib/snapshots.ts), and the version page of unpublished content
 * changes with every edit until it is recorded.
 */
export const UNREGISTERED = [
  /^\/_astro\//,
  /^\/pagefind\//,
  /^\/_redirects$/,
  /^\/_headers$/,
  /^\/sitemap-\d+\.xml$/,
  /\/v\/[^/]+\/$/,
];

/** The URL path of a built file: `de/x/index.html` → `/de/x/`, `api/v1/a.json` → `/api/v1/a.json`. */
export function urlOfFile(relFile: string): string {
  const p = `/${relFile.split(path.sep).join('/')}`;
  if (p === '/index.html') return '/';
  return p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) out.push(path.relative(dir, p));
    }
  }
  return out;
}

/** Every URL a built folder serves (including unregistered ones), sorted. */
export function servedUrls(distDir: string): string[] {
  return walk(distDir).map(urlOfFile).sort();
}

/** The URLs of a built folder that belong in the registry, sorted. */
export function publishedUrls(distDir: string): string[] {
  return servedUrls(distDir).filter((u) => !UNREGISTERED.some((re) => re.test(u)));
}

/** Parse the registry: one path a line; `#` starts a comment; blank lines ignored. */
export function parseRegistry(
  text: string,
  file = 'urls/registry.txt',
): { urls: string[]; lines: Map<string, number>; problems: Problem[] } {
  const urls: string[] = [];
  const lines = new Map<string, number>();
  const problems: Problem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (!line.startsWith('/') || /\s/.test(line) || line.includes('#') || line.includes('?')) {
      problems.push({
        severity: 'error',
        file,
        line: i + 1,
        field: '(line)',
        found: JSON.stringify(line),
        allowed: 'one URL path per line, starting with "/", without query or fragment',
        rule: 'urls/registry-syntax',
      });
      return;
    }
    urls.push(line);
    lines.set(line, i + 1);
  });
  return { urls, lines, problems };
}

/** The registry file's text: a header and the sorted, de-duplicated URLs. */
export function formatRegistry(urls: Iterable<string>): string {
  const sorted = [...new Set(urls)].sort();
  return [
    '# Every URL Konferenzleck has published. Written by `npm run urls:update` from the built site;',
    '# the build fails when a URL listed here no longer resolves and redirects.yaml declares no redirect.',
    '# Never delete a line by hand: declare a redirect instead (redirects.yaml: from, to, reason).',
    ...sorted,
    '',
  ].join('\n');
}

/** A declared redirect. */
export interface Redirect {
  /** The old path (registered earlier), starting with "/". */
  from: string;
  /** The new path on this site, starting with "/"; may carry a #fragment. */
  to: string;
  /** Why the URL moved. */
  reason: string;
  /** Line in redirects.yaml. */
  line?: number | undefined;
}

/** Parse `redirects.yaml`: a list `redirects: [{ from, to, reason }]`. */
export function parseRedirects(text: string, file = 'redirects.yaml'): { redirects: Redirect[]; problems: Problem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const problems: Problem[] = [];
  const redirects: Redirect[] = [];
  const err = (line: number | undefined, field: string, found: string, allowed: string, hint?: string): void => {
    problems.push({ severity: 'error', file, line, field, found, allowed, hint, rule: 'urls/redirect-syntax' });
  };
  if (doc.errors.length) {
    err(
      doc.errors[0]!.linePos?.[0]?.line,
      '(file)',
      JSON.stringify(doc.errors[0]!.message.split('\n')[0]),
      'valid YAML',
    );
    return { redirects, problems };
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get('redirects', true) : undefined;
  if (list === undefined || list === null || (isMap(root) && root.get('redirects') === null))
    return { redirects, problems };
  if (!isSeq(list)) {
    err(1, 'redirects', 'not a list', 'a list of { from, to, reason }');
    return { redirects, problems };
  }
  const seen = new Map<string, number>();
  for (const [i, item] of list.items.entries()) {
    const line = isMap(item) && item.range ? lc.linePos(item.range[0]).line : undefined;
    const data = (isMap(item) ? item.toJSON() : null) as Record<string, unknown> | null;
    if (!data) {
      err(line, `redirects.${i}`, 'not a mapping', '{ from, to, reason }');
      continue;
    }
    const extra = Object.keys(data).filter((k) => !['from', 'to', 'reason'].includes(k));
    if (extra.length) err(line, `redirects.${i}.${extra[0]}`, JSON.stringify(extra[0]), 'only from, to, reason');
    const { from, to, reason } = data;
    const isPath = (v: unknown): v is string =>
      typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !/\s/.test(v);
    if (!isPath(from) || from.includes('#') || from.includes('?')) {
      err(
        line,
        `redirects.${i}.from`,
        JSON.stringify(from),
        'a path on this site starting with "/", without query or fragment',
      );
      continue;
    }
    if (!isPath(to)) {
      err(
        line,
        `redirects.${i}.to`,
        JSON.stringify(to),
        'a path on this site starting with "/" (the site links to no other origin by redirect)',
      );
      continue;
    }
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      err(line, `redirects.${i}.reason`, JSON.stringify(reason), 'a reason why the URL moved (at least 10 characters)');
      continue;
    }
    const prev = seen.get(from);
    if (prev !== undefined) {
      err(line, `redirects.${i}.from`, JSON.stringify(from), `a path not redirected twice (already at line ${prev})`);
      continue;
    }
    seen.set(from, line ?? 0);
    redirects.push({ from, to, reason, line });
  }
  return { redirects, problems };
}

/** Does a path (without fragment) resolve to a built file? */
function resolves(pathname: string, served: ReadonlySet<string>): boolean {
  return served.has(pathname.split('#')[0]!.split('?')[0]!);
}

/**
 * Check the registry and the redirects against what the build serves.
 * Returns problems, and the redirects with chains followed to their final target.
 */
export function checkUrls(
  registry: readonly string[],
  redirects: readonly Redirect[],
  served: ReadonlySet<string>,
  files: { registry?: string; redirects?: string; registryLines?: ReadonlyMap<string, number> | undefined } = {},
): { problems: Problem[]; resolved: Redirect[] } {
  const registryFile = files.registry ?? 'urls/registry.txt';
  const redirectsFile = files.redirects ?? 'redirects.yaml';
  const problems: Problem[] = [];
  const byFrom = new Map(redirects.map((r) => [r.from, r]));
  const resolved: Redirect[] = [];
  for (const r of redirects) {
    if (served.has(r.from)) {
      problems.push({
        severity: 'error',
        file: redirectsFile,
        line: r.line,
        field: 'from',
        found: JSON.stringify(r.from),
        allowed: 'a path the build no longer produces (this one is still a page)',
        hint: 'remove the redirect, or remove the page',
        rule: 'urls/redirect-shadows-page',
      });
      continue;
    }
    // Follow chains (a → b, b → c) to the final target.
    let target = r.to;
    const visited = new Set([r.from]);
    let ok = true;
    while (!resolves(target, served)) {
      const next = byFrom.get(target.split('#')[0]!);
      if (!next || visited.has(next.from)) {
        ok = false;
        problems.push({
          severity: 'error',
          file: redirectsFile,
          line: r.line,
          field: 'to',
          found: JSON.stringify(r.to),
          allowed: next
            ? 'a chain of redirects without a cycle'
            : 'a path the build produces (a page or file of this site)',
          hint: next ? undefined : 'point the redirect at the page that replaced the old one',
          rule: next ? 'urls/redirect-cycle' : 'urls/redirect-target-missing',
        });
        break;
      }
      visited.add(next.from);
      target = next.to;
    }
    if (ok) resolved.push({ ...r, to: target });
  }
  registry.forEach((u) => {
    if (served.has(u) || byFrom.has(u)) return;
    problems.push({
      severity: 'error',
      file: registryFile,
      line: files.registryLines?.get(u),
      field: '(url)',
      found: JSON.stringify(u),
      allowed: 'a registered URL the build still produces, or one redirects.yaml redirects',
      hint: `a published URL must keep working: add "- { from: ${u}, to: /the/new/path/, reason: why it moved }" under redirects: in redirects.yaml`,
      rule: 'urls/registered-url-missing',
    });
  });
  return { problems, resolved };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A static redirect page for the old path: works on any host and without JavaScript.
 * No inline script or style, so it passes the site's Content-Security-Policy.
 */
export function redirectPage(r: Redirect, siteUrl: string): string {
  const lang = r.from.startsWith('/en/') ? 'en' : 'de';
  const to = escapeHtml(r.to);
  const canonical = escapeHtml(`${siteUrl}${r.to}`);
  const text =
    lang === 'en'
      ? { title: 'This page has moved', body: 'This page has moved to', link: 'Go to the new address' }
      : { title: 'Diese Seite ist umgezogen', body: 'Diese Seite hat eine neue Adresse:', link: 'Zur neuen Adresse' };
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${text.title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="content-security-policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="robots" content="noindex">
<meta name="referrer" content="strict-origin-when-cross-origin">
<meta http-equiv="refresh" content="0; url=${to}">
<link rel="canonical" href="${canonical}">
</head>
<body>
<main>
<h1>${text.title}</h1>
<p>${text.body} <a href="${to}">${to}</a></p>
<p><a href="${to}">${text.link}</a></p>
</main>
</body>
</html>
`;
}

/** The host redirect file (`_redirects`: one `from to 301` a line). */
export function hostRedirects(redirects: readonly Redirect[]): string {
  return [
    '# Generated from redirects.yaml by the trust gates (src/integrations/trust-gates.ts). Do not edit.',
    ...[...redirects].sort((a, b) => (a.from < b.from ? -1 : 1)).map((r) => `${r.from} ${r.to} 301`),
    '',
  ].join('\n');
}

/** The file a path is served from: `/a/b/` → `a/b/index.html`, `/a/b.json` → `a/b.json`. */
export function fileOfUrl(url: string): string {
  const p = url.replace(/^\//, '');
  return p === '' || p.endsWith('/') ? `${p}index.html` : p;
}

/** Write redirect pages and `_redirects` into a built folder. Returns the number of pages written. */
export function writeRedirects(distDir: string, redirects: readonly Redirect[], siteUrl: string): number {
  let n = 0;
  for (const r of redirects) {
    const file = path.join(distDir, fileOfUrl(r.from));
    // A redirect from a non-HTML file (an old JSON export) can only be a host redirect.
    if (!/\.html?$/.test(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, redirectPage(r, siteUrl));
    n++;
  }
  fs.writeFileSync(path.join(distDir, '_redirects'), hostRedirects(redirects));
  return n;
}
