import { describe, expect, it } from 'vitest';
import {
  laneInput,
  layoutLanes as layoutOf,
  navigate as navigateIn,
  type LaneLayout,
  type LaneOptions,
  type NavKey,
} from '../../src/lib/timeline/layout.ts';
import { groupByYearMonth, listsAllOnMainPage, LIST_MAX_EVENTS } from '../../src/lib/timeline/groups.ts';

const rec = (incidentIndex: number, start: number, end = start) => ({ incidentIndex, start, end });
const opts = { rowHeight: 10, maxRows: 3, gap: 4 };
type Rec = ReturnType<typeof rec>;
const layoutLanes = (marks: Rec[], order: number[], o: LaneOptions) => layoutOf(laneInput(marks), order, o);
const navigate = (layout: LaneLayout, marks: Rec[], current: number, key: NavKey) =>
  navigateIn(layout, laneInput(marks), current, key);

describe('lanes of the visual timeline', () => {
  it('there is one lane per incident with events, in register order', () => {
    const l = layoutLanes([rec(2, 1), rec(0, 2), rec(2, 5)], [0, 1, 2], opts);
    expect(l.lanes.map((x) => x.incidentIndex)).toEqual([0, 2]);
    expect(l.lanes.map((x) => x.y)).toEqual([0, 14]);
    expect([...l.laneOf]).toEqual([1, 0, 1]);
  });

  it('marks that share days go to separate rows, at most maxRows', () => {
    const l = layoutLanes([rec(0, 1, 10), rec(0, 5), rec(0, 5), rec(0, 7), rec(0, 20)], [0], opts);
    expect([...l.rowOf]).toEqual([0, 1, 2, 1, 0]);
    expect(l.lanes[0]!.rows).toBe(3);
    expect(l.height).toBe(30);
  });

  it('padding keeps marks that are close in time apart', () => {
    expect([...layoutLanes([rec(0, 1), rec(0, 3)], [0], opts).rowOf]).toEqual([0, 0]);
    expect([...layoutLanes([rec(0, 1), rec(0, 3)], [0], { ...opts, padDays: 5 }).rowOf]).toEqual([0, 1]);
  });
});

describe('moving between marks with the keyboard', () => {
  const records = [rec(0, 1), rec(1, 2), rec(0, 10), rec(1, 30), rec(0, 40)];
  const layout = layoutLanes(records, [0, 1], opts);

  it('left and right move within a lane and stop at its ends', () => {
    expect(navigate(layout, records, 0, 'ArrowRight')).toBe(2);
    expect(navigate(layout, records, 2, 'ArrowRight')).toBe(4);
    expect(navigate(layout, records, 4, 'ArrowRight')).toBe(4);
    expect(navigate(layout, records, 0, 'ArrowLeft')).toBe(0);
    expect(navigate(layout, records, 2, 'End')).toBe(4);
    expect(navigate(layout, records, 4, 'Home')).toBe(0);
  });

  it('up and down go to the mark nearest in time in the next lane', () => {
    expect(navigate(layout, records, 4, 'ArrowDown')).toBe(3);
    expect(navigate(layout, records, 0, 'ArrowDown')).toBe(1);
    expect(navigate(layout, records, 3, 'ArrowUp')).toBe(4);
    expect(navigate(layout, records, 3, 'ArrowDown')).toBe(3);
  });

  it('without a current mark the first mark of the top lane is chosen', () => {
    expect(navigate(layout, records, -1, 'ArrowRight')).toBe(0);
    expect(navigate(layoutLanes([], [0], opts), [], -1, 'ArrowRight')).toBe(-1);
  });
});

describe('the static list', () => {
  it('groups by year and month, events known only to the year first', () => {
    const g = groupByYearMonth(['2023', '2024', '2024-02', '2024-02-19', '2024-03-01'], (x) => x);
    expect(g.map((y) => [y.year, y.count, y.months.map((m) => m.key)])).toEqual([
      ['2023', 1, ['2023']],
      ['2024', 4, ['2024', '2024-02', '2024-03']],
    ]);
  });

  it('the main page lists every event up to the threshold and links year pages beyond it', () => {
    expect(listsAllOnMainPage(LIST_MAX_EVENTS)).toBe(true);
    expect(listsAllOnMainPage(LIST_MAX_EVENTS + 1)).toBe(false);
    expect(listsAllOnMainPage(10, 5)).toBe(false);
  });
});
