import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { readContent } from '../../src/lib/content-files.ts';
import { contentDir } from '../../src/lib/settings.ts';
import { readDatasets, type DatasetEntry } from '../../src/lib/dataset-schema.ts';
import { versionables, type SnapshotInput } from '../../src/lib/snapshots.ts';
import { apiFiles, csvColumns, COLLECTION_NAMES, type ApiInput } from '../../src/lib/api.ts';
import { flatten } from '../../src/lib/csv.ts';
import { sha256Hex } from '../../src/lib/versions.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const { content } = readContent(contentDir());
const { datasets } = readDatasets(path.join(contentDir(), 'datasets'));

/** A small valid aggregate table, so the dataset files are tested even while the folder is empty. */
const sampleDataset: DatasetEntry = {
  id: 'sample-exposed-meetings-by-category-and-month',
  file: 'tests/(in memory)',
  data: {
    measure: 'exposed-meetings',
    rows: { dimension: 'org-category', values: ['military', 'government'] },
    columns: { dimension: 'month', values: ['2024-04', '2024-05'] },
    cells: [
      [40, 'suppressed'],
      ['suppressed', 30],
    ],
    rowTotals: [60, 'suppressed'],
    columnTotals: ['suppressed', 50],
    total: 100,
    method: {
      k: 10,
      roundingBase: 10,
      timeZone: 'Europe/Berlin',
      generator: 'konferenzleck-aggregate@1.0.0',
      generated: '2026-11-26',
      inputRows: 100,
      rejectedRows: 0,
    },
  },
};

function input(extra: DatasetEntry[] = []): ApiInput {
  const items = versionables({
    ...content,
    narratives: content.narratives.map((n) => ({ id: n.id, body: n.body })),
  } as unknown as SnapshotInput);
  return {
    incidents: content.incidents,
    events: content.events,
    sources: content.sources,
    actors: content.actors,
    datasets: [...datasets, ...extra],
    versions: new Map(items.map((v) => [`${v.kind}/${v.id}`, v.contentVersion.id] as const)),
  };
}
const files = apiFiles(input([sampleDataset]));
const byPath = new Map(files.map((f) => [f.path, f]));

describe('open data API', () => {
  it('every API JSON file validates against its own JSON Schema (ajv)', () => {
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    for (const name of COLLECTION_NAMES) {
      const schema = JSON.parse(byPath.get(`/api/v1/schemas/${name}.schema.json`)!.body) as object;
      const data = JSON.parse(byPath.get(`/api/v1/${name}.json`)!.body) as unknown;
      const validate = ajv.compile(schema);
      expect(validate(data), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('a JSON file that breaks the content model fails its schema', () => {
    const ajv = addFormats(new Ajv({ strict: false }));
    const validate = ajv.compile(JSON.parse(byPath.get('/api/v1/schemas/events.schema.json')!.body) as object);
    const data = JSON.parse(byPath.get('/api/v1/events.json')!.body) as { items: { data: { status: string } }[] };
    data.items[0]!.data.status = 'rumoured';
    expect(validate(data)).toBe(false);
  });

  it('every JSON file holds exactly the content entries, sorted by id, with their data unchanged', () => {
    for (const name of ['incidents', 'events', 'sources', 'actors'] as const) {
      const json = JSON.parse(byPath.get(`/api/v1/${name}.json`)!.body) as { items: { id: string; data: unknown }[] };
      const entries = [...content[name]].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(
        json.items.map((i) => i.id),
        name,
      ).toEqual(entries.map((e) => e.id));
      json.items.forEach((it, n) =>
        expect(it.data, `${name}/${it.id}`).toEqual(JSON.parse(JSON.stringify(entries[n]!.data))),
      );
    }
    const ds = JSON.parse(byPath.get('/api/v1/datasets.json')!.body) as { items: { id: string }[] };
    expect(ds.items.map((i) => i.id)).toContain(sampleDataset.id);
  });

  it('every CSV parses and has the same rows as its JSON, in the documented column order', () => {
    for (const name of ['incidents', 'events', 'sources', 'actors'] as const) {
      const rows = parse(byPath.get(`/api/v1/${name}.csv`)!.body, { bom: false }) as string[][];
      const [header, ...body] = rows;
      expect(header, name).toEqual(csvColumns(name));
      const json = JSON.parse(byPath.get(`/api/v1/${name}.json`)!.body) as {
        items: { id: string; page?: unknown; version?: string; data: Record<string, unknown> }[];
      };
      expect(body.length, name).toBe(json.items.length);
      json.items.forEach((it, n) =>
        expect(body[n], `${name}/${it.id}`).toEqual(
          flatten({ id: it.id, page: it.page, version: it.version, ...it.data }, header!),
        ),
      );
    }
  });

  it('the datasets CSV has one row per table cell, and suppressed cells carry no count', () => {
    const rows = parse(byPath.get('/api/v1/datasets.csv')!.body, { columns: true }) as Record<string, string>[];
    const mine = rows.filter((r) => r['dataset'] === sampleDataset.id);
    expect(mine).toHaveLength(4);
    expect(mine[0]).toEqual({
      dataset: sampleDataset.id,
      measure: 'exposed-meetings',
      row_dimension: 'org-category',
      row_value: 'military',
      column_dimension: 'month',
      column_value: '2024-04',
      count: '40',
      suppressed: 'false',
    });
    expect(mine[1]).toMatchObject({ count: '', suppressed: 'true' });
  });

  it('index.json lists every file with its SHA-256, size and the data version', () => {
    const index = JSON.parse(byPath.get('/api/v1/index.json')!.body) as {
      dataVersion: string;
      files: { path: string; sha256: string; bytes: number; schema?: string }[];
    };
    expect(index.files.map((f) => f.path).sort()).toEqual(
      files
        .filter((f) => !f.path.endsWith('/index.json'))
        .map((f) => f.path)
        .sort(),
    );
    for (const f of index.files) {
      const body = byPath.get(f.path)!.body;
      expect(f.sha256, f.path).toBe(sha256Hex(body));
      expect(f.bytes, f.path).toBe(Buffer.byteLength(body));
      if (f.schema) expect(byPath.has(f.schema), f.schema).toBe(true);
    }
    expect(index.dataVersion).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
  });

  it('the data version changes when any entry changes', () => {
    const a = input();
    const changed = {
      ...a,
      actors: a.actors.map((x, n) => (n === 0 ? { ...x, data: { ...(x.data as object), short: 'CHANGED' } } : x)),
    };
    const v = (i: ApiInput) => (JSON.parse(apiFiles(i).at(-1)!.body) as { dataVersion: string }).dataVersion;
    expect(v(changed)).not.toBe(v(a));
    expect(v(input())).toBe(v(a));
  });
});
