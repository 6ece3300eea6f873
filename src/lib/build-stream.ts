/**
 * Pages as they are rendered in a build, for work that can run beside the rendering: Pagefind
 * indexes each page while Astro renders the next (its own process, the second core), instead of
 * reading every page back from disk after the build.
 *
 * `src/middleware.ts` emits each prerendered HTML page; integrations subscribe at
 * `astro:build:start` and unsubscribe at `astro:build:done`. Without a subscriber (dev server,
 * tests) the middleware passes responses through untouched. The channel lives on `globalThis`
 * because the middleware runs in Astro's bundled build code and the integrations in the config's
 * module graph: two copies of this module, one process. Pure module: no Astro imports.
 */
const KEY = Symbol.for('konferenzleck.rendered-pages');

/**
 * A rendered page: its URL path (`/de/events/x/`, `/404`) and the exact HTML written for it. A
 * listener that falls behind returns a promise; the page's response waits for it (backpressure).
 */
export type RenderedListener = (pathname: string, html: string) => void | Promise<void>;

const listeners = (): Set<RenderedListener> =>
  ((globalThis as Record<symbol, unknown>)[KEY] ??= new Set<RenderedListener>()) as Set<RenderedListener>;

export function subscribeRendered(listener: RenderedListener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function hasRenderedListeners(): boolean {
  return listeners().size > 0;
}

export async function emitRendered(pathname: string, html: string): Promise<void> {
  for (const l of listeners()) await l(pathname, html);
}

/** The file a page's URL path is written to in a `build.format: 'directory'` build. */
export function pageFile(pathname: string): string {
  const p = decodeURI(pathname).replace(/^\/+/, '');
  if (p === '') return 'index.html';
  if (p.endsWith('/')) return `${p}index.html`;
  return p.endsWith('.html') ? p : `${p}.html`;
}
