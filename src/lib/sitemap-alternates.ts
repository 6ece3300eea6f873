/**
 * The sitemap's language alternates (`<xhtml:link hreflang>`), computed in one pass over the URLs.
 *
 * @astrojs/sitemap computes the same links itself when given its `i18n` option, but it finds each
 * page's alternates by comparing its path with every other URL of the site: time grows with the
 * square of the number of pages. At 10,000 events (25,000 sitemap URLs) that was about 8 s of the
 * build, after the last page, and 18 s for 24,000 URLs on their own. Here the URLs are grouped by
 * their path once; the result is the library's, link for link and in its order
 * (tests/unit/sitemap-alternates.test.ts compares the two). Pure module: no Astro imports.
 */
export interface SitemapLink {
  url: string;
  lang: string;
}

/** A URL's locale and its path without the locale, as @astrojs/sitemap reads them. */
export function localeOf(
  url: string,
  base: string,
  defaultLocale: string,
  locales: Record<string, string>,
): { locale: string; path: string } | undefined {
  if (!url.startsWith(base)) return undefined;
  let s = url.slice(base.length);
  if (!s || s === '/') return { locale: defaultLocale, path: '/' };
  if (s[0] !== '/') s = `/${s}`;
  const locale = s.split('/')[1]!;
  if (Object.hasOwn(locales, locale)) return { locale, path: s.slice(1 + locale.length) || '/' };
  return { locale: defaultLocale, path: s };
}

/** The library's order of URLs: `a.localeCompare(b, 'en', { numeric: true })`, whose collator this is. */
const SITEMAP_ORDER = new Intl.Collator('en', { numeric: true });

/** Every URL that has alternates, with all of them (itself included), in the sitemap's URL order. */
export function alternatesByUrl(
  urls: readonly string[],
  base: string,
  defaultLocale: string,
  locales: Record<string, string>,
): Map<string, SitemapLink[]> {
  const byPath = new Map<string, SitemapLink[]>();
  for (const url of urls) {
    const parsed = localeOf(url, base, defaultLocale, locales);
    if (!parsed) continue;
    let group = byPath.get(parsed.path);
    if (!group) byPath.set(parsed.path, (group = []));
    group.push({ url, lang: locales[parsed.locale]! });
  }
  // Each group in the sitemap's order (the library sorts all URLs so, then collects them): a stable
  // sort of a group's URLs gives them in the same order as the sort of all of them.
  const out = new Map<string, SitemapLink[]>();
  for (const group of byPath.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => SITEMAP_ORDER.compare(a.url, b.url));
    for (const link of group) out.set(link.url, group);
  }
  return out;
}

/**
 * `filter` and `links` for @astrojs/sitemap's options: `filter` sees every URL of a build before
 * the sitemap is serialised, so it collects the kept ones; `links(url)` answers from them.
 */
export function sitemapAlternates(options: {
  base: string;
  defaultLocale: string;
  locales: Record<string, string>;
  /** URLs left out of the sitemap. */
  exclude: (url: string) => boolean;
}): { filter: (url: string) => boolean; links: (url: string) => SitemapLink[] | undefined } {
  let kept: string[] = [];
  let index: Map<string, SitemapLink[]> | undefined;
  return {
    filter(url) {
      if (options.exclude(url)) return false;
      // A URL after the links were asked for belongs to the next build in this process.
      if (index) {
        kept = [];
        index = undefined;
      }
      kept.push(url);
      return true;
    },
    links(url) {
      index ??= alternatesByUrl(kept, options.base, options.defaultLocale, options.locales);
      return index.get(url);
    },
  };
}
