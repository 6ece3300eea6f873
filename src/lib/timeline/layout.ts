/**
 * Lane layout of the visual timeline and keyboard movement between its marks (pure).
 *
 * One lane per incident (in the register's incident order), only for incidents with shown events.
 * Inside a lane, marks that share days are packed greedily into rows (at most `maxRows`; beyond
 * that a mark goes to the row that frees up first, so overlaps stay as few as possible).
 */

export interface LaneInput {
  incidentIndex: number;
  start: number;
  end: number;
}

export interface Lane {
  incidentIndex: number;
  /** Position from the top, 0-based. */
  index: number;
  /** Top edge in px. */
  y: number;
  height: number;
  rows: number;
  /** Positions (into the input array) of the lane's marks, chronological. */
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
 * Lays out lanes for records that are already in chronological order (by start).
 * `incidentOrder` lists incident indices in the order lanes should appear.
 */
export function layoutLanes(
  records: readonly LaneInput[],
  incidentOrder: readonly number[],
  opts: LaneOptions,
): LaneLayout {
  const pad = opts.padDays ?? 0;
  const byIncident = new Map<number, number[]>();
  records.forEach((r, i) => {
    const list = byIncident.get(r.incidentIndex);
    if (list) list.push(i);
    else byIncident.set(r.incidentIndex, [i]);
  });
  const laneOf = new Int32Array(records.length).fill(-1);
  const rowOf = new Int32Array(records.length);
  const lanes: Lane[] = [];
  let y = 0;
  for (const inc of incidentOrder) {
    const members = byIncident.get(inc);
    if (!members) continue;
    const rowEnds: number[] = [];
    for (const i of members) {
      const r = records[i]!;
      let row = rowEnds.findIndex((end) => end + pad < r.start);
      if (row === -1) {
        if (rowEnds.length < opts.maxRows) row = rowEnds.push(r.end) - 1;
        else {
          row = 0;
          for (let k = 1; k < rowEnds.length; k++) if (rowEnds[k]! < rowEnds[row]!) row = k;
        }
      }
      rowEnds[row] = Math.max(rowEnds[row] ?? r.end, r.end);
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
export function navigate(layout: LaneLayout, records: readonly LaneInput[], current: number, key: NavKey): number {
  if (layout.lanes.length === 0) return -1;
  if (current < 0 || current >= records.length || layout.laneOf[current]! < 0) return layout.lanes[0]!.members[0] ?? -1;
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
      const c = records[current]!;
      const mid = (c.start + c.end) / 2;
      let best = next.members[0]!;
      let bestD = Infinity;
      for (const m of next.members) {
        const r = records[m]!;
        const d = mid < r.start ? r.start - mid : mid > r.end ? mid - r.end : 0;
        if (d < bestD) {
          bestD = d;
          best = m;
        }
      }
      return best;
    }
  }
}
