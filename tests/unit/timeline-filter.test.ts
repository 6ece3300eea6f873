import { describe, expect, it } from 'vitest';
import { applyFilter } from '../../src/lib/timeline/filter.ts';
import { emptyState, parseQuery, type FilterState } from '../../src/lib/timeline/state.ts';
import { timeline } from '../fixtures/timeline.ts';

const ids = (q: string, lang: 'de' | 'en' = 'de') => {
  const tl = timeline(lang);
  return [...applyFilter(tl, parseQuery(q).state).shown].map((i) => tl.ids[i]);
};

describe('filtering the timeline', () => {
  it('no filter shows every event in chronological order', () => {
    expect(ids('')).toEqual([
      '2023-00-00-policy',
      '2024-02-19-call',
      '2024-03-00-reports',
      '2024-04-10-followup',
      '2024-06-05-advisory',
    ]);
  });

  it('values of one facet are alternatives, different facets must all hold', () => {
    expect(ids('type=incident&type=media-report')).toEqual(['2024-02-19-call', '2024-03-00-reports']);
    expect(ids('type=incident&type=media-report&status=reported')).toEqual(['2024-03-00-reports']);
  });

  it('category matches when any actor of the event has it', () => {
    expect(ids('category=government')).toEqual(['2023-00-00-policy', '2024-04-10-followup']);
  });

  it("country matches an actor's country or the incident's countries", () => {
    // Incident "leak" concerns DE: its events match DE without a German actor.
    expect(ids('country=DE')).toEqual(['2024-02-19-call', '2024-03-00-reports', '2024-04-10-followup']);
    // The follow-up names the Dutch ministry, the 2023 rule too.
    expect(ids('country=NL')).toEqual(['2023-00-00-policy', '2024-04-10-followup']);
  });

  it('from/to keep events whose date span overlaps the range', () => {
    expect(ids('from=2024-03&to=2024-03')).toEqual(['2024-03-00-reports']);
    // "about 10 April" reaches back to 3 April.
    expect(ids('from=2024-04-01&to=2024-04-05')).toEqual(['2024-04-10-followup']);
    expect(ids('to=2023-06')).toEqual(['2023-00-00-policy']);
  });

  it('the text filter ignores case and diacritics and needs every word', () => {
    expect(ids('q=UBUNG')).toEqual(['2024-03-00-reports']);
    expect(ids('q=strasse')).toEqual(['2024-03-00-reports']);
    expect(ids('q=defense')).toEqual(['2024-06-05-advisory']);
    expect(ids('q=webex%20offiziere')).toEqual(['2024-02-19-call']);
    expect(ids('q=webex%20cisco')).toEqual([]);
  });

  it('the text filter searches the page language only', () => {
    expect(ids('q=officers', 'de')).toEqual([]);
    expect(ids('q=officers', 'en')).toEqual(['2024-02-19-call']);
  });

  it('an id that does not exist matches nothing', () => {
    expect(ids('incident=no-such-incident')).toEqual([]);
  });
});

describe('counts beside each filter value', () => {
  const counts = (s: FilterState) => applyFilter(timeline(), s).counts;

  it('without filters each value counts its events', () => {
    const c = counts(emptyState());
    expect(c.incident.get('leak')).toBe(3);
    expect(c.incident.get('vulns')).toBe(2);
    expect(c.actor.get('luftwaffe')).toBe(2);
    // Both events of the US-related context entry, whatever their actors.
    expect(c.country.get('US')).toBe(2);
  });

  it("a value's count is what selecting it would show, given the other facets", () => {
    const c = counts(parseQuery('incident=leak&status=reported').state);
    // Other incidents are counted under the status filter, not under the incident filter.
    expect(c.incident.get('leak')).toBe(2);
    expect(c.incident.get('vulns') ?? 0).toBe(0);
    // Statuses are counted within incident "leak", ignoring the status filter itself.
    expect(c.status.get('confirmed')).toBe(1);
    expect(c.status.get('reported')).toBe(2);
    expect(c.type.get('media-report')).toBe(1);
  });

  it('the counts of a facet add up to the shown events when every event has one value', () => {
    const s = parseQuery('country=DE').state;
    const r = applyFilter(timeline(), s);
    const sum = [...r.counts.type.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBe(r.shown.length);
  });
});
