/**
 * The `datasets` collection: one aggregate table per JSON file, produced by `npm run aggregate`
 * from raw exposure records that never enter the repository. The schema admits only closed lists
 * and numbers (no free text anywhere), and `validateDataset` enforces disclosure control on top of
 * it: every published count at least k (k ≥ 10), margins rounded to a stated base, secondary
 * suppression such that no suppressed entry can be worked out from the others. Pure module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { ACTOR_CATEGORIES, COUNTRIES } from './vocab.ts';
import { isValidIsoDate } from './dates.ts';
import type { Problem } from './problems.ts';
import { zodProblems } from './zod-problems.ts';
import { auditPublished, type Published } from './disclosure.ts';

/** The smallest k the schema accepts: a published count below 10 is never allowed. */
export const MIN_K = 10;

/** Dimensions a dataset may be broken down by. */
export const DATASET_DIMENSIONS = [
  'org-category',
  'country',
  'month',
  'weekday',
  'hour-band',
  'duration-band',
  'instance-type',
  'classification-marker',
] as const;
export type DatasetDimension = (typeof DATASET_DIMENSIONS)[number];

/** Weekdays, Monday first (ISO 8601). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Bands of the local start hour: [from, to) in hours. */
export const HOUR_BANDS = ['00-06', '06-09', '09-12', '12-15', '15-18', '18-24'] as const;
/** Bands of the duration in minutes: [from, to). */
export const DURATION_BANDS = ['under-15', '15-29', '30-59', '60-119', '120-plus'] as const;
/** Kind of conference instance. */
export const INSTANCE_TYPES = ['meeting', 'personal-room', 'webinar', 'event', 'training', 'other'] as const;
/** Whether the meeting title carries a classification marker (derived, then the title is dropped). */
export const MARKER_VALUES = ['yes', 'no'] as const;
/** What the records of a dataset are. */
export const DATASET_MEASURES = ['exposed-meetings', 'exposed-links'] as const;
/** Time zones time bands may be computed in. */
export const TIME_ZONES = [
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/Paris',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/London',
  'UTC',
] as const;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Allowed values of each dimension: a closed list, or for months the calendar. */
export const DIMENSION_VALUES: Record<DatasetDimension, readonly string[] | 'month'> = {
  'org-category': ACTOR_CATEGORIES,
  country: COUNTRIES,
  month: 'month',
  weekday: WEEKDAYS,
  'hour-band': HOUR_BANDS,
  'duration-band': DURATION_BANDS,
  'instance-type': INSTANCE_TYPES,
  'classification-marker': MARKER_VALUES,
};

export function isDimensionValue(dim: DatasetDimension, v: string): boolean {
  const allowed = DIMENSION_VALUES[dim];
  return allowed === 'month' ? MONTH.test(v) : allowed.includes(v);
}

