/**
 * Build-time glue between the content queries and the pure timeline logic: the compact data of
 * one language, the main file and its summary files (memoised: the endpoints and the pages share it).
 */
import { LABELS, type Lang } from '../../lib/i18n.ts';
import { LANGS } from '../../lib/settings.ts';
import { encodeTimeline, type EncodedTimeline, type TimelineJson } from '../../lib/timeline/data.ts';
import { actors, events, incidents, sourceIdsOf } from '../../queries.ts';

const LABEL_LISTS = {
  type: 'eventType',
  status: 'claimStatus',
  confidence: 'confidence',
  category: 'actorCategory',
  country: 'country',
  precision: 'datePrecision',
  qualifier: 'dateQualifier',
} as const;

function labels(lang: Lang): TimelineJson['labels'] {
  return Object.fromEntries(
    Object.entries(LABEL_LISTS).map(([key, list]) => [
      key,
      Object.fromEntries(Object.entries(LABELS[list] ?? {}).map(([v, l]) => [v, l[lang]])),
    ]),
  );
}

const cache = new Map<Lang, Promise<EncodedTimeline>>();

export function timelineData(lang: Lang): Promise<EncodedTimeline> {
  let p = cache.get(lang);
  if (!p) {
    p = (async () =>
      encodeTimeline({
        lang,
        incidents: (await incidents()).map((i) => ({
          id: i.id,
          title: i.data.title,
          kind: i.data.kind,
          countries: i.data.countries,
          end: i.data.period.end,
        })),
        actors: (await actors()).map((a) => ({
          id: a.id,
          name: a.data.name,
          category: a.data.category,
          country: a.data.country,
        })),
        events: (await events()).map((e) => ({
          id: e.id,
          incident: e.data.incident,
          date: e.data.date,
          type: e.data.type,
          status: e.data.status,
          confidence: e.data.confidence,
          title: e.data.title,
          summary: e.data.summary,
          sources: sourceIdsOf(e).length,
          actors: e.data.actors.map((a) => a.actor),
          discrepancy: e.data.discrepancy !== undefined,
        })),
        labels: labels(lang),
      }))();
    cache.set(lang, p);
  }
  return p;
}

/** The static paths of the per-year summary files (`…/summaries-{year}.json` and its `.json.gz` twin). */
export async function summaryPaths() {
  const perLang = await Promise.all(
    LANGS.map(async (lang) =>
      (await timelineData(lang)).summaries.map((part) => ({ params: { lang, year: part.key }, props: { part } })),
    ),
  );
  return perLang.flat();
}
