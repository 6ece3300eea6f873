/** Turns zod issues into contributor-readable problems naming field, found value and what is allowed. */
import type { z } from 'astro/zod';
import { type Problem, closest, showValue } from './problems.ts';

function get(obj: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

const REFERENCE = 'docs/schema-reference.md';

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  array: 'a list',
  object: 'a group of fields indented below it',
  boolean: 'true or false',
};

/** One line on how to fix a custom (refinement) message, keyed by the start of the message. */
const CUSTOM_HINTS: [RegExp, string][] = [
  [
    /^a date that exists in the calendar/,
    'check month and day (February 2024 has 29 days); write YYYY-MM if the source gives no day',
  ],
  [
    /^a value, or "unknown: \{ (\w+):/,
    'add the field, or explain under "unknown:" why it is not known (e.g. "unknown: { $1: No byline. }")',
  ],
  [/^either a value or an unknown-reason/, 'remove the value or its "unknown:" entry — keep one'],
  [
    /^an archive URL, or archiveMissingReason/,
    'add "archiveUrl: https://web.archive.org/…", or "archiveMissingReason:" saying why there is none',
  ],
  [
    /^a reasoning \(de, en\)/,
    'add "reasoning:" with "de:" and "en:" saying how the sources lead to the conclusion, or choose another confidence',
  ],
  [/^a date not before "on"/, 'swap "on" and "until", or correct one of them'],
  [/^a time only with a day-precision date/, 'remove "time:", or give the full day in "on" (YYYY-MM-DD)'],
  [/^a number for value type/, 'add the number, or choose the value type that matches the wording of the source'],
  [/^a number not below min/, 'swap "min" and "max"'],
  [/^no numbers for a vague figure/, 'remove n/min/max, or choose the value type exact, about, more-than or range'],
  [/^at least one source/, 'add at least one "- source: src-…" (create a source with: npm run new -- source)'],
];

function lastKey(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return '';
}

function customHint(message: string): string | undefined {
  for (const [re, hint] of CUSTOM_HINTS) {
    const m = re.exec(message);
    if (m) return hint.replace('$1', m[1] ?? '');
  }
  return undefined;
}

function formatHint(message: string, format: string): string | undefined {
  if (format === 'url') return 'write the full address, starting with https://';
  if (/ISO date/.test(message))
    return 'write the date as YYYY-MM-DD, or YYYY-MM / YYYY when the source is less precise';
  if (/time HH:MM/.test(message)) return 'write the time as "HH:MM" in quotes, e.g. "15:11"';
  if (/slug/.test(message)) return 'use lowercase letters, digits and single hyphens, e.g. "taurus-leak-2024"';
  return undefined;
}

function allowedFor(issue: z.core.$ZodIssue, found: unknown): { allowed: string; hint?: string | undefined } {
  const key = lastKey(issue.path);
  switch (issue.code) {
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      const guess = typeof found === 'string' ? closest(found, values) : undefined;
      return {
        allowed: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        hint:
          guess !== undefined ? `did you mean "${guess}"?` : `write one of the values exactly as listed (${REFERENCE})`,
      };
    }
    case 'invalid_type': {
      if (issue.expected === 'undefined' || issue.expected === 'never')
        return { allowed: 'no such field', hint: 'remove the field' };
      const allowed = TYPE_WORDS[issue.expected] ?? `a value of type ${issue.expected}`;
      const input = found;
      if (input === undefined || input === null) {
        const example = key === 'sources' ? '"sources:" with at least one "- source: src-…"' : `"${key}:" with a value`;
        return { allowed: `${allowed} (the field is required)`, hint: `add ${example} (${REFERENCE})` };
      }
      if (issue.expected === 'string') return { allowed, hint: 'put the value in quotes: "…"' };
      if (issue.expected === 'array')
        return { allowed, hint: 'write a list: [a, b] or one "- item" per line below the field' };
      if (issue.expected === 'object') {
        return {
          allowed,
          hint:
            typeof input === 'string'
              ? `give the sub-fields on indented lines below "${key}:" (for a text: de: … and en: …)`
              : `check the indentation below "${key}:"`,
        };
      }
      return { allowed, hint: `see "${key}" in ${REFERENCE}` };
    }
    case 'unrecognized_keys':
      return {
        allowed: 'only the fields of the schema',
        hint: `check the spelling and indentation of ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}, or remove it (${REFERENCE})`,
      };
    case 'invalid_format': {
      const allowed = issue.message.startsWith('Invalid') ? `a valid ${issue.format}` : issue.message;
      return { allowed, hint: formatHint(issue.message, issue.format) };
    }
    case 'too_small': {
      const custom = customHint(issue.message);
      const allowed = issue.message.startsWith('Too small')
        ? `at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'item(s)' : issue.origin === 'string' ? 'character(s)' : ''}`.trim()
        : issue.message;
      const hint =
        custom ??
        (issue.origin === 'array'
          ? `add at least ${String(issue.minimum)} item(s) to "${key}"`
          : issue.origin === 'string'
            ? `write a text in "${key}" (it may not be empty)`
            : undefined);
      return { allowed, hint };
    }
    case 'too_big':
      return { allowed: `at most ${String(issue.maximum)}`, hint: `shorten "${key}"` };
    default:
      return { allowed: issue.message, hint: customHint(issue.message) };
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
    const found = get(input, path);
    const { allowed, hint } = allowedFor(issue, found);
    return {
      severity: 'error' as const,
      file,
      line: lineOf(path) ?? lineOf(issue.path),
      field: path.length > 0 ? path.map(String).join('.') : '(file)',
      found: issue.code === 'unrecognized_keys' ? `unknown field ${JSON.stringify(issue.keys[0])}` : showValue(found),
      allowed,
      // Every problem says how to fix it; the schema reference explains every field.
      hint: hint ?? `see "${path.filter((k) => typeof k === 'string').join('.') || 'the file'}" in ${REFERENCE}`,
      rule: `schema/${issue.code}`,
    };
  });
}
