/**
 * `npm run schemas` (second step): writes docs/schema-reference.md — every field of every content
 * type with its type, whether it is required, the allowed values, its meaning (the JSDoc comment
 * in src/lib/schemas.ts) and an example — from the same zod schemas the site validates with.
 * `--check` exits non-zero when the committed reference is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import * as S from '../src/lib/schemas.ts';
import { documentedJsonSchema, readSchemaDocs, type SchemaDocs } from './json-schemas.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE_FILE = path.join(ROOT, 'docs/schema-reference.md');

interface Section {
  id: string;
  heading: string;
  /** Where the files live and how they are named. */
  files: string;
  schema: z.ZodType;
  exportName: string;
  /** JSON Schema file for editors, if any. */
  jsonSchema?: string;
  /** A complete, valid example (YAML, or MDX frontmatter). A unit test parses each with its schema. */
  example: string;
  /** Rules the JSON Schema cannot express, checked by `npm run check:content`. */
  rules: string[];
}

/**
 * Examples show the form of each value. Where they repeat entries of the register they are taken
 * from it; the figure and glossary examples are illustrative and claim nothing.
 */
export const SECTIONS: Section[] = [
  {
    id: 'events',
    heading: 'Event',
    files:
      '`src/content/events/yyyy-mm-dd-short-slug.yaml` — the file name is the id; use `00` for a month or day the source does not give (`2024-05-00-…`).',
    schema: S.eventSchema,
    exportName: 'eventSchema',
    jsonSchema: 'schemas/event.schema.json',
    example: `incident: taurus-leak-2024
date:
  on: 2024-02-19
type: incident
status: confirmed
confidence: confirmed
title:
  de: Webex-Konferenz von vier Luftwaffenoffizieren
  en: Webex conference of four Luftwaffe officers
summary:
  de: Nach der Vorbemerkung einer Kleinen Anfrage im Bundestag fand die später veröffentlichte Konferenz an diesem Tag statt.
  en: According to the preamble of a Bundestag minor interpellation, the conference later published took place on this day.
actors:
  - actor: luftwaffe
    role: affected
sources:
  - source: src-bt-drs-20-10839
    locator: Vorbemerkung
  - source: src-tagesschau-2024-03-02
`,
    rules: [
      'The date in the file name must match `date.on` (`00` for a missing month or day).',
      '`reasoning` is required when `confidence` is `inferred`.',
      '`date.until` may not be before `date.on`; `date.time` needs a day-precision `date.on`.',
      'No date may lie in the future; an event may not lie before the start of its incident.',
      '`incident`, every `actors[].actor` and every `sources[].source` must be the id of an existing entry.',
      '`actors[].holder` may name only office holders the naming rule allows (CONTRIBUTING.md).',
    ],
  },
  {
    id: 'sources',
    heading: 'Source',
    files: '`src/content/sources/src-….yaml` — the file name is the id and starts with `src-`.',
    schema: S.sourceSchema,
    exportName: 'sourceSchema',
    jsonSchema: 'schemas/source.schema.json',
    example: `publisher: tagesschau
title: Verteidigungsministerium bestätigt Abhörfall
titleTranslation:
  en: Defence ministry confirms interception case
language: de
kind: news-article
url: https://www.tagesschau.de/inland/bundeswehr-abhoerfall-100.html
published:
  on: 2024-03-02
  time: "15:11"
retrieved: 2026-11-26
archiveMissingReason: No archived copy was made during the research.
reliability: [original]
unknown:
  author: No byline in the retrieved text.
`,
    rules: [
      '`publisher`, `title`, `url`, `published` and `retrieved`: give a value, or state under `unknown:` why it is not known — not both.',
      'Give `archiveUrl`, or `archiveMissingReason` stating why there is none.',
      '`retrieved` may not be before `published`; neither may lie in the future.',
      'A source no event, figure or glossary entry cites is reported as a warning.',
    ],
  },
  {
    id: 'incidents',
    heading: 'Incident',
    files:
      '`src/content/incidents/<id>/incident.yaml`, with the narrative beside it in `de.mdx` and `en.mdx`; the folder name is the id.',
    schema: S.incidentSchema,
    exportName: 'incidentSchema',
    jsonSchema: 'schemas/incident.schema.json',
    example: `title:
  de: Taurus-Leck – abgehörte Webex-Konferenz der Luftwaffe
  en: Taurus leak – intercepted Luftwaffe Webex conference
summary:
  de: Vier ranghohe Offiziere der Luftwaffe besprachen am 19. Februar 2024 in einer Webex-Konferenz den Marschflugkörper Taurus.
  en: Four senior Luftwaffe officers discussed the Taurus cruise missile in a Webex conference on 19 February 2024.
kind: incident
period:
  start: 2024-02-19
  end: 2024-06
status: concluded
platform: [webex-on-premises]
countries: [DE]
affectedCategories: [military]
related: [bundeswehr-webex-2024]
openQuestions:
  - de: Das Ergebnis der Ermittlungen ist nicht bekannt.
    en: The outcome of the investigation is not known.
translation:
  de: human
  en: human
lastReviewed: 2026-11-26
corrections:
  - date: 2026-11-20
    kind: correction
    what:
      de: Das Datum der Konferenz lautet 19. Februar, nicht 20. Februar.
      en: The date of the conference is 19 February, not 20 February.
    why:
      de: Die Bundestagsdrucksache nennt den 19. Februar.
      en: The Bundestag printed paper gives 19 February.
    sources:
      - source: src-bt-drs-20-10839
`,
    rules: [
      '`translation.de`/`translation.en` must be `missing` exactly when `de.mdx`/`en.mdx` does not exist.',
      '`period.end` may not be before `period.start`; no date may lie in the future.',
      '`related[]` and `corrections[].sources[].source` must be ids of existing entries.',
    ],
  },
  {
    id: 'narratives',
    heading: 'Incident narrative (frontmatter of `de.mdx` / `en.mdx`)',
    files: '`src/content/incidents/<id>/de.mdx` and `en.mdx`: plain Markdown; the frontmatter is optional.',
    schema: S.narrativeSchema,
    exportName: 'narrativeSchema',
    example: `heading: Was geschah
`,
    rules: [
      'Plain Markdown only: no `import`/`export`, no `{expressions}`, no `<script>`/`<iframe>`, no `on…=` attributes; components only `Aside`, `Quote`, `EventRef`, `SourceRef`; links http(s), site-relative or `#…`.',
    ],
  },
  {
    id: 'actors',
    heading: 'Actor',
    files: '`src/content/actors/<id>.yaml` — an organisation or an office, never a person.',
    schema: S.actorSchema,
    exportName: 'actorSchema',
    jsonSchema: 'schemas/actor.schema.json',
    example: `name:
  de: Luftwaffe
  en: German Air Force (Luftwaffe)
kind: armed-forces
country: DE
category: military
`,
    rules: ['`parent` must be the id of an existing actor.'],
  },
  {
    id: 'figures',
    heading: 'Reported figure',
    files: '`src/content/figures/<id>.yaml` — one number as reported, never added to another.',
    schema: S.figureSchema,
    exportName: 'figureSchema',
    jsonSchema: 'schemas/figure.schema.json',
    example: `incident: bundeswehr-webex-2024
measure: links
value:
  type: more-than
  min: 1000
label:
  de: offen abrufbare Meeting-Links
  en: openly reachable meeting links
wording:
  text: mehrere Tausend Links
  lang: de
attribution:
  de: die berichtende Redaktion
  en: the reporting newsroom
sources:
  - source: src-example-report
`,
    rules: [
      '`value.n` for `exact` and `about`; `value.min` for `more-than`; `value.min` and `value.max` (not below min) for `range`; no numbers for `vague`.',
      '`incident`, `actor` and `sources[].source` must be ids of existing entries.',
    ],
  },
  {
    id: 'glossary',
    heading: 'Glossary term',
    files: '`src/content/glossary/<id>.yaml`.',
    schema: S.glossarySchema,
    exportName: 'glossarySchema',
    jsonSchema: 'schemas/glossary.schema.json',
    example: `term:
  de: On-Premises
  en: On-premises
definition:
  de: Betrieb einer Software auf eigenen Servern statt in der Cloud des Anbieters.
  en: Running software on one's own servers instead of in the vendor's cloud.
`,
    rules: ['`sources[].source` must be ids of existing sources.'],
  },
  {
    id: 'about',
    heading: 'About page (frontmatter of `de.mdx` / `en.mdx`)',
    files: '`src/content/about/<topic>/de.mdx` and `en.mdx`: plain Markdown, same rules as narratives.',
    schema: S.aboutSchema,
    exportName: 'aboutSchema',
    example: `title: Korrekturgrundsätze
description: Wie wir Fehler korrigieren und wie Betroffene widersprechen können.
updated: 2026-11-26
`,
    rules: [],
  },
];

