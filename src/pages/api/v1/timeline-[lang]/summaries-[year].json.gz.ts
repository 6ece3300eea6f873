/**
 * `/api/v1/timeline-{lang}/summaries-{year}.json.gz`: `summaries-{year}.json`, gzip-compressed at
 * build time (src/lib/timeline/packed.ts): what the enhanced timeline loads where the browser can
 * decompress it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { TimelineSummariesJson } from '../../../../lib/timeline/data.ts';
import { packJson } from '../../../../lib/timeline/pack.ts';
import { summaryPaths } from '../../../../components/timeline/data.ts';

export const getStaticPaths = summaryPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { part } = props as { part: TimelineSummariesJson };
  return new Response(packJson(part), { headers: { 'Content-Type': 'application/gzip' } });
};
