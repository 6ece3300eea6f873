import { test, expect } from '@playwright/test';
import { content } from './helpers.ts';

const c = content();

test.describe('print', () => {
  test('in print the incident page hides the navigation and keeps the sources and the citation', async ({ page }) => {
    const id = c.incidents[0]!.id;
    await page.goto(`/de/incidents/${id}/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header nav')).toBeHidden();
    await expect(page.locator('.search-form')).toBeHidden();
    await expect(page.locator('#h-sources')).toBeVisible();
    await expect(page.locator('.src-list li').first()).toBeVisible();
    await expect(page.locator('#cite-din')).toBeVisible();
  });

  test('on screen the brief keeps the language switch and links', async ({ page }) => {
    const id = c.incidents[0]!.id;
    await page.goto(`/en/incidents/${id}/brief/`);
    await expect(page.locator('.lang-switch')).toBeVisible();
    await expect(page.locator('.brief .no-print a')).toBeVisible();
  });

  test('in print the brief shows only the brief: summary, key dates, sources, citation and address', async ({
    page,
  }) => {
    const id = c.incidents[0]!.id;
    await page.goto(`/de/incidents/${id}/brief/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    for (const h of ['#b-summary', '#b-dates', '#b-sources', '#b-cite']) await expect(page.locator(h)).toBeVisible();
    await expect(page.locator('.brief-cite')).toContainText('Verfügbar unter');
    // No table is cut off at the right edge.
    const overflow = await page
      .locator('.brief table')
      .evaluateAll((ts) => ts.filter((t) => t.scrollWidth > t.clientWidth + 1).length);
    expect(overflow).toBe(0);
  });

  for (const incident of c.incidents) {
    for (const lang of ['de', 'en'] as const) {
      test(`the printed brief of ${incident.id} (${lang}) fits on at most two A4 pages`, async ({ page }) => {
        await page.goto(`/${lang}/incidents/${incident.id}/brief/`);
        await page.emulateMedia({ media: 'print' });
        const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
        const pages = (pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(2);
      });
    }
  }
});
