/** The GitHub workflows of the public repository follow the hardening rules. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = path.resolve('.github/workflows');
const files = fs
  .readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string> | string;
  'timeout-minutes'?: number;
  steps?: Step[];
  environment?: unknown;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown> | string | string[];
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const read = (f: string) => ({
  text: fs.readFileSync(path.join(DIR, f), 'utf8'),
  wf: parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Workflow,
});
const triggers = (wf: Workflow): string[] =>
  typeof wf.on === 'string' ? [wf.on] : Array.isArray(wf.on) ? wf.on : Object.keys(wf.on);

describe('GitHub workflows', () => {
  it('there is a CI workflow for pull requests and a Pages workflow', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'pages.yml']));
    expect(triggers(read('ci.yml').wf)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(triggers(read('pages.yml').wf)).toContain('push');
  });

  for (const f of files) {
    describe(f, () => {
      const { text, wf } = read(f);

      it('parses as YAML and has jobs', () => {
        expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
      });

      it('grants nothing at the top level (permissions: {})', () => {
        expect(wf.permissions).toEqual({});
      });

      it('gives every job its own permissions and a timeout', () => {
        for (const [name, job] of Object.entries(wf.jobs)) {
          expect(typeof job.permissions, name).toBe('object');
          expect(job['timeout-minutes'], name).toBeGreaterThan(0);
          expect(job['timeout-minutes'], name).toBeLessThanOrEqual(60);
        }
      });

      it('grants write access only to the Pages deploy job, and there only pages and id-token', () => {
        for (const [name, job] of Object.entries(wf.jobs)) {
          const perms = job.permissions as Record<string, string>;
          const writes = Object.entries(perms)
            .filter(([, v]) => v === 'write')
            .map(([k]) => k)
            .sort();
          if (writes.length === 0) {
            expect(
              Object.values(perms).every((v) => v === 'read' || v === 'none'),
              name,
            ).toBe(true);
            continue;
          }
          expect(f, `${name} may not write`).toBe('pages.yml');
          expect(writes, name).toEqual(['id-token', 'pages']);
          expect(Object.keys(perms).sort(), name).toEqual(['id-token', 'pages']);
          const uses = (job.steps ?? []).map((s) => s.uses ?? '');
          expect(
            uses.every((u) => u.startsWith('actions/deploy-pages@')),
            `${name} runs only the deploy action`,
          ).toBe(true);
          expect(
            job.steps?.some((s) => s.run !== undefined),
            name,
          ).toBe(false);
        }
      });

      it('pins every action to a full commit SHA with a version comment', () => {
        const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
        expect(uses.length).toBeGreaterThan(0);
        for (const [, ref, rest] of uses) {
          expect(ref, ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
          expect(rest, `${ref} has a "# vX.Y.Z" comment`).toMatch(/#\s*v\d+(\.\d+)*/);
        }
      });

      it('checks out without leaving credentials behind', () => {
        for (const job of Object.values(wf.jobs)) {
          for (const s of job.steps ?? []) {
            if (s.uses?.startsWith('actions/checkout@')) expect(s.with?.['persist-credentials']).toBe(false);
          }
        }
      });

      if (triggers(wf).some((t) => t.startsWith('pull_request'))) {
        it('runs for pull requests without secrets and never on pull_request_target', () => {
          expect(text).not.toMatch(/secrets\./);
          expect(triggers(wf)).not.toContain('pull_request_target');
        });
      }
    });
  }

  it('CI installs with npm ci and runs the content check and npm test', () => {
    const runs = Object.values(read('ci.yml').wf.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.run ?? ''));
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm test');
    expect(runs).toContain('npm run check:content');
    expect(runs).not.toContain('npm install');
  });

  it('Pages builds with SITE_URL from a repository variable and deploys the build output', () => {
    const { wf, text } = read('pages.yml');
    expect(text).toMatch(/SITE_URL:\s*\$\{\{\s*vars\.SITE_URL/);
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.['path']).toBe('dist');
    expect(steps.some((s) => s.run === 'npm run build')).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});
