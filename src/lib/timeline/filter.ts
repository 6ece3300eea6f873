/**
 * Filtering and faceted counting of timeline records.
 *
 * Semantics (documented on the timeline page too):
 * - values of one facet are alternatives (OR); different facets must all hold (AND);
 * - `actor`: the event names that actor;
 * - `category`: any of the event's actors has that category;
 * - `country`: any of the event's actors is from that country, OR the event's incident concerns
 *   that country — so an advisory by a US vendor within a German incident is found under both;
 * - `from`/`to`: the event's date span (span.ts) overlaps the range;
 * - `q`: every word occurs in the title or summary (case and diacritics ignored).
 *
 * A value's count is the number of events that would be shown if that value were (also)
 * selected, given all *other* facets — the usual faceted-search count.
 */
import { FACETS, type Facet, type FilterState } from './state.ts';
import { boundOfQuery, overlaps } from './span.ts';
import { matchesTokens, queryTokens } from './text.ts';
import { searchText, type TimelineRecord } from './data.ts';

export interface CompiledFilter {
  /** Per facet (in FACETS order): the selected values, or undefined when not filtered. */
  sets: (Set<string> | undefined)[];
  from: number | undefined;
  to: number | undefined;
  tokens: string[];
}

export function compileFilter(s: FilterState): CompiledFilter {
  return {
    sets: FACETS.map((f) => (s[f].length ? new Set(s[f]) : undefined)),
    from: s.from ? boundOfQuery(s.from, 'from') : undefined,
    to: s.to ? boundOfQuery(s.to, 'to') : undefined,
    tokens: queryTokens(s.q),
  };
}

function facetHolds(values: readonly string[], set: Set<string> | undefined): boolean {
  if (set === undefined) return true;
  for (const v of values) if (set.has(v)) return true;
  return false;
}

function restHolds(r: TimelineRecord, c: CompiledFilter): boolean {
  return overlaps(r, c.from, c.to) && (c.tokens.length === 0 || matchesTokens(searchText(r), c.tokens));
}

/** True when the record passes every filter. */
export function matches(r: TimelineRecord, c: CompiledFilter): boolean {
  if (!restHolds(r, c)) return false;
  for (let k = 0; k < FACETS.length; k++) if (!facetHolds(r.facets[k]!, c.sets[k])) return false;
  return true;
}

export type FacetCounts = Record<Facet, Map<string, number>>;

export interface FilterResult {
  /** Records shown, in chronological order. */
  shown: TimelineRecord[];
  /** Per facet and value: events shown if that value were selected, other facets unchanged. */
  counts: FacetCounts;
}

/**
 * Filters and counts in one pass: each record is tested once per facet; a record that fails
 * exactly one facet counts towards that facet's values only. O(records × facets), and no
 * allocation per record (10,000 events must filter within 50 ms in the browser).
 */
export function applyFilter(records: readonly TimelineRecord[], s: FilterState): FilterResult {
  const c = compileFilter(s);
  const maps = FACETS.map(() => new Map<string, number>());
  const bump = (k: number, values: readonly string[]) => {
    const m = maps[k]!;
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  };
  const shown: TimelineRecord[] = [];
  const n = FACETS.length;
  for (const r of records) {
    if (!restHolds(r, c)) continue;
    let failed = -1;
    let failures = 0;
    for (let k = 0; k < n; k++) {
      if (!facetHolds(r.facets[k]!, c.sets[k])) {
        failed = k;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) {
      shown.push(r);
      for (let k = 0; k < n; k++) bump(k, r.facets[k]!);
    } else if (failures === 1) {
      bump(failed, r.facets[failed]!);
    }
  }
  const counts = Object.fromEntries(FACETS.map((f, k) => [f, maps[k]!])) as FacetCounts;
  return { shown, counts };
}
