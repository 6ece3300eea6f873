/**
 * Lighthouse scores (performance, accessibility, best practices, SEO) per page. Lighthouse is not a
 * project dependency: `--check` installs lighthouse@13.5.0 on demand into the ignored prefix
 * `.tools/lighthouse` (never into the project's node_modules) and runs it against Debian's Chromium.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromePath, missing } from './browser.ts';

export const LIGHTHOUSE_VERSION = '13.5.0';
const LH_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-quic --no-first-run';

export interface LighthouseScores {
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Audits that lost points, per category (category: { audit id: score }). */
  failing: Record<string, Record<string, number>>;
}

/** Path of the Lighthouse CLI, installing it into `<project>/.tools/lighthouse` when absent. */
export function ensureLighthouse(projectRoot: string): string {
  const prefix = path.join(projectRoot, '.tools/lighthouse');
  const cli = path.join(prefix, 'node_modules/lighthouse/cli/index.js');
  const pkg = path.join(prefix, 'node_modules/lighthouse/package.json');
  const installed =
    fs.existsSync(pkg) &&
    (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version === LIGHTHOUSE_VERSION;
  if (!installed) {
    process.stderr.write(
      `installing lighthouse@${LIGHTHOUSE_VERSION} into ${prefix} (not the project's node_modules)…\n`,
    );
    execFileSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `lighthouse@${LIGHTHOUSE_VERSION}`],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  return cli;
}

export function runLighthouse(cli: string, url: string): LighthouseScores | { value: null; reason: string } {
  const chrome = chromePath();
  if (!chrome) return missing('no Chromium (set CHROME_PATH)');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lh-')), 'report.json');
  try {
    execFileSync(
      process.execPath,
      [
        cli,
        url,
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        `--chrome-flags=${LH_FLAGS}`,
        '--only-categories=performance,accessibility,best-practices,seo',
      ],
      {
        env: { ...process.env, CHROME_PATH: chrome },
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 180_000,
      },
    );
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
      audits: Record<string, { score: number | null; scoreDisplayMode: string }>;
      runtimeError?: { message: string };
    };
    if (report.runtimeError) return missing(`lighthouse: ${report.runtimeError.message}`);
    const score = (k: string) => Math.round((report.categories[k]?.score ?? 0) * 100);
    const failing: Record<string, Record<string, number>> = {};
    for (const [name, cat] of Object.entries(report.categories)) {
      for (const ref of cat.auditRefs) {
        const a = report.audits[ref.id];
        if (ref.weight > 0 && a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
          (failing[name] ??= {})[ref.id] = a.score;
      }
    }
    return {
      url,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      failing,
    };
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return missing(`lighthouse failed: ${(err.stderr?.toString() || err.message).split('\n').slice(-3).join(' ')}`);
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}
