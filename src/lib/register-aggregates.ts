/**
 * Data prep for the register charts: pure functions over plain arrays of `{ id, data }` entries
 * (from `readContent` or Astro collections). No Astro imports, no getCollection.
 */
import type { ActorData, EventData, FigureData, Incident, SourceData } from './schemas.ts';
import { compareDates, lowerBound, precisionOf, upperBound, type Precision } from './dates.ts';
import { ACTOR_CATEGORIES, COUNTRIES, SOURCE_KINDS, SOURCE_LANGUAGES, type EventType } from './vocab.ts';

export interface Item<T> {
  id: string;
  data: T;
}

export interface RegisterInput {
  incidents: readonly Item<Incident>[];
  events: readonly Item<EventData>[];
  sources: readonly Item<SourceData>[];
  actors: readonly Item<ActorData>[];
  figures: readonly Item<FigureData>[];
}

/** Latest day any incident, event or correction of the register was reviewed or changed. */
export function registerAsOf(input: Pick<RegisterInput, 'incidents' | 'events'>): string {
  const days: string[] = [];
  for (const i of input.incidents) days.push(i.data.lastReviewed, ...i.data.corrections.map((c) => c.date));
  for (const e of input.events) {
    if (e.data.updated) days.push(e.data.updated);
    days.push(...e.data.corrections.map((c) => c.date));
  }
  return days.sort().at(-1) ?? '';
}

const monthsBetween = (first: string, last: string): string[] => {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    out.push(s);
    if (s >= last) return out;
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
};

export interface EventsPerMonth {
  /** Every month from the first to the last dated event. */
  months: string[];
  /** One series per incident (in the order given), counts per month. */
  series: { incident: string; counts: number[] }[];
  /** Events dated only to the year (or to a range across months): not placed in a month, counted here. */
  unplaced: { incident: string; count: number }[];
}

/**
 * Events per month, by incident. An event counts in its month when its date (or range) lies in
 * one month; coarser dates are not spread over months but counted as unplaced.
 */
export function eventsPerMonth(events: readonly Item<EventData>[], incidentIds: readonly string[]): EventsPerMonth {
  const placed = new Map<string, Map<string, number>>();
  const unplaced = new Map<string, number>();
  const ids = new Set(incidentIds);
  const all: string[] = [];
  for (const e of events) {
    if (!ids.has(e.data.incident)) continue;
    const start = lowerBound(e.data.date.on).slice(0, 7);
    const end = upperBound(e.data.date.until ?? e.data.date.on).slice(0, 7);
    if (precisionOf(e.data.date.on) === 'year' || start !== end) {
      unplaced.set(e.data.incident, (unplaced.get(e.data.incident) ?? 0) + 1);
      continue;
    }
    const m = placed.get(e.data.incident) ?? new Map<string, number>();
    m.set(start, (m.get(start) ?? 0) + 1);
    placed.set(e.data.incident, m);
    all.push(start);
  }
  all.sort();
  const months = all.length ? monthsBetween(all[0]!, all.at(-1)!) : [];
  return {
    months,
    series: incidentIds
      .filter((id) => placed.has(id))
      .map((incident) => ({ incident, counts: months.map((mo) => placed.get(incident)!.get(mo) ?? 0) })),
    unplaced: incidentIds
      .filter((id) => unplaced.has(id))
      .map((incident) => ({ incident, count: unplaced.get(incident)! })),
  };
}

export interface CrossTable {
  rows: string[];
  cols: string[];
  counts: number[][];
  total: number;
}

/** Keep only rows and columns with a non-zero count, in the order of the closed lists. */
function compact(
  rowsAll: readonly string[],
  colsAll: readonly string[],
  get: (r: string, c: string) => number,
): CrossTable {
  const rows = rowsAll.filter((r) => colsAll.some((c) => get(r, c) > 0));
  const cols = colsAll.filter((c) => rowsAll.some((r) => get(r, c) > 0));
  const counts = rows.map((r) => cols.map((c) => get(r, c)));
  return { rows, cols, counts, total: counts.flat().reduce((a, b) => a + b, 0) };
}

/**
 * Affected institutions of one incident by actor category × country: distinct actors named with
 * role `affected` in any of the incident's events (retracted events excluded).
 */
