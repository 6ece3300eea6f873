/**
 * `npm run snapshot`: record the current version of every incident and event as a snapshot file
 * (`snapshots/{kind}/{id}/{version}.json`) so its version address keeps the text after later
 * corrections, and replace withdrawn versions by tombstones without text. Part of publishing:
 * run it after content changes are final, and commit the new files with them.
 *
 *   npm run snapshot              write new snapshots and tombstones
 *   npm run snapshot -- --check   write nothing; exit 1 and list what is unpublished (for CI)
 *   npm run snapshot -- --dry-run list what would be written
 *
 * Reads content with the same parser and schemas as the site (src/lib/content-files.ts); refuses to
 * run on invalid content.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContent } from '../src/lib/content-files.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { contentDir, today } from '../src/lib/settings.ts';
import { applyPlan, planSnapshots, snapshotDir, type SnapshotInput } from '../src/lib/snapshots.ts';

export function snapshotInputFrom(base: string, root: string): { input: SnapshotInput; problems: string | undefined } {
  const { content, problems } = readContent(base, root);
  const errors = problems.filter((p) => p.severity === 'error');
  return {
    input: {
      incidents: content.incidents as SnapshotInput['incidents'],
      events: content.events as SnapshotInput['events'],
      figures: content.figures as SnapshotInput['figures'],
      narratives: content.narratives.map((n) => ({ id: n.id, body: n.body })),
      sources: content.sources as SnapshotInput['sources'],
      actors: content.actors as SnapshotInput['actors'],
    },
    problems: errors.length ? formatProblems(errors) : undefined,
  };
}

export function main(argv: string[], root = process.cwd()): number {
  const check = argv.includes('--check');
  const dry = argv.includes('--dry-run') || check;
  const { input, problems } = snapshotInputFrom(contentDir(root), root);
  if (problems) {
    console.error(`content has errors; fix them before publishing a snapshot:\n${problems}`);
    return 2;
  }
  const dir = snapshotDir(root);
  const plan = planSnapshots(input, dir, today());
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  for (const f of plan.write.keys()) console.log(`${dry ? 'would write' : 'wrote'} ${rel(f)}`);
  for (const f of plan.tombstone.keys())
    console.log(`${dry ? 'would withdraw' : 'withdrew'} ${rel(f)} (text removed; address kept)`);
  if (check) {
    if (plan.write.size || plan.tombstone.size) {
      console.error(
        `${plan.unpublished.length} entries have unpublished changes and ${plan.tombstone.size} withdrawn versions still hold text: run npm run snapshot and commit snapshots/`,
      );
      return 1;
    }
    console.log('snapshots up to date');
    return 0;
  }
  if (!dry) applyPlan(plan);
  console.log(`${plan.write.size} new snapshots, ${plan.tombstone.size} withdrawn; ${rel(dir)}/ up to date`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
