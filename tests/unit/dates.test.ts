import { describe, it, expect } from 'vitest';
import { compareDates, formatDate, isValidIsoDate, lowerBound, upperBound, precisionOf } from '../../src/lib/dates.ts';

describe('dates with precision', () => {
  it('a date is never shown more precisely than its ISO form', () => {
    expect(formatDate({ on: '2024' }, 'de')).toBe('2024');
    expect(formatDate({ on: '2024-06' }, 'de')).toBe('Juni 2024');
    expect(formatDate({ on: '2024-06' }, 'en')).toBe('June 2024');
    expect(formatDate({ on: '2024-06-05' }, 'de')).toBe('5. Juni 2024');
    expect(formatDate({ on: '2024-06-05' }, 'en')).toBe('5 June 2024');
  });
  it('qualifiers, ranges and times are shown in the page language', () => {
    expect(formatDate({ on: '2024-05-16', qualifier: 'before' }, 'en')).toBe('no later than 16 May 2024');
    expect(formatDate({ on: '2024-05-16', qualifier: 'before' }, 'de')).toBe('spätestens 16. Mai 2024');
    expect(formatDate({ on: '2024-05', qualifier: 'after' }, 'en')).toBe('no earlier than May 2024');
    expect(formatDate({ on: '2024-05-06', qualifier: 'about' }, 'de')).toBe('etwa 6. Mai 2024');
    expect(formatDate({ on: '2024-02-20', until: '2024-02-25' }, 'en')).toBe('20 February 2024 – 25 February 2024');
    expect(formatDate({ on: '2024-03-20', time: '12:01' }, 'de')).toBe('20. März 2024, 12:01 Uhr');
  });
  it('dates are displayed in UTC whatever the machine time zone', () => {
    expect(formatDate({ on: '2024-01-01' }, 'en')).toBe('1 January 2024');
  });
  it('impossible dates are invalid', () => {
    expect(isValidIsoDate('2024-02-30')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-13')).toBe(false);
    expect(isValidIsoDate('24-01-01')).toBe(false);
  });
  it('bounds cover the whole period of a coarse date', () => {
    expect(lowerBound('2024-06')).toBe('2024-06-01');
    expect(upperBound('2024-06')).toBe('2024-06-30');
    expect(upperBound('2024-02')).toBe('2024-02-29');
    expect(upperBound('2024')).toBe('2024-12-31');
    expect(precisionOf('2024-06')).toBe('month');
  });
  it('events sort by start, then precision, then time, then id — stably', () => {
    const xs = [
      { id: 'c', d: { on: '2024-06-05', time: '20:12' } },
      { id: 'b', d: { on: '2024-06-05' } },
      { id: 'a', d: { on: '2024-06' } },
      { id: 'd', d: { on: '2024-06-05' } },
      { id: 'e', d: { on: '2024' } },
    ];
    const sorted = [...xs].sort((x, y) => compareDates(x.d, y.d, x.id, y.id)).map((x) => x.id);
    expect(sorted).toEqual(['e', 'a', 'b', 'd', 'c']);
  });
});
