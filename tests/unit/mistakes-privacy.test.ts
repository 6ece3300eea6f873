/** Personal data and meeting access details in content are refused with file, line and field. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPersonalData, fieldAtLine, personalDataLists } from '../../src/lib/personal-data.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { CONTACT_EMAIL } from '../../src/lib/settings.ts';

const lists = personalDataLists();
const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

const EVENT = `incident: example-leak-2024
date:
  on: 2024-03-05
type: official-statement
status: confirmed
confidence: confirmed
title:
  de: Ministerium bestätigt das Leck
  en: Ministry confirms the leak
summary:
  de: Das Beispielministerium bestätigte das Leck.
  en: The example ministry confirmed the leak.
sources:
  - source: src-example-report
`;

describe('personal data in content', () => {
  it('the project contact address may appear in content; any other address may not', () => {
    expect(
      checkPersonalData('events/x.yaml', EVENT.replace('the leak.', `the leak; write to ${CONTACT_EMAIL}.`), lists),
    ).toEqual([]);
    const p = checkPersonalData(
      'events/x.yaml',
      EVENT.replace('the leak.', 'the leak; write to press@ministry.example.'),
      lists,
    );
    expect(p.map((x) => [x.rule, x.line, x.field])).toEqual([['privacy/email', 12, 'summary.en']]);
    expect(p[0]!.found).not.toContain('press@ministry.example');
  });

  it('a phone number, a meeting number and an access code are each reported with their field', () => {
    const text = EVENT.replace(
      '  - source: src-example-report\n',
      '  - source: src-example-report\n    locator: "Tel. +49 30 12345678"\n',
    ).replace(
      'Das Beispielministerium bestätigte das Leck.',
      '"Die Meeting-Nummer lautete 2734 123 4567, der Zugangscode 918273."',
    );
    const rules = checkPersonalData('events/x.yaml', text, lists).map((x) => `${x.rule} ${x.field}`);
    expect(rules).toContain('privacy/phone sources.0.locator');
    expect(rules).toContain('privacy/meeting-number summary.de');
    expect(rules).toContain('privacy/access-code summary.de');
  });

  it('a meeting link in a YAML comment is refused too, because comments are published in the repository', () => {
    const p = checkPersonalData('events/x.yaml', `# from https://example.webex.com/meet/jane.doe\n${EVENT}`, lists);
    expect(p).toHaveLength(1);
    expect(p[0]!.line).toBe(1);
    expect(p[0]!.rule).toMatch(/^privacy\/meeting-link/);
  });

  it('in an MDX file the frontmatter field or the body is named, with the line in the file', () => {
    const mdx =
      '---\nheading: Kontakt jane.doe@ministry.example\n---\n\nDer Raum war unter zoom.us/j/123456789 offen.\n';
    const p = checkPersonalData('incidents/x/de.mdx', mdx, lists).map((x) => `${x.line} ${x.field} ${x.rule}`);
    expect(p).toEqual(['2 heading privacy/email', '5 (body) privacy/meeting-link/zoom']);
  });

  it('dates, document numbers, CVE ids and counts are not mistaken for phone numbers', () => {
    const text = EVENT.replace(
      'the leak.',
      'the leak (Drucksache 20/10839 of 2024-03-26, CVE-2024-20253, 6.000 links, 19 February 2024, 20:12).',
    );
    expect(checkPersonalData('events/x.yaml', text, lists)).toEqual([]);
  });

  it('fieldAtLine names the innermost field of a line, also inside lists and folded texts', () => {
    const yaml = 'a:\n  b: x\nlist:\n  - source: s\n    locator: >-\n      long\n      text\n';
    expect(fieldAtLine(yaml, 2)).toBe('a.b');
    expect(fieldAtLine(yaml, 4)).toBe('list.0.source');
    expect(fieldAtLine(yaml, 7)).toBe('list.0.locator');
  });

  it('personal data in a file that also breaks its schema is reported together with the schema error', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-pd-'));
    tmpDirs.push(root);
    fs.cpSync(path.resolve('tests/fixtures/mistakes/valid'), root, { recursive: true });
    const file = path.join(root, 'events/2024-03-05-example-statement.yaml');
    const broken = fs
      .readFileSync(file, 'utf8')
      .replace('type: official-statement', 'type: statement')
      .replace('confirmed the leak.', 'confirmed the leak, said +49 170 1234567.');
    fs.writeFileSync(file, broken);
    const r = validateContent(root, { root, today: '2026-11-26' });
    const rules = r.errors.map((p) => p.rule);
    expect(rules, r.errors.map(formatProblem).join('\n')).toContain('schema/invalid_value');
    expect(rules).toContain('privacy/phone');
  });
});
