/**
 * The event list under the timeline, kept in step with the filters.
 *
 * - `full` mode (the page holds every event): items and empty month/year groups are hidden, not
 *   removed, so the server-rendered HTML stays the source of truth. Only items whose state
 *   changes are touched.
 * - `index` mode (large register; the page holds only links to year pages): the matching events
 *   are rendered from the compact data a page at a time ("show more"), with the same markup as
 *   EventItem.astro. A summary whose file is not loaded yet is filled in when it arrives.
 */
import { datetimeAttr, precisionOf } from '../../lib/dates.ts';
import { groupByYearMonth, LIST_PAGE } from '../../lib/timeline/groups.ts';
import { fill, type TimelineStrings } from '../../lib/timeline/strings.ts';
import { eventAt, type Timeline } from '../../lib/timeline/data.ts';

export const CHUNK = LIST_PAGE;

export interface EventList {
  /**
   * Shows exactly these events (positions, chronological); a rendered list renders its first
   * `upTo` (default: a page), the rest of the page by `complete`.
   */
  show(shown: Int32Array, upTo?: number): void;
  /** Renders the rest of the first page (after `show` with a smaller `upTo`). */
  complete(): void;
  /** Resolves when every rendered item has its summary. */
  settled(): Promise<void>;
  /** The list element of event i, rendering further items if needed; undefined if not shown. */
  reveal(i: number): HTMLElement | undefined;
}

