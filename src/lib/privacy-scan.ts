/**
 * The privacy scanner: finds what the register must never publish — meeting links of the common
 * platforms, meeting numbers and access codes in context, e-mail addresses, phone numbers and the
 * names of protected persons — in any text, with line and column. Pure logic (node:crypto, fflate,
 * yaml; no Astro), used by the build's privacy gate, `scripts/privacy-gate.ts` and the tests.
 *
 * Names of protected persons are never written down in the repository: `privacy/protected-names.yaml`
 * holds salted SHA-256 hashes of their normalised forms, and the scanner hashes every 1- and 2-word
 * window of the text it reads and looks the hash up.
 */
import { hash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'fflate';
import { parseDocument, LineCounter } from 'yaml';
import type { Problem } from './problems.ts';

/** One thing found: the rule that matched, where, and the text matched. */
export interface PrivacyHit {
  /** Rule id, e.g. `meeting-link/webex`, `email`, `phone`, `protected-name`. */
  rule: string;
  /** 1-based line in the scanned text. */
  line: number;
  /** 1-based column in the (decoded) line. */
  column: number;
  /** The matched text (never printed in full: see `redact`). */
  match: string;
}

/** The protected-name list: the salt and the set of hashes of every normalised variant. */
export interface NameList {
  salt: string;
  hashes: ReadonlySet<string>;
}

/** An allowed value: a rare public institutional address, each with its reason. */
export interface AllowEntry {
  /** The exact value allowed (compared case-insensitively). */
  value: string;
  /** Rule ids (or rule prefixes such as `meeting-link`) the entry applies to; all when omitted. */
  rules?: string[] | undefined;
  /** Why this value may be published. */
  reason: string;
  /** Globs of files (relative to the scanned root) the entry applies to; all when omitted. */
  files?: string[] | undefined;
}

export interface ScanOptions {
  names?: NameList | undefined;
  allow?: readonly AllowEntry[] | undefined;
}

/** The rules, with what each forbids (shown in the build error). */
export const RULES: Record<string, string> = {
  'meeting-link/webex': 'no Webex meeting, join or recording links',
  'meeting-link/webex-personal-room': 'no Webex personal-room links (…webex.com/meet/… or /join/…)',
  'meeting-link/webex-mtid': 'no Webex meeting ids in URLs (MTID= parameters)',
  'meeting-link/webex-sip': 'no Webex video/SIP dial-in addresses',
  'meeting-link/zoom': 'no Zoom meeting links',
  'meeting-link/teams': 'no Microsoft Teams meeting links',
  'meeting-link/google-meet': 'no Google Meet meeting links',
  'meeting-link/gotomeeting': 'no GoToMeeting links',
  'meeting-link/jitsi': 'no Jitsi room links',
  'meeting-link/skype': 'no Skype meeting links',
  'meeting-number': 'no meeting numbers or meeting ids',
  'access-code': 'no access codes, passwords or PINs',
  email: 'no e-mail addresses (except allow-listed institutional ones)',
  phone: 'no phone numbers',
  'protected-name': 'no names of protected persons',
};

// ---------------------------------------------------------------------------------------------
// Decoding: the scanner reads what a reader (or a crawler) would see, not only the raw bytes.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '–',
  mdash: '—',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  oacute: 'ó',
  uacute: 'ú',
  iacute: 'í',
  ccedil: 'ç',
  ntilde: 'ñ',
  oslash: 'ø',
  aring: 'å',
  aelig: 'æ',
  commat: '@',
  period: '.',
  colon: ':',
  sol: '/',
  plus: '+',
  num: '#',
  equals: '=',
  lpar: '(',
  rpar: ')',
  hyphen: '-',
  dash: '‐',
  zwj: '',
  zwnj: '',
  ZeroWidthSpace: '',
};

/** Decode HTML entities, JS/JSON `\uXXXX` and `\/` escapes and %XX URL escapes; drop invisible characters. */
export function decodeText(s: string): string {
  // Each step runs only when its first character occurs (a fast search): what it would replace.
  let out = !s.includes('&')
    ? s
    : s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,31});/gi, (m, e: string) => {
        if (e[0] === '#') {
          const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
        }
        return NAMED_ENTITIES[e] ?? m;
      });
  if (out.includes('\\'))
    out = out
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\\//g, '/');
  if (out.includes('%'))
    out = out.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) => {
      try {
        const d = decodeURIComponent(m);
        // Keep line structure: an encoded newline must not shift the line numbers of what follows.
        return d.replace(/[\r\n]/g, ' ');
      } catch {
        return m;
      }
    });
  // Soft hyphens and zero-width characters can split a word without changing what a reader sees.
  return out.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Inline elements do not separate words: `Vogel<strong>sang</strong>` reads "Vogelsang". */
const INLINE_TAG =
  /^<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)\b/i;
/** The same, tried at a tag's place in the whole text (the tag ends with ">", so `\b` sees the same). */
const INLINE_TAG_AT = new RegExp(INLINE_TAG.source.slice(1), 'iy');

/**
 * The visible text of markup: inline tags removed, other tags and comments replaced by a space
 * (keeping their newlines, so line numbers stay those of the file).
 */
