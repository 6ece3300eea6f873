import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { readContent } from '../../src/lib/content-files.ts';
import {
  apaDirect,
  citationHtml,
  citationMetaTags,
  entryJsonLd,
  formatCitation,
  toApa,
  toBibtex,
  toCslJson,
  toDin,
  toRis,
  versionUrl,
  type PageCitation,
} from '../../src/lib/citation.ts';
import { makeVersion } from '../../src/lib/versions.ts';

const base: PageCitation = {
  kind: 'incident',
  id: 'taurus-leak-2024',
  lang: 'de',
  title: 'Taurus-Leck – abgehörte Webex-Konferenz der Luftwaffe',
  version: makeVersion('2026-11-26', '173ddaf8'),
  accessed: '2026-12-03',
  description: 'Vier Offiziere besprachen …',
  firstPublished: '2026-11-20',
};
const en: PageCitation = {
  ...base,
  lang: 'en',
  kind: 'event',
  id: '2024-02-19-luftwaffe-webex-call',
  title: 'Webex conference of four Luftwaffe officers',
};
const URL_DE = 'https://konferenzleck.org/de/incidents/taurus-leak-2024/v/2026-11-26-173ddaf8/';

type Csl = {
  title?: string;
  URL?: string;
  issued?: { 'date-parts': number[][] };
  version?: string;
  note?: string;
  accessed?: { 'date-parts': number[][] };
};
const parse = (text: string) => new Cite(text).data as Csl[];

