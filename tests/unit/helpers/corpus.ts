/** Builds small content roots in a temp dir: a valid minimal corpus, then one mistake at a time. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Files = Record<string, string>;

export const VALID: Files = {
  'incidents/demo-incident/incident.yaml': `title: { de: Demo-Vorfall, en: Demo incident }
summary: { de: Ein Vorfall zum Testen., en: An incident for tests. }
kind: incident
period: { start: 2024-03 }
status: concluded
platform: [webex]
countries: [DE]
translation: { de: human, en: human }
lastReviewed: 2026-11-01
`,
  'incidents/demo-incident/de.mdx': 'Ein Absatz.\n',
  'incidents/demo-incident/en.mdx': 'A paragraph.\n',
  'events/2024-03-05-demo-event.yaml': `incident: demo-incident
date: { on: 2024-03-05 }
type: official-statement
status: confirmed
confidence: confirmed
title: { de: Erklärung, en: Statement }
summary: { de: Eine Erklärung., en: A statement. }
actors:
  - actor: demo-ministry
    role: stated
sources:
  - source: src-demo-2024-03-05
`,
  'sources/src-demo-2024-03-05.yaml': `publisher: Demo Publisher
title: Demo title
url: https://example.org/demo
language: de
kind: news-article
published: { on: 2024-03-05 }
retrieved: 2026-11-26
archiveMissingReason: Not archived in this test.
reliability: [original]
`,
  'actors/demo-ministry.yaml': `name: { de: Demo-Ministerium, en: Demo ministry }
kind: ministry
country: DE
category: government
`,
};

export function makeCorpus(overrides: Files = {}, remove: string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-corpus-'));
  const files = { ...VALID, ...overrides };
  for (const r of remove) delete files[r];
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return dir;
}
