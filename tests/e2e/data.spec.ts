import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { content } from './helpers.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
type Index = {
  dataVersion: string;
  files: { path: string; sha256: string; bytes: number; schema?: string; records?: number; mediaType: string }[];
};

test.describe('open data, feeds and sitemap', () => {
  test('index.json leads to every file; each matches its checksum and validates against its schema', async ({
    request,
  }) => {
    const index = (await (await request.get('/api/v1/index.json')).json()) as Index;
    expect(index.files.length).toBeGreaterThanOrEqual(15);
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    const bodies = new Map<string, string>();
    for (const f of index.files) {
      const res = await request.get(f.path);
      expect(res.status(), f.path).toBe(200);
      const body = (await res.body()).toString('utf8');
      bodies.set(f.path, body);
      expect(createHash('sha256').update(body).digest('hex'), f.path).toBe(f.sha256);
    }
    for (const f of index.files.filter((x) => x.schema)) {
      const validate = ajv.compile(JSON.parse(bodies.get(f.schema!)!) as object);
      const data = JSON.parse(bodies.get(f.path)!) as { items: unknown[]; dataVersion: string };
      expect(validate(data), `${f.path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(data.items.length).toBe(f.records);
      expect(data.dataVersion).toBe(index.dataVersion);
    }
    for (const f of index.files.filter((x) => x.path.endsWith('.csv'))) {
      const rows = parse(bodies.get(f.path)!) as string[][];
      expect(rows.length - 1, f.path).toBe(f.records);
    }
    const c = content();
    const incidents = JSON.parse(bodies.get('/api/v1/incidents.json')!) as { items: { id: string }[] };
    expect(incidents.items.map((i) => i.id).sort()).toEqual(c.incidents.map((i) => i.id).sort());
  });

  test('the data page documents licence, files and examples, with Dataset JSON-LD', async ({ page }) => {
    await page.goto('/en/data/');
    await expect(page.locator('h1')).toHaveText('Open data');
    await expect(page.locator('a[rel="license"]')).toHaveAttribute(
      'href',
      'https://creativecommons.org/licenses/by/4.0/',
    );
    await expect(page.locator('pre.example')).toContainText('curl -s https://');
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
      '@type': string;
      distribution: unknown[];
    };
    expect(ld['@type']).toBe('Dataset');
    expect(ld.distribution.length).toBeGreaterThan(5);
  });

  for (const lang of ['de', 'en'] as const) {
    test(`the ${lang} feed and an incident feed parse, with ids, dates and links, and are discoverable`, async ({
      page,
      request,
    }) => {
      const incident = content().incidents[0]!.id;
      await page.goto(`/${lang}/incidents/${incident}/`);
      const feeds = await page
        .locator('link[rel="alternate"][type="application/atom+xml"]')
        .evaluateAll((ls) => ls.map((l) => l.getAttribute('href')!));
      expect(feeds).toEqual([`/${lang}/feed.xml`, `/${lang}/incidents/${incident}/feed.xml`]);
      for (const href of feeds) {
        const res = await request.get(href);
        expect(res.headers()['content-type'] ?? '').toMatch(/xml/);
        const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(
          await res.text(),
        ) as { feed: { entry?: { id: string; updated: string; link: { '@_href': string } }[] } };
        expect(xml.feed.entry?.length ?? 0, href).toBeGreaterThan(0);
        for (const e of xml.feed.entry!) {
          expect(e.id).toMatch(/^https?:\/\//);
          expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
          expect(e.link['@_href']).toMatch(new RegExp(`/${lang}/`));
        }
      }
    });
  }

  test('robots.txt points at the sitemap, whose pages carry language alternates', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
    const index = await (await request.get('/sitemap-index.xml')).text();
    const first = /<loc>https?:\/\/[^/]+(\/[^<]+)<\/loc>/.exec(index)![1]!;
    const map = await (await request.get(first)).text();
    expect(map).toMatch(/<xhtml:link rel="alternate" hreflang="en-GB" href="[^"]+\/en\/incidents\/[^"]+\/"\/>/);
    expect(map).not.toMatch(/\/v\/\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\//);
  });
});
