import { test, expect, type Page } from '@playwright/test';
import { captureConsoleErrors, content, expectNoAxeViolations } from './helpers.ts';
import { fold } from '../../src/lib/timeline/text.ts';

interface Ev {
  id: string;
  data: { title: Record<string, string>; summary: Record<string, string> };
}
const events = () => content().events as unknown as Ev[];
const words = (s: string) => s.split(/[^\p{L}]+/u).filter((w) => w.length >= 7);

/**
 * A word from the summary of a real event, in that language, that no other event uses in its
 * title or summary — read from the content at test time, so the test follows the content.
 */
function distinctiveWord(lang: 'de' | 'en'): { event: Ev; word: string } {
  const seen = new Map<string, Set<string>>();
  for (const e of events())
    for (const w of words(`${e.data.title[lang]} ${e.data.summary[lang]}`))
      seen.set(fold(w), (seen.get(fold(w)) ?? new Set()).add(e.id));
  for (const e of events()) {
    const w = words(e.data.summary[lang] ?? '').find((x) => seen.get(fold(x))?.size === 1);
    if (w) return { event: e, word: w };
  }
  throw new Error(`no event has a ${lang} summary word of 7+ letters that is unique to it`);
}

async function ready(page: Page) {
  await expect(page.locator('#search')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
}

/** Result links, loading further pages of results while there are any. */
async function resultHrefs(page: Page): Promise<string[]> {
  for (let i = 0; i < 20 && (await page.locator('#search-more').isVisible()); i++) {
    const n = await page.locator('[data-search-result]').count();
    await page.locator('#search-more').click();
    await expect(page.locator('[data-search-result]')).not.toHaveCount(n);
  }
  return page
    .locator('[data-search-result] h3 a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}

for (const lang of ['de', 'en'] as const) {
  test(`/${lang}/search/?q= finds an event by a word of its ${lang === 'de' ? 'German' : 'English'} summary`, async ({
    page,
  }) => {
    const errors = captureConsoleErrors(page);
    const { event, word } = distinctiveWord(lang);
    await page.goto(`/${lang}/search/?q=${encodeURIComponent(word)}`);
    await ready(page);
    await expect(page.locator('#search-q')).toHaveValue(word);
    expect(await resultHrefs(page)).toContain(`/${lang}/events/${event.id}/`);
    const hit = page.locator(`[data-search-result]:has(a[href="/${lang}/events/${event.id}/"])`);
    await expect(hit.locator('h3')).toHaveText(event.data.title[lang]!);
    await expect(hit.locator('.excerpt mark').first()).toBeVisible();
    // "Show on the timeline" carries the same words.
    await expect(page.locator('#search-timeline')).toHaveAttribute(
      'href',
      `/${lang}/timeline/?q=${encodeURIComponent(word)}`,
    );
    expect(errors).toEqual([]);
  });
}

test('a facet narrows the results and lives in the URL', async ({ page }) => {
  await page.goto('/en/search/?q=webex');
  await ready(page);
  const status = page.locator('#search-status');
  await expect(status).toContainText(/results? for/);
  const before = Number(/(\d+)/.exec((await status.textContent()) ?? '')![1]);
  // Facet groups start closed; opening one loads the filters and their counts for this search.
  await expect(page.locator('#search-facets input')).toHaveCount(0);
  await page.locator('#search-facets details[data-facet="kind"] > summary').click();
  const eventBox = page.locator('#search-facets input[name="kind"][value="event"]');
  const expected = Number(/\((\d+)\)/.exec((await eventBox.locator('xpath=..').textContent()) ?? '')![1]);
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(before);
  await eventBox.check();
  await expect(page).toHaveURL(/\/en\/search\/\?q=webex&kind=event$/);
  await expect(status).toHaveText(`${expected} result${expected === 1 ? '' : 's'} for “webex”`);
  for (const meta of await page.locator('[data-search-result] .meta').allTextContents()) expect(meta).toMatch(/^Event/);
  await page.reload();
  await ready(page);
  // A set filter opens its group.
  await expect(page.locator('#search-facets details[data-facet="kind"]')).toHaveAttribute('open', '');
  await expect(page.locator('#search-facets input[name="kind"][value="event"]')).toBeChecked();
  await expect(status).toHaveText(`${expected} result${expected === 1 ? '' : 's'} for “webex”`);
});

test('a long facet group shows its most frequent values first and the rest on demand', async ({ page }) => {
  await page.goto('/en/search/?q=webex');
  await ready(page);
  await page.locator('#search-facets details[data-facet="publisher"] > summary').click();
  const boxes = page.locator('#search-facets input[name="publisher"]');
  await expect(boxes.first()).toBeVisible();
  const all = page.locator('#search-facets details[data-facet="publisher"] button[data-all]');
  if ((await all.count()) === 0) {
    test.info().annotations.push({ type: 'skip', description: 'too few publishers for a long group' });
    return;
  }
  const shown = await boxes.count();
  const n = Number(/(\d+)/.exec((await all.textContent()) ?? '')![1]);
  const countsOf = async () =>
    (await page.locator('#search-facets details[data-facet="publisher"] .count').allTextContents()).map((t) =>
      Number(t.replace(/\D/g, '')),
    );
  const shownCounts = await countsOf();
  expect(shownCounts).toEqual([...shownCounts].sort((a, b) => b - a));
  await all.click();
  await expect(boxes).toHaveCount(n);
  expect(n).toBeGreaterThan(shown);
  await expect(page.locator('#search-facets details[data-facet="publisher"] input:focus')).toHaveCount(1);
});

test('the search page is an ordinary indexable page with a canonical address without the query', async ({ page }) => {
  await page.goto('/en/search/?q=webex');
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/en\/search\/$/);
});

test('pasting a query searches at once; results, status and the address follow', async ({ page }) => {
  await page.goto('/en/search/');
  await ready(page);
  await expect(page.locator('#search-status')).toHaveText(/Enter a search term/);
  await page.locator('#search-q').fill('webex');
  await expect(page.locator('[data-search-result]').first()).toBeVisible();
  await expect(page.locator('#search-status')).toContainText('for “webex”');
  await expect(page).toHaveURL(/\/en\/search\/\?q=webex$/);
  // Keystrokes search after a pause.
  await page.locator('#search-q').press('End');
  await page.locator('#search-q').press('Backspace');
  await expect(page.locator('#search-status')).toContainText('for “webe”');
  await expect(page).toHaveURL(/\/en\/search\/\?q=webe$/);
});

test('"show more" adds the next page of results below and moves focus to the first new one', async ({ page }) => {
  await page.goto('/en/search/?q=the');
  await ready(page);
  const results = page.locator('[data-search-result]');
  await expect(results).toHaveCount(10);
  await expect(page.locator('#search-more')).toBeVisible();
  await page.locator('#search-more').click();
  await expect(results).toHaveCount(20);
  await expect(results.nth(10).locator('h3 a')).toBeFocused();
});

test('back and forward restore the query and the facets', async ({ page }) => {
  await page.goto('/en/search/?q=webex');
  await ready(page);
  const status = page.locator('#search-status');
  await expect(status).toContainText('for “webex”');
  const all = (await status.textContent()) ?? '';
  await page.locator('#search-facets details[data-facet="kind"] > summary').click();
  const box = page.locator('#search-facets input[name="kind"][value="event"]');
  await box.check();
  await expect(page).toHaveURL(/\?q=webex&kind=event$/);
  await expect(status).not.toHaveText(all);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=webex$/);
  await expect(status).toHaveText(all);
  await expect(box).not.toBeChecked();
  await page.goForward();
  await expect(page).toHaveURL(/\?q=webex&kind=event$/);
  await expect(box).toBeChecked();
  await expect(page.locator('#search-clear')).toBeVisible();
});

test('a facet alone lists its pages; "clear filters" returns to the prompt', async ({ page }) => {
  await page.goto('/en/search/?kind=incident');
  await ready(page);
  await expect(page.locator('#search-status')).toHaveText(/^\d+ results?$/);
  for (const meta of await page.locator('[data-search-result] .meta').allTextContents())
    expect(meta).toMatch(/^Incident/);
  await page.locator('#search-clear').click();
  await expect(page).toHaveURL(/\/en\/search\/$/);
  await expect(page.locator('#search-status')).toHaveText('Enter a search term or choose a filter.');
  await expect(page.locator('[data-search-result]')).toHaveCount(0);
  await expect(page.locator('#search-facets input[name="kind"][value="incident"]')).not.toBeChecked();
});

test('when the index cannot be loaded, the page says so and links to the lists', async ({ page }) => {
  await page.route('**/pagefind/**', (route) => route.abort());
  await page.goto('/en/search/?q=webex');
  await expect(page.locator('#search-failed')).toBeVisible();
  await expect(page.locator('#search-ui')).toBeHidden();
  await expect(page.locator('#search-failed a[href="/en/timeline/"]')).toBeVisible();
});

test('the header search form opens the search page with its query', async ({ page }) => {
  await page.goto('/de/');
  await page.locator('#site-search').fill('Webex');
  await page.locator('#site-search').press('Enter');
  await expect(page).toHaveURL(/\/de\/search\/\?q=Webex$/);
  await ready(page);
  await expect(page.locator('[data-search-result]').first()).toBeVisible();
});

test('without JavaScript the search page explains itself and links to the timeline and lists', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/en/search/?q=webex');
  await expect(page.locator('main')).toContainText('Search needs JavaScript');
  await expect(page.locator('main a[href="/en/timeline/"]').first()).toBeVisible();
  await expect(page.locator('main a[href="/en/incidents/"]').first()).toBeVisible();
  await ctx.close();
});

for (const lang of ['de', 'en'] as const) {
  test(`the ${lang} search page with results has no axe violations and sends no request off the origin`, async ({
    page,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const off: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) off.push(r.url());
    });
    await page.goto(`/${lang}/search/?q=webex`);
    await ready(page);
    await expect(page.locator('[data-search-result]').first()).toBeVisible();
    await expectNoAxeViolations(page);
    // And with every facet group open.
    for (const summary of await page.locator('#search-facets details > summary').all()) await summary.click();
    await expect(page.locator('#search-facets details[data-facet="kind"] input').first()).toBeVisible();
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });
}
