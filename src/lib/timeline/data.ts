/**
 * The compact timeline data that the enhanced timeline loads, in two kinds of file per language:
 *
 * - `/api/v1/timeline-{lang}.json` (`TimelineJson`): everything the chart, the counts, the
 *   filters (except the text filter) and the list need, in columns (one array per field, events in
 *   chronological order), values that repeat as indices into lookup tables, date spans as day
 *   numbers. Small enough to parse and decode within a few milliseconds at 10,000 events.
 * - `/api/v1/timeline-{lang}/summaries-{year}.json` (`TimelineSummariesJson`): the summaries of
 *   the events that begin in one year — the bulk of the text, needed only for the list items
 *   shown and the text filter, so fetched when needed (the first list page's with the main file).
 *
 * `encodeTimeline` runs at build time over plain content data (no Astro), `decodeTimeline` and
 * `addSummaries` in the browser; all are pure and unit-tested together. The decoded `Timeline`
 * keeps the columns as typed arrays: filtering, counting and drawing index into them without an
 * object per event.
 */
import { compareDates, formatDate, lowerBound, upperBound, type DateLike, type Qualifier } from '../dates.ts';
import { eventSpan } from './span.ts';
import { fold } from './text.ts';

export const TIMELINE_FORMAT_VERSION = 2;

export interface TimelineIncident {
  id: string;
  title: string;
  kind: string;
  countries: string[];
}
export interface TimelineActor {
  id: string;
  name: string;
  category: string;
  country: string;
}

/** Bits of `EventColumns.flags`. */
export const FLAG = { point: 1, openStart: 2, openEnd: 4, followUp: 8, discrepancy: 16 } as const;

/** The events, one array per field, all of the same length, in chronological order. */
export interface EventColumns {
  /**
   * The id without its date part when that is `on` written out to the day (`2024-03-00-…` for
   * `on: 2024-03`: the usual form); any other id whole, after a "/".
   */
  id: string[];
  /** Index into `incidents`. */
  incident: number[];
  /** Indices into `values.type`, `values.status`, `values.confidence`. */
  type: number[];
  status: number[];
  confidence: number[];
  /** The date as in the content: `on` (YYYY, YYYY-MM or YYYY-MM-DD); `until` and `time` by position, where set. */
  on: string[];
  until: Record<number, string>;
  time: Record<number, string>;
  /** 0 for none, else 1 + index into `values.qualifier`. */
  qualifier: number[];
  title: string[];
  /**
   * First day of the date span (span.ts) in days since 1970-01-01, as the difference to the
   * previous event's first day (the first event: the day itself).
   */
  start: number[];
  /** Last day of the span minus its first day. */
  length: number[];
  /** Sum of `FLAG` bits. */
  flags: number[];
  sources: number[];
  /** Number of actors per event; their indices into `actors` follow in `actors`, event by event. */
  actorCount: number[];
  actors: number[];
}

export interface TimelinePart {
  /** The year the part's events begin in; names the file `summaries-{key}.json`. */
  key: string;
  /** Position of its first event, and the number of its events (consecutive). */
  first: number;
  count: number;
}

export interface TimelineJson {
  version: number;
  lang: string;
  incidents: TimelineIncident[];
  actors: TimelineActor[];
  /** The lists that index columns point into. */
  values: { type: string[]; status: string[]; confidence: string[]; qualifier: string[] };
  /** Display labels per list: type, status, confidence, category, country, precision, qualifier. */
  labels: Record<string, Record<string, string>>;
  /** The summary files, one per year, in order; together they cover every event once. */
  parts: TimelinePart[];
  events: EventColumns;
}

export interface TimelineSummariesJson {
  version: number;
  lang: string;
  key: string;
  first: number;
  summary: string[];
}

export interface EncodedTimeline {
  json: TimelineJson;
  summaries: TimelineSummariesJson[];
}

