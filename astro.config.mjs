// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentGate from './src/integrations/content-gate.ts';
import pagefind from './src/integrations/pagefind.ts';
import { SITE_URL, CONTENT_SWAPPED, CONTENT_DIR_SETTING } from './src/lib/settings.ts';
import { createHash } from 'node:crypto';

// Astro's content cache (data store) is per content root: a swapped-in test or benchmark corpus must
// never leave entries behind for the next build of the real content.
const cacheDir = CONTENT_SWAPPED
  ? `./node_modules/.astro-${createHash('sha256').update(CONTENT_DIR_SETTING).digest('hex').slice(0, 12)}`
  : './node_modules/.astro';

export default defineConfig({
  site: SITE_URL,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    contentGate(),
    mdx(),
    // Sitemap with hreflang alternates; version pages (/v/{version}/) are noindex and left out.
    sitemap({
      i18n: { defaultLocale: 'de', locales: { de: 'de-DE', en: 'en-GB' } },
      filter: (page) => !/\/v\/[^/]+\/$/.test(page),
      // The root is the language choice, not a German page: keep it out of the alternates.
      serialize: (item) => (item.links ? { ...item, links: item.links.filter((l) => new URL(l.url).pathname !== '/') } : item),
    }),
    // Search index per language, built after the pages (src/integrations/pagefind.ts).
    pagefind(),
  ],
});
