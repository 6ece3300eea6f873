/**
 * The event list under the timeline, kept in step with the filters.
 *
 * - `full` mode (the page holds every event): items and empty month/year groups are hidden, not
 *   removed, so the server-rendered HTML stays the source of truth.
 * - `index` mode (large register; the page holds only links to year pages): the matching events
 *   are rendered from the compact data in chunks, with the same markup as EventItem.astro.
 */
import { datetimeAttr, precisionOf } from '../../lib/dates.ts';
import { groupByYearMonth } from '../../lib/timeline/groups.ts';
import { fill, type TimelineStrings } from '../../lib/timeline/strings.ts';
import type { Timeline, TimelineRecord } from '../../lib/timeline/data.ts';

export const CHUNK = 100;

export interface EventList {
  /** Shows exactly these records (chronological). */
  show(records: readonly TimelineRecord[]): void;
  /** The list element of an event, rendering further chunks if needed; undefined if not shown. */
  reveal(id: string): HTMLElement | undefined;
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

export function createList(
  container: HTMLElement,
  mode: 'full' | 'index',
  tl: Timeline,
  s: TimelineStrings,
  lang: string,
  moreButton: HTMLButtonElement,
): EventList {
  if (mode === 'full') return fullList(container);
  return renderedList(container, tl, s, lang, moreButton);
}

function fullList(container: HTMLElement): EventList {
  const items = new Map<string, HTMLElement>();
  for (const li of container.querySelectorAll<HTMLElement>('ol.events > li[id^="event-"]'))
    items.set(li.id.slice(6), li);
  const months = [...container.querySelectorAll<HTMLElement>('section.tl-month')];
  const years = [...container.querySelectorAll<HTMLElement>('section.tl-year')];
  return {
    show(records) {
      const on = new Set(records.map((r) => r.id));
      for (const [id, li] of items) li.hidden = !on.has(id);
      for (const m of months) m.hidden = !m.querySelector('ol.events > li:not([hidden])');
      for (const y of years) y.hidden = !y.querySelector('section.tl-month:not([hidden])');
    },
    reveal(id) {
      const li = items.get(id);
      return li && !li.hidden ? li : undefined;
    },
  };
}

function renderedList(
  container: HTMLElement,
  tl: Timeline,
  s: TimelineStrings,
  lang: string,
  more: HTMLButtonElement,
): EventList {
  const out = h('div', { class: 'tl-rendered' });
  container.prepend(out);
  const monthFmt = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  let records: readonly TimelineRecord[] = [];
  let rendered = 0;
  let lastYear: HTMLElement | undefined;
  let lastMonth: HTMLOListElement | undefined;
  let lastMonthKey = '';
  let lastYearKey = '';

  const item = (r: TimelineRecord): HTMLLIElement => {
    const p = precisionOf(r.date.on);
    const inc = tl.incidents[r.incidentIndex];
    const date = h(
      'span',
      { class: 'event-date' },
      h('time', { datetime: datetimeAttr(r.date), 'data-precision': p }, r.dateText),
    );
    if (p !== 'day') date.append(h('span', { class: 'meta' }, ` (${tl.labels['precision']?.[p] ?? p})`));
    const badges = h(
      'span',
      { class: 'badges' },
      h('span', { class: 'badge' }, tl.labels['type']?.[r.type] ?? r.type),
      h('span', { class: `badge ${r.status}`, title: s.status }, tl.labels['status']?.[r.status] ?? r.status),
      h(
        'span',
        { class: `badge ${r.confidence}`, title: s.confidence },
        tl.labels['confidence']?.[r.confidence] ?? r.confidence,
      ),
    );
    const head = h('div', {}, date, ' ', badges);
    if (r.followUp) head.append(h('span', { class: 'badge' }, s.followUp));
    const meta = h('p', { class: 'meta' });
    if (inc) meta.append(h('a', { href: `/${lang}/incidents/${inc.id}/` }, inc.title), ' · ');
    meta.append(`${r.sources} ${r.sources === 1 ? s.source : s.sources}`);
    if (r.discrepancy) meta.append(' · ', h('span', { class: 'badge disputed' }, s.discrepancy));
    const li = h(
      'li',
      { id: `event-${r.id}`, 'data-date': r.date.on },
      head,
      h('h4', { class: 'event-title' }, h('a', { href: `/${lang}/events/${r.id}/` }, r.title)),
      h('p', {}, r.summary),
      meta,
    );
    if (r.followUp) li.classList.add('follow-up');
    return li;
  };

  const renderUpTo = (n: number) => {
    const end = Math.min(records.length, n);
    const slice = records.slice(rendered, end);
    for (const y of groupByYearMonth(slice, (r) => r.date.on)) {
      if (y.year !== lastYearKey || !lastYear) {
        lastYear = h('section', { class: 'tl-year', 'data-year': y.year }, h('h2', {}, y.year));
        out.append(lastYear);
        lastYearKey = y.year;
        lastMonthKey = '';
      }
      for (const m of y.months) {
        if (m.key !== lastMonthKey || !lastMonth) {
          const title =
            m.key.length === 4
              ? `${m.key} (${lang === 'de' ? 'ohne Monat' : 'month unknown'})`
              : monthFmt.format(new Date(`${m.key}-01T00:00:00Z`));
          lastMonth = h('ol', { class: 'events' });
          lastYear.append(h('section', { class: 'tl-month', 'data-month': m.key }, h('h3', {}, title), lastMonth));
          lastMonthKey = m.key;
        }
        const frag = document.createDocumentFragment();
        for (const r of m.items) frag.append(item(r));
        lastMonth.append(frag);
      }
    }
    rendered = end;
    const rest = records.length - rendered;
    more.textContent = fill(s.showMore, { n: Math.min(CHUNK, rest) });
    (more.parentElement ?? more).hidden = rest <= 0;
  };

  more.addEventListener('click', () => {
    const first = rendered;
    renderUpTo(rendered + CHUNK);
    // Keep keyboard users in place: focus the first newly shown event's link.
    document
      .getElementById(`event-${records[first]?.id ?? ''}`)
      ?.querySelector('a')
      ?.focus();
  });

  return {
    show(next) {
      records = next;
      rendered = 0;
      lastYear = undefined;
      lastMonth = undefined;
      lastYearKey = '';
      lastMonthKey = '';
      out.replaceChildren();
      renderUpTo(CHUNK);
    },
    reveal(id) {
      const pos = records.findIndex((r) => r.id === id);
      if (pos < 0) return undefined;
      if (pos >= rendered) renderUpTo(pos + 1);
      return document.getElementById(`event-${id}`) ?? undefined;
    },
  };
}
