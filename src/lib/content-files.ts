/**
 * Reads the content directory straight from disk (no Astro), parses every file with its schema and
 * returns typed entries plus every problem found, each with file, line and field. Used by
 * `npm run check:content`, by the build's integrity gate and by the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { COLLECTIONS, type CollectionName } from './schemas.ts';
import type { Problem } from './problems.ts';
import { zodProblems } from './zod-problems.ts';

export interface Entry<T = unknown> {
  id: string;
  /** File path relative to the project root (or absolute when outside it). */
  file: string;
  data: T;
  /** MDX body, for narratives and about pages. */
  body?: string;
  /** 1-based line where the MDX body starts. */
  bodyLine?: number;
  /** Line of a field path in the file, when known. */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export type RawContent = { [K in CollectionName]: Entry[] };

function rel(root: string, p: string): string {
  const r = path.relative(root, p);
  return r.startsWith('..') ? p : r.split(path.sep).join('/');
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Files of one collection: [id, absolute path][], plus files that do not match the pattern. */
function filesOf(base: string, name: CollectionName): { files: [string, string][]; stray: string[] } {
  const files: [string, string][] = [];
  const stray: string[] = [];
  const { dir } = COLLECTIONS[name];
  const root = path.join(base, dir);
  if (name === 'incidents' || name === 'narratives' || name === 'about') {
    for (const folder of listDir(root)) {
      const fp = path.join(root, folder);
      if (!fs.statSync(fp).isDirectory()) {
        if (name !== 'narratives') stray.push(fp);
        continue;
      }
      for (const f of listDir(fp)) {
        const full = path.join(fp, f);
        if (name === 'incidents' && f === 'incident.yaml') files.push([folder, full]);
        else if (name !== 'incidents' && /^(de|en)\.mdx$/.test(f)) files.push([`${folder}/${f.slice(0, 2)}`, full]);
        else if (name === 'incidents' && !/^(de|en)\.mdx$/.test(f) && f !== 'incident.yaml') stray.push(full);
        else if (name === 'about' && !/^(de|en)\.mdx$/.test(f)) stray.push(full);
      }
    }
  } else {
    for (const f of listDir(root)) {
      const full = path.join(root, f);
      if (f.endsWith('.yaml')) files.push([f.slice(0, -5), full]);
      else stray.push(full);
    }
  }
  return { files, stray };
}

/** Split an MDX file into frontmatter text and body. */
export function splitFrontmatter(text: string): { fm: string; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { fm: '', body: text, bodyLine: 1 };
  const fmLines = m[0].split('\n').length - 1;
  return { fm: m[1] ?? '', body: text.slice(m[0].length), bodyLine: fmLines + 1 };
}

/** Parse YAML text; returns data, a path→line mapper, and syntax problems. */
export function parseYaml(text: string, file: string, lineOffset = 0) {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => ({
    severity: 'error' as const,
    file,
    line: (e.linePos?.[0]?.line ?? 0) + lineOffset || undefined,
    field: '(file)',
    found: e.message.split('\n')[0],
    allowed: 'valid YAML',
    hint: /nested mappings|implicit keys|block collection/i.test(e.message)
      ? 'put the text in quotes ("…"): a colon followed by a space starts a new field'
      : 'check indentation and quote values that contain ": " or start with a special character',
    rule: 'yaml/syntax',
  }));
  const lineOf = (p: readonly PropertyKey[]): number | undefined => {
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lc.linePos(node.range[0]).line + lineOffset;
      if (n === 0) break;
    }
    return undefined;
  };
  return { data: problems.length ? undefined : (doc.toJS() as unknown), lineOf, problems };
}

/** Read and validate every collection under `base`. */
export function readContent(base: string, root: string = process.cwd()): { content: RawContent; problems: Problem[] } {
  const problems: Problem[] = [];
  const content = {} as RawContent;
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const { files, stray } = filesOf(base, name);
    content[name] = [];
    for (const s of stray) {
      problems.push({
        severity: 'error',
        file: rel(root, s),
        field: '(file)',
        found: JSON.stringify(path.basename(s)),
        allowed:
          name === 'incidents'
            ? 'incident.yaml, de.mdx or en.mdx in an incident folder'
            : `files matching ${COLLECTIONS[name].dir}/${COLLECTIONS[name].pattern}`,
        hint: 'rename the file (YAML files end in .yaml) or move it out of the content folder',
        rule: 'files/stray',
      });
    }
    const seen = new Map<string, string>();
    // Case variants of one id (a duplicate) are read lowercase-first, so the canonical file is kept.
    files.sort(([a], [b]) => {
      const la = a.toLowerCase();
      const lb = b.toLowerCase();
      if (la !== lb) return la < lb ? -1 : 1;
      return Number(a !== la) - Number(b !== lb) || (a < b ? -1 : a > b ? 1 : 0);
    });
    for (const [id, full] of files) {
      const file = rel(root, full);
      const text = fs.readFileSync(full, 'utf8');
      const isMdx = full.endsWith('.mdx');
      const { fm, body, bodyLine } = isMdx
        ? splitFrontmatter(text)
        : { fm: text, body: undefined, bodyLine: undefined };
      const parsed = parseYaml(fm, file, isMdx ? 1 : 0);
      problems.push(...parsed.problems);
      if (parsed.problems.length) continue;
      const schema = COLLECTIONS[name].schema;
      const result = schema.safeParse(parsed.data ?? {});
      if (!result.success) {
        problems.push(...zodProblems(result.error, file, parsed.data, parsed.lineOf));
        continue;
      }
      const idKey = id.toLowerCase();
      const prev = seen.get(idKey);
      if (prev !== undefined) {
        problems.push({
          severity: 'error',
          file,
          field: '(id)',
          found: JSON.stringify(id),
          allowed: `an id not used by another entry (already used by ${prev})`,
          rule: 'integrity/duplicate-id',
          hint: 'ids ignore upper/lower case: rename one of the two files (lowercase)',
        });
        continue;
      }
      seen.set(idKey, file);
      const entry: Entry = { id, file, data: result.data, lineOf: parsed.lineOf };
      if (body !== undefined) {
        entry.body = body;
        if (bodyLine !== undefined) entry.bodyLine = bodyLine;
      }
      content[name].push(entry);
    }
  }
  return { content, problems };
}
