/**
 * Writes the download files the pages registered while rendering (src/lib/downloads.ts) into the
 * build output at `astro:build:generated`, as soon as every page exists (while Pagefind's process
 * writes the search index, src/integrations/pagefind.ts) — before the trust gates, which scan them
 * and check the URL registry against them. In `astro dev` the endpoint `src/pages/api/v1/cite/…`
 * serves the same texts instead (it generates no paths in a build).
 */
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { takeDownloads } from '../lib/downloads.ts';

export default function downloadsIntegration(): AstroIntegration {
  return {
    name: 'konferenzleck:downloads',
    hooks: {
      'astro:build:generated': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const started = performance.now();
        const files = takeDownloads();
        const made = new Set<string>();
        for (const f of files) {
          const target = path.join(out, f.path);
          if (!target.startsWith(out)) throw new Error(`download ${f.path} would be written outside ${out}`);
          const parent = path.dirname(target);
          if (!made.has(parent)) {
            fs.mkdirSync(parent, { recursive: true });
            made.add(parent);
          }
          fs.writeFileSync(target, f.body);
        }
        logger.info(`${files.length} download file(s) written in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
