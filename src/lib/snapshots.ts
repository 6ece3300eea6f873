/**
 * Snapshots: the committed record of every published version of an incident or event, so a cited
 * version address keeps showing the text as it was, whatever the git history of the machine that
 * builds (shallow clones, squashed history) and after later corrections.
 *
 * Layout: `snapshots/{incidents|events}/{id}/{version}.json`, written by `npm run snapshot` when
 * content is published, never edited by hand (the build checks each file's hash). A version
 * withdrawn for privacy or law keeps its address but loses its text: either listed in
 * `snapshots/withdrawn.yaml` (with a reason in both languages) or made obsolete by a correction of
 * kind `withdrawal` on the entry (or, for an incident, on one of its events) dated after the
 * version. `npm run snapshot` replaces the file of a withdrawn version by a tombstone without text.
 *
 * Content without a snapshot is "unpublished": the build renders its current version page from the
 * live content and warns; CI runs `npm run snapshot -- --check` (see scripts/snapshot.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import {
  canonicalJson,
  eventContent,
  eventVersionDate,
  incidentContent,
  incidentVersionDate,
  makeVersion,
  normaliseNarrative,
  parseVersion,
  shortHash,
  VERSION_PATTERN,
  type EventLike,
  type FigureLike,
  type IncidentLike,
  type Version,
  type VersionKind,
} from './versions.ts';

export const SNAPSHOT_FORMAT = 1;

/** Snapshot folder: `KONFERENZLECK_SNAPSHOT_DIR`, else `snapshots/` in the project root. */
export function snapshotDir(root: string = process.cwd()): string {
  return path.resolve(root, process.env['KONFERENZLECK_SNAPSHOT_DIR'] ?? 'snapshots');
}

export interface Bilingual {
  de: string;
  en: string;
}

/** What a snapshot shows of a source (display only; not part of the version hash). */
export interface SourceRefView {
  publisher?: string | undefined;
  title?: string | undefined;
  url?: string | undefined;
  archiveUrl?: string | undefined;
  published?: string | undefined;
}
export interface Refs {
  sources: Record<string, SourceRefView>;
  actors: Record<string, Bilingual>;
  /** Titles of incidents referred to (the event's incident, related incidents). */
  incidents: Record<string, Bilingual>;
}

export interface IncidentContent {
  kind: 'incident';
  id: string;
  data: Record<string, unknown> & { title: Bilingual; summary: Bilingual };
  narratives: Partial<Record<'de' | 'en', string>>;
  events: { id: string; data: Record<string, unknown> & { title: Bilingual; summary: Bilingual } }[];
  figures: { id: string; data: Record<string, unknown> }[];
}
export interface EventContent {
  kind: 'event';
  id: string;
  data: Record<string, unknown> & { title: Bilingual; summary: Bilingual; incident: string };
}

interface SnapshotBase {
  format: typeof SNAPSHOT_FORMAT;
  kind: VersionKind;
  id: string;
  version: string;
  date: string;
  hash: string;
  /** Day the snapshot was written (not part of the hash). */
  recorded: string;
}
export interface FullSnapshot extends SnapshotBase {
  content: IncidentContent | EventContent;
  refs: Refs;
}
export interface Tombstone extends SnapshotBase {
  withdrawn: Withdrawal;
}
export type Snapshot = FullSnapshot | Tombstone;
export const isTombstone = (s: Snapshot): s is Tombstone => 'withdrawn' in s;

export interface Withdrawal {
  /** Day of the withdrawal. */
  date: string;
  reason: Bilingual;
  /** Where the withdrawal is recorded: `withdrawn.yaml` or `correction`. */
  by: 'list' | 'correction';
}

/** Plain content, from `readContent` or from Astro collections. */
export interface SnapshotInput {
  incidents: readonly IncidentLike[];
  events: readonly EventLike[];
  figures: readonly FigureLike[];
  /** Narrative MDX files, id `{incident}/{lang}`. */
  narratives: readonly { id: string; body?: string | undefined }[];
  sources: readonly { id: string; data: Record<string, unknown> }[];
  actors: readonly { id: string; data: { name: Bilingual } }[];
}

// -------------------------------------------------------------------------------------------------
// Building snapshots from content

function sourceView(data: Record<string, unknown>): SourceRefView {
  const pub = data['published'] as { on?: string } | undefined;
  const v: SourceRefView = {};
  for (const k of ['publisher', 'title', 'url', 'archiveUrl'] as const) if (typeof data[k] === 'string') v[k] = data[k];
  if (pub?.on) v.published = pub.on;
  return v;
}

