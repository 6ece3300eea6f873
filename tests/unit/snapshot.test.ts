import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { incidentSchema, eventSchema, sourceSchema, actorSchema } from '../../src/lib/schemas.ts';
import {
  applyPlan,
  entryVersions,
  planSnapshots,
  readSnapshots,
  readWithdrawnList,
  versionables,
  SnapshotError,
  type IncidentContent,
  type SnapshotInput,
} from '../../src/lib/snapshots.ts';
import { canonicalJson, shortHash, VERSION_PATTERN } from '../../src/lib/versions.ts';
import { paragraphId, renderNarrative } from '../../src/lib/narrative-html.ts';

const bi = (de: string, en: string) => ({ de, en });
const TEXT_A =
  'Am 19. Februar 2024 sprachen vier Offiziere in einer Webex-Konferenz.\n\nZweiter Absatz zum Stand der Ermittlungen.';
const TEXT_B =
  'Am 19. Februar 2024 sprachen vier ranghohe Offiziere der Luftwaffe in einer Webex-Konferenz.\n\nZweiter Absatz zum Stand der Ermittlungen.';

/** Content A (or B: the narrative corrected on a later day, with its correction). */
function content(variant: 'A' | 'B', withdrawal = false): SnapshotInput {
  const corrections =
    variant === 'B'
      ? [
          {
            date: '2026-12-01',
            kind: withdrawal ? 'withdrawal' : 'correction',
            what: bi('Rang ergänzt.', 'Rank added.'),
            why: bi('Quelle nennt den Rang.', 'The source gives the rank.'),
            sources: [],
          },
        ]
      : [];
  const incident = incidentSchema.parse({
    title: bi('Taurus-Leck', 'Taurus leak'),
    summary: bi('Zusammenfassung.', 'Summary.'),
    kind: 'incident',
    period: { start: '2024-02-19' },
    status: 'concluded',
    platform: ['webex'],
    countries: ['DE'],
    translation: { de: 'human', en: 'missing' },
    lastReviewed: '2026-11-26',
    corrections,
  });
  const event = eventSchema.parse({
    incident: 'taurus-leak-2024',
    date: { on: '2024-02-19' },
    type: 'incident',
    status: 'confirmed',
    confidence: 'confirmed',
    title: bi('Webex-Konferenz', 'Webex conference'),
    summary: bi('Konferenz.', 'Conference.'),
    actors: [{ actor: 'luftwaffe', role: 'affected' }],
    sources: [{ source: 'src-a' }],
  });
  return {
    incidents: [{ id: 'taurus-leak-2024', data: incident }],
    events: [{ id: '2024-02-19-call', data: event }],
    figures: [],
    narratives: [{ id: 'taurus-leak-2024/de', body: variant === 'A' ? TEXT_A : TEXT_B }],
    sources: [
      {
        id: 'src-a',
        data: sourceSchema.parse({
          publisher: 'Bundestag',
          title: 'Drucksache',
          url: 'https://example.org/a',
          language: 'de',
          kind: 'parliamentary-document',
          published: { on: '2024-03-26' },
          retrieved: '2026-11-26',
          archiveMissingReason: 'none made',
          reliability: ['original'],
        }),
      },
    ],
    actors: [
      {
        id: 'luftwaffe',
        data: actorSchema.parse({
          name: bi('Luftwaffe', 'German Air Force'),
          kind: 'armed-forces',
          country: 'DE',
          category: 'military',
        }),
      },
    ],
  } as unknown as SnapshotInput;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-snap-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const versionsNow = (input: SnapshotInput) =>
  entryVersions(versionables(input), readSnapshots(dir), readWithdrawnList(dir));
const incidentVersions = (input: SnapshotInput) => versionsNow(input).find((e) => e.kind === 'incidents')!;

describe('versions and snapshots', () => {
  it('a version id is the day of the last change and the first 8 hex digits of the SHA-256 of the sorted-key JSON', () => {
    const inc = versionables(content('A')).find((v) => v.kind === 'incidents')!;
    const expected = createHash('sha256').update(canonicalJson(inc.content)).digest('hex').slice(0, 8);
    expect(inc.contentVersion.id).toBe(`2026-11-26-${expected}`);
    expect(inc.contentVersion.id).toMatch(VERSION_PATTERN);
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: undefined }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"f":1}]},"b":1}',
    );
    expect(shortHash({ a: 1, b: 2 })).toBe(shortHash({ b: 2, a: 1 }));
  });

  it('a corrected incident gets a new version dated by its correction, and its event keeps its own', () => {
    const a = versionables(content('A'));
    const b = versionables(content('B'));
    const ia = a.find((v) => v.kind === 'incidents')!.contentVersion;
    const ib = b.find((v) => v.kind === 'incidents')!.contentVersion;
    expect(ib.hash).not.toBe(ia.hash);
    expect(ib.date).toBe('2026-12-01');
    expect(b.find((v) => v.kind === 'events')!.contentVersion).toEqual(
      a.find((v) => v.kind === 'events')!.contentVersion,
    );
  });

  it('after a correction the cited version address still shows the old text', () => {
    applyPlan(planSnapshots(content('A'), dir, '2026-11-26'));
    const cited = incidentVersions(content('A')).current.version.id;
    // Content changes to B; the snapshot of A stays.
    const after = incidentVersions(content('B'));
    const old = after.versions.find((v) => v.version.id === cited)!;
    expect(old.status).toBe('published');
    expect(old.current).toBe(false);
    expect((old.content as IncidentContent).narratives.de).toBe(TEXT_A);
    expect(renderNarrative((old.content as IncidentContent).narratives.de!, 'de')).toContain(
      'sprachen vier Offiziere in einer',
    );
    expect(after.current.status).toBe('unpublished');
    expect((after.current.content as IncidentContent).narratives.de).toBe(TEXT_B);
    // Publishing B records it; both addresses now resolve.
    applyPlan(planSnapshots(content('B'), dir, '2026-12-01'));
    const published = incidentVersions(content('B'));
    expect(published.current.status).toBe('published');
    expect(published.versions.map((v) => v.version.id)).toEqual([cited, published.current.version.id]);
  });

  it('snapshot files hold the rendered-relevant data: title, summary, narrative, events and sources', () => {
    applyPlan(planSnapshots(content('A'), dir, '2026-11-26'));
    const [file] = fs.readdirSync(path.join(dir, 'incidents', 'taurus-leak-2024'));
    const snap = JSON.parse(fs.readFileSync(path.join(dir, 'incidents', 'taurus-leak-2024', file!), 'utf8'));
    expect(snap.content.data.title.de).toBe('Taurus-Leck');
    expect(snap.content.narratives.de).toBe(TEXT_A);
    expect(snap.content.events[0].data.title.en).toBe('Webex conference');
    expect(snap.refs.sources['src-a']).toEqual({
      publisher: 'Bundestag',
      title: 'Drucksache',
      url: 'https://example.org/a',
      published: '2024-03-26',
    });
    expect(snap.refs.actors.luftwaffe).toEqual({ de: 'Luftwaffe', en: 'German Air Force' });
  });

  it('running the snapshot twice writes nothing the second time', () => {
    applyPlan(planSnapshots(content('A'), dir, '2026-11-26'));
    const again = planSnapshots(content('A'), dir, '2026-11-27');
    expect(again.write.size).toBe(0);
    expect(again.unpublished).toEqual([]);
  });

  it('a withdrawal correction replaces older versions by a notice and the snapshot command removes their text', () => {
    applyPlan(planSnapshots(content('A'), dir, '2026-11-26'));
    const cited = incidentVersions(content('A')).current.version.id;
    const input = content('B', true);
    const old = incidentVersions(input).versions.find((v) => v.version.id === cited)!;
    expect(old.status).toBe('withdrawn');
    expect(old.content).toBeUndefined();
    expect(old.withdrawal).toMatchObject({
      date: '2026-12-01',
      by: 'correction',
      reason: { de: 'Quelle nennt den Rang.' },
    });
    const plan = planSnapshots(input, dir, '2026-12-01');
    expect([...plan.tombstone.values()].join('')).not.toContain('sprachen vier');
    applyPlan(plan);
    const file = path.join(dir, 'incidents', 'taurus-leak-2024', `${cited}.json`);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('sprachen vier');
    expect(incidentVersions(input).versions.find((v) => v.version.id === cited)?.status).toBe('withdrawn');
  });

  it('a version listed in withdrawn.yaml keeps its address with the reason, even without its file', () => {
    fs.writeFileSync(
      path.join(dir, 'withdrawn.yaml'),
      '- kind: incidents\n  id: taurus-leak-2024\n  version: 2026-11-01-0123abcd\n  date: 2026-11-30\n  reason:\n    de: Enthielt eine Meeting-Nummer.\n    en: Contained a meeting number.\n',
    );
    const r = incidentVersions(content('A')).versions.find((v) => v.version.id === '2026-11-01-0123abcd');
    expect(r).toMatchObject({
      status: 'withdrawn',
      withdrawal: { by: 'list', reason: { en: 'Contained a meeting number.' } },
    });
  });

  it('a bad withdrawal list is refused with its file, field and what is allowed', () => {
    fs.writeFileSync(
      path.join(dir, 'withdrawn.yaml'),
      '- kind: incidents\n  id: x\n  version: latest\n  date: 2026-11-30\n  reason: { de: a, en: b }\n',
    );
    expect(() => readWithdrawnList(dir)).toThrow(/withdrawn\.yaml: 0\.version: .*yyyy-mm-dd-xxxxxxxx/);
  });

  it('a hand-edited snapshot is refused with its file name', () => {
    applyPlan(planSnapshots(content('A'), dir, '2026-11-26'));
    const edir = path.join(dir, 'incidents', 'taurus-leak-2024');
    const file = path.join(edir, fs.readdirSync(edir)[0]!);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Zweiter Absatz', 'Anderer Absatz'));
    expect(() => readSnapshots(dir)).toThrow(SnapshotError);
    expect(() => readSnapshots(dir)).toThrow(
      /taurus-leak-2024\/2026-11-26-[0-9a-f]{8}\.json: content: .*never edited by hand/,
    );
  });

  it('paragraph anchors come from the paragraph text and do not move when a paragraph is inserted above', () => {
    const one = renderNarrative('Erster Absatz.\n\nZweiter Absatz.', 'de');
    const two = renderNarrative('Neuer Absatz.\n\nErster Absatz.\n\nZweiter Absatz.', 'de');
    const ids = (html: string) => [...html.matchAll(/<p id="(p-[0-9a-f]{6}(?:-\d+)?)"/g)].map((m) => m[1]);
    expect(ids(two).slice(1)).toEqual(ids(one));
    expect(ids(one)[0]).toBe(paragraphId('Erster Absatz.'));
    // Typography does not change an anchor; the wording does.
    expect(paragraphId('Er sagte „ja“ – & ging.')).toBe(
      paragraphId('Er sagte "ja" - &amp; ging.'.replace('&amp;', '&')),
    );
    expect(paragraphId('Er sagte ja.')).not.toBe(paragraphId('Er sagte nein.'));
    expect(one).toContain('class="para-link" href="#p-');
  });

  it('a repeated paragraph gets a numbered anchor, so ids stay unique', () => {
    const ids = [...renderNarrative('Gleich.\n\nGleich.', 'en').matchAll(/<p id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([paragraphId('Gleich.'), `${paragraphId('Gleich.')}-2`]);
  });
});
