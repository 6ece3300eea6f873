/**
 * CSV of the open data: one row per record, columns in a fixed order derived from the record's
 * JSON Schema (its property order, which is the order of the fields in src/lib/schemas.ts), so the
 * column order only changes when the content model does.
 *
 * Flattening rules (documented on the data page):
 * - nested objects become dotted columns (`title.de`, `title.en`, `period.start`);
 * - arrays of strings are joined with ` | ` (`countries`: `DE | NL`);
 * - arrays of objects and records (sources, actors, corrections, …) are one cell of JSON text;
 * - an absent value is an empty cell; numbers and booleans are written as in JSON.
 * Written with csv-stringify: RFC 4180, comma, `"` quoting, CRLF, UTF-8 without BOM, a header row.
 */
import { stringify } from 'csv-stringify/sync';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: unknown;
  $ref?: string;
};

/** The object schema inside an anyOf/allOf (nullable, optional wrappers), if any. */
function objectOf(s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return undefined;
  if (s.properties) return s;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) {
    const o = objectOf(alt);
    if (o) return o;
  }
  return undefined;
}

/** Column names of a record schema, flattened. */
export function columnsOf(schema: JsonSchema, prefix = ''): string[] {
  const obj = objectOf(schema);
  if (!obj?.properties) return [prefix.replace(/\.$/, '')];
  const cols: string[] = [];
  for (const [k, v] of Object.entries(obj.properties)) {
    const nested = objectOf(v);
    // Objects with fixed properties are flattened; records (additionalProperties) stay one cell.
    if (nested?.properties && Object.keys(nested.properties).length > 0 && v.type !== 'array')
      cols.push(...columnsOf(nested, `${prefix}${k}.`));
    else cols.push(`${prefix}${k}`);
  }
  return cols;
}

function get(o: unknown, dotted: string): unknown {
  let v: unknown = o;
  for (const k of dotted.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** The text of one cell. */
export function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v))
    return v.every((x) => typeof x === 'string' || typeof x === 'number') ? v.join(' | ') : JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** One flattened row. */
export function flatten(record: unknown, columns: readonly string[]): string[] {
  return columns.map((c) => cell(get(record, c)));
}

export function toCsv(records: readonly unknown[], columns: readonly string[]): string {
  return stringify([columns as string[], ...records.map((r) => flatten(r, columns))], { record_delimiter: '\r\n' });
}
