/** Read, parse and check all content under a directory: the single entry point for every gate. */
import { readContent, type RawContent } from './content-files.ts';
import { checkIntegrity, explainCascades } from './integrity.ts';
import type { Problem } from './problems.ts';
import { checkMdxSafety } from './mdx-safety.ts';
import { today as todaySetting } from './settings.ts';
import { checkContentPersonalData, personalDataLists } from './personal-data.ts';
import { readDatasets } from './dataset-schema.ts';
import { checkSourceHygiene } from './source-hygiene.ts';
import fs from 'node:fs';
import path from 'node:path';

export interface ValidationResult {
  content: RawContent;
  problems: Problem[];
  errors: Problem[];
  warnings: Problem[];
}

export function validateContent(base: string, opts: { root?: string; today?: string } = {}): ValidationResult {
  const { content, problems } = readContent(base, opts.root);
  problems.push(...checkIntegrity(content, { today: opts.today ?? todaySetting() }));
  for (const list of [content.narratives, content.about]) {
    for (const e of list) problems.push(...checkMdxSafety(e.body ?? '', e.file, e.bodyLine ?? 1));
  }
  // Source hygiene: https addresses (or a stated exception), archive URL or a reason.
  problems.push(...checkSourceHygiene(content));
  // Aggregate datasets: disclosure control (k, suppression, rounding), naming dataset and cell.
  problems.push(...readDatasets(path.join(base, 'datasets'), opts.root).problems);
  // Personal data and meeting access details, in every content file (also those that failed to parse).
  const root = opts.root ?? process.cwd();
  const readText = (file: string) => {
    try {
      return fs.readFileSync(path.resolve(root, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  problems.push(...checkContentPersonalData(content, problems, readText, personalDataLists(root)));
  explainCascades(problems);
  problems.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
  return {
    content,
    problems,
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}
