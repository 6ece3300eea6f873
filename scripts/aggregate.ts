/**
 * `npm run aggregate -- <raw.csv> --map <org-categories.csv> --out <dataset.json>`
 *   [--rows org-category] [--cols month] [--k 10] [--base 5] [--tz Europe/Berlin]
 *   [--measure exposed-meetings] [--generated YYYY-MM-DD] [--rejects rejects.txt]
 * Turns raw exposure records into one disclosure-controlled dataset (docs/aggregate-input.md).
 * Identifiers are dropped as each record is read; only the dataset is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseSync } from 'csv-parse/sync';
import cliProgress from 'cli-progress';
import {
  aggregateCsv,
  buildDataset,
  formatDatasetJson,
  formatRowProblem,
  parseOrgMap,
  type RowProblem,
} from '../src/lib/raw-records.ts';
import {
  DATASET_DIMENSIONS,
  DATASET_MEASURES,
  MIN_K,
  TIME_ZONES,
  validateDataset,
  type DatasetDimension,
  type Dataset,
} from '../src/lib/dataset-schema.ts';
import { formatProblems } from '../src/lib/problems.ts';

const usage =
  'usage: npm run aggregate -- <raw.csv> --map <org-categories.csv> --out <dataset.json> [--rows DIM] [--cols DIM] [--k 10] [--base 5] [--tz Europe/Berlin] [--measure exposed-meetings] [--rejects FILE]';
function fail(msg: string): never {
  console.error(`aggregate: ${msg}\n${usage}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    map: { type: 'string' },
    out: { type: 'string' },
    rows: { type: 'string', default: 'org-category' },
    cols: { type: 'string', default: 'month' },
    k: { type: 'string', default: '10' },
    base: { type: 'string', default: '5' },
    tz: { type: 'string', default: 'Europe/Berlin' },
    measure: { type: 'string', default: 'exposed-meetings' },
    generated: { type: 'string' },
    rejects: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const input = positionals[0];
if (!input || positionals.length !== 1) fail('one input CSV file is required');
if (!values.map) fail('--map <org-categories.csv> is required');
if (!values.out) fail('--out <dataset.json> is required');
const dims = DATASET_DIMENSIONS as readonly string[];
if (!dims.includes(values.rows)) fail(`--rows must be one of ${DATASET_DIMENSIONS.join(', ')}`);
if (!dims.includes(values.cols)) fail(`--cols must be one of ${DATASET_DIMENSIONS.join(', ')}`);
if (values.rows === values.cols) fail('--rows and --cols must differ');
const k = Number(values.k);
const base = Number(values.base);
if (!Number.isInteger(k) || k < MIN_K) fail(`--k must be a whole number of at least ${MIN_K}`);
if (!Number.isInteger(base) || base < 1 || k % base !== 0) fail('--base must be a whole number that divides k');
if (!(TIME_ZONES as readonly string[]).includes(values.tz)) fail(`--tz must be one of ${TIME_ZONES.join(', ')}`);
if (!(DATASET_MEASURES as readonly string[]).includes(values.measure))
  fail(`--measure must be one of ${DATASET_MEASURES.join(', ')}`);
const generated = values.generated ?? new Date().toISOString().slice(0, 10);

const mapRecords = parseSync(fs.readFileSync(values.map, 'utf8'), {
  relax_column_count: true,
  bom: true,
}) as string[][];
const { map, problems: mapProblems } = parseOrgMap(mapRecords);
if (mapProblems.length) {
  console.error(
    `aggregate: the organisation-category map ${values.map} has errors:\n${mapProblems.map(formatRowProblem).join('\n')}`,
  );
  process.exit(1);
}

const size = fs.statSync(input).size;
const stream = fs.createReadStream(input);
let bytes = 0;
stream.on('data', (chunk) => (bytes += chunk.length));
const bar = new cliProgress.SingleBar(
  {
    stream: process.stderr,
    format: 'aggregate |{bar}| {percentage}% | {rows} rows | {rejected} rejected',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  },
  cliProgress.Presets.shades_classic,
);
if (!values.quiet) bar.start(size, 0, { rows: 0, rejected: 0 });

const SHOW = 100;
const rejectLog = values.rejects ? fs.createWriteStream(values.rejects) : undefined;
const shown: RowProblem[] = [];
let rejected = 0;
const t0 = performance.now();
let result;
try {
  result = await aggregateCsv(stream, {
    rowDim: values.rows as DatasetDimension,
    colDim: values.cols as DatasetDimension,
    map,
    timeZone: values.tz as Dataset['method']['timeZone'],
    onReject: (p) => {
      rejected++;
      if (shown.length < SHOW) shown.push(p);
      rejectLog?.write(`${formatRowProblem(p)}\n`);
    },
    onProgress: (n) => {
      if (!values.quiet) bar.update(bytes, { rows: n, rejected });
    },
  });
} catch (e) {
  if (!values.quiet) bar.stop();
  console.error(`aggregate: ${input}: ${(e as Error).message}`);
  process.exit(1);
}
if (!values.quiet) {
  bar.update(size, { rows: result.inputRows, rejected: result.rejectedRows });
  bar.stop();
}
rejectLog?.end();

for (const p of shown) console.error(`rejected ${formatRowProblem(p)}`);
if (rejected > shown.length)
  console.error(
    `… and ${rejected - shown.length} more rejected rows${values.rejects ? ` (all in ${values.rejects})` : ' (use --rejects FILE for the full list)'}`,
  );
if (result.ignoredColumns.length)
  console.error(`ignored (dropped) columns: ${result.ignoredColumns.map((c) => JSON.stringify(c)).join(', ')}`);

let built;
try {
  built = buildDataset(result.counter, {
    k,
    base,
    timeZone: values.tz as Dataset['method']['timeZone'],
    generated,
    measure: values.measure as Dataset['measure'],
    inputRows: result.inputRows,
    rejectedRows: result.rejectedRows,
  });
} catch (e) {
  console.error(`aggregate: ${(e as Error).message}`);
  process.exit(1);
}
const problems = validateDataset(built.dataset, values.out);
if (problems.length) {
  console.error(`aggregate: the dataset fails validation (a bug in the pipeline):\n${formatProblems(problems)}`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
fs.writeFileSync(values.out, formatDatasetJson(built.dataset));
const cells = built.dataset.rows.values.length * built.dataset.columns.values.length;
const suppressedCells = built.dataset.cells.flat().filter((v) => v === 'suppressed').length;
const suppressedTotals = [...built.dataset.rowTotals, ...built.dataset.columnTotals].filter(
  (v) => v === 'suppressed',
).length;
console.log(
  [
    `rows read:        ${result.inputRows}`,
    `rows rejected:    ${result.rejectedRows}`,
    `table:            ${built.dataset.rows.dimension} × ${built.dataset.columns.dimension} (${built.dataset.rows.values.length} × ${built.dataset.columns.values.length} = ${cells} cells)`,
    `cells suppressed: ${suppressedCells} (${built.primary} entries below k = ${k}, ${built.secondary} secondary; ${suppressedTotals} totals suppressed)`,
    `totals rounded to multiples of ${base}`,
    `written:          ${values.out} (${Math.round(performance.now() - t0)} ms)`,
  ].join('\n'),
);
