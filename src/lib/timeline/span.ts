/**
 * Date spans of timeline events, as UTC day numbers (days since 1970-01-01), for drawing and for
 * the `from`/`to` filter. The chart draws and the filter tests the same span, so what the reader
 * sees on the chart is what the filter matches.
 *
 * - A day-precision date without qualifier is a point (start = end).
 * - A month or year, or a range (`until`), covers every day it can stand for: a span.
 * - `about` widens the span by one unit of its precision on each side (a week for a day).
 * - `before` reaches back one unit from the day before `on`; `after` reaches forward one unit
 *   from the day after; the open side is flagged so the chart can draw it as open-ended.
 */
import { isValidIsoDate, lowerBound, precisionOf, upperBound, type DateLike, type Precision } from '../dates.ts';

export type Shape = 'point' | 'span';

export interface DaySpan {
  /** First day, inclusive (days since 1970-01-01 UTC). */
  start: number;
  /** Last day, inclusive. */
  end: number;
  shape: Shape;
  /** The true start is unknown and may lie before `start` (qualifier `before`). */
  openStart: boolean;
  /** The true end is unknown and may lie after `end` (qualifier `after`). */
  openEnd: boolean;
}

const MS_PER_DAY = 86_400_000;

/**
 * Day number of an ISO day (YYYY-MM-DD), by calendar arithmetic (H. Hinnant's days_from_civil)
 * rather than Date.parse: the browser decodes 10,000 events on every page load.
 */
export function dayNumber(isoDay: string): number {
  let y = Number(isoDay.slice(0, 4));
  const m = Number(isoDay.slice(5, 7));
  const d = Number(isoDay.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** ISO day (YYYY-MM-DD) of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Date of a day number at 00:00 UTC. */
export function dateOfDay(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** Day number of a Date (UTC), fractional days dropped. */
export function dayOfDate(d: Date): number {
  return Math.floor(d.getTime() / MS_PER_DAY);
}

const UNIT_DAYS: Record<Precision, number> = { day: 7, month: 30, year: 365 };

/** The span an event date stands for; see the module comment for the rules. */
export function eventSpan(d: DateLike): DaySpan {
  const p = precisionOf(d.on);
  let start = dayNumber(lowerBound(d.on));
  let end = dayNumber(upperBound(d.until ?? d.on));
  let openStart = false;
  let openEnd = false;
  const unit = UNIT_DAYS[p];
  if (d.qualifier === 'about') {
    start -= unit;
    end += unit;
  } else if (d.qualifier === 'before') {
    end = start - 1;
    start = end - unit + 1;
    openStart = true;
  } else if (d.qualifier === 'after') {
    start = end + 1;
    end = start + unit - 1;
    openEnd = true;
  }
  const shape: Shape = start === end && !openStart && !openEnd ? 'point' : 'span';
  return { start, end, shape, openStart, openEnd };
}

/**
 * The day range a `from`/`to` query value stands for: YYYY, YYYY-MM or YYYY-MM-DD. `from` takes
 * the first day it covers, `to` the last, so `from=2024-02&to=2024-02` is all of February.
 * Returns undefined for anything else.
 */
export function boundOfQuery(value: string, side: 'from' | 'to'): number | undefined {
  if (!isValidIsoDate(value)) return undefined;
  return dayNumber(side === 'from' ? lowerBound(value) : upperBound(value));
}

/** True when the span [start, end] overlaps the range [from, to] (either side may be open). */
export function overlaps(
  span: { start: number; end: number },
  from: number | undefined,
  to: number | undefined,
): boolean {
  return (from === undefined || span.end >= from) && (to === undefined || span.start <= to);
}
