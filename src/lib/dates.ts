/**
 * Dates with precision: parsing, bounds, ordering and display. Display uses Intl in UTC, in the
 * page's language, and is never more precise than the ISO form the source supports.
 */
export type Precision = 'year' | 'month' | 'day';
export type Qualifier = 'before' | 'after' | 'about';
export interface DateLike {
  on: string;
  qualifier?: Qualifier | undefined;
  until?: string | undefined;
  time?: string | undefined;
  timezone?: string | undefined;
}

/** True for YYYY, YYYY-MM and YYYY-MM-DD that exist in the calendar. */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  if (m[2] === undefined) return y >= 1900;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return false;
  if (m[3] === undefined) return true;
  const d = Number(m[3]);
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d >= 1 && d <= last;
}

/** Precision of an ISO date string, from its form. */
export function precisionOf(iso: string): Precision {
  return iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day';
}

/** First day covered by an ISO date of any precision (YYYY-MM-DD). */
export function lowerBound(iso: string): string {
  if (iso.length === 4) return `${iso}-01-01`;
  if (iso.length === 7) return `${iso}-01`;
  return iso;
}

/** Last day covered by an ISO date of any precision (YYYY-MM-DD). */
export function upperBound(iso: string): string {
  if (iso.length === 4) return `${iso}-12-31`;
  if (iso.length === 7) {
    const [y, m] = iso.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${iso}-${String(last).padStart(2, '0')}`;
  }
  return iso;
}

/** Earliest and latest day a fuzzy date can stand for. */
export function span(d: DateLike): { start: string; end: string } {
  const start = lowerBound(d.on);
  const end = upperBound(d.until ?? d.on);
  return { start, end };
}

const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

/**
 * Stable order of events: start date, then precision (coarser first), then time (none first),
 * then id.
 */
export function compareDates(a: DateLike, b: DateLike, idA = '', idB = ''): number {
  const sa = lowerBound(a.on);
  const sb = lowerBound(b.on);
  if (sa !== sb) return sa < sb ? -1 : 1;
  const pa = PRECISION_RANK[precisionOf(a.on)];
  const pb = PRECISION_RANK[precisionOf(b.on)];
  if (pa !== pb) return pa - pb;
  const ta = a.time ?? '';
  const tb = b.time ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

function utc(iso: string): Date {
  return new Date(`${lowerBound(iso)}T00:00:00Z`);
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: string, precision: Precision): Intl.DateTimeFormat {
  const key = `${lang}|${precision}`;
  let f = fmtCache.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      precision === 'year'
        ? { year: 'numeric', timeZone: 'UTC' }
        : precision === 'month'
          ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
          : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
    f = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', opts);
    fmtCache.set(key, f);
  }
  return f;
}

const formatted = new Map<string, string>();

/**
 * One ISO date of any precision in words, in the page's language. Remembered per date and language:
 * pages format the same few thousand dates again and again (each an `Intl` call and a `Date`).
 */
export function formatIso(iso: string, lang: string): string {
  const key = `${lang}|${iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = fmt(lang, precisionOf(iso)).format(utc(iso));
    formatted.set(key, text);
  }
  return text;
}

/** Qualifiers are inclusive: `before` = on or before, `after` = on or after. */
const QUALIFIER_WORDS: Record<string, Record<Qualifier, string>> = {
  de: { before: 'spätestens', after: 'frühestens', about: 'etwa' },
  en: { before: 'no later than', after: 'no earlier than', about: 'about' },
};

/** A fuzzy date in words: "5. Juni 2024, 20:12 Uhr", "about 6 May 2024", "Juni 2024", "20.–25. …". */
export function formatDate(d: DateLike, lang: string): string {
  let text: string;
  if (d.until !== undefined && d.until !== d.on) {
    const sep = '–';
    text = `${formatIso(d.on, lang)} ${sep} ${formatIso(d.until, lang)}`;
    if (lang === 'de') text = `${formatIso(d.on, lang)}${sep}${formatIso(d.until, lang)}`;
  } else {
    text = formatIso(d.on, lang);
  }
  if (d.qualifier !== undefined) {
    text = `${(QUALIFIER_WORDS[lang] ?? QUALIFIER_WORDS['en']!)[d.qualifier]} ${text}`;
  }
  if (d.time !== undefined) {
    text = lang === 'de' ? `${text}, ${d.time} Uhr` : `${text}, ${d.time}`;
  }
  return text;
}

/** Value for a `<time datetime>` attribute: the ISO form itself (or the range start). */
export function datetimeAttr(d: DateLike): string {
  return d.time !== undefined ? `${d.on}T${d.time}` : d.on;
}

/** The precision as a word, for labels. */
export function precisionLabel(p: Precision, lang: string): string {
  const de = { year: 'jahrgenau', month: 'monatsgenau', day: 'tagesgenau' } as const;
  const en = { year: 'to the year', month: 'to the month', day: 'to the day' } as const;
  return (lang === 'de' ? de : en)[p];
}
