/**
 * Statistical disclosure control for two-way count tables: primary suppression below k, secondary
 * suppression, rounding of margins, and the audits that prove no suppressed entry can be worked
 * out from what is published. Pure functions, no I/O.
 *
 * The table is handled in its extended form: (R+1)×(C+1) entries, the last column holding row
 * totals, the last row column totals, the corner the grand total. Every row and every column of
 * the extended form is one linear equation ("members add up to the total"), so a suppressed
 * entry — cell or total — is protected by the same rules wherever it sits.
 *
 * Why the bridge test is exact: with every line an equation whose coefficients are ±1, a
 * suppressed entry is linearly determined by the published ones exactly when, in the bipartite
 * graph whose vertices are the lines and whose edges are the suppressed entries, its edge lies on
 * no cycle (it is a bridge). Summing the equations on one side of a bridge cancels every other
 * edge and leaves the bridge's value; an edge on a cycle can be moved by +t/−t around the cycle
 * without changing any published number.
 */

/** An entry of a published extended table: a number, or suppressed. */
export type PublishedEntry = number | 'suppressed';
export type Published = PublishedEntry[][];

export interface Interval {
  lo: number;
  hi: number;
}

/** Round to the nearest multiple of `base`, halves up. */
export function roundToBase(n: number, base: number): number {
  return Math.floor(n / base + 0.5) * base;
}

/** The interval a true value lies in when `rounded` is it rounded to `base` (halves up). */
export function roundingInterval(rounded: number, base: number): Interval {
  return { lo: Math.max(0, rounded - Math.floor(base / 2)), hi: rounded + Math.ceil(base / 2) - 1 };
}

/** Extended table: the cells plus a column of row totals, a row of column totals and the grand total. */
export function extendTable(counts: readonly (readonly number[])[]): number[][] {
  const R = counts.length;
  const C = counts[0]?.length ?? 0;
  const ext = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals: number[] = [];
  for (let c = 0; c <= C; c++) {
    let s = 0;
    for (let r = 0; r < R; r++) s += ext[r]![c]!;
    totals.push(s);
  }
  ext.push(totals);
  return ext;
}

/** One equation of the extended table: its members add up to its total. */
export interface Line {
  /** `row r` or `column c` of the extended table. */
  kind: 'row' | 'column';
  index: number;
  members: [number, number][];
  total: [number, number];
}

/** The (R+1)+(C+1) lines of an extended table of R×C cells. */
export function linesOf(R: number, C: number): Line[] {
  const lines: Line[] = [];
  for (let r = 0; r <= R; r++) {
    const members: [number, number][] = [];
    for (let c = 0; c < C; c++) members.push([r, c]);
    lines.push({ kind: 'row', index: r, members, total: [r, C] });
  }
  for (let c = 0; c <= C; c++) {
    const members: [number, number][] = [];
    for (let r = 0; r < R; r++) members.push([r, c]);
    lines.push({ kind: 'column', index: c, members, total: [R, c] });
  }
  return lines;
}

const entriesOf = (l: Line): [number, number][] => [...l.members, l.total];

/**
 * Suppressed entries that are linearly determined by the published ones (bridges of the
 * suppression graph). `mask[r][c]` is true for suppressed entries of the extended table.
 */
export function determinedEntries(mask: readonly (readonly boolean[])[]): [number, number][] {
  const rows = mask.length;
  const cols = mask[0]?.length ?? 0;
  const edges: [number, number][] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (mask[r]![c]) edges.push([r, c]);
  // Vertices: rows 0..rows-1, columns rows..rows+cols-1.
  const adj: number[][] = Array.from({ length: rows + cols }, () => []);
  edges.forEach(([r, c], i) => {
    adj[r]!.push(i);
    adj[rows + c]!.push(i);
  });
  const other = (i: number, v: number) => (edges[i]![0] === v ? rows + edges[i]![1] : edges[i]![0]);
  const out: [number, number][] = [];
  edges.forEach(([r, c], skip) => {
    const target = rows + c;
    const seen = new Set<number>([r]);
    const queue = [r];
    let found = false;
    while (queue.length && !found) {
      const v = queue.shift()!;
      for (const i of adj[v]!) {
        if (i === skip) continue;
        const w = other(i, v);
        if (w === target) {
          found = true;
          break;
        }
        if (!seen.has(w)) {
          seen.add(w);
          queue.push(w);
        }
      }
    }
    if (!found) out.push([r, c]);
  });
  return out;
}

