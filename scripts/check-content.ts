/** `npm run check:content`: validates all content in seconds, without a build. */
import { validateContent } from '../src/lib/validate.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { contentDir } from '../src/lib/settings.ts';

const t0 = performance.now();
const result = validateContent(contentDir());
for (const p of result.problems) console.log(formatProblem(p));
const entries = Object.values(result.content).reduce((n, l) => n + l.length, 0);
console.log(
  `${entries} entries checked in ${Math.round(performance.now() - t0)} ms: ${result.errors.length} error(s), ${result.warnings.length} warning(s)`,
);
process.exit(result.errors.length ? 1 : 0);
