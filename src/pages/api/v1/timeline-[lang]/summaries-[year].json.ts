/**
 * `/api/v1/timeline-{lang}/summaries-{year}.json`: the summaries of the events that begin in one
 * year, in the order of `/api/v1/timeline-{lang}.json` (format: src/lib/timeline/data.ts). The
 * enhanced timeline fetches them when the list or the text filter needs them; one file per year,
 * like the year pages, so the addresses stay valid as the register grows.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { TimelineSummariesJson } from '../../../../lib/timeline/data.ts';
import { summaryPaths } from '../../../../components/timeline/data.ts';

export const getStaticPaths = summaryPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { part } = props as { part: TimelineSummariesJson };
  return new Response(JSON.stringify(part), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
