/**
 * Source hygiene: every source is reachable over HTTPS (or says why not) and has an archived copy
 * (or says why not — the schema already requires `archiveUrl` or `archiveMissingReason`).
 * A content check the validator runs over all sources; pure, no network (the live check of the
 * addresses is `npm run check:external`, for maintainers).
 */
import fs from 'node:fs';
import type { Entry, RawContent } from './content-files.ts';
import type { Problem } from './problems.ts';
import type { SourceData } from './schemas.ts';

/** A note documents a plain-HTTP exception when it says so: it mentions HTTP (e.g. "only served over HTTP"). */
const MENTIONS_HTTP = /\bhttps?\b/i;

function lineOfKey(file: string, key: string): number | undefined {
  try {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
    return i >= 0 ? i + 1 : undefined;
  } catch {
    return undefined;
  }
}

export function checkSourceHygiene(content: Pick<RawContent, 'sources'>): Problem[] {
  const problems: Problem[] = [];
  for (const e of content.sources as Entry<SourceData>[]) {
    const s = e.data;
    const noted = [s.note?.de, s.note?.en].some((t) => t !== undefined && MENTIONS_HTTP.test(t));
    for (const field of ['url', 'retrievedVia'] as const) {
      const v = s[field];
      if (v === undefined || v.startsWith('https://') || noted) continue;
      problems.push({
        severity: 'error',
        file: e.file,
        line: lineOfKey(e.file, field),
        field,
        found: JSON.stringify(v),
        allowed:
          'an https:// address, or a note (note.de / note.en) stating that the publisher serves the page only over plain HTTP',
        hint: `try ${v.replace(/^http:/, 'https:')} first`,
        rule: 'sources/https',
      });
    }
    if (s.archiveUrl !== undefined && !s.archiveUrl.startsWith('https://')) {
      problems.push({
        severity: 'error',
        file: e.file,
        line: lineOfKey(e.file, 'archiveUrl'),
        field: 'archiveUrl',
        found: JSON.stringify(s.archiveUrl),
        allowed: 'an https:// address of the archived copy (web.archive.org and archive.today serve HTTPS)',
        rule: 'sources/https',
      });
    }
  }
  return problems;
}
