/**
 * Astro integration that builds the Pagefind search index after the build (`astro:build:done`)
 * with Pagefind's Node API, so search is part of `astro build` and not a shell step after it.
 *
 * What gets indexed is decided in markup: only pages with `data-pagefind-body` (events,
 * incidents, sources, actors, glossary, about pages), facets from `data-pagefind-filter`, one
 * index per `<html lang>`. Any Pagefind error, an empty index or a missing language fails the
 * build. The Pagefind service is always closed.
 */
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Imported statically: a dynamic import() inside the hook goes through Vite's module runner,
// which Astro has already closed by astro:build:done.
import * as pagefind from 'pagefind';
import { LANGS } from '../lib/settings.ts';

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
  return {
    name: 'konferenzleck:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputPath = path.join(site, 'pagefind');
        const started = Date.now();
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (errors.length || !index)
            throw new Error(`Pagefind could not create an index: ${errors.join('; ') || 'no index returned'}`);
          // Only pages marked `data-pagefind-body` are handed to Pagefind (read here, passed as
          // content): Pagefind would otherwise parse every page of the site, version pages and
          // year pages included, only to skip them — at 10,000 events most of its time and memory.
          const files = htmlFiles(site);
          let offered = 0;
          const queue = [...files];
          const worker = async () => {
            for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
              const content = fs.readFileSync(path.join(site, file), 'utf8');
              if (!content.includes('data-pagefind-body')) continue;
              offered++;
              const r = await index.addHTMLFile({ url: fileUrl(file), content });
              if (r.errors.length) throw new Error(`Pagefind failed to index ${file}: ${r.errors.join('; ')}`);
            }
          };
          await Promise.all(Array.from({ length: 16 }, worker));
          if (offered === 0)
            throw new Error(
              `Pagefind indexed no page in ${site}: is data-pagefind-body missing from the content pages?`,
            );
          const written = await index.writeFiles({ outputPath });
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
          logger.info(
            `read ${files.length} HTML files, indexed ${perLang}, ${(dirBytes(outputPath) / 1024).toFixed(0)} KiB in ${Date.now() - started} ms`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