describe('citations', () => {
  it('the BibTeX of an incident parses back with citation-js and carries title, URL, date and version', () => {
    const [item] = parse(toBibtex(base));
    expect(item?.title).toBe(base.title);
    expect(item?.URL).toBe(URL_DE);
    expect(item?.issued?.['date-parts'][0]).toEqual([2026, 11, 26]);
    expect(item?.note).toContain('Version 2026-11-26-173ddaf8');
    expect(item?.note).toContain('accessed 2026-12-03');
    expect(toBibtex(base)).toMatch(/^@misc\{konferenzleck-incident-taurus-leak-2024-2026-11-26-173ddaf8,/);
  });

  it('the RIS of an event parses back with citation-js and carries title, URL, date and version', () => {
    const ris = toRis(en);
    const [item] = parse(ris);
    expect(item?.title).toBe(en.title);
    expect(item?.URL).toBe(versionUrl(en));
    expect(item?.issued?.['date-parts'][0]).toEqual([2026, 11, 26]);
    expect(item?.note).toBe('Version 2026-11-26-173ddaf8');
    expect(ris.startsWith('TY  - ')).toBe(true);
    expect(ris.trimEnd().endsWith('ER  -')).toBe(true);
  });

  it('a RIS line is never wrapped, so an address longer than 70 characters survives a round trip', () => {
    const long = { ...en, id: '2024-02-19-a-very-long-event-id-that-makes-the-address-longer-than-seventy' };
    const ris = toRis(long);
    expect(ris.split('\r\n').every((l) => l === '' || /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
    expect(parse(ris)[0]?.URL).toBe(versionUrl(long));
  });

  it('the CSL-JSON parses back with citation-js and carries title, URL, dates and version', () => {
    const json = JSON.parse(toCslJson(base)) as Csl[];
    const [item] = parse(JSON.stringify(json));
    expect(item?.title).toBe(base.title);
    expect(item?.URL).toBe(URL_DE);
    expect(item?.version).toBe('2026-11-26-173ddaf8');
    expect(item?.issued?.['date-parts'][0]).toEqual([2026, 11, 26]);
    expect(item?.accessed?.['date-parts'][0]).toEqual([2026, 12, 3]);
  });

  it('the APA 7 reference names project, date, title, version, retrieval day and the version address', () => {
    expect(toApa(en)).toBe(
      'Konferenzleck. (2026, November 26). Webex conference of four Luftwaffe officers (Version 2026-11-26-173ddaf8). Retrieved December 3, 2026, from https://konferenzleck.org/en/events/2024-02-19-luftwaffe-webex-call/v/2026-11-26-173ddaf8/',
    );
  });

  it('the DIN ISO 690 citation gives author, year, title, website [online], version, access day and address', () => {
    expect(toDin(base)).toBe(
      `Konferenzleck, 2026. Taurus-Leck – abgehörte Webex-Konferenz der Luftwaffe. In: Konferenzleck. Register von Sicherheitsvorfällen in Videokonferenzen von Regierungen [online]. Version 2026-11-26-173ddaf8, Stand: 26.11.2026 [Zugriff am: 03.12.2026]. Verfügbar unter: ${URL_DE}`,
    );
  });

  it('the retrieval day is marked in every format so the reader’s day can replace it', () => {
    for (const f of ['din', 'apa', 'bibtex', 'ris', 'csl'] as const) {
      const html = citationHtml(formatCitation(base, f), f, base.accessed);
      expect(html, f).toMatch(/<span data-accessed="(de|apa|iso|ris|csl)">[^<]+<\/span>/);
      expect(html.match(/data-accessed/g), f).toHaveLength(1);
    }
  });

  it('the version day is never marked as the retrieval day, even when both are the same day', () => {
    const same = { ...base, accessed: base.version.date };
    const html = citationHtml(formatCitation(same, 'csl'), 'csl', same.accessed);
    expect(html).toMatch(
      /&quot;accessed&quot;: \{\s*&quot;date-parts&quot;: <span data-accessed="csl">\[\[2026, 11, 26\]\]<\/span>/,
    );
    expect(html).toMatch(/&quot;issued&quot;: \{\s*&quot;date-parts&quot;: \[\[2026, 11, 26\]\]/);
  });

  it('the citation meta tags give title, publisher, publication and online dates, version address and language', () => {
    const tags = Object.fromEntries(citationMetaTags(base));
    expect(tags).toMatchObject({
      citation_title: base.title,
      citation_publisher: 'Konferenzleck',
      citation_publication_date: '2026/11/26',
      citation_online_date: '2026/11/20',
      citation_public_url: URL_DE,
      citation_language: 'de',
    });
  });

  it('the JSON-LD of an incident is an Article with its dates, version, register and cited sources', () => {
    const ld = entryJsonLd(base, [
      { id: 'src-a', publisher: 'Deutscher Bundestag', title: 'Drucksache', url: 'https://example.org/a' },
    ]);
    expect(ld).toMatchObject({
      '@type': 'Article',
      datePublished: '2026-11-20',
      dateModified: '2026-11-26',
      version: '2026-11-26-173ddaf8',
      isPartOf: { '@type': 'Dataset' },
    });
    expect(ld['citation']).toEqual([expect.objectContaining({ name: 'Drucksache', url: 'https://example.org/a' })]);
    expect(entryJsonLd(en, [])['@type']).toBe('CreativeWork');
  });
});

describe('APA without citeproc', () => {
  const { content } = readContent('src/content');
  const real = [
    ...content.incidents.flatMap((e) => {
      const t = (e.data as { title: { de: string; en: string } }).title;
      return [t.de, t.en];
    }),
    ...content.events.flatMap((e) => {
      const t = (e.data as { title: { de: string; en: string } }).title;
      return [t.de, t.en];
    }),
  ];
  const awkward = [
    'Plain title',
    'Ends with a question?',
    'Ends with a dot.',
    'Has "straight quotes" inside',
    "It's an apostrophe",
    'Das „Taurus“-Gespräch',
    'A & B <i>x</i>',
    'lowercase start',
    'Colon: subtitle',
    'Trailing!',
    'Ellipsis…',
    'Bundeswehr: 6.000 Webex-Termine, 2019–2024',
    '  blanks around  ',
    'Parens (at end)',
    'Title with [brackets] and *stars* and_underscores',
    'NATO, BSI, BfV – Abkürzungen',
  ];

  it('writes exactly what citeproc writes, for every title of the register and a set of awkward ones', () => {
    expect(real.length).toBeGreaterThan(150);
    let direct = 0;
    for (const [n, title] of [...real, ...awkward].entries()) {
      const c = {
        ...base,
        lang: n % 2 ? ('en' as const) : ('de' as const),
        kind: n % 3 ? ('event' as const) : ('incident' as const),
        title,
        version: makeVersion(
          `202${n % 7}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
          '0a1b2c3d',
        ),
        accessed: `2026-${String((n % 12) + 1).padStart(2, '0')}-0${(n % 9) + 1}`,
      };
      expect(formatCitation(c, 'apa'), title).toBe(toApa(c));
      if (apaDirect(c) !== undefined) direct++;
    }
    // The fast path is taken for most titles (not only the fallback).
    expect(direct).toBeGreaterThan(real.length * 0.8);
  });
});
