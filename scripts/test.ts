/**
 * `npm test`: runs `npm run check`, then all unit tests, then a fresh production build and all
 * browser tests against it. Prints one closing line `N passed, N failed` (from the JSON reporters
 * of Vitest and Playwright) and exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-test-'));
const run = (cmd: string, args: string[], env: Record<string, string> = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};

let passed = 0;
let failed = 0;
let broken = false;

const onlyE2e = process.argv.includes('--e2e-only');
const onlyUnit = process.argv.includes('--unit-only');

if (!onlyE2e && !onlyUnit) {
  if (run('npm', ['run', 'check']) !== 0) {
    console.error('check failed');
    failed += 1;
    broken = true;
  } else passed += 1;
}

if (!onlyE2e) {
  const vitestJson = path.join(tmp, 'vitest.json');
  const code = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
  if (fs.existsSync(vitestJson)) {
    const r = JSON.parse(fs.readFileSync(vitestJson, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numTotalTests: number;
    };
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numTotalTests === 0) broken = true;
  }
  if (code !== 0) broken = true;
}

if (!onlyUnit) {
  const build = run('npx', ['astro', 'build']);
  if (build !== 0) {
    console.error('production build failed');
    failed += 1;
    broken = true;
  } else {
    const pwJson = path.join(tmp, 'playwright.json');
    const code = run('npx', ['playwright', 'test'], { PW_REPORTER: pwJson });
    if (fs.existsSync(pwJson)) {
      const r = JSON.parse(fs.readFileSync(pwJson, 'utf8')) as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      };
      passed += r.stats.expected + r.stats.flaky;
      failed += r.stats.unexpected;
      if (r.stats.skipped > 0) {
        console.error(`${r.stats.skipped} browser test(s) skipped — skipped tests count as failures here`);
        failed += r.stats.skipped;
      }
    } else broken = true;
    if (code !== 0) broken = true;
  }
}

if (broken && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
