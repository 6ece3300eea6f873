/**
 * `npx tsx scripts/synth-raw.ts --rows N --seed S --out raw.csv [--map-out map.csv] [--malformed M]`
 * Writes seeded synthetic raw exposure records (fake URLs, meeting numbers, e-mail addresses,
 * titles) for tests and benchmarks. Synthetic data never goes on the site.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';
import { synthOrgs, synthOrgMapCsv, synthRows } from '../src/lib/synth-raw.ts';
import { RAW_COLUMNS } from '../src/lib/raw-records.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    'map-out': { type: 'string' },
    malformed: { type: 'string', default: '0' },
  },
});
const rows = Number(values.rows);
const seed = Number(values.seed);
const malformed = Number(values.malformed);
if (
  !Number.isInteger(rows) ||
  rows < 1 ||
  !Number.isInteger(seed) ||
  !values.out ||
  !Number.isInteger(malformed) ||
  malformed < 0 ||
  malformed > rows
) {
  console.error('usage: synth-raw.ts --rows N --seed S --out raw.csv [--map-out map.csv] [--malformed M]');
  process.exit(2);
}

const orgs = synthOrgs(seed);
if (values['map-out']) fs.writeFileSync(values['map-out'], synthOrgMapCsv(orgs));

// Evenly spaced malformed rows of four kinds; their 1-based line numbers (header = line 1).
const broken = new Map<number, number>();
for (let j = 0; j < malformed; j++) broken.set(Math.floor(((j + 0.5) * rows) / malformed), j % 4);

const out = fs.createWriteStream(values.out);
const csv = stringify({ header: true, columns: [...RAW_COLUMNS] });
csv.pipe(out);
let i = 0;
const brokenLines: number[] = [];
for (const row of synthRows({ rows, seed, orgs })) {
  let rec: string[] = RAW_COLUMNS.map((c) => row[c]);
  const kind = broken.get(i);
  if (kind !== undefined) {
    brokenLines.push(i + 2);
    if (kind === 0) rec = rec.slice(0, 5);
    else if (kind === 1) rec[RAW_COLUMNS.indexOf('start')] = 'gestern';
    else if (kind === 2) rec[RAW_COLUMNS.indexOf('duration_minutes')] = '-5';
    else rec[RAW_COLUMNS.indexOf('instance_type')] = 'hologram';
  }
  if (!csv.write(rec)) await once(csv, 'drain');
  i++;
}
csv.end();
await once(out, 'finish');
if (brokenLines.length) console.error(`malformed rows at lines: ${brokenLines.join(', ')}`);
console.error(`wrote ${rows} synthetic rows (seed ${seed}) to ${values.out}`);
