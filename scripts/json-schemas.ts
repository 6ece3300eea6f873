/**
 * `npm run schemas`: JSON Schemas for the YAML content, generated from the zod schemas in
 * src/lib/schemas.ts (one truth), with every field's description taken from its JSDoc comment.
 * Editors use them to autocomplete and flag errors while typing (.vscode/settings.json maps the
 * content folders to them). `--check` exits non-zero when the committed files are out of date.
 *
 * The JSDoc comments are read with the TypeScript compiler API rather than duplicated as
 * `.describe()` calls, so the schema module stays the single place a field is documented.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { z } from 'astro/zod';
import * as S from '../src/lib/schemas.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMAS_FILE = path.join(ROOT, 'src/lib/schemas.ts');
export const OUT_DIR = path.join(ROOT, 'schemas');

/** JSON Schema file name → the zod schema, its export name, its content glob and a title. */
export const TARGETS = {
  event: {
    schema: S.eventSchema,
    exportName: 'eventSchema',
    glob: 'src/content/events/*.yaml',
    title: 'Konferenzleck event',
  },
  source: {
    schema: S.sourceSchema,
    exportName: 'sourceSchema',
    glob: 'src/content/sources/*.yaml',
    title: 'Konferenzleck source',
  },
  actor: {
    schema: S.actorSchema,
    exportName: 'actorSchema',
    glob: 'src/content/actors/*.yaml',
    title: 'Konferenzleck actor',
  },
  figure: {
    schema: S.figureSchema,
    exportName: 'figureSchema',
    glob: 'src/content/figures/*.yaml',
    title: 'Konferenzleck reported figure',
  },
  glossary: {
    schema: S.glossarySchema,
    exportName: 'glossarySchema',
    glob: 'src/content/glossary/*.yaml',
    title: 'Konferenzleck glossary term',
  },
  incident: {
    schema: S.incidentSchema,
    exportName: 'incidentSchema',
    glob: 'src/content/incidents/*/incident.yaml',
    title: 'Konferenzleck incident',
  },
} as const;
export type TargetName = keyof typeof TARGETS;

// ---------------------------------------------------------------------------------------------
// JSDoc of the schema module, as a tree that mirrors the zod expressions.

export type DocNode =
  | { kind: 'object'; fields: Record<string, DocField> }
  | { kind: 'array'; items: DocNode }
  | { kind: 'ref'; name: string };
export interface DocField {
  description?: string | undefined;
  node?: DocNode | undefined;
}
export interface SchemaDocs {
  /** Description (JSDoc) of each top-level const. */
  descriptions: Map<string, string>;
  /** Structure of each top-level const. */
  nodes: Map<string, DocNode>;
}

function jsDocText(node: ts.Node): string | undefined {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const doc = docs?.[docs.length - 1];
  if (!doc) return undefined;
  const c = doc.comment;
  const text = typeof c === 'string' ? c : c ? c.map((p) => p.text).join('') : '';
  return text.replace(/\s*\n\s*/g, ' ').trim() || undefined;
}

/** The doc structure of a zod expression (`z.strictObject({...}).superRefine(...)`, `z.array(x)`, `x.optional()`, …). */
function docNodeOf(expr: ts.Expression): DocNode | undefined {
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return docNodeOf(expr.expression);
  if (ts.isIdentifier(expr)) return { kind: 'ref', name: expr.text };
  if (!ts.isCallExpression(expr)) return undefined;
  const callee = expr.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const isZ = ts.isIdentifier(callee.expression) && callee.expression.text === 'z';
  if (isZ) {
    const arg = expr.arguments[0];
    if (
      (method === 'strictObject' || method === 'object' || method === 'looseObject') &&
      arg &&
      ts.isObjectLiteralExpression(arg)
    ) {
      const fields: Record<string, DocField> = {};
      for (const p of arg.properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : p.name.getText();
        fields[name] = { description: jsDocText(p), node: docNodeOf(p.initializer) };
      }
      return { kind: 'object', fields };
    }
    if (method === 'array' && arg) {
      const items = docNodeOf(arg);
      return items ? { kind: 'array', items } : undefined;
    }
    if (method === 'preprocess') {
      const inner = expr.arguments[1];
      return inner ? docNodeOf(inner) : undefined;
    }
    return undefined;
  }
  // A method on a schema (`.optional()`, `.default()`, `.min()`, `.superRefine()`, …): same structure.
  return docNodeOf(callee.expression);
}

/** Parse src/lib/schemas.ts and collect the JSDoc of every top-level const and of every field. */
export function readSchemaDocs(file = SCHEMAS_FILE): SchemaDocs {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const descriptions = new Map<string, string>();
  const nodes = new Map<string, DocNode>();
  for (const stmt of sf.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    const text = jsDocText(stmt);
    for (const d of stmt.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      if (text) descriptions.set(d.name.text, text);
      const n = docNodeOf(d.initializer);
      if (n) nodes.set(d.name.text, n);
    }
  }
  return { descriptions, nodes };
}

type Json = { [k: string]: unknown };

/**
 * Descriptions for the few nested fields that have no JSDoc comment in schemas.ts yet (a JSDoc
 * comment there always wins). Keyed by `exportName.path`.
 */