type Json = { [k: string]: unknown };
interface Row {
  field: string;
  type: string;
  required: boolean;
  allowed: string;
  description: string;
  example: string;
}

const PATTERN_WORDS: Record<string, string> = {
  '^[a-z0-9]+(?:-[a-z0-9]+)*$': 'an id: lowercase a–z, 0–9, single hyphens',
  '^\\d{4}(-\\d{2}(-\\d{2})?)?$': 'an ISO date of year, month or day precision: `2024`, `2024-03`, `2024-03-05`',
  '^\\d{4}-\\d{2}-\\d{2}$': 'an ISO day: `2024-03-05`',
  '^([01]\\d|2[0-3]):[0-5]\\d$': 'a time `HH:MM`, 24 h, in quotes: `"15:11"`',
  '^https?://': 'an absolute `http://` or `https://` URL',
};

function typeOf(s: Json): string {
  if (Array.isArray(s['enum'])) return 'text (one value)';
  if (s['type'] === 'array') {
    const items = (s['items'] ?? {}) as Json;
    return `list of ${items['type'] === 'object' ? 'objects' : typeOf(items).replace(' (one value)', '')}`;
  }
  if (s['type'] === 'object') return s['propertyNames'] ? 'map' : 'object';
  if (s['type'] === 'string') return 'text';
  if (s['type'] === 'number' || s['type'] === 'integer') return 'number';
  if (s['type'] === 'boolean') return 'true/false';
  return String(s['type'] ?? 'any');
}

