/**
 * Lane layout of the visual timeline and keyboard movement between its marks (pure).
 *
 * One lane per incident (in the register's incident order), only for incidents with shown events.
 * Inside a lane, marks that share days are packed greedily into rows (at most `maxRows`; beyond
 * that a mark goes to the row that frees up first, so overlaps stay as few as possible).
 */

/** The marks, one array per field (position = mark), in chronological order by start. */
export interface LaneInput {
  length: number;
  incidentIndex: ArrayLike<number>;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
}

/** Columns from mark objects (for callers and tests that have objects). */
export function laneInput(marks: readonly { incidentIndex: number; start: number; end: number }[]): LaneInput {
  return {
    length: marks.length,
    incidentIndex: marks.map((m) => m.incidentIndex),
    start: marks.map((m) => m.start),
    end: marks.map((m) => m.end),
  };
}

export interface Lane {
  incidentIndex: number;
  /** Position from the top, 0-based. */
  index: number;
  /** Top edge in px. */
  y: number;
  height: number;
  rows: number;
  /** Positions (into the input columns) of the lane's marks, chronological. */
  members: number[];
}

export interface LaneLayout {
  lanes: Lane[];
  /** Lane index per input record. */
  laneOf: Int32Array;
  /** Row within its lane per input record. */
  rowOf: Int32Array;
  /** Total height in px. */
  height: number;
}

export interface LaneOptions {
  /** Height of one row in px. */
  rowHeight: number;
  /** Most rows per lane. */
  maxRows: number;
  /** Vertical gap between lanes in px. */
  gap: number;
  /** Days that must lie between two marks sharing a row (points are 1 day wide). */
  padDays?: number;
}

/**
 * Lays out lanes for marks that are already in chronological order (by start).
 * `incidentOrder` lists incident indices in the order lanes should appear.
 */
export function layoutLanes(marks: LaneInput, incidentOrder: readonly number[], opts: LaneOptions): LaneLayout {
  const pad = opts.padDays ?? 0;
  const byIncident = new Map<number, number[]>();
  for (let i = 0; i < marks.length; i++) {
    const inc = marks.incidentIndex[i]!;
    const list = byIncident.get(inc);
    if (list) list.push(i);
    else byIncident.set(inc, [i]);
  }
  const laneOf = new Int32Array(marks.length).fill(-1);
  const rowOf = new Int32Array(marks.length);
  const lanes: Lane[] = [];
  let y = 0;
  for (const inc of incidentOrder) {
    const members = byIncident.get(inc);
    if (!members) continue;
    const rowEnds: number[] = [];
    for (const i of members) {
      const start = marks.start[i]!;
      const end = marks.end[i]!;
      let row = -1;
      for (let k = 0; k < rowEnds.length; k++)
        if (rowEnds[k]! + pad < start) {
          row = k;
          break;
        }
      if (row === -1) {
        if (rowEnds.length < opts.maxRows) row = rowEnds.push(end) - 1;
        else {
          row = 0;
          for (let k = 1; k < rowEnds.length; k++) if (rowEnds[k]! < rowEnds[row]!) row = k;
        }
      }
      rowEnds[row] = Math.max(rowEnds[row] ?? end, end);
      rowOf[i] = row;
      laneOf[i] = lanes.length;
    }
    const rows = Math.max(1, rowEnds.length);
    const height = rows * opts.rowHeight;
    lanes.push({ incidentIndex: inc, index: lanes.length, y, height, rows, members });
    y += height + opts.gap;
  }
  return { lanes, laneOf, rowOf, height: Math.max(0, y - opts.gap) };
}

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * The mark reached from `current` (an input position) by a key: Left/Right = previous/next in
 * the same lane; Up/Down = the mark nearest in time in the lane above/below; Home/End = first/last
 * mark in the lane. Returns `current` when there is nowhere to go, or the first mark when
 * `current` is -1.
 */
export function navigate(layout: LaneLayout, marks: LaneInput, current: number, key: NavKey): number {
  if (layout.lanes.length === 0) return -1;
  if (current < 0 || current >= marks.length || layout.laneOf[current]! < 0) return layout.lanes[0]!.members[0] ?? -1;
  const lane = layout.lanes[layout.laneOf[current]!]!;
  const pos = lane.members.indexOf(current);
  switch (key) {
    case 'ArrowLeft':
      return lane.members[Math.max(0, pos - 1)]!;
    case 'ArrowRight':
      return lane.members[Math.min(lane.members.length - 1, pos + 1)]!;
    case 'Home':
      return lane.members[0]!;
    case 'End':
      return lane.members[lane.members.length - 1]!;
    case 'ArrowUp':
    case 'ArrowDown': {
      const next = layout.lanes[lane.index + (key === 'ArrowUp' ? -1 : 1)];
      if (!next) return current;
      const mid = (marks.start[current]! + marks.end[current]!) / 2;
      let best = next.members[0]!;
      let bestD = Infinity;
      for (const m of next.members) {
        const s = marks.start[m]!;
        const e = marks.end[m]!;
        const d = mid < s ? s - mid : mid > e ? mid - e : 0;
        if (d < bestD) {
          bestD = d;
          best = m;
        }
      }
      return best;
    }
  }
}
