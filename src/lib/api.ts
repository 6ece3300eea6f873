/**
 * The open data under `/api/v1/`: every collection as JSON and CSV, a JSON Schema per JSON file
 * (generated from the zod schemas with zod 4's `z.toJSONSchema`, one truth with the content model)
 * and `index.json` listing every file with its SHA-256 and the data version. Pure: the same
 * function gives the bytes of every file, so the index's checksums are those of the files served.
 *
 * JSON files: `{ collection, dataVersion, license, licenseUrl, items: [{ id, page, version?, data }] }`
 * where `data` is the entry exactly as the content model defines it (defaults applied), `page` its
 * pages in both languages and `version` its current version id (incidents, events).
 * Datasets (aggregate tables, src/content/datasets/) are published as they are; their CSV is in
 * long form, one row per cell.
 */
import { z } from 'astro/zod';
import { incidentSchema, eventSchema, sourceSchema, actorSchema } from './schemas.ts';
import { datasetSchema, type DatasetEntry } from './dataset-schema.ts';
import { canonicalJson, sha256Hex } from './versions.ts';
import { columnsOf, toCsv } from './csv.ts';
import { LICENSE_URL } from './citation.ts';
import { SITE_URL } from './settings.ts';

export const API_BASE = '/api/v1';
export const LICENSE = 'CC-BY-4.0';

export const COLLECTION_NAMES = ['incidents', 'events', 'sources', 'actors', 'datasets'] as const;
export type ApiCollection = (typeof COLLECTION_NAMES)[number];

const DATA_SCHEMAS = {
  incidents: incidentSchema,
  events: eventSchema,
  sources: sourceSchema,
  actors: actorSchema,
  datasets: datasetSchema,
} as const;
const HAS_VERSION: Record<ApiCollection, boolean> = {
  incidents: true,
  events: true,
  sources: false,
  actors: false,
  datasets: false,
};
const HAS_PAGE: Record<ApiCollection, boolean> = {
  incidents: true,
  events: true,
  sources: true,
  actors: true,
  datasets: false,
};

export const COLLECTION_DESCRIPTION: Record<ApiCollection, { de: string; en: string }> = {
  incidents: { de: 'Vorfälle und Hintergrund-Einträge', en: 'Incidents and context entries' },
  events: { de: 'Datierte Ereignisse mit Belegen', en: 'Dated events with their sources' },
  sources: { de: 'Quellen mit Fundort, Datum und Verlässlichkeit', en: 'Sources with location, date and reliability' },
  actors: { de: 'Organisationen und Ämter (nie Personen)', en: 'Organisations and offices (never persons)' },
  datasets: {
    de: 'Aggregierte Tabellen mit Geheimhaltung (k ≥ 10)',
    en: 'Aggregate tables under disclosure control (k ≥ 10)',
  },
};

/** The zod schema of one JSON file of a collection. */
export function fileSchema(name: ApiCollection) {
  const item = z.strictObject({
    /** Id of the entry (file name in the repository). */
    id: z.string().min(1),
    ...(HAS_PAGE[name] ? { page: z.strictObject({ de: z.url(), en: z.url() }) } : {}),
    ...(HAS_VERSION[name] ? { version: z.string().regex(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/) } : {}),
    data: DATA_SCHEMAS[name],
  });
  return z.strictObject({
    collection: z.literal(name),
    dataVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/),
    license: z.literal(LICENSE),
    licenseUrl: z.literal(LICENSE_URL),
    items: z.array(item),
  });
}

/** JSON Schema (draft-07) of one JSON file, as published. */
export function jsonSchemaOf(name: ApiCollection): Record<string, unknown> {
  const js = z.toJSONSchema(fileSchema(name), { io: 'output', target: 'draft-7' }) as Record<string, unknown>;
  const { $schema, ...rest } = js;
  return {
    $schema,
    $id: `${SITE_URL}${API_BASE}/schemas/${name}.schema.json`,
    title: `Konferenzleck ${name} (API v1)`,
    description: COLLECTION_DESCRIPTION[name].en,
    ...rest,
  };
}

export interface ApiInput {
  incidents: readonly { id: string; data: unknown }[];
  events: readonly { id: string; data: unknown }[];
  sources: readonly { id: string; data: unknown }[];
  actors: readonly { id: string; data: unknown }[];
  datasets: readonly DatasetEntry[];
  /** Current version id per `{incidents|events}/{id}`. */
  versions: ReadonlyMap<string, string>;
}

export interface ApiItem {
  id: string;
  page?: { de: string; en: string };
  version?: string;
  data: unknown;
}

