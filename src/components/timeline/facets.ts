/**
 * The values each filter group offers, with labels and total counts, ordered for reading:
 * incidents in register order, closed lists in vocabulary order, actors and the rest by label.
 */
import { CLAIM_STATUSES, EVENT_TYPES } from '../../lib/vocab.ts';
import type { Timeline } from '../../lib/timeline/data.ts';
import type { FacetCounts } from '../../lib/timeline/filter.ts';
import type { Facet } from '../../lib/timeline/state.ts';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export function facetOptions(tl: Timeline, counts: FacetCounts, lang: string): Record<Facet, FacetOption[]> {
  const coll = new Intl.Collator(lang);
  const opt = (facet: Facet, label: (v: string) => string) =>
    [...counts[facet].entries()].map(([value, count]) => ({ value, label: label(value), count }));
  const byLabel = (a: FacetOption, b: FacetOption) => coll.compare(a.label, b.label) || (a.value < b.value ? -1 : 1);
  const byList = (list: readonly string[]) => (a: FacetOption, b: FacetOption) =>
    list.indexOf(a.value) - list.indexOf(b.value);
  const incOrder = tl.incidents.map((i) => i.id);
  const actorName = new Map(tl.actors.map((a) => [a.id, a.name]));
  const incTitle = new Map(tl.incidents.map((i) => [i.id, i.title]));
  const l = (list: string) => (v: string) => tl.labels[list]?.[v] ?? v;
  return {
    incident: opt('incident', (v) => incTitle.get(v) ?? v).sort(byList(incOrder)),
    type: opt('type', l('type')).sort(byList(EVENT_TYPES)),
    status: opt('status', l('status')).sort(byList(CLAIM_STATUSES)),
    actor: opt('actor', (v) => actorName.get(v) ?? v).sort(byLabel),
    category: opt('category', l('category')).sort(byLabel),
    country: opt('country', l('country')).sort(byLabel),
  };
}