function collectRefs(input: SnapshotInput, value: unknown, extraIncidents: string[]): Refs {
  const sourceIds = new Set<string>();
  const actorIds = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['source'] === 'string') sourceIds.add(o['source']);
      if (typeof o['actor'] === 'string') actorIds.add(o['actor']);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  const refs: Refs = { sources: {}, actors: {}, incidents: {} };
  for (const s of [...input.sources].sort((a, b) => a.id.localeCompare(b.id)))
    if (sourceIds.has(s.id)) refs.sources[s.id] = sourceView(s.data);
  for (const a of [...input.actors].sort((a, b) => a.id.localeCompare(b.id)))
    if (actorIds.has(a.id)) refs.actors[a.id] = { de: a.data.name.de, en: a.data.name.en };
  for (const id of [...new Set(extraIncidents)].sort()) {
    const inc = input.incidents.find((i) => i.id === id);
    const title = inc?.data['title'] as Bilingual | undefined;
    if (title) refs.incidents[id] = { de: title.de, en: title.en };
  }
  return refs;
}

/** Everything needed to version one entry. */
export interface Versionable {
  kind: VersionKind;
  id: string;
  content: IncidentContent | EventContent;
  /** Version by content date and hash, before looking at snapshots. */
  contentVersion: Version;
  refs: Refs;
  /** Withdrawal corrections that apply to older versions of this entry. */
  withdrawals: { date: string; reason: Bilingual }[];
}

function withdrawalsOf(
  entries: readonly { data: { corrections: readonly unknown[] } }[],
): { date: string; reason: Bilingual }[] {
  return entries
    .flatMap((e) => e.data.corrections as readonly { date: string; kind?: string; why: Bilingual }[])
    .filter((c) => c.kind === 'withdrawal')
    .map((c) => ({ date: c.date, reason: { de: c.why.de, en: c.why.en } }));
}

/** Every incident and event of the content, with its content version. */
export function versionables(input: SnapshotInput): Versionable[] {
  const out: Versionable[] = [];
  const evsOf = new Map<string, EventLike[]>();
  for (const e of input.events) evsOf.set(e.data.incident, [...(evsOf.get(e.data.incident) ?? []), e]);
  for (const inc of input.incidents) {
    const narratives: Partial<Record<'de' | 'en', string>> = {};
    for (const l of ['de', 'en'] as const) {
      const n = input.narratives.find((x) => x.id === `${inc.id}/${l}`);
      if (n?.body !== undefined) narratives[l] = normaliseNarrative(n.body);
    }
    const parts = {
      incident: inc,
      narratives,
      events: evsOf.get(inc.id) ?? [],
      figures: input.figures.filter((f) => f.data.incident === inc.id),
    };
    const content = incidentContent(parts) as IncidentContent;
    const related = (inc.data['related'] as string[] | undefined) ?? [];
    out.push({
      kind: 'incidents',
      id: inc.id,
      content,
      contentVersion: makeVersion(incidentVersionDate(parts), shortHash(content)),
      refs: collectRefs(input, content, related),
      withdrawals: withdrawalsOf([inc, ...parts.events]),
    });
  }
  const reviewed = new Map(input.incidents.map((i) => [i.id, i.data.lastReviewed] as const));
  for (const e of input.events) {
    const content = eventContent(e) as EventContent;
    out.push({
      kind: 'events',
      id: e.id,
      content,
      contentVersion: makeVersion(eventVersionDate(e, reviewed.get(e.data.incident)), shortHash(content)),
      refs: collectRefs(input, content, [e.data.incident]),
      withdrawals: withdrawalsOf([e]),
    });
  }
  return out;
}

// -------------------------------------------------------------------------------------------------
// Reading snapshots and the withdrawal list

export class SnapshotError extends Error {
  constructor(file: string, field: string, found: string, allowed: string) {
    super(`${file}: ${field}: found ${found}; allowed: ${allowed}`);
    this.name = 'SnapshotError';
  }
}

const bilingual = z.strictObject({ de: z.string().min(1), en: z.string().min(1) });
const withdrawnListSchema = z.array(
  z.strictObject({
    /** incidents | events */
    kind: z.enum(['incidents', 'events']),
    /** Id of the entry. */
    id: z.string().min(1),
    /** The withdrawn version `{yyyy-mm-dd}-{hash8}`. */
    version: z.string().regex(VERSION_PATTERN, { error: 'a version id yyyy-mm-dd-xxxxxxxx' }),
    /** Day of the withdrawal. */
    date: z.preprocess(
      (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
      z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'an ISO day YYYY-MM-DD' }),
    ),
    /** Why, in both languages (shown on the version page instead of the text). */
    reason: bilingual,
  }),
);
export type WithdrawnListEntry = z.infer<typeof withdrawnListSchema>[number];

