import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'fflate';
import {
  decodePagefind,
  hitsToProblems,
  isPhoneNumber,
  loadPrivacyLists,
  nameHashes,
  nameVariants,
  parseAllowList,
  parseNameList,
  readForScan,
  scanFolder,
  scanText,
  type NameList,
} from '../../src/lib/privacy-scan.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const rules = (text: string, kind: 'markup' | 'text' = 'text', names?: NameList) =>
  scanText(text, { kind, names }).map((h) => h.rule);

describe('meeting links', () => {
  it.each([
    ['https://bundeswehr.webex.com/meet/max.example', 'meeting-link/webex-personal-room'],
    ['https://acme.webex.com/join/jdoe', 'meeting-link/webex-personal-room'],
    ['https://acme.webex.com/acme/j.php?MTID=m0123456789abcdef0123456789abcdef', 'meeting-link/webex'],
    ['see ?MTID=m0123456789abcdef in the invitation', 'meeting-link/webex-mtid'],
    ['https://acme.webex.com/wbxmjs/joinservice/sites/acme/meeting/download/abc', 'meeting-link/webex'],
    ['https://acme.webex.com/webappng/sites/acme/meeting/info/abc', 'meeting-link/webex'],
    ['https://acme.webex.com/acme/ldr.php?RCID=abc123', 'meeting-link/webex'],
    ['sip:27312345678@acme.webex.com', 'meeting-link/webex-sip'],
    ['https://us02web.zoom.us/j/81234567890?pwd=abcDEF', 'meeting-link/zoom'],
    ['https://zoom.us/my/janedoe', 'meeting-link/zoom'],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0', 'meeting-link/teams'],
    ['https://teams.live.com/meet/9312345678901', 'meeting-link/teams'],
    ['https://meet.google.com/abc-defg-hij', 'meeting-link/google-meet'],
    ['https://global.gotomeeting.com/join/123456789', 'meeting-link/gotomeeting'],
    ['https://meet.goto.com/123456789', 'meeting-link/gotomeeting'],
    ['https://meet.jit.si/GeheimeRunde2024', 'meeting-link/jitsi'],
    ['https://join.skype.com/AbCdEfGh1234', 'meeting-link/skype'],
  ])('%s is reported as %s', (text, rule) => {
    expect(rules(text)).toContain(rule);
  });

  it.each([
    'https://help.webex.com/en-us/article/nul0wut/Webex-Meetings-Security',
    'https://www.webex.com/',
    'https://sec.cloudapps.cisco.com/security/center/content/CiscoSecurityAdvisory/cisco-sa-webex-june-2024',
    'https://www.zeit.de/digital/datenschutz/2024-06/webex-leaks-cisco-ministerien-abhoeren',
    'https://zoom.us/pricing',
    'https://teams.microsoft.com/',
    'https://meet.google.com/',
    'https://jitsi.org/security/',
    'https://meet.jit.si/',
    'Personal rooms have addresses of the form …webex.com/meet/… with the owner’s name.',
  ])('a link that is no meeting is not reported: %s', (text) => {
    expect(rules(text)).toEqual([]);
  });

  it('a meeting link split by HTML entities is still found', () => {
    expect(rules('<a href="https://acme.webex.com&#x2F;meet&#47;jdoe">x</a>', 'markup')).toContain(
      'meeting-link/webex-personal-room',
    );
  });
});

