/**
 * Raw exposure records → derived categories → a disclosure-controlled dataset. Pure functions:
 * `scripts/aggregate.ts` does the streaming and the files. Direct identifiers (meeting URL,
 * meeting number, host, e-mail, title, site) are read only to derive a category and never leave
 * `deriveRecord`: what survives is the closed-list values of `DerivedRecord`.
 * The input formats are documented in docs/aggregate-input.md.
 */
import { ACTOR_CATEGORIES, COUNTRIES, type ActorCategory, type Country } from './vocab.ts';
import {
  DURATION_BANDS,
  HOUR_BANDS,
  INSTANCE_TYPES,
  WEEKDAYS,
  DIMENSION_VALUES,
  type Dataset,
  type DatasetDimension,
} from './dataset-schema.ts';
import { publishTable, roundToBase, suppressTable } from './disclosure.ts';

/** Version of the pipeline, written into every dataset. */
export const GENERATOR = 'konferenzleck-aggregate@1.0.0';

/** Columns of the raw CSV (header row required, any order). */
export const RAW_COLUMNS = [
  'meeting_url',
  'meeting_number',
  'host_name',
  'host_email',
  'title',
  'site',
  'start',
  'duration_minutes',
  'instance_type',
] as const;
export type RawColumn = (typeof RAW_COLUMNS)[number];
/** Columns that must be present. `site` or `host_email` gives the organisation; `title` the marker. */
export const REQUIRED_COLUMNS = ['start', 'duration_minutes', 'instance_type'] as const satisfies readonly RawColumn[];

/** A problem with one input line, reported with its line number (never with identifier values). */
export interface RowProblem {
  line: number;
  field: string;
  found?: string;
  allowed: string;
}

export function formatRowProblem(p: RowProblem): string {
  return `line ${p.line}: ${p.field}:${p.found !== undefined ? ` found ${p.found} —` : ''} allowed: ${p.allowed}`;
}

/** The header: index of each known column; problems for a header that cannot be used. */
export function readHeader(header: readonly string[]): {
  index: Partial<Record<RawColumn, number>>;
  ignored: string[];
  problems: RowProblem[];
} {
  const index: Partial<Record<RawColumn, number>> = {};
  const ignored: string[] = [];
  const problems: RowProblem[] = [];
  header.forEach((raw, i) => {
    const name = raw
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, '');
    if ((RAW_COLUMNS as readonly string[]).includes(name)) {
      if (index[name as RawColumn] !== undefined)
        problems.push({ line: 1, field: `column ${i + 1}`, found: JSON.stringify(name), allowed: 'each column once' });
      index[name as RawColumn] = i;
    } else ignored.push(name);
  });
  for (const col of REQUIRED_COLUMNS)
    if (index[col] === undefined)
      problems.push({
        line: 1,
        field: 'header',
        found: `no column ${JSON.stringify(col)}`,
        allowed: `a header with ${REQUIRED_COLUMNS.join(', ')} and site or host_email (see docs/aggregate-input.md)`,
      });
  if (index.site === undefined && index.host_email === undefined)
    problems.push({
      line: 1,
      field: 'header',
      found: 'neither "site" nor "host_email"',
      allowed: 'one of them, to find the organisation in the category map',
    });
  return { index, ignored, problems };
}

/** One line of the organisation-category map. */
export interface OrgMapEntry {
  category: ActorCategory;
  country: Country;
}
export type OrgMap = Map<string, OrgMapEntry>;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * Parse the organisation-category map: CSV records `domain,category,country` after a header of
 * exactly those names. `records` are the parsed CSV rows, header first.
 */
export function parseOrgMap(records: readonly (readonly string[])[]): { map: OrgMap; problems: RowProblem[] } {
  const map: OrgMap = new Map();
  const problems: RowProblem[] = [];
  const header = (records[0] ?? []).map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, ''),
  );
  if (header.join(',') !== 'domain,category,country') {
    problems.push({
      line: 1,
      field: 'header',
      found: JSON.stringify(header.join(',')),
      allowed: '"domain,category,country"',
    });
    return { map, problems };
  }
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    if (rec.length === 1 && rec[0]!.trim() === '') return;
    if (rec.length !== 3) {
      problems.push({
        line,
        field: '(row)',
        found: `${rec.length} fields`,
        allowed: '3 fields: domain,category,country',
      });
      return;
    }
    const domain = rec[0]!.trim().toLowerCase();
    const category = rec[1]!.trim();
    const country = rec[2]!.trim().toUpperCase();
    if (!DOMAIN.test(domain))
      problems.push({
        line,
        field: 'domain',
        found: JSON.stringify(domain),
        allowed: 'a domain name such as ministry.example or ministry.webex.com',
      });
    else if (map.has(domain))
      problems.push({ line, field: 'domain', found: JSON.stringify(domain), allowed: 'each domain once' });
    if (!(ACTOR_CATEGORIES as readonly string[]).includes(category))
      problems.push({
        line,
        field: 'category',
        found: JSON.stringify(category),
        allowed: `one of ${ACTOR_CATEGORIES.join(', ')}`,
      });
    if (!(COUNTRIES as readonly string[]).includes(country))
      problems.push({
        line,
        field: 'country',
        found: JSON.stringify(country),
        allowed: `one of ${COUNTRIES.join(', ')}`,
      });
    if (!problems.some((p) => p.line === line))
      map.set(domain, { category: category as ActorCategory, country: country as Country });
  });
  return { map, problems };
}