/**
 * What an attacker can infer by propagating bounds through the line equations, with every
 * entry known to be a non-negative whole number. `known[r][c]` is the interval a published entry
 * is known to lie in (a point for exact numbers, the rounding interval for rounded totals), or
 * null for a suppressed one. Returns the inferred interval of every entry; an interval with
 * lo > hi means the published numbers contradict each other.
 */
export function propagateBounds(known: readonly (readonly (Interval | null)[])[]): Interval[][] {
  const rows = known.length;
  const cols = known[0]?.length ?? 0;
  const b: Interval[][] = known.map((row) => row.map((v) => (v ? { ...v } : { lo: 0, hi: Infinity })));
  const lines = linesOf(rows - 1, cols - 1);
  for (let pass = 0; pass < 1000; pass++) {
    let changed = false;
    const tighten = (e: Interval, lo: number, hi: number) => {
      const nlo = Math.max(e.lo, Math.ceil(lo));
      const nhi = Math.min(e.hi, Math.floor(hi));
      if (nlo !== e.lo || nhi !== e.hi) {
        e.lo = nlo;
        e.hi = nhi;
        changed = true;
      }
    };
    for (const line of lines) {
      const ms = line.members.map(([r, c]) => b[r]![c]!);
      const t = b[line.total[0]]![line.total[1]]!;
      const sumLo = ms.reduce((s, m) => s + m.lo, 0);
      const sumHi = ms.reduce((s, m) => s + m.hi, 0);
      tighten(t, sumLo, sumHi);
      for (const m of ms) tighten(m, t.lo - (sumHi - m.hi), t.hi - (sumLo - m.lo));
      if (t.lo > t.hi || ms.some((m) => m.lo > m.hi)) return b;
    }
    if (!changed) break;
  }
  return b;
}

/** A finding of an audit, in the coordinates of the extended table. */
export interface Finding {
  r: number;
  c: number;
  found: string;
  allowed: string;
  rule: string;
  hint?: string;
}

/**
 * Audit a published extended table without knowing the suppressed values: every line with a
 * suppressed entry has at least two; no suppressed entry is linearly determined; bound propagation
 * (with totals known only to their rounding interval) pins no suppressed entry to one value; the
 * suppressed cells of a line cannot together be fewer than k; and the numbers are consistent.
 */
