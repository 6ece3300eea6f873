/**
 * `npm run new -- event|source|incident [--field value …]`: writes a new, valid content file with a
 * correct id, refuses to overwrite, validates the result with the same schemas and rules as the
 * build, and prints its path. Asks for missing fields when run in a terminal; takes every field as
 * a flag for scripts. `--dir <path>` writes into another content root (tests).
 *
 *   npm run new -- event --incident taurus-leak-2024 --date 2024-03-05 --slug pistorius-press-conference \
 *     --type official-statement --title-de "…" --title-en "…" --summary-de "…" --summary-en "…" --source src-x
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline/promises';
import { Document, isScalar, visit } from 'yaml';
import * as V from '../src/lib/vocab.ts';
import { eventSchema, incidentSchema, sourceSchema } from '../src/lib/schemas.ts';
import { validateContent } from '../src/lib/validate.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { zodProblems } from '../src/lib/zod-problems.ts';
import { contentDir, today as todaySetting } from '../src/lib/settings.ts';

export const KINDS = ['event', 'source', 'incident'] as const;
export type Kind = (typeof KINDS)[number];

interface Field {
  /** Flag name (`--title-de`). */
  flag: string;
  /** Question in a terminal. */
  ask: string;
  /** Closed list of allowed values. */
  values?: readonly string[];
  /** A list: the flag may repeat, or take comma-separated values. */
  list?: boolean;
  /** Default when not given (shown in the question). */
  default?: string | ((v: Record<string, string | string[]>) => string | undefined);
  /** Optional: an empty answer leaves it out. */
  optional?: boolean;
  /** Check of one answer; returns what is allowed, or undefined when fine. */
  check?: (v: string) => string | undefined;
  /** May be left out when `--unknown <flag>="reason"` says why it is not known (sources). */
  unknownable?: boolean;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const slugCheck = (v: string) => (SLUG.test(v) ? undefined : 'a lowercase slug (a-z, 0-9, single hyphens)');
