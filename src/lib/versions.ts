/**
 * Versions of incidents and events: canonical content, its short hash, and the version id.
 *
 * Decision (issue 6): a version id is `{yyyy-mm-dd}-{hash8}`:
 * - `hash8` is the first 8 hex digits of the SHA-256 of the canonical JSON (keys sorted,
 *   `undefined` dropped, no whitespace) of everything the entry's page states as a claim:
 *   - an event: its data (the YAML file, parsed and defaulted by the schema);
 *   - an incident: its data, both narratives (MDX source, line endings normalised, trimmed) and
 *     the data of its events and reported figures — a correction to one of its events changes
 *     what the incident page says, so it makes a new incident version too.
 *   Sources and actors are referenced by id; their descriptions travel in the snapshot for display
 *   but do not make a new version.
 * - `yyyy-mm-dd` is the day of the last content change: the latest of `lastReviewed`/`updated` and
 *   the correction dates in the hashed content. It makes addresses readable and sortable; the hash
 *   alone identifies the text. When the same content is already recorded in a snapshot, that
 *   snapshot's id stays the current version (see `currentVersion` in snapshots.ts), so a new
 *   review date alone never renames a published version.
 * Pure module (node:crypto only).
 */
import { createHash } from 'node:crypto';

export type VersionKind = 'incidents' | 'events';

/** JSON with keys sorted at every level and `undefined` members dropped: one text per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : sortKeys(x)));
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** First 8 hex digits of the SHA-256 of the canonical JSON. */
export function shortHash(value: unknown): string {
  return sha256Hex(canonicalJson(value)).slice(0, 8);
}

/** Normalise an MDX narrative source for hashing and snapshots. */
export function normaliseNarrative(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim();
}

export const VERSION_PATTERN = /^(\d{4}-\d{2}-\d{2})-([0-9a-f]{8})$/;

export interface Version {
  /** `{yyyy-mm-dd}-{hash8}`. */
  id: string;
  /** Day of the last content change. */
  date: string;
  /** 8 hex digits. */
  hash: string;
}

export function makeVersion(date: string, hash: string): Version {
  const id = `${date}-${hash}`;
  if (!VERSION_PATTERN.test(id))
    throw new Error(`not a version id: ${JSON.stringify(id)} (allowed: yyyy-mm-dd-xxxxxxxx, 8 lowercase hex digits)`);
  return { id, date, hash };
}

export function parseVersion(id: string): Version | undefined {
  const m = VERSION_PATTERN.exec(id);
  return m ? { id, date: m[1]!, hash: m[2]! } : undefined;
}

/** Plain shapes, satisfied by Astro collection entries and by `readContent` entries alike. */
interface Dated {
  date: string;
}
export interface EventLike {
  id: string;
  data: { incident: string; updated?: string | undefined; corrections: readonly Dated[] } & Record<string, unknown>;
}
export interface IncidentLike {
  id: string;
  data: { lastReviewed: string; corrections: readonly Dated[] } & Record<string, unknown>;
}
export interface FigureLike {
  id: string;
  data: { incident: string } & Record<string, unknown>;
}

const latest = (dates: readonly (string | undefined)[]): string | undefined =>
  dates
    .filter((d): d is string => typeof d === 'string' && d.length > 0)
    .sort()
    .at(-1);

/** The hashed content of an event. */
export function eventContent(e: EventLike): unknown {
  return { kind: 'event', id: e.id, data: e.data };
}

/** Day of an event's last content change; falls back to its incident's last review. */
export function eventVersionDate(e: EventLike, incidentLastReviewed?: string): string {
  const d = latest([e.data.updated, ...e.data.corrections.map((c) => c.date)]) ?? incidentLastReviewed;
  if (d === undefined) throw new Error(`event ${e.id}: no date for its version (set "updated" or review its incident)`);
  return d;
}

export interface IncidentParts {
  incident: IncidentLike;
  /** Narrative MDX sources by language (absent when missing). */
  narratives: Partial<Record<'de' | 'en', string>>;
  events: readonly EventLike[];
  figures: readonly FigureLike[];
}

/** The hashed content of an incident: its data, narratives, events and figures (sorted by id). */
export function incidentContent(p: IncidentParts): unknown {
  const byId = <T extends { id: string }>(xs: readonly T[]) =>
    [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const narratives: Record<string, string> = {};
  for (const l of ['de', 'en'] as const) {
    const n = p.narratives[l];
    if (n !== undefined) narratives[l] = normaliseNarrative(n);
  }
  return {
    kind: 'incident',
    id: p.incident.id,
    data: p.incident.data,
    narratives,
    events: byId(p.events).map((e) => ({ id: e.id, data: e.data })),
    figures: byId(p.figures).map((f) => ({ id: f.id, data: f.data })),
  };
}

/** Day of an incident's last content change, over the incident and its events. */
export function incidentVersionDate(p: IncidentParts): string {
  const d = latest([
    p.incident.data.lastReviewed,
    ...p.incident.data.corrections.map((c) => c.date),
    ...p.events.flatMap((e) => [e.data.updated, ...e.data.corrections.map((c) => c.date)]),
  ]);
  return d ?? p.incident.data.lastReviewed;
}

/** The version the content has, before looking at snapshots. */
export function contentVersion(content: unknown, date: string): Version {
  return makeVersion(date, shortHash(content));
}

/** Path of a version page after the `/{lang}` prefix. */
export function versionPath(kind: VersionKind, id: string, version: string): string {
  return `/${kind}/${id}/v/${version}/`;
}
