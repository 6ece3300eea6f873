/**
 * The timeline's filter state and its URL form — the route contract of `/{lang}/timeline/`:
 * `incident`, `type`, `status`, `actor`, `category`, `country` (each repeatable, or
 * comma-separated), `from`, `to` (YYYY, YYYY-MM or YYYY-MM-DD) and `q` (free text).
 *
 * The URL is the state: a filtered view can be shared, bookmarked and cited. Serialising sorts
 * values and keys in route-table order, so one view has one URL. The GET form of the page
 * produces the same repeated parameters, so it works without JavaScript too.
 */
import { isValidIsoDate } from '../dates.ts';

/** Facets with a closed set of values (checkbox groups), in route-table order. */
export const FACETS = ['incident', 'type', 'status', 'actor', 'category', 'country'] as const;
export type Facet = (typeof FACETS)[number];

export interface FilterState {
  incident: string[];
  type: string[];
  status: string[];
  actor: string[];
  category: string[];
  country: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD, or '' for none. */
  from: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or '' for none. */
  to: string;
  /** Free text, as typed. */
  q: string;
}

/** A query parameter the parser dropped, and why. */
export interface QueryProblem {
  param: string;
  value: string;
  allowed: string;
}

export function emptyState(): FilterState {
  return { incident: [], type: [], status: [], actor: [], category: [], country: [], from: '', to: '', q: '' };
}

export function isEmptyState(s: FilterState): boolean {
  return FACETS.every((f) => s[f].length === 0) && s.from === '' && s.to === '' && s.q.trim() === '';
}

const FACET_VALUE = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/**
 * Reads a filter state from a query string (or URLSearchParams). Invalid values are dropped
 * and reported, never guessed: a date that is not YYYY, YYYY-MM or YYYY-MM-DD, or a facet value
 * that is not a slug/code. Unknown parameters are ignored (utm tags and the like).
 */
export function parseQuery(input: string | URLSearchParams): { state: FilterState; problems: QueryProblem[] } {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const state = emptyState();
  const problems: QueryProblem[] = [];
  for (const f of FACETS) {
    const values = new Set<string>();
    for (const raw of params.getAll(f)) {
      for (const v of raw
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)) {
        if (FACET_VALUE.test(v)) values.add(v);
        else problems.push({ param: f, value: v, allowed: 'an id: letters, digits and single hyphens' });
      }
    }
    state[f] = [...values].sort();
  }
  for (const side of ['from', 'to'] as const) {
    const v = (params.get(side) ?? '').trim();
    if (v === '') continue;
    if (isValidIsoDate(v)) state[side] = v;
    else problems.push({ param: side, value: v, allowed: 'a date YYYY, YYYY-MM or YYYY-MM-DD' });
  }
  state.q = (params.get('q') ?? '').trim();
  return { state, problems };
}

/** The canonical query string of a state, with a leading "?" or '' when nothing is filtered. */
export function toQuery(s: FilterState): string {
  const p = new URLSearchParams();
  for (const f of FACETS) for (const v of [...new Set(s[f])].sort()) p.append(f, v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  const q = s.q.trim();
  if (q) p.set('q', q);
  const str = p.toString();
  return str ? `?${str}` : '';
}

/** True when both states select the same events (same canonical URL). */
export function sameState(a: FilterState, b: FilterState): boolean {
  return toQuery(a) === toQuery(b);
}

/** A copy of the state with one facet value switched on or off. */
export function toggleValue(s: FilterState, facet: Facet, value: string, on: boolean): FilterState {
  const set = new Set(s[facet]);
  if (on) set.add(value);
  else set.delete(value);
  return { ...s, [facet]: [...set].sort() };
}
