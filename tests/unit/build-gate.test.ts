import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCorpus, VALID } from './helpers/corpus.ts';

const EVENT = 'events/2024-03-05-demo-event.yaml';
const SOURCE = 'sources/src-demo-2024-03-05.yaml';

describe('the build refuses bad content', () => {
  it('a dangling reference, a duplicate id, an event without a source, an impossible date, a future date, an unknown enum value and a malformed URL each make `astro build` fail naming file and field', () => {
    const dir = makeCorpus({
      // dangling reference
      'events/2024-03-06-dangling.yaml': VALID[EVENT]!.replace('2024-03-05 }', '2024-03-06 }').replace(
        'actor: demo-ministry',
        'actor: no-such-actor',
      ),
      // duplicate id (same id, differing only in case)
      'events/2024-03-05-Demo-event.yaml': VALID[EVENT]!,
      // event without a source
      'events/2024-03-07-no-source.yaml': VALID[EVENT]!.replace('2024-03-05 }', '2024-03-07 }').replace(
        /sources:\n  - source: src-demo-2024-03-05\n/,
        'sources: []\n',
      ),
      // impossible date
      'events/2024-02-30-impossible.yaml': VALID[EVENT]!.replace('2024-03-05 }', '"2024-02-30" }'),
      // future date
      'events/2099-01-01-future.yaml': VALID[EVENT]!.replace('2024-03-05 }', '2099-01-01 }'),
      // unknown enum value
      'events/2024-03-08-bad-type.yaml': VALID[EVENT]!.replace('2024-03-05 }', '2024-03-08 }').replace(
        'type: official-statement',
        'type: rumour',
      ),
      // malformed URL
      [SOURCE]: VALID[SOURCE]!.replace('https://example.org/demo', 'htp//example.org'),
    });
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-gate-out-'));
    const r = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
      env: { ...process.env, KONFERENZLECK_CONTENT_DIR: dir, KONFERENZLECK_TODAY: '2026-11-26', FORCE_COLOR: '0' },
      encoding: 'utf8',
    });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status).not.toBe(0);
    const expectLine = (file: string, field: string) =>
      expect(out, `${file} ${field}`).toMatch(
        new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+)?: ${field.replace(/\./g, '\\.')}:`),
      );
    expectLine('events/2024-03-06-dangling.yaml', 'actors.0.actor');
    expect(out).toContain('integrity/duplicate-id');
    expectLine('events/2024-03-07-no-source.yaml', 'sources');
    expectLine('events/2024-02-30-impossible.yaml', 'date.on');
    expectLine('events/2099-01-01-future.yaml', 'date.on');
    expectLine('events/2024-03-08-bad-type.yaml', 'type');
    expectLine(SOURCE, 'url');
    expect(fs.readdirSync(outDir)).toEqual([]);
  });
});