export function readWithdrawnList(dir: string): WithdrawnListEntry[] {
  const file = path.join(dir, 'withdrawn.yaml');
  if (!fs.existsSync(file)) return [];
  const raw = parseYaml(fs.readFileSync(file, 'utf8')) as unknown;
  const r = withdrawnListSchema.safeParse(raw ?? []);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new SnapshotError(
      file,
      issue.path.join('.') || '(file)',
      JSON.stringify(issue.input ?? null) ?? 'undefined',
      issue.message,
    );
  }
  return r.data;
}

const keyOf = (kind: VersionKind, id: string) => `${kind}/${id}`;

/** Every snapshot file, checked: name, shape and hash. Keyed `{kind}/{id}`, sorted by version. */
export function readSnapshots(dir: string): Map<string, Snapshot[]> {
  const out = new Map<string, Snapshot[]>();
  for (const kind of ['incidents', 'events'] as const) {
    const kdir = path.join(dir, kind);
    if (!fs.existsSync(kdir)) continue;
    for (const id of fs.readdirSync(kdir).sort()) {
      const edir = path.join(kdir, id);
      if (!fs.statSync(edir).isDirectory()) continue;
      for (const name of fs.readdirSync(edir).sort()) {
        const file = path.join(edir, name);
        const version = name.replace(/\.json$/, '');
        if (!name.endsWith('.json') || !parseVersion(version))
          throw new SnapshotError(
            file,
            '(file name)',
            JSON.stringify(name),
            '{yyyy-mm-dd}-{hash8}.json written by npm run snapshot',
          );
        let s: Snapshot;
        try {
          s = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
        } catch (e) {
          throw new SnapshotError(file, '(file)', JSON.stringify((e as Error).message), 'valid JSON');
        }
        if (s.format !== SNAPSHOT_FORMAT)
          throw new SnapshotError(file, 'format', JSON.stringify(s.format), String(SNAPSHOT_FORMAT));
        if (s.kind !== kind || s.id !== id || s.version !== version) {
          throw new SnapshotError(
            file,
            'kind/id/version',
            JSON.stringify([s.kind, s.id, s.version]),
            `the folder and file name: ${JSON.stringify([kind, id, version])}`,
          );
        }
        if (!isTombstone(s)) {
          const h = shortHash(s.content);
          if (h !== s.hash || `${s.date}-${h}` !== version) {
            throw new SnapshotError(
              file,
              'content',
              `hash ${h}`,
              `content whose hash is ${s.hash} — snapshots are never edited by hand; withdraw a version in snapshots/withdrawn.yaml instead`,
            );
          }
        }
        out.set(keyOf(kind, id), [...(out.get(keyOf(kind, id)) ?? []), s]);
      }
    }
  }
  return out;
}

// -------------------------------------------------------------------------------------------------
// Versions of an entry as the site shows them

export type VersionStatus = 'published' | 'withdrawn' | 'unpublished';
export interface VersionRecord {
  version: Version;
  status: VersionStatus;
  /** True for the version the entry has now. */
  current: boolean;
  /** Text to render (absent when withdrawn). */
  content?: IncidentContent | EventContent | undefined;
  refs?: Refs | undefined;
  withdrawal?: Withdrawal | undefined;
  /** Day the snapshot was recorded (published versions). */
  recorded?: string | undefined;
}
export interface EntryVersions {
  kind: VersionKind;
  id: string;
  current: VersionRecord;
  /** Every version, oldest first (the current one included). */
  versions: VersionRecord[];
}

function withdrawalFor(
  kind: VersionKind,
  id: string,
  v: Version,
  list: readonly WithdrawnListEntry[],
  corrections: Versionable['withdrawals'],
): Withdrawal | undefined {
  const listed = list.find((w) => w.kind === kind && w.id === id && w.version === v.id);
  if (listed) return { date: listed.date, reason: listed.reason, by: 'list' };
  const c = corrections.filter((w) => w.date > v.date).sort((a, b) => a.date.localeCompare(b.date))[0];
  return c ? { date: c.date, reason: c.reason, by: 'correction' } : undefined;
}

