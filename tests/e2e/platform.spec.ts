import { test, expect } from '@playwright/test';
import { captureConsoleErrors, expectNoAxeViolations, orderedEventIds, pageTypes } from './helpers.ts';

const types = pageTypes();

for (const lang of ['de', 'en'] as const) {
  for (const [type, path] of Object.entries(types)) {
    test(`the ${type} page renders in ${lang} with its language, last change and correction links, without console errors or axe violations`, async ({
      page,
    }) => {
      const errors = captureConsoleErrors(page);
      const res = await page.goto(`/${lang}${path}`);
      expect(res?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('.site-footer .suggest a').first()).toBeVisible();
      await expect(page.locator('a.lang-switch')).toHaveAttribute('href', `/${lang === 'de' ? 'en' : 'de'}${path}`);
      await expect(page.locator('.site-footer .last-change time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });
  }
}

test('the language switch lands on the same page in the other language', async ({ page }) => {
  await page.goto(`/de${types.event}`);
  await page.locator('a.lang-switch').click();
  await expect(page).toHaveURL(new RegExp(`/en${types.event}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('a.lang-switch').click();
  await expect(page).toHaveURL(new RegExp(`/de${types.event}$`));
});

test('an incident page lists its events in date order, each with its date precision', async ({ page }) => {
  const id = types.incident.split('/')[2]!;
  await page.goto(`/en/incidents/${id}/`);
  const ids = await page.locator('ol.events > li').evaluateAll((els) => els.map((e) => e.id.replace(/^event-/, '')));
  expect(ids).toEqual(orderedEventIds(id));
  const precisions = await page
    .locator('ol.events > li time[data-precision]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-precision')));
  expect(precisions.length).toBe(ids.length);
  for (const p of precisions) expect(['year', 'month', 'day']).toContain(p);
});

test('the root page offers both languages with hreflang alternates', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('link[rel=alternate][hreflang=de]')).toHaveAttribute('href', /\/de\/$/);
  await expect(page.locator('link[rel=alternate][hreflang=en]')).toHaveAttribute('href', /\/en\/$/);
  await expect(page.locator('a[hreflang=de]')).toHaveAttribute('href', '/de/');
  await expect(page.locator('a[hreflang=en]')).toHaveAttribute('href', '/en/');
  await expectNoAxeViolations(page);
});

test('an unknown address gets the bilingual 404 page with a search form', async ({ page }) => {
  const res = await page.goto('/de/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('form[action="/de/search/"]')).toHaveCount(1);
  await expect(page.locator('form[action="/en/search/"]')).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test('reading pages are complete without JavaScript', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const id = types.incident.split('/')[2]!;
  await page.goto(`/de/incidents/${id}/`);
  await expect(page.locator('ol.events > li')).toHaveCount(orderedEventIds(id).length);
  await expect(page.locator('#h-sources')).toBeVisible();
  await ctx.close();
});
