/**
 * The content side of the privacy rule: a pull request that adds an e-mail address (other than the
 * project contact), a phone number, a meeting link, a meeting number, an access code or the name of
 * a protected person to any content file is refused by `npm run check:content` and the build's
 * content gate, before anything is built — with the file, the line and the field.
 *
 * The patterns are those of the privacy scanner (`privacy-scan.ts`, which also scans the built
 * site), so both gates find the same things. Every content file is scanned as raw text (YAML
 * comments and MDX bodies are published in the repository too), also when it failed its schema,
 * so a leak is reported together with any other mistake in the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Problem } from './problems.ts';
import { CONTACT_EMAIL } from './settings.ts';
import { splitFrontmatter } from './content-files.ts';
import {
  RULES,
  loadPrivacyLists,
  redact,
  scanText,
  type AllowEntry,
  type NameList,
  type PrivacyHit,
} from './privacy-scan.ts';

export interface PersonalDataLists {
  names?: NameList | undefined;
  allow: readonly AllowEntry[];
}

const CONTACT_ALLOWED: AllowEntry = {
  value: CONTACT_EMAIL,
  rules: ['email'],
  reason: 'The project contact address for corrections, published on purpose.',
};

/**
 * The protected-name and allow lists of the project (`privacy/`), looked up under `root` and then
 * under the current directory; without them only the contact address is allowed and no names are
 * checked (e.g. a test fixture outside the project).
 */
export function personalDataLists(root: string = process.cwd()): PersonalDataLists {
  for (const dir of [root, process.cwd()]) {
    if (
      fs.existsSync(path.join(dir, 'privacy/protected-names.yaml')) &&
      fs.existsSync(path.join(dir, 'privacy/allow-list.yaml'))
    ) {
      const lists = loadPrivacyLists(dir);
      return { names: lists.names, allow: [CONTACT_ALLOWED, ...lists.allow] };
    }
  }
  return { allow: [CONTACT_ALLOWED] };
}

/** How to fix each kind of finding, in one line. */
function hintFor(rule: string): string {
  if (rule === 'protected-name') return 'name the office or role instead of the person (CONTRIBUTING.md, naming rules)';
  if (rule === 'email')
    return `delete the address; name the office or role instead (the only address published is ${CONTACT_EMAIL})`;
  if (rule === 'phone') return 'delete the number: phone numbers are never published';
  if (rule === 'meeting-number' || rule === 'access-code')
    return 'delete the number; say in words that it was exposed, never what it was';
  return 'delete the link; a meeting link is never published, even when a newspaper printed it';
}

/** Dotted field path of the YAML scalar that covers 1-based `line` of `text`, if any. */
export function fieldAtLine(text: string, line: number): string | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  let best: { path: string; span: number } | undefined;
  const visitNode = (node: Node | null | undefined, p: (string | number)[], keyLine?: number) => {
    if (!node) return;
    if (isScalar(node)) {
      if (!node.range) return;
      const start = Math.min(keyLine ?? Infinity, lc.linePos(node.range[0]).line);
      const end = lc.linePos(Math.max(node.range[1] - 1, node.range[0])).line;
      if (line >= start && line <= end && p.length && (!best || end - start <= best.span))
        best = { path: p.join('.'), span: end - start };
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const kl = isScalar(pair.key) && pair.key.range ? lc.linePos(pair.key.range[0]).line : undefined;
        visitNode(pair.value as Node | null, [...p, key], kl);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visitNode(item as Node, [...p, i]));
    }
  };
  visitNode(doc.contents as Node | null, []);
  return (best as { path: string } | undefined)?.path;
}

function problemOf(file: string, hit: PrivacyHit, field: string): Problem {
  return {
    severity: 'error',
    file,
    line: hit.line,
    field,
    found: redact(hit),
    allowed: RULES[hit.rule] ?? hit.rule,
    hint: hintFor(hit.rule),
    rule: `privacy/${hit.rule}`,
  };
}

/**
 * Problems for personal data in one content file (YAML or MDX), each with its line and the field
 * it is in (`(body)` for MDX text, `(file)` for comments and unparsable parts).
 */
export function checkPersonalData(file: string, text: string, lists: PersonalDataLists): Problem[] {
  const isMdx = file.endsWith('.mdx') || file.endsWith('.md');
  const hits = scanText(text, { kind: isMdx ? 'markup' : 'text', file, names: lists.names, allow: lists.allow });
  if (!hits.length) return [];
  const { fm, bodyLine } = isMdx ? splitFrontmatter(text) : { fm: text, bodyLine: Infinity };
  const fmOffset = isMdx ? 1 : 0;
  return hits.map((h) => {
    if (h.line >= bodyLine) return problemOf(file, h, '(body)');
    return problemOf(file, h, fieldAtLine(fm, h.line - fmOffset) ?? '(file)');
  });
}

/**
 * Personal-data problems for every content file: the files of all valid entries and every file
 * another problem names (so invalid files are scanned too). `readText` reads a file by the path the
 * problems use; `lists` default to the project's privacy lists.
 */
export function checkContentPersonalData(
  content: Record<string, readonly { file: string }[]>,
  otherProblems: readonly Problem[],
  readText: (file: string) => string | undefined,
  lists: PersonalDataLists = personalDataLists(),
): Problem[] {
  const out: Problem[] = [];
  const files = new Set<string>();
  for (const list of Object.values(content)) for (const e of list) files.add(e.file);
  for (const p of otherProblems) if (/\.(ya?ml|mdx?)$/.test(p.file)) files.add(p.file);
  for (const file of files) {
    const text = readText(file);
    if (text !== undefined) out.push(...checkPersonalData(file, text, lists));
  }
  return out;
}
