import { describe, it, expect } from 'vitest';
import { validateContent } from '../../src/lib/validate.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { makeCorpus, VALID } from './helpers/corpus.ts';

const TODAY = '2026-11-26';
const EVENT = 'events/2024-03-05-demo-event.yaml';
const SOURCE = 'sources/src-demo-2024-03-05.yaml';
const INCIDENT = 'incidents/demo-incident/incident.yaml';

function errorsFor(overrides: Record<string, string> = {}, remove: string[] = []) {
  const dir = makeCorpus(overrides, remove);
  const r = validateContent(dir, { root: dir, today: TODAY });
  return { r, lines: r.errors.map(formatProblem) };
}
const edit = (file: string, from: string | RegExp, to: string) => ({ [file]: VALID[file]!.replace(from, to) });

describe('content validation', () => {
  it('the minimal valid corpus has no errors and no warnings', () => {
    const { r } = errorsFor();
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('a dangling reference is rejected naming the file and the field', () => {
    const { r, lines } = errorsFor(edit(EVENT, 'source: src-demo-2024-03-05', 'source: src-missing'));
    const p = r.errors.find((e) => e.rule === 'integrity/dangling-reference');
    expect(p?.file).toBe(EVENT);
    expect(p?.field).toBe('sources.0.source');
    expect(lines.join('\n')).toContain('"src-missing"');
  });

  it('a reference to a missing actor is rejected naming the file and the field', () => {
    const { r } = errorsFor(edit(EVENT, 'actor: demo-ministry', 'actor: nobody'));
    expect(r.errors.map((e) => [e.file, e.field, e.rule])).toContainEqual([
      EVENT,
      'actors.0.actor',
      'integrity/dangling-reference',
    ]);
  });

  it('an event without a source is rejected naming the file and the field', () => {
    const { r } = errorsFor(edit(EVENT, /sources:\n  - source: src-demo-2024-03-05\n/, 'sources: []\n'));
    const p = r.errors.find((e) => e.field === 'sources');
    expect(p?.file).toBe(EVENT);
    expect(p?.allowed).toContain('at least one');
  });

  it('an impossible date is rejected naming the file, the line and the field', () => {
    const { r } = errorsFor({ ...edit(EVENT, '{ on: 2024-03-05 }', '{ on: "2024-02-30" }') });
    const p = r.errors.find((e) => e.field === 'date.on');
    expect(p?.file).toBe(EVENT);
    expect(p?.line).toBe(2);
    expect(p?.allowed).toContain('exists in the calendar');
  });

  it('a future date is rejected naming the file and the field', () => {
    const { r } = errorsFor(
      { 'events/2027-01-05-demo-event.yaml': VALID[EVENT]!.replace('2024-03-05 }', '2027-01-05 }') },
      [EVENT],
    );
    const p = r.errors.find((e) => e.rule === 'integrity/future-date');
    expect(p?.file).toBe('events/2027-01-05-demo-event.yaml');
    expect(p?.field).toBe('date.on');
  });

  it('an unknown enum value is rejected listing the allowed values', () => {
    const { r } = errorsFor(edit(EVENT, 'type: official-statement', 'type: press-thing'));
    const p = r.errors.find((e) => e.field === 'type');
    expect(p?.file).toBe(EVENT);
    expect(p?.found).toBe('"press-thing"');
    expect(p?.allowed).toContain('"official-statement"');
  });

  it('a malformed URL is rejected naming the file and the field', () => {
    const { r } = errorsFor(edit(SOURCE, 'https://example.org/demo', 'example.org/demo'));
    const p = r.errors.find((e) => e.field === 'url');
    expect(p?.file).toBe(SOURCE);
    expect(p?.allowed).toContain('http(s) URL');
  });

  it('a javascript: URL is rejected as a source URL', () => {
    const { r } = errorsFor(edit(SOURCE, 'https://example.org/demo', '"javascript:alert(1)"'));
    expect(r.errors.find((e) => e.field === 'url')?.file).toBe(SOURCE);
  });

  it('a duplicate id is rejected naming both files', () => {
    const { r } = errorsFor({ 'events/2024-03-05-Demo-event.yaml': VALID[EVENT]! });
    const p = r.errors.find((e) => e.rule === 'integrity/duplicate-id');
    expect(p).toBeDefined();
    expect(p?.allowed).toMatch(/already used by events\/2024-03-05-(D|d)emo-event\.yaml/);
  });

  it('an event dated before its incident starts is rejected', () => {
    const { r } = errorsFor(edit(INCIDENT, 'start: 2024-03', 'start: 2024-04'));
    const p = r.errors.find((e) => e.rule === 'integrity/event-before-incident');
    expect(p?.file).toBe(EVENT);
    expect(p?.field).toBe('date.on');
  });

  it('a follow-up event after the incident end is allowed', () => {
    const { r } = errorsFor(edit(INCIDENT, '{ start: 2024-03 }', '{ start: 2024-01, end: 2024-02 }'));
    expect(r.errors).toEqual([]);
  });

  it('a missing language without a translation marker is rejected', () => {
    const { r } = errorsFor({}, ['incidents/demo-incident/en.mdx']);
    const p = r.errors.find((e) => e.rule === 'integrity/missing-translation');
    expect(p?.file).toBe(INCIDENT);
    expect(p?.field).toBe('translation.en');
  });

  it('a missing language marked "missing" is accepted', () => {
    const { r } = errorsFor(edit(INCIDENT, 'en: human }', 'en: missing }'), ['incidents/demo-incident/en.mdx']);
    expect(r.errors).toEqual([]);
  });

  it('a source nothing cites gives a warning, not an error', () => {
    const { r } = errorsFor({ 'sources/src-uncited.yaml': VALID[SOURCE]! });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.file, w.rule])).toContainEqual([
      'sources/src-uncited.yaml',
      'integrity/uncited-source',
    ]);
  });

  it('an event file name whose date disagrees with its date is rejected', () => {
    const { r } = errorsFor({ 'events/2024-03-06-demo-event.yaml': VALID[EVENT]! }, [EVENT]);
    expect(r.errors.find((e) => e.rule === 'integrity/id-date-mismatch')?.file).toBe(
      'events/2024-03-06-demo-event.yaml',
    );
  });

  it('a source field that is unknown must say why', () => {
    const { r } = errorsFor(edit(SOURCE, 'url: https://example.org/demo\n', ''));
    const p = r.errors.find((e) => e.field === 'url');
    expect(p?.allowed).toContain('unknown: { url: <reason> }');
  });

  it('a source field stated as unknown with a reason is accepted', () => {
    const { r } = errorsFor(
      edit(SOURCE, 'url: https://example.org/demo\n', 'unknown:\n  url: The research notes give no address.\n'),
    );
    expect(r.errors).toEqual([]);
  });

  it('an inferred event without reasoning is rejected', () => {
    const { r } = errorsFor(edit(EVENT, 'confidence: confirmed', 'confidence: inferred'));
    expect(r.errors.find((e) => e.field === 'reasoning')?.file).toBe(EVENT);
  });

  it('an unknown field is rejected naming it', () => {
    const { r } = errorsFor(edit(EVENT, 'status: confirmed', 'status: confirmed\nstauts: confirmed'));
    const p = r.errors.find((e) => e.rule === 'schema/unrecognized_keys');
    expect(p?.field).toBe('stauts');
    expect(p?.line).toBe(5);
  });

  it('a YAML syntax error is reported with its line', () => {
    const { r } = errorsFor({ [EVENT]: 'incident: demo-incident\ndate: { on: 2024-03-05\n' });
    const p = r.errors.find((e) => e.rule === 'yaml/syntax');
    expect(p?.file).toBe(EVENT);
    expect(p?.line).toBeGreaterThan(0);
  });

  it('a stray file with the wrong extension is reported instead of being ignored', () => {
    const { r } = errorsFor({ 'events/2024-03-05-other.yml': VALID[EVENT]! });
    expect(r.errors.find((e) => e.rule === 'files/stray')?.file).toBe('events/2024-03-05-other.yml');
  });

  it('all errors are reported at once', () => {
    const { r } = errorsFor({
      ...edit(EVENT, 'type: official-statement', 'type: nope'),
      ...edit(SOURCE, 'https://example.org/demo', 'not a url'),
    });
    expect(new Set(r.errors.map((e) => e.file))).toEqual(new Set([EVENT, SOURCE]));
  });
});

describe('references inside narratives', () => {
  it('a narrative component pointing at a missing source is rejected with its line', () => {
    const dir = makeCorpus({
      'incidents/demo-incident/de.mdx': 'Absatz.\n\n<Quote by="Ministerin" source="src-nope">Kurz.</Quote>\n',
    });
    const r = validateContent(dir, { root: dir, today: TODAY });
    const p = r.errors.find((e) => e.rule === 'integrity/dangling-reference');
    expect(p?.file).toBe('incidents/demo-incident/de.mdx');
    expect(p?.line).toBe(3);
    expect(p?.found).toBe('"src-nope"');
  });
  it('a narrative component pointing at an existing event is accepted', () => {
    const dir = makeCorpus({
      'incidents/demo-incident/de.mdx': 'Siehe <EventRef id="2024-03-05-demo-event">Erklärung</EventRef>.\n',
    });
    expect(validateContent(dir, { root: dir, today: TODAY }).errors).toEqual([]);
  });
});