/** Plain content as the build sees it: the parts of incidents, actors and events used here. */
export interface EncodeInput {
  lang: 'de' | 'en';
  incidents: {
    id: string;
    title: Record<string, string>;
    kind: string;
    countries: string[];
    end?: string | undefined;
  }[];
  actors: { id: string; name: Record<string, string>; category: string; country: string }[];
  events: {
    id: string;
    incident: string;
    date: DateLike;
    type: string;
    status: string;
    confidence: string;
    title: Record<string, string>;
    summary: Record<string, string>;
    sources: number;
    actors: string[];
    discrepancy: boolean;
  }[];
  labels: TimelineJson['labels'];
}

/** Index of a value in a list that grows as values are met (vocabulary order where known). */
function interner(seed: readonly string[] = []) {
  const list = [...seed];
  const index = new Map(list.map((v, n) => [v, n]));
  return {
    list,
    of(v: string): number {
      let n = index.get(v);
      if (n === undefined) {
        n = list.push(v) - 1;
        index.set(v, n);
      }
      return n;
    },
  };
}

/** An ISO date written out to the day, unknown parts as 00: 2024 → 2024-00-00, 2024-03 → 2024-03-00. */
function dayForm(on: string): string {
  return on.length === 4 ? `${on}-00-00` : on.length === 7 ? `${on}-00` : on;
}

/** Builds the compact data of one language. Throws, naming the event, on a dangling reference. */
export function encodeTimeline(input: EncodeInput): EncodedTimeline {
  const { lang } = input;
  const incIndex = new Map(input.incidents.map((i, n) => [i.id, n]));
  const actIndex = new Map(input.actors.map((a, n) => [a.id, n]));
  const events = [...input.events].sort((a, b) => compareDates(a.date, b.date, a.id, b.id));
  const labelKeys = (k: string) => Object.keys(input.labels[k] ?? {});
  const types = interner(labelKeys('type'));
  const statuses = interner(labelKeys('status'));
  const confidences = interner(labelKeys('confidence'));
  const qualifiers = interner(['before', 'after', 'about']);
  const cols: EventColumns = {
    id: [],
    incident: [],
    type: [],
    status: [],
    confidence: [],
    on: [],
    until: {},
    time: {},
    qualifier: [],
    title: [],
    start: [],
    length: [],
    flags: [],
    sources: [],
    actorCount: [],
    actors: [],
  };
  const parts: TimelinePart[] = [];
  const summaries: TimelineSummariesJson[] = [];
  let prevStart = 0;
  events.forEach((e, pos) => {
    const inc = incIndex.get(e.incident);
    if (inc === undefined) throw new Error(`timeline: event ${e.id}: incident "${e.incident}" does not exist`);
    const actors = [...new Set(e.actors)].map((a) => {
      const n = actIndex.get(a);
      if (n === undefined) throw new Error(`timeline: event ${e.id}: actor "${a}" does not exist`);
      return n;
    });
    const end = input.incidents[inc]?.end;
    const followUp = end !== undefined && lowerBound(e.date.on) > upperBound(end);
    const span = eventSpan(e.date);
    const prefix = `${dayForm(e.date.on)}-`;
    cols.id.push(e.id.startsWith(prefix) ? e.id.slice(prefix.length) : `/${e.id}`);
    cols.incident.push(inc);
    cols.type.push(types.of(e.type));
    cols.status.push(statuses.of(e.status));
    cols.confidence.push(confidences.of(e.confidence));
    cols.on.push(e.date.on);
    if (e.date.until !== undefined) cols.until[pos] = e.date.until;
    if (e.date.time !== undefined) cols.time[pos] = e.date.time;
    cols.qualifier.push(e.date.qualifier ? qualifiers.of(e.date.qualifier) + 1 : 0);
    cols.title.push(e.title[lang] ?? '');
    cols.start.push(span.start - prevStart);
    prevStart = span.start;
    cols.length.push(span.end - span.start);
    cols.flags.push(
      (span.shape === 'point' ? FLAG.point : 0) |
        (span.openStart ? FLAG.openStart : 0) |
        (span.openEnd ? FLAG.openEnd : 0) |
        (followUp ? FLAG.followUp : 0) |
        (e.discrepancy ? FLAG.discrepancy : 0),
    );
    cols.sources.push(e.sources);
    cols.actorCount.push(actors.length);
    cols.actors.push(...actors);
    const year = e.date.on.slice(0, 4);
    let part = summaries.at(-1);
    if (!part || part.key !== year) {
      part = { version: TIMELINE_FORMAT_VERSION, lang, key: year, first: pos, summary: [] };
      summaries.push(part);
      parts.push({ key: year, first: pos, count: 0 });
    }
    part.summary.push(e.summary[lang] ?? '');
    parts.at(-1)!.count++;
  });
  return {
    json: {
      version: TIMELINE_FORMAT_VERSION,
      lang,
      incidents: input.incidents.map((i) => ({
        id: i.id,
        title: i.title[lang] ?? i.id,
        kind: i.kind,
        countries: [...i.countries],
      })),
      actors: input.actors.map((a) => ({
        id: a.id,
        name: a.name[lang] ?? a.id,
        category: a.category,
        country: a.country,
      })),
      values: {
        type: types.list,
        status: statuses.list,
        confidence: confidences.list,
        qualifier: qualifiers.list,
      },
      labels: input.labels,
      parts,
      events: cols,
    },
    summaries,
  };
}

