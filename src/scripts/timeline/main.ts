/**
 * Enhancement of /{lang}/timeline/: loads the compact data, applies the filters in the URL,
 * keeps form, URL, counts, list and chart in step. Without this script the page is a complete
 * static list (or year index) and a GET form.
 *
 * Loading (data.ts): the main file, after the page's first paint (its gzip twin where the browser
 * can decompress it: packed.ts); the summaries per year only as the list or the text filter needs
 * them (the first list page's years with the main file; all of them as soon as the text filter
 * gets the focus). Long work is cut into tasks (`yieldToMain`) so that no task blocks input for
 * long.
 *
 * Timings for the browser tests and the benchmark: the mark `timeline:interactive` (set when the
 * first filtered render is done and every control works; its startTime is the time since
 * navigation start) and the measure `timeline:filter` (duration of the last filter change).
 */
import {
  addSummaries,
  decodeTimeline,
  indexOfId,
  partOf,
  searchText,
  type Timeline,
  type TimelineJson,
  type TimelinePart,
  type TimelineSummariesJson,
} from '../../lib/timeline/data.ts';
import { applyFilter, needsText } from '../../lib/timeline/filter.ts';
import { unpackJson } from '../../lib/timeline/packed.ts';
import { isEmptyState, parseQuery, sameState, toQuery, type FilterState } from '../../lib/timeline/state.ts';
import { fill, type TimelineStrings } from '../../lib/timeline/strings.ts';
import { createChart } from './chart.ts';
import { clearForm, readForm, writeCounts, writeForm } from './form.ts';
import { CHUNK, createList } from './list.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

