/**
 * `/api/v1/timeline-{lang}/summaries-{year}.json.gz`: `summaries-{year}.json`, gzip-compressed at
 * build time (src/lib/timeline/packed.ts): what the enhanced timeline loads where the browser can
 * decompress it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS } from '../../../../lib/settings.ts';
import type { TimelineSummariesJson } from '../../../../lib/timeline/data.ts';
import { packJson } from '../../../../lib/timeline/pack.ts';
import { timelineData } from '../../../../components/timeline/data.ts';

export const getStaticPaths = (async () =>
  (
    await Promise.all(
      LANGS.map(async (lang) =>
        (await timelineData(lang)).summaries.map((part) => ({ params: { lang, year: part.key }, props: { part } })),
      ),
    )
  ).flat()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { part } = props as { part: TimelineSummariesJson };
  return new Response(packJson(part), { headers: { 'Content-Type': 'application/gzip' } });
};
