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
