/**
 * The one module of queries: every collection read once, sorted and memoised. Pages never call
 * getCollection themselves (per-page reads are a known build bottleneck, withastro/astro#16297).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareDates, lowerBound, upperBound } from './lib/dates.ts';
import { CONTENT_DIR_SETTING } from './lib/settings.ts';
import type { Lang } from './lib/settings.ts';

export type IncidentEntry = CollectionEntry<'incidents'>;
export type EventEntry = CollectionEntry<'events'>;
export type SourceEntry = CollectionEntry<'sources'>;
export type ActorEntry = CollectionEntry<'actors'>;
export type FigureEntry = CollectionEntry<'figures'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;
export type NarrativeEntry = CollectionEntry<'narratives'>;
export type AboutEntry = CollectionEntry<'about'>;

function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Incidents: real incidents by start date, then context entries. */
export const incidents = memo(async () =>
  (await getCollection('incidents')).sort((a, b) => {
    if (a.data.kind !== b.data.kind) return a.data.kind === 'incident' ? -1 : 1;
    const d = lowerBound(a.data.period.start).localeCompare(lowerBound(b.data.period.start));
    return d !== 0 ? d : byId(a, b);
  }),
);
export const events = memo(async () =>
  (await getCollection('events')).sort((a, b) => compareDates(a.data.date, b.data.date, a.id, b.id)),
);
export const sources = memo(async () => (await getCollection('sources')).sort(byId));
export const actors = memo(async () => (await getCollection('actors')).sort(byId));
export const figures = memo(async () => (await getCollection('figures')).sort(byId));
export const glossary = memo(async () =>
  (await getCollection('glossary')).sort((a, b) => a.data.term.de.localeCompare(b.data.term.de, 'de')),
);
export const narratives = memo(async () => (await getCollection('narratives')).sort(byId));
export const aboutPages = memo(async () => (await getCollection('about')).sort(byId));

const index = <T extends { id: string }>(get: () => Promise<T[]>) =>
  memo(async () => new Map((await get()).map((e) => [e.id, e] as const)));
const incidentMap = index(incidents);
const eventMap = index(events);
const sourceMap = index(sources);
const actorMap = index(actors);

export const incidentById = async (id: string) => (await incidentMap()).get(id);
export const eventById = async (id: string) => (await eventMap()).get(id);
export const sourceById = async (id: string) => (await sourceMap()).get(id);
export const actorById = async (id: string) => (await actorMap()).get(id);

const eventsByIncident = memo(async () => {
  const m = new Map<string, EventEntry[]>();
  for (const e of await events()) m.set(e.data.incident, [...(m.get(e.data.incident) ?? []), e]);
  return m;
});
export const eventsOf = async (incidentId: string) => (await eventsByIncident()).get(incidentId) ?? [];
export const figuresOf = async (incidentId: string) => (await figures()).filter((f) => f.data.incident === incidentId);

/** Ids of every source an event cites (main and discrepancy sources). */
export function sourceIdsOf(e: EventEntry): string[] {
  return [...new Set([...e.data.sources, ...(e.data.discrepancy?.sources ?? [])].map((s) => s.source))];
}

const citingEvents = memo(async () => {
  const m = new Map<string, EventEntry[]>();
  for (const e of await events()) for (const s of sourceIdsOf(e)) m.set(s, [...(m.get(s) ?? []), e]);
  return m;
});
export const eventsCiting = async (sourceId: string) => (await citingEvents()).get(sourceId) ?? [];

const actorEvents = memo(async () => {
  const m = new Map<string, EventEntry[]>();
  for (const e of await events())
    for (const a of new Set(e.data.actors.map((x) => x.actor))) m.set(a, [...(m.get(a) ?? []), e]);
  return m;
});
export const eventsWithActor = async (actorId: string) => (await actorEvents()).get(actorId) ?? [];

export async function narrativeOf(incidentId: string, lang: Lang) {
  return (await narratives()).find((n) => n.id === `${incidentId}/${lang}`);
}

/** Day of the last content change of an event. */
export async function eventLastChange(e: EventEntry): Promise<string> {
  const inc = await incidentById(e.data.incident);
  const dates = [e.data.updated, inc?.data.lastReviewed, ...e.data.corrections.map((c) => c.date)].filter(
    (x): x is string => !!x,
  );
  return dates.sort().at(-1) ?? '';
}
export function incidentLastChange(i: IncidentEntry): string {
  return [i.data.lastReviewed, ...i.data.corrections.map((c) => c.date)].sort().at(-1) ?? i.data.lastReviewed;
}
export function sourceLastChange(s: SourceEntry): string {
  return s.data.retrieved ?? '';
}
/** Latest change over the whole register. */
export const registerLastChange = memo(async () => {
  const all = [...(await incidents()).map(incidentLastChange), ...(await events()).map((e) => e.data.updated ?? '')];
  return all.filter(Boolean).sort().at(-1) ?? '';
});

/** True when an event lies after its incident's end (a follow-up). */
export async function isFollowUp(e: EventEntry): Promise<boolean> {
  const inc = await incidentById(e.data.incident);
  const end = inc?.data.period.end;
  return end !== undefined && lowerBound(e.data.date.on) > upperBound(end);
}

/** Repository path of an entry's file, for edit links. */
export function repoFile(
  kind: 'incidents' | 'events' | 'sources' | 'actors' | 'figures' | 'glossary' | 'narratives' | 'about',
  id: string,
): string {
  const base = CONTENT_DIR_SETTING.replace(/\/+$/, '');
  switch (kind) {
    case 'incidents':
      return `${base}/incidents/${id}/incident.yaml`;
    case 'narratives':
    case 'about':
      return `${base}/${kind === 'narratives' ? 'incidents' : 'about'}/${id}.mdx`;
    default:
      return `${base}/${kind}/${id}.yaml`;
  }
}
