import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { linkNodeModules, makeCold } from '../../scripts/bench/project.ts';

describe("the bench's private build copies", () => {
  it('a copy links the installed packages but shares no cache folder, and a cold copy has none', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-project-'));
    try {
      const source = path.join(tmp, 'source-node_modules');
      for (const name of ['astro', '.vite', '.astro', '.astro-0123456789ab', '.astro-dangling'])
        fs.mkdirSync(path.join(source, name), { recursive: true });
      const copy = path.join(tmp, 'copy');
      const nm = path.join(copy, 'node_modules');
      fs.mkdirSync(nm, { recursive: true });
      // Left by an earlier version of the bench: a link into the source's per-corpus cache, and a dangling one.
      fs.symlinkSync(path.join(source, '.astro-0123456789ab'), path.join(nm, '.astro-0123456789ab'));
      fs.symlinkSync(path.join(tmp, 'gone'), path.join(nm, 'astro'));
      fs.rmSync(path.join(source, '.astro-dangling'), { recursive: true });

      linkNodeModules(copy, source);
      expect(fs.lstatSync(path.join(nm, 'astro')).isSymbolicLink()).toBe(true);
      expect(
        fs
          .readdirSync(nm)
          .filter((n) => n.startsWith('.'))
          .sort(),
      ).toEqual([]);

      fs.mkdirSync(path.join(nm, '.astro-0123456789ab'));
      fs.writeFileSync(path.join(nm, '.astro-0123456789ab', 'data-store.json'), '{}');
      makeCold(copy);
      expect(fs.existsSync(path.join(nm, '.astro-0123456789ab'))).toBe(false);
      expect(fs.existsSync(path.join(source, '.astro-0123456789ab'))).toBe(true);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
