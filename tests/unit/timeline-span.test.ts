import { describe, expect, it } from 'vitest';
import { boundOfQuery, dayNumber, eventSpan, isoOfDay, overlaps } from '../../src/lib/timeline/span.ts';

const iso = (s: { start: number; end: number }) => [isoOfDay(s.start), isoOfDay(s.end)];

describe('date spans of timeline events', () => {
  it('day numbers agree with the calendar across leap years and centuries', () => {
    for (const day of [
      '1900-02-28',
      '1900-03-01',
      '1970-01-01',
      '2000-02-29',
      '2000-03-01',
      '2024-02-29',
      '2024-12-31',
      '2100-03-01',
    ]) {
      expect(dayNumber(day)).toBe(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
      expect(isoOfDay(dayNumber(day))).toBe(day);
    }
  });

  it('a date known to the day is a point', () => {
    const s = eventSpan({ on: '2024-02-19' });
    expect(s.shape).toBe('point');
    expect(iso(s)).toEqual(['2024-02-19', '2024-02-19']);
  });

  it('a month, a year and a range are spans over every day they can stand for', () => {
    expect(iso(eventSpan({ on: '2024-02' }))).toEqual(['2024-02-01', '2024-02-29']);
    expect(iso(eventSpan({ on: '2023' }))).toEqual(['2023-01-01', '2023-12-31']);
    const r = eventSpan({ on: '2024-02-20', until: '2024-02-25' });
    expect(r.shape).toBe('span');
    expect(iso(r)).toEqual(['2024-02-20', '2024-02-25']);
  });

  it('an approximate day is drawn as a span of a week either side', () => {
    const s = eventSpan({ on: '2024-05-06', qualifier: 'about' });
    expect(s.shape).toBe('span');
    expect(iso(s)).toEqual(['2024-04-29', '2024-05-13']);
  });

  it('"before" and "after" are spans open on their unknown side', () => {
    const b = eventSpan({ on: '2024-03-01', qualifier: 'before' });
    expect(iso(b)).toEqual(['2024-02-23', '2024-02-29']);
    expect([b.openStart, b.openEnd]).toEqual([true, false]);
    const a = eventSpan({ on: '2024-03', qualifier: 'after' });
    expect(iso(a)[0]).toBe('2024-04-01');
    expect([a.openStart, a.openEnd]).toEqual([false, true]);
  });

  it('from takes the first and to the last day of a coarse query date', () => {
    expect(isoOfDay(boundOfQuery('2024-02', 'from')!)).toBe('2024-02-01');
    expect(isoOfDay(boundOfQuery('2024-02', 'to')!)).toBe('2024-02-29');
    expect(isoOfDay(boundOfQuery('2024', 'to')!)).toBe('2024-12-31');
    expect(boundOfQuery('2024-02-30', 'from')).toBeUndefined();
  });

  it('a month-precision event overlaps a range that touches the month', () => {
    const feb = eventSpan({ on: '2024-02' });
    expect(overlaps(feb, dayNumber('2024-02-29'), undefined)).toBe(true);
    expect(overlaps(feb, dayNumber('2024-03-01'), undefined)).toBe(false);
    expect(overlaps(feb, undefined, dayNumber('2024-01-31'))).toBe(false);
  });
});
