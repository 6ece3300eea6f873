/**
 * Search page state ⇄ URL (`/{lang}/search/?q=…&type=…`), Pagefind filter objects and result
 * excerpts. Pure: no DOM, no Pagefind, unit-tested.
 */
import { SEARCH_FACETS, type SearchFacet } from './strings.ts';

export interface SearchState {
  q: string;
  filters: Record<SearchFacet, string[]>;
}

export function emptySearch(): SearchState {
  return {
    q: '',
    filters: Object.fromEntries(SEARCH_FACETS.map((f) => [f, []])) as unknown as Record<SearchFacet, string[]>,
  };
}

/** Reads `q` and the facet parameters; facet values are display labels, kept as given. */
export function parseSearch(input: string | URLSearchParams): SearchState {
  const p = typeof input === 'string' ? new URLSearchParams(input) : input;
  const s = emptySearch();
  s.q = (p.get('q') ?? '').trim();
  for (const f of SEARCH_FACETS)
    s.filters[f] = [
      ...new Set(
        p
          .getAll(f)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ].sort();
  return s;
}

/** Canonical query string (leading "?" or ''): q first, then facets in display order, values sorted. */
export function searchQuery(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  for (const f of SEARCH_FACETS) for (const v of [...new Set(s.filters[f])].sort()) p.append(f, v);
  const str = p.toString();
  return str ? `?${str}` : '';
}

export function hasFilters(s: SearchState): boolean {
  return SEARCH_FACETS.some((f) => s.filters[f].length > 0);
}

/** Pagefind's filter object: values of one facet are alternatives (`any`), facets combine (AND). */
export function pagefindFilters(s: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const f of SEARCH_FACETS) if (s.filters[f].length) out[f] = { any: [...s.filters[f]] };
  return out;
}

/** The timeline filtered by the same words. */
export function timelineHref(lang: string, q: string): string {
  const t = q.trim();
  return `/${lang}/timeline/${t ? `?${new URLSearchParams({ q: t }).toString()}` : ''}`;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });

/**
 * Splits a Pagefind excerpt (escaped text with `<mark>` around hits) into plain-text parts, so
 * the page renders it with text nodes only — no HTML from the index ever reaches innerHTML.
 * Any other tag is dropped.
 */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?[a-z][^>]*>)/i)) {
    if (piece.startsWith('<')) {
      if (/^<mark\b/i.test(piece)) mark = true;
      else if (/^<\/mark/i.test(piece)) mark = false;
      continue;
    }
    if (piece === '') continue;
    const text = decode(piece);
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  }
  return parts;
}

/**
 * Whether an edit of the search field changed more than one character at once — a paste, an
 * autofill, dictation, a replaced selection. Such a query is complete and runs at once;
 * keystrokes wait for a pause in typing.
 */
export function bulkEdit(before: string, after: string): boolean {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let e = 0;
  while (e < before.length - p && e < after.length - p && before[before.length - 1 - e] === after[after.length - 1 - e])
    e++;
  return after.length - p - e > 1 || before.length - p - e > 1;
}

export interface FacetEntry {
  value: string;
  count: number;
  checked: boolean;
}

/**
 * The checkboxes of one facet group. Every value the index knows is offered (a zero count only
 * says the current results have none: values of one group are alternatives). A long group (more
 * than `limit` + 2 values, such as publishers or incidents) is ordered by count, most first, and
 * shows its first `limit` values plus every checked one until it is expanded; `more` is how many
 * are left out. Short groups keep the given order.
 */
export function facetEntries(
  known: readonly string[],
  counts: Readonly<Record<string, number>>,
  selected: readonly string[],
  order: (a: string, b: string) => number,
  { limit = 10, expanded = false }: { limit?: number; expanded?: boolean } = {},
): { entries: FacetEntry[]; more: number } {
  const values = [...new Set([...known, ...selected])].sort(order);
  const entry = (value: string): FacetEntry => ({
    value,
    count: counts[value] ?? 0,
    checked: selected.includes(value),
  });
  if (values.length <= limit + 2) return { entries: values.map(entry), more: 0 };
  const ranked = values.map(entry).sort((a, b) => b.count - a.count);
  if (expanded) return { entries: ranked, more: 0 };
  const entries = ranked.filter((e, i) => i < limit || e.checked);
  return { entries, more: ranked.length - entries.length };
}