const isoCheck = (v: string) => (ISO.test(v) ? undefined : 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
const dayCheck = (v: string) => (DAY.test(v) ? undefined : 'an ISO day: YYYY-MM-DD');
const urlCheck = (v: string) => (/^https?:\/\/\S+$/.test(v) ? undefined : 'an absolute http(s) URL');
const notEmpty = (v: string) => (v.trim() ? undefined : 'a non-empty text');

/** Turns free text into a slug: "Pistorius press conference" → "pistorius-press-conference". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

const FIELDS: Record<Kind, Field[]> = {
  event: [
    { flag: 'incident', ask: 'Incident id (folder name under incidents/)', check: slugCheck },
    { flag: 'date', ask: 'Date (YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day)', check: isoCheck },
    { flag: 'slug', ask: 'Short slug for the file name (a few words, a-z and hyphens)', check: slugCheck },
    { flag: 'type', ask: 'Type of event', values: V.EVENT_TYPES },
    { flag: 'status', ask: 'Status of the claim', values: V.CLAIM_STATUSES, default: 'reported' },
    {
      flag: 'confidence',
      ask: 'Confidence (confirmed = in an original source; secondary = only in a copy; inferred)',
      values: V.CONFIDENCES,
      default: 'confirmed',
    },
    { flag: 'title-de', ask: 'Title, German', check: notEmpty },
    { flag: 'title-en', ask: 'Title, English', check: notEmpty },
    { flag: 'summary-de', ask: 'Summary, German (your own words)', check: notEmpty },
    { flag: 'summary-en', ask: 'Summary, English (your own words)', check: notEmpty },
    { flag: 'source', ask: 'Source id(s), comma-separated (src-…)', list: true, check: slugCheck },
    { flag: 'locator', ask: 'Place in the first source (page, paragraph) — optional', optional: true },
    {
      flag: 'actor',
      ask: 'Actors as id:role, comma-separated — optional (roles: affected, responsible, stated, reported, investigated, decided, asked)',
      list: true,
      optional: true,
    },
    { flag: 'reasoning-de', ask: 'Reasoning, German (required for confidence "inferred")', optional: true },
    { flag: 'reasoning-en', ask: 'Reasoning, English (required for confidence "inferred")', optional: true },
  ],
  source: [
    { flag: 'publisher', ask: 'Publisher or issuing body', check: notEmpty, unknownable: true },
    { flag: 'title', ask: 'Title in the original language', check: notEmpty, unknownable: true },
    { flag: 'url', ask: 'Address (http/https)', check: urlCheck, unknownable: true },
    { flag: 'language', ask: 'Language of the source', values: V.SOURCE_LANGUAGES, default: 'de' },
    { flag: 'kind', ask: 'Kind of source', values: V.SOURCE_KINDS },
    { flag: 'published', ask: 'Publication date (YYYY-MM-DD, YYYY-MM or YYYY)', check: isoCheck, unknownable: true },
    {
      flag: 'retrieved',
      ask: 'Day you retrieved it (YYYY-MM-DD)',
      check: dayCheck,
      default: () => todaySetting(),
      unknownable: true,
    },
    {
      flag: 'id',
      ask: 'Id (src-…)',
      check: (v) => (SLUG.test(v) && v.startsWith('src-') ? undefined : 'an id "src-…" (a-z, 0-9, hyphens)'),
      default: (v) =>
        `src-${slugify(String(v['publisher'] ?? 'source'))}-${String(v['published'] ?? '')}`.replace(/-+$/, ''),
    },
    { flag: 'author', ask: 'Author (journalist in the byline) — optional', optional: true },
    { flag: 'archive-url', ask: 'Archived copy (http/https) — optional', optional: true, check: urlCheck },
    {
      flag: 'archive-missing-reason',
      ask: 'Why there is no archived copy',
      default: (v) => (v['archive-url'] ? undefined : 'No archived copy was made yet.'),
      optional: true,
    },
    {
      flag: 'reliability',
      ask: 'Reliability notes, comma-separated',
      values: V.RELIABILITY_NOTES,
      list: true,
      default: 'original',
    },
  ],
  incident: [
    { flag: 'id', ask: 'Incident id (e.g. taurus-leak-2024)', check: slugCheck },
    { flag: 'title-de', ask: 'Title, German', check: notEmpty },
    { flag: 'title-en', ask: 'Title, English', check: notEmpty },
    { flag: 'summary-de', ask: 'Summary, German (one or two sentences)', check: notEmpty },
    { flag: 'summary-en', ask: 'Summary, English (one or two sentences)', check: notEmpty },
    { flag: 'kind', ask: 'Kind', values: V.INCIDENT_KINDS, default: 'incident' },
    { flag: 'start', ask: 'Start (YYYY-MM-DD, YYYY-MM or YYYY)', check: isoCheck },
    { flag: 'end', ask: 'End — optional (leave empty while open)', optional: true, check: isoCheck },
    { flag: 'status', ask: 'Status', values: V.INCIDENT_STATUSES, default: 'ongoing' },
    { flag: 'platform', ask: 'Platform(s), comma-separated', values: V.PLATFORMS, list: true, default: 'webex' },
    {
      flag: 'countries',
      ask: 'Countries (ISO codes), comma-separated',
      values: V.COUNTRIES,
      list: true,
      default: 'DE',
    },
    {
      flag: 'categories',
      ask: 'Affected categories, comma-separated — optional',
      values: V.ACTOR_CATEGORIES,
      list: true,
      optional: true,
    },
  ],
};

export interface NewResult {
  code: number;
  /** Files written, relative to the current directory (none when refused). */
  files: string[];
}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Ask a question (only when interactive). */
  ask?: ((q: string) => Promise<string>) | undefined;
}

/** Source fields that may be unknown, each with a reason (`unknown:` in the source schema). */
const UNKNOWABLE = ['publisher', 'title', 'author', 'url', 'published', 'retrieved'];

