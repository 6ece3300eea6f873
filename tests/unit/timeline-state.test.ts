import { describe, expect, it } from 'vitest';
import { emptyState, isEmptyState, parseQuery, sameState, toggleValue, toQuery } from '../../src/lib/timeline/state.ts';

describe('timeline filter state in the URL', () => {
  it('a filtered view survives the round trip through its query string', () => {
    const { state } = parseQuery(
      '?incident=taurus-leak-2024&type=media-report&type=fix&from=2024-02&to=2024-03-31&q=Webex%20Luftwaffe',
    );
    expect(parseQuery(toQuery(state)).state).toEqual(state);
    expect(state.type).toEqual(['fix', 'media-report']);
    expect(state.q).toBe('Webex Luftwaffe');
  });

  it('one view has one URL: values are sorted and keys follow the route table', () => {
    const a = parseQuery('type=media-report&incident=b&type=fix&incident=a').state;
    expect(toQuery(a)).toBe('?incident=a&incident=b&type=fix&type=media-report');
    expect(sameState(a, parseQuery('incident=b,a&type=fix,media-report').state)).toBe(true);
  });

  it('comma-separated and repeated values are read alike, duplicates once', () => {
    expect(parseQuery('country=DE,NL&country=DE').state.country).toEqual(['DE', 'NL']);
  });

  it('an invalid date is dropped and reported with what is allowed', () => {
    const { state, problems } = parseQuery('from=2024-13&to=yesterday');
    expect(state.from).toBe('');
    expect(state.to).toBe('');
    expect(problems).toEqual([
      { param: 'from', value: '2024-13', allowed: 'a date YYYY, YYYY-MM or YYYY-MM-DD' },
      { param: 'to', value: 'yesterday', allowed: 'a date YYYY, YYYY-MM or YYYY-MM-DD' },
    ]);
  });

  it('a facet value that is not an id is dropped and reported', () => {
    const { state, problems } = parseQuery('actor=<script>&actor=luftwaffe');
    expect(state.actor).toEqual(['luftwaffe']);
    expect(problems[0]?.param).toBe('actor');
  });

  it('no filter gives the bare page address and unknown parameters are ignored', () => {
    const { state } = parseQuery('utm_source=x&q=%20%20');
    expect(isEmptyState(state)).toBe(true);
    expect(toQuery(state)).toBe('');
  });

  it('toggling a value on and off returns to the same URL', () => {
    const on = toggleValue(emptyState(), 'status', 'disputed', true);
    expect(toQuery(on)).toBe('?status=disputed');
    expect(toQuery(toggleValue(on, 'status', 'disputed', false))).toBe('');
  });
});
