/**
 * `/api/v1/timeline-{lang}.json`: the compact timeline data the enhanced timeline view loads
 * first — everything but the summaries, in columns (format: src/lib/timeline/data.ts). One file
 * per language; built with the site. The summaries: `/api/v1/timeline-{lang}/summaries-{year}.json`.
 */
import type { APIRoute } from 'astro';
import { langPaths } from '../../../lib/paths.ts';
import type { Lang } from '../../../lib/i18n.ts';
import { timelineData } from '../../../components/timeline/data.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ params }) => {
  const { json } = await timelineData(params['lang'] as Lang);
  return new Response(JSON.stringify(json), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
