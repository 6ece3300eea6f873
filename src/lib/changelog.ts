/**
 * The one change log of the register: every dated correction, update and withdrawal recorded on
 * incidents and events, newest first, each pointing at the entry it changed. The corrections
 * page, the entry pages, the feeds and the citation version histories all read it from here.
 * Pure: input is plain arrays of `{ id, data }` (Astro entries or `readContent` entries alike).
 */

export type ChangeKind = 'correction' | 'update' | 'withdrawal';
export type TargetKind = 'incident' | 'event';

export interface Bilingual {
  de: string;
  en: string;
}

export interface ChangeSourceRef {
  source: string;
  locator?: string | undefined;
}

/** A correction as stored on an entry (see `correction` in schemas.ts). */
export interface CorrectionInput {
  date: string;
  what: Bilingual;
  why: Bilingual;
  kind?: ChangeKind | undefined;
  sources?: readonly ChangeSourceRef[] | undefined;
}

interface WithCorrections {
  title: Bilingual;
  corrections?: readonly CorrectionInput[] | undefined;
}

export interface ChangelogInput {
  incidents?: readonly { id: string; data: WithCorrections }[] | undefined;
  events?: readonly { id: string; data: WithCorrections & { incident?: string | undefined } }[] | undefined;
}

export interface ChangeEntry {
  /** Day the change was published (YYYY-MM-DD). */
  date: string;
  kind: ChangeKind;
  what: Bilingual;
  why: Bilingual;
  sources: ChangeSourceRef[];
  /** The entry that changed. */
  target: { kind: TargetKind; id: string };
  /** Title of the entry that changed, for link text. */
  title: Bilingual;
  /** For an event: the incident it belongs to. */
  incident?: string | undefined;
  /** Path of the entry's page after the `/{lang}` prefix, e.g. `/events/2024-03-01-x/`. */
  path: string;
  /** Position of the change in the entry's own list, from 1 (oldest first, as stored). */
  n: number;
  /** Fragment id of this change, unique on any page: `correction-{kind}-{id}-{n}`. */
  anchor: string;
  /** Stable id of the change across the whole log: `{kind}:{id}:{n}`. */
  key: string;
}

const PATH: Record<TargetKind, string> = { incident: 'incidents', event: 'events' };

/** Newest first; on the same day incidents before events, then by id, then by position. */
function compare(a: ChangeEntry, b: ChangeEntry): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.target.kind !== b.target.kind) return a.target.kind === 'incident' ? -1 : 1;
  if (a.target.id !== b.target.id) return a.target.id < b.target.id ? -1 : 1;
  return b.n - a.n;
}

function entriesOf(
  kind: TargetKind,
  id: string,
  data: WithCorrections & { incident?: string | undefined },
): ChangeEntry[] {
  return (data.corrections ?? []).map((c, i) => ({
    date: c.date,
    kind: c.kind ?? 'correction',
    what: { de: c.what.de, en: c.what.en },
    why: { de: c.why.de, en: c.why.en },
    sources: (c.sources ?? []).map((s) =>
      s.locator !== undefined ? { source: s.source, locator: s.locator } : { source: s.source },
    ),
    target: { kind, id },
    title: { de: data.title.de, en: data.title.en },
    incident: kind === 'event' ? data.incident : undefined,
    path: `/${PATH[kind]}/${id}/`,
    n: i + 1,
    anchor: `correction-${kind}-${id}-${i + 1}`,
    key: `${kind}:${id}:${i + 1}`,
  }));
}

/** Every change of incidents and events, newest first. */
export function changelog(content: ChangelogInput): ChangeEntry[] {
  const out: ChangeEntry[] = [];
  for (const i of content.incidents ?? []) out.push(...entriesOf('incident', i.id, i.data));
  for (const e of content.events ?? []) out.push(...entriesOf('event', e.id, e.data));
  return out.sort(compare);
}

/**
 * The changes of one entry, newest first. Pass the content (or a log already built with
 * `changelog`, to avoid rebuilding it per page).
 */
export function changesOf(from: ChangelogInput | readonly ChangeEntry[], kind: TargetKind, id: string): ChangeEntry[] {
  const log = Array.isArray(from) ? (from as readonly ChangeEntry[]) : changelog(from as ChangelogInput);
  return log.filter((c) => c.target.kind === kind && c.target.id === id);
}

/** The day of the latest change in a log, if any (for feeds and "last changed" lines). */
export function latestChange(log: readonly ChangeEntry[]): string | undefined {
  return log[0]?.date;
}