/** All versions of every entry, from the content, the snapshot files and the withdrawal list. */
export function entryVersions(
  items: readonly Versionable[],
  snapshots: Map<string, Snapshot[]>,
  withdrawn: readonly WithdrawnListEntry[],
): EntryVersions[] {
  return items.map((it) => {
    const snaps = snapshots.get(keyOf(it.kind, it.id)) ?? [];
    const records = new Map<string, VersionRecord>();
    for (const s of snaps) {
      const version = makeVersion(s.date, s.hash);
      const w = isTombstone(s) ? s.withdrawn : withdrawalFor(it.kind, it.id, version, withdrawn, it.withdrawals);
      records.set(
        version.id,
        w || isTombstone(s)
          ? { version, status: 'withdrawn', current: false, withdrawal: w, recorded: s.recorded }
          : { version, status: 'published', current: false, content: s.content, refs: s.refs, recorded: s.recorded },
      );
    }
    // Listed withdrawals of versions whose file is gone keep their address.
    for (const w of withdrawn) {
      if (w.kind !== it.kind || w.id !== it.id || records.has(w.version)) continue;
      const version = parseVersion(w.version)!;
      records.set(version.id, {
        version,
        status: 'withdrawn',
        current: false,
        withdrawal: { date: w.date, reason: w.reason, by: 'list' },
      });
    }
    // The current version: a snapshot with the same content keeps its id.
    const same = [...records.values()].find(
      (r) => r.version.hash === it.contentVersion.hash && r.status === 'published',
    );
    let current: VersionRecord;
    if (same) {
      current = same;
      // Display the live refs (source titles may have been completed since).
      current.refs = it.refs;
    } else {
      current = {
        version: it.contentVersion,
        status: 'unpublished',
        current: true,
        content: it.content,
        refs: it.refs,
      };
      records.set(current.version.id, current);
    }
    current.current = true;
    const versions = [...records.values()].sort((a, b) => a.version.id.localeCompare(b.version.id));
    return { kind: it.kind, id: it.id, current, versions };
  });
}

// -------------------------------------------------------------------------------------------------
// Writing snapshots (npm run snapshot)

export interface SnapshotPlan {
  /** New snapshot files: path → JSON text. */
  write: Map<string, string>;
  /** Existing files to replace by a tombstone: path → JSON text. */
  tombstone: Map<string, string>;
  /** Entries whose current content has no snapshot. */
  unpublished: { kind: VersionKind; id: string; version: string }[];
}

export const snapshotFile = (dir: string, kind: VersionKind, id: string, version: string) =>
  path.join(dir, kind, id, `${version}.json`);

const jsonText = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** What `npm run snapshot` would write: new versions and tombstones for withdrawn ones. */
export function planSnapshots(input: SnapshotInput, dir: string, recorded: string): SnapshotPlan {
  const items = versionables(input);
  const snaps = readSnapshots(dir);
  const list = readWithdrawnList(dir);
  const plan: SnapshotPlan = { write: new Map(), tombstone: new Map(), unpublished: [] };
  for (const ev of entryVersions(items, snaps, list)) {
    const it = items.find((x) => x.kind === ev.kind && x.id === ev.id)!;
    if (ev.current.status === 'unpublished') {
      const v = ev.current.version;
      plan.unpublished.push({ kind: ev.kind, id: ev.id, version: v.id });
      const s: FullSnapshot = {
        format: SNAPSHOT_FORMAT,
        kind: ev.kind,
        id: ev.id,
        version: v.id,
        date: v.date,
        hash: v.hash,
        recorded,
        content: it.content,
        refs: it.refs,
      };
      plan.write.set(snapshotFile(dir, ev.kind, ev.id, v.id), jsonText(s));
    }
    for (const r of ev.versions) {
      if (r.status !== 'withdrawn' || !r.withdrawal) continue;
      const file = snapshotFile(dir, ev.kind, ev.id, r.version.id);
      const existing = (snaps.get(keyOf(ev.kind, ev.id)) ?? []).find((s) => s.version === r.version.id);
      if (!existing || isTombstone(existing)) continue;
      const t: Tombstone = {
        format: SNAPSHOT_FORMAT,
        kind: ev.kind,
        id: ev.id,
        version: r.version.id,
        date: r.version.date,
        hash: r.version.hash,
        recorded: existing.recorded,
        withdrawn: r.withdrawal,
      };
      plan.tombstone.set(file, jsonText(t));
    }
  }
  return plan;
}

export function applyPlan(plan: SnapshotPlan): void {
  for (const [file, text] of [...plan.write, ...plan.tombstone]) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** Re-exported for tests and scripts. */
export { canonicalJson };