function allowedOf(s: Json): string {
  const parts: string[] = [];
  if (Array.isArray(s['enum']))
    parts.push(`one of ${(s['enum'] as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}`);
  if (typeof s['pattern'] === 'string') parts.push(PATTERN_WORDS[s['pattern']] ?? `matches \`${s['pattern']}\``);
  if (typeof s['minLength'] === 'number')
    parts.push(s['minLength'] === 1 ? 'not empty' : `at least ${s['minLength']} characters`);
  if (typeof s['minimum'] === 'number') parts.push(`≥ ${s['minimum']}`);
  if (typeof s['minItems'] === 'number') parts.push(`at least ${s['minItems']} item${s['minItems'] === 1 ? '' : 's'}`);
  if (s['type'] === 'array') {
    const items = (s['items'] ?? {}) as Json;
    if (items['type'] !== 'object') {
      const inner = allowedOf(items);
      if (inner) parts.push(`each: ${inner}`);
    }
  }
  if (s['propertyNames']) {
    const keys = ((s['propertyNames'] as Json)['enum'] as unknown[] | undefined) ?? [];
    parts.push(`keys: ${keys.map((k) => `\`${String(k)}\``).join(', ')}`);
    const values = allowedOf((s['additionalProperties'] ?? {}) as Json);
    if (values) parts.push(`values: text, ${values}`);
  }
  if (s['default'] !== undefined) parts.push(`default \`${JSON.stringify(s['default'])}\``);
  return parts.join('; ');
}

