import { defineConfig, devices } from '@playwright/test';
import fs from 'node:fs';

/**
 * Browser tests against a real production build served by `astro preview`.
 * Chromium: CHROME_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser.
 */
function chromiumPath(): string | undefined {
  const env = process.env['CHROME_PATH'];
  if (env) return env;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}
const executablePath = chromiumPath();
const PORT = Number(process.env['E2E_PORT'] ?? 4321);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: process.env['PW_REPORTER'] ? [['list'], ['json', { outputFile: process.env['PW_REPORTER'] }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
  webServer: {
    // The build is made once by `npm test` (scripts/test.ts) before Playwright starts; set E2E_BUILD=1 to build here.
    command: process.env['E2E_BUILD']
      ? `npx astro build && npx astro preview --host 127.0.0.1 --port ${PORT}`
      : `npx astro preview --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/de/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