/**
 * The values of one filter facet per event, as indices into `values`: event i has
 * `list[start[i]]` … `list[start[i + 1] - 1]` (each without duplicates).
 */
export interface FacetColumn {
  values: string[];
  start: Int32Array;
  list: Int32Array;
}

/** The decoded timeline: columns as typed arrays, position = chronological order. */
export interface Timeline {
  lang: string;
  /** Number of events. */
  n: number;
  incidents: TimelineIncident[];
  actors: TimelineActor[];
  values: TimelineJson['values'];
  labels: TimelineJson['labels'];
  parts: (TimelinePart & { loaded: boolean })[];
  ids: string[];
  incident: Int32Array;
  type: Int32Array;
  status: Int32Array;
  confidence: Int32Array;
  on: string[];
  until: Record<number, string>;
  time: Record<number, string>;
  qualifier: Int32Array;
  title: string[];
  /** The date in words, made when first needed (see `dateTextOf`). */
  dateText: (string | undefined)[];
  /** Date span (span.ts), first and last day inclusive. */
  start: Int32Array;
  end: Int32Array;
  flags: Int32Array;
  sources: Int32Array;
  /** Per facet, in the order of FACETS in state.ts: incident, type, status, actor, category, country. */
  facets: FacetColumn[];
  /** Filled by `addSummaries`, part by part. */
  summary: (string | undefined)[];
  /** Folded title and summary for the text filter, filled on first need (see `searchText`). */
  folded: (string | undefined)[];
}

/** One event as the list shows it (made for the few shown, never in the hot paths). */
export interface TimelineEvent {
  index: number;
  id: string;
  incident: TimelineIncident | undefined;
  type: string;
  status: string;
  confidence: string;
  date: DateLike;
  dateText: string;
  title: string;
  /** undefined until its part is loaded. */
  summary: string | undefined;
  sources: number;
  actors: string[];
  start: number;
  end: number;
  point: boolean;
  openStart: boolean;
  openEnd: boolean;
  followUp: boolean;
  discrepancy: boolean;
}

function checkVersion(what: string, version: number) {
  if (version !== TIMELINE_FORMAT_VERSION) {
    throw new Error(`${what}: format version ${String(version)}, expected ${TIMELINE_FORMAT_VERSION}`);
  }
}

/**
 * Per event, the indices of the values of a derived facet (from its actors and incident),
 * without duplicates and without an allocation per event.
 */