/** The entry for a domain: exact match or the longest parent domain in the map. */
export function lookupOrg(map: OrgMap, domain: string): OrgMapEntry | undefined {
  let d = domain.toLowerCase();
  for (;;) {
    const hit = map.get(d);
    if (hit) return hit;
    const dot = d.indexOf('.');
    if (dot < 0) return undefined;
    d = d.slice(dot + 1);
  }
}

/**
 * Classification markers that may appear in meeting titles (German VS-NfD…Streng geheim, NATO/EU,
 * Dutch Rijksoverheid, French). Matched as whole words, case-insensitive. The derived yes/no is
 * all that is kept of a title.
 */
const MARKERS = [
  'vs[- ]?nfd',
  'nfd',
  'nur f(?:ü|ue)r den dienstgebrauch',
  'vs[- ]vertraulich',
  'vertraulich',
  'streng geheim',
  'geheim',
  'verschlusssache',
  'restricted',
  'confidential',
  'top secret',
  'secret',
  'restreint ue',
  'diffusion restreinte',
  'confidentiel(?: d(?:é|e)fense)?',
  'tr(?:è|e)s secret',
  'dep\\.? ?v\\.?',
  'departementaal vertrouwelijk',
  'stg\\.? (?:confidentieel|geheim|zeer geheim)',
];
const MARKER_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${MARKERS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** Whether a meeting title carries a classification marker. */
export function hasClassificationMarker(title: string): boolean {
  return MARKER_RE.test(title);
}

/** What survives of one raw record: closed-list values only. */
export interface DerivedRecord {
  'org-category': ActorCategory;
  country: Country;
  month: string;
  weekday: (typeof WEEKDAYS)[number];
  'hour-band': (typeof HOUR_BANDS)[number];
  'duration-band': (typeof DURATION_BANDS)[number];
  'instance-type': (typeof INSTANCE_TYPES)[number];
  'classification-marker': 'yes' | 'no';
}

const START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const WEEKDAY_BY_NAME: Record<string, (typeof WEEKDAYS)[number]> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/** Local month, weekday and hour in a time zone, cached per UTC hour (zone offsets are whole hours here). */
export function localTimeParts(timeZone: string) {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  });
  const cache = new Map<number, { month: string; weekday: (typeof WEEKDAYS)[number]; hour: number }>();
  return (epochMs: number) => {
    const key = Math.floor(epochMs / 3_600_000);
    let v = cache.get(key);
    if (!v) {
      const p: Record<string, string> = {};
      for (const part of fmt.formatToParts(new Date(key * 3_600_000))) p[part.type] = part.value;
      v = {
        month: `${p['year']}-${p['month']}`,
        weekday: WEEKDAY_BY_NAME[p['weekday'] ?? '']!,
        hour: Number(p['hour']),
      };
      if (cache.size > 200_000) cache.clear();
      cache.set(key, v);
    }
    return v;
  };
}

export function hourBand(hour: number): (typeof HOUR_BANDS)[number] {
  return hour < 6
    ? '00-06'
    : hour < 9
      ? '06-09'
      : hour < 12
        ? '09-12'
        : hour < 15
          ? '12-15'
          : hour < 18
            ? '15-18'
            : '18-24';
}
export function durationBand(min: number): (typeof DURATION_BANDS)[number] {
  return min < 15 ? 'under-15' : min < 30 ? '15-29' : min < 60 ? '30-59' : min < 120 ? '60-119' : '120-plus';
}

export interface DeriveContext {
  index: Partial<Record<RawColumn, number>>;
  width: number;
  map: OrgMap;
  local: ReturnType<typeof localTimeParts>;
}

