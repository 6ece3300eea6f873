import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'fflate';
import {
  decodePagefind,
  hitsToProblems,
  isPhoneNumber,
  loadPrivacyLists,
  NAME_TABLES,
  nameHashes,
  nameVariants,
  parseAllowList,
  parseNameList,
  PrivacyStream,
  readForScan,
  scanFolder,
  scanFolderParallel,
  scanText,
  wordStarts,
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

  it.each([
    ['HTTPS://ACME.WEBEX.COM/MEET/JDOE', 'meeting-link/webex-personal-room'],
    ['my-webex.com/meet/x', 'meeting-link/webex-personal-room'],
    ['sip:27312345@a.webex.com', 'meeting-link/webex-sip'],
    ['US02WEB.ZOOM.US/J/81234567890', 'meeting-link/zoom'],
    ['Meet.Google.com/abc-defg-hij', 'meeting-link/google-meet'],
    ['www.GoToMeeting.com/join/123456789', 'meeting-link/gotomeeting'],
    ['a.b.jitsi.example.org/Room', 'meeting-link/jitsi'],
    ['?mtid=m12', 'meeting-link/webex-mtid'],
    ['JOIN.SKYPE.COM/abc', 'meeting-link/skype'],
    ['Teams.Microsoft.com/l/meetup-join/19', 'meeting-link/teams'],
  ])('%s is reported as %s: its host hint begins a word, in any case, also after "-", "." or "@"', (text, rule) => {
    expect(rules(text)).toContain(rule);
  });

  it.each(['xmeet.google.com/abc-defg-hij', 'see_webex.com/meet/x', 'x_MTID=m12'])(
    'inside a word there is no link: %s',
    (text) => {
      expect(rules(text)).toEqual([]);
    },
  );

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

describe('the fast paths of the scanner find what the patterns find', () => {
  const found = (text: string, kind: 'markup' | 'text' = 'text', names?: NameList) =>
    scanText(text, { kind, names }).map((h) => `${h.rule} ${h.column} ${h.match}`);

  it('every word of the meeting-number, access-code and phone lists introduces its value, in any letter case', () => {
    const numberWords = ['Meeting-ID', 'MEETINGNUMMER', 'Konferenz-ID', 'Conference number', 'Webinar-Nummer'];
    numberWords.push('Event number', 'Sitzungsnummer', 'Einwahlnummer', 'Einwahlcode', 'Teilnehmer-ID');
    numberWords.push('Attendee ID', 'Participant code', 'Raumnummer des Meetings', 'Personal Room ID');
    for (const w of numberWords)
      expect(found(`${w}: 2731 234 5678`), w).toContain(`meeting-number ${w.length + 3} 2731 234 5678`);
    const codeWords = ['Zugangscode', 'Zugangcode', 'Zugriffscode', 'Zugangsnummer', 'Access code', 'KENNWORT'];
    codeWords.push('Passwort', 'password', 'Passcode', 'PIN', 'Meeting-Passwort', 'Host key', 'Gastgeber-Schlüssel');
    codeWords.push('Gastgeber-PIN');
    for (const w of codeWords) expect(found(`${w}: 4711 0815`), w).toContain(`access-code ${w.length + 3} 4711 0815`);
    const phoneWords = ['Tel.', 'Telefon', 'Phone', 'Fax', 'Mobil', 'Mobile', 'Handy', 'Telephone', 'Rufnummer'];
    phoneWords.push('Durchwahl');
    for (const w of phoneWords) expect(found(`${w}: 12 34 56 78`), w).toContain(`phone ${w.length + 3} 12 34 56 78`);
  });

  it('values in context are found also where lowercasing changes the length of the text (İ)', () => {
    expect(found('İstanbul: Meeting-Nummer 2731 234 5678, Kennwort: mP3dfX4R, Tel. 12 34 56 78')).toEqual([
      'meeting-number 26 2731 234 5678',
      'access-code 51 mP3dfX4R',
      'phone 66 12 34 56 78',
    ]);
  });

  it('wordStarts takes the literal start of every alternative, and refuses an alternative without one', () => {
    expect(wordStarts('zugangs?code|pin|meeting[- ]?(?:id|nr)|meetingnummer|personal room id')).toEqual([
      'meeting',
      'personal room id',
      'pin',
      'zugang',
    ]);
    expect(() => wordStarts('kennwort|(?:pass|kenn)wort')).toThrow(/no literal start/);
  });

  it('an e-mail address is found at any "@" with a local part of 1 to 64 characters, never from inside a longer run', () => {
    expect(found(`${'b'.repeat(64)}@example.org`)).toEqual([`email 1 ${'b'.repeat(64)}@example.org`]);
    expect(found(`${'b'.repeat(65)}@example.org`)).toEqual([]);
    expect(found(`x.${'b'.repeat(63)}@example.org`)).toEqual([]);
    expect(found('.lead@example.com')).toEqual([]);
    expect(found('x@y@example.org')).toEqual(['email 3 y@example.org']);
    expect(found('user@host.png user2@host.de İİ max@example.org')).toEqual([
      'email 15 user2@host.de',
      'email 32 max@example.org',
    ]);
  });

  it('a run of digits alone is a phone number only with a trunk prefix and enough digits', () => {
    const phone = (t: string) => found(`Nummer ${t} hier`).length > 0;
    expect(['030123456', '0301234567', '00491234567890', '0049123456', '+49301234567'].map(phone)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['12345678901', '03012345', '0123456789', '2024', '7'].map(phone)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('a protected name is found among many other words, and again after the word tables are renewed', () => {
    const salt = 'test-salt-0123456789abcdef';
    const names: NameList = {
      salt,
      hashes: new Set([...nameHashes(salt, 'Jörg Ämterhaus'), ...nameHashes(salt, 'Vogelsang')]),
    };
    // More different words than the tables keep (lowered here from 500,000), so the next scan renews them.
    const word = (n: number) => n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
    const many = Array.from({ length: 30_000 }, (_, i) => `q${word(i)}`).join(' ');
    const limit = NAME_TABLES.words;
    NAME_TABLES.words = 20_000;
    try {
      expect(found(`${many} Jorg Aemterhaus`, 'text', names)).toEqual([
        `protected-name ${many.length + 2} Jorg Aemterhaus`,
      ]);
      for (let round = 0; round < 2; round++) {
        expect(found('Es sprach Jörg Ämterhaus.', 'text', names)).toEqual(['protected-name 11 Jörg Ämterhaus']);
        expect(found('<p>Vogel<b>sang</b></p>\n<p>Vogelsang</p>\n<p>und VOGELSANG</p>', 'markup', names)).toEqual([
          'protected-name 2 Vogelsang',
          'protected-name 4 Vogelsang',
          'protected-name 8 VOGELSANG',
        ]);
      }
    } finally {
      NAME_TABLES.words = limit;
    }
  }, 60_000);

  it('a name listed without diacritics is found where the text writes them, by its stripped form', () => {
    const salt = 'test-salt-0123456789abcdef';
    const names: NameList = {
      salt,
      hashes: new Set([...nameHashes(salt, 'Lukasz'), ...nameHashes(salt, 'Jorg Amterhaus')]),
    };
    expect(found('Łukasz und Jörg Ämterhaus', 'text', names)).toEqual([
      'protected-name 1 Łukasz',
      'protected-name 12 Jörg Ämterhaus',
    ]);
  });
});

describe('the folder scan on several cores', () => {
  const lists = loadPrivacyLists(process.cwd());
  const PLANTS = [
    'Rückruf unter 030 12345678 erbeten.',
    'Einwahl: https://x.webex.com/meet/abc',
    'Die Meeting-Nummer: 2731 234 5678',
    'Kennwort: mP3dfX4R',
    'Kontakt: jemand@example.org, korrekturen@konferenzleck.org',
  ];
  const folder = (files: number) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-par-'));
    for (let i = 0; i < files; i++) {
      const sub = path.join(dir, i % 3 === 0 ? 'de' : i % 3 === 1 ? 'en/x' : 'api');
      fs.mkdirSync(sub, { recursive: true });
      const lines = Array.from({ length: 20 }, (_, k) =>
        k % 7 === i % 7 ? PLANTS[(i + k) % PLANTS.length]! : `Zeile ${k} von Seite ${i}.`,
      );
      fs.writeFileSync(path.join(sub, `page-${i}.${i % 2 ? 'html' : 'json'}`), `<p>${lines.join('</p>\n<p>')}</p>\n`);
    }
    fs.writeFileSync(path.join(dir, 'logo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    return dir;
  };

  it('the parallel scan reports the same findings in the same order as the sequential scan', async () => {
    const dir = folder(120);
    try {
      const one = scanFolder(dir, lists, dir);
      const par = await scanFolderParallel(dir, lists, dir, { workers: 2 });
      expect(par.workers).toBe(2);
      expect(par.fallback).toBeUndefined();
      expect(one.problems.length).toBeGreaterThan(100);
      expect(par.problems).toEqual(one.problems);
      expect(par.scanned).toBe(one.scanned);
      expect(par.skipped).toEqual(one.skipped);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a scan whose workers cannot start runs in this thread, says why, and has the same findings', async () => {
    const dir = folder(30);
    const broken = path.join(dir, 'broken-worker.mjs');
    fs.writeFileSync(broken, 'throw new Error("no worker here");\n');
    try {
      const par = await scanFolderParallel(dir, lists, dir, { workers: 2, workerEntry: pathToFileURL(broken) });
      expect(par.workers).toBe(1);
      expect(par.fallback).toMatch(/workers could not start: no worker here/);
      expect(par.problems).toEqual(scanFolder(dir, lists, dir).problems);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  /** Every file of a folder, as a build would hand them to a stream before writing them. */
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));

  it('files scanned from their text while the build ran are not scanned again, and the findings are those of a scan of the folder alone', async () => {
    const dir = folder(90);
    try {
      const stream = new PrivacyStream(dir, dir, lists);
      const html = files(dir).filter((f) => f.endsWith('.html'));
      for (const f of html) await stream.add(f, fs.readFileSync(f, 'utf8'));
      const known = await stream.finish();
      expect(known.size).toBe(html.length);
      const par = await scanFolderParallel(dir, lists, dir, { known, workers: 2 });
      const one = scanFolder(dir, lists, dir);
      expect(par.reused).toBe(html.length);
      expect(one.problems.length).toBeGreaterThan(50);
      expect(par.problems).toEqual(one.problems);
      expect(par.scanned).toBe(one.scanned);
      // In one thread too.
      const seq = await scanFolderParallel(dir, lists, dir, { known, workers: 1 });
      expect(seq.reused).toBe(html.length);
      expect(seq.problems).toEqual(one.problems);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a file whose bytes changed after the stream scanned its text is scanned again, also at the same size', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-stream-'));
    try {
      const file = path.join(dir, 'index.html');
      const clean = '<p>Rückruf unter der Zentrale erbeten.</p>\n';
      const leaked = '<p>Rückruf unter 030 12345678 erbeten.</p>\n';
      expect(Buffer.byteLength(leaked)).toBe(Buffer.byteLength(clean));
      const stream = new PrivacyStream(dir, dir, lists);
      await stream.add(file, clean);
      const known = await stream.finish();
      fs.writeFileSync(file, leaked);
      const r = await scanFolderParallel(dir, lists, dir, { known });
      expect(r.reused).toBe(0);
      expect(r.problems.map((p) => p.rule)).toEqual(['privacy/phone']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a stream whose worker cannot start takes no files, says why, and the folder scan finds everything', async () => {
    const dir = folder(12);
    const broken = path.join(os.tmpdir(), `broken-stream-worker-${process.pid}.mjs`);
    fs.writeFileSync(broken, 'throw new Error("no worker here");\n');
    try {
      const stream = new PrivacyStream(dir, dir, lists, pathToFileURL(broken));
      for (const f of files(dir)) await stream.add(f, fs.readFileSync(f, 'utf8'));
      const known = await stream.finish();
      expect(stream.stopped).toMatch(/no worker here|exited/);
      expect(known.size).toBe(0);
      const r = await scanFolderParallel(dir, lists, dir, { known });
      expect(r.reused).toBe(0);
      expect(r.problems).toEqual(scanFolder(dir, lists, dir).problems);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(broken, { force: true });
    }
  });

  it('an early scan leaves out the folders still being written and keeps each result with its digest; the final scan reuses only unchanged files', async () => {
    const dir = folder(90);
    try {
      // The early scan, while pagefind/ is being written: that folder is not entered.
      fs.mkdirSync(path.join(dir, 'pagefind'));
      fs.writeFileSync(path.join(dir, 'pagefind/half-written.json'), '{"Kennwort: mP3dfX4R');
      for (const workers of [1, 2]) {
        const early = await scanFolderParallel(dir, lists, dir, {
          workers,
          skipDir: (d) => d === 'pagefind',
          keep: true,
        });
        expect([...early.kept!.keys()].some((f) => f.startsWith('pagefind/'))).toBe(false);
        expect(early.kept!.size).toBe(early.scanned + early.skipped.length);
      }
      const early = await scanFolderParallel(dir, lists, dir, {
        workers: 2,
        skipDir: (d) => d === 'pagefind',
        keep: true,
      });
      // Afterwards: pagefind/ is complete, a new file appears, one scanned file is changed at the same size.
      fs.writeFileSync(path.join(dir, 'pagefind/half-written.json'), '{"Kennwort: mP3dfX4R"}\n');
      fs.writeFileSync(path.join(dir, 'sitemap-0.xml'), '<urlset>Rückruf unter 030 12345678 erbeten.</urlset>\n');
      const changed = path.join(dir, 'de/page-0.json');
      const before = fs.readFileSync(changed, 'utf8');
      const after = before.replace('Zeile 1 von Seite 0.', 'Tel.: 030 1234567890');
      expect(Buffer.byteLength(after)).toBe(Buffer.byteLength(before));
      fs.writeFileSync(changed, after);
      const final = await scanFolderParallel(dir, lists, dir, { workers: 2, known: early.kept });
      const alone = scanFolder(dir, lists, dir);
      expect(final.problems).toEqual(alone.problems);
      expect(final.scanned).toBe(alone.scanned);
      // Everything the early scan saw is reused except the changed file; pagefind/ and the sitemap are scanned now.
      expect(final.reused).toBe(early.kept!.size - 1);
      expect(alone.problems.some((p) => p.file.startsWith('pagefind/'))).toBe(true);
      expect(alone.problems.some((p) => p.file === 'de/page-0.json' && p.rule === 'privacy/phone')).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a small folder is scanned in this thread, with the same findings', async () => {
    const dir = folder(12);
    try {
      const par = await scanFolderParallel(dir, lists, dir);
      expect(par.workers).toBe(1);
      expect(par.problems).toEqual(scanFolder(dir, lists, dir).problems);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