function derivedFacet(
  n: number,
  values: string[],
  actorStart: Int32Array,
  actorList: Int32Array,
  ofActor: Int32Array,
  incident: Int32Array,
  ofIncident: Int32Array[] | undefined,
): FacetColumn {
  const start = new Int32Array(n + 1);
  let list = new Int32Array(actorList.length + n);
  const seen = new Int32Array(values.length).fill(-1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    start[i] = k;
    const extra = ofIncident?.[incident[i]!];
    const need = k + actorStart[i + 1]! - actorStart[i]! + (extra?.length ?? 0);
    if (need > list.length) {
      const grown = new Int32Array(Math.max(need, list.length * 2));
      grown.set(list);
      list = grown;
    }
    for (let a = actorStart[i]!; a < actorStart[i + 1]!; a++) {
      const v = ofActor[actorList[a]!]!;
      if (seen[v] !== i) {
        seen[v] = i;
        list[k++] = v;
      }
    }
    if (extra)
      for (const v of extra) {
        if (seen[v] !== i) {
          seen[v] = i;
          list[k++] = v;
        }
      }
  }
  start[n] = k;
  return { values, start, list: list.subarray(0, k) };
}

/** Reads the compact data back. Throws on an unknown format version. */
export function decodeTimeline(json: TimelineJson): Timeline {
  checkVersion('timeline data', json.version);
  const e = json.events;
  const n = e.id.length;
  const ids = e.id.map((id, i) => (id.startsWith('/') ? id.slice(1) : `${dayForm(e.on[i]!)}-${id}`));
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  let day = 0;
  for (let i = 0; i < n; i++) {
    day += e.start[i]!;
    start[i] = day;
    end[i] = day + e.length[i]!;
  }
  // A facet with one value per event: event i's value is list[i] (one `start` for all three).
  const identity = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) identity[i] = i;
  const single = (values: string[], col: number[]): FacetColumn => ({
    values,
    start: identity,
    list: Int32Array.from(col),
  });
  const actorStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) actorStart[i + 1] = actorStart[i]! + e.actorCount[i]!;
  const actorList = Int32Array.from(e.actors);
  const incidentFacet = single(
    json.incidents.map((i) => i.id),
    e.incident,
  );
  const incident = incidentFacet.list;
  // Categories come from the actors; countries from the actors and the incident (see filter.ts).
  const categories: string[] = [];
  const countries: string[] = [];
  const intern = (list: string[], index: Map<string, number>, v: string) => {
    let k = index.get(v);
    if (k === undefined) index.set(v, (k = list.push(v) - 1));
    return k;
  };
  const catIndex = new Map<string, number>();
  const ctryIndex = new Map<string, number>();
  const catOfActor = Int32Array.from(json.actors, (a) => intern(categories, catIndex, a.category));
  const ctryOfActor = Int32Array.from(json.actors, (a) => intern(countries, ctryIndex, a.country));
  const ctryOfIncident = json.incidents.map((inc) =>
    Int32Array.from(inc.countries, (c) => intern(countries, ctryIndex, c)),
  );
  const facets: FacetColumn[] = [
    incidentFacet,
    single(json.values.type, e.type),
    single(json.values.status, e.status),
    {
      values: json.actors.map((a) => a.id),
      start: actorStart,
      list: actorList,
    },
    derivedFacet(n, categories, actorStart, actorList, catOfActor, incident, undefined),
    derivedFacet(n, countries, actorStart, actorList, ctryOfActor, incident, ctryOfIncident),
  ];
  return {
    lang: json.lang,
    n,
    incidents: json.incidents,
    actors: json.actors,
    values: json.values,
    labels: json.labels,
    parts: json.parts.map((p) => ({ ...p, loaded: false })),
    ids,
    incident,
    type: facets[1]!.list,
    status: facets[2]!.list,
    confidence: Int32Array.from(e.confidence),
    on: e.on,
    until: e.until,
    time: e.time,
    qualifier: Int32Array.from(e.qualifier),
    title: e.title,
    dateText: new Array<string | undefined>(n),
    start,
    end,
    flags: Int32Array.from(e.flags),
    sources: Int32Array.from(e.sources),
    facets,
    summary: new Array<string | undefined>(n),
    folded: new Array<string | undefined>(n),
  };
}