export function affectedByCategoryCountry(
  events: readonly Item<EventData>[],
  actors: readonly Item<ActorData>[],
  incidentId: string,
): CrossTable & { actorIds: string[] } {
  const byId = new Map(actors.map((a) => [a.id, a.data]));
  const ids = new Set<string>();
  for (const e of events) {
    if (e.data.incident !== incidentId || e.data.status === 'retracted') continue;
    for (const a of e.data.actors) if (a.role === 'affected' && byId.has(a.actor)) ids.add(a.actor);
  }
  const n = new Map<string, number>();
  for (const id of ids) {
    const a = byId.get(id)!;
    const key = `${a.category}|${a.country}`;
    n.set(key, (n.get(key) ?? 0) + 1);
  }
  return { ...compact(ACTOR_CATEGORIES, COUNTRIES, (r, c) => n.get(`${r}|${c}`) ?? 0), actorIds: [...ids].sort() };
}

/** Sources by kind × language (both closed lists; empty rows and columns left out). */
export function sourcesByKindLanguage(sources: readonly Item<SourceData>[]): CrossTable {
  const n = new Map<string, number>();
  for (const s of sources) {
    const key = `${s.data.kind}|${s.data.language}`;
    n.set(key, (n.get(key) ?? 0) + 1);
  }
  return compact(SOURCE_KINDS, SOURCE_LANGUAGES, (r, c) => n.get(`${r}|${c}`) ?? 0);
}

/** The milestones, each defined by the event types whose first event marks it. */
export const MILESTONES = {
  disclosure: ['disclosure', 'media-report'],
  statement: ['official-statement', 'letter-to-parliament'],
  fix: ['fix'],
} as const satisfies Record<string, readonly EventType[]>;
export type MilestoneKey = keyof typeof MILESTONES;

export interface Milestone {
  event: string;
  /** ISO date as recorded (its form is its precision). */
  on: string;
  precision: Precision;
  /** First and last day the date can stand for. */
  first: string;
  last: string;
}

/** Days from one milestone to another: a single number when both are known to the day, else a range. */
export interface DayInterval {
  min: number;
  max: number;
  /** True when both dates are known to the day (min = max). */
  exact: boolean;
}

export interface IncidentMilestones {
  incident: string;
  disclosure: Milestone | null;
  statement: Milestone | null;
  fix: Milestone | null;
  /** Disclosure → first official statement; null when either milestone does not apply. */
  toStatement: DayInterval | null;
  /** Disclosure → fix; negative when the fix came first; null when either does not apply. */
  toFix: DayInterval | null;
}

const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Days between two milestones, honest about precision: the range of every day each date can mean. */
export function daysBetween(a: Milestone, b: Milestone): DayInterval {
  const min = dayNumber(b.first) - dayNumber(a.last);
  const max = dayNumber(b.last) - dayNumber(a.first);
  return { min, max, exact: min === max };
}

/**
 * Milestones of each incident: the first event (by date) of each milestone's types, retracted
 * events excluded. A milestone without such an event does not apply (null).
 */
export function incidentMilestones(
  events: readonly Item<EventData>[],
  incidentIds: readonly string[],
): IncidentMilestones[] {
  return incidentIds.map((incident) => {
    const own = events
      .filter((e) => e.data.incident === incident && e.data.status !== 'retracted')
      .sort((a, b) => compareDates(a.data.date, b.data.date, a.id, b.id));
    const first = (key: MilestoneKey): Milestone | null => {
      const e = own.find((x) => (MILESTONES[key] as readonly string[]).includes(x.data.type));
      if (!e) return null;
      const d = e.data.date;
      return {
        event: e.id,
        on: d.on,
        precision: precisionOf(d.on),
        first: lowerBound(d.on),
        last: upperBound(d.until ?? d.on),
      };
    };
    const disclosure = first('disclosure');
    const statement = first('statement');
    const fix = first('fix');
    return {
      incident,
      disclosure,
      statement,
      fix,
      toStatement: disclosure && statement ? daysBetween(disclosure, statement) : null,
      toFix: disclosure && fix ? daysBetween(disclosure, fix) : null,
    };
  });
}

/** Reported figures of one incident (or all), grouped by what they count, in a stable order. */
export function figuresByMeasure(
  figures: readonly Item<FigureData>[],
  incidentId?: string,
): { measure: FigureData['measure']; figures: Item<FigureData>[] }[] {
  const own = figures.filter((f) => incidentId === undefined || f.data.incident === incidentId);
  const measures = [...new Set(own.map((f) => f.data.measure))].sort();
  return measures.map((measure) => ({
    measure,
    figures: own.filter((f) => f.data.measure === measure).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }));
}
