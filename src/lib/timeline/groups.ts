/**
 * Grouping of the static (no-JavaScript) timeline list by year and month, and the page-size
 * decision.
 *
 * Decision: the year pages `/{lang}/timeline/{year}/` are ALWAYS generated, so their addresses
 * stay valid however large the register grows (citations must not break when it crosses the
 * threshold). The main page `/{lang}/timeline/` additionally holds the complete list while the
 * register has at most `LIST_MAX_EVENTS` events; above that it holds an index of the year pages
 * and the enhanced view renders the filtered list from the compact JSON.
 */

/** Most events the main timeline page lists in full (≈ 1.5 MB of HTML at this size). */
export const LIST_MAX_EVENTS = 1000;

/**
 * Events the enhanced list of a large register renders at once (then "show more"). Each rendered
 * event is ~25 layout objects: at 50, laying out a page stays a short task even on a slow phone.
 */
export const LIST_PAGE = 50;

export interface MonthGroup<T> {
  /** YYYY-MM, or YYYY for events dated only to the year. */
  key: string;
  items: T[];
}
export interface YearGroup<T> {
  year: string;
  count: number;
  months: MonthGroup<T>[];
}

/**
 * Groups items (already chronological) by the year and month their date starts in. Events known
 * only to the year form a group of their own at the start of the year.
 */
export function groupByYearMonth<T>(items: readonly T[], dateOf: (item: T) => string): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const item of items) {
    const on = dateOf(item);
    const year = on.slice(0, 4);
    const key = on.length === 4 ? year : on.slice(0, 7);
    let y = years.at(-1);
    if (!y || y.year !== year) {
      y = { year, count: 0, months: [] };
      years.push(y);
    }
    let m = y.months.at(-1);
    if (!m || m.key !== key) {
      m = { key, items: [] };
      y.months.push(m);
    }
    m.items.push(item);
    y.count++;
  }
  return years;
}

/** Whether the main page lists every event (see the module comment). */
export function listsAllOnMainPage(total: number, max: number = LIST_MAX_EVENTS): boolean {
  return total <= max;
}