/** Adds the summaries of one part. Throws when the file does not belong to this data. */
export function addSummaries(tl: Timeline, json: TimelineSummariesJson): void {
  checkVersion('timeline summaries', json.version);
  const part = tl.parts.find((p) => p.key === json.key);
  if (!part || json.lang !== tl.lang || json.first !== part.first || json.summary.length !== part.count) {
    throw new Error(`timeline summaries ${json.lang}/${json.key}: do not match the timeline data`);
  }
  for (let k = 0; k < json.summary.length; k++) tl.summary[part.first + k] = json.summary[k];
  part.loaded = true;
}

/** The part holding event i's summary. */
export function partOf(tl: Timeline, i: number): TimelinePart & { loaded: boolean } {
  let lo = 0;
  let hi = tl.parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tl.parts[mid]!.first <= i) lo = mid;
    else hi = mid - 1;
  }
  return tl.parts[lo]!;
}

/** The folded text of event i for the `q` filter, computed once; its summary must be loaded. */
export function searchText(tl: Timeline, i: number): string {
  let t = tl.folded[i];
  if (t === undefined) {
    const summary = tl.summary[i];
    if (summary === undefined) throw new Error(`timeline: the summary of ${tl.ids[i] ?? i} is not loaded`);
    t = tl.folded[i] = fold(`${tl.title[i]} ${summary}`);
  }
  return t;
}

/** Position of an event by id, or -1. */
export function indexOfId(tl: Timeline, id: string): number {
  return tl.ids.indexOf(id);
}

/** The date of event i as in the content. */
export function dateOf(tl: Timeline, i: number): DateLike {
  const date: DateLike = { on: tl.on[i]! };
  const until = tl.until[i];
  if (until !== undefined) date.until = until;
  const q = tl.qualifier[i]!;
  if (q > 0) date.qualifier = tl.values.qualifier[q - 1] as Qualifier;
  const time = tl.time[i];
  if (time !== undefined) date.time = time;
  return date;
}

/** The date of event i in words (as on the event's page), made once. */
export function dateTextOf(tl: Timeline, i: number): string {
  return (tl.dateText[i] ??= formatDate(dateOf(tl, i), tl.lang));
}

/** Event i as one object, for display. */
export function eventAt(tl: Timeline, i: number): TimelineEvent {
  const date = dateOf(tl, i);
  const f = tl.flags[i]!;
  const actors = tl.facets[3]!;
  const acts: string[] = [];
  for (let a = actors.start[i]!; a < actors.start[i + 1]!; a++) acts.push(actors.values[actors.list[a]!]!);
  return {
    index: i,
    id: tl.ids[i]!,
    incident: tl.incidents[tl.incident[i]!],
    type: tl.values.type[tl.type[i]!]!,
    status: tl.values.status[tl.status[i]!]!,
    confidence: tl.values.confidence[tl.confidence[i]!]!,
    date,
    dateText: dateTextOf(tl, i),
    title: tl.title[i]!,
    summary: tl.summary[i],
    sources: tl.sources[i]!,
    actors: acts,
    start: tl.start[i]!,
    end: tl.end[i]!,
    point: (f & FLAG.point) !== 0,
    openStart: (f & FLAG.openStart) !== 0,
    openEnd: (f & FLAG.openEnd) !== 0,
    followUp: (f & FLAG.followUp) !== 0,
    discrepancy: (f & FLAG.discrepancy) !== 0,
  };
}

/** The values of facet k (FACETS order) of event i. */
export function facetValuesOf(tl: Timeline, k: number, i: number): string[] {
  const f = tl.facets[k]!;
  const out: string[] = [];
  for (let a = f.start[i]!; a < f.start[i + 1]!; a++) out.push(f.values[f.list[a]!]!);
  return out;
}
