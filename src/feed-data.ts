/** Feed inputs from the live content: events with their first and current version days. */
import { events, incidents } from './queries.ts';
import { allVersions, changeLog } from './versions-data.ts';
import type { FeedEvent } from './lib/feeds.ts';
import type { ChangeEntry } from './lib/changelog.ts';
import type { Lang } from './lib/settings.ts';

export async function feedEvents(lang: Lang, incident?: string): Promise<FeedEvent[]> {
  const versions = await allVersions();
  return (await events())
    .filter((e) => incident === undefined || e.data.incident === incident)
    .map((e) => {
      const v = versions.get(`events/${e.id}`)!;
      return {
        id: e.id,
        title: e.data.title[lang],
        summary: e.data.summary[lang],
        published: v.versions[0]!.version.date,
        updated: v.current.version.date,
      };
    });
}

export async function feedChanges(incident?: string): Promise<ChangeEntry[]> {
  const log = await changeLog();
  if (incident === undefined) return log;
  return log.filter((c) => (c.target.kind === 'incident' ? c.target.id === incident : c.incident === incident));
}

export const incidentIds = async () => (await incidents()).map((i) => ({ id: i.id, title: i.data.title }));
