/**
 * The search page's script: loads Pagefind from the same origin (`/pagefind/pagefind.js`, a
 * module file — no inline script, no eval; Pagefind itself needs 'wasm-unsafe-eval' and a
 * same-origin worker), runs the query in the URL, renders results and facet checkboxes, and
 * keeps the URL in step so every filtered result list has an address.
 */
import { SEARCH_FACETS, type SearchFacet, type SearchStrings } from './strings.ts';
import {
  emptySearch,
  excerptParts,
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
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, o?: { filters?: Record<string, unknown> }): Promise<PagefindSearch | null>;
}

const PAGE = 10;
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
  const s = JSON.parse(root.dataset['strings'] ?? '{}') as SearchStrings;
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

  let pf: Pagefind;
  let totals: Record<string, Record<string, number>>;
  try {
    // A computed URL keeps the bundler from resolving the file, which exists only after indexing.
    const url = new URL(`${root.dataset['bundle'] ?? '/pagefind/'}pagefind.js`, location.origin).href;
    pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ excerptLength: 24 });
    await pf.init();
    totals = await pf.filters();
  } catch (err) {
    console.error('search index:', err);
    $('search-failed').hidden = false;
    return;
  }
  ui.hidden = false;

  let state: SearchState = parseSearch(location.search);
  let run = 0;
  let current: PagefindSearch | null = null;
  let shown = 0;

  const label = (facet: SearchFacet, v: string) => (facet === 'kind' ? (s.kindLabels[v] ?? v) : v);

  function facetValues(facet: SearchFacet): string[] {
    const vals = new Set([...Object.keys(totals[facet] ?? {}), ...state.filters[facet]]);
    const coll = new Intl.Collator(lang, { numeric: true });
    return [...vals].sort((a, b) =>
      facet === 'year' ? coll.compare(b, a) : coll.compare(label(facet, a), label(facet, b)),
    );
  }

  function renderFacets(counts: Record<string, Record<string, number>>) {
    const active =
      document.activeElement instanceof HTMLInputElement && facetsEl.contains(document.activeElement)
        ? `${document.activeElement.name}\u0000${document.activeElement.value}`
        : '';
    const groups: HTMLElement[] = [];
    for (const facet of SEARCH_FACETS) {
      const values = facetValues(facet);
      if (values.length === 0) continue;
      const ul = el('ul');
      for (const v of values) {
        const box = el('input', { type: 'checkbox', name: facet, value: v, checked: state.filters[facet].includes(v) });
        const n = counts[facet]?.[v] ?? 0;
        ul.append(
          el('li', {}, el('label', {}, box, ' ', label(facet, v), ' ', el('span', { className: 'count' }, `(${n})`))),
        );
      }
      groups.push(el('fieldset', {}, el('legend', {}, s[facet]), ul));
    }
    facetsEl.replaceChildren(...groups);
    show(clear, hasFilters(state));
    if (active) {
      const [name, value] = active.split('\u0000');
      for (const b of facetsEl.querySelectorAll<HTMLInputElement>('input'))
        if (b.name === name && b.value === value) b.focus();
    }
  }

  async function renderMore() {
    if (!current) return;
    const slice = current.results.slice(shown, shown + PAGE);
    const datas = await Promise.all(slice.map((r) => r.data()));
    const first = shown;
    for (const d of datas) {
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
      list.append(li);
    }
    shown += slice.length;
    show(more, shown < current.results.length);
    if (first > 0) list.children[first]?.querySelector('a')?.focus();
  }

  async function execute() {
    const mine = ++run;
    const q = state.q;
    toTimeline.href = timelineHref(lang, q);
    if (!q && !hasFilters(state)) {
      current = null;
      list.replaceChildren();
      show(more, false);
      status.textContent = s.prompt;
      renderFacets(totals);
      return;
    }
    status.textContent = s.loading;
    const res = await pf.search(q || null, { filters: pagefindFilters(state) });
    if (mine !== run || !res) return;
    current = res;
    shown = 0;
    list.replaceChildren();
    await renderMore();
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
    renderFacets(res.filters);
  }

  function commit(next: SearchState, how: 'push' | 'replace') {
    state = next;
    const url = `${location.pathname}${searchQuery(state)}`;
    if (url !== `${location.pathname}${location.search}`)
      history[how === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    void execute();
  }

  input.value = state.q;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    commit({ ...state, q: input.value.trim() }, 'push');
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => commit({ ...state, q: input.value.trim() }, 'replace'), 200);
  });
  facetsEl.addEventListener('change', (ev) => {
    const box = ev.target as HTMLInputElement;
    const facet = box.name as SearchFacet;
    const values = new Set(state.filters[facet]);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    commit({ ...state, filters: { ...state.filters, [facet]: [...values].sort() } }, 'push');
  });
  clear.addEventListener('click', () => {
    commit({ ...emptySearch(), q: state.q }, 'push');
    input.focus();
  });
  more.addEventListener('click', () => void renderMore());
  addEventListener('popstate', () => {
    state = parseSearch(location.search);
    input.value = state.q;
    void execute();
  });
  await execute();
  root.dataset['ready'] = 'true';
}

const root = document.getElementById('search');
if (root) void start(root);
