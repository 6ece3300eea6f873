// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import contentGate from './src/integrations/content-gate.ts';
import { SITE_URL } from './src/lib/settings.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [contentGate(), mdx()],
});