/**
 * Derive the categories of one raw record, or say why it is rejected. Identifier values are
 * never copied into the result or into problems (only line numbers, field names and, for the
 * organisation, the domain looked up).
 */
export function deriveRecord(rec: readonly string[], line: number, ctx: DeriveContext): DerivedRecord | RowProblem {
  if (rec.length !== ctx.width)
    return { line, field: '(row)', found: `${rec.length} fields`, allowed: `${ctx.width} fields, as in the header` };
  const get = (col: RawColumn) => (ctx.index[col] === undefined ? '' : rec[ctx.index[col]]!.trim());
  const start = get('start');
  const t = START.test(start) ? Date.parse(start) : NaN;
  if (Number.isNaN(t))
    return {
      line,
      field: 'start',
      found: JSON.stringify(start.slice(0, 40)),
      allowed: 'an ISO 8601 date-time with offset, e.g. 2024-03-01T09:30:00+01:00 or …Z',
    };
  const durRaw = get('duration_minutes');
  if (!/^\d{1,6}$/.test(durRaw))
    return {
      line,
      field: 'duration_minutes',
      found: JSON.stringify(durRaw.slice(0, 20)),
      allowed: 'a whole number of minutes',
    };
  const type = get('instance_type').toLowerCase();
  if (!(INSTANCE_TYPES as readonly string[]).includes(type))
    return {
      line,
      field: 'instance_type',
      found: JSON.stringify(type.slice(0, 30)),
      allowed: `one of ${INSTANCE_TYPES.join(', ')}`,
    };
  const site = get('site').toLowerCase();
  const email = get('host_email');
  const at = email.lastIndexOf('@');
  const domain = site || (at >= 0 ? email.slice(at + 1).toLowerCase() : '');
  if (!domain) return { line, field: 'site', allowed: 'a site host name, or a host_email, to find the organisation' };
  const org = lookupOrg(ctx.map, domain);
  if (!org)
    return {
      line,
      field: site ? 'site' : 'host_email (domain)',
      found: DOMAIN.test(domain) ? JSON.stringify(domain) : '(not a domain name)',
      allowed: 'a domain listed in the organisation-category map (or a subdomain of one)',
    };
  const local = ctx.local(t);
  return {
    'org-category': org.category,
    country: org.country,
    month: local.month,
    weekday: local.weekday,
    'hour-band': hourBand(local.hour),
    'duration-band': durationBand(Number(durRaw)),
    'instance-type': type as DerivedRecord['instance-type'],
    'classification-marker': hasClassificationMarker(get('title')) ? 'yes' : 'no',
  };
}

export function isRowProblem(x: DerivedRecord | RowProblem): x is RowProblem {
  return 'line' in x;
}