/** Ends the current task so input and rendering can run (scheduler.yield where available). */
function yieldToMain(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Requests started ahead of need (see `start`), by URL; each is taken once. */
const early = new Map<string, Promise<unknown>>();

/** Whether the gzip twins of the data files (`….json.gz`, packed.ts) can be read here. */
const packed = typeof DecompressionStream === 'function';

/** A data file by its `.json` address; where possible its `.json.gz` twin is what is loaded. */
async function getJson<T>(url: string): Promise<T> {
  const ahead = early.get(url);
  if (ahead) {
    early.delete(url);
    return ahead as Promise<T>;
  }
  const src = packed ? `${url}.gz` : url;
  const res = await fetch(src, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
  return packed ? unpackJson<T>(await res.arrayBuffer()) : ((await res.json()) as T);
}

/** Resolves after the next frame has been painted. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Loads summary files once each, on demand. */
function summaryLoader(tl: Timeline, urlOf: (key: string) => string) {
  const loading = new Map<string, Promise<void>>();
  const load = (part: TimelinePart & { loaded: boolean }): Promise<void> => {
    if (part.loaded) return Promise.resolve();
    let p = loading.get(part.key);
    if (!p) {
      p = getJson<TimelineSummariesJson>(urlOf(part.key)).then((json) => addSummaries(tl, json));
      p.catch(() => loading.delete(part.key));
      loading.set(part.key, p);
    }
    return p;
  };
  return {
    /** The summaries of these positions. */
    async ensure(positions: readonly number[]): Promise<void> {
      const parts = new Set(positions.map((i) => partOf(tl, i)));
      await Promise.all([...parts].map(load));
    },
    /** Every summary; folds them for the text filter in slices. */
    async all(): Promise<void> {
      await Promise.all(tl.parts.map(load));
      let until = performance.now() + 8;
      for (let i = 0; i < tl.n; i++) {
        searchText(tl, i);
        if ((i & 63) === 0 && performance.now() > until) {
          await yieldToMain();
          until = performance.now() + 8;
        }
      }
    },
  };
}

async function start(root: HTMLElement) {
  const s = JSON.parse(root.dataset['strings'] ?? '{}') as TimelineStrings;
  const lang = root.dataset['lang'] ?? 'de';
  const mode = root.dataset['mode'] === 'index' ? 'index' : 'full';
  const form = $<HTMLFormElement>('tl-filters');
  const count = $<HTMLElement>('tl-count');
  const listEl = $<HTMLElement>('tl-list');
  const visual = $<HTMLElement>('tl-visual');
  const none = $<HTMLElement>('tl-none');
  const more = $<HTMLButtonElement>('tl-more');
  const targetNote = $<HTMLElement>('tl-target-note');
  const problemsEl = $<HTMLElement>('tl-problems');
  if (!form || !count || !listEl || !visual || !none || !more || !targetNote || !problemsEl) return;

  let tl: Timeline;
  try {
    // The data is requested once the page's own content is painted, not preloaded with it nor
    // requested as the script starts: the text of the page is what a reader sees first, and on a
    // slow line a large download that competes with the page's first paint delays it (under
    // Lighthouse's simulated slow line a request started as the script ran took the largest
    // contentful paint of a 10,000-event register from 1.4 s to 3.6–4.0 s). The first list page's
    // summaries (a large register) are requested together with the data.
    await afterPaint();
    const loading = getJson<TimelineJson>(root.dataset['json'] ?? '');
    const summariesUrl = root.dataset['summaries'] ?? '';
    for (const key of (root.dataset['firstParts'] ?? '').split(' ').filter(Boolean)) {
      const url = fill(summariesUrl, { key });
      const p = getJson(url);
      p.catch(() => early.delete(url));
      early.set(url, p);
    }
    // While the data loads: the date formatting data the chart and the list need (the first
    // Intl formatter of a page is the expensive one), in a task of its own.
    await yieldToMain();
    new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(0);
    const json = await loading;
    await yieldToMain();
    tl = decodeTimeline(json);
  } catch (err) {
    count.textContent = s.loadError;
    console.error('timeline data:', err);
    return;
  }
  const total = tl.n;
  const summariesUrl = root.dataset['summaries'] ?? '';
  const summaries = summaryLoader(tl, (key) => fill(summariesUrl, { key }));
  const list = createList(listEl, mode, tl, s, lang, more, (positions) => summaries.ensure(positions));
  await yieldToMain();
  const chart = createChart(visual, {
    tl,
    s,
    lang,
    open: (i) => location.assign(`/${lang}/events/${tl.ids[i]!}/`),
    leave: () => {
      const first = listEl.querySelector<HTMLElement>('h2');
      if (first) {
        first.tabIndex = -1;
        first.focus();
      } else listEl.focus();
    },
  });

  let state: FilterState;
  let announced = '';
  let renders = 0;

  /**
   * Filters and updates counts, chart and list. Synchronous unless the text filter needs the
   * summaries first, or `pause` is given (the first render: each step a task of its own, so no
   * task blocks input for long); a render overtaken by a newer one while waiting is dropped.
   * Resolves false when dropped.
   */
  async function render(next: FilterState, pause?: () => Promise<void>): Promise<boolean> {
    const t0 = performance.now();
    const token = ++renders;
    state = next;
    if (needsText(next)) {
      listEl!.setAttribute('aria-busy', 'true');
      try {
        await summaries.all();
      } catch (err) {
        count!.textContent = announced = s.loadError;
        console.error('timeline summaries:', err);
        return false;
      } finally {
        if (token === renders) listEl!.removeAttribute('aria-busy');
      }
      if (token !== renders) return false;
    }
    const { shown, counts } = applyFilter(tl, next);
    // The first render of a rendered list waits for the summaries of its first page (requested
    // with the data, they load while the chart is drawn); later ones fill them in on arrival.
    const firstPage = pause && mode === 'index' ? summaries.ensure(Array.from(shown.subarray(0, CHUNK))) : undefined;
    if (pause) await pause();
    chart.prepare(shown);
    if (pause) await pause();
    chart.paint();
    if (pause) await pause();
    if (firstPage) await firstPage.catch(() => undefined);
    if (token !== renders) return false;
    if (pause) {
      // Half a page, and the other half after the next frame: two smaller layouts, not one.
      list.show(shown, CHUNK / 2);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (token !== renders) return false;
      list.complete();
    } else list.show(shown);
    if (pause) await pause();
    writeCounts(form!, counts);
    const text =
      shown.length === total && isEmptyState(next)
        ? fill(s.countAll, { total })
        : fill(shown.length === 1 ? s.countOne : s.countOf, { n: shown.length, total });
    if (text !== announced) count!.textContent = announced = text;
    none!.hidden = shown.length > 0;
    performance.clearMeasures('timeline:filter');
    performance.measure('timeline:filter', { start: t0, end: performance.now() });
    root.dataset['shown'] = String(shown.length);
    return true;
  }

  function commit(next: FilterState, how: 'push' | 'replace') {
    if (sameState(next, state)) return;
    void render(next);
    const url = `${location.pathname}${toQuery(state)}`;
    if (how === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function showProblems(problems: ReturnType<typeof parseQuery>['problems']) {
    problemsEl!.hidden = problems.length === 0;
    problemsEl!.replaceChildren(
      ...problems.map((p) =>
        Object.assign(document.createElement('p'), { textContent: fill(s.invalidParam, { ...p }) }),
      ),
    );
  }

  function focusTarget() {
    const m = /^#event-(.+)$/.exec(decodeURIComponent(location.hash));
    targetNote!.hidden = true;
    if (!m) return;
    const i = indexOfId(tl, m[1]!);
    if (i < 0) return;
    const li = list.reveal(i);
    if (!li) {
      targetNote!.hidden = false;
      return;
    }
    for (const old of listEl!.querySelectorAll('.tl-highlight')) old.classList.remove('tl-highlight');
    li.classList.add('tl-highlight');
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    li.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  }

  const initial = parseQuery(location.search);
  showProblems(initial.problems);
  writeForm(form, initial.state);
  await yieldToMain();
  await render(initial.state, yieldToMain);
  // The first list page's summaries before the page counts as ready.
  await list.settled().catch(() => undefined);
  focusTarget();

  form.addEventListener('change', (ev) => {
    if ((ev.target as HTMLInputElement).type === 'checkbox') commit(readForm(form), 'push');
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (ev) => {
    if ((ev.target as HTMLInputElement).type === 'checkbox') return;
    clearTimeout(typing);
    typing = setTimeout(() => commit(readForm(form), 'replace'), 180);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(typing);
    commit(readForm(form), 'push');
  });
  form.querySelector('.tl-clear')?.addEventListener('click', (ev) => {
    ev.preventDefault();
    commit(clearForm(form), 'push');
    showProblems([]);
  });
  $<HTMLButtonElement>('tl-show-target')?.addEventListener('click', () => {
    commit(clearForm(form), 'push');
    focusTarget();
  });
  addEventListener('popstate', () => {
    const next = parseQuery(location.search);
    writeForm(form, next.state);
    showProblems(next.problems);
    void render(next.state).then((done) => {
      if (done) focusTarget();
    });
  });
  addEventListener('hashchange', focusTarget);
  // Whoever starts typing a text filter will need every summary: start loading them now.
  $<HTMLInputElement>('tl-q')?.addEventListener('focus', () => void summaries.all().catch(() => undefined), {
    once: true,
  });

  root.dataset['ready'] = 'true';
  document.documentElement.setAttribute('data-timeline-ready', '');
  performance.mark('timeline:interactive');
}

const root = document.getElementById('timeline');
if (root) void start(root);
