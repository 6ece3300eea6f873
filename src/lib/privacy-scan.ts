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
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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
  let out = s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,31});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED_ENTITIES[e] ?? m;
  });
  out = out
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\\//g, '/');
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

/**
 * The visible text of markup: inline tags removed, other tags and comments replaced by a space
 * (keeping their newlines, so line numbers stay those of the file).
 */
export function stripTags(s: string): string {
  return s.replace(
    /<!--[\s\S]*?-->|<[a-zA-Z/!][^>]*>/g,
    (m) => (INLINE_TAG.test(m) ? '' : ' ') + m.replace(/[^\n]/g, ''),
  );
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
 * A pattern runs only when the lowercased text contains one of its hints (a cheap test): most
 * pages mention no conferencing host, and the full patterns are the costly part of a scan.
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
  'meeting-number': [
    'meeting',
    'konferenz',
    'conference',
    'webinar',
    'event',
    'sitzungsnummer',
    'einwahl',
    'teilnehmer',
    'attendee',
    'participant',
    'personal room',
  ],
  'access-code': ['code', 'kennwort', 'passwort', 'password', 'pin', 'host', 'gastgeber', 'zugangsnummer'],
  phone: ['tel', 'phone', 'fax', 'mobil', 'handy', 'rufnummer', 'durchwahl'],
};
const hinted = (rule: string, lower: string) => (HINTS[rule] ?? []).some((h) => lower.includes(h));

/** Words that introduce a meeting number (German and English). */
const NUMBER_WORDS = String.raw`meeting[- ]?(?:nummer|number|no\.?|nr\.?|id|kennnummer|kennung)|meetingnummer|konferenz[- ]?(?:nummer|id|kennung)|conference[- ]?(?:id|number)|webinar[- ]?(?:nummer|number|id)|event[- ]?(?:nummer|number)|sitzungsnummer|einwahl[- ]?(?:nummer|code)|teilnehmer[- ]?(?:id|nummer|kennung)|attendee[- ]?id|participant[- ]?(?:id|code)|raumnummer des meetings|personal room id`;
/** Words that introduce an access code, password or PIN. */
const CODE_WORDS = String.raw`zugangs?code|zugriffscode|zugangsnummer|access[- ]?code|kennwort|passwort|password|passcode|pin|meeting[- ]?(?:kennwort|passwort|password)|host[- ]?key|gastgeber[- ]?(?:schlüssel|pin)`;
/** Between the word and the value: a short bracketed aside, punctuation or a linking verb, nothing else. */
const FILLER = String.raw`(?:\s*\([^()\n]{0,30}\))?[\s:=#]*(?:(?:is|was|lautet|lautete|lauten|ist|war|wie folgt|are|were)[\s:]+)?`;
/** Digits, possibly grouped by single spaces, dots or hyphens (Webex: 2731 234 5678). */
const DIGITS = String.raw`\d(?:[ \u00a0.\-]?\d){3,}`;

