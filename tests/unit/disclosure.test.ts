import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extendTable, publishTable, roundToBase, suppressTable, type Published } from '../../src/lib/disclosure.ts';
import { validateDataset, datasetSchema } from '../../src/lib/dataset-schema.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { prng } from '../../src/lib/prng.ts';

const K = 10;

/** Seeded tables of small counts: many cells below k, some zeros, a few large rows. */
function randomTable(seed: number, R: number, C: number): number[][] {
  const rnd = prng(seed);
  return Array.from({ length: R }, () =>
    Array.from({ length: C }, () => (rnd() < 0.3 ? Math.floor(rnd() * K) : Math.floor(rnd() * 80))),
  );
}

/**
 * The attacker, written independently of the library: knows every published cell, the exact
 * (unrounded) totals — more than is published — and that counts are whole and non-negative.
 * 1) Linear algebra: an unknown is determined when its unit vector lies in the row space of
 *    the equations (rank test by Gaussian elimination).
 * 2) Bound propagation: each equation bounds each unknown by the others' bounds, to a fixpoint.
 * Returns the unknowns it recovered, as "r,c" of the extended table.
 */
function attemptRecovery(trueExt: number[][], mask: boolean[][]): string[] {
  const rows = trueExt.length;
  const cols = trueExt[0]!.length;
  const unknowns: [number, number][] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (mask[r]![c]) unknowns.push([r, c]);
  const idx = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]));
  // Equations over the extended table: members minus total = 0, as rows of a matrix over unknowns.
  const eqs: { coef: number[]; rhs: number }[] = [];
  const addEq = (cells: [number, number][], total: [number, number]) => {
    const coef = new Array<number>(unknowns.length).fill(0);
    let rhs = 0;
    for (const [r, c] of cells) {
      const i = idx.get(`${r},${c}`);
      if (i === undefined) rhs -= trueExt[r]![c]!;
      else coef[i] = 1;
    }
    const ti = idx.get(`${total[0]},${total[1]}`);
    if (ti === undefined) rhs += trueExt[total[0]]![total[1]]!;
    else coef[ti] = -1;
    eqs.push({ coef, rhs });
  };
  for (let r = 0; r < rows; r++)
    addEq(
      Array.from({ length: cols - 1 }, (_, c) => [r, c] as [number, number]),
      [r, cols - 1],
    );
  for (let c = 0; c < cols; c++)
    addEq(
      Array.from({ length: rows - 1 }, (_, r) => [r, c] as [number, number]),
      [rows - 1, c],
    );

  const rank = (m: number[][]) => {
    const a = m.map((row) => [...row]);
    let rk = 0;
    const n = a[0]?.length ?? 0;
    for (let col = 0; col < n && rk < a.length; col++) {
      let piv = rk;
      for (let i = rk; i < a.length; i++) if (Math.abs(a[i]![col]!) > Math.abs(a[piv]![col]!)) piv = i;
      if (Math.abs(a[piv]![col]!) < 1e-9) continue;
      [a[rk], a[piv]] = [a[piv]!, a[rk]!];
      for (let i = 0; i < a.length; i++) {
        if (i === rk) continue;
        const f = a[i]![col]! / a[rk]![col]!;
        for (let j = col; j < n; j++) a[i]![j]! -= f * a[rk]![j]!;
      }
      rk++;
    }
    return rk;
  };
  const recovered = new Set<string>();
  const A = eqs.map((e) => e.coef);
  const base = rank(A);
  unknowns.forEach(([r, c], i) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[i] = 1;
    if (rank([...A, unit]) === base) recovered.add(`${r},${c}`);
  });
  // Bound propagation.
  const lo = new Array<number>(unknowns.length).fill(0);
  const hi = new Array<number>(unknowns.length).fill(Infinity);
  for (let pass = 0; pass < 500; pass++) {
    let changed = false;
    for (const { coef, rhs } of eqs) {
      // sum(coef_i x_i) = rhs, coef ∈ {-1, 0, 1}
      coef.forEach((a, i) => {
        if (a === 0) return;
        let restLo = 0;
        let restHi = 0;
        coef.forEach((b, j) => {
          if (j === i || b === 0) return;
          restLo += b > 0 ? lo[j]! : -hi[j]!;
          restHi += b > 0 ? hi[j]! : -lo[j]!;
        });
        const nlo = a > 0 ? rhs - restHi : restLo - rhs;
        const nhi = a > 0 ? rhs - restLo : restHi - rhs;
        if (nlo > lo[i]!) {
          lo[i] = Math.ceil(nlo);
          changed = true;
        }
        if (nhi < hi[i]!) {
          hi[i] = Math.floor(nhi);
          changed = true;
        }
      });
    }
    if (!changed) break;
  }
  unknowns.forEach(([r, c], i) => {
    if (lo[i] === hi[i]) recovered.add(`${r},${c}`);
  });
  return [...recovered].sort();
}

