/**
 * Private copies of a project for benchmark builds: the bench never builds in /work/main itself
 * (others build there). The copy gets its own `node_modules` folder whose entries are symlinks to
 * the installed packages, so Astro's and Vite's caches (`node_modules/.astro`, `node_modules/.vite`)
 * are private to the copy and a cold build can delete them without touching anyone else.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What `cold` deletes: build output and every cache Astro and Vite keep between builds. */
export const CACHE_PATHS = ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache'];

/** Give `dir` a node_modules folder of symlinks to the entries of `source` (without caches). */
export function linkNodeModules(dir: string, source: string): void {
  const nm = path.join(dir, 'node_modules');
  const st = fs.lstatSync(nm, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) fs.rmSync(nm);
  fs.mkdirSync(nm, { recursive: true });
  for (const name of fs.readdirSync(source)) {
    // Caches stay private to the copy, also Astro's per-corpus ones (`.astro-<hash>`, astro.config.mjs).
    if (isCache(name)) continue;
    const link = path.join(nm, name);
    // lstat: a link whose target is gone still exists (existsSync would follow it and say no).
    if (!fs.lstatSync(link, { throwIfNoEntry: false })) fs.symlinkSync(path.join(source, name), link);
  }
  // Links to caches made by an earlier version of this function would share a cache with `source`.
  for (const name of fs.readdirSync(nm))
    if (isCache(name) && fs.lstatSync(path.join(nm, name)).isSymbolicLink()) fs.rmSync(path.join(nm, name));
}

/** Cache folders in node_modules: Astro's (`.astro`, `.astro-<hash>` per swapped-in corpus), Vite's, others. */
function isCache(name: string): boolean {
  return name === '.vite' || name === '.cache' || name === '.astro' || name.startsWith('.astro-');
}

/** What a copy leaves out: output, caches, tools, test artefacts, bench runs, version control. */
export const COPY_EXCLUDE = [
  'node_modules',
  'dist',
  '.astro',
  '.tools',
  'bench/tmp',
  'bench/results',
  'test-results',
  'playwright-report',
  '.git',
];

/** Copy the project at `src` into `dir` afresh (keeping only the copy's own node_modules folder). */
export function copyProject(src: string, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(dir))
    if (name !== 'node_modules') fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  const root = path.resolve(src);
  fs.cpSync(root, dir, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (from) => {
      const rel = path.relative(root, from).split(path.sep).join('/');
      return !COPY_EXCLUDE.some((e) => rel === e || rel.startsWith(`${e}/`));
    },
  });
  linkNodeModules(dir, path.join(root, 'node_modules'));
}

/** Delete build output and caches, so the next build is cold. */
export function makeCold(dir: string): void {
  for (const p of CACHE_PATHS) fs.rmSync(path.join(dir, p), { recursive: true, force: true });
  const nm = path.join(dir, 'node_modules');
  if (fs.existsSync(nm))
    for (const name of fs.readdirSync(nm))
      if (name.startsWith('.astro-')) fs.rmSync(path.join(nm, name), { recursive: true, force: true });
}

/** The installed Astro CLI entry (run with the current Node). */
export function astroBin(projectRoot: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules/astro/package.json'), 'utf8')) as {
    bin: { astro: string };
  };
  return path.join(projectRoot, 'node_modules/astro', pkg.bin.astro);
}

/** Every file under `dir`, relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out.push(r);
    }
  };
  if (fs.existsSync(dir)) walk(dir, '');
  return out;
}

/** Total size in bytes of the files under `dir` (0 when it does not exist). */
export function dirBytes(dir: string): number {
  return listFiles(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}
