import { describe, expect, it } from 'vitest';
import {
  addSummaries,
  decodeTimeline,
  encodeTimeline,
  eventAt,
  facetValuesOf,
  partOf,
  searchText,
  TIMELINE_FORMAT_VERSION,
} from '../../src/lib/timeline/data.ts';
import { eventSpan } from '../../src/lib/timeline/span.ts';
import { input, pos, timeline } from '../fixtures/timeline.ts';
import { FACETS } from '../../src/lib/timeline/state.ts';

describe('compact timeline data', () => {
  it('every event survives encoding and decoding with its date, actors and language', () => {
    const tl = timeline('en');
    const call = eventAt(tl, pos(tl, '2024-02-19-call'));
    expect(call.title).toBe('Webex call of officers');
    expect(call.summary).toBe('Four officers discussed operations.');
    expect(call.dateText).toBe('19 February 2024');
    expect(call.incident?.id).toBe('leak');
    expect(call.actors).toEqual(['luftwaffe']);
    expect(call.type).toBe('incident');
    expect(call.status).toBe('confirmed');
    expect(call.confidence).toBe('confirmed');
    expect(call.sources).toBe(2);
    expect(call.point).toBe(true);
    const about = eventAt(tl, pos(tl, '2024-04-10-followup'));
    expect(about.date).toEqual({ on: '2024-04-10', qualifier: 'about' });
    expect(about.dateText).toBe('about 10 April 2024');
  });

  it('the decoded spans are those of span.ts, for every event', () => {
    const tl = timeline();
    for (const e of input().events) {
      const i = pos(tl, e.id);
      const span = eventSpan(e.date);
      expect([tl.start[i], tl.end[i]]).toEqual([span.start, span.end]);
      expect(eventAt(tl, i)).toMatchObject({
        point: span.shape === 'point',
        openStart: span.openStart,
        openEnd: span.openEnd,
      });
    }
  });

  it('events are in chronological order', () => {
    expect(timeline().ids).toEqual([
      '2023-00-00-policy',
      '2024-02-19-call',
      '2024-03-00-reports',
      '2024-04-10-followup',
      '2024-06-05-advisory',
    ]);
  });

  it("an event's facet values follow the order of the filter facets", () => {
    const tl = timeline();
    const i = pos(tl, '2024-04-10-followup');
    expect(Object.fromEntries(FACETS.map((f, k) => [f, facetValuesOf(tl, k, i)]))).toEqual({
      incident: ['leak'],
      type: ['investigation'],
      status: ['reported'],
      actor: ['luftwaffe', 'bzk'],
      category: ['military', 'government'],
      country: ['DE', 'NL'],
    });
    // Without actors, the incident's countries only; no category.
    const j = pos(tl, '2024-03-00-reports');
    expect(facetValuesOf(tl, FACETS.indexOf('category'), j)).toEqual([]);
    expect(facetValuesOf(tl, FACETS.indexOf('country'), j)).toEqual(['DE']);
  });

  it('an event after the end of its incident is marked as a follow-up', () => {
    const tl = timeline();
    expect(eventAt(tl, pos(tl, '2024-04-10-followup')).followUp).toBe(true);
    expect(eventAt(tl, pos(tl, '2024-03-00-reports')).followUp).toBe(false);
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
    const { json, summaries } = encodeTimeline(input());
    expect(() => decodeTimeline({ ...json, version: TIMELINE_FORMAT_VERSION + 1 })).toThrow(/format version/);
    const tl = decodeTimeline(json);
    expect(() => addSummaries(tl, { ...summaries[0]!, version: TIMELINE_FORMAT_VERSION + 1 })).toThrow(
      /format version/,
    );
  });

  it('every column has one entry per event; day numbers are stored as differences', () => {
    const { json } = encodeTimeline(input());
    const cols = json.events;
    for (const [name, col] of Object.entries(cols)) {
      if (Array.isArray(col) && name !== 'actors') expect(col.length, name).toBe(cols.id.length);
    }
    expect(cols.actors.length).toBe(cols.actorCount.reduce((a, b) => a + b, 0));
    expect(cols.on[0]).toBe('2023');
    expect(json.values.type[cols.type[0]!]).toBe('policy-change');
    // 2024-02-19 follows 2023-01-01 by 414 days.
    expect(cols.start[1]).toBe(414);
  });

  it('ids are stored without the date part they share with `on`, and read back whole', () => {
    const odd = input();
    // An id whose date part is not its date: stored whole.
    odd.events[0]!.id = '2020-01-01-renamed';
    odd.events[4]!.date = { on: '2024-04-10', until: '2024-04-12', time: '10:30' };
    const { json } = encodeTimeline(odd);
    expect(json.events.id).toEqual(['policy', '/2020-01-01-renamed', 'reports', 'followup', 'advisory']);
    expect(json.events.until).toEqual({ 3: '2024-04-12' });
    expect(json.events.time).toEqual({ 3: '10:30' });
    const tl = decodeTimeline(JSON.parse(JSON.stringify(json)) as typeof json);
    expect(tl.ids).toEqual([
      '2023-00-00-policy',
      '2020-01-01-renamed',
      '2024-03-00-reports',
      '2024-04-10-followup',
      '2024-06-05-advisory',
    ]);
    expect(eventAt(tl, 3).date).toEqual({ on: '2024-04-10', until: '2024-04-12', time: '10:30' });
    // The same words as on the event's page (formatDate).
    expect(eventAt(tl, 3).dateText).toBe('10. April 2024–12. April 2024, 10:30 Uhr');
  });
});

describe('summary files', () => {
  it('there is one per year; together they hold every summary once, in order', () => {
    const { json, summaries } = encodeTimeline(input());
    expect(json.parts).toEqual([
      { key: '2023', first: 0, count: 1 },
      { key: '2024', first: 1, count: 4 },
    ]);
    expect(summaries.map((s) => [s.key, s.first, s.summary.length])).toEqual([
      ['2023', 0, 1],
      ['2024', 1, 4],
    ]);
    expect(summaries[1]!.summary[0]).toBe('Vier Offiziere besprachen Einsätze.');
  });

  it('the main file has no summary; they arrive file by file', () => {
    const tl = timeline('de', false);
    expect(JSON.stringify(encodeTimeline(input()).json)).not.toContain('Vier Offiziere');
    const i = pos(tl, '2024-02-19-call');
    expect(eventAt(tl, i).summary).toBeUndefined();
    expect(partOf(tl, i).key).toBe('2024');
    expect(partOf(tl, 0).key).toBe('2023');
    expect(() => searchText(tl, i)).toThrow(/not loaded/);
    const { summaries } = encodeTimeline(input());
    addSummaries(tl, summaries[1]!);
    expect(eventAt(tl, i).summary).toBe('Vier Offiziere besprachen Einsätze.');
    expect(searchText(tl, i)).toBe('webex konferenz der offiziere vier offiziere besprachen einsatze.');
    expect(tl.parts.map((p) => p.loaded)).toEqual([false, true]);
    addSummaries(tl, summaries[0]!);
    expect(tl.parts.map((p) => p.loaded)).toEqual([true, true]);
  });

  it('a summary file of another language or shape is refused', () => {
    const tl = timeline('de', false);
    const { summaries } = encodeTimeline({ ...input(), lang: 'en' });
    expect(() => addSummaries(tl, summaries[0]!)).toThrow(/do not match/);
    const de = encodeTimeline(input()).summaries[1]!;
    expect(() => addSummaries(tl, { ...de, summary: de.summary.slice(1) })).toThrow(/do not match/);
  });
});