describe('primary and secondary suppression', () => {
  it('a cell of k−1 is suppressed and a cell of k is published', () => {
    const counts = [
      [K - 1, 20, 50],
      [20, 21, 60],
      [50, 60, K],
    ];
    const { mask } = suppressTable(counts, K);
    expect(mask[0]![0]).toBe(true);
    expect(mask[2]![2]).toBe(false);
    const pub = publishTable(counts, mask, 5);
    expect(pub[0]![0]).toBe('suppressed');
    expect(pub[2]![2]).toBe(K);
  });

  it('a row or column with one suppressed cell gets a second', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const counts = randomTable(seed, 5, 7);
      if (extendTable(counts)[5]![7]! < K) continue;
      const { mask } = suppressTable(counts, K);
      for (const row of mask) expect(row.filter(Boolean).length).not.toBe(1);
      for (let c = 0; c < mask[0]!.length; c++) expect(mask.filter((row) => row[c]).length).not.toBe(1);
    }
  });

  it('no suppressed value can be recovered from totals, even by an attacker who knows the exact totals', () => {
    let suppressedSeen = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const R = 2 + (seed % 5);
      const C = 2 + ((seed * 7) % 6);
      const counts = randomTable(seed * 101, R, C);
      const ext = extendTable(counts);
      if (ext[R]![C]! < K) continue;
      const { mask } = suppressTable(counts, K);
      suppressedSeen += mask.flat().filter(Boolean).length;
      expect(attemptRecovery(ext, mask), `seed ${seed}`).toEqual([]);
    }
    expect(suppressedSeen).toBeGreaterThan(100);
  });

  it('the attacker does recover a value when only primary suppression is applied', () => {
    // Proves the attack works: one small cell alone in its row and column is found at once.
    const counts = [
      [3, 40, 50],
      [20, 30, 60],
      [25, 35, 45],
    ];
    const ext = extendTable(counts);
    const mask = ext.map((row) => row.map((v) => v < K));
    expect(attemptRecovery(ext, mask)).toEqual(['0,0']);
  });

  it('totals are rounded to the base, halves up, and cells at or above k are published exactly', () => {
    expect([12, 13, 15, 17, 18].map((n) => roundToBase(n, 5))).toEqual([10, 15, 15, 15, 20]);
    const counts = [
      [11, 12],
      [13, 21],
    ];
    const { mask } = suppressTable(counts, K);
    expect(publishTable(counts, mask, 5)).toEqual<Published>([
      [11, 12, 25],
      [13, 21, 35],
      [25, 35, 55],
    ]);
  });

  it('a table with fewer than k records in total is refused', () => {
    expect(() =>
      suppressTable(
        [
          [1, 2],
          [3, 2],
        ],
        K,
      ),
    ).toThrow(/fewer than k = 10/);
  });
});

describe('dataset validation', () => {
  const dir = 'tests/fixtures/datasets';
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown;

  it('a dataset made by the pipeline passes validation', () => {
    expect(validateDataset(read('valid.json'), `${dir}/valid.json`)).toEqual([]);
  });

  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'valid.json')) {
    it(`the hand-edited dataset ${f} fails validation with the message its fixture carries`, () => {
      const file = `${dir}/${f}`;
      // The fixture's message without hints: hints are advice whose wording may change.
      const noHints = (s: string) => s.trim().replace(/ Hint: [^\n]*? \[/g, ' [');
      const expected = noHints(fs.readFileSync(file.replace(/\.json$/, '.expected.txt'), 'utf8'));
      const problems = validateDataset(read(f), file);
      expect(problems.length).toBeGreaterThan(0);
      expect(noHints(formatProblems(problems))).toBe(expected);
      for (const p of problems) expect(p.file).toBe(file);
    });
  }

  it('a hand-edited dataset with a small cell names the dataset and the cell', () => {
    const problems = validateDataset(read('small-cell.json'), 'src/content/datasets/by-hour.json');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('src/content/datasets/by-hour.json');
    expect(problems[0]!.field).toBe('cells.3.1 (row org-category "security-agency", column hour-band "09-12")');
    expect(problems[0]!.rule).toBe('disclosure/below-k');
  });

  it('the schema refuses k below 10 whatever the rest of the file says', () => {
    for (const k of [0, 5, 9]) {
      const d = read('valid.json') as { method: { k: number } };
      d.method.k = k;
      expect(datasetSchema.safeParse(d).success).toBe(false);
    }
  });

  it('a free-text value anywhere is refused: no field of the schema takes words outside a closed list', () => {
    const d = read('valid.json') as { method: Record<string, unknown>; columns: { values: string[] } };
    d.method['generator'] = 'Referat 3, Herr Beispiel';
    expect(validateDataset(d, 'x.json').map((p) => p.field)).toContain('method.generator');
    const e = read('valid.json') as { columns: { values: string[] } };
    e.columns.values[0] = 'morning meeting of the Referat';
    expect(validateDataset(e, 'x.json').map((p) => p.field)).toContain('columns.values.0');
  });

  it('totals that are not multiples of the rounding base are refused', () => {
    const d = read('valid.json') as { rowTotals: (number | string)[] };
    d.rowTotals[2] = 101;
    const problems = validateDataset(d, 'x.json');
    expect(problems.map((p) => `${p.field} ${p.rule}`)).toContain(
      'rowTotals.2 (row org-category "parliament") disclosure/rounding',
    );
  });
});
