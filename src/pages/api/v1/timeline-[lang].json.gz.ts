/**
 * `/api/v1/timeline-{lang}.json.gz`: `/api/v1/timeline-{lang}.json`, gzip-compressed at build
 * time (src/lib/timeline/packed.ts): what the enhanced timeline loads where the browser can
 * decompress it.
 */
import type { APIRoute } from 'astro';
import { langPaths } from '../../../lib/paths.ts';
import type { Lang } from '../../../lib/i18n.ts';
import { packJson } from '../../../lib/timeline/pack.ts';
import { timelineData } from '../../../components/timeline/data.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ params }) => {
  const { json } = await timelineData(params['lang'] as Lang);
  return new Response(packJson(json), { headers: { 'Content-Type': 'application/gzip' } });
};
