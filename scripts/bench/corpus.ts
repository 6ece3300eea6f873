/** Write a synthetic corpus (src/lib/synth-corpus.ts) to a directory and validate it like the build does. */
import fs from 'node:fs';
import path from 'node:path';
import { synthCorpus, type SynthCorpus } from '../../src/lib/synth-corpus.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { formatProblem } from '../../src/lib/problems.ts';

export function writeCorpus(dir: string, events: number, seed: number): SynthCorpus {
  const corpus = synthCorpus({ events, seed });
  fs.rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  for (const f of corpus.files) {
    const p = path.join(dir, f.path);
    const d = path.dirname(p);
    if (!made.has(d)) {
      fs.mkdirSync(d, { recursive: true });
      made.add(d);
    }
    fs.writeFileSync(p, f.text);
  }
  return corpus;
}

/** validateContent on the corpus; throws with the first problems when it is not valid. */
export function validateCorpus(dir: string): { seconds: number; warnings: number } {
  const t0 = performance.now();
  const r = validateContent(dir, { root: dir });
  if (r.errors.length) {
    throw new Error(
      `synthetic corpus is not valid (${r.errors.length} errors):\n${r.errors.slice(0, 10).map(formatProblem).join('\n')}`,
    );
  }
  return { seconds: (performance.now() - t0) / 1000, warnings: r.warnings.length };
}