export function stripTags(s: string): string {
  // What `s.replace(/<!--[\s\S]*?-->|<[a-zA-Z/!][^>]*>/g, tag => …)` does, with fast searches from
  // "<" to "<" instead of a callback and a second replace per tag (a page has thousands).
  let out = '';
  let last = 0;
  let nl = s.indexOf('\n');
  for (let p = s.indexOf('<'); p !== -1;) {
    let end = -1;
    if (s.startsWith('<!--', p)) {
      const close = s.indexOf('-->', p + 4);
      if (close !== -1) end = close + 3;
    }
    if (end === -1) {
      const c = s.charCodeAt(p + 1);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 33) {
        const close = s.indexOf('>', p + 2);
        if (close !== -1) end = close + 1;
      }
    }
    if (end === -1) {
      p = s.indexOf('<', p + 1);
      continue;
    }
    INLINE_TAG_AT.lastIndex = p;
    out += s.slice(last, p);
    if (!INLINE_TAG_AT.test(s)) out += ' ';
    // The next newline is looked for only once it has been passed: linear also in a long line.
    while (nl !== -1 && nl < p) nl = s.indexOf('\n', nl + 1);
    for (; nl !== -1 && nl < end; nl = s.indexOf('\n', nl + 1)) out += '\n';
    last = end;
    p = s.indexOf('<', end);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** The views of a file the rules run on: raw (decoded) and, for markup, the visible text. */
export function textViews(text: string, kind: 'markup' | 'text'): string[] {
  const raw = decodeText(text);
  return kind === 'markup' ? [raw, decodeText(stripTags(text))] : [raw];
}

// ---------------------------------------------------------------------------------------------
// Pattern rules.

const URL_TAIL = String.raw`[\w.%~+-]`;
/** Letters of the scripts names are written in here (Latin, Greek, Cyrillic): explicit ranges, because `\p{L}` regexes are slow. */
const LETTER = String.raw`A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff`;
const NOT_LETTER_NEXT = String.raw`(?![${LETTER}])`;
const PATTERNS: { rule: string; re: RegExp }[] = [
  // Webex: personal rooms (…webex.com/meet/name, /join/name), join pages, recordings, meeting ids, SIP.
  {
    rule: 'meeting-link/webex-personal-room',
    re: new RegExp(String.raw`\b(?:[\w-]+\.)*webex\.com/(?:[\w.-]+/)?(?:meet|join)/${URL_TAIL}+`, 'gi'),
  },
  {
    rule: 'meeting-link/webex',
    re: /\b(?:[\w-]+\.)*webex\.com\/(?:[\w.-]+\/)*(?:(?:j|e|m|k2\/j|ldr|lsr|nbrshared|tc3000\/tc)\.php\b|wbxmjs\/joinservice\b|webappng\/sites\/[\w.-]+\/(?:meeting|recording|dashboard\/pmr)\b|recordingservice\/sites\b|webappng\/sites\/[\w.-]+\/meeting\/info\b)/gi,
  },
  { rule: 'meeting-link/webex-mtid', re: /\b(?:MTID|RCID|PMRID)=[\w-]+/gi },
  { rule: 'meeting-link/webex-sip', re: /\b\d{5,}(?:\.\d+)?@(?:[\w-]+\.)*webex\.com\b/gi },
  // Zoom (also ZoomGov): join, webinar, personal link and recording URLs.
  {
    rule: 'meeting-link/zoom',
    re: /\b(?:[\w-]+\.)*zoom(?:gov)?\.(?:us|com)\/(?:j|w|s|my|wc\/join|wc|rec\/share|rec\/play|meeting\/register)\/[\w.?=&%-]*\w/gi,
  },
  // Microsoft Teams.
  {
    rule: 'meeting-link/teams',
    re: /\bteams\.(?:microsoft|live)\.com\/(?:l\/meetup-join\/|meet\/\d|_#\/l\/meetup-join)[^\s"'<>]*/gi,
  },
  // Google Meet: meet.google.com/abc-defg-hij, lookup links, g.co/meet short links.
  {
    rule: 'meeting-link/google-meet',
    re: /\b(?:meet\.google\.com\/(?:[a-z]{3}-[a-z]{4}-[a-z]{3}\b|lookup\/\w+)|g\.co\/meet\/\w+)/gi,
  },
  // GoToMeeting / GoTo Meeting.
  {
    rule: 'meeting-link/gotomeeting',
    re: /\b(?:(?:global|app|www)\.gotomeeting\.com\/(?:join|meeting)\/\d+|meet\.goto\.com\/(?!install\b)[\w-]+|gotomeet\.me\/[\w-]+)/gi,
  },
  // Jitsi: the public instance meet.jit.si, 8x8.vc and hosts called jitsi.* (not the project's docs on jitsi.org/github.io).
  {
    rule: 'meeting-link/jitsi',
    re: /\b(?:meet\.jit\.si\/(?!(?:static|libs|images|sounds|css|fonts)\/)[\w%-]+|8x8\.vc\/[\w-]+\/[\w%-]+|(?:[\w-]+\.)*jitsi(?:-meet)?\.(?!org\b|github\b|support\b)[a-z][\w-]*(?:\.[\w-]+)*\/[\w%-]+)/gi,
  },
  { rule: 'meeting-link/skype', re: /\bjoin\.skype\.com\/\w+/gi },
];

/**
 * A link pattern runs only when the text contains one of its hints (a cheap test): most pages
 * mention no conferencing host, and the full patterns are the costly part of a scan. Every match
 * of a pattern contains one of its hints, beginning where a word begins (the patterns start at
 * `\b` and put a host name after "." or "@"), so `boundaryPlaces` looks for them together with the
 * words of the context rules, and the test never hides a match.
 */
const HINTS: Record<string, readonly string[]> = {
  'meeting-link/webex-personal-room': ['webex'],
  'meeting-link/webex': ['webex'],
  'meeting-link/webex-mtid': ['mtid=', 'rcid=', 'pmrid='],
  'meeting-link/webex-sip': ['webex'],
  'meeting-link/zoom': ['zoom'],
  'meeting-link/teams': ['teams.'],
  'meeting-link/google-meet': ['meet.google', 'g.co/meet'],
  'meeting-link/gotomeeting': ['goto'],
  'meeting-link/jitsi': ['jit.si', '8x8.vc', 'jitsi'],
  'meeting-link/skype': ['skype'],
};
/** Words that introduce a meeting number (German and English). */
const NUMBER_WORDS = String.raw`meeting[- ]?(?:nummer|number|no\.?|nr\.?|id|kennnummer|kennung)|meetingnummer|konferenz[- ]?(?:nummer|id|kennung)|conference[- ]?(?:id|number)|webinar[- ]?(?:nummer|number|id)|event[- ]?(?:nummer|number)|sitzungsnummer|einwahl[- ]?(?:nummer|code)|teilnehmer[- ]?(?:id|nummer|kennung)|attendee[- ]?id|participant[- ]?(?:id|code)|raumnummer des meetings|personal room id`;
/** Words that introduce an access code, password or PIN. */
const CODE_WORDS = String.raw`zugangs?code|zugriffscode|zugangsnummer|access[- ]?code|kennwort|passwort|password|passcode|pin|meeting[- ]?(?:kennwort|passwort|password)|host[- ]?key|gastgeber[- ]?(?:schlüssel|pin)`;
/** Between the word and the value: a short bracketed aside, punctuation or a linking verb, nothing else. */
const FILLER = String.raw`(?:\s*\([^()\n]{0,30}\))?[\s:=#]*(?:(?:is|was|lautet|lautete|lauten|ist|war|wie folgt|are|were)[\s:]+)?`;
/** Digits, possibly grouped by single spaces, dots or hyphens (Webex: 2731 234 5678). */
const DIGITS = String.raw`\d(?:[ \u00a0.\-]?\d){3,}`;

/**
 * Where a match of one of these word lists can start: the literal beginning of each alternative
 * ("zugangs?code" → "zugang"), lowercase, without those another start already covers. Derived from
 * the lists themselves, so a word added to a list is always looked for; an alternative that does
 * not begin with a letter makes this throw when the module loads, instead of missing matches.
 */
export function wordStarts(words: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of words) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === '|' && depth === 0) {
      alternatives.push(current);
      current = '';
    } else current += c;
  }
  alternatives.push(current);
  const starts = alternatives.map((a) => {
    // ASCII letters and spaces only: `boundaryPlaces` compares them ignoring ASCII case, as the
    // patterns do ("schlüssel" would start "schl").
    const literal = /^[a-z ]+/.exec(a)?.[0] ?? '';
    // A quantifier makes the last letter optional: "zugangs?" starts with "zugang".
    const start = /^[?*{]/.test(a.slice(literal.length)) ? literal.slice(0, -1) : literal;
    if (!/^[a-z]/.test(start)) throw new Error(`privacy-scan: no literal start in the word list alternative "${a}"`);
    return start;
  });
  return [...new Set(starts)].filter((s) => !starts.some((t) => t !== s && s.startsWith(t))).sort();
}

const CONTEXT_PATTERNS: { rule: string; re: RegExp; starts: readonly string[] }[] = [
  {
    rule: 'meeting-number',
    re: new RegExp(String.raw`\b(?:${NUMBER_WORDS})${NOT_LETTER_NEXT}${FILLER}(${DIGITS})(?![\d${LETTER}])`, 'gi'),
    starts: wordStarts(NUMBER_WORDS),
  },
  {
    rule: 'access-code',
    re: new RegExp(String.raw`\b(?:${CODE_WORDS})${NOT_LETTER_NEXT}${FILLER}(${DIGITS})(?![\d${LETTER}])`, 'gi'),
    starts: wordStarts(CODE_WORDS),
  },
  // Alphanumeric passwords, only after an explicit ":" / "=" / "is" / "lautet" (e.g. "Kennwort: mP3dfX4R").
  {
    rule: 'access-code',
    re: new RegExp(
      String.raw`\b(?:${CODE_WORDS})${NOT_LETTER_NEXT}(?:\s*[:=]\s*|\s+(?:is|lautet|ist)\s+)((?=[A-Za-z0-9!$%*+#?_-]*\d)(?=[A-Za-z0-9!$%*+#?_-]*[A-Za-z])[A-Za-z0-9!$%*+#?_-]{5,})(?![\w])`,
      'gi',
    ),
    starts: wordStarts(CODE_WORDS),
  },
];

/** A 4-digit year is a date, not a PIN. */
const YEAR = /^(?:1[89]|20)\d\d$/;

const EMAIL =
  /(?<![\w.+%-])[a-z0-9](?:[a-z0-9._%+-]{0,63})@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24})(?![\w-])/gi;
/** Obfuscated addresses: name [at] example [dot] org, name (ät) example (punkt) de. */
const EMAIL_OBFUSCATED =
  /(?<![\w.-])[a-z0-9._%+-]+\s*[[({]\s*(?:at|ät|@)\s*[\])}]\s*[a-z0-9-]+(?:\s*[[({]\s*(?:dot|punkt|\.)\s*[\])}]\s*[a-z0-9-]+)+/gi;
/** File extensions that look like TLDs in asset names such as logo@2x.png. */
const ASSET_TLDS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'avif',
  'js',
  'mjs',
  'css',
  'woff',
  'woff2',
  'ttf',
  'ico',
  'json',
  'map',
  'html',
  'txt',
  'pdf',
]);