function get(data: unknown, path: string[]): unknown {
  let cur = data;
  for (const k of path) {
    if (Array.isArray(cur)) cur = cur[0];
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** Example values by field name, for fields the example document leaves out. */
const KEY_EXAMPLES: Record<string, unknown> = {
  de: 'Deutscher Text',
  en: 'English text',
  source: 'src-tagesschau-2024-03-02',
  actor: 'luftwaffe',
  incident: 'taurus-leak-2024',
  parent: 'bundeswehr',
  short: 'BMVg',
  holder: 'Boris Pistorius',
  locator: 'p. 3',
  timezone: 'Europe/Berlin',
  author: 'Name of the journalist in the byline',
  publisher: 'tagesschau',
  title: 'Title in the original language',
  heading: 'Was geschah',
  description: 'One sentence describing the page.',
  archiveMissingReason: 'No archived copy was made during the research.',
  text: 'mehrere Tausend Links',
  value: '20/10839',
};

/** An example value from the schema alone, for fields the example document leaves out. */
function synthesise(s: Json, key = ''): unknown {
  if (key in KEY_EXAMPLES && s['type'] !== 'object' && s['type'] !== 'array') return KEY_EXAMPLES[key];
  if (Array.isArray(s['enum'])) return (s['enum'] as unknown[])[0];
  const p = s['pattern'];
  if (p === '^[a-z0-9]+(?:-[a-z0-9]+)*$') return 'taurus-leak-2024';
  if (p === '^\\d{4}(-\\d{2}(-\\d{2})?)?$') return '2024-03';
  if (p === '^\\d{4}-\\d{2}-\\d{2}$') return '2024-03-05';
  if (p === '^([01]\\d|2[0-3]):[0-5]\\d$') return '20:12';
  if (p === '^https?://') return 'https://web.archive.org/web/2024/https://www.example.org/';
  if (s['type'] === 'number') return 3;
  if (s['type'] === 'object') {
    const props = (s['properties'] ?? {}) as Record<string, Json>;
    const req = (s['required'] ?? []) as string[];
    return Object.fromEntries(
      Object.entries(props)
        .filter(([k]) => req.includes(k))
        .map(([k, v]) => [k, synthesise(v, k)]),
    );
  }
  if (s['type'] === 'array') return [synthesise((s['items'] ?? {}) as Json)];
  return 'text';
}

function showExample(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') {
    const short = v.length > 60 ? `${v.slice(0, 57)}…` : v;
    return `\`${short.replace(/`/g, "'")}\``;
  }
  const text = JSON.stringify(v);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\``;
}

