/**
 * Canary: plants one of each kind of forbidden detail into a copy of the content, builds the site
 * once, and proves the build's privacy gate reports every one with file, line and rule.
 *
 * Plain leaks in content are refused before the build by the content gate (tests in
 * mistakes-privacy.test.ts). The canaries here are split by inline Markdown (`Vogel**sang**`), so
 * the content files pass that gate and only the rendered output — the HTML page and Pagefind's
 * compressed index fragment — shows the leak: exactly what the output gate exists for.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentDir } from '../../src/lib/settings.ts';
import { validateContent } from '../../src/lib/validate.ts';

/** The fictitious canary person is on privacy/protected-names.yaml for this test. */
const CANARIES: { topic: string; rule: string; text: string }[] = [
  {
    topic: 'canary-meeting-link',
    rule: 'privacy/meeting-link/webex-personal-room',
    text: 'Einwahl über acme.webex.com/**meet**/kanaria-test bis Freitag.',
  },
  {
    topic: 'canary-meeting-number',
    rule: 'privacy/meeting-number',
    text: 'Die Meeting-Nummer lautet **2731** 234 5678.',
  },
  { topic: 'canary-access-code', rule: 'privacy/access-code', text: 'Zugangscode: **4711**0815.' },
  { topic: 'canary-email', rule: 'privacy/email', text: 'Rückfragen an kanaria.test@**example**.org.' },
  { topic: 'canary-phone', rule: 'privacy/phone', text: 'Rückruf unter 030 **12345678** erbeten.' },
  {
    topic: 'canary-protected-name',
    rule: 'privacy/protected-name',
    text: 'Es sprach Kanaria Vogel**sang** vom Beispielamt.',
  },
];

const page = (title: string, body: string) =>
  `---\ntitle: ${title}\ndescription: Kanarienseite für den Test des Datenschutz-Gates.\nupdated: 2026-11-26\n---\n\nErster Absatz ohne Auffälligkeiten.\n\n${body}\n`;
/** 1-based line of the planted text in de.mdx. */
const PLANT_LINE = 9;

describe('the privacy gate of the build', () => {
  it('a meeting link, meeting number, access code, e-mail address, phone number and protected name hidden from the content gate each fail the build, named with output file, line and rule', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-canary-'));
    const content = path.join(tmp, 'content');
    const outDir = path.join(tmp, 'dist');
    try {
      fs.cpSync(contentDir(), content, { recursive: true });
      for (const c of CANARIES) {
        fs.mkdirSync(path.join(content, 'about', c.topic), { recursive: true });
        fs.writeFileSync(path.join(content, 'about', c.topic, 'de.mdx'), page(`Kanarie ${c.topic}`, c.text));
        fs.writeFileSync(
          path.join(content, 'about', c.topic, 'en.mdx'),
          page(`Canary ${c.topic}`, 'A harmless paragraph.'),
        );
        expect(
          fs.readFileSync(path.join(content, 'about', c.topic, 'de.mdx'), 'utf8').split('\n')[PLANT_LINE - 1],
        ).toBe(c.text);
      }
      // The canaries are invisible to the content gate: otherwise this would test that gate instead.
      expect(validateContent(content, { root: process.cwd(), today: '2026-11-26' }).errors).toEqual([]);

      const r = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
        env: {
          ...process.env,
          KONFERENZLECK_CONTENT_DIR: content,
          KONFERENZLECK_TODAY: '2026-11-26',
          FORCE_COLOR: '0',
        },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const out = `${r.stdout}\n${r.stderr}`;
      expect(r.status, out.slice(-3000)).not.toBe(0);
      expect(out).toContain('Trust gates failed');

      const counts: string[] = [];
      for (const c of CANARIES) {
        const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        // The rendered page, with its line …
        const htmlHit = new RegExp(
          `error \\S*${esc(`de/about/${c.topic}/index.html`)}:(\\d+): column \\d+: .*\\[${esc(c.rule)}\\]`,
        );
        expect(out, `${c.topic}: page`).toMatch(htmlHit);
        // … and Pagefind's gzip-compressed fragment of that page, naming the page it belongs to.
        const fragmentHit = new RegExp(
          `error \\S*pagefind/fragment/\\S+\\.pf_fragment:\\d+: column \\d+ \\(Pagefind data of ${esc(`/de/about/${c.topic}/`)}\\): .*\\[${esc(c.rule)}\\]`,
        );
        expect(out, `${c.topic}: Pagefind fragment`).toMatch(fragmentHit);
        counts.push(
          `${c.topic}: ${out.split('\n').filter((l) => l.includes(`/${c.topic}/`) && l.includes(c.rule)).length} report(s)`,
        );
      }
      // The English pages carry no canary, and the report never repeats a protected name.
      expect(out).not.toMatch(/en\/about\/canary-[a-z-]+\/index\.html:\d+/);
      expect(out).not.toMatch(/vogelsang/i);
      console.log(`canary build: every planted detail reported\n  ${counts.join('\n  ')}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 900_000);
});