export function auditPublished(ext: Published, opts: { k: number; base: number }): Finding[] {
  const rows = ext.length;
  const cols = ext[0]?.length ?? 0;
  const R = rows - 1;
  const C = cols - 1;
  const findings: Finding[] = [];
  const mask = ext.map((row) => row.map((v) => v === 'suppressed'));
  const isTotal = (r: number, c: number) => r === R || c === C;
  const lineName = (l: Line) =>
    l.kind === 'row'
      ? l.index === R
        ? 'the row of column totals'
        : `row ${l.index}`
      : l.index === C
        ? 'the column of row totals'
        : `column ${l.index}`;

  for (const line of linesOf(R, C)) {
    const sup = entriesOf(line).filter(([r, c]) => mask[r]![c]);
    if (sup.length === 1) {
      const [r, c] = sup[0]!;
      findings.push({
        r,
        c,
        found: '"suppressed", the only suppressed entry of ' + lineName(line),
        allowed: 'a second suppressed entry in the same line (secondary suppression), so the total does not reveal it',
        rule: 'disclosure/secondary',
      });
    }
  }
  for (const [r, c] of determinedEntries(mask)) {
    findings.push({
      r,
      c,
      found: '"suppressed", but its value follows from the published cells and totals',
      allowed: 'a suppression pattern in which every suppressed entry lies on a cycle of suppressed entries',
      rule: 'disclosure/recoverable',
    });
  }
  const known = ext.map((row, r) =>
    row.map((v, c) => (v === 'suppressed' ? null : isTotal(r, c) ? roundingInterval(v, opts.base) : { lo: v, hi: v })),
  );
  const bounds = propagateBounds(known);
  let inconsistent = false;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const iv = bounds[r]![c]!;
      if (iv.lo > iv.hi && !inconsistent) {
        inconsistent = true;
        findings.push({
          r,
          c,
          found: String(ext[r]![c]),
          allowed: 'cells and totals that add up (totals within their rounding)',
          rule: 'disclosure/inconsistent',
        });
      } else if (mask[r]![c] && iv.lo === iv.hi) {
        findings.push({
          r,
          c,
          found: `"suppressed", but the published numbers pin it to ${iv.lo}`,
          allowed: 'a suppressed entry that cannot be worked out from the others',
          rule: 'disclosure/recoverable',
        });
      }
    }
  }
  // The suppressed cells of a line together: if they could only be fewer than k, the line
  // discloses a small group even though no single cell is known.
  for (const line of linesOf(R, C)) {
    const [tr, tc] = line.total;
    const t = ext[tr]![tc]!;
    if (t === 'suppressed') continue;
    const sup = line.members.filter(([r, c]) => mask[r]![c]);
    if (sup.length === 0) continue;
    const published = line.members.reduce((s, [r, c]) => s + (mask[r]![c] ? 0 : (ext[r]![c] as number)), 0);
    const maxUnion = roundingInterval(t, opts.base).hi - published;
    if (maxUnion < opts.k) {
      const [r, c] = sup[0]!;
      findings.push({
        r,
        c,
        found: `suppressed entries of ${lineName(line)} that together hold at most ${maxUnion}`,
        allowed: `suppressed entries of a line that together hold at least k = ${opts.k}`,
        rule: 'disclosure/small-union',
      });
    }
  }
  return findings;
}

export interface SuppressionResult {
  /** Suppressed entries of the extended table. */
  mask: boolean[][];
  /** Entries suppressed because they are below k. */
  primary: number;
  /** Entries suppressed to protect the primary ones. */
  secondary: number;
}

/**
 * Primary and secondary suppression of a count table (R×C, R and C ≥ 2). Primary: every entry
 * (cell or total) below k. Secondary, repeated until none applies: a line with one suppressed
 * entry gets a second; a line whose suppressed cells together hold fewer than k gets another; a
 * suppressed entry that is a bridge gets a cycle closed around it; an entry that bound
 * propagation with exact totals pins gets a partner. Partners are the smallest published cells
 * (totals only when no cell is left), preferring cells whose other line is already suppressed.
 */