/** `--unknown title="No headline recorded."` (repeatable) → { title: "No headline recorded." }. */
function unknownReasons(v: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
    const i = item.indexOf('=');
    if (i > 0) out[item.slice(0, i).trim()] = item.slice(i + 1).trim();
    else out[item.trim()] = '';
  }
  return out;
}

const split = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);

function checkValue(f: Field, value: string | string[]): string | undefined {
  const items = f.list ? split(value) : [String(value)];
  if (f.list && !f.optional && items.length === 0) return 'at least one value';
  for (const item of items) {
    if (f.values && !f.values.includes(item)) return `one of ${f.values.join(', ')} (found "${item}")`;
    const bad = f.check?.(item);
    if (bad) return `${bad} (found "${item}")`;
  }
  return undefined;
}

/** Gather every field from flags, defaults and (in a terminal) questions. */
async function gather(
  kind: Kind,
  given: Record<string, string | string[] | undefined>,
  io: Io,
): Promise<{ values: Record<string, string | string[]>; errors: string[] }> {
  const values: Record<string, string | string[]> = {};
  const errors: string[] = [];
  const unknown = unknownReasons(given['unknown']);
  for (const [k, reason] of Object.entries(unknown)) {
    if (!UNKNOWABLE.includes(k)) errors.push(`--unknown: allowed ${UNKNOWABLE.join(', ')} (found "${k}")`);
    else if (reason.trim().length < 3) errors.push(`--unknown ${k}: allowed a reason of at least 3 characters`);
  }
  for (const f of FIELDS[kind]) {
    if (f.unknownable && unknown[f.flag] !== undefined) {
      if (given[f.flag] !== undefined)
        errors.push(`--${f.flag}: give a value or --unknown ${f.flag}="reason", not both`);
      continue;
    }
    let v = given[f.flag];
    const def = typeof f.default === 'function' ? f.default(values) : f.default;
    while (v === undefined || (typeof v === 'string' && v.trim() === '' && !f.optional)) {
      if (!io.ask) break;
      const choices = f.values && f.values.length <= 20 ? ` [${f.values.join('|')}]` : '';
      const answer = (await io.ask(`${f.ask}${choices}${def ? ` (${def})` : ''}: `)).trim();
      v = answer || def || (f.optional ? '' : undefined);
      if (v !== undefined && v !== '') {
        const bad = checkValue(f, v);
        if (bad) {
          io.err(`  allowed: ${bad}`);
          v = undefined;
          continue;
        }
      }
      if (v === undefined && !f.optional) io.err('  this field is required');
      if (v === '' && f.optional) break;
    }
    if (v === undefined) v = def;
    if (v === undefined || v === '') {
      if (!f.optional)
        errors.push(`--${f.flag}: missing — ${f.ask}${f.values ? ` (one of ${f.values.join(', ')})` : ''}`);
      continue;
    }
    const bad = checkValue(f, v);
    if (bad) {
      errors.push(`--${f.flag}: allowed ${bad}`);
      continue;
    }
    values[f.flag] = f.list ? split(v) : String(v);
  }
  return { values, errors };
}

/** The id's date prefix: `00` for a month or day the date does not give. */
export function eventIdFor(date: string, slug: string): string {
  const [y, m = '00', d = '00'] = date.split('-');
  return `${y}-${m}-${d}-${slug}`;
}

function toYaml(data: unknown): string {
  const doc = new Document(data);
  // Times like 15:11 must stay text in every YAML parser (YAML 1.1 reads them as numbers).
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && /^\d{1,2}:\d{2}$/.test(node.value))
        node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

const s = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : (v ?? ''));