describe('meeting numbers and access codes in context', () => {
  it.each([
    ['Meeting-Nummer: 2731 234 5678', 'meeting-number'],
    ['Meetingnummer 27312345678', 'meeting-number'],
    ['Meeting number (access code): 2731 234 5678', 'meeting-number'],
    ['The meeting ID is 812 3456 7890', 'meeting-number'],
    ['Zugangscode 123 456 789', 'access-code'],
    ['access code: 1234567890', 'access-code'],
    ['Kennwort: 4711', 'access-code'],
    ['password is 93827', 'access-code'],
    ['PIN 5612', 'access-code'],
    ['Meeting-Kennwort: mP3dfX4R', 'access-code'],
  ])('%s is reported as %s', (text, rule) => {
    expect(rules(text)).toContain(rule);
  });

  it('a number split from its label by markup is still found', () => {
    expect(rules('<dt>Meeting-Nummer</dt><dd>2731 234 5678</dd>', 'markup')).toContain('meeting-number');
  });

  it.each([
    'Die Meeting-Nummern wurden fortlaufend vergeben.',
    'Meeting numbers were assigned sequentially in 2024.',
    'Kennwort-Pflicht seit 2024',
    'a PIN 2024 rule', // a year, not a PIN
    'Zugangscodes für Einwahlen per Telefon (PSTN) sind Pflicht.',
    'The password protection could be bypassed by typing "#".',
  ])('a mention without a number is not reported: %s', (text) => {
    expect(rules(text)).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it.each([
    'max.mustermann@bundeswehr.org',
    'Write to presse@example.de.',
    'name [at] example [dot] org',
    'name (ät) example (punkt) de',
    'x&#64;example&#46;com',
  ])('%s is reported', (text) => {
    expect(rules(text, 'markup')).toContain('email');
  });

  it.each(['logo@2x.png', 'npm i astro@7.3.5', '@astrojs/mdx', 'the @media rule'])(
    '%s is not an e-mail address',
    (text) => {
      expect(rules(text)).toEqual([]);
    },
  );

  it('the allow-listed project contact passes, other addresses do not', () => {
    const allow = parseAllowList(
      'allow:\n  - value: korrekturen@konferenzleck.org\n    rules: [email]\n    reason: the project contact address\n',
    );
    expect(scanText('mailto:korrekturen@konferenzleck.org', { allow })).toEqual([]);
    expect(scanText('mailto:Korrekturen@Konferenzleck.org', { allow })).toEqual([]);
    expect(scanText('mailto:privat@konferenzleck.org', { allow }).map((h) => h.rule)).toEqual(['email']);
  });

  it('an allow-list entry limited to files applies only there', () => {
    const allow = parseAllowList(
      'allow:\n  - value: a@example.org\n    files: [".well-known/*.txt"]\n    reason: published on purpose in security.txt\n',
    );
    expect(scanText('a@example.org', { allow, file: '.well-known/security.txt' })).toEqual([]);
    expect(scanText('a@example.org', { allow, file: 'de/index.html' })).toHaveLength(1);
  });
});

describe('phone numbers', () => {
  it.each([
    '030 12345678',
    '030/1234567',
    '(030) 123 456 78',
    '+49 30 1234567',
    '+49 (0)30 1234-567',
    '0049 30 12345678',
    '0171 2345678',
    '+31 70 123 4567',
    '06-12345678',
    '+1 415-555-0123',
    '(415) 555-0123',
    'Tel.: 12 34 56 78',
    '<a href="tel:+4930123456">anrufen</a>',
  ])('%s is a phone number', (text) => {
    expect(rules(text, 'markup')).toContain('phone');
  });

  it.each([
    ['an ISO date', '2024-03-02'],
    ['a date with a time', 'am 02/03/2024 15:11 Uhr'],
    ['a German date', '19.02.2024'],
    ['a CVE id', 'CVE-2024-20419'],
    ['a Drucksache number', 'Drucksache 20/10839'],
    ['a Kamerstuk number', 'Kamerstuk 26 643, nr. 1181'],
    ['a CVSS score', 'CVSS 3.1 base score 9.8 (AV:N/AC:L)'],
    ['a version number', 'Webex App 39.11.5 and 44.6.0.29928'],
    ['years', 'from 2019 to 2024, 2019–2024, 2020-2025'],
    ['counts', '6,000 meetings, 10,000 Dutch meetings, 6.000 Termine, 248 000'],
    ['a time', '15:11'],
    ['an SVG viewBox', '<svg viewBox="0 0 1200 400"><path d="M0 120 L 40 300"/></svg>'],
    ['the digit alphabet in code', 'const digits="0123456789";const hex="0123456789abcdef"'],
    ['a postal code', '01067 Dresden, 10117 Berlin'],
    ['a Cisco bug id', 'CSCwi12345'],
    ['an event id', '2024-02-19-luftwaffe-webex-call'],
    ['a version id whose hash has only digits', 'Version 2022-02-12-64621073; note = {Version 2021-10-01-04621073}'],
    ['a room number', 'room 2700, Paul-Löbe-Haus'],
    ['a percentage and a decimal', '0,5 % and 0.75'],
  ])('%s is not a phone number', (_what, text) => {
    expect(rules(text, 'markup')).not.toContain('phone');
  });

  it('isPhoneNumber needs enough digits after a trunk prefix', () => {
    expect(isPhoneNumber('030 1234')).toBe(false);
    expect(isPhoneNumber('030 123456')).toBe(true);
  });

  it('long runs of digits are scanned in linear time (no catastrophic backtracking)', () => {
    const time = (n: number) => {
      const text = `${'0 1 '.repeat(n)}x ${'1234567890'.repeat(n / 2)}a ${'030 12 '.repeat(n)}`;
      const t0 = performance.now();
      scanText(text);
      return performance.now() - t0;
    };
    time(2_000); // warm-up
    const small = time(5_000);
    const large = time(20_000);
    // Four times the input may cost four times the time; quadratic would be sixteen. Generous
    // bounds keep the test stable on a busy machine.
    expect(large).toBeLessThan(Math.max(small * 10, 2000));
  });
});

describe('names of protected persons', () => {
  const salt = 'test-salt-0123456789abcdef';
  const names: NameList = {
    salt,
    hashes: new Set([
      ...nameHashes(salt, 'Jörg Ämterhaus'),
      ...nameHashes(salt, 'Ämterhaus'),
      ...nameHashes(salt, 'Kanaria Vogelsang'),
    ]),
  };

  it('a name is normalised to folded and stripped variants', () => {
    expect(nameVariants('Jörg Ämterhaus').sort()).toEqual([
      'joerg aemterhaus',
      'joerg amterhaus',
      'jorg aemterhaus',
      'jorg amterhaus',
    ]);
    expect(nameVariants('Straße')).toEqual(['strasse']);
  });

  it.each([
    'Jörg Ämterhaus',
    'JOERG AEMTERHAUS',
    'Jorg Amterhaus',
    'Brigadegeneral Ämterhaus sagte',
    'J&ouml;rg &Auml;mterhaus',
    'Äm&shy;terhaus',
    'jörg-ämterhaus',
    'https://example.org/people/joerg-aemterhaus/',
  ])('%s is reported', (text) => {
    expect(rules(text, 'markup', names)).toContain('protected-name');
  });

  it('a name split by markup is reported', () => {
    expect(rules('<span>Kanaria</span> <b>Vogelsang</b>', 'markup', names)).toContain('protected-name');
  });

  it.each(['Jörg', 'Kanaria', 'Vogelsang', 'Ämterhausen', 'Kanaria, und dann Vogelsang.'])(
    '%s alone is not reported',
    (text) => {
      expect(rules(text, 'text', names)).toEqual([]);
    },
  );

  it('a protected name is never printed in the report', () => {
    const hits = scanText('Zeile 1\nJörg Ämterhaus', { names });
    const problem = hitsToProblems('dist/de/index.html', hits)[0]!;
    expect(problem).toMatchObject({ file: 'dist/de/index.html', line: 2, rule: 'privacy/protected-name' });
    expect(formatProblem(problem)).not.toMatch(/mterhaus|Jörg/i);
  });

  it('a name with more than two words is refused with advice', () => {
    expect(() => nameVariants('Anna Maria Beispiel')).toThrow(/1- and 2-word windows/);
  });
});

describe('the lists in privacy/', () => {
  const lists = loadPrivacyLists(process.cwd());

  it('the protected-name list holds the seeded persons and the canary, as hashes only', () => {
    const text = fs.readFileSync('privacy/protected-names.yaml', 'utf8');
    // Two persons (full name and surname, two variants each) plus the canary.
    expect(lists.names.hashes.size).toBeGreaterThanOrEqual(10);
    for (const h of nameHashes(lists.names.salt, 'Kanaria Vogelsang')) expect(lists.names.hashes.has(h)).toBe(true);
    expect(text).not.toMatch(/kanaria|vogelsang/i);
  });

  it('every allow-list entry carries a reason, and the project contact is on it', () => {
    expect(lists.allow.map((a) => a.value)).toContain('korrekturen@konferenzleck.org');
    for (const a of lists.allow) expect(a.reason.length).toBeGreaterThanOrEqual(10);
  });

  it('an allow-list entry without a reason is rejected with file and field', () => {
    expect(() => parseAllowList('allow:\n  - value: a@example.org\n', 'privacy/allow-list.yaml')).toThrow(
      'privacy/allow-list.yaml: allow.0.reason',
    );
  });

  it('a name list with a malformed hash is rejected with file and field', () => {
    expect(() =>
      parseNameList('salt: "0123456789abcdef0"\nnames:\n  - note: someone\n    hashes: [abc]\n', 'x.yaml'),
    ).toThrow('x.yaml: names.0.hashes.0');
  });
});

describe('files of the output', () => {
  const pagefind = (payload: string) => gzipSync(new TextEncoder().encode(`pagefind_dcd${payload}`));

  it('a Pagefind fragment is decompressed and scanned, naming its page', () => {
    const bytes = pagefind('{"url":"/de/incidents/x/","content":"Kontakt: jemand@example.de"}');
    expect(decodePagefind(bytes)).toContain('jemand@example.de');
    const read = readForScan('pagefind/fragment/de_abc.pf_fragment', bytes);
    expect(read).toMatchObject({ kind: 'text', note: 'Pagefind data of /de/incidents/x/' });
    if (read.kind === 'skip') throw new Error('skipped');
    expect(scanText(read.text).map((h) => h.rule)).toEqual(['email']);
  });

  it('binary files and the Pagefind engine are skipped, with the reason', () => {
    expect(readForScan('a.png', new Uint8Array([0x89, 0x50]))).toMatchObject({ kind: 'skip' });
    expect(readForScan('pagefind/wasm.de.pagefind', pagefind('\0asm'))).toMatchObject({
      kind: 'skip',
      reason: 'Pagefind WebAssembly engine',
    });
    expect(readForScan('x.bin', new Uint8Array([1, 0, 2]))).toMatchObject({ kind: 'skip', reason: 'binary content' });
  });

  it('a folder scan reports every hit with file, line and rule', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-'));
    try {
      fs.mkdirSync(path.join(dir, 'de'));
      fs.writeFileSync(path.join(dir, 'de/index.html'), '<!doctype html>\n<p>ok</p>\n<p>Ruf an: 030 12345678</p>\n');
      fs.writeFileSync(path.join(dir, 'data.csv'), 'id,link\n1,https://zoom.us/j/81234567890\n');
      fs.writeFileSync(path.join(dir, 'clean.json'), '{"n":6000,"date":"2024-03-02"}');
      fs.mkdirSync(path.join(dir, 'pagefind/fragment'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'pagefind/fragment/de_1.pf_fragment'),
        pagefind('{"url":"/de/x/","content":"meet.google.com/abc-defg-hij"}'),
      );
      const r = scanFolder(dir, loadPrivacyLists(process.cwd()), dir);
      expect(r.scanned).toBe(4);
      expect(r.problems.map((p) => `${p.file}:${p.line} ${p.rule}`).sort()).toEqual([
        'data.csv:2 privacy/meeting-link/zoom',
        'de/index.html:3 privacy/phone',
        'pagefind/fragment/de_1.pf_fragment:1 privacy/meeting-link/google-meet',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('text joined by markup', () => {
  it('inline markup inside a word or link does not hide it; block markup still separates words', () => {
    const salt = 'test-salt-0123456789abcdef';
    const names: NameList = { salt, hashes: new Set(nameHashes(salt, 'Vogelsang')) };
    expect(rules('<p>Vogel<strong>sang</strong></p>', 'markup', names)).toContain('protected-name');
    expect(rules('<p>acme.webex.com/<em>meet</em>/jdoe</p>', 'markup')).toContain('meeting-link/webex-personal-room');
    expect(rules('<p>030 <b>12345678</b></p>', 'markup')).toContain('phone');
    expect(rules('<li>Vogel</li><li>sang</li>', 'markup', names)).toEqual([]);
  });
});
