/**
 * The search page's script: loads Pagefind from the same origin (`/pagefind/pagefind.js`, a
 * module file — no inline script, no eval; Pagefind itself needs 'wasm-unsafe-eval' and a
 * same-origin worker), runs the query in the URL, renders results and facet checkboxes, and
 * keeps the URL in step so every filtered result list has an address.
 *
 * Light by design, for a register of many thousand pages: before the first result only
 * Pagefind's index metadata, its WebAssembly, the index chunks of the query and the fragments of
 * the results shown are loaded. The facet filters (one chunk per facet, each listing every page)
 * load when a facet group is first opened or a filter is set, and counts follow. A pasted or
 * submitted query runs at once; keystrokes preload the index chunks and search after a short
 * pause. Results appear in order as their fragments arrive.
 */
import { SEARCH_FACETS, type ClientStrings, type SearchFacet } from './strings.ts';
import {
  bulkEdit,
  emptySearch,
  excerptParts,
  facetEntries,
  hasFilters,
  pagefindFilters,
  parseSearch,
  searchQuery,
  timelineHref,
  type SearchState,
} from './state.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
type Counts = Record<string, Record<string, number>>;
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  unfilteredResultCount: number;
  filters: Counts;
  totalFilters: Counts;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Counts>;
  preload(term: string, o?: { filters?: Record<string, unknown> }): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, unknown> }): Promise<PagefindSearch | null>;
}

/** Results per page of results. */
const PAGE = 10;
/** Values a long facet group shows before "show all". */
const FACET_LIMIT = 10;
/** Pause in typing before a search runs (ms). */
const TYPING_PAUSE = 150;
/** Buttons are hidden through their wrapper: the site's button style sets display, beating [hidden]. */
const show = (button: HTMLElement, on: boolean) => ((button.parentElement ?? button).hidden = !on);
const fill = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{(\w+)\}/g, (m, k: string) => (k in v ? String(v[k]) : m));
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