/** The files to write for a kind: [path relative to the content root, text][]. */
export function render(
  kind: Kind,
  v: Record<string, string | string[]>,
  today: string,
): { id: string; files: [string, string][]; data: unknown; schemaFile: string } {
  if (kind === 'event') {
    const id = eventIdFor(s(v['date']), s(v['slug']));
    const sources = split(v['source']).map((source, i) =>
      i === 0 && v['locator'] ? { source, locator: s(v['locator']) } : { source },
    );
    const actors = split(v['actor']).map((a) => {
      const [actor = '', role = 'affected'] = a.split(':').map((x) => x.trim());
      return { actor, role };
    });
    const data: Record<string, unknown> = {
      incident: s(v['incident']),
      date: { on: s(v['date']) },
      type: s(v['type']),
      status: s(v['status']),
      confidence: s(v['confidence']),
    };
    if (v['reasoning-de'] || v['reasoning-en'])
      data['reasoning'] = { de: s(v['reasoning-de']), en: s(v['reasoning-en']) };
    data['title'] = { de: s(v['title-de']), en: s(v['title-en']) };
    data['summary'] = { de: s(v['summary-de']), en: s(v['summary-en']) };
    if (actors.length) data['actors'] = actors;
    data['sources'] = sources;
    return { id, files: [[`events/${id}.yaml`, toYaml(data)]], data, schemaFile: `events/${id}.yaml` };
  }
  if (kind === 'source') {
    const id = s(v['id']);
    const data: Record<string, unknown> = {};
    if (v['publisher']) data['publisher'] = s(v['publisher']);
    if (v['title']) data['title'] = s(v['title']);
    if (v['author']) data['author'] = s(v['author']);
    if (v['url']) data['url'] = s(v['url']);
    data['language'] = s(v['language']);
    data['kind'] = s(v['kind']);
    if (v['published']) data['published'] = { on: s(v['published']) };
    if (v['retrieved']) data['retrieved'] = s(v['retrieved']);
    if (v['archive-url']) data['archiveUrl'] = s(v['archive-url']);
    else data['archiveMissingReason'] = s(v['archive-missing-reason']) || 'No archived copy was made yet.';
    data['reliability'] = split(v['reliability']);
    const unknown = unknownReasons(v['unknown']);
    if (Object.keys(unknown).length) data['unknown'] = unknown;
    return { id, files: [[`sources/${id}.yaml`, toYaml(data)]], data, schemaFile: `sources/${id}.yaml` };
  }
  const id = s(v['id']);
  const data: Record<string, unknown> = {
    title: { de: s(v['title-de']), en: s(v['title-en']) },
    summary: { de: s(v['summary-de']), en: s(v['summary-en']) },
    kind: s(v['kind']),
    period: v['end'] ? { start: s(v['start']), end: s(v['end']) } : { start: s(v['start']) },
    status: s(v['status']),
    platform: split(v['platform']),
    countries: split(v['countries']),
  };
  if (split(v['categories']).length) data['affectedCategories'] = split(v['categories']);
  data['translation'] = { de: 'human', en: 'human' };
  data['lastReviewed'] = today;
  // The narrative starts as the summary; extend it in de.mdx / en.mdx.
  return {
    id,
    files: [
      [`incidents/${id}/incident.yaml`, toYaml(data)],
      [`incidents/${id}/de.mdx`, `${s(v['summary-de']).trim()}\n`],
      [`incidents/${id}/en.mdx`, `${s(v['summary-en']).trim()}\n`],
    ],
    data,
    schemaFile: `incidents/${id}/incident.yaml`,
  };
}

const SCHEMAS = { event: eventSchema, source: sourceSchema, incident: incidentSchema } as const;

const USAGE = `usage: npm run new -- event|source|incident [--dir <content root>] [--field value …]
  event:    --incident --date --slug --type [--status] [--confidence] --title-de --title-en --summary-de --summary-en --source [--locator] [--actor id:role]
  source:   --publisher --title --url --language --kind --published [--retrieved] [--id src-…] [--author] [--archive-url | --archive-missing-reason] [--reliability]
            [--unknown field="reason"] instead of a publisher, title, url or published date the source does not give
  incident: --id --title-de --title-en --summary-de --summary-en --start [--end] [--kind] [--status] [--platform] [--countries] [--categories]
In a terminal, missing fields are asked for. See CONTRIBUTING.md.`;