/**
 * Phone candidates: a maximal run of digit groups joined by the separators phone numbers use (one
 * space, "/", "-", brackets), optionally led by "+" or "(". Each run is then classified by
 * `isPhoneNumber`. Written without nested optional quantifiers, so it cannot backtrack
 * exponentially on long digit strings (minified code, hashes).
 */
const PHONE_RUN = new RegExp(
  String.raw`(?<![\w${LETTER}@.\/+\-:#=%&,])\+?\(?\d+\)?(?:(?:[ \u00a0\u202f]?[\/\-–][ \u00a0\u202f]?|[ \u00a0\u202f]|(?<=\)))\(?\d+\)?)*`,
  'g',
);
/** What may not follow a phone number: it would be part of a word, a path, a time or a decimal. */
const BAD_FOLLOWER = new RegExp(String.raw`^(?:[\w${LETTER}@\/\-:%]|[.,]\d)`);
const TEL_URI = /\btel:\+?[\d\s().\/-]{5,}\d/gi;
/** Words that introduce a phone number. */
const PHONE_WORDS = String.raw`tel(?:efon)?|phone|fax|mobil|mobile|handy|telephone|rufnummer|durchwahl`;
const PHONE_WORD_STARTS = wordStarts(PHONE_WORDS);
const PHONE_CONTEXT = new RegExp(
  String.raw`\b(?:${PHONE_WORDS})\.?${NOT_LETTER_NEXT}\s*:?\s*(\+?\(?\d[\d \u00a0()\/-]{5,}\d)(?![\d${LETTER}])`,
  'gi',
);
/** A cheap test for an obfuscated address before the costly pattern runs. */
const OBFUSCATED_HINT = /[[({]\s*(?:at|ät|@)\s*[\])}]/i;

