// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentGate from './src/integrations/content-gate.ts';
import pagefind from './src/integrations/pagefind.ts';
import downloads from './src/integrations/downloads.ts';
import trustGates from './src/integrations/trust-gates.ts';
import { SITE_URL, CONTENT_SWAPPED, CONTENT_DIR_SETTING } from './src/lib/settings.ts';
import { createHash } from 'node:crypto';
import { sitemapAlternates } from './src/lib/sitemap-alternates.ts';

// Astro's content cache (data store) is per content root: a swapped-in test or benchmark corpus must
// never leave entries behind for the next build of the real content.
const cacheDir = CONTENT_SWAPPED
  ? `./node_modules/.astro-${createHash('sha256').update(CONTENT_DIR_SETTING).digest('hex').slice(0, 12)}`
  : './node_modules/.astro';

const alternates = sitemapAlternates({
  base: new URL('/', SITE_URL).href,
  defaultLocale: 'de',
  locales: { de: 'de-DE', en: 'en-GB' },
  exclude: (url) => /\/v\/[^/]+\/$/.test(url),
});

export default defineConfig({
  site: SITE_URL,
  cacheDir,
  trailingSlash: 'always',
  // Four pages render at once: a page's render waits on file writes and hashing in Node's I/O
  // threads, and the next pages fill those waits (1k corpus, render phase: 28.4 s at 1, 21.9 s at 2,
  // 22.0 s at 4, 21.0 s at 8; measured in bench, see CHANGELOG).
  build: { format: 'directory', concurrency: 4 },
  integrations: [
    contentGate(),
    mdx(),
    // Sitemap with hreflang alternates; version pages (/v/{version}/) are noindex and left out. The
    // alternates are computed in one pass (src/lib/sitemap-alternates.ts), not by the library's
    // `i18n` option, whose time grows with the square of the number of pages.
    sitemap({
      filter: alternates.filter,
      serialize: (item) => {
        // The root is the language choice, not a German page: keep it out of the alternates.
        const links = alternates.links(item.url)?.filter((l) => new URL(l.url).pathname !== '/');
        return links ? { ...item, links } : item;
      },
    }),
    // Search index per language, built after the pages (src/integrations/pagefind.ts).
    pagefind(),
    // Citation files the pages registered while rendering (src/lib/downloads.ts).
    downloads(),
    // Privacy gate over every output file, URL registry and redirects: must run last.
    trustGates(),
  ],
  // Content-Security-Policy as a <meta> with hashes of Astro's own scripts and styles; no
  // 'unsafe-inline'. Pagefind compiles WebAssembly in a worker: 'wasm-unsafe-eval' and worker-src
  // 'self'. Header-only directives (frame-ancestors …) are in public/_headers, see docs/hosting.md.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
