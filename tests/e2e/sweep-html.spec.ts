/**
 * Whole-site sweep without a browser: every HTML page of the build is valid HTML under
 * html-validate's recommended rules (`.htmlvalidate.json`). Each exception in that file is listed
 * below with its reason, and a test fails when the file and this list disagree.
 */
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { DIST, sitePages } from './sweep-helpers.ts';
import { fileOfUrl } from '../../src/lib/url-registry.ts';

/** Every rule `.htmlvalidate.json` turns off or reconfigures, and why. */
const EXCEPTIONS: Record<string, string> = {
  'form-dup-name':
    'configured, not off: checkboxes join the shared names (radio, button, reset and submit already do). A group of checkboxes with one name is how a GET form sends several values (the timeline filters: ?incident=a&incident=b).',
  'long-title':
    'off: a search-engine display heuristic (70 characters), not validity or accessibility. Titles are "{entry title} – Konferenzleck"; cutting official titles of documents and offices would lose the information the title exists for.',
  'no-trailing-whitespace':
    'off: a source-formatting rule. The checked files are generated, and the only trailing whitespace in them is content inside <pre> (citation formats such as BibTeX), where whitespace is significant.',
};

test('every exception in .htmlvalidate.json is justified here, and every justification is still used', () => {
  const config = JSON.parse(fs.readFileSync('.htmlvalidate.json', 'utf8')) as {
    extends?: string[];
    rules?: Record<string, unknown>;
  };
  expect(config.extends).toEqual(['html-validate:recommended']);
  expect(Object.keys(config.rules ?? {}).sort()).toEqual(Object.keys(EXCEPTIONS).sort());
});

test('every page of the build is valid HTML (html-validate:recommended with the justified exceptions)', async () => {
  test.setTimeout(600_000);
  const pages = sitePages();
  expect(pages.from, 'dist/sitemap-index.xml is missing: build the site first').toBe('sitemap');
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const problems: string[] = [];
  let messages = 0;
  for (const p of pages.paths) {
    const file = path.join(DIST, fileOfUrl(p));
    const report = await validator.validateFile(file);
    for (const r of report.results) {
      for (const m of r.messages) {
        messages++;
        if (problems.length < 200)
          problems.push(`${p}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
      }
    }
  }
  console.log(
    `html sweep: ${pages.paths.length} page(s) validated (${pages.inSitemap} from the sitemap), ${messages} message(s)`,
  );
  expect(problems).toEqual([]);
});
