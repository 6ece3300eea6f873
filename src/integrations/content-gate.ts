/**
 * Astro integration that validates all content before Astro syncs it, so every schema and
 * integrity error fails `astro build` at once, each naming file, field, value and what is allowed.
 * (Astro 7 alone only logs dangling references: withastro/astro#17322.)
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { validateContent } from '../lib/validate.ts';
import { formatProblems, ContentError } from '../lib/problems.ts';
import { contentDir } from '../lib/settings.ts';

export default function contentGate(): AstroIntegration {
  return {
    name: 'konferenzleck:content-gate',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const result = validateContent(contentDir(root), { root });
        if (result.warnings.length) logger.warn(`\n${formatProblems(result.warnings)}`);
        if (result.errors.length) throw new ContentError(result.errors);
        logger.info(`content valid: ${Object.values(result.content).reduce((n, l) => n + l.length, 0)} entries`);
      },
    },
  };
}