const CONTEXT_PATTERNS: { rule: string; re: RegExp }[] = [
  {
    rule: 'meeting-number',
    re: new RegExp(String.raw`\b(?:${NUMBER_WORDS})${NOT_LETTER_NEXT}${FILLER}(${DIGITS})(?![\d${LETTER}])`, 'gi'),
  },
  {
    rule: 'access-code',
    re: new RegExp(String.raw`\b(?:${CODE_WORDS})${NOT_LETTER_NEXT}${FILLER}(${DIGITS})(?![\d${LETTER}])`, 'gi'),
  },
  // Alphanumeric passwords, only after an explicit ":" / "=" / "is" / "lautet" (e.g. "Kennwort: mP3dfX4R").
  {
    rule: 'access-code',
    re: new RegExp(
      String.raw`\b(?:${CODE_WORDS})${NOT_LETTER_NEXT}(?:\s*[:=]\s*|\s+(?:is|lautet|ist)\s+)((?=[A-Za-z0-9!$%*+#?_-]*\d)(?=[A-Za-z0-9!$%*+#?_-]*[A-Za-z])[A-Za-z0-9!$%*+#?_-]{5,})(?![\w])`,
      'gi',
    ),
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
const PHONE_CONTEXT = new RegExp(
  String.raw`\b(?:tel(?:efon)?|phone|fax|mobil|mobile|handy|telephone|rufnummer|durchwahl)\.?${NOT_LETTER_NEXT}\s*:?\s*(\+?\(?\d[\d \u00a0()\/-]{5,}\d)(?![\d${LETTER}])`,
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
function phonesInRun(run: string, offset: number, badEnd: boolean, push: (start: number, match: string) => void): void {
  const body = run.replace(/[ \u00a0\u202f/\-–(]+$/, '');
  if (!badEnd && body.length <= 40 && isPhoneNumber(body)) return push(offset, body);
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
        push(offset + parts[i]!.start, sub);
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
  return createHash('sha256').update(`${salt}\u0000${normalised}`, 'utf8').digest('hex');
}

/** Hashes of every variant of a name. */
export function nameHashes(salt: string, name: string): string[] {
  return nameVariants(name).map((v) => hashName(salt, v));
}

/** Results per name list, shared across files: a site repeats its vocabulary on every page. */
const NAME_CACHE = new WeakMap<NameList, Map<string, boolean>>();

function scanNames(text: string, names: NameList, push: (index: number, match: string) => void): void {
  let cache = NAME_CACHE.get(names);
  if (!cache) NAME_CACHE.set(names, (cache = new Map()));
  if (cache.size > 2_000_000) cache.clear();
  const hit = (norm: string): boolean => {
    let r = cache.get(norm);
    if (r === undefined) {
      r = names.hashes.has(hashName(names.salt, norm));
      cache!.set(norm, r);
    }
    return r;
  };
  const tokens = nameTokens(text);
  const norms = tokens.map((t) => normaliseWord(t.word));
  for (let i = 0; i < tokens.length; i++) {
    const a = norms[i]!;
    const t = tokens[i]!;
    if (hit(a[0]) || hit(a[1])) push(t.index, t.word);
    const next = tokens[i + 1];
    if (next === undefined) continue;
    // Only words separated by spaces, hyphens, dots or tags-turned-spaces form a window.
    const gap = text.slice(t.index + t.word.length, next.index);
    if (!/^[\s.\-'’,]{1,4}$/.test(gap)) continue;
    const b = norms[i + 1]!;
    if (hit(`${a[0]} ${b[0]}`) || hit(`${a[1]} ${b[1]}`))
      push(t.index, text.slice(t.index, next.index + next.word.length));
  }
}

// ---------------------------------------------------------------------------------------------
// Scanning.

function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
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

/** Scan one view of a text with every rule. */
function scanView(text: string, names: NameList | undefined): PrivacyHit[] {
  const hits: PrivacyHit[] = [];
  const pos = lineIndex(text);
  const push = (rule: string, index: number, match: string) => hits.push({ rule, ...pos(index), match });

  const lower = text.toLowerCase();
  for (const { rule, re } of PATTERNS)
    if (hinted(rule, lower)) for (const m of text.matchAll(re)) push(rule, m.index, m[0]);
  for (const { rule, re } of CONTEXT_PATTERNS) {
    if (!hinted(rule, lower)) continue;
    for (const m of text.matchAll(re)) {
      const value = m[1]!;
      if (YEAR.test(value)) continue;
      push(rule, m.index + m[0].lastIndexOf(value), value);
    }
  }
  if (lower.includes('@'))
    for (const m of text.matchAll(EMAIL)) if (!ASSET_TLDS.has(m[1]!.toLowerCase())) push('email', m.index, m[0]);
  if (OBFUSCATED_HINT.test(text)) for (const m of text.matchAll(EMAIL_OBFUSCATED)) push('email', m.index, m[0]);
  for (const m of text.matchAll(PHONE_RUN)) {
    const badEnd = BAD_FOLLOWER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2));
    phonesInRun(m[0], m.index, badEnd, (i, s) => push('phone', i, s));
  }
  if (lower.includes('tel:')) for (const m of text.matchAll(TEL_URI)) push('phone', m.index, m[0]);
  if (hinted('phone', lower))
    for (const m of text.matchAll(PHONE_CONTEXT)) {
      const value = m[1]!;
      if (value.replace(/\D/g, '').length >= 6) push('phone', m.index + m[0].lastIndexOf(value), value);
    }
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

function walk(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) out.push(p);
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

/**
 * Scan every file under `dir`. Problems name files relative to `root` (the project root) where
 * possible; allow-list globs match paths relative to `dir`.
 */
export function scanFolder(dir: string, lists: PrivacyLists, root: string = process.cwd()): FolderScan {
  const result: FolderScan = { problems: [], scanned: 0, skipped: [] };
  for (const full of walk(dir)) {
    const inDir = path.relative(dir, full).split(path.sep).join('/');
    const rel = path.relative(root, full);
    const shown = rel.startsWith('..') ? full : rel.split(path.sep).join('/');
    const read = readForScan(inDir, fs.readFileSync(full));
    if (read.kind === 'skip') {
      result.skipped.push({ file: shown, reason: read.reason });
      continue;
    }
    result.scanned++;
    const hits = scanText(read.text, { kind: read.kind, file: inDir, names: lists.names, allow: lists.allow });
    result.problems.push(...hitsToProblems(shown, hits, read.note));
  }
  return result;
}