/** Is this digit run a phone number (and not a date, a document number, a count or a version)? */
export function isPhoneNumber(run: string): boolean {
  const s = run
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/–/g, '-')
    .trim();
  const digits = s.replace(/\D/g, '');
  // Dates: 02/03/2024, 2024-03-02, 02-03-2024.
  if (/^\d{1,2}[\/-]\d{1,2}[\/-]\d{2,4}$/.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  if (/\d{4}-\d{2}-\d{2}/.test(s)) return false;
  const groups = s
    .replace(/^\+/, '')
    .split(/[ \/-]+/)
    .filter(Boolean);
  // Every group but a "(0)" trunk marker has at least two digits: excludes SVG coordinates "0 0 1200 400".
  if (groups.some((g) => g !== '(0)' && g.replace(/\D/g, '').length < 2)) return false;
  if (groups.length > 6) return false;
  if (s.startsWith('+')) return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0';
  if (/^00[1-9]/.test(digits) && !s.startsWith('(')) return digits.length >= 10 && digits.length <= 15;
  const lead = s.replace(/^\(/, '');
  if (lead.startsWith('0') && !lead.startsWith('00')) {
    // A trunk prefix and an area code of 2–5 digits, then the subscriber number: 9–12 digits in all.
    const first = groups[0]!.replace(/\D/g, '');
    if (groups.length > 1 && (first.length < 2 || first.length > 5)) return false;
    if (groups.length === 1 && /^0123456789/.test(digits)) return false; // the digit alphabet in code
    return digits.length >= 9 && digits.length <= 12;
  }
  // North American form: (415) 555-0123 or 415-555-0123.
  return /^(?:\(\d{3}\) ?|\d{3}-)\d{3}-\d{4}$/.test(s);
}

/**
 * Find phone numbers in a digit run: the whole run, or else the longest spans of whole groups.
 * A span may not end at the run's end when a bad follower comes next ("02/03/2024 15:11").
 */
function phonesInRun(
  run: string,
  offset: number,
  badEnd: boolean,
  push: (rule: 'phone', start: number, match: string) => void,
): void {
  const body = run.replace(/[ \u00a0\u202f/\-–(]+$/, '');
  if (!badEnd && body.length <= 40 && isPhoneNumber(body)) return push('phone', offset, body);
  const parts: { start: number; end: number }[] = [];
  const re = /[+(]?\d+\)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) parts.push({ start: m.index, end: m.index + m[0].length });
  const last = parts.length - 1;
  const text = (k: number) => body.slice(parts[k]!.start, parts[k]!.end);
  // Groups of one digit (but the "(0)" trunk marker) end every span: no phone number has them.
  const single = parts.map((_, k) => text(k) !== '(0)' && text(k).replace(/\D/g, '').length < 2);
  // So do the three groups of an ISO date ("Version 2022-02-12-64621073" is a date and a hash).
  for (let k = 0; k + 2 < parts.length; k++) {
    const iso = body.slice(parts[k]!.start, parts[k + 2]!.end);
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) single[k] = single[k + 1] = single[k + 2] = true;
  }
  for (let i = 0; i < parts.length; i++) {
    // A number starts with "+", a bracket, a trunk "0" or (North American) a 3-digit area code.
    if (single[i] || !/^(?:[+(]|0\d|\d{3}$)/.test(text(i))) continue;
    let limit = Math.min(badEnd ? last - 1 : last, i + 5); // at most six groups: linear in the run
    for (let k = i + 1; k <= limit; k++) if (single[k]) limit = k - 1;
    for (let j = limit; j >= i; j--) {
      if (i === 0 && j === last) continue;
      const sub = body.slice(parts[i]!.start, parts[j]!.end);
      if (isPhoneNumber(sub)) {
        push('phone', offset + parts[i]!.start, sub);
        i = j;
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Names.

const FOLD: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'oe',
  å: 'aa',
  ẞ: 'ss',
};
const STRIP: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ẞ: 'ss', đ: 'd', ł: 'l', ı: 'i' };
const COMBINING = /\p{M}/gu;

/** The words of a text as the name rule sees them: runs of letters. */
export function nameTokens(text: string): { word: string; index: number }[] {
  const out: { word: string; index: number }[] = [];
  const re = new RegExp(`[${LETTER}]+`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ word: m[0], index: m.index });
  return out;
}

/** The two normalised forms of a word: diacritics folded (ä→ae) and stripped (ä→a), lowercase. */
const WORD_CACHE = new Map<string, [string, string]>();

export function normaliseWord(word: string): [folded: string, stripped: string] {
  const cached = WORD_CACHE.get(word);
  if (cached) return cached;
  if (WORD_CACHE.size > 500_000) WORD_CACHE.clear();
  const result = normaliseUncached(word);
  WORD_CACHE.set(word, result);
  return result;
}

function normaliseUncached(word: string): [folded: string, stripped: string] {
  const lower = word.normalize('NFC').toLowerCase();
  const folded = lower
    .replace(/[äöüßæœøåẞ]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING, '');
  const stripped = lower
    .replace(/[ßæœøẞđłı]/g, (c) => STRIP[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING, '');
  return [folded, stripped];
}

/** Every normalised variant of a name of one or two words (words joined by one space). */
export function nameVariants(name: string): string[] {
  const words = nameTokens(name).map((t) => normaliseWord(t.word));
  if (words.length === 0) throw new Error(`"${name}" has no letters`);
  if (words.length > 2)
    throw new Error(
      `"${name}" has ${words.length} words; the scanner matches 1- and 2-word windows: add "Given Surname" and the surname alone instead`,
    );
  let variants = [''];
  for (const w of words) variants = variants.flatMap((v) => [...new Set(w)].map((x) => (v ? `${v} ${x}` : x)));
  return [...new Set(variants)];
}

/** Salted SHA-256 of a normalised name, hex. */
export function hashName(salt: string, normalised: string): string {
  // One-shot `hash` (no Hash object per call): the scan hashes every new word and word pair.
  return hash('sha256', `${salt}\u0000${normalised}`, 'hex');
}

/** Hashes of every variant of a name. */
export function nameHashes(salt: string, name: string): string[] {
  return nameVariants(name).map((v) => hashName(salt, v));
}

/**
 * One flag byte per UTF-16 code unit, derived once from the patterns themselves (so they cannot
 * drift apart): bit 1 — a letter of `LETTER` (what `nameTokens` joins into words); bit 2 — a
 * character that may stand between the two words of a window (at most four of them). The hot loop
 * of `scanNames` reads this table instead of running a regex per word and per gap.
 */
const CHAR_CLASS = (() => {
  const letter = new RegExp(`^[${LETTER}]$`);
  const gap = /^[\s.\-'’,]$/;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const s = String.fromCharCode(c);
    t[c] = (letter.test(s) ? 1 : 0) | (gap.test(s) ? 2 : 0);
  }
  return t;
})();

/**
 * Normalised forms interned as small integers, and each word seen with the ids of its folded and
 * stripped forms. The name caches below are keyed by these ids: looking up a pair of numbers is
 * far cheaper than building and hashing the string `"${a} ${b}"` for every 2-word window.
 * Bounded like `WORD_CACHE`; clearing starts a new generation, which empties the name caches too
 * (their keys are ids of the old generation). It happens only between texts (in `nameCache`), so
 * the ids a scan holds stay valid until it ends.
 */
const FORM_IDS = new Map<string, number>();
const FORMS: string[] = [];
let formGeneration = 0;

function formId(form: string): number {
  let id = FORM_IDS.get(form);
  if (id === undefined) {
    id = FORMS.length;
    FORMS.push(form);
    FORM_IDS.set(form, id);
  }
  return id;
}

/**
 * The words seen, with their form ids, found by a hash of their characters that the scan computes
 * while it reads them (FNV-1a over the UTF-16 code units): looking a word up needs neither a
 * substring nor a string hash, which a `Map` lookup would need for each of the text's words.
 */
class WordTable {
  private words: (string | undefined)[] = new Array<string | undefined>(8192);
  private hashes = new Int32Array(8192);
  private folds = new Int32Array(8192);
  private strips = new Int32Array(8192);
  private mask = 8191;
  size = 0;

  /** The slot of the word `text[start, end)` with hash `h`; added (its forms interned) when new. */
  slot(text: string, start: number, end: number, h: number): number {
    let i = h & this.mask;
    for (;;) {
      const w = this.words[i];
      if (w === undefined) break;
      if (this.hashes[i] === h && w.length === end - start && text.startsWith(w, start)) return i;
      i = (i + 1) & this.mask;
    }
    const word = text.slice(start, end);
    const [folded, stripped] = normaliseUncached(word);
    this.words[i] = word;
    this.hashes[i] = h;
    this.folds[i] = formId(folded);
    this.strips[i] = formId(stripped);
    if (2 * ++this.size > this.words.length) {
      this.grow();
      return this.slot(text, start, end, h);
    }
    return i;
  }

  fold(slot: number): number {
    return this.folds[slot]!;
  }

  strip(slot: number): number {
    return this.strips[slot]!;
  }

  private grow(): void {
    const { words, hashes, folds, strips } = this;
    const size = 2 * words.length;
    this.words = new Array<string | undefined>(size);
    this.hashes = new Int32Array(size);
    this.folds = new Int32Array(size);
    this.strips = new Int32Array(size);
    this.mask = size - 1;
    for (let k = 0; k < words.length; k++) {
      const w = words[k];
      if (w === undefined) continue;
      let i = hashes[k]! & this.mask;
      while (this.words[i] !== undefined) i = (i + 1) & this.mask;
      this.words[i] = w;
      this.hashes[i] = hashes[k]!;
      this.folds[i] = folds[k]!;
      this.strips[i] = strips[k]!;
    }
  }
}
let WORDS = new WordTable();
/** How many different words the tables keep before they are renewed (tests lower it to see that happen). */
export const NAME_TABLES = { words: 500_000 };

/**
 * A set of pairs of form ids with a yes/no each: open addressing on typed arrays, so a lookup
 * allocates nothing (a `Map` keyed by `a * 2 ** 21 + b` would box most keys as heap numbers).
 */
class PairTable {
  private keys = new Int32Array(2 * 4096).fill(-1);
  private values = new Uint8Array(4096);
  private mask = 4095;
  size = 0;

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    let i = (h ^ (h >>> 12)) & this.mask;
    while (this.keys[2 * i] !== -1 && (this.keys[2 * i] !== a || this.keys[2 * i + 1] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** 0 when the pair is unknown, else 1 (no) or 2 (yes). */
  get(a: number, b: number): number {
    return this.values[this.slot(a, b)]!;
  }

  set(a: number, b: number, yes: boolean): void {
    if (2 * (this.size + 1) > this.values.length) this.grow();
    const i = this.slot(a, b);
    if (this.keys[2 * i] === -1) this.size++;
    this.keys[2 * i] = a;
    this.keys[2 * i + 1] = b;
    this.values[i] = yes ? 2 : 1;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(4 * values.length).fill(-1);
    this.values = new Uint8Array(2 * values.length);
    this.mask = this.values.length - 1;
    this.size = 0;
    for (let i = 0; i < values.length; i++) if (values[i]) this.set(keys[2 * i]!, keys[2 * i + 1]!, values[i] === 2);
  }
}

/** Results per name list, shared across files: a site repeats its vocabulary on every page. */
interface NameCache {
  generation: number;
  /** Per form id: 0 unknown, 1 not a protected name, 2 a protected name. */
  one: Uint8Array;
  pairs: PairTable;
}
const NAME_CACHE = new WeakMap<NameList, NameCache>();

function nameCache(names: NameList): NameCache {
  if (WORDS.size > NAME_TABLES.words) {
    WORDS = new WordTable();
    FORM_IDS.clear();
    FORMS.length = 0;
    formGeneration++;
  }
  let cache = NAME_CACHE.get(names);
  if (!cache || cache.generation !== formGeneration || cache.pairs.size > 2_000_000) {
    cache = { generation: formGeneration, one: new Uint8Array(1024), pairs: new PairTable() };
    NAME_CACHE.set(names, cache);
  }
  return cache;
}

/**
 * Every 1- and 2-word window of the text whose hash is on the list. Windows are looked up by the
 * ids of their forms; a form or pair is hashed only the first time it is seen. The stripped forms
 * are looked up only where they differ from the folded ones (equal strings, equal answer).
 */
function scanNames(text: string, names: NameList, push: (index: number, match: string) => void): void {
  const cache = nameCache(names);
  const { salt, hashes } = names;
  const one = (id: number): boolean => {
    if (id >= cache.one.length) {
      const grown = new Uint8Array(Math.max(2 * cache.one.length, id + 1));
      grown.set(cache.one);
      cache.one = grown;
    }
    let r = cache.one[id]!;
    if (r === 0) cache.one[id] = r = hashes.has(hashName(salt, FORMS[id]!)) ? 2 : 1;
    return r === 2;
  };
  const two = (a: number, b: number): boolean => {
    let r = cache.pairs.get(a, b);
    if (r === 0) {
      r = hashes.has(hashName(salt, `${FORMS[a]} ${FORMS[b]}`)) ? 2 : 1;
      cache.pairs.set(a, b, r === 2);
    }
    return r === 2;
  };
  const cls = CHAR_CLASS;
  const n = text.length;
  let prevStart = -1;
  let prevEnd = -1;
  let prevFold = 0;
  let prevStrip = 0;
  let i = 0;
  const words = WORDS;
  while (i < n) {
    while (i < n && (cls[text.charCodeAt(i)]! & 1) === 0) i++;
    if (i >= n) break;
    const start = i;
    let h = 0x811c9dc5;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if ((cls[c]! & 1) === 0) break;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const slot = words.slot(text, start, i, h);
    const fold = words.fold(slot);
    const strip = words.strip(slot);
    // The window of the previous word and this one: only across spaces, hyphens, dots, commas or
    // apostrophes (at most four). Reported after the previous word's own hit, as before.
    if (prevStart >= 0 && start - prevEnd <= 4) {
      let gap = true;
      for (let k = prevEnd; k < start; k++) if ((cls[text.charCodeAt(k)]! & 2) === 0) gap = false;
      if (gap && (two(prevFold, fold) || ((prevStrip !== prevFold || strip !== fold) && two(prevStrip, strip))))
        push(prevStart, text.slice(prevStart, i));
    }
    if (one(fold) || (strip !== fold && one(strip))) push(start, text.slice(start, i));
    prevStart = start;
    prevEnd = i;
    prevFold = fold;
    prevStrip = strip;
  }
}

// ---------------------------------------------------------------------------------------------
// Scanning.

/**
 * Line and column of an offset. The table of line starts is built on the first call only: most
 * views of most files have no hit at all (or only the allow-listed contact address).
 */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Sticky copies of the patterns tried only at candidate places (see `matchesAt`). */
const sticky = (re: RegExp) => new RegExp(re.source, re.flags.replace('g', '') + 'y');
const EMAIL_STICKY = sticky(EMAIL);

/**
 * The patterns that begin at a word boundary with a word of their list — the meeting numbers and
 * access codes in context, phone numbers after their words, tel: links — with the list's starts.
 */
const BOUNDARY_PATTERNS: { re: RegExp; starts: readonly string[] }[] = [
  ...CONTEXT_PATTERNS.map(({ re, starts }) => ({ re: sticky(re), starts })),
  { re: sticky(PHONE_CONTEXT), starts: PHONE_WORD_STARTS },
  { re: sticky(TEL_URI), starts: ['tel:'] },
];
/** The link hints, each looked for as a list of its own after those of `BOUNDARY_PATTERNS`. */
const LINK_HINTS = [...new Set(Object.values(HINTS).flat())];
const PLACE_LISTS: readonly (readonly string[])[] = [
  ...BOUNDARY_PATTERNS.map((p) => p.starts),
  ...LINK_HINTS.map((h) => [h]),
];
/** For each link pattern, the place lists of its hints. */
const PATTERN_HINT_LISTS = PATTERNS.map(({ rule }) =>
  (HINTS[rule] ?? []).map((h) => BOUNDARY_PATTERNS.length + LINK_HINTS.indexOf(h)),
);
/** The starts by their first character: [start, index of its place list]. */
const STARTS_BY_LETTER: [string, number][][] = Array.from({ length: 128 }, () => []);
PLACE_LISTS.forEach((starts, k) =>
  starts.forEach((s) => {
    // The comparison below lowercases with `| 0x20`: it needs starts whose characters it leaves as
    // they are (lowercase letters, digits, " ", ".", ":", "=", "/"), beginning with a word character.
    if (!/^[a-z0-9][a-z0-9 .:=/]*$/.test(s)) throw new Error(`privacy-scan: a start must be lowercase ASCII: "${s}"`);
    STARTS_BY_LETTER[s.charCodeAt(0)]!.push([s, k]);
  }),
);
/** Any start at a word boundary (irregexp finds these faster than a loop over the characters). */
const ANY_START = new RegExp(
  String.raw`\b(?:${[...new Set(PLACE_LISTS.flat())].map((s) => s.replace(/[./]/g, '\\$&')).join('|')})`,
  'gi',
);

/**
 * For each of `PLACE_LISTS`, the places where one of its starts begins at a word boundary
 * (ignoring ASCII case, like the patterns), in order: one pass of `ANY_START` instead of each
 * pattern (or each hint) running over all of the text. Every match of a pattern begins at one of
 * its places; a place may still fail the pattern.
 */
function boundaryPlaces(text: string): number[][] {
  const places: number[][] = PLACE_LISTS.map(() => []);
  const re = ANY_START;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const p = m.index;
    // Every start at this place, for every pattern (one start may lie inside another's match).
    for (const [start, k] of STARTS_BY_LETTER[text.charCodeAt(p) | 0x20]!) {
      let same = p + start.length <= text.length;
      for (let q = 1; q < start.length && same; q++) same = (text.charCodeAt(p + q) | 0x20) === start.charCodeAt(q);
      if (same) places[k]!.push(p);
    }
    // Go on right after the place, not after the match: "Raumnummer des Meetings" holds "Meeting".
    re.lastIndex = p + 1;
  }
  return places;
}

/**
 * The matches of a pattern in `text` — exactly those `text.matchAll` finds — given the places
 * where its matches can begin (in order): the sticky pattern is tried only there, skipping places
 * inside the previous match.
 */
function matchesAt(text: string, re: RegExp, places: readonly number[], each: (m: RegExpExecArray) => void): void {
  let from = 0;
  for (const p of places) {
    if (p < from) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m) {
      each(m);
      from = p + m[0].length;
    }
  }
}

/** A character of an address's local part — the same set as may not precede an address. */
const isLocalChar = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  c === 46 ||
  c === 95 ||
  c === 37 ||
  c === 43 ||
  c === 45;

/**
 * The matches of `EMAIL`, exactly as `text.matchAll(EMAIL)` finds them, without trying the
 * pattern at every letter. Every match holds an "@"; its local part is the whole run of local-part
 * characters before that "@" (the lookbehind forbids starting inside the run), so each "@" has
 * one place where a match can start — tried only when that run is 1 to 64 characters long and
 * begins after the previous match.
 */
function emailMatches(text: string, each: (m: RegExpExecArray) => void): void {
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start <= 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
    if (start === at || at - start > 64 || start < from) continue;
    EMAIL_STICKY.lastIndex = start;
    const m = EMAIL_STICKY.exec(text);
    if (m) {
      each(m);
      from = start + m[0].length;
    }
  }
}

/**
 * A digit run that holds no phone number, told without `phonesInRun`: one with fewer than eight
 * digits (every number `isPhoneNumber` accepts has at least eight), or digits alone that do not
 * start with a trunk "0" or have fewer than nine (a single group is a phone number only so).
 * Most runs are such: counts, years, ids, coordinates.
 */
function holdsNoPhone(run: string): boolean {
  let digits = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 8) return true;
  return digits === run.length && (run.charCodeAt(0) !== 48 || run.length < 9);
}

/** Scan one view of a text with every rule. */
function scanView(text: string, names: NameList | undefined): PrivacyHit[] {
  const hits: PrivacyHit[] = [];
  const pos = lineIndex(text);
  const push = (rule: string, index: number, match: string) => hits.push({ rule, ...pos(index), match });

  const places = boundaryPlaces(text);
  PATTERNS.forEach(({ rule, re }, k) => {
    if (PATTERN_HINT_LISTS[k]!.some((list) => places[list]!.length > 0))
      for (const m of text.matchAll(re)) push(rule, m.index, m[0]);
  });
  CONTEXT_PATTERNS.forEach(({ rule }, k) => {
    matchesAt(text, BOUNDARY_PATTERNS[k]!.re, places[k]!, (m) => {
      const value = m[1]!;
      if (!YEAR.test(value)) push(rule, m.index + m[0].lastIndexOf(value), value);
    });
  });
  emailMatches(text, (m) => {
    if (!ASSET_TLDS.has(m[1]!.toLowerCase())) push('email', m.index, m[0]);
  });
  if (OBFUSCATED_HINT.test(text)) for (const m of text.matchAll(EMAIL_OBFUSCATED)) push('email', m.index, m[0]);
  PHONE_RUN.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = PHONE_RUN.exec(text));) {
    if (holdsNoPhone(m[0])) continue;
    const badEnd = BAD_FOLLOWER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2));
    phonesInRun(m[0], m.index, badEnd, push);
  }
  const k = CONTEXT_PATTERNS.length;
  matchesAt(text, BOUNDARY_PATTERNS[k + 1]!.re, places[k + 1]!, (m) => push('phone', m.index, m[0]));
  matchesAt(text, BOUNDARY_PATTERNS[k]!.re, places[k]!, (m) => {
    const value = m[1]!;
    if (value.replace(/\D/g, '').length >= 6) push('phone', m.index + m[0].lastIndexOf(value), value);
  });
  if (names && names.hashes.size) scanNames(text, names, (i, s) => push('protected-name', i, s));
  return hits;
}

