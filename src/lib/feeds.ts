/**
 * Atom feeds (with the `feed` package): per language one of new events and of changes and
 * corrections; per incident one of the same, limited to it. Entry ids are the permanent page
 * addresses (a change: the page address with the change's fragment), so readers see each once.
 * `updated` is the latest entry's day, never the build time: the same content gives the same feed.
 * Pure module.
 */
import { Feed } from 'feed';
import { SITE_URL, type Lang } from './settings.ts';
import type { ChangeEntry } from './changelog.ts';

export interface FeedEvent {
  id: string;
  title: string;
  summary: string;
  /** Day the event was first published (its oldest version). */
  published: string;
  /** Day of its current version. */
  updated: string;
}

export interface FeedSpec {
  lang: Lang;
  title: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the page the feed belongs to. */
  home: string;
  events: readonly FeedEvent[];
  changes: readonly ChangeEntry[];
  /** Most entries kept, newest first. */
  limit?: number;
}

const KIND_WORD: Record<Lang, Record<ChangeEntry['kind'], string>> = {
  de: { correction: 'Korrektur', update: 'Ergänzung', withdrawal: 'Rücknahme' },
  en: { correction: 'Correction', update: 'Update', withdrawal: 'Withdrawal' },
};
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function atomFeed(spec: FeedSpec): string {
  const { lang } = spec;
  const entries = [
    ...spec.events.map((e) => ({
      id: `${SITE_URL}/${lang}/events/${e.id}/`,
      link: `${SITE_URL}/${lang}/events/${e.id}/`,
      title: e.title,
      description: e.summary,
      date: day(e.updated),
      published: day(e.published),
      sort: `${e.updated} 1 ${e.id}`,
    })),
    ...spec.changes.map((c) => ({
      id: `${SITE_URL}/${lang}${c.path}#${c.anchor}`,
      link: `${SITE_URL}/${lang}${c.path}#${c.anchor}`,
      title: `${KIND_WORD[lang][c.kind]}: ${c.title[lang]}`,
      description: `${c.what[lang]} — ${c.why[lang]}`,
      date: day(c.date),
      published: day(c.date),
      sort: `${c.date} 2 ${c.key}`,
    })),
  ]
    .sort((a, b) => (a.sort < b.sort ? 1 : a.sort > b.sort ? -1 : 0))
    .slice(0, spec.limit ?? 200);
  const updated = entries.length ? new Date(Math.max(...entries.map((e) => e.date.getTime()))) : day('2024-01-01');
  const feed = new Feed({
    id: spec.home,
    title: spec.title,
    link: spec.home,
    language: lang,
    updated,
    generator: 'Konferenzleck',
    copyright: 'CC BY 4.0',
    feedLinks: { atom: spec.self },
    author: { name: 'Konferenzleck', link: SITE_URL },
  });
  for (const e of entries)
    feed.addItem({
      id: e.id,
      link: e.link,
      title: e.title,
      description: e.description,
      date: e.date,
      published: e.published,
    });
  return feed.atom1();
}