export async function runNew(argv: string[], io: Io): Promise<NewResult> {
  const kind = argv[0] as Kind | undefined;
  if (!kind || !KINDS.includes(kind)) {
    io.err(USAGE);
    return { code: 2, files: [] };
  }
  const options: Record<string, { type: 'string'; multiple?: boolean }> = {
    dir: { type: 'string' },
    today: { type: 'string' },
  };
  for (const f of FIELDS[kind]) options[f.flag] = f.list ? { type: 'string', multiple: true } : { type: 'string' };
  if (kind === 'source') options['unknown'] = { type: 'string', multiple: true };
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(1), options, allowPositionals: false, strict: true });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return { code: 2, files: [] };
  }
  const given = parsed.values as Record<string, string | string[] | undefined>;
  const base = path.resolve(String(given['dir'] ?? contentDir()));
  const today = String(given['today'] ?? todaySetting());
  // Defaults such as `retrieved` use the same day as validation does.
  process.env['KONFERENZLECK_TODAY'] = today;
  const { values, errors } = await gather(kind, given, io);
  if (given['unknown'] !== undefined) values['unknown'] = given['unknown'];
  if (errors.length) {
    io.err(
      `Cannot create the ${kind}:\n${errors.map((e) => `  ${e}`).join('\n')}\n${errors.some((e) => e.includes(': missing')) ? USAGE : ''}`.trimEnd(),
    );
    return { code: 2, files: [] };
  }
  const { id, files, data, schemaFile } = render(kind, values, today);

  // The same schema as the build, before anything is written.
  const parsedData = SCHEMAS[kind].safeParse(data);
  if (!parsedData.success) {
    for (const p of zodProblems(parsedData.error, schemaFile, data)) io.err(formatProblem(p));
    return { code: 1, files: [] };
  }
  // Never overwrite.
  const targets = files.map(([rel]) => path.join(base, rel));
  const existing = targets.filter((t) => fs.existsSync(t));
  if (kind === 'incident' && fs.existsSync(path.join(base, 'incidents', id)))
    existing.push(path.join(base, 'incidents', id));
  if (existing.length) {
    io.err(
      `refusing to overwrite ${existing.join(', ')}: it exists already; choose another ${kind === 'event' ? '--slug' : '--id'}`,
    );
    return { code: 1, files: [] };
  }
  for (const [rel, text] of files) {
    const full = path.join(base, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text, { flag: 'wx' });
  }
  // The same rules as the build (references, dates, privacy), over the whole content root.
  const result = validateContent(base, { root: process.cwd(), today });
  const isMine = (p: { file: string }) => targets.includes(path.resolve(p.file));
  const ownErrors = result.errors.filter(isMine);
  if (ownErrors.length) {
    for (const p of ownErrors) io.err(formatProblem(p));
    for (const t of targets) fs.rmSync(t, { force: true });
    if (kind === 'incident') fs.rmSync(path.join(base, 'incidents', id), { recursive: true, force: true });
    io.err(
      `nothing written: fix the values above and run again. The ${kind} would have been:\n${files.map(([r, t]) => `--- ${r}\n${t}`).join('')}`,
    );
    return { code: 1, files: [] };
  }
  const written = targets.map((t) => {
    const r = path.relative(process.cwd(), t);
    return r.startsWith('..') ? t : r.split(path.sep).join('/');
  });
  for (const w of written) io.out(w);
  const notes = result.warnings.filter(isMine);
  for (const p of notes) io.err(formatProblem(p));
  if (kind === 'source') io.err(`next: cite it from an event with "- source: ${id}"`);
  if (kind === 'incident')
    io.err('next: write the narrative in de.mdx and en.mdx, then add events with npm run new -- event');
  return { code: 0, files: written };
}

async function main(): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    const r = await runNew(process.argv.slice(2), {
      out: (x) => console.log(x),
      err: (x) => console.error(x),
      ask: rl ? (q) => rl.question(q) : undefined,
    });
    return r.code;
  } finally {
    rl?.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await main());
}
