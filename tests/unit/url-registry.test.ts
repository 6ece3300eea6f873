import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import {
  checkUrls,
  fileOfUrl,
  formatRegistry,
  hostRedirects,
  parseRedirects,
  parseRegistry,
  publishedUrls,
  redirectPage,
  servedUrls,
  urlOfFile,
  writeRedirects,
  type Redirect,
} from '../../src/lib/url-registry.ts';

function tmpSite(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'urls-'));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), 'x');
  }
  return dir;
}

describe('published URLs of a built folder', () => {
  it('files map to the URLs they are served at', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('de/incidents/x/index.html')).toBe('/de/incidents/x/');
    expect(urlOfFile('404.html')).toBe('/404.html');
    expect(urlOfFile('api/v1/events.json')).toBe('/api/v1/events.json');
    expect(fileOfUrl('/de/x/')).toBe('de/x/index.html');
    expect(fileOfUrl('/api/v1/events.json')).toBe('api/v1/events.json');
  });

  it('hashed assets, the search index, host files, sitemap chunks and version pages are not registered', () => {
    const dir = tmpSite([
      'index.html',
      'de/index.html',
      'de/timeline/index.html',
      'de/events/x/v/2026-11-26-0123abcd/index.html',
      '_astro/app.1a2b.js',
      'pagefind/pagefind.js',
      '_headers',
      '_redirects',
      'sitemap-0.xml',
      'sitemap-index.xml',
      '.well-known/security.txt',
      'api/v1/events.json',
    ]);
    try {
      expect(publishedUrls(dir)).toEqual([
        '/',
        '/.well-known/security.txt',
        '/api/v1/events.json',
        '/de/',
        '/de/timeline/',
        '/sitemap-index.xml',
      ]);
      expect(servedUrls(dir)).toContain('/_astro/app.1a2b.js');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the registry file', () => {
  it('is sorted, de-duplicated and round-trips', () => {
    const text = formatRegistry(['/en/', '/de/', '/de/', '/']);
    expect(parseRegistry(text).urls).toEqual(['/', '/de/', '/en/']);
    expect(parseRegistry(text).lines.get('/de/')).toBe(5);
  });

  it('a malformed line is rejected with its line number', () => {
    const r = parseRegistry('# c\n/de/\nde/x/\n/a b\n', 'urls/registry.txt');
    expect(r.problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([
      'urls/registry.txt:3 urls/registry-syntax',
      'urls/registry.txt:4 urls/registry-syntax',
    ]);
  });
});

describe('declared redirects', () => {
  it('a well-formed file parses with line numbers', () => {
    const r = parseRedirects(
      'redirects:\n  - from: /de/old/\n    to: /de/new/\n    reason: The entries were merged in a correction.\n',
    );
    expect(r.problems).toEqual([]);
    expect(r.redirects).toEqual([
      { from: '/de/old/', to: '/de/new/', reason: 'The entries were merged in a correction.', line: 2 },
    ]);
  });

  it('an empty list is fine', () => {
    expect(parseRedirects('redirects: []\n')).toEqual({ redirects: [], problems: [] });
  });

  it.each([
    ['a redirect without a reason', 'redirects:\n  - from: /de/a/\n    to: /de/b/\n', 'redirects.0.reason'],
    [
      'a relative from',
      'redirects:\n  - from: de/a/\n    to: /de/b/\n    reason: moved for a good reason\n',
      'redirects.0.from',
    ],
    [
      'a redirect to another origin',
      'redirects:\n  - from: /de/a/\n    to: https://example.org/\n    reason: moved for a good reason\n',
      'redirects.0.to',
    ],
    [
      'an unknown field',
      'redirects:\n  - from: /de/a/\n    to: /de/b/\n    reason: moved for a good reason\n    code: 302\n',
      'redirects.0.code',
    ],
    [
      'a path redirected twice',
      'redirects:\n  - from: /de/a/\n    to: /de/b/\n    reason: moved for a good reason\n  - from: /de/a/\n    to: /de/c/\n    reason: moved for a good reason\n',
      'redirects.1.from',
    ],
  ])('%s is rejected naming the field', (_what, text, field) => {
    const r = parseRedirects(text, 'redirects.yaml');
    expect(r.problems.map((p) => p.field)).toContain(field);
    expect(r.problems.every((p) => p.file === 'redirects.yaml' && p.line !== undefined)).toBe(true);
  });
});

describe('registered URLs must keep resolving', () => {
  const served = new Set(['/de/', '/de/new/', '/de/newer/', '/en/']);

  it('a registered URL the build still produces passes', () => {
    expect(checkUrls(['/de/', '/en/'], [], served).problems).toEqual([]);
  });

  it('a registered URL that vanished without a redirect fails the build, naming the URL and the fix', () => {
    const { problems } = checkUrls(['/de/', '/de/old/'], [], served, { registryLines: new Map([['/de/old/', 5]]) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'urls/registry.txt',
      line: 5,
      found: '"/de/old/"',
      rule: 'urls/registered-url-missing',
    });
    expect(problems[0]!.hint).toContain('redirects.yaml');
  });

  it('a vanished URL with a declared redirect passes', () => {
    const r: Redirect[] = [{ from: '/de/old/', to: '/de/new/', reason: 'merged into the new entry' }];
    const { problems, resolved } = checkUrls(['/de/old/'], r, served);
    expect(problems).toEqual([]);
    expect(resolved).toEqual(r);
  });

  it('a redirect to a page the build does not produce fails', () => {
    const { problems } = checkUrls(
      [],
      [{ from: '/de/old/', to: '/de/gone/', reason: 'merged into the new entry', line: 3 }],
      served,
    );
    expect(problems).toMatchObject([
      { file: 'redirects.yaml', line: 3, field: 'to', rule: 'urls/redirect-target-missing' },
    ]);
  });

  it('a chain of redirects is followed to its final page; a cycle fails', () => {
    const chain: Redirect[] = [
      { from: '/de/a/', to: '/de/b/#event-x', reason: 'first move of the page' },
      { from: '/de/b/', to: '/de/newer/', reason: 'second move of the page' },
    ];
    expect(checkUrls(['/de/a/'], chain, served).resolved.find((r) => r.from === '/de/a/')?.to).toBe('/de/newer/');
    const cycle: Redirect[] = [
      { from: '/de/a/', to: '/de/b/', reason: 'a cycle of two redirects' },
      { from: '/de/b/', to: '/de/a/', reason: 'a cycle of two redirects' },
    ];
    expect(checkUrls([], cycle, served).problems.map((p) => p.rule)).toEqual([
      'urls/redirect-cycle',
      'urls/redirect-cycle',
    ]);
  });

  it('a redirect from a URL that is still a page fails', () => {
    const { problems } = checkUrls([], [{ from: '/de/new/', to: '/de/', reason: 'should not shadow a page' }], served);
    expect(problems.map((p) => p.rule)).toEqual(['urls/redirect-shadows-page']);
  });
});

describe('generated redirects', () => {
  const r: Redirect = { from: '/en/incidents/old/', to: '/en/incidents/new/', reason: 'merged' };

  it('a redirect page refreshes, names the canonical address and shows a link, without scripts', async () => {
    const html = redirectPage(r, 'https://konferenzleck.org');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/en/incidents/new/">');
    expect(html).toContain('<link rel="canonical" href="https://konferenzleck.org/en/incidents/new/">');
    expect(html).toContain('<a href="/en/incidents/new/">');
    expect(html).not.toMatch(/<script|<style|style=/);
    expect(html).toContain(
      `<meta http-equiv="content-security-policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">`,
    );
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('a German old path gets a German redirect page', () => {
    expect(redirectPage({ ...r, from: '/de/x/' }, 'https://k.org')).toContain('<html lang="de">');
  });

  it('redirect pages and the host file are written into the built folder', () => {
    const dir = tmpSite(['en/incidents/new/index.html']);
    try {
      const n = writeRedirects(
        dir,
        [r, { from: '/api/v1/old.json', to: '/api/v1/new.json', reason: 'renamed export' }],
        'https://k.org',
      );
      expect(n).toBe(1);
      expect(fs.readFileSync(path.join(dir, 'en/incidents/old/index.html'), 'utf8')).toContain(
        'url=/en/incidents/new/',
      );
      expect(fs.readFileSync(path.join(dir, '_redirects'), 'utf8')).toBe(
        hostRedirects([r, { from: '/api/v1/old.json', to: '/api/v1/new.json', reason: 'renamed export' }]),
      );
      expect(hostRedirects([r])).toContain('/en/incidents/old/ /en/incidents/new/ 301');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the committed files', () => {
  it('redirects.yaml parses without problems', () => {
    expect(parseRedirects(fs.readFileSync('redirects.yaml', 'utf8')).problems).toEqual([]);
  });

  it('urls/registry.txt, when present, is sorted and well-formed', () => {
    if (!fs.existsSync('urls/registry.txt')) return;
    const text = fs.readFileSync('urls/registry.txt', 'utf8');
    const r = parseRegistry(text);
    expect(r.problems).toEqual([]);
    expect(text).toBe(formatRegistry(r.urls));
  });
});
