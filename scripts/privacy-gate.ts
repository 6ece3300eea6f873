/**
 * `npx tsx scripts/privacy-gate.ts [--workers N] [folder…]` — the build's privacy gate on demand:
 * scans the built site (default `dist`) and the content folder for meeting links, meeting
 * numbers, access codes, e-mail addresses, phone numbers and names of protected persons. Exit
 * code 1 on any hit. Large folders are scanned on every core (`--workers 1`: in one thread; the
 * findings are the same either way).
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../src/lib/problems.ts';
import { loadPrivacyLists, scanFolderParallel } from '../src/lib/privacy-scan.ts';
import { contentDir } from '../src/lib/settings.ts';

const root = process.cwd();
const args = process.argv.slice(2);
let workers: number | undefined;
const w = args.indexOf('--workers');
if (w >= 0) {
  workers = Number(args[w + 1]);
  if (!Number.isInteger(workers) || workers < 1) {
    console.error(`--workers: found "${args[w + 1] ?? ''}": allowed: a whole number of at least 1`);
    process.exit(2);
  }
  args.splice(w, 2);
}
const folders = args.length ? args.map((a) => path.resolve(a)) : [path.resolve('dist'), contentDir(root)];
const lists = loadPrivacyLists(root);
let problems = 0;
for (const dir of folders) {
  if (!fs.existsSync(dir)) {
    console.error(
      `${path.relative(root, dir) || dir}: does not exist${dir.endsWith('dist') ? ' (build the site first)' : ''}`,
    );
    process.exitCode = 2;
    continue;
  }
  const t0 = performance.now();
  const r = await scanFolderParallel(dir, lists, root, { workers });
  for (const p of r.problems) console.log(formatProblem(p));
  problems += r.problems.length;
  console.log(
    `${path.relative(root, dir) || '.'}: ${r.scanned} file(s) scanned, ${r.skipped.length} binary file(s) skipped, ${r.problems.length} problem(s) in ${Math.round(performance.now() - t0)} ms` +
      ` (${r.workers} thread(s)${r.fallback ? `: ${r.fallback}` : ''})`,
  );
}
if (problems) process.exitCode = 1;