export function suppressTable(counts: readonly (readonly number[])[], k: number): SuppressionResult {
  const R = counts.length;
  const C = counts[0]?.length ?? 0;
  if (R < 2 || C < 2) throw new Error(`a table needs at least 2 rows and 2 columns (found ${R}×${C})`);
  if (counts.some((row) => row.length !== C)) throw new Error('all rows of the table need the same number of columns');
  const ext = extendTable(counts);
  if (ext[R]![C]! < k)
    throw new Error(`the table holds ${ext[R]![C]} records, fewer than k = ${k}: nothing can be published`);
  const mask = ext.map((row) => row.map((v) => v < k));
  const primary = mask.flat().filter(Boolean).length;
  const lines = linesOf(R, C);
  const isCell = (r: number, c: number) => r < R && c < C;
  const crossHasSuppression = (r: number, c: number, line: Line) =>
    line.kind === 'row' ? mask.some((row, rr) => rr !== r && row[c]) : mask[r]!.some((v, cc) => cc !== c && v);

  const pick = (cands: [number, number][], line?: Line): [number, number] | undefined => {
    const open = cands.filter(([r, c]) => !mask[r]![c]);
    if (open.length === 0) return undefined;
    const score = ([r, c]: [number, number]) => [
      isCell(r, c) ? 0 : 1,
      ext[r]![c]!,
      line && crossHasSuppression(r, c, line) ? 0 : 1,
      r,
      c,
    ];
    open.sort((a, b) => {
      const sa = score(a);
      const sb = score(b);
      for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i]! - sb[i]!;
      return 0;
    });
    return open[0];
  };
  const add = (e: [number, number] | undefined): boolean => {
    if (!e) return false;
    mask[e[0]]![e[1]] = true;
    return true;
  };

  for (let guard = 0; guard < (R + 1) * (C + 1) + 1; guard++) {
    let changed = false;
    for (const line of lines) {
      const n = entriesOf(line).filter(([r, c]) => mask[r]![c]).length;
      if (n === 1) changed = add(pick(entriesOf(line), line)) || changed;
    }
    if (changed) continue;
    for (const line of lines) {
      const [tr, tc] = line.total;
      if (mask[tr]![tc]) continue;
      const sup = line.members.filter(([r, c]) => mask[r]![c]);
      if (sup.length === 0) continue;
      const union = sup.reduce((s, [r, c]) => s + ext[r]![c]!, 0);
      if (union < k) changed = add(pick(line.members, line)) || changed;
    }
    if (changed) continue;
    const bridges = determinedEntries(mask);
    if (bridges.length) {
      const [br, bc] = bridges[0]!;
      const side = componentWithout(mask, br, bc);
      const cands: [number, number][] = [];
      for (let r = 0; r <= R; r++)
        for (let c = 0; c <= C; c++) if (side.rows.has(r) !== side.cols.has(c)) cands.push([r, c]);
      if (add(pick(cands))) continue;
    }
    const bounds = propagateBounds(ext.map((row, r) => row.map((v, c) => (mask[r]![c] ? null : { lo: v, hi: v }))));
    for (let r = 0; r <= R && !changed; r++) {
      for (let c = 0; c <= C && !changed; c++) {
        if (mask[r]![c] && bounds[r]![c]!.lo === bounds[r]![c]!.hi) {
          const rowLine = lines.find((l) => l.kind === 'row' && l.index === r)!;
          const colLine = lines.find((l) => l.kind === 'column' && l.index === c)!;
          changed = add(pick(entriesOf(rowLine), rowLine) ?? pick(entriesOf(colLine), colLine));
        }
      }
    }
    if (!changed) break;
  }
  const total = mask.flat().filter(Boolean).length;
  return { mask, primary, secondary: total - primary };
}

/** Rows and columns reachable from row `r` through suppressed entries other than (r, c). */
function componentWithout(
  mask: readonly (readonly boolean[])[],
  r0: number,
  c0: number,
): { rows: Set<number>; cols: Set<number> } {
  const rows = new Set<number>([r0]);
  const cols = new Set<number>();
  const queue: ['r' | 'c', number][] = [['r', r0]];
  while (queue.length) {
    const [kind, i] = queue.shift()!;
    if (kind === 'r') {
      mask[i]!.forEach((s, c) => {
        if (s && !(i === r0 && c === c0) && !cols.has(c)) {
          cols.add(c);
          queue.push(['c', c]);
        }
      });
    } else {
      mask.forEach((row, r) => {
        if (row[i] && !(r === r0 && i === c0) && !rows.has(r)) {
          rows.add(r);
          queue.push(['r', r]);
        }
      });
    }
  }
  return { rows, cols };
}

/** The published extended table: cells exact (≥ k), totals rounded to `base`, suppressed entries marked. */
export function publishTable(
  counts: readonly (readonly number[])[],
  mask: readonly (readonly boolean[])[],
  base: number,
): Published {
  const ext = extendTable(counts);
  const R = counts.length;
  const C = counts[0]?.length ?? 0;
  return ext.map((row, r) =>
    row.map((v, c) => (mask[r]![c] ? 'suppressed' : r === R || c === C ? roundToBase(v, base) : v)),
  );
}