async function start(root: HTMLElement) {
  const s = JSON.parse(root.dataset['strings'] ?? '{}') as ClientStrings;
  const lang = root.dataset['lang'] ?? 'de';
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const form = $<HTMLFormElement>('search-form');
  const input = $<HTMLInputElement>('search-q');
  const ui = $('search-ui');
  const status = $('search-status');
  const list = $<HTMLOListElement>('search-results');
  const more = $<HTMLButtonElement>('search-more');
  const facetsEl = $('search-facets');
  const clear = $<HTMLButtonElement>('search-clear');
  const toTimeline = $<HTMLAnchorElement>('search-timeline');
  const groups = new Map(
    SEARCH_FACETS.map((f) => [f, facetsEl.querySelector<HTMLDetailsElement>(`details[data-facet="${f}"]`)!]),
  );

  function fail(err: unknown) {
    console.error('search index:', err);
    ui.hidden = true;
    $('search-failed').hidden = false;
  }

  let pf: Pagefind;
  try {
    // A computed URL keeps the bundler from resolving the file, which exists only after indexing.
    const url = new URL(`${root.dataset['bundle'] ?? '/pagefind/'}pagefind.js`, location.origin).href;
    pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ excerptLength: 24 });
    // Starts loading the index metadata and WebAssembly (in Pagefind's worker) right away.
    await pf.init();
  } catch (err) {
    fail(err);
    return;
  }

  let state: SearchState = parseSearch(location.search);
  let run = 0;
  let current: PagefindSearch | null = null;
  let shown = 0;
  /** Every facet value with its count over all pages; undefined until the filters are loaded. */
  let totals: Counts | undefined;
  let loadingFacets: Promise<Counts> | undefined;
  /** Facet counts for the current results. */
  let counts: Counts = {};
  const expanded = new Set<SearchFacet>();

  const label = (facet: SearchFacet, v: string) => (facet === 'kind' ? (s.kindLabels[v] ?? v) : v);
  const coll = new Intl.Collator(lang, { numeric: true });
  const order = (facet: SearchFacet) => (a: string, b: string) =>
    facet === 'year' ? coll.compare(b, a) : coll.compare(label(facet, a), label(facet, b));

  function renderGroup(facet: SearchFacet) {
    const body = groups.get(facet)!.querySelector('.facet-body')!;
    if (!totals) return;
    const { entries, more: left } = facetEntries(
      Object.keys(totals[facet] ?? {}),
      counts[facet] ?? {},
      state.filters[facet],
      order(facet),
      { limit: FACET_LIMIT, expanded: expanded.has(facet) },
    );
    const ul = el('ul');
    for (const e of entries) {
      const box = el('input', { type: 'checkbox', name: facet, value: e.value, checked: e.checked });
      ul.append(
        el(
          'li',
          {},
          el('label', {}, box, ' ', label(facet, e.value), ' ', el('span', { className: 'count' }, `(${e.count})`)),
        ),
      );
    }
    const kids: Node[] = [el('fieldset', {}, el('legend', { className: 'visually-hidden' }, s[facet]), ul)];
    if (left > 0) {
      const all = el(
        'button',
        { type: 'button', className: 'link-button' },
        fill(s.allValues, { n: entries.length + left }),
      );
      all.dataset['all'] = facet;
      kids.push(el('p', {}, all));
    }
    body.replaceChildren(...kids);
  }

  /** Redraws the open facet groups (closed ones are drawn when opened), keeping focus on its box. */
  function renderFacets() {
    const active =
      document.activeElement instanceof HTMLInputElement && facetsEl.contains(document.activeElement)
        ? `${document.activeElement.name}\u0000${document.activeElement.value}`
        : '';
    for (const [facet, details] of groups) if (details.open) renderGroup(facet);
    if (active) {
      const [name, value] = active.split('\u0000');
      for (const b of facetsEl.querySelectorAll<HTMLInputElement>('input'))
        if (b.name === name && b.value === value) b.focus();
    }
  }

  /** Loads the facet filters once, then the counts for the current search, and draws the open groups. */
  async function withFacets() {
    if (!totals) {
      for (const details of groups.values()) {
        const body = details.querySelector('.facet-body')!;
        if (details.open && !body.firstChild) body.replaceChildren(el('p', { className: 'meta' }, s.facetsLoading));
      }
      try {
        loadingFacets ??= pf.filters();
        totals = await loadingFacets;
      } catch (err) {
        loadingFacets = undefined;
        console.error('search filters:', err);
        for (const details of groups.values())
          if (details.open)
            details.querySelector('.facet-body')!.replaceChildren(el('p', { className: 'meta' }, s.facetsFailed));
        return;
      }
    }
    const mine = run;
    if (!state.q && !hasFilters(state)) counts = totals;
    else {
      // The filter chunks are loaded now: the same search again (its index chunks are cached) counts them.
      const res = await pf.search(state.q || null, { filters: pagefindFilters(state) }).catch(() => null);
      if (mine !== run || !res) return;
      counts = res.filters;
    }
    renderFacets();
  }

  function resultItem(d: PagefindResultData): HTMLLIElement {
    const kind = d.meta['kind'] ?? d.filters['kind']?.[0] ?? '';
    const bits = [
      label('kind', kind),
      d.meta['when'],
      kind !== 'incident' ? d.filters['incident']?.[0] : undefined,
    ].filter((x): x is string => !!x);
    const excerpt = el('p', { className: 'excerpt' });
    for (const part of excerptParts(d.excerpt)) excerpt.append(part.mark ? el('mark', {}, part.text) : part.text);
    const li = el(
      'li',
      {},
      el('h3', {}, el('a', { href: d.url }, d.meta['title'] ?? d.url)),
      el('p', { className: 'meta' }, bits.join(' · ')),
      excerpt,
    );
    li.setAttribute('data-search-result', '');
    return li;
  }

  /**
   * Shows the next page of results, each as soon as it and those before it are loaded. A new
   * search (`replace`) first loads and paints its first result alone, then the rest of the page;
   * it swaps out the list of an earlier search only then (no blank flash).
   */
  async function renderMore(replace: boolean) {
    if (!current) return;
    const mine = run;
    const slice = current.results.slice(shown, shown + PAGE);
    shown += slice.length;
    const hasMore = shown < current.results.length;
    let rest = slice;
    if (replace) {
      // The button shows again below the complete page (results appearing above it would push it).
      show(more, false);
      if (!slice[0]) return list.replaceChildren();
      const d = await slice[0].data();
      if (mine !== run) return;
      list.replaceChildren(resultItem(d));
      rest = slice.slice(1);
      // After the next paint (or 50 ms, should the page not paint, e.g. in a background tab).
      await new Promise((r) => {
        requestAnimationFrame(() => setTimeout(r, 0));
        setTimeout(r, 50);
      });
      if (mine !== run) return;
    }
    const pending = rest.map((r) => r.data());
    // Fragments of a superseded search may fail unobserved; the awaited one still throws.
    for (const p of pending) p.catch(() => undefined);
    for (const [i, p] of pending.entries()) {
      const d = await p;
      if (mine !== run) return;
      list.append(resultItem(d));
      if (!replace && i === 0) list.lastElementChild?.querySelector('a')?.focus();
    }
    show(more, hasMore);
  }

  async function execute() {
    const mine = ++run;
    const q = state.q;
    toTimeline.href = timelineHref(lang, q);
    show(clear, hasFilters(state));
    // A group with a set filter is open, so its checked boxes are in view.
    for (const f of SEARCH_FACETS) if (state.filters[f].length) groups.get(f)!.open = true;
    if (!q && !hasFilters(state)) {
      current = null;
      list.replaceChildren();
      show(more, false);
      status.textContent = s.prompt;
      if (totals) {
        counts = totals;
        renderFacets();
      }
      return;
    }
    status.textContent = s.loading;
    const res = await pf.search(q || null, { filters: pagefindFilters(state) });
    if (mine !== run || !res) return;
    current = res;
    shown = 0;
    await renderMore(true);
    if (mine !== run) return;
    const n = res.results.length;
    status.textContent =
      n === 0
        ? q
          ? fill(s.none, { q })
          : s.noneFiltered
        : q
          ? fill(n === 1 ? s.countQOne : s.countQ, { n, q })
          : fill(n === 1 ? s.countOne : s.count, { n });
    if (totals) {
      counts = res.filters;
      renderFacets();
    } else if ([...groups.values()].some((d) => d.open)) await withFacets();
  }

  const go = () =>
    execute().catch((err: unknown) => {
      fail(err);
    });

  function commit(next: SearchState, how: 'push' | 'replace') {
    state = next;
    const url = `${location.pathname}${searchQuery(state)}`;
    if (url !== `${location.pathname}${location.search}`)
      history[how === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    return go();
  }

  input.value = state.q;
  let typed = input.value;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(typing);
    void commit({ ...state, q: input.value.trim() }, 'push');
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    const value = input.value;
    const bulk = bulkEdit(typed, value);
    typed = value;
    clearTimeout(typing);
    const q = value.trim();
    if (bulk) {
      void commit({ ...state, q }, 'replace');
      return;
    }
    // The index chunks load while the reader types on; a one- or two-letter prefix would load many.
    if (q.length >= 3) pf.preload(q, { filters: pagefindFilters(state) }).catch(() => undefined);
    typing = setTimeout(() => void commit({ ...state, q }, 'replace'), TYPING_PAUSE);
  });
  facetsEl.addEventListener(
    'toggle',
    (ev) => {
      const details = ev.target as HTMLDetailsElement;
      const facet = details.dataset['facet'] as SearchFacet | undefined;
      if (!facet || !details.open) return;
      if (totals) renderGroup(facet);
      else void withFacets();
    },
    true, // toggle does not bubble
  );
  facetsEl.addEventListener('change', (ev) => {
    const box = ev.target as HTMLInputElement;
    const facet = box.name as SearchFacet;
    const values = new Set(state.filters[facet]);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    void commit({ ...state, filters: { ...state.filters, [facet]: [...values].sort() } }, 'push');
  });
  facetsEl.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-all]');
    const facet = button?.dataset['all'] as SearchFacet | undefined;
    if (!facet) return;
    expanded.add(facet);
    renderGroup(facet);
    // Focus stays in the group: on the first value the list did not show before.
    const boxes = groups.get(facet)!.querySelectorAll<HTMLInputElement>('input');
    boxes[Math.min(FACET_LIMIT, boxes.length - 1)]?.focus();
  });
  clear.addEventListener('click', () => {
    void commit({ ...emptySearch(), q: state.q }, 'push');
    input.focus();
  });
  let loadingMore = false;
  more.addEventListener('click', () => {
    if (loadingMore) return; // one page at a time, in order
    loadingMore = true;
    renderMore(false)
      .catch(fail)
      .finally(() => (loadingMore = false));
  });
  addEventListener('popstate', () => {
    state = parseSearch(location.search);
    input.value = typed = state.q;
    void go();
  });
  await go();
  root.dataset['ready'] = 'true';
}

const root = document.getElementById('search');
if (root) void start(root);
