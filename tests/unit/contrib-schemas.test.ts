/** Editor support and the schema reference are generated from the zod schemas and stay in step. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import {
  TARGETS,
  generateJsonSchemas,
  schemaPath,
  readSchemaDocs,
  type TargetName,
} from '../../scripts/json-schemas.ts';
import { REFERENCE_FILE, SECTIONS, generateSchemaReference } from '../../scripts/schema-reference.ts';
import { globToRegExp } from '../../src/lib/privacy-scan.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;
const NAMES = Object.keys(TARGETS) as TargetName[];

function validatorFor(name: TargetName) {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(schemaPath(name), 'utf8')) as object);
}

/** Content files matching a glob such as `src/content/incidents/*\/incident.yaml`. */
function filesFor(glob: string, root = '.'): string[] {
  const re = globToRegExp(glob);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (re.test(rel)) out.push(rel);
    }
  };
  walk('src/content');
  return out.sort();
}

describe('JSON Schemas for editors', () => {
  it('the committed schemas equal freshly generated ones (run npm run schemas after changing src/lib/schemas.ts)', () => {
    const fresh = generateJsonSchemas();
    for (const name of NAMES) expect(fs.readFileSync(schemaPath(name), 'utf8'), name).toBe(fresh[name]);
  });

  it('every real content file validates against its JSON Schema', () => {
    let n = 0;
    for (const name of NAMES) {
      const validate = validatorFor(name);
      for (const file of filesFor(TARGETS[name].glob)) {
        const ok = validate(parse(fs.readFileSync(file, 'utf8')));
        expect(ok, `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThan(100);
  });

  it('the editor flags the typical mistakes a schema can see: wrong value, missing source, bad URL, unknown field', () => {
    const event = validatorFor('event');
    const good = parse(
      fs.readFileSync('tests/fixtures/mistakes/valid/events/2024-03-05-example-statement.yaml', 'utf8'),
    ) as Record<string, unknown>;
    expect(event(good)).toBe(true);
    expect(event({ ...good, type: 'official statement' })).toBe(false);
    const { sources: _s, ...noSources } = good;
    expect(event(noSources)).toBe(false);
    expect(event({ ...good, sources: [] })).toBe(false);
    expect(event({ ...good, titel: 'x' })).toBe(false);
    expect(event({ ...good, date: { on: '5 March 2024' } })).toBe(false);
    const source = validatorFor('source');
    const src = parse(
      fs.readFileSync('tests/fixtures/mistakes/valid/sources/src-example-report.yaml', 'utf8'),
    ) as Record<string, unknown>;
    expect(source(src)).toBe(true);
    expect(source({ ...src, url: 'www.example.org/news' })).toBe(false);
    expect(source({ ...src, url: 'ftp://example.org/news' })).toBe(false);
  });

  it('every field of every schema carries a description from the JSDoc in src/lib/schemas.ts', () => {
    const missing: string[] = [];
    const walk = (s: Record<string, unknown>, at: string) => {
      const props = (s['properties'] ?? {}) as Record<string, Record<string, unknown>>;
      for (const [k, v] of Object.entries(props)) {
        if (typeof v['description'] !== 'string' || !v['description']) missing.push(`${at}${k}`);
        walk(v, `${at}${k}.`);
        if (v['items']) walk(v['items'] as Record<string, unknown>, `${at}${k}[].`);
      }
    };
    for (const name of NAMES)
      walk(JSON.parse(fs.readFileSync(schemaPath(name), 'utf8')) as Record<string, unknown>, `${name}: `);
    expect(missing).toEqual([]);
    // The docs are really read from the comments, not invented.
    const docs = readSchemaDocs();
    expect(docs.descriptions.get('eventSchema')).toMatch(/^One dated event of an incident/);
  });

  it('VS Code maps every content folder to its schema and recommends the YAML extension', () => {
    const settings = JSON.parse(fs.readFileSync('.vscode/settings.json', 'utf8')) as {
      'yaml.schemas': Record<string, string[]>;
    };
    for (const name of NAMES) {
      const globs = settings['yaml.schemas'][`./schemas/${name}.schema.json`];
      expect(globs, name).toEqual([TARGETS[name].glob]);
      expect(fs.existsSync(schemaPath(name))).toBe(true);
      if (name !== 'figure' && name !== 'glossary')
        expect(filesFor(TARGETS[name].glob).length, name).toBeGreaterThan(0);
    }
    const ext = JSON.parse(fs.readFileSync('.vscode/extensions.json', 'utf8')) as { recommendations: string[] };
    expect(ext.recommendations).toContain('redhat.vscode-yaml');
  });
});

describe('schema reference', () => {
  it('the committed docs/schema-reference.md equals a freshly generated one', () => {
    expect(fs.readFileSync(REFERENCE_FILE, 'utf8')).toBe(generateSchemaReference());
  });

  it('lists every field of every JSON Schema, with type, required, allowed values, meaning and example columns', () => {
    const text = fs.readFileSync(REFERENCE_FILE, 'utf8');
    expect(text).toContain('| Field | Type | Required | Allowed values | Meaning | Example |');
    const fields = (s: Record<string, unknown>, at: string[]): string[] => {
      const props = (s['properties'] ?? {}) as Record<string, Record<string, unknown>>;
      return Object.entries(props).flatMap(([k, v]) => {
        const items = v['items'] as Record<string, unknown> | undefined;
        const here = [...at, k].join('.');
        if (v['type'] === 'object' && v['properties']) return [here, ...fields(v, [...at, k])];
        if (items?.['type'] === 'object') return [here, ...fields(items, [...at, `${k}[]`])];
        return [here];
      });
    };
    for (const name of NAMES) {
      for (const f of fields(JSON.parse(fs.readFileSync(schemaPath(name), 'utf8')) as Record<string, unknown>, [])) {
        expect(text, `${name}: ${f}`).toContain(`| \`${f}\` |`);
      }
    }
    // Closed lists are spelled out.
    expect(text).toContain('`official-statement`');
    expect(text).toContain('`state-media-dating-only`');
  });

  it('every example in the reference is valid for its schema', () => {
    for (const sec of SECTIONS) {
      const r = sec.schema.safeParse(parse(sec.example));
      expect(r.success, `${sec.id}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });
});
