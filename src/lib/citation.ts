/**
 * Citations of incidents and events in five formats — DIN ISO 690 (German), APA 7 (English),
 * BibTeX, RIS and CSL-JSON — plus the `citation_*` meta tags reference managers read and the
 * schema.org JSON-LD. Every format cites the permanent version address.
 *
 * BibTeX, RIS, CSL-JSON and APA come from citation-js (@citation-js/core 0.8 with plugin-bibtex,
 * plugin-ris, plugin-csl), which runs offline: plugin-csl bundles the APA 7 style and the en-US
 * locale. Two things are done here rather than by the library, each for a reason:
 * - APA: a variant of the bundled style (`apa-konferenzleck`) with three edits, applied by exact
 *   string replacement and checked at load: the version is printed for web pages
 *   ("(Version 2026-11-26-ab12cd34)"), its label stays singular (citeproc reads the hyphens of our
 *   ids as a range and would print "Versions"), and the retrieval date is printed although the
 *   page has a date — the register changes over time, and the project cites with a retrieval date.
 * - RIS lines: citation-js wraps values every 70 characters and its own RIS parser rejoins the
 *   pieces with a space, which breaks every URL longer than 70 characters. The tags and values
 *   still come from citation-js (`format: 'object'`); they are written one per line, unwrapped
 *   (RIS allows 255 characters per line).
 * DIN ISO 690 has no bundled CSL style; it is formatted here and tested.
 * Pure module: no Astro imports.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { SITE_URL, type Lang } from './settings.ts';
import type { Version } from './versions.ts';

export const PROJECT = 'Konferenzleck';
export const REGISTER_NAME: Record<Lang, string> = {
  de: 'Konferenzleck. Register von Sicherheitsvorfällen in Videokonferenzen von Regierungen',
  en: 'Konferenzleck. Register of security incidents in government video conferences',
};
export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';

export type CiteKind = 'incident' | 'event';
export const KIND_PATH: Record<CiteKind, 'incidents' | 'events'> = { incident: 'incidents', event: 'events' };

export interface CitationInput {
  kind: CiteKind;
  id: string;
  lang: Lang;
  /** Title in the page's language. */
  title: string;
  /** The cited version. */
  version: Version;
  /** Day the reader retrieved the page (at build time: the build day). */
  accessed: string;
}

export const pageUrl = (c: Pick<CitationInput, 'kind' | 'id' | 'lang'>) =>
  `${SITE_URL}/${c.lang}/${KIND_PATH[c.kind]}/${c.id}/`;
export const versionUrl = (c: Pick<CitationInput, 'kind' | 'id' | 'lang' | 'version'>) =>
  `${pageUrl(c)}v/${c.version.id}/`;
export const citationKey = (c: Pick<CitationInput, 'kind' | 'id' | 'version'>) =>
  `konferenzleck-${c.kind}-${c.id}-${c.version.id}`;

const dateParts = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};

/** The CSL-JSON item of a citation. */
export function cslItem(c: CitationInput): Record<string, unknown> {
  return {
    id: citationKey(c),
    type: 'webpage',
    title: c.title,
    author: [{ literal: PROJECT }],
    'container-title': REGISTER_NAME[c.lang],
    publisher: PROJECT,
    issued: { 'date-parts': [dateParts(c.version.date)] },
    accessed: { 'date-parts': [dateParts(c.accessed)] },
    URL: versionUrl(c),
    version: c.version.id,
    language: c.lang,
  };
}

/** Note carrying version and retrieval day in formats without fields for them (BibTeX @misc, RIS). */
const versionNote = (c: CitationInput) => `Version ${c.version.id}; accessed ${c.accessed}`;

// -------------------------------------------------------------------------------------------------
// APA 7 via citeproc with the bundled style, three documented edits.