/** Counts by two dimensions, in bounded memory (one number per observed pair). */
export class CrossCounter {
  readonly counts = new Map<string, number>();
  readonly seenRows = new Set<string>();
  readonly seenCols = new Set<string>();
  constructor(
    readonly rowDim: DatasetDimension,
    readonly colDim: DatasetDimension,
  ) {}
  add(r: DerivedRecord): void {
    const a = r[this.rowDim];
    const b = r[this.colDim];
    this.seenRows.add(a);
    this.seenCols.add(b);
    const key = `${a}\u0000${b}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

/**
 * Values a dimension is shown with: the whole closed list (so that a value's presence reveals
 * nothing), or for months every month from the first to the last observed.
 */
export function axisValues(dim: DatasetDimension, seen: ReadonlySet<string>): string[] {
  const allowed = DIMENSION_VALUES[dim];
  if (allowed !== 'month') return [...allowed];
  const months = [...seen].sort();
  if (months.length === 0) return [];
  const out: string[] = [];
  let [y, m] = months[0]!.split('-').map(Number) as [number, number];
  const last = months.at(-1)!;
  for (;;) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    out.push(s);
    if (s >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export interface BuildOptions {
  k: number;
  base: number;
  timeZone: Dataset['method']['timeZone'];
  generated: string;
  measure: Dataset['measure'];
  inputRows: number;
  rejectedRows: number;
}

export interface BuildResult {
  dataset: Dataset;
  /** The exact counts (never written anywhere; for the summary and tests). */
  counts: number[][];
  primary: number;
  secondary: number;
}

/** Suppress, round and shape a counted table into a dataset. */
export function buildDataset(counter: CrossCounter, opts: BuildOptions): BuildResult {
  if (opts.k % opts.base !== 0) throw new Error(`k (${opts.k}) must be a multiple of the rounding base (${opts.base})`);
  const rows = axisValues(counter.rowDim, counter.seenRows);
  const cols = axisValues(counter.colDim, counter.seenCols);
  const counts = rows.map((a) => cols.map((b) => counter.counts.get(`${a}\u0000${b}`) ?? 0));
  const { mask, primary, secondary } = suppressTable(counts, opts.k);
  const pub = publishTable(counts, mask, opts.base);
  const R = rows.length;
  const C = cols.length;
  const total = pub[R]![C]!;
  if (total === 'suppressed') throw new Error('the grand total would be suppressed: the table is too small to publish');
  return {
    counts,
    primary,
    secondary,
    dataset: {
      measure: opts.measure,
      rows: { dimension: counter.rowDim, values: rows },
      columns: { dimension: counter.colDim, values: cols },
      cells: pub.slice(0, R).map((row) => row.slice(0, C)),
      rowTotals: pub.slice(0, R).map((row) => row[C]!),
      columnTotals: pub[R]!.slice(0, C),
      total,
      method: {
        k: opts.k,
        roundingBase: opts.base,
        timeZone: opts.timeZone,
        generator: GENERATOR,
        generated: opts.generated,
        inputRows: roundToBase(opts.inputRows, opts.base),
        rejectedRows: roundToBase(opts.rejectedRows, opts.base),
      },
    },
  };
}

export interface AggregateOptions {
  rowDim: DatasetDimension;
  colDim: DatasetDimension;
  map: OrgMap;
  timeZone: Dataset['method']['timeZone'];
  /** Called with the row problems as they are found. */
  onReject?: (p: RowProblem) => void;
  /** Called every 10,000 records with the number read so far. */
  onProgress?: (records: number) => void;
}

export interface AggregateResult {
  counter: CrossCounter;
  /** Data records read (the header not counted). */
  inputRows: number;
  rejectedRows: number;
  ignoredColumns: string[];
}

/**
 * Stream a raw CSV through csv-parse and count it by two dimensions, in bounded memory: only the
 * counter and the current record are held. Malformed rows are passed to `onReject` with their
 * line numbers and counted; a header that cannot be used throws.
 */
export async function aggregateCsv(input: NodeJS.ReadableStream, opts: AggregateOptions): Promise<AggregateResult> {
  const { parse } = await import('csv-parse');
  const rejects: RowProblem[] = [];
  const parser = parse({
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    bom: true,
    on_skip: (err) => {
      // Only the error code and line: a CSV error message may quote field content (titles, URLs).
      const e = err as (Error & { code?: string; lines?: number }) | undefined;
      rejects.push({
        line: e?.lines ?? 0,
        field: '(row)',
        found: e?.code ?? 'unreadable CSV',
        allowed: 'a well-formed CSV record (RFC 4180 quoting)',
      });
      return undefined;
    },
  });
  input.pipe(parser);
  input.on('error', (e) => parser.destroy(e as Error));
  const counter = new CrossCounter(opts.rowDim, opts.colDim);
  const local = localTimeParts(opts.timeZone);
  let ctx: DeriveContext | undefined;
  let ignored: string[] = [];
  let inputRows = 0;
  let rejected = 0;
  const flush = () => {
    for (const p of rejects.splice(0)) {
      rejected++;
      inputRows++;
      opts.onReject?.(p);
    }
  };
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    flush();
    const { record, info } = item;
    if (!ctx) {
      const h = readHeader(record);
      if (h.problems.length) throw new Error(`unusable header:\n${h.problems.map(formatRowProblem).join('\n')}`);
      if (
        h.index.title === undefined &&
        (opts.rowDim === 'classification-marker' || opts.colDim === 'classification-marker')
      ) {
        throw new Error('the classification-marker dimension needs a "title" column');
      }
      ignored = h.ignored;
      ctx = { index: h.index, width: record.length, map: opts.map, local };
      continue;
    }
    inputRows++;
    const d = deriveRecord(record, info.lines, ctx);
    if (isRowProblem(d)) {
      rejected++;
      opts.onReject?.(d);
    } else counter.add(d);
    if (inputRows % 10_000 === 0) opts.onProgress?.(inputRows);
  }
  flush();
  if (!ctx) throw new Error('the file is empty: a header row is required (see docs/aggregate-input.md)');
  return { counter, inputRows, rejectedRows: rejected, ignoredColumns: ignored };
}

/** A dataset as JSON text: two-space indents, arrays of numbers and words on one line each. */
export function formatDatasetJson(d: Dataset): string {
  return `${JSON.stringify(d, null, 2).replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, inner: string) => `[${inner.replace(/,\s+/g, ', ')}]`)}\n`;
}