/** Loads the summaries of these positions (see main.ts). */
export type EnsureSummaries = (positions: readonly number[]) => Promise<void>;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Text or an attribute value as HTML. */
const esc = (v: string) => v.replace(/[&<>"]/g, (c) => ESC[c]!);

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
  ensure: EnsureSummaries,
): EventList {
  if (mode === 'full') return fullList(container, tl);
  return renderedList(container, tl, s, lang, moreButton, ensure);
}

function fullList(container: HTMLElement, tl: Timeline): EventList {
  const pos = new Map(tl.ids.map((id, i) => [id, i]));
  const items: (HTMLElement | undefined)[] = new Array(tl.n);
  const visible = new Uint8Array(tl.n).fill(1);
  const months = [...container.querySelectorAll<HTMLElement>('section.tl-month')].map((section) => {
    const members: number[] = [];
    for (const li of section.querySelectorAll<HTMLElement>('ol.events > li[id^="event-"]')) {
      const i = pos.get(li.id.slice(6));
      if (i === undefined) continue;
      items[i] = li;
      members.push(i);
      visible[i] = li.hidden ? 0 : 1;
    }
    return { section, members, year: section.closest<HTMLElement>('section.tl-year') };
  });
  const years = [...new Set(months.map((m) => m.year).filter((y): y is HTMLElement => y !== null))];
  return {
    show(shown) {
      const on = new Uint8Array(tl.n);
      for (const i of shown) on[i] = 1;
      for (let i = 0; i < tl.n; i++) {
        const li = items[i];
        if (li && on[i] !== visible[i]) {
          li.hidden = on[i] === 0;
          visible[i] = on[i]!;
        }
      }
      const yearOn = new Set<HTMLElement>();
      for (const m of months) {
        const any = m.members.some((i) => on[i] === 1);
        if (m.section.hidden === any) m.section.hidden = !any;
        if (any && m.year) yearOn.add(m.year);
      }
      for (const y of years) if (y.hidden === yearOn.has(y)) y.hidden = !yearOn.has(y);
    },
    complete: () => undefined,
    settled: () => Promise.resolve(),
    reveal(i) {
      const li = items[i];
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
  ensure: EnsureSummaries,
): EventList {
  const out = h('div', { class: 'tl-rendered' });
  container.prepend(out);
  const monthFmt = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  let shown: Int32Array = new Int32Array(0);
  let rendered = 0;
  let lastYear: HTMLElement | undefined;
  let lastMonth: HTMLOListElement | undefined;
  let lastMonthKey = '';
  let lastYearKey = '';
  let pending: Promise<void> = Promise.resolve();
  /** Positions of rendered events whose summary file has not arrived yet. */
  const waiting = new Set<number>();

  /** An event's item as HTML (the markup of EventItem.astro): one parse per page, not ~15 nodes each. */
  const item = (i: number): string => {
    const r = eventAt(tl, i);
    const p = precisionOf(r.date.on);
    const inc = r.incident;
    const label = (list: string, v: string) => esc(tl.labels[list]?.[v] ?? v);
    let date = `<time datetime="${esc(datetimeAttr(r.date))}" data-precision="${p}">${esc(r.dateText)}</time>`;
    if (p !== 'day') date += `<span class="meta"> (${label('precision', p)})</span>`;
    const badges =
      `<span class="badge">${label('type', r.type)}</span>` +
      `<span class="badge ${esc(r.status)}" title="${esc(s.status)}">${label('status', r.status)}</span>` +
      `<span class="badge ${esc(r.confidence)}" title="${esc(s.confidence)}">${label('confidence', r.confidence)}</span>`;
    const follow = r.followUp ? `<span class="badge">${esc(s.followUp)}</span>` : '';
    let meta = inc ? `<a href="/${lang}/incidents/${esc(inc.id)}/">${esc(inc.title)}</a> · ` : '';
    meta += `${r.sources} ${esc(r.sources === 1 ? s.source : s.sources)}`;
    if (r.discrepancy) meta += ` · <span class="badge disputed">${esc(s.discrepancy)}</span>`;
    if (r.summary === undefined) waiting.add(i);
    return (
      `<li id="event-${esc(r.id)}" data-date="${esc(r.date.on)}"${r.followUp ? ' class="follow-up"' : ''}>` +
      `<div><span class="event-date">${date}</span> <span class="badges">${badges}</span>${follow}</div>` +
      `<h4 class="event-title"><a href="/${lang}/events/${esc(r.id)}/">${esc(r.title)}</a></h4>` +
      `<p>${esc(r.summary ?? '')}</p><p class="meta">${meta}</p></li>`
    );
  };

  const fillSummaries = () => {
    for (const i of waiting) {
      const text = tl.summary[i];
      const p = document.getElementById(`event-${tl.ids[i]!}`)?.querySelector(':scope > p:not(.meta)');
      if (text !== undefined && p) {
        p.textContent = text;
        waiting.delete(i);
      }
    }
    out.removeAttribute('aria-busy');
  };

  const renderUpTo = (n: number) => {
    const end = Math.min(shown.length, n);
    const slice = Array.from(shown.subarray(rendered, end));
    for (const y of groupByYearMonth(slice, (i) => tl.on[i]!)) {
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
        lastMonth.insertAdjacentHTML('beforeend', m.items.map(item).join(''));
      }
    }
    rendered = end;
    const rest = shown.length - rendered;
    more.textContent = fill(s.showMore, { n: Math.min(CHUNK, rest) });
    (more.parentElement ?? more).hidden = rest <= 0;
    if (waiting.size) {
      out.setAttribute('aria-busy', 'true');
      const current = shown;
      pending = ensure([...waiting]).then(
        () => {
          if (current === shown) fillSummaries();
        },
        (err: unknown) => {
          out.removeAttribute('aria-busy');
          console.error('timeline summaries:', err);
        },
      );
    }
  };

  more.addEventListener('click', () => {
    const first = rendered;
    renderUpTo(rendered + CHUNK);
    // Keep keyboard users in place: focus the first newly shown event's link.
    document
      .getElementById(`event-${tl.ids[shown[first] ?? -1] ?? ''}`)
      ?.querySelector('a')
      ?.focus();
  });

  return {
    show(next, upTo = CHUNK) {
      shown = next;
      rendered = 0;
      lastYear = undefined;
      lastMonth = undefined;
      lastYearKey = '';
      lastMonthKey = '';
      waiting.clear();
      pending = Promise.resolve();
      out.removeAttribute('aria-busy');
      out.replaceChildren();
      renderUpTo(upTo);
    },
    complete() {
      if (rendered < CHUNK) renderUpTo(CHUNK);
    },
    settled: () => pending,
    reveal(i) {
      // Binary search: shown is in ascending order.
      let lo = 0;
      let hi = shown.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (shown[mid]! < i) lo = mid + 1;
        else hi = mid;
      }
      if (shown[lo] !== i) return undefined;
      if (lo >= rendered) renderUpTo(lo + 1);
      return document.getElementById(`event-${tl.ids[i]!}`) ?? undefined;
    },
  };
}