/** Simple globs: `*` within a path segment, `**` across segments. */
export function globToRegExp(glob: string): RegExp {
  const re = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${re}$`);
}

/** Is a hit allowed by the allow-list for this file? */
export function isAllowed(hit: PrivacyHit, file: string, allow: readonly AllowEntry[]): boolean {
  const value = hit.match.trim().toLowerCase();
  return allow.some(
    (a) =>
      a.value.toLowerCase() === value &&
      (a.rules === undefined || a.rules.some((r) => hit.rule === r || hit.rule.startsWith(`${r}/`))) &&
      (a.files === undefined || a.files.some((g) => globToRegExp(g).test(file))),
  );
}

/**
 * Scan a text. `kind: 'markup'` also scans the visible text with tags removed. Hits are
 * de-duplicated (same rule and line) and allow-listed values dropped.
 */
export function scanText(
  text: string,
  opts: ScanOptions & { kind?: 'markup' | 'text'; file?: string } = {},
): PrivacyHit[] {
  const seen = new Set<string>();
  const out: PrivacyHit[] = [];
  for (const view of textViews(text, opts.kind ?? 'text')) {
    for (const h of scanView(view, opts.names)) {
      if (opts.allow && isAllowed(h, opts.file ?? '', opts.allow)) continue;
      const key = `${h.rule}\u0000${h.line}\u0000${h.match.toLowerCase()}`;
      if (seen.has(key)) continue;
      // The same text at the same line from a second view (a different column after tag removal).
      const sameLine = `${h.rule}\u0000${h.line}`;
      if (
        out.some(
          (o) => `${o.rule}\u0000${o.line}` === sameLine && (o.match.includes(h.match) || h.match.includes(o.match)),
        )
      )
        continue;
      seen.add(key);
      out.push(h);
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : 1));
}

/** Show a match without publishing it again in a build log: a few characters, then dots. */
export function redact(hit: PrivacyHit): string {
  if (hit.rule === 'protected-name') return '(a protected name)';
  const s = hit.match.trim();
  const keep = hit.rule.startsWith('meeting-link') ? Math.min(s.length - 4, 18) : Math.min(3, Math.floor(s.length / 3));
  return JSON.stringify(`${s.slice(0, Math.max(keep, 0))}…`);
}

// ---------------------------------------------------------------------------------------------
// Files: which ones, how they are read.

/** Pagefind's files are gzip streams whose payload starts with this signature. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** Decompress a Pagefind index/fragment/meta/filter file; null when it is not one. */
export function decodePagefind(bytes: Uint8Array): string | null {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return null;
  let raw: Uint8Array;
  try {
    raw = gunzipSync(bytes);
  } catch {
    return null;
  }
  const text = Buffer.from(raw).toString('utf8');
  return text.startsWith(PAGEFIND_SIGNATURE) ? text.slice(PAGEFIND_SIGNATURE.length) : text;
}

const MARKUP = /\.(?:html?|xml|svg|xhtml|rss|atom)$/i;
/** Binary formats no text can hide in readably; WebAssembly is the search engine's code, not content. */
const BINARY_EXT = /\.(?:png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|eot|wasm|mp3|mp4|webm|ogg|zip)$/i;
/** Pagefind's compressed WebAssembly (`wasm.*.pagefind`) is the engine, not content. */
const PAGEFIND_WASM = /(?:^|\/)wasm\.[\w-]+\.pagefind$/;

export type FileRead = { kind: 'markup' | 'text'; text: string; note?: string } | { kind: 'skip'; reason: string };

/** Decide how to read a file of the output: text, markup, decompressed Pagefind data, or skip. */
export function readForScan(file: string, bytes: Uint8Array): FileRead {
  if (PAGEFIND_WASM.test(file)) return { kind: 'skip', reason: 'Pagefind WebAssembly engine' };
  if (BINARY_EXT.test(file)) return { kind: 'skip', reason: 'binary format' };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const text = decodePagefind(bytes);
    if (text === null) return { kind: 'skip', reason: 'gzip stream that does not decompress' };
    // Fragments are JSON naming the page they belong to: say which page a hit comes from.
    const url = /"url":"([^"]*)"/.exec(text.slice(0, 2000))?.[1];
    return url
      ? { kind: 'text', text, note: `Pagefind data of ${url}` }
      : { kind: 'text', text, note: 'Pagefind data' };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { kind: 'skip', reason: 'binary content' };
  const text = Buffer.from(bytes).toString('utf8');
  return { kind: MARKUP.test(file) ? 'markup' : 'text', text };
}

// ---------------------------------------------------------------------------------------------
// The lists in privacy/.

function yamlDoc(text: string, file: string) {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new Error(`${file}: invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  return doc.toJS() as unknown;
}

