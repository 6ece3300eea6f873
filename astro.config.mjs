// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentGate from './src/integrations/content-gate.ts';
import pagefind from './src/integrations/pagefind.ts';
import { SITE_URL } from './src/lib/settings.ts';

export default defineConfig({
  site: SITE_URL,
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