const APA_TEMPLATE = 'apa-konferenzleck';
const APA_EDITS: [string, string][] = [
  // Retrieval date also for dated pages (the register changes over time).
  [
    '<if match="none" variable="issued status"><text term="retrieved"',
    '<if variable="accessed"><text term="retrieved"',
  ],
  // Print the version for web pages.
  ['post post-weblog review review-book speech webpage"/>', 'post post-weblog review review-book speech"/>'],
  // Singular label: our version ids contain hyphens, which citeproc reads as a range.
  [
    '<macro name="label-version"><group delimiter=" "><label text-case="capitalize-first" variable="version"/>',
    '<macro name="label-version"><group delimiter=" "><text term="version" text-case="capitalize-first"/>',
  ],
];

function registerApa(): void {
  const styles = plugins.config.get('@csl').styles as {
    has(n: string): boolean;
    get(n: string): string;
    add(n: string, v: string): void;
  };
  if (styles.has(APA_TEMPLATE)) return;
  let xml = styles.get('apa');
  for (const [from, to] of APA_EDITS) {
    if (!xml.includes(from))
      throw new Error(
        `citation: the bundled APA style changed; cannot apply the edit for ${JSON.stringify(from.slice(0, 60))} (see src/lib/citation.ts)`,
      );
    xml = xml.replace(from, to);
  }
  styles.add(APA_TEMPLATE, xml);
}
registerApa();

/**
 * APA 7 reference, written directly for the one shape the register cites (a web page with the
 * site as corporate author, a full version date, a version and a retrieval date) — or `undefined`
 * where citeproc would change the title (straight quotes become typographic ones, markup-like
 * `<…>` is interpreted, surrounding blanks are kept). citeproc costs ~10 ms a reference, ~100 s
 * of a 10,000-event build; this costs microseconds. `toApa` stays the reference implementation and
 * a unit test holds the two equal on every real title and a set of awkward ones.
 */
export function apaDirect(c: CitationInput): string | undefined {
  if (!/^[^"'<>\s](?:[^"'<>]*[^"'<>\s])?$/.test(c.title)) return undefined;
  const [y, m, d] = dateParts(c.version.date);
  return `${PROJECT}. (${y}, ${EN_MONTHS[m - 1]} ${d}). ${c.title} (Version ${c.version.id}). Retrieved ${enDay(c.accessed)}, from ${versionUrl(c)}`;
}
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const enDay = (iso: string) => {
  const [y, m, d] = dateParts(iso);
  return `${EN_MONTHS[m - 1]} ${d}, ${y}`;
};

/** APA 7 reference (English), plain text, through citeproc (the reference implementation). */
export function toApa(c: CitationInput): string {
  // The site name equals the author: APA omits it then.
  const { 'container-title': _site, publisher: _pub, ...item } = cslItem(c);
  return (
    new Cite(item).format('bibliography', { format: 'text', template: APA_TEMPLATE, lang: 'en-US' }) as string
  ).trim();
}

// -------------------------------------------------------------------------------------------------
// DIN ISO 690 (German), formatted here.

const germanDay = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
};

/**
 * DIN ISO 690:2013, contribution on a website:
 * `Urheber, Jahr. Titel. In: Website [online]. Ausgabe/Stand [Zugriff am: TT.MM.JJJJ]. Verfügbar unter: URL`.
 * The corporate author is written as is (capitals are for personal surnames).
 */
export function toDin(c: CitationInput): string {
  const year = c.version.date.slice(0, 4);
  const title = /[.!?]$/.test(c.title) ? c.title : `${c.title}.`;
  return `${PROJECT}, ${year}. ${title} In: ${REGISTER_NAME.de} [online]. Version ${c.version.id}, Stand: ${germanDay(c.version.date)} [Zugriff am: ${germanDay(c.accessed)}]. Verfügbar unter: ${versionUrl(c)}`;
}

// -------------------------------------------------------------------------------------------------
// BibTeX, RIS, CSL-JSON via citation-js

