// robots.txt: everything may be crawled; the sitemap lists the pages with language alternates.
import type { APIRoute } from 'astro';
import { SITE_URL } from '../lib/settings.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}/sitemap-index.xml\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
