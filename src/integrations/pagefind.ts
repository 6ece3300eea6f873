/**
 * Astro integration that builds the Pagefind search index in the build with Pagefind's Node API,
 * so search is part of `astro build` and not a shell step after it.
 *
 * What gets indexed is decided in markup: only pages with `data-pagefind-body` (events,
 * incidents, sources, actors, glossary, about pages), facets from `data-pagefind-filter`, one
 * index per `<html lang>`. Any Pagefind error, an empty index or a missing language fails the
 * build. The Pagefind service is always closed.
 *
 * Pages are indexed while they render: the service starts at `astro:build:start` and receives
 * each page from `src/middleware.ts` (src/lib/build-stream.ts), so Pagefind's own process works on
 * the second core while Astro renders on the first. At `astro:build:generated` (every page written)
 * every HTML file in the output is accounted for: a streamed page must have the size it had when
 * rendered, any page the stream did not see is read from disk and indexed if marked. Pagefind then
 * writes the index while the other integrations finish; `astro:build:done` waits for it, reports
 * it, and fails the build on any error. Only marked pages reach Pagefind —
 * it would otherwise parse every page of the site (version and year pages too) only to skip them.
 */
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Imported statically: a dynamic import() inside the hook goes through Vite's module runner,
// which Astro has already closed by astro:build:done.
import * as pagefind from 'pagefind';
import { LANGS } from '../lib/settings.ts';
import { pageFile, subscribeRendered } from '../lib/build-stream.ts';
import { indexedHtml } from '../lib/pagefind-html.ts';

export interface PagefindOptions {
  /** Languages that must each get an index (the build fails otherwise); default: the site's. */
  languages?: readonly string[];
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return n;
}

/** Every HTML file under `dir`, as paths relative to it with "/" separators, sorted. */
function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r !== 'pagefind' && r !== '_astro') walk(path.join(d, e.name), r);
      } else if (e.name.endsWith('.html')) out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** The URL Pagefind shows for a file: `de/events/x/index.html` → `/de/events/x/`. */
const fileUrl = (file: string) => `/${file.replace(/(?:^|\/)index\.html$/, (m) => (m.startsWith('/') ? '/' : ''))}`;

export default function pagefindIntegration({ languages = LANGS }: PagefindOptions = {}): AstroIntegration {
  let session: Session | undefined;
  let writing: Promise<string> | undefined;
  return {
    name: 'konferenzleck:pagefind',
    hooks: {
      'astro:build:start': async () => {
        session = await startSession();
      },
      // Pagefind writes its index while the other integrations finish (the citation files are written
      // meanwhile, src/integrations/downloads.ts): started once every page exists, awaited at the end.
      'astro:build:generated': async ({ dir }) => {
        const site = fileURLToPath(dir);
        const s = session ?? (await startSession());
        session = undefined;
        const started = Date.now();
        const finished = (async (): Promise<string> => {
          s.unsubscribe();
          const files = htmlFiles(site);
          let read = 0;
          for (const file of files) {
            const seen = s.seen.get(file);
            if (seen !== undefined) {
              const size = fs.statSync(path.join(site, file)).size;
              if (size !== seen)
                throw new Error(
                  `${file} changed after it was rendered (${seen} → ${size} bytes); the index would not match it`,
                );
              continue;
            }
            read++;
            const content = fs.readFileSync(path.join(site, file), 'utf8');
            if (content.includes('data-pagefind-body')) await s.add(file, content);
          }
          await Promise.all(s.pending);
          if (s.errors.length) throw new Error(`Pagefind failed to index ${s.errors.join('; ')}`);
          if (s.indexed === 0)
            throw new Error(
              `Pagefind indexed no page in ${site}: is data-pagefind-body missing from the content pages?`,
            );
          const outputPath = path.join(site, 'pagefind');
          const written = await s.index.writeFiles({ outputPath });
          if (written.errors.length)
            throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
          // The site loads only pagefind.js and its worker/wasm; Pagefind's bundled UI files are unused and
          // carry their translators' personal e-mail addresses, which the privacy gate rightly refuses.
          for (const f of fs.readdirSync(outputPath)) {
            if (/^pagefind-(?:component-|modular-)?ui\.(?:js|css)$/.test(f)) fs.rmSync(path.join(outputPath, f));
          }
          const entry = JSON.parse(fs.readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
            languages?: Record<string, { page_count: number }>;
          };
          const langs = entry.languages ?? {};
          const missing = languages.filter((l) => !langs[l] || langs[l].page_count === 0);
          if (missing.length)
            throw new Error(
              `Pagefind built no index for ${missing.join(', ')} (found: ${Object.keys(langs).join(', ') || 'none'}); check <html lang> and data-pagefind-body`,
            );
          const perLang = Object.entries(langs)
            .map(([l, v]) => `${l} ${v.page_count}`)
            .join(', ');
          return (
            `${files.length} HTML files (${files.length - read} streamed while rendering, ${read} read after), indexed ${perLang}, ` +
            `${(dirBytes(outputPath) / 1024).toFixed(0)} KiB; ${Date.now() - started} ms after the pages were done`
          );
        })();
        // Awaited at astro:build:done; until then a failure must not count as unhandled.
        finished.catch(() => undefined);
        writing = finished;
      },
      'astro:build:done': async ({ logger }) => {
        const finished = writing;
        writing = undefined;
        try {
          if (!finished) throw new Error('Pagefind: no index was started (astro:build:generated did not run)');
          logger.info(await finished);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

interface Session {
  index: pagefind.PagefindIndex;
  /** Output files seen by the stream, with their size in bytes. */
  seen: Map<string, number>;
  pending: Promise<void>[];
  errors: string[];
  indexed: number;
  add(file: string, html: string): Promise<void>;
  unsubscribe(): void;
}

/** Pages waiting for Pagefind at most; beyond, rendering waits (bounded memory). */
const MAX_IN_FLIGHT = 128;

async function startSession(): Promise<Session> {
  const { index, errors } = await pagefind.createIndex({});
  if (errors.length || !index)
    throw new Error(`Pagefind could not create an index: ${errors.join('; ') || 'no index returned'}`);
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const s: Session = {
    index,
    seen: new Map(),
    pending: [],
    errors: [],
    indexed: 0,
    unsubscribe: () => undefined,
    add: async (file, html) => {
      s.indexed++;
      inFlight++;
      const done = index.addHTMLFile({ url: fileUrl(file), content: indexedHtml(html) }).then(
        (r) => {
          if (r.errors.length) s.errors.push(`${file}: ${r.errors.join('; ')}`);
        },
        (e: unknown) => {
          s.errors.push(`${file}: ${String(e)}`);
        },
      );
      s.pending.push(
        done.finally(() => {
          inFlight--;
          waiting.shift()?.();
        }),
      );
      if (inFlight > MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
  s.unsubscribe = subscribeRendered((pathname, html) => {
    const file = pageFile(pathname);
    s.seen.set(file, Buffer.byteLength(html));
    return html.includes('data-pagefind-body') ? s.add(file, html) : undefined;
  });
  return s;
}