export function allowedValuesText(dim: DatasetDimension): string {
  const allowed = DIMENSION_VALUES[dim];
  return allowed === 'month' ? 'a month YYYY-MM' : `one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
}

/** The generator and its version, e.g. konferenzleck-aggregate@1.0.0. */
export const GENERATOR_PATTERN = /^konferenzleck-aggregate@\d+\.\d+\.\d+$/;

const count = z.int({ error: 'a whole number' }).nonnegative({ error: 'a count, not negative' });
const entry = z.union([count, z.literal('suppressed')], { error: 'a whole number or "suppressed"' });

/** One dimension of the table: which closed list, and the values in display order. */
const axis = z.strictObject({
  /** The dimension, from a closed list. */
  dimension: z.enum(DATASET_DIMENSIONS),
  /** Its values, in display order, each from the dimension's closed list; at least two. */
  values: z
    .array(z.string())
    .min(2, { error: 'at least 2 values (a table with one row or column discloses its cells through the margins)' }),
});

export const datasetSchema = z.strictObject({
  /** What one input record is. */
  measure: z.enum(DATASET_MEASURES),
  /** The row dimension. */
  rows: axis,
  /** The column dimension. */
  columns: axis,
  /** Counts, one array per row value, one entry per column value: a count ≥ k or "suppressed". */
  cells: z.array(z.array(entry)),
  /** Row totals, rounded to the rounding base, or "suppressed". */
  rowTotals: z.array(entry),
  /** Column totals, rounded to the rounding base, or "suppressed". */
  columnTotals: z.array(entry),
  /** Grand total, rounded to the rounding base. */
  total: count,
  /** How the table was made. */
  method: z.strictObject({
    /** Minimum published count; the schema refuses k below 10; a multiple of the rounding base. */
    k: z.int().min(MIN_K, { error: `k of at least ${MIN_K}` }),
    /** Base the totals are rounded to (nearest multiple, halves up). */
    roundingBase: z.int().min(1).max(100),
    /** Time zone of months, weekdays and hour bands. */
    timeZone: z.enum(TIME_ZONES).default('Europe/Berlin'),
    /** Generator and version. */
    generator: z.string().regex(GENERATOR_PATTERN, { error: 'konferenzleck-aggregate@MAJOR.MINOR.PATCH' }),
    /** Day the file was generated. */
    generated: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'an ISO day YYYY-MM-DD' })
      .refine(isValidIsoDate, { error: 'a date that exists in the calendar' }),
    /** Input records read, rounded to the rounding base. */
    inputRows: count,
    /** Input records rejected as malformed or unmapped, rounded to the rounding base. */
    rejectedRows: count,
  }),
});
export type Dataset = z.infer<typeof datasetSchema>;

function problem(
  file: string,
  field: string,
  found: string | undefined,
  allowed: string,
  rule: string,
  hint?: string,
): Problem {
  return { severity: 'error', file, field, found, allowed, rule, hint };
}

/** Name of a cell for messages: `cells.2.3 (row org-category "military", column month "2024-03")`. */
export function cellName(d: Pick<Dataset, 'rows' | 'columns'>, r: number, c: number): string {
  const R = d.rows.values.length;
  const C = d.columns.values.length;
  if (r < R && c < C)
    return `cells.${r}.${c} (row ${d.rows.dimension} ${JSON.stringify(d.rows.values[r])}, column ${d.columns.dimension} ${JSON.stringify(d.columns.values[c])})`;
  if (r < R) return `rowTotals.${r} (row ${d.rows.dimension} ${JSON.stringify(d.rows.values[r])})`;
  if (c < C) return `columnTotals.${c} (column ${d.columns.dimension} ${JSON.stringify(d.columns.values[c])})`;
  return 'total';
}

/**
 * Validate one dataset (parsed JSON) from `file`: schema, closed lists, shape, then disclosure
 * control. Every problem names the file and the cell.
 */
export function validateDataset(json: unknown, file: string): Problem[] {
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success) return zodProblems(parsed.error, file, json);
  const d = parsed.data;
  const problems: Problem[] = [];
  const { k, roundingBase: base } = d.method;
  if (k % base !== 0)
    problems.push(
      problem(
        file,
        'method.k',
        String(k),
        `a multiple of the rounding base (${base}), so that a rounded total of at least k stays at least k`,
        'dataset/k-base',
      ),
    );
  if (d.rows.dimension === d.columns.dimension)
    problems.push(
      problem(
        file,
        'columns.dimension',
        JSON.stringify(d.columns.dimension),
        'a dimension other than the row dimension',
        'dataset/dimensions',
      ),
    );
  for (const [axisName, ax] of [
    ['rows', d.rows],
    ['columns', d.columns],
  ] as const) {
    const seen = new Set<string>();
    ax.values.forEach((v, i) => {
      if (!isDimensionValue(ax.dimension, v))
        problems.push(
          problem(
            file,
            `${axisName}.values.${i}`,
            JSON.stringify(v),
            allowedValuesText(ax.dimension),
            'dataset/closed-list',
          ),
        );
      if (seen.has(v))
        problems.push(
          problem(file, `${axisName}.values.${i}`, JSON.stringify(v), 'each value once', 'dataset/duplicate-value'),
        );
      seen.add(v);
    });
  }
  const R = d.rows.values.length;
  const C = d.columns.values.length;
  if (d.cells.length !== R)
    problems.push(problem(file, 'cells', `${d.cells.length} rows`, `one array per row value (${R})`, 'dataset/shape'));
  d.cells.forEach((row, r) => {
    if (row.length !== C)
      problems.push(
        problem(file, `cells.${r}`, `${row.length} entries`, `one entry per column value (${C})`, 'dataset/shape'),
      );
  });
  if (d.rowTotals.length !== R)
    problems.push(
      problem(file, 'rowTotals', `${d.rowTotals.length} entries`, `one total per row value (${R})`, 'dataset/shape'),
    );
  if (d.columnTotals.length !== C)
    problems.push(
      problem(
        file,
        'columnTotals',
        `${d.columnTotals.length} entries`,
        `one total per column value (${C})`,
        'dataset/shape',
      ),
    );
  if (problems.length) return problems;

  // Every published count at least k; totals multiples of the rounding base.
  const ext: Published = [...d.cells.map((row, r) => [...row, d.rowTotals[r]!]), [...d.columnTotals, d.total]];
  for (let r = 0; r <= R; r++) {
    for (let c = 0; c <= C; c++) {
      const v = ext[r]![c]!;
      if (v === 'suppressed') continue;
      const isTotal = r === R || c === C;
      if (v < k)
        problems.push(
          problem(
            file,
            cellName(d, r, c),
            String(v),
            `a count of at least k = ${k}, or "suppressed"`,
            'disclosure/below-k',
            'run npm run aggregate on the raw data again instead of editing a dataset by hand',
          ),
        );
      else if (isTotal && v % base !== 0)
        problems.push(
          problem(
            file,
            cellName(d, r, c),
            String(v),
            `a total rounded to a multiple of ${base} (method.roundingBase)`,
            'disclosure/rounding',
          ),
        );
    }
  }
  for (const m of [d.method.inputRows, d.method.rejectedRows].map((n, i) => [n, i] as const)) {
    if (m[0] % base !== 0)
      problems.push(
        problem(
          file,
          m[1] === 0 ? 'method.inputRows' : 'method.rejectedRows',
          String(m[0]),
          `a number rounded to a multiple of ${base}`,
          'disclosure/rounding',
        ),
      );
  }
  if (problems.length) return problems;

  for (const f of auditPublished(ext, { k, base })) {
    problems.push(problem(file, cellName(d, f.r, f.c), f.found, f.allowed, f.rule, f.hint));
  }
  return problems;
}

/** A dataset file read from disk: id (file name without .json), repository path and data. */
export interface DatasetEntry {
  id: string;
  file: string;
  data: Dataset;
}

/**
 * Read and validate every `*.json` in a datasets folder (a missing folder is an empty collection).
 * Returns the valid datasets and every problem found.
 */
export function readDatasets(
  dir: string,
  root: string = process.cwd(),
): { datasets: DatasetEntry[]; problems: Problem[] } {
  let names: string[];
  try {
    names = fs.readdirSync(dir).sort();
  } catch {
    return { datasets: [], problems: [] };
  }
  const datasets: DatasetEntry[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    const rel = path.relative(root, full).split(path.sep).join('/');
    const file = rel.startsWith('..') ? full : rel;
    if (!name.endsWith('.json')) {
      if (name !== '.gitkeep')
        problems.push(
          problem(
            file,
            '(file)',
            JSON.stringify(name),
            'only *.json datasets made by npm run aggregate',
            'files/stray',
          ),
        );
      continue;
    }
    const id = name.slice(0, -5);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
      problems.push(
        problem(
          file,
          '(id)',
          JSON.stringify(id),
          'a lowercase slug file name (a-z, 0-9, hyphens)',
          'integrity/id-format',
        ),
      );
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (e) {
      problems.push(problem(file, '(file)', JSON.stringify((e as Error).message), 'valid JSON', 'json/syntax'));
      continue;
    }
    const found = validateDataset(json, file);
    problems.push(...found);
    if (found.length === 0) datasets.push({ id, file, data: datasetSchema.parse(json) });
  }
  return { datasets, problems };
}