const FALLBACK_DOCS: Record<string, string> = {
  'figureSchema.wording.text': 'The original wording, quoted exactly.',
  'figureSchema.wording.lang': 'Language of the original wording (ISO 639-1).',
  'sourceSchema.titleTranslation.de': 'German translation of the title.',
  'sourceSchema.titleTranslation.en': 'English translation of the title.',
  'sourceSchema.documentIds.kind': 'Kind of document id.',
  'sourceSchema.documentIds.value': 'The id exactly as printed: "20/10839", "CVE-2024-20253".',
};

/** Fill fields still without a description from FALLBACK_DOCS. */
function applyFallbacks(json: Json, prefix: string): void {
  const props = json['properties'] as Record<string, Json> | undefined;
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      const key = `${prefix}.${k}`;
      if (v['description'] === undefined && FALLBACK_DOCS[key]) props[k] = { description: FALLBACK_DOCS[key], ...v };
      applyFallbacks(props[k]!, key);
    }
  }
  const items = json['items'] as Json | undefined;
  if (items && typeof items === 'object' && !Array.isArray(items)) applyFallbacks(items, prefix);
}

/** Resolve a ref to its structure and its own description. */
function resolve(
  docs: SchemaDocs,
  node: DocNode | undefined,
  seen = new Set<string>(),
): { node?: DocNode; description?: string } {
  if (!node) return {};
  if (node.kind !== 'ref') return { node };
  if (seen.has(node.name)) return {};
  seen.add(node.name);
  const inner = resolve(docs, docs.nodes.get(node.name), seen);
  return { node: inner.node, description: docs.descriptions.get(node.name) ?? inner.description } as {
    node?: DocNode;
    description?: string;
  };
}

/** Copy descriptions from the doc tree onto a JSON Schema (in place). */
export function applyDocs(json: Json, node: DocNode | undefined, docs: SchemaDocs): void {
  const r = resolve(docs, node);
  if (!r.node) return;
  if (r.node.kind === 'object') {
    const props = json['properties'] as Record<string, Json> | undefined;
    if (!props) return;
    for (const [name, field] of Object.entries(r.node.fields)) {
      const found = props[name];
      if (!found) continue;
      const inner = resolve(docs, field.node);
      const description = field.description ?? inner.description;
      // The description first, so the generated files read well.
      const prop: Json = description ? { description, ...found } : found;
      props[name] = prop;
      applyDocs(prop, field.node, docs);
    }
  } else if (r.node.kind === 'array') {
    const items = json['items'] as Json | undefined;
    if (items && typeof items === 'object') {
      const inner = resolve(docs, r.node.items);
      const withDoc: Json =
        inner.description && items['description'] === undefined ? { description: inner.description, ...items } : items;
      json['items'] = withDoc;
      applyDocs(withDoc, r.node.items, docs);
    }
  }
}

/** Constraints zod cannot express in JSON Schema, added where the meaning is certain. */
function refine(json: unknown): void {
  if (Array.isArray(json)) {
    json.forEach(refine);
    return;
  }
  if (json === null || typeof json !== 'object') return;
  const o = json as Json;
  // `httpUrl` is z.url({ protocol: /^https?$/ }): JSON Schema's "uri" format alone allows any scheme.
  if (o['type'] === 'string' && o['format'] === 'uri' && o['pattern'] === undefined) o['pattern'] = '^https?://';
  for (const v of Object.values(o)) refine(v);
}

/**
 * A zod schema exported from schemas.ts as JSON Schema with its JSDoc descriptions.
 * io: 'input' describes what a contributor writes (fields with defaults are optional; preprocessed
 * dates are described by their string form); draft-7 is what editors' YAML servers support best.
 */
export function documentedJsonSchema(schema: z.ZodType, exportName: string, docs: SchemaDocs = readSchemaDocs()): Json {
  const generated = JSON.parse(JSON.stringify(z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }))) as Json;
  applyDocs(generated, { kind: 'ref', name: exportName }, docs);
  applyFallbacks(generated, exportName);
  refine(generated);
  return generated;
}

/** The JSON Schema file for one content type, deterministic. */
export function jsonSchemaFor(name: TargetName, docs: SchemaDocs = readSchemaDocs()): Json {
  const t = TARGETS[name];
  const generated = documentedJsonSchema(t.schema, t.exportName, docs);
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `https://konferenzleck.org/schemas/${name}.schema.json`,
    title: t.title,
    description: `${docs.descriptions.get(t.exportName) ?? t.title} Generated from src/lib/schemas.ts by \`npm run schemas\`; do not edit.`,
    ...rest,
  };
}

export function generateJsonSchemas(): Record<TargetName, string> {
  const docs = readSchemaDocs();
  const out = {} as Record<TargetName, string>;
  for (const name of Object.keys(TARGETS) as TargetName[]) {
    out[name] = `${JSON.stringify(jsonSchemaFor(name, docs), null, 2)}\n`;
  }
  return out;
}

export const schemaPath = (name: TargetName) => path.join(OUT_DIR, `${name}.schema.json`);

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const generated = generateJsonSchemas();
  let stale = 0;
  for (const [name, text] of Object.entries(generated) as [TargetName, string][]) {
    const file = schemaPath(name);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === text) continue;
    if (check) {
      console.error(`out of date: ${path.relative(ROOT, file)} (run npm run schemas)`);
      stale++;
    } else {
      fs.mkdirSync(OUT_DIR, { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
  }
  if (!check) console.log(`${Object.keys(generated).length} JSON Schemas up to date in schemas/`);
  return stale ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
