/**
 * Versions of every incident and event for the pages, memoised: the live content (through the
 * queries module) joined with the committed snapshots (src/lib/snapshots.ts). Warns once per build
 * about entries whose current content has no snapshot yet (publishing runs `npm run snapshot`).
 */
import { incidents, events, figures, narratives, sources, actors } from './queries.ts';
import {
  entryVersions,
  readSnapshots,
  readWithdrawnList,
  snapshotDir,
  versionables,
  type EntryVersions,
  type SnapshotInput,
} from './lib/snapshots.ts';
import type { VersionKind } from './lib/versions.ts';
import { changelog, type ChangeEntry } from './lib/changelog.ts';
import { apiFiles, type ApiFile } from './lib/api.ts';
import { readDatasets } from './lib/dataset-schema.ts';
import { contentDir } from './lib/settings.ts';
import path from 'node:path';

function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

export const snapshotInput = memo(async (): Promise<SnapshotInput> => ({
  incidents: (await incidents()) as unknown as SnapshotInput['incidents'],
  events: (await events()) as unknown as SnapshotInput['events'],
  figures: (await figures()) as unknown as SnapshotInput['figures'],
  narratives: (await narratives()).map((n) => ({ id: n.id, body: n.body })),
  sources: (await sources()) as unknown as SnapshotInput['sources'],
  actors: (await actors()) as unknown as SnapshotInput['actors'],
}));

export const allVersions = memo(async (): Promise<Map<string, EntryVersions>> => {
  const dir = snapshotDir();
  const list = entryVersions(versionables(await snapshotInput()), readSnapshots(dir), readWithdrawnList(dir));
  const unpublished = list.filter((e) => e.current.status === 'unpublished');
  if (unpublished.length) {
    console.warn(
      `[konferenzleck:snapshots] ${unpublished.length} entries have unpublished changes (no snapshot of their current version): ` +
        `${unpublished
          .slice(0, 5)
          .map((e) => `${e.kind}/${e.id}`)
          .join(', ')}${unpublished.length > 5 ? ', …' : ''}. ` +
        'Run `npm run snapshot` and commit snapshots/ when publishing.',
    );
  }
  return new Map(list.map((e) => [`${e.kind}/${e.id}`, e] as const));
});

export async function versionsOf(kind: VersionKind, id: string): Promise<EntryVersions> {
  const v = (await allVersions()).get(`${kind}/${id}`);
  if (!v) throw new Error(`no versions for ${kind}/${id}`);
  return v;
}

/** The one change log (src/lib/changelog.ts) over the live content. */
export const changeLog = memo(async (): Promise<ChangeEntry[]> =>
  changelog({ incidents: await incidents(), events: await events() }),
);

/** Everything the open-data API publishes, memoised. */
export const apiData = memo(async (): Promise<ApiFile[]> => {
  const { datasets, problems } = readDatasets(path.join(contentDir(), 'datasets'));
  if (problems.length)
    throw new Error(`datasets: ${problems.map((p) => `${p.file}: ${p.field}: ${p.allowed}`).join('; ')}`);
  const versions = new Map(
    [...(await allVersions()).values()].map((e) => [`${e.kind}/${e.id}`, e.current.version.id] as const),
  );
  return apiFiles({
    incidents: await incidents(),
    events: await events(),
    sources: await sources(),
    actors: await actors(),
    datasets,
    versions,
  });
});
