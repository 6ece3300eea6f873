import { describe, expect, it } from 'vitest';
import { checkSourceHygiene } from '../../src/lib/source-hygiene.ts';
import { readContent, type Entry } from '../../src/lib/content-files.ts';
import type { SourceData } from '../../src/lib/schemas.ts';
import { contentDir } from '../../src/lib/settings.ts';

const source = (data: Partial<SourceData>, id = 'src-x'): Entry<SourceData> => ({
  id,
  file: `src/content/sources/${id}.yaml`,
  data: {
    language: 'de',
    kind: 'news-article',
    reliability: ['original'],
    documentIds: [],
    unknown: {},
    ...data,
  } as SourceData,
});

describe('source hygiene', () => {
  it('a source with https addresses passes', () => {
    expect(
      checkSourceHygiene({
        sources: [
          source({
            url: 'https://example.org/a',
            archiveUrl: 'https://web.archive.org/web/2024/https://example.org/a',
          }),
        ],
      }),
    ).toEqual([]);
  });

  it('a plain-http source address is rejected naming file, field and the fix', () => {
    const problems = checkSourceHygiene({
      sources: [source({ url: 'http://example.org/a', archiveMissingReason: 'not archived' })],
    });
    expect(problems).toMatchObject([
      { file: 'src/content/sources/src-x.yaml', field: 'url', found: '"http://example.org/a"', rule: 'sources/https' },
    ]);
    expect(problems[0]!.hint).toContain('https://example.org/a');
  });

  it('a plain-http address is accepted when the note documents the exception', () => {
    const note = {
      de: 'Der Verlag liefert die Seite nur über HTTP aus.',
      en: 'The publisher serves this page over plain HTTP only.',
    };
    expect(checkSourceHygiene({ sources: [source({ url: 'http://example.org/a', note })] })).toEqual([]);
  });

  it('a plain-http retrievedVia or archive address is rejected', () => {
    const problems = checkSourceHygiene({
      sources: [
        source({
          url: 'https://example.org/a',
          retrievedVia: 'http://mirror.example/a',
          archiveUrl: 'http://archive.example/a',
        }),
      ],
    });
    expect(problems.map((p) => p.field)).toEqual(['retrievedVia', 'archiveUrl']);
  });

  it('every source of the current content passes', () => {
    const { content } = readContent(contentDir());
    expect(content.sources.length).toBeGreaterThan(0);
    expect(checkSourceHygiene(content)).toEqual([]);
  });
});
