/**
 * Every typical contributor mistake, each a tiny content root under tests/fixtures/mistakes/<case>/
 * with `expected.txt`: every line of it must appear in one and the same reported error line, which
 * also names the file and field and says how to fix it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validate.ts';
import { ContentError, formatProblem, type Problem } from '../../src/lib/problems.ts';
import contentGate from '../../src/integrations/content-gate.ts';

const FIXTURES = path.resolve('tests/fixtures/mistakes');
const TODAY = '2026-11-26';
const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * The content root of a case. `copy.txt` lists "from -> to" copies made in a temporary copy first:
 * used for the duplicate id, whose two files differ only in case and so cannot both be committed
 * (they would collide on case-insensitive file systems).
 */
function rootOf(name: string): string {
  const dir = path.join(FIXTURES, name);
  const copies = path.join(dir, 'copy.txt');
  if (!fs.existsSync(copies)) return dir;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `kl-mistake-${name}-`));
  tmpDirs.push(tmp);
  fs.cpSync(dir, tmp, { recursive: true });
  for (const line of fs.readFileSync(copies, 'utf8').split('\n').filter(Boolean)) {
    const [from, to] = line.split(' -> ');
    fs.copyFileSync(path.join(tmp, from!), path.join(tmp, to!));
  }
  return tmp;
}

function check(name: string) {
  const root = rootOf(name);
  return validateContent(root, { root, today: TODAY });
}

const cases = fs
  .readdirSync(FIXTURES)
  .filter((d) => fs.existsSync(path.join(FIXTURES, d, 'expected.txt')))
  .sort();

describe('contributor mistakes', () => {
  it('there is a fixture for every typical mistake the contributor guide names', () => {
    for (const name of [
      'missing-source',
      'wrong-enum',
      'bad-date',
      'unknown-reference',
      'mdx-import',
      'mdx-expression',
      'script-tag',
      'private-email',
      'duplicate-id',
      'future-date',
      'malformed-url',
      'dangling-reference',
    ]) {
      expect(cases, name).toContain(name);
    }
  });

  it('the fixture content without a mistake produces no problem at all', () => {
    const r = check('valid');
    expect(r.problems.map(formatProblem)).toEqual([]);
    expect(r.content.events).toHaveLength(1);
  });

  for (const name of cases) {
    it(`${name}: the mistake is reported in one line naming file and field, with what is allowed and how to fix it`, () => {
      const r = check(name);
      const expected = fs
        .readFileSync(path.join(FIXTURES, name, 'expected.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.trim());
      expect(expected.length).toBeGreaterThan(0);
      const lines = r.errors.map(formatProblem);
      const match = r.errors.find((p) => expected.every((e) => formatProblem(p).includes(e)));
      expect(
        match,
        `no error line contains all of:\n${expected.join('\n')}\n--- got:\n${lines.join('\n')}`,
      ).toBeDefined();
      const p = match as Problem;
      expect(p.file).not.toBe('');
      expect(p.field).not.toBe('');
      expect(p.allowed).not.toBe('');
      expect(p.hint ?? '', 'the line says how to fix it').not.toBe('');
      expect(formatProblem(p)).not.toContain('\n');
    });
  }

  it('every problem any mistake fixture produces carries a hint saying how to fix it', () => {
    const withoutHint: string[] = [];
    for (const name of cases) for (const p of check(name).problems) if (!p.hint) withoutHint.push(formatProblem(p));
    expect(withoutHint).toEqual([]);
  });

  it('a single mistake produces a single error, not a cascade (except an invalid source that an event cites)', () => {
    for (const name of cases) {
      const n = check(name).errors.length;
      expect(n, name).toBeGreaterThan(0);
      if (name !== 'malformed-url') expect(n, name).toBe(1);
    }
  });

  it('a reference to an entry whose own file is invalid points at that file instead of calling it missing', () => {
    const r = check('malformed-url');
    const cascade = r.errors.find((p) => p.rule === 'integrity/dangling-reference');
    expect(cascade?.hint).toContain('fix the errors reported for sources/src-example-report.yaml first');
  });

  it('content that tries to run code is refused by the build before anything is built', () => {
    for (const name of ['mdx-import', 'mdx-expression', 'script-tag', 'event-handler', 'javascript-link']) {
      // A project root whose src/content is the fixture: the content gate runs at astro:config:setup.
      const project = fs.mkdtempSync(path.join(os.tmpdir(), `kl-gate-${name}-`));
      tmpDirs.push(project);
      fs.cpSync(path.join(FIXTURES, name), path.join(project, 'src/content'), { recursive: true });
      const hook = contentGate().hooks['astro:config:setup'] as unknown as (o: unknown) => void;
      const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
      let thrown: unknown;
      try {
        hook({ config: { root: pathToFileURL(`${project}/`) }, logger });
      } catch (e) {
        thrown = e;
      }
      expect(thrown, name).toBeInstanceOf(ContentError);
      expect(
        (thrown as ContentError).problems.some((p) => p.rule.startsWith('mdx/')),
        name,
      ).toBe(true);
    }
  });
});
