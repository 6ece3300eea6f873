import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import {
  GENERATOR,
  aggregateCsv,
  buildDataset,
  formatDatasetJson,
  hasClassificationMarker,
  parseOrgMap,
  RAW_COLUMNS,
  type RowProblem,
} from '../../src/lib/raw-records.ts';
import { synthOrgs, synthOrgMapCsv, synthRows, type SynthRow } from '../../src/lib/synth-raw.ts';
import { validateDataset, type DatasetDimension } from '../../src/lib/dataset-schema.ts';

const SEED = 11;
const orgs = synthOrgs(SEED);
const { map } = parseOrgMap(parse(synthOrgMapCsv(orgs)) as string[][]);

function csvOf(rows: SynthRow[]): string {
  return stringify([RAW_COLUMNS as unknown as string[], ...rows.map((r) => RAW_COLUMNS.map((c) => r[c]))]);
}

async function run(text: string, rowDim: DatasetDimension = 'org-category', colDim: DatasetDimension = 'month') {
  const rejects: RowProblem[] = [];
  const result = await aggregateCsv(Readable.from([text]), {
    rowDim,
    colDim,
    map,
    timeZone: 'Europe/Berlin',
    onReject: (p) => rejects.push(p),
  });
  return { result, rejects };
}

describe('aggregate pipeline', () => {
  const rows = [...synthRows({ rows: 6000, seed: SEED, orgs })];

  it('not one identifier of the synthetic input appears anywhere in the output', async () => {
    const { result } = await run(csvOf(rows));
    const { dataset } = buildDataset(result.counter, {
      k: 10,
      base: 5,
      timeZone: 'Europe/Berlin',
      generated: '2026-11-26',
      measure: 'exposed-meetings',
      inputRows: result.inputRows,
      rejectedRows: result.rejectedRows,
    });
    const out = formatDatasetJson(dataset).toLowerCase();
    const needles = new Set<string>();
    for (const r of rows) {
      needles.add(r.meeting_url);
      needles.add(r.meeting_number);
      needles.add(r.meeting_number.replace(/ /g, ''));
      needles.add(r.host_name);
      needles.add(r.host_email);
      needles.add(r.host_email.split('@')[0]!);
      needles.add(r.title);
      if (r.site) needles.add(r.site);
    }
    for (const o of orgs) needles.add(o.domain);
    expect(needles.size).toBeGreaterThan(6000 * 5);
    const leaked = [...needles].filter((n) => out.includes(n.toLowerCase()));
    expect(leaked).toEqual([]);
    // Nothing but closed-list words, numbers and the method's fixed names.
    expect(out.replace(GENERATOR, '')).not.toMatch(/@|https?:|webex|example|\d{4} \d{3}/);
  });

  it('the dataset made from synthetic records passes validation and counts every accepted record', async () => {
    const { result, rejects } = await run(csvOf(rows));
    expect(rejects).toEqual([]);
    expect(result.inputRows).toBe(6000);
    const built = buildDataset(result.counter, {
      k: 10,
      base: 5,
      timeZone: 'Europe/Berlin',
      generated: '2026-11-26',
      measure: 'exposed-meetings',
      inputRows: result.inputRows,
      rejectedRows: 0,
    });
    expect(validateDataset(built.dataset, 'synthetic.json')).toEqual([]);
    expect(built.counts.flat().reduce((a, b) => a + b, 0)).toBe(6000);
    expect(built.dataset.total).toBe(6000);
  });

  it('malformed rows are reported with their line numbers, none dropped silently', async () => {
    const bad = rows.slice(0, 20).map((r) => ({ ...r }));
    bad[3]!.start = '2024-13-45 nonsense';
    bad[7]!.duration_minutes = 'lang';
    bad[9]!.instance_type = 'hologram';
    bad[12]!.site = 'unknown-org.invalid';
    let text = csvOf(bad);
    // A row with too few fields (line 22) and an unclosed quote at the very end (line 23).
    text += 'https://x.example/j,1,a,b@c.example\n"unclosed,title,x\n';
    const { result, rejects } = await run(text);
    expect(rejects.map((p) => [p.line, p.field]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [5, 'start'],
      [9, 'duration_minutes'],
      [11, 'instance_type'],
      [14, 'site'],
      [22, '(row)'],
      [23, '(row)'],
    ]);
    expect(result.inputRows).toBe(22);
    expect(result.rejectedRows).toBe(6);
    // Reports name the field, never the identifier values of the row.
    const msg = JSON.stringify(rejects);
    for (const r of bad)
      for (const v of [r.meeting_url, r.host_email, r.title, r.meeting_number]) expect(msg).not.toContain(v);
  });

  it('a title with a classification marker counts as marked; the title itself is dropped', () => {
    expect(hasClassificationMarker('VS-NfD Lagebesprechung')).toBe(true);
    expect(hasClassificationMarker('Besprechung – VS – Nur für den Dienstgebrauch')).toBe(true);
    expect(hasClassificationMarker('Stg. Geheim overleg')).toBe(true);
    expect(hasClassificationMarker('Geheimdienstausschuss Vorbereitung')).toBe(false);
    expect(hasClassificationMarker('Secretary weekly')).toBe(false);
  });

  it('months, weekdays and hour bands are taken in Europe/Berlin time', async () => {
    const r = { ...rows[0]!, site: orgs[0]!.domain, start: '2024-06-30T22:30:00Z' }; // Mon 1 July, 00:30 in Berlin
    const text = csvOf(Array.from({ length: 12 }, () => r));
    const month = await run(text, 'org-category', 'month');
    expect([...month.result.counter.seenCols]).toEqual(['2024-07']);
    const band = await run(text, 'weekday', 'hour-band');
    expect([...band.result.counter.seenRows]).toEqual(['mon']);
    expect([...band.result.counter.seenCols]).toEqual(['00-06']);
  });

  it('the CLI writes a valid dataset, prints a summary and lists rejected lines', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-agg-'));
    const raw = path.join(dir, 'raw.csv');
    const mapFile = path.join(dir, 'map.csv');
    const out = path.join(dir, 'ds.json');
    execFileSync(
      'npx',
      [
        'tsx',
        'scripts/synth-raw.ts',
        '--rows',
        '3000',
        '--seed',
        '5',
        '--out',
        raw,
        '--map-out',
        mapFile,
        '--malformed',
        '4',
      ],
      { stdio: 'pipe' },
    );
    const res = spawnSync(
      'npx',
      ['tsx', 'scripts/aggregate.ts', raw, '--map', mapFile, '--out', out, '--generated', '2026-11-26'],
      { encoding: 'utf8' },
    );
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/rows read: +3000/);
    expect(res.stdout).toMatch(/rows rejected: +4/);
    expect(res.stdout).toMatch(/cells suppressed: +\d+/);
    for (const line of [377, 1127, 1877, 2627]) expect(res.stderr).toContain(`rejected line ${line}:`);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as unknown;
    expect(validateDataset(json, 'ds.json')).toEqual([]);
    const rawText = fs.readFileSync(raw, 'utf8');
    const emails = rawText.match(/[a-z]+\.[0-9a-z]+@org-\d+\.example/g) ?? [];
    expect(emails.length).toBeGreaterThan(2000);
    const printed = res.stdout + fs.readFileSync(out, 'utf8');
    for (const e of emails) expect(printed).not.toContain(e);
    fs.rmSync(dir, { recursive: true });
  });
});
