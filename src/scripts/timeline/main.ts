/**
 * Enhancement of /{lang}/timeline/: loads the compact data, applies the filters in the URL,
 * keeps form, URL, counts, list and chart in step. Without this script the page is a complete
 * static list (or year index) and a GET form.
 *
 * Timings for the browser tests and the benchmark: the mark `timeline:interactive` (set when the
 * first filtered render is done and every control works; its startTime is the time since
 * navigation start) and the measure `timeline:filter` (duration of the last filter change).
 */
import { decodeTimeline, searchText, type Timeline, type TimelineJson } from '../../lib/timeline/data.ts';
import { applyFilter } from '../../lib/timeline/filter.ts';
import { isEmptyState, parseQuery, sameState, toQuery, type FilterState } from '../../lib/timeline/state.ts';
import { fill, type TimelineStrings } from '../../lib/timeline/strings.ts';
import { createChart } from './chart.ts';
import { clearForm, readForm, writeCounts, writeForm } from './form.ts';
import { createList } from './list.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

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
    const res = await fetch(root.dataset['json'] ?? '', { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    tl = decodeTimeline((await res.json()) as TimelineJson);
  } catch (err) {
    count.textContent = s.loadError;
    console.error('timeline data:', err);
    return;
  }
  const total = tl.records.length;
  const list = createList(listEl, mode, tl, s, lang, more);
  const chart = createChart(visual, {
    tl,
    s,
    lang,
    open: (r) => location.assign(`/${lang}/events/${r.id}/`),
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

  function render(next: FilterState) {
    const t0 = performance.now();
    state = next;
    const { shown, counts } = applyFilter(tl.records, state);
    list.show(shown);
    chart.show(shown);
    writeCounts(form!, counts);
    const text =
      shown.length === total && isEmptyState(state)
        ? fill(s.countAll, { total })
        : fill(shown.length === 1 ? s.countOne : s.countOf, { n: shown.length, total });
    if (text !== announced) count!.textContent = announced = text;
    none!.hidden = shown.length > 0;
    performance.clearMeasures('timeline:filter');
    performance.measure('timeline:filter', { start: t0, end: performance.now() });
    root.dataset['shown'] = String(shown.length);
  }

  function commit(next: FilterState, how: 'push' | 'replace') {
    if (sameState(next, state)) return;
    render(next);
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
    const id = m[1]!;
    if (!tl.records.some((r) => r.id === id)) return;
    const li = list.reveal(id);
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
  render(initial.state);
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
    render(next.state);
    focusTarget();
  });
  addEventListener('hashchange', focusTarget);

  // Prepare the text filter in idle time, in slices, so typing into it later stays fast.
  let next = 0;
  const foldSome = (deadline?: IdleDeadline) => {
    const until = performance.now() + 8;
    while (next < tl.records.length && (deadline ? deadline.timeRemaining() > 1 : performance.now() < until))
      searchText(tl.records[next++]!);
    if (next < tl.records.length) schedule();
  };
  const schedule = () => ('requestIdleCallback' in window ? requestIdleCallback(foldSome) : setTimeout(foldSome, 16));
  schedule();

  root.dataset['ready'] = 'true';
  document.documentElement.setAttribute('data-timeline-ready', '');
  performance.mark('timeline:interactive');
}

const root = document.getElementById('timeline');
if (root) void start(root);
