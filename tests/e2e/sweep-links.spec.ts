/**
 * Whole-site sweep of internal links and anchors with linkinator, in-process, against the preview
 * server: every page of the build is a starting point, links are followed within the site, and
 * every #fragment must exist on its target page. Links to other origins are not requested (the
 * test runs without network; `npm run check:external` checks source addresses live).
 */
import { test, expect } from '@playwright/test';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { sitePages } from './sweep-helpers.ts';
import { SITE_URL } from '../../src/lib/settings.ts';

test('no internal link or anchor of the built site is broken', async ({ baseURL }) => {
  test.setTimeout(1_200_000);
  const origin = new URL(baseURL!).origin;
  const pages = sitePages();
  const starts =
    pages.from === 'sitemap' ? pages.paths.map((p) => `${origin}${p}`) : [`${origin}/de/`, `${origin}/en/`];
  const checker = new LinkChecker();
  const broken: LinkResult[] = [];
  checker.on('link', (r) => {
    if (r.state === LinkState.BROKEN) broken.push(r);
  });
  const result = await checker.check({
    path: starts,
    recurse: true,
    checkFragments: true,
    concurrency: 8,
    timeout: 30_000,
    // Absolute links to the canonical site (canonical, hreflang alternates, citation URLs) are
    // checked against the build being tested.
    urlRewriteExpressions: [
      { pattern: new RegExp(`^${SITE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|$)`), replacement: origin },
    ],
    // Only this site's own addresses are requested; everything else (sources, GitHub, mailto) is skipped.
    linksToSkip: async (link) =>
      ![`${origin}/`, `${SITE_URL}/`].some((o) => link.startsWith(o)) && link !== origin && link !== SITE_URL,
  });
  const checked = result.links.filter((l) => l.state !== LinkState.SKIPPED);
  const skipped = result.links.length - checked.length;
  const pagesCrawled = new Set(checked.filter((l) => l.state === LinkState.OK).map((l) => l.url.split('#')[0])).size;
  console.log(
    `link sweep: ${starts.length} start page(s), ${checked.length} internal link(s) and anchor(s) checked (${pagesCrawled} distinct URL(s)), ${skipped} external link(s) skipped, ${broken.length} broken`,
  );
  expect(checked.length).toBeGreaterThan(starts.length);
  expect(
    broken.map(
      (b) =>
        `${b.url} (status ${b.status ?? '-'}) linked from ${b.parent ?? '?'}${b.failureDetails?.length ? `: ${String((b.failureDetails[0] as Error).message ?? '').slice(0, 120)}` : ''}`,
    ),
  ).toEqual([]);
});
