/** Turns zod issues into contributor-readable problems naming field, found value and what is allowed. */
import type { z } from 'astro/zod';
import { type Problem, showValue } from './problems.ts';

function get(obj: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

function allowedFor(issue: z.core.$ZodIssue): { allowed: string; hint?: string } {
  switch (issue.code) {
    case 'invalid_value':
      return { allowed: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
    case 'invalid_type':
      return { allowed: issue.expected === 'undefined' ? 'no such field' : `a value of type ${issue.expected}`, hint: issue.input === undefined ? 'the field is required' : undefined };
    case 'unrecognized_keys':
      return { allowed: 'only the fields of the schema', hint: `remove or rename ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (see CONTRIBUTING.md, schema reference)` };
    case 'invalid_format':
      return { allowed: issue.message.startsWith('Invalid') ? `a valid ${issue.format}` : issue.message };
    case 'too_small':
      return { allowed: issue.message.startsWith('Too small') ? `at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'item(s)' : issue.origin === 'string' ? 'character(s)' : ''}`.trim() : issue.message };
    case 'too_big':
      return { allowed: `at most ${String(issue.maximum)}` };
    default:
      return { allowed: issue.message };
  }
}

/** Problems for a failed parse of `input` from `file`; `lineOf` maps a field path to a line. */
export function zodProblems(
  error: z.ZodError,
  file: string,
  input: unknown,
  lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined,
): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const { allowed, hint } = allowedFor(issue);
    const found = get(input, path);
    return {
      severity: 'error' as const,
      file,
      line: lineOf(path) ?? lineOf(issue.path),
      field: path.length > 0 ? path.map(String).join('.') : '(file)',
      found: issue.code === 'unrecognized_keys' ? `unknown field ${JSON.stringify(issue.keys[0])}` : showValue(found),
      allowed,
      hint,
      rule: `schema/${issue.code}`,
    };
  });
}