/** Parse `privacy/protected-names.yaml`: `salt`, and `names: [{ note, hashes: [hex…] }]`. */
export function parseNameList(text: string, file = 'privacy/protected-names.yaml'): NameList {
  const data = yamlDoc(text, file) as { salt?: unknown; names?: unknown } | null;
  if (!data || typeof data.salt !== 'string' || data.salt.length < 16) {
    throw new Error(`${file}: salt: allowed: a random string of at least 16 characters`);
  }
  if (!Array.isArray(data.names)) throw new Error(`${file}: names: allowed: a list of { note, hashes }`);
  const hashes = new Set<string>();
  data.names.forEach((n: unknown, i: number) => {
    const e = n as { note?: unknown; hashes?: unknown };
    if (typeof e?.note !== 'string' || e.note.trim().length < 3)
      throw new Error(`${file}: names.${i}.note: allowed: a note on who is protected and why (without the name)`);
    if (!Array.isArray(e.hashes) || e.hashes.length === 0)
      throw new Error(
        `${file}: names.${i}.hashes: allowed: a non-empty list of SHA-256 hex hashes (scripts/hash-name.ts makes them)`,
      );
    e.hashes.forEach((h: unknown, j: number) => {
      if (typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h))
        throw new Error(`${file}: names.${i}.hashes.${j}: allowed: a SHA-256 hex hash (64 characters 0-9a-f)`);
      hashes.add(h);
    });
  });
  return { salt: data.salt, hashes };
}

/** Parse `privacy/allow-list.yaml`: `allow: [{ value, reason, rules?, files? }]`. */
export function parseAllowList(text: string, file = 'privacy/allow-list.yaml'): AllowEntry[] {
  const data = yamlDoc(text, file) as { allow?: unknown } | null;
  if (!data || !Array.isArray(data.allow))
    throw new Error(`${file}: allow: allowed: a list of { value, reason, rules?, files? }`);
  return data.allow.map((a: unknown, i: number) => {
    const e = a as Record<string, unknown>;
    const extra = Object.keys(e ?? {}).filter((k) => !['value', 'reason', 'rules', 'files'].includes(k));
    if (extra.length) throw new Error(`${file}: allow.${i}.${extra[0]}: allowed: only value, reason, rules, files`);
    if (typeof e['value'] !== 'string' || !e['value'].trim())
      throw new Error(`${file}: allow.${i}.value: allowed: the exact value that may be published`);
    if (typeof e['reason'] !== 'string' || e['reason'].trim().length < 10)
      throw new Error(
        `${file}: allow.${i}.reason: allowed: a reason why this value may be published (at least 10 characters)`,
      );
    const list = (k: 'rules' | 'files'): string[] | undefined => {
      const v = e[k];
      if (v === undefined) return undefined;
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        throw new Error(`${file}: allow.${i}.${k}: allowed: a list of strings`);
      return v as string[];
    };
    const rules = list('rules');
    const unknownRule = rules?.find((r) => !Object.keys(RULES).some((k) => k === r || k.startsWith(`${r}/`)));
    if (unknownRule)
      throw new Error(`${file}: allow.${i}.rules: found "${unknownRule}": allowed: ${Object.keys(RULES).join(', ')}`);
    return { value: e['value'], reason: e['reason'], rules, files: list('files') };
  });
}

/** Turn hits in a file into the project's problem format (file, line, rule; the match redacted). */
export function hitsToProblems(file: string, hits: readonly PrivacyHit[], note?: string): Problem[] {
  return hits.map((h) => ({
    severity: 'error' as const,
    file,
    line: h.line,
    field: `column ${h.column}${note ? ` (${note})` : ''}`,
    found: redact(h),
    allowed: RULES[h.rule] ?? h.rule,
    hint:
      h.rule === 'protected-name'
        ? 'name the office or role instead of the person'
        : h.rule === 'email'
          ? 'remove the address, or allow-list a public institutional address in privacy/allow-list.yaml with its reason'
          : 'remove it; describe it in words (the register never publishes meeting access data or personal contact data)',
    rule: `privacy/${h.rule}`,
  }));
}

// ---------------------------------------------------------------------------------------------
// Folders.

export interface PrivacyLists {
  names: NameList;
  allow: AllowEntry[];
}