const byId = <T extends { id: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function itemsOf(input: ApiInput, name: ApiCollection): ApiItem[] {
  return byId(input[name] as readonly { id: string; data: unknown }[]).map((e) => {
    // Key order id, page, version, data: the order of the published JSON.
    const item: Partial<ApiItem> = { id: e.id };
    if (HAS_PAGE[name]) item.page = { de: `${SITE_URL}/de/${name}/${e.id}/`, en: `${SITE_URL}/en/${name}/${e.id}/` };
    if (HAS_VERSION[name]) {
      const v = input.versions.get(`${name}/${e.id}`);
      if (!v) throw new Error(`api: no version for ${name}/${e.id}`);
      item.version = v;
    }
    item.data = e.data;
    return item as ApiItem;
  });
}

/** The data version: latest content day and the short hash of all items. */
export function dataVersion(input: ApiInput): string {
  const all = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, itemsOf(input, n)]));
  const days = canonicalJson(all).match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [];
  const versionDays = [...input.versions.values()].map((v) => v.slice(0, 10));
  const latest =
    [...days, ...versionDays]
      .filter((d) => !Number.isNaN(Date.parse(d)))
      .sort()
      .at(-1) ?? '1970-01-01';
  return `${latest}-${sha256Hex(canonicalJson(all)).slice(0, 8)}`;
}

/** Columns of a collection's CSV: meta columns, then the entry's fields flattened. */
export function csvColumns(name: ApiCollection): string[] {
  if (name === 'datasets') return DATASET_CSV_COLUMNS;
  const data = z.toJSONSchema(DATA_SCHEMAS[name], { io: 'output', target: 'draft-7' }) as Parameters<
    typeof columnsOf
  >[0];
  return [
    'id',
    ...(HAS_PAGE[name] ? ['page.de', 'page.en'] : []),
    ...(HAS_VERSION[name] ? ['version'] : []),
    ...columnsOf(data),
  ];
}

/** Dataset CSV: one row per cell (long form). `count` is empty where `suppressed` is true. */
export const DATASET_CSV_COLUMNS = [
  'dataset',
  'measure',
  'row_dimension',
  'row_value',
  'column_dimension',
  'column_value',
  'count',
  'suppressed',
];

export function datasetRows(items: readonly ApiItem[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const it of items) {
    const d = it.data as z.infer<typeof datasetSchema>;
    d.rows.values.forEach((rv, r) =>
      d.columns.values.forEach((cv, c) => {
        const v = d.cells[r]?.[c];
        rows.push({
          dataset: it.id,
          measure: d.measure,
          row_dimension: d.rows.dimension,
          row_value: rv,
          column_dimension: d.columns.dimension,
          column_value: cv,
          count: v === 'suppressed' ? undefined : v,
          suppressed: v === 'suppressed',
        });
      }),
    );
  }
  return rows;
}

export function csvRecords(name: ApiCollection, items: readonly ApiItem[]): Record<string, unknown>[] {
  if (name === 'datasets') return datasetRows(items);
  return items.map((it) => ({
    id: it.id,
    page: it.page,
    version: it.version,
    ...(it.data as Record<string, unknown>),
  }));
}

export interface ApiFile {
  /** Path under the site root, e.g. `/api/v1/incidents.json`. */
  path: string;
  mediaType: string;
  body: string;
  /** Records in the file (data files). */
  records?: number;
  /** The JSON Schema of the file (JSON data files). */
  schema?: string;
  collection?: ApiCollection;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** Every file of the API, `index.json` last. */
export function apiFiles(input: ApiInput): ApiFile[] {
  const version = dataVersion(input);
  const files: ApiFile[] = [];
  for (const name of COLLECTION_NAMES) {
    const items = itemsOf(input, name);
    const schemaPath = `${API_BASE}/schemas/${name}.schema.json`;
    files.push({
      path: `${API_BASE}/${name}.json`,
      mediaType: 'application/json',
      body: json({ collection: name, dataVersion: version, license: LICENSE, licenseUrl: LICENSE_URL, items }),
      records: items.length,
      schema: schemaPath,
      collection: name,
    });
    const rows = csvRecords(name, items);
    files.push({
      path: `${API_BASE}/${name}.csv`,
      mediaType: 'text/csv; charset=utf-8; header=present',
      body: toCsv(rows, csvColumns(name)),
      records: rows.length,
      collection: name,
    });
    files.push({
      path: schemaPath,
      mediaType: 'application/schema+json',
      body: json(jsonSchemaOf(name)),
      collection: name,
    });
  }
  const index = {
    name: 'Konferenzleck open data',
    description:
      'Register of security incidents in government video conferences: every collection as JSON and CSV, with a JSON Schema per JSON file.',
    dataVersion: version,
    license: LICENSE,
    licenseUrl: LICENSE_URL,
    documentation: { de: `${SITE_URL}/de/data/`, en: `${SITE_URL}/en/data/` },
    files: files.map((f) => ({
      path: f.path,
      url: `${SITE_URL}${f.path}`,
      mediaType: f.mediaType,
      bytes: Buffer.byteLength(f.body, 'utf8'),
      sha256: sha256Hex(f.body),
      ...(f.collection ? { collection: f.collection } : {}),
      ...(f.records !== undefined ? { records: f.records } : {}),
      ...(f.schema ? { schema: f.schema } : {}),
    })),
  };
  files.push({ path: `${API_BASE}/index.json`, mediaType: 'application/json', body: json(index) });
  return files;
}