export function toBibtex(c: CitationInput): string {
  const item = { ...cslItem(c), note: versionNote(c) };
  const out = new Cite(item).format('bibtex', { format: 'text' }) as string;
  // citation-js derives the key from author/year/title; use our stable, unique key.
  return `${out.replace(/^@(\w+)\{[^,]*,/, (_m, t: string) => `@${t}{${citationKey(c)},`).trim()}\n`;
}

export function toRis(c: CitationInput): string {
  // RIS carries the retrieval day in its own tag (M1 for ELEC); the note holds the version.
  const item = { ...cslItem(c), note: `Version ${c.version.id}` };
  const [entry] = new Cite(item).format('ris', { format: 'object', spec: 'new' }) as Record<
    string,
    string | string[]
  >[];
  if (!entry) throw new Error('citation: citation-js returned no RIS record');
  const lines = [`TY  - ${String(entry['TY'])}`];
  for (const [tag, value] of Object.entries(entry)) {
    if (tag === 'TY') continue;
    for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s*\n\s*/g, ' ')}`);
  }
  lines.push('ER  - ');
  return `${lines.join('\r\n')}\r\n`;
}

/** CSL-JSON (an array with one item, as reference managers import it), dates on one line. */
export function toCslJson(c: CitationInput): string {
  const data = new Cite(cslItem(c)).format('data', { format: 'object' }) as unknown[];
  const text = JSON.stringify(data, null, 2).replace(/\[\s*\[\s*(\d+),\s*(\d+),\s*(\d+)\s*\]\s*\]/g, '[[$1, $2, $3]]');
  return `${text}\n`;
}

export type CiteFormat = 'din' | 'apa' | 'bibtex' | 'ris' | 'csl';
export const FILE_EXT: Record<'bibtex' | 'ris' | 'csl', string> = { bibtex: 'bib', ris: 'ris', csl: 'json' };
export const MIME: Record<'bibtex' | 'ris' | 'csl', string> = {
  bibtex: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  csl: 'application/vnd.citationstyles.csl+json',
};

// The same citation is formatted for the page, its download file and the brief: each (input,
// format) is formatted once per process.
const formatted = new Map<string, string>();

export function formatCitation(c: CitationInput, f: CiteFormat): string {
  const key = `${f}\u0000${JSON.stringify(c)}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatUncached(c, f);
    formatted.set(key, text);
  }
  return text;
}

function formatUncached(c: CitationInput, f: CiteFormat): string {
  switch (f) {
    case 'din':
      return toDin(c);
    case 'apa':
      return apaDirect(c) ?? toApa(c);
    case 'bibtex':
      return toBibtex(c);
    case 'ris':
      return toRis(c);
    case 'csl':
      return toCslJson(c);
  }
}

/** Address of the static download of a citation file. */
export function downloadPath(c: Pick<CitationInput, 'kind' | 'id' | 'lang'>, f: 'bibtex' | 'ris' | 'csl'): string {
  return `/api/v1/cite/${c.lang}/${KIND_PATH[c.kind]}/${c.id}.${FILE_EXT[f]}`;
}

