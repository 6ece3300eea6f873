/** A problem found in the content: what every validator returns and every CLI prints. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path of the file, relative to the project root where possible. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** Dotted path of the field ("sources.0.source"), or "(file)" for the file as a whole. */
  field: string;
  /** The value found, as shown to the contributor. */
  found?: string | undefined;
  /** What is allowed. */
  allowed: string;
  /** How to fix it. */
  hint?: string | undefined;
  /** Short id of the rule that matched. */
  rule: string;
}

function show(v: unknown): string {
  if (v === undefined) return '(missing)';
  if (typeof v === 'string') return JSON.stringify(v);
  try {
    const s = JSON.stringify(v);
    return s.length > 80 ? `${s.slice(0, 77)}…` : s;
  } catch {
    return String(v);
  }
}
export { show as showValue };

/** One line per problem: `file:line: field: found X — allowed: Y (hint) [rule]`. */
export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  const found = p.found !== undefined ? ` found ${p.found} —` : '';
  const hint = p.hint ? ` Hint: ${p.hint}` : '';
  return `${p.severity === 'error' ? 'error' : 'warning'} ${where}: ${p.field}:${found} allowed: ${p.allowed}.${hint} [${p.rule}]`;
}

export function formatProblems(problems: Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

export class ContentError extends Error {
  constructor(public readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`Content has ${errors.length} error(s):\n${formatProblems(errors)}`);
    this.name = 'ContentError';
  }
}

/** Edit distance (Levenshtein) of two short strings. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The candidate a mistyped value most likely meant, for "did you mean …?" hints: the nearest by
 * edit distance (at most a third of its length), or the only candidate containing the value or
 * contained in it.
 */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const v = value.toLowerCase().trim();
  if (!v) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(v, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3))) return best;
  const containing = candidates.filter((c) => c.toLowerCase().includes(v) || v.includes(c.toLowerCase()));
  return containing.length === 1 ? containing[0] : undefined;
}
