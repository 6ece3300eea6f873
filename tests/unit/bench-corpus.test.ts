import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { synthCorpus } from '../../src/lib/synth-corpus.ts';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { readContent } from '../../src/lib/content-files.ts';

describe('synthetic benchmark corpus', () => {
  it('a generated corpus of 300 events passes validateContent without errors or warnings', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-'));
    try {
      writeCorpus(dir, 300, 7);
      const r = validateContent(dir, { root: dir, today: '2026-01-01' });
      expect(r.errors.map((p) => `${p.file} ${p.field} ${p.rule}`)).toEqual([]);
      expect(r.warnings.map((p) => `${p.file} ${p.field} ${p.rule}`)).toEqual([]);
      expect(r.content.events).toHaveLength(300);
      expect(r.content.incidents).toHaveLength(6);
      expect(r.content.sources).toHaveLength(60);
      // Every incident has a German narrative; an English one unless its translation is marked missing.
      expect(r.content.narratives.length).toBeGreaterThanOrEqual(6);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the same seed gives the same files byte for byte, another seed other files', () => {
    const a = synthCorpus({ events: 200, seed: 3 });
    const b = synthCorpus({ events: 200, seed: 3 });
    const c = synthCorpus({ events: 200, seed: 4 });
    expect(b.files).toEqual(a.files);
    expect(c.files).not.toEqual(a.files);
  });

  it('keeps the proportions of the register: 1 incident per 50 events, 1 source per 5, both languages', () => {
    const { counts, files } = synthCorpus({ events: 1000, seed: 1 });
    expect(counts).toMatchObject({ events: 1000, incidents: 20, sources: 200 });
    expect(counts.actors).toBeGreaterThanOrEqual(10);
    expect(files.filter((f) => f.path.endsWith('/de.mdx') && f.path.startsWith('incidents/'))).toHaveLength(20);
    expect(files.filter((f) => f.path.endsWith('/en.mdx') && f.path.startsWith('incidents/')).length).toBeGreaterThan(
      15,
    );
    // Realistic text: an event summary has sentences, a narrative several hundred words.
    const narrative = files.find((f) => f.path.endsWith('/de.mdx') && f.path.startsWith('incidents/'))!;
    expect(narrative.text.split(/\s+/).length).toBeGreaterThan(150);
  });

  it('event ids carry their date with 00 for the precision the date lacks, and agree with it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-'));
    try {
      writeCorpus(dir, 400, 11);
      const { content } = readContent(dir, dir);
      const precisions = new Set(content.events.map((e) => (e.data as { date: { on: string } }).date.on.length));
      expect([...precisions].sort((a, b) => a - b)).toEqual([4, 7, 10]);
      for (const e of content.events) {
        const on = (e.data as { date: { on: string } }).date.on;
        expect(
          e.id.startsWith(
            `${on.slice(0, 4)}-${on.length >= 7 ? on.slice(5, 7) : '00'}-${on.length === 10 ? on.slice(8, 10) : '00'}-`,
          ),
        ).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
