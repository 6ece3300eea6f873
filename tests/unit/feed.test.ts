import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { atomFeed, type FeedEvent } from '../../src/lib/feeds.ts';
import { changelog } from '../../src/lib/changelog.ts';

const bi = (de: string, en: string) => ({ de, en });
const events: FeedEvent[] = [
  {
    id: '2024-02-19-call',
    title: 'Webex conference',
    summary: 'Four officers.',
    published: '2026-11-20',
    updated: '2026-11-20',
  },
  {
    id: '2024-03-01-leak',
    title: 'Recording published',
    summary: 'RT published it.',
    published: '2026-11-20',
    updated: '2026-12-02',
  },
];
const log = changelog({
  incidents: [
    {
      id: 'taurus-leak-2024',
      data: {
        title: bi('Taurus-Leck', 'Taurus leak'),
        corrections: [
          {
            date: '2026-12-01',
            kind: 'correction',
            what: bi('Rang ergänzt.', 'Rank added.'),
            why: bi('Quelle.', 'Source.'),
            sources: [],
          },
        ],
      },
    },
  ],
});

type Entry = {
  id: string;
  updated: string;
  published?: string;
  title: { '#text': string };
  link: { '@_href': string };
};
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(xml) as {
    feed: { id: string; updated: string; entry?: Entry[]; link: { '@_rel'?: string; '@_href': string }[] };
  };

describe('Atom feeds', () => {
  const xml = atomFeed({
    lang: 'en',
    title: 'Konferenzleck',
    self: 'https://konferenzleck.org/en/feed.xml',
    home: 'https://konferenzleck.org/en/',
    events,
    changes: log,
  });

  it('a feed parses and every entry has an id, a date and a link', () => {
    const feed = parse(xml).feed;
    expect(feed.entry).toHaveLength(3);
    for (const e of feed.entry!) {
      expect(e.id).toMatch(/^https:\/\/konferenzleck\.org\/en\//);
      expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
      expect(e.link['@_href']).toBe(e.id);
    }
    expect(feed.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe('https://konferenzleck.org/en/feed.xml');
  });

  it('entries are newest first, corrections link to their place on the page, and the feed date is the newest entry’s', () => {
    const feed = parse(xml).feed;
    expect(feed.entry!.map((e) => e.id)).toEqual([
      'https://konferenzleck.org/en/events/2024-03-01-leak/',
      'https://konferenzleck.org/en/incidents/taurus-leak-2024/#correction-incident-taurus-leak-2024-1',
      'https://konferenzleck.org/en/events/2024-02-19-call/',
    ]);
    expect(feed.entry![1]!.title['#text']).toBe('Correction: Taurus leak');
    expect(feed.updated).toBe('2026-12-02T00:00:00.000Z');
  });

  it('the same content gives the same feed, whatever the day of the build', () => {
    const again = atomFeed({
      lang: 'en',
      title: 'Konferenzleck',
      self: 'https://konferenzleck.org/en/feed.xml',
      home: 'https://konferenzleck.org/en/',
      events,
      changes: log,
    });
    expect(again).toBe(xml);
  });
});
