/**
 * Content-level rules that must hold for the register's content as it is now and as it grows:
 * sourcing, attribution of secondary claims, reasoning for inferences, translations, and the
 * naming and privacy rules. They read the real content directory (or the one swapped in through
 * KONFERENZLECK_CONTENT_DIR), so a new entry that breaks a rule fails here with its file name.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent, type Entry } from '../../src/lib/content-files.ts';
import type { EventData, FigureData, Incident, SourceData } from '../../src/lib/schemas.ts';
import { CONTACT_EMAIL, LANGS, contentDir } from '../../src/lib/settings.ts';

const base = contentDir();
const { content } = readContent(base);
const events = content.events as Entry<EventData>[];
const figures = content.figures as Entry<FigureData>[];
const incidents = content.incidents as Entry<Incident>[];
const sources = content.sources as Entry<SourceData>[];
const sourceById = new Map(sources.map((s) => [s.id, s.data]));

/** Every content file on disk (YAML and MDX), whether or not it parsed, with its text. */
function contentFiles(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (/\.(ya?ml|mdx?)$/.test(name))
        out.push({ file: path.relative(process.cwd(), full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}
const files = contentFiles(base);

/**
 * Names a summary may use to attribute a claim to a source: the publisher as written, the part
 * before a parenthesis ("ChannelPartner (dpa)" → "ChannelPartner"), the parenthesised part without
 * "via" ("dpa", "kleineanfragen.org"), and the host names of the source's addresses.
 */
function publisherNames(s: SourceData): string[] {
  const names = new Set<string>();
  if (s.publisher) {
    names.add(s.publisher.trim());
    const m = /^(.*?)\s*\((.*)\)\s*$/.exec(s.publisher);
    if (m) {
      names.add(m[1]!.trim());
      names.add(m[2]!.replace(/^via\s+/i, '').trim());
    }
  }
  for (const u of [s.url, s.retrievedVia]) {
    if (u) names.add(new URL(u).hostname.replace(/^www\./, ''));
  }
  return [...names].filter((x) => x.length >= 3);
}

/** True when `name` appears in `text` as a whole word (case-insensitive, any script). */
function mentions(text: string, name: string): boolean {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * SHA-256 of the lowercased surnames of people the naming rule protects (a brigadier general who
 * is not head of a branch; a party spokesman), in the spellings sources use. Kept as hashes so
 * that this file does not itself publish the names.
 */
const PROTECTED_NAME_HASHES = new Set([
  'e0680722145cc395f29c393d70eda090d5602d0b5af0a8aec0484142cbe92eb1',
  '16c075c9c6e119be9a1a29f90896e4613202b5fe40221af84591ae0d759cead5',
  '8462f2888b3560325df3e1210461abad87b780ea17ba8b485998b191ace01cbd',
  '6ed2f52e3e9e03f3ed02b5821ce763ba465335c83ca708a0f88f0ad5d8c0962a',
  '40e447ff79b0f7539e8cacc85b1173ff62af389ec9cc4a0467bb5e7800f6ca98',
]);
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const MEETING_LINK = /webex\.com\/(?:[\w-]+\/)?meet\b|[?&]MTID=/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** International (+49 …, 0049 …) or national numbers with separators ((030) …, 030 …). */
const PHONE =
  /(?:\+|\b00)[1-9]\d{0,2}[ ./-]?\d{1,5}(?:[ ./-]?\d{2,}){1,4}|\(0\d{1,5}\)[ ./-]?\d{2,}(?:[ -]?\d{2,}){0,3}|\b0\d{2,5}[ /-]\d{3,}(?:[ -]\d{2,}){0,3}/g;
const digits = (s: string) => s.replace(/\D/g, '').length;
/** Drops URLs first: digit runs inside addresses (article ids, document numbers) are not phone numbers. */
const withoutUrls = (s: string) => s.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');

describe('content rules', () => {
  it('the content directory holds entries to check', () => {
    expect(events.length).toBeGreaterThan(0);
    expect(sources.length).toBeGreaterThan(0);
  });

  it('every event cites at least one source and every source it cites exists', () => {
    const bad: string[] = [];
    for (const e of events) {
      if (e.data.sources.length === 0) bad.push(`${e.file}: no source`);
      const refs = [...e.data.sources, ...(e.data.discrepancy?.sources ?? [])];
      for (const r of refs) if (!sourceById.has(r.source)) bad.push(`${e.file}: ${r.source}`);
    }
    expect(bad).toEqual([]);
  });

  it('every secondary-confidence event names its source publisher in both languages', () => {
    const bad: string[] = [];
    for (const e of events.filter((x) => x.data.confidence === 'secondary')) {
      const names = e.data.sources.flatMap((r) => {
        const s = sourceById.get(r.source);
        return s ? publisherNames(s) : [];
      });
      for (const lang of LANGS) {
        if (!names.some((n) => mentions(e.data.summary[lang], n)))
          bad.push(`${e.file}: summary.${lang} names none of ${JSON.stringify(names)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every inferred event gives its reasoning in both languages', () => {
    const bad = events
      .filter((e) => e.data.confidence === 'inferred' && !(e.data.reasoning?.de.trim() && e.data.reasoning?.en.trim()))
      .map((e) => e.file);
    expect(bad).toEqual([]);
  });

  it('every figure has an attribution in both languages and cites sources that exist', () => {
    const bad: string[] = [];
    for (const f of figures) {
      if (!f.data.attribution.de.trim() || !f.data.attribution.en.trim()) bad.push(`${f.file}: attribution`);
      if (f.data.sources.length === 0) bad.push(`${f.file}: no source`);
      for (const r of f.data.sources) if (!sourceById.has(r.source)) bad.push(`${f.file}: ${r.source}`);
    }
    expect(bad).toEqual([]);
  });

  it('every incident has a narrative in each language or marks that language as missing', () => {
    const bad: string[] = [];
    for (const i of incidents) {
      for (const lang of LANGS) {
        const has = content.narratives.some((n) => n.id === `${i.id}/${lang}`);
        if (!has && i.data.translation[lang] !== 'missing')
          bad.push(`${i.file}: no ${lang}.mdx but translation.${lang} is ${i.data.translation[lang]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no content file contains the name of a person the naming rule protects', () => {
    const bad: string[] = [];
    for (const { file, text } of files) {
      const words = text
        .normalize('NFC')
        .toLowerCase()
        .split(/[^\p{L}]+/u);
      for (const w of new Set(words))
        if (w && PROTECTED_NAME_HASHES.has(sha256(w))) bad.push(`${file}: a protected name`);
    }
    expect(bad).toEqual([]);
  });

  it('no content file contains a meeting link, an e-mail address or a phone number', () => {
    const bad: string[] = [];
    for (const { file, text } of files) {
      if (MEETING_LINK.test(text)) bad.push(`${file}: meeting link`);
      for (const m of text.match(EMAIL) ?? [])
        if (m.toLowerCase() !== CONTACT_EMAIL) bad.push(`${file}: e-mail address`);
      for (const m of withoutUrls(text).match(PHONE) ?? [])
        if (digits(m) >= 7) bad.push(`${file}: phone number ${m.replace(/\d(?=\d{2})/g, '•')}`);
    }
    expect(bad).toEqual([]);
  });

  it('the privacy patterns catch what they are meant to catch', () => {
    expect(MEETING_LINK.test('https://example.webex.com/meet/someone')).toBe(true);
    expect(MEETING_LINK.test('https://example.webex.com/example/j.php?MTID=m123')).toBe(true);
    expect('write to someone@example.org'.match(EMAIL)).not.toBeNull();
    expect((withoutUrls('call +49 30 1234567').match(PHONE) ?? []).some((m) => digits(m) >= 7)).toBe(true);
    expect(
      (withoutUrls('Drucksache 20/10839, Kamerstuk 26 643, nr. 1181, CVE-2020-3142').match(PHONE) ?? []).filter(
        (m) => digits(m) >= 7,
      ),
    ).toEqual([]);
    expect(PROTECTED_NAME_HASHES.has(sha256('example'))).toBe(false);
  });
});