/** Read `privacy/protected-names.yaml` and `privacy/allow-list.yaml` under a project root. */
export function loadPrivacyLists(root: string): PrivacyLists {
  const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
  return {
    names: parseNameList(read('privacy/protected-names.yaml')),
    allow: parseAllowList(read('privacy/allow-list.yaml')),
  };
}

/**
 * The files under `dir`, sorted; `onFile` hears the count grow (a parallel scan starts its workers
 * meanwhile). Folders for which `skipDir` (given the folder's path inside `dir`) is true are not entered.
 */
function walk(dir: string, onFile?: (count: number) => void, skipDir?: (inDir: string) => boolean): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!skipDir?.(path.relative(dir, p).split(path.sep).join('/'))) stack.push(p);
      } else if (e.isFile()) {
        out.push(p);
        onFile?.(out.length);
      }
    }
  }
  return out.sort();
}

export interface FolderScan {
  problems: Problem[];
  /** Files read and scanned. */
  scanned: number;
  /** Files skipped, with the reason. */
  skipped: { file: string; reason: string }[];
}

/** One file of a folder scan: its full path, its path relative to the scanned folder and as shown. */
export interface FolderFile {
  full: string;
  inDir: string;
  shown: string;
}

/** What one file contributes to a folder scan. */
export type FileScan = { skipped: string } | { problems: Problem[] };

/** A file of a folder: its path relative to the folder and as a scan shows it (relative to `root` where possible). */
export function folderFile(dir: string, root: string, full: string): FolderFile {
  const inDir = path.relative(dir, full).split(path.sep).join('/');
  const rel = path.relative(root, full);
  return { full, inDir, shown: rel.startsWith('..') ? full : rel.split(path.sep).join('/') };
}

/** The files under `dir`, in the order a folder scan reports them. */
function folderFiles(
  dir: string,
  root: string,
  onFile?: (count: number) => void,
  skipDir?: (inDir: string) => boolean,
): FolderFile[] {
  return walk(dir, onFile, skipDir).map((full) => folderFile(dir, root, full));
}

/** Scan the bytes of one file of a folder. */
function scanBytes(file: FolderFile, bytes: Uint8Array, lists: PrivacyLists): FileScan {
  const read = readForScan(file.inDir, bytes);
  if (read.kind === 'skip') return { skipped: read.reason };
  const hits = scanText(read.text, { kind: read.kind, file: file.inDir, names: lists.names, allow: lists.allow });
  return { problems: hitsToProblems(file.shown, hits, read.note) };
}