/** Rows for every field; `label` is the displayed path (`sources[].source`), `path` the data path. */
function rowsOf(schema: Json, example: unknown, prefix: string[] = [], label: string[] = [], out: Row[] = []): Row[] {
  const props = (schema['properties'] ?? {}) as Record<string, Json>;
  const req = new Set((schema['required'] ?? []) as string[]);
  for (const [name, s] of Object.entries(props)) {
    const p = [...prefix, name];
    const isArray = s['type'] === 'array';
    const items = (s['items'] ?? {}) as Json;
    const listOfObjects = isArray && items['type'] === 'object';
    const isObject = s['type'] === 'object' && !s['propertyNames'];
    const value = get(example, p);
    const l = [...label, name];
    out.push({
      field: l.join('.'),
      type: typeOf(s),
      required: req.has(name),
      allowed: allowedOf(s),
      description: String(s['description'] ?? ''),
      example: isObject || listOfObjects ? '' : showExample(value ?? synthesise(s, name)),
    });
    if (isObject) rowsOf(s, example, p, l, out);
    if (listOfObjects) rowsOf(items, example, p, [...label, `${name}[]`], out);
    if (s['propertyNames']) {
      const keys = ((s['propertyNames'] as Json)['enum'] as string[] | undefined) ?? [];
      const ex = (value ?? {}) as Record<string, unknown>;
      const key = Object.keys(ex)[0] ?? keys[0] ?? 'key';
      out.push({
        field: `${l.join('.')}.<${keys.length ? 'field' : 'key'}>`,
        type: 'text',
        required: false,
        allowed: allowedOf((s['additionalProperties'] ?? {}) as Json),
        description:
          'Why that field is not known: one entry per field, e.g. `author: No byline in the retrieved text.`',
        example: showExample(`${key}: ${String(ex[key] ?? 'No byline in the retrieved text.')}`),
      });
    }
  }
  return out;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function sectionMarkdown(sec: Section, docs: SchemaDocs): string {
  const json = documentedJsonSchema(sec.schema, sec.exportName, docs);
  const example = parse(sec.example) as unknown;
  const rows = rowsOf(json, example);
  const lines = [
    `## ${sec.heading}`,
    '',
    String(json['description'] ?? docs.descriptions.get(sec.exportName) ?? ''),
    '',
    `Files: ${sec.files}`,
  ];
  if (sec.jsonSchema) lines.push('', `JSON Schema for editors: [\`${sec.jsonSchema}\`](../${sec.jsonSchema}).`);
  lines.push('', '| Field | Type | Required | Allowed values | Meaning | Example |', '|---|---|---|---|---|---|');
  for (const r of rows) {
    lines.push(
      `| \`${r.field}\` | ${r.type} | ${r.required ? 'yes' : 'no'} | ${cell(r.allowed)} | ${cell(r.description)} | ${cell(r.example)} |`,
    );
  }
  if (sec.rules.length) {
    lines.push('', 'Rules beyond the single fields (checked by `npm run check:content`):', '');
    for (const rule of sec.rules) lines.push(`- ${rule}`);
  }
  lines.push('', 'Example:', '', '```yaml', sec.example.trimEnd(), '```', '');
  return lines.join('\n');
}

export function generateSchemaReference(): string {
  const docs = readSchemaDocs();
  const toc = SECTIONS.map(
    (s) =>
      `- [${s.heading.replace(/`/g, '')}](#${s.heading
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .trim()
        .replace(/ /g, '-')})`,
  );
  return [
    '# Schema reference',
    '',
    '<!-- Generated from src/lib/schemas.ts by `npm run schemas` (scripts/schema-reference.ts). Do not edit by hand. -->',
    '',
    'Every field of every kind of content file: its type, whether it is required, the allowed values,',
    'what it means and an example. The same zod schemas validate the site, `npm run check:content` and',
    'the JSON Schemas your editor uses, so this page cannot drift from what is checked.',
    'Examples show the form of a value; the figure and glossary examples are illustrative and claim nothing.',
    '',
    'Conventions: `a.b` is field `b` inside object `a`; `list[].b` is field `b` of each item of the list',
    '`list`. "Required" means required within its parent: `reasoning.de` must be given whenever',
    '`reasoning` is. A bilingual text is an object with `de` and `en`, both not empty. Dates are ISO',
    'strings (`2024-03-05`); write a time in quotes (`"15:11"`) so YAML keeps it as text.',
    '',
    ...toc,
    '',
    ...SECTIONS.map((s) => sectionMarkdown(s, docs)),
  ].join('\n');
}

function main(argv: string[]): number {
  const text = generateSchemaReference();
  const current = fs.existsSync(REFERENCE_FILE) ? fs.readFileSync(REFERENCE_FILE, 'utf8') : undefined;
  if (current === text) {
    console.log('docs/schema-reference.md up to date');
    return 0;
  }
  if (argv.includes('--check')) {
    console.error('out of date: docs/schema-reference.md (run npm run schemas)');
    return 1;
  }
  fs.mkdirSync(path.dirname(REFERENCE_FILE), { recursive: true });
  fs.writeFileSync(REFERENCE_FILE, text);
  console.log('wrote docs/schema-reference.md');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
