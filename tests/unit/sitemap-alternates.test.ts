import { describe, expect, it } from 'vitest';
import { alternatesByUrl, localeOf, sitemapAlternates } from '../../src/lib/sitemap-alternates.ts';
// The library's own function, as the oracle (not exported by the package: imported by its file).
import { generateSitemap } from '../../node_modules/@astrojs/sitemap/dist/generate-sitemap.js';

const base = 'https://example.org/';
const locales = { de: 'de-DE', en: 'en-GB' };
const urls = [
  'https://example.org/',
  'https://example.org/de/',
  'https://example.org/en/',
  'https://example.org/de/events/e-10/',
  'https://example.org/en/events/e-10/',
  'https://example.org/de/events/e-9/',
  'https://example.org/en/events/e-9/',
  'https://example.org/de/only-german/',
  'https://example.org/en/only-english/',
  'https://example.org/robots.txt',
  'https://example.org/fr/events/e-9/',
];

describe('sitemap language alternates', () => {
  it('are the links @astrojs/sitemap computes with its i18n option, for every URL and in its order', () => {
    const library = generateSitemap(urls, base, { i18n: { defaultLocale: 'de', locales } }) as {
      url: string;
      links?: { url: string; lang: string }[];
    }[];
    const ours = alternatesByUrl(urls, base, 'de', locales);
    expect(library.length).toBe(urls.length);
    for (const item of library) expect(ours.get(item.url)).toEqual(item.links);
    // The root and both language homes are alternates of each other, as the library has them.
    expect(ours.get('https://example.org/')?.map((l) => l.url)).toEqual([
      'https://example.org/',
      'https://example.org/de/',
      'https://example.org/en/',
    ]);
    expect(ours.has('https://example.org/de/only-german/')).toBe(false);
  });

  it('a URL outside the base has no locale, an unknown first segment belongs to the default locale', () => {
    expect(localeOf('https://other.org/de/x/', base, 'de', locales)).toBeUndefined();
    expect(localeOf('https://example.org/fr/x/', base, 'de', locales)).toEqual({ locale: 'de', path: '/fr/x/' });
    expect(localeOf('https://example.org/en/x/', base, 'de', locales)).toEqual({ locale: 'en', path: '/x/' });
  });

  it('grows linearly: 40,000 URLs are grouped within two seconds', () => {
    const many = ['de', 'en'].flatMap((l) => Array.from({ length: 20_000 }, (_, i) => `${base}${l}/events/e-${i}/`));
    const t = performance.now();
    const index = alternatesByUrl(many, base, 'de', locales);
    expect(performance.now() - t).toBeLessThan(2_000);
    expect(index.size).toBe(40_000);
    expect(index.get(`${base}en/events/e-7/`)).toEqual([
      { url: `${base}de/events/e-7/`, lang: 'de-DE' },
      { url: `${base}en/events/e-7/`, lang: 'en-GB' },
    ]);
  });

  it('the filter keeps what is not excluded and collects it for the links; a new build starts a new collection', () => {
    const s = sitemapAlternates({ base, defaultLocale: 'de', locales, exclude: (u) => u.includes('/v/') });
    expect(s.filter(`${base}de/a/`)).toBe(true);
    expect(s.filter(`${base}de/a/v/1/`)).toBe(false);
    expect(s.filter(`${base}en/a/`)).toBe(true);
    expect(s.links(`${base}de/a/`)?.map((l) => l.lang)).toEqual(['de-DE', 'en-GB']);
    expect(s.links(`${base}de/a/v/1/`)).toBeUndefined();
    // Next build in the same process: only its URLs count.
    s.filter(`${base}de/b/`);
    expect(s.links(`${base}de/a/`)).toBeUndefined();
    expect(s.links(`${base}de/b/`)).toBeUndefined();
  });
});