/** What identifies a file's exact content: SHA-256 of its bytes, hex. */
export function contentDigest(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

/**
 * Read and scan one file of a folder (the work a folder scan, or one of its workers, does per file).
 * With `known`, the file was scanned before from the text written to it (a `PrivacyStream`): when
 * its bytes still have that digest, that scan stands (`reuse`); otherwise it is scanned again.
 */
export function scanFile(file: FolderFile, lists: PrivacyLists, known?: string): FileScan | 'reuse' {
  if (known === undefined) return scanBytes(file, fs.readFileSync(file.full), lists);
  return scanFileKeep(file, lists, known).scan;
}

/** `scanFile`, also giving the digest of the bytes it read: a later scan of the folder can reuse the result. */
export function scanFileKeep(
  file: FolderFile,
  lists: PrivacyLists,
  known?: string,
): { scan: FileScan | 'reuse'; digest: string } {
  const bytes = fs.readFileSync(file.full);
  const digest = contentDigest(bytes);
  return { scan: known !== undefined && digest === known ? 'reuse' : scanBytes(file, bytes, lists), digest };
}

/** Scan the text about to be written to a file of a folder; its digest lets a folder scan reuse the result. */
export function scanWritten(file: FolderFile, text: string, lists: PrivacyLists): KnownScan {
  const bytes = Buffer.from(text, 'utf8');
  return { digest: contentDigest(bytes), scan: scanBytes(file, bytes, lists) };
}

/** A file scanned before the folder scan, from the text written to it: that text's digest and the scan. */
export interface KnownScan {
  digest: string;
  scan: FileScan;
}

/** The results of the files, in file order: the same whichever thread scanned which file. */
function collect(files: readonly FolderFile[], results: readonly FileScan[]): FolderScan {
  const out: FolderScan = { problems: [], scanned: 0, skipped: [] };
  files.forEach((f, i) => {
    const r = results[i]!;
    if ('skipped' in r) out.skipped.push({ file: f.shown, reason: r.skipped });
    else {
      out.scanned++;
      out.problems.push(...r.problems);
    }
  });
  return out;
}

/**
 * Scan every file under `dir`, in this thread. Problems name files relative to `root` (the project
 * root) where possible; allow-list globs match paths relative to `dir`.
 */
export function scanFolder(dir: string, lists: PrivacyLists, root: string = process.cwd()): FolderScan {
  const files = folderFiles(dir, root);
  return collect(
    files,
    files.map((f) => scanBytes(f, fs.readFileSync(f.full), lists)),
  );
}

/**
 * The worker's entry, next to this file. A plain file Node loads itself (with its own TypeScript
 * type stripping, or the tsx loader the parent runs under): the build runs this module from Astro's
 * config, whose Vite module runner is closed by the time the build is done. Named through a
 * variable so that no bundler mistakes it for an asset to copy.
 */
const WORKER_ENTRY = './privacy-scan-worker.ts';
/** Below this many files per worker, starting a worker costs more than it saves. */
const FILES_PER_WORKER = 400;
/** Files per message to a worker: small enough to share the last files out evenly. */
const BATCH = 16;

export interface ParallelScanOptions {
  /** Number of workers; default: one per core (at most 8), fewer for small folders. 1 scans in this thread. */
  workers?: number | undefined;
  /** The workers' entry file (default: `WORKER_ENTRY`); tests give one that cannot start. */
  workerEntry?: URL | undefined;
  /**
   * Files scanned before from the text written to them (`PrivacyStream.finish`), by path inside
   * the folder: each is read and its digest compared; only a file whose bytes differ is scanned again.
   */
  known?: ReadonlyMap<string, KnownScan> | undefined;
  /** Folders (paths inside the scanned folder) left out of this scan: files still being written there. */
  skipDir?: ((inDir: string) => boolean) | undefined;
  /** Return every file's result with the digest of the bytes scanned (`kept`), for a later scan to reuse. */
  keep?: boolean | undefined;
}

/** A folder scan, and how it ran. */
export interface ParallelFolderScan extends FolderScan {
  /** Threads that scanned the files (1: this thread alone). */
  workers: number;
  /** Why the scan ran in this thread although workers were asked for (they could not start). */
  fallback?: string | undefined;
  /** Files whose scan from their written text stood (their bytes were unchanged). */
  reused: number;
  /** With `keep`: each file's result and the digest of its bytes, by path inside the folder. */
  kept?: Map<string, KnownScan> | undefined;
}

/** Messages of a worker: ready after loading, then the results of each batch, or an error. */
export type WorkerReply =
  | { ready: true }
  | { results: { index: number; scan: FileScan | 'reuse'; digest?: string | undefined }[] }
  | { written: { index: number; known: KnownScan }[] }
  | { error: { message: string; stack?: string | undefined } };

/**
 * `scanFolder` on several cores: the files are handed out in small batches to `worker_threads`
 * (each loads the scanner and gets the lists once), and the results are put back in file order —
 * the same problems, in the same order, as the scan in one thread. Small folders, one core or
 * `workers: 1` scan in this thread; so does a scan none of whose workers can start (`fallback`
 * says why). An error while scanning a file fails the scan, as it would in one thread.
 */
export async function scanFolderParallel(
  dir: string,
  lists: PrivacyLists,
  root: string = process.cwd(),
  options: ParallelScanOptions = {},
): Promise<ParallelFolderScan> {
  const wanted = options.workers ?? Math.min(os.availableParallelism(), 8);
  const entry = options.workerEntry ?? new URL(WORKER_ENTRY, import.meta.url);
  const known = options.known;
  const workers: Worker[] = [];
  const spawn = (count: number) => {
    while (workers.length < count) workers.push(new Worker(entry, { workerData: { lists } }));
  };
  // Workers take a moment to start: once the folder is large enough for all of them, they start
  // while the rest of it is listed.
  const files = folderFiles(
    dir,
    root,
    (n) => {
      if (wanted > 1 && n === wanted * FILES_PER_WORKER) spawn(wanted);
    },
    options.skipDir,
  );
  const keep = options.keep === true;
  const digests: (string | undefined)[] = keep ? new Array<string | undefined>(files.length) : [];
  const count = Math.min(wanted, options.workers ?? Math.floor(files.length / FILES_PER_WORKER), files.length);
  // A reused scan is the one made from the file's written text: the same result a scan of its bytes gives.
  let reused = 0;
  const settle = (index: number, scan: FileScan | 'reuse'): FileScan => {
    if (scan !== 'reuse') return scan;
    reused++;
    return known!.get(files[index]!.inDir)!.scan;
  };
  const kept = (results: readonly FileScan[]): Map<string, KnownScan> | undefined =>
    keep ? new Map(files.map((f, i) => [f.inDir, { digest: digests[i]!, scan: results[i]! }])) : undefined;
  const sequential = (fallback?: string): ParallelFolderScan => {
    const results = files.map((f, i) => {
      if (!keep) return settle(i, scanFile(f, lists, known?.get(f.inDir)?.digest));
      const r = scanFileKeep(f, lists, known?.get(f.inDir)?.digest);
      digests[i] = r.digest;
      return settle(i, r.scan);
    });
    return {
      ...collect(files, results),
      workers: 1,
      reused,
      ...(fallback ? { fallback } : {}),
      ...(keep ? { kept: kept(results) } : {}),
    };
  };
  if (count <= 1) {
    await Promise.all(workers.map((w) => w.terminate()));
    return sequential();
  }
  spawn(count);

  type Outcome = { ok: true } | { ok: false; startup: boolean; error: Error };
  const results: FileScan[] = new Array<FileScan>(files.length);
  const outcome = await new Promise<Outcome>((resolve) => {
    let next = 0;
    let done = 0;
    let failedToStart = 0;
    let settled = false;
    const finish = (r: Outcome) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    const feed = (w: Worker) => {
      if (next >= files.length) return;
      const batch: WorkerTask[] = [];
      for (const end = Math.min(next + BATCH, files.length); next < end; next++) {
        const file = files[next]!;
        batch.push({ index: next, file, known: known?.get(file.inDir)?.digest, ...(keep ? { keep } : {}) });
      }
      w.postMessage(batch);
    };
    for (const w of workers) {
      let started = false;
      let gone = false;
      // A worker that cannot start leaves its share to the others; with none left, the scan runs here.
      const lost = (error: Error) => {
        if (gone) return;
        gone = true;
        if (started) finish({ ok: false, startup: false, error });
        else if (++failedToStart === workers.length) finish({ ok: false, startup: true, error });
      };
      w.on('message', (msg: WorkerReply) => {
        if ('ready' in msg) {
          started = true;
          // Two batches each, so a worker never waits for the next while its results travel.
          feed(w);
          feed(w);
        } else if ('results' in msg) {
          for (const { index, scan, digest } of msg.results) {
            results[index] = settle(index, scan);
            if (keep) digests[index] = digest;
          }
          done += msg.results.length;
          if (done === files.length) finish({ ok: true });
          else feed(w);
        } else if ('error' in msg) {
          const error = new Error(msg.error.message);
          if (msg.error.stack) error.stack = msg.error.stack;
          finish({ ok: false, startup: false, error });
        }
      });
      w.on('error', lost);
      w.on('exit', (code) => lost(new Error(`a privacy scan worker exited with code ${code}`)));
    }
  });
  await Promise.all(workers.map((w) => w.terminate()));
  if (!outcome.ok) {
    if (outcome.startup) return sequential(`workers could not start: ${outcome.error.message.split('\n')[0]}`);
    throw outcome.error;
  }
  return {
    ...collect(files, results),
    workers: workers.length,
    reused,
    ...(keep ? { kept: kept(results) } : {}),
  };
}

/** A file for a worker: from disk (with the digest of a scan that stands if it is unchanged), or its text. */
export type WorkerTask =
  | { index: number; file: FolderFile; known?: string | undefined; keep?: boolean | undefined }
  | { index: number; file: FolderFile; text: string };

/** Pages waiting for a `PrivacyStream` at most; beyond, `add` asks its caller to wait. */
const STREAM_IN_FLIGHT = 64;
/** Pages per message to the stream's worker. */
const STREAM_BATCH = 16;
/** The stream's worker runs at this nice level (Linux: per thread), below the rendering thread. */
const STREAM_NICE = 10;

/**
 * Files scanned from the text about to be written to them, while the build is still producing
 * others: one worker thread (the build's main thread renders, Pagefind's process indexes, this
 * fills the time both leave on two cores). `finish` gives the scans by path inside the folder,
 * for `scanFolderParallel`'s `known`: the folder scan then only reads those files and compares
 * digests, and scans the others. When the worker cannot start or fails, the stream stops taking
 * files and `finish` returns what it has; the folder scan covers the rest — the findings never
 * depend on the stream, only the time does.
 */
export class PrivacyStream {
  private readonly worker: Worker | undefined;
  private readonly files: FolderFile[] = [];
  private readonly results = new Map<string, KnownScan>();
  private inFlight = 0;
  /** Files not yet sent: they go to the worker in batches (each message wakes the worker up). */
  private batch: WorkerTask[] = [];
  private waiting: (() => void)[] = [];
  private drained: (() => void)[] = [];
  /** Why the stream stopped taking files, if it did. */
  stopped: string | undefined;

  private readonly dir: string;
  private readonly root: string;

  // No parameter properties: Node's type stripping loads this module in the workers, and it cannot
  // transform them.
  constructor(dir: string, root: string, lists: PrivacyLists, entry: URL = new URL(WORKER_ENTRY, import.meta.url)) {
    this.dir = dir;
    this.root = root;
    try {
      // A lower priority (nice): the stream uses the time the rendering leaves, and does not take a
      // core from it each time a batch wakes the worker up.
      this.worker = new Worker(entry, { workerData: { lists, nice: STREAM_NICE } });
    } catch (e) {
      this.stop(`the worker could not start: ${String(e)}`);
      return;
    }
    this.worker.on('message', (msg: WorkerReply) => {
      if ('written' in msg) {
        for (const { index, known } of msg.written) this.results.set(this.files[index]!.inDir, known);
        this.settle(msg.written.length);
      } else if ('error' in msg) this.stop(`the worker failed: ${msg.error.message.split('\n')[0]}`);
    });
    this.worker.on('error', (e: unknown) => this.stop(`the worker failed: ${String(e).split('\n')[0]}`));
    this.worker.on('exit', (code) => this.stop(`the worker exited with code ${code}`));
  }

  /** Scan `text`, about to be written to `full` inside the folder. A promise: the caller should wait (backpressure). */
  add(full: string, text: string): Promise<void> | undefined {
    if (this.stopped !== undefined || !this.worker) return undefined;
    const index = this.files.length;
    this.files.push(folderFile(this.dir, this.root, full));
    this.inFlight++;
    this.batch.push({ index, file: this.files[index]!, text });
    if (this.batch.length >= STREAM_BATCH) this.flush();
    if (this.inFlight <= STREAM_IN_FLIGHT) return undefined;
    this.flush();
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private flush(): void {
    if (!this.batch.length || this.stopped !== undefined) return;
    this.worker?.postMessage(this.batch);
    this.batch = [];
  }

  /** Wait for the files in flight; end the worker. The scans by path inside the folder. */
  async finish(): Promise<Map<string, KnownScan>> {
    this.flush();
    if (this.inFlight > 0 && this.stopped === undefined)
      await new Promise<void>((resolve) => this.drained.push(resolve));
    const w = this.worker;
    this.stop('finished');
    await w?.terminate();
    return this.results;
  }

  private settle(count: number): void {
    this.inFlight -= count;
    while (this.waiting.length && this.inFlight <= STREAM_IN_FLIGHT) this.waiting.shift()!();
    if (this.inFlight === 0) for (const d of this.drained.splice(0)) d();
  }

  private stop(why: string): void {
    if (this.stopped !== undefined) return;
    this.stopped = why;
    // Nobody waits on a stopped stream: what it did not scan, the folder scan will.
    this.inFlight = 0;
    for (const r of [...this.waiting.splice(0), ...this.drained.splice(0)]) r();
  }
}
