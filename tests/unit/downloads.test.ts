import { describe, expect, it } from 'vitest';
import { registerDownload, takeDownloads } from '../../src/lib/downloads.ts';

describe('download files collected while pages render', () => {
  it('every registered file is handed out once, sorted by path', () => {
    takeDownloads();
    registerDownload('/api/v1/cite/en/events/b.ris', 'B');
    registerDownload('/api/v1/cite/de/events/a.bib', 'A');
    registerDownload('/api/v1/cite/de/events/a.bib', 'A');
    expect(takeDownloads()).toEqual([
      { path: '/api/v1/cite/de/events/a.bib', body: 'A' },
      { path: '/api/v1/cite/en/events/b.ris', body: 'B' },
    ]);
    expect(takeDownloads()).toEqual([]);
  });

  it('a path registered twice with different texts is an error naming the path', () => {
    takeDownloads();
    registerDownload('/api/v1/cite/de/events/a.bib', 'A');
    expect(() => registerDownload('/api/v1/cite/de/events/a.bib', 'changed')).toThrow(/a\.bib.*different texts/);
    takeDownloads();
  });

  it('paths outside /api/v1/ or with ".." are refused', () => {
    expect(() => registerDownload('/de/index.html', 'x')).toThrow(/under \/api\/v1\//);
    expect(() => registerDownload('/api/v1/../../etc/passwd', 'x')).toThrow(/without "\.\."/);
  });
});
