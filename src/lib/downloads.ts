/**
 * Static download files that pages link to (the citation files under `/api/v1/cite/…`), collected
 * while the pages render and written once after the build by `src/integrations/downloads.ts`.
 *
 * Why not one Astro endpoint per file: at 10,000 events there are 60,000 citation files, and
 * Astro's per-route overhead (request, routing, response, a directory per file) cost ~1.75 ms a
 * file — more than a quarter of the page generation time — for texts the pages had already
 * formatted for their "Cite this" box. Collecting them where the link is made also means a
 * download link and its file cannot drift apart: every linked file is written, and only those.
 *
 * The collector lives on `globalThis` because the pages run in Astro's bundled build code while
 * the integration runs in the config's module graph: two copies of this module, one process.
 * Pure module: no Astro imports.
 */
const KEY = Symbol.for('konferenzleck.downloads');

export interface Download {
  /** Site path, e.g. `/api/v1/cite/de/events/x.bib`. */
  path: string;
  body: string;
}

type Store = Map<string, string>;
const store = (): Store => ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, string>()) as Store;

/**
 * Register a file that a page links to. The same path registered twice must carry the same text
 * (the German and English pages, or a page and its brief, link to the same files).
 */
export function registerDownload(path: string, body: string): void {
  if (!/^\/api\/v1\/[a-z0-9/._-]+$/i.test(path) || path.includes('..'))
    throw new Error(`download path ${JSON.stringify(path)}: allowed are paths under /api/v1/ without ".."`);
  const s = store();
  const before = s.get(path);
  if (before !== undefined && before !== body)
    throw new Error(`download ${path} was registered twice with different texts`);
  s.set(path, body);
}

/** Every registered download, sorted by path; empties the collector (one build, one set). */
export function takeDownloads(): Download[] {
  const s = store();
  const out = [...s].map(([path, body]) => ({ path, body })).sort((a, b) => (a.path < b.path ? -1 : 1));
  s.clear();
  return out;
}
