import { describe, expect, it } from 'vitest';
import { decodeTimeline, encodeTimeline, TIMELINE_FORMAT_VERSION } from '../../src/lib/timeline/data.ts';
import { input, timeline } from '../fixtures/timeline.ts';
import { FACETS } from '../../src/lib/timeline/state.ts';

describe('compact timeline data', () => {
  it('every event survives encoding and decoding with its date, actors and language', () => {
    const tl = timeline('en');
    const call = tl.records.find((r) => r.id === '2024-02-19-call')!;
    expect(call.title).toBe('Webex call of officers');
    expect(call.dateText).toBe('19 February 2024');
    expect(call.incident).toBe('leak');
    expect(call.actors).toEqual(['luftwaffe']);
    expect(call.categories).toEqual(['military']);
    expect(call.countries.sort()).toEqual(['DE']);
    expect(call.shape).toBe('point');
    const about = tl.records.find((r) => r.id === '2024-04-10-followup')!;
    expect(about.date).toEqual({ on: '2024-04-10', qualifier: 'about' });
    expect(about.dateText).toBe('about 10 April 2024');
  });

  it("a record's facet values follow the order of the filter facets", () => {
    const r = timeline().records.find((x) => x.id === '2024-04-10-followup')!;
    expect(Object.fromEntries(FACETS.map((f, k) => [f, r.facets[k]]))).toEqual({
      incident: ['leak'],
      type: ['investigation'],
      status: ['reported'],
      actor: ['luftwaffe', 'bzk'],
      category: ['military', 'government'],
      country: ['DE', 'NL'],
    });
  });

  it('an event after the end of its incident is marked as a follow-up', () => {
    const tl = timeline();
    expect(tl.records.find((r) => r.id === '2024-04-10-followup')!.followUp).toBe(true);
    expect(tl.records.find((r) => r.id === '2024-03-00-reports')!.followUp).toBe(false);
  });

  it('an event naming a missing incident or actor fails with the event id', () => {
    const bad = input();
    bad.events[0]!.incident = 'nope';
    expect(() => encodeTimeline(bad)).toThrow(/2024-02-19-call: incident "nope"/);
    const bad2 = input();
    bad2.events[1]!.actors = ['ghost'];
    expect(() => encodeTimeline(bad2)).toThrow(/2024-03-00-reports: actor "ghost"/);
  });

  it('data of another format version is refused', () => {
    const json = encodeTimeline(input());
    expect(() => decodeTimeline({ ...json, version: TIMELINE_FORMAT_VERSION + 1 })).toThrow(/format version/);
  });

  it('rows follow the declared column order', () => {
    const json = encodeTimeline(input());
    const row = json.events[0]!;
    expect(row.length).toBe(json.columns.length);
    expect(row[json.columns.indexOf('id')]).toBe('2023-00-00-policy');
    expect(row[json.columns.indexOf('on')]).toBe('2023');
  });
});
