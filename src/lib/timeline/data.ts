/**
 * The compact timeline data (`/api/v1/timeline-{lang}.json`) that the enhanced timeline loads:
 * one language, events as rows of a fixed column order (`columns`), the lookup tables once.
 * `encodeTimeline` runs at build time over plain content data (no Astro), `decodeTimeline` in
 * the browser; both are pure and unit-tested together.
 */
import { compareDates, formatDate, lowerBound, upperBound, type DateLike, type Qualifier } from '../dates.ts';
import { eventSpan, type DaySpan } from './span.ts';
import { fold } from './text.ts';

export const TIMELINE_FORMAT_VERSION = 1;

/** Column order of an event row. */
export const COLUMNS = [
  'id',
  'incident',
  'type',
  'status',
  'confidence',
  'on',
  'until',
  'qualifier',
  'time',
  'dateText',
  'title',
  'summary',
  'sources',
  'actors',
  'followUp',
  'discrepancy',
] as const;

export type EventRow = [
  id: string,
  incident: number,
  type: string,
  status: string,
  confidence: string,
  on: string,
  until: string,
  qualifier: string,
  time: string,
  dateText: string,
  title: string,
  summary: string,
  sources: number,
  actors: number[],
  followUp: 0 | 1,
  discrepancy: 0 | 1,
];

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

export interface TimelineJson {
  version: number;
  lang: string;
  columns: readonly string[];
  incidents: TimelineIncident[];
  actors: TimelineActor[];
  /** Display labels per list: type, status, confidence, category, country, precision. */
  labels: Record<string, Record<string, string>>;
  events: EventRow[];
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

/** Builds the compact data of one language. Throws, naming the event, on a dangling reference. */
export function encodeTimeline(input: EncodeInput): TimelineJson {
  const { lang } = input;
  const incIndex = new Map(input.incidents.map((i, n) => [i.id, n]));
  const actIndex = new Map(input.actors.map((a, n) => [a.id, n]));
  const events = [...input.events].sort((a, b) => compareDates(a.date, b.date, a.id, b.id));
  const rows = events.map((e): EventRow => {
    const inc = incIndex.get(e.incident);
    if (inc === undefined) throw new Error(`timeline: event ${e.id}: incident "${e.incident}" does not exist`);
    const actors = [...new Set(e.actors)].map((a) => {
      const n = actIndex.get(a);
      if (n === undefined) throw new Error(`timeline: event ${e.id}: actor "${a}" does not exist`);
      return n;
    });
    const end = input.incidents[inc]?.end;
    const followUp = end !== undefined && lowerBound(e.date.on) > upperBound(end);
    return [
      e.id,
      inc,
      e.type,
      e.status,
      e.confidence,
      e.date.on,
      e.date.until ?? '',
      e.date.qualifier ?? '',
      e.date.time ?? '',
      formatDate(e.date, lang),
      e.title[lang] ?? '',
      e.summary[lang] ?? '',
      e.sources,
      actors,
      followUp ? 1 : 0,
      e.discrepancy ? 1 : 0,
    ];
  });
  return {
    version: TIMELINE_FORMAT_VERSION,
    lang,
    columns: COLUMNS,
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
    labels: input.labels,
    events: rows,
  };
}

/** One event as the browser uses it. */
export interface TimelineRecord extends DaySpan {
  /** Position in chronological order (0-based). */
  index: number;
  id: string;
  incident: string;
  incidentIndex: number;
  type: string;
  status: string;
  confidence: string;
  date: DateLike;
  dateText: string;
  title: string;
  summary: string;
  sources: number;
  actors: string[];
  /** Categories of the event's actors. */
  categories: string[];
  /** Countries of the event's actors and of its incident (see filter.ts). */
  countries: string[];
  followUp: boolean;
  discrepancy: boolean;
  /** Values per filter facet, in the order of FACETS in state.ts (each without duplicates). */
  facets: readonly (readonly string[])[];
  /** Folded title and summary, for the text filter; filled on first need (see `searchText`). */
  text?: string;
}

export interface Timeline {
  lang: string;
  incidents: TimelineIncident[];
  actors: TimelineActor[];
  labels: TimelineJson['labels'];
  records: TimelineRecord[];
}

/**
 * The folded text of a record for the `q` filter, computed once. Folding 10,000 summaries takes
 * longer than the budget for becoming interactive, so it is not done while decoding; the page
 * folds in idle time, and a text filter that comes first folds on demand.
 */
export function searchText(r: TimelineRecord): string {
  return (r.text ??= fold(`${r.title} ${r.summary}`));
}

/** Reads the compact data back into records. Throws on an unknown format version. */
export function decodeTimeline(json: TimelineJson): Timeline {
  if (json.version !== TIMELINE_FORMAT_VERSION) {
    throw new Error(`timeline data: format version ${String(json.version)}, expected ${TIMELINE_FORMAT_VERSION}`);
  }
  const records = json.events.map((row, index): TimelineRecord => {
    const [
      id,
      inc,
      type,
      status,
      confidence,
      on,
      until,
      qualifier,
      time,
      dateText,
      title,
      summary,
      sources,
      actorIdx,
      followUp,
      discrepancy,
    ] = row;
    const date: DateLike = { on };
    if (until) date.until = until;
    if (qualifier) date.qualifier = qualifier as Qualifier;
    if (time) date.time = time;
    const incident = json.incidents[inc];
    const acts = actorIdx.map((n) => json.actors[n]).filter((a): a is TimelineActor => a !== undefined);
    const incidentId = incident?.id ?? '';
    const actors = acts.map((a) => a.id);
    const categories = [...new Set(acts.map((a) => a.category))];
    const countries = [...new Set([...acts.map((a) => a.country), ...(incident?.countries ?? [])])];
    const span = eventSpan(date);
    return {
      start: span.start,
      end: span.end,
      shape: span.shape,
      openStart: span.openStart,
      openEnd: span.openEnd,
      index,
      id,
      incident: incidentId,
      incidentIndex: inc,
      type,
      status,
      confidence,
      date,
      dateText,
      title,
      summary,
      sources,
      actors,
      categories,
      countries,
      // FACETS order: incident, type, status, actor, category, country.
      facets: [[incidentId], [type], [status], actors, categories, countries],
      followUp: followUp === 1,
      discrepancy: discrepancy === 1,
    };
  });
  return { lang: json.lang, incidents: json.incidents, actors: json.actors, labels: json.labels, records };
}