// -------------------------------------------------------------------------------------------------
// The retrieval day in the displayed text, marked so a tiny script can set it to the reader's day.

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** How the retrieval day is written in each format, and the text right before it. */
const ACCESSED: Record<CiteFormat, { before: RegExp; write: (iso: string) => string; style: string }> = {
  din: { before: /Zugriff am: /, write: germanDay, style: 'de' },
  apa: {
    before: /Retrieved /,
    write: enDay,
    style: 'apa',
  },
  bibtex: { before: /accessed /, write: (iso) => iso, style: 'iso' },
  // citation-js writes RIS dates without leading zeros: 2026/1/5/.
  ris: { before: /(?:M1|Y2) {2}- /, write: (iso) => `${dateParts(iso).join('/')}/`, style: 'ris' },
  csl: { before: /"accessed": \{\s*"date-parts": /, write: (iso) => `[[${dateParts(iso).join(', ')}]]`, style: 'csl' },
};

/**
 * HTML of a citation text with the retrieval day wrapped in
 * `<span data-accessed="{style}">…</span>` (the first occurrence after its label only).
 */
export function citationHtml(text: string, f: CiteFormat, accessed: string): string {
  const a = ACCESSED[f];
  const value = a.write(accessed);
  const m = a.before.exec(text);
  if (!m || !text.startsWith(value, m.index + m[0].length)) return escapeHtml(text);
  const at = m.index + m[0].length;
  return `${escapeHtml(text.slice(0, at))}<span data-accessed="${a.style}">${escapeHtml(value)}</span>${escapeHtml(text.slice(at + value.length))}`;
}

// -------------------------------------------------------------------------------------------------
// Meta tags and JSON-LD

const highwireDate = (iso: string) => iso.replace(/-/g, '/');

export interface PageCitation extends CitationInput {
  /** Summary in the page's language. */
  description: string;
  /** Day the entry was first published (its oldest version). */
  firstPublished: string;
}

/** `citation_*` (Highwire Press) and Dublin Core tags, as [name, content] pairs. */
export function citationMetaTags(c: PageCitation): [string, string][] {
  return [
    ['citation_title', c.title],
    ['citation_author', PROJECT],
    ['citation_publisher', PROJECT],
    ['citation_publication_date', highwireDate(c.version.date)],
    ['citation_online_date', highwireDate(c.firstPublished)],
    ['citation_date', highwireDate(c.version.date)],
    ['citation_public_url', versionUrl(c)],
    ['citation_abstract_html_url', pageUrl(c)],
    ['citation_language', c.lang],
    [
      'citation_keywords',
      c.kind === 'incident'
        ? c.lang === 'de'
          ? 'Sicherheitsvorfall; Videokonferenz'
          : 'security incident; video conference'
        : c.lang === 'de'
          ? 'Ereignis; Videokonferenz'
          : 'event; video conference',
    ],
    ['DC.title', c.title],
    ['DC.creator', PROJECT],
    ['DC.publisher', PROJECT],
    ['DC.date', c.version.date],
    ['DC.identifier', versionUrl(c)],
    ['DC.language', c.lang],
    ['DC.rights', LICENSE_URL],
  ];
}

export interface CitedSource {
  id: string;
  publisher?: string | undefined;
  title?: string | undefined;
  url?: string | undefined;
  published?: string | undefined;
}

/** schema.org JSON-LD of an incident (Article) or event (CreativeWork). */
export function entryJsonLd(c: PageCitation, sources: readonly CitedSource[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': c.kind === 'incident' ? 'Article' : 'CreativeWork',
    '@id': pageUrl(c),
    url: pageUrl(c),
    headline: c.title,
    name: c.title,
    description: c.description,
    inLanguage: c.lang,
    datePublished: c.firstPublished,
    dateModified: c.version.date,
    version: c.version.id,
    author: { '@type': 'Organization', name: PROJECT, url: SITE_URL },
    publisher: { '@type': 'Organization', name: PROJECT, url: SITE_URL },
    license: LICENSE_URL,
    isPartOf: { '@type': 'Dataset', name: REGISTER_NAME[c.lang], url: `${SITE_URL}/${c.lang}/data/` },
    workExample: { '@type': 'CreativeWork', url: versionUrl(c), version: c.version.id },
    citation: sources.map((s) => ({
      '@type': 'CreativeWork',
      ...(s.title ? { name: s.title } : {}),
      ...(s.url ? { url: s.url } : {}),
      ...(s.publisher ? { publisher: { '@type': 'Organization', name: s.publisher } } : {}),
      ...(s.published ? { datePublished: s.published } : {}),
      '@id': `${SITE_URL}/${c.lang}/sources/${s.id}/`,
    })),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
