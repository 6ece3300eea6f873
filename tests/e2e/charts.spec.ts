/**
 * The charts page in both languages: every chart shows its summary, table, source, method, as-of
 * date and downloads; the downloads hold exactly the numbers of the table; it all works without
 * JavaScript; axe (WCAG 2.2 AA tags) finds nothing.
 */
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { content, WCAG_TAGS } from './helpers.ts';
import { readDatasets } from '../../src/lib/dataset-schema.ts';
import { INCIDENT_THRESHOLD } from '../../src/lib/charts/register-charts.ts';
import { contentDir } from '../../src/lib/settings.ts';

const LANGS = ['de', 'en'] as const;

/** Each table row as [row heading, ...data-value of each cell] (the raw value behind the shown text). */
async function tableRows(page: Page, figure: string): Promise<string[][]> {
  return page
    .locator(`${figure} table.chart-table tbody tr`)
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('th')!.textContent!.trim(),
        ...[...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-value') ?? ''),
      ]),
    );
}

for (const lang of LANGS) {
  test.describe(`charts page (${lang})`, () => {
    test(`every chart on /${lang}/charts/ shows its summary, table, source, method, as-of date and downloads`, async ({
      page,
    }) => {
      await page.goto(`/${lang}/charts/`);
      const figures = page.locator('figure.chart');
      const n = await figures.count();
      expect(n).toBeGreaterThanOrEqual(3); // at least the register-wide charts: events, milestones, sources
      for (let i = 0; i < n; i++) {
        const f = figures.nth(i);
        const id = await f.getAttribute('data-chart');
        await expect(f.locator('figcaption .chart-title')).not.toBeEmpty();
        await expect(f.locator('.chart-summary')).toHaveText(/\S.{20,}\./);
        const svg = f.locator('svg[role="img"]');
        await expect(svg).toHaveCount(1);
        await expect(svg).toHaveAttribute('aria-labelledby', `${id}-title`);
        await expect(svg).toHaveAttribute('aria-describedby', `${id}-desc`);
        await expect(f.locator(`svg desc#${id}-desc`)).not.toBeEmpty();
        await expect(f.locator('table.chart-table caption')).not.toBeEmpty();
        await expect(f.locator('table.chart-table tbody tr').first()).toBeVisible();
        await expect(f.locator('.chart-meta dd')).toHaveCount(3);
        await expect(f.locator('.chart-meta time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
        await expect(f.locator(`a[href="/${lang}/charts/${id}.csv"]`)).toBeVisible();
        await expect(f.locator(`a[href="/${lang}/charts/${id}.json"]`)).toBeVisible();
      }
    });

    test(`the downloads of every chart on /${lang}/charts/ hold the same numbers as its table`, async ({
      page,
      request,
    }) => {
      await page.goto(`/${lang}/charts/`);
      const ids = await page.locator('figure.chart').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-chart')!));
      for (const id of ids) {
        const fig = `figure[data-chart="${id}"]`;
        const rows = await tableRows(page, fig);
        const columns = await page.locator(`${fig} table.chart-table thead th`).allTextContents();
        const csvRes = await request.get(`/${lang}/charts/${id}.csv`);
        expect(csvRes.ok()).toBe(true);
        expect(csvRes.headers()['content-type']).toContain('text/csv');
        const csv = parse(await csvRes.text()) as string[][];
        expect(csv[0], `${id}.csv header`).toEqual(columns.map((c) => c.trim()));
        expect(csv.slice(1), `${id}.csv rows`).toEqual(rows);
        const json = (await (await request.get(`/${lang}/charts/${id}.json`)).json()) as {
          columns: string[];
          rows: (string | number | null)[][];
        };
        expect(json.columns).toEqual(csv[0]);
        expect(json.rows.map((r) => r.map((v) => (v === null ? '' : String(v))))).toEqual(rows);
        // The number shown is the number behind it.
        const shown = await page
          .locator(`${fig} td.num`)
          .evaluateAll((tds) =>
            tds.map((td) => [td.textContent!.replace(/[^\d-]/g, ''), td.getAttribute('data-value')]),
          );
        for (const [text, value] of shown) expect(text).toBe(value);
      }
    });

    test(`/${lang}/charts/ is complete without JavaScript`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/${lang}/charts/`);
      const n = await page.locator('figure.chart').count();
      expect(n).toBeGreaterThanOrEqual(3); // at least the register-wide charts: events, milestones, sources
      await expect(page.locator('figure.chart svg[role="img"]')).toHaveCount(n);
      await expect(page.locator('figure.chart table.chart-table')).toHaveCount(n);
      for (const t of await page.locator('figure.chart table.chart-table').all()) await expect(t).toBeVisible();
      await context.close();
    });

    test(`/${lang}/charts/ shows a chart for each dataset, or says there is none`, async ({ page }) => {
      await page.goto(`/${lang}/charts/`);
      const { datasets } = readDatasets(path.join(contentDir(), 'datasets'));
      await expect(page.locator('figure.chart[data-chart^="dataset-"]')).toHaveCount(datasets.length);
      await expect(page.locator('.no-datasets')).toHaveCount(datasets.length === 0 ? 1 : 0);
    });

    test(`/${lang}/charts/ shows each incident's own charts up to the threshold, and above it links to them on the incident pages`, async ({
      page,
    }) => {
      await page.goto(`/${lang}/charts/`);
      const perIncident = page.locator('figure.chart[data-chart^="affected-"], figure.chart[data-chart^="figures-"]');
      const links = page.locator('.incident-chart-links li a');
      if (content().incidents.length <= INCIDENT_THRESHOLD) {
        await expect(page.locator('.incident-chart-links')).toHaveCount(0);
        expect(await perIncident.count()).toBeGreaterThan(0);
        return;
      }
      await expect(perIncident).toHaveCount(0);
      await expect(
        page.locator('figure.chart[data-chart^="events-"]:not([data-chart="events-per-month"])'),
      ).toHaveCount(0);
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(INCIDENT_THRESHOLD);
      for (const href of hrefs) expect(href).toMatch(new RegExp(`^/${lang}/incidents/([^/]+)/#charts-\\1$`));
      // The link leads to the incident's charts, whose downloads are where they always were.
      await page.goto(hrefs[0]!);
      const section = page.locator(`#${hrefs[0]!.split('#')[1]!}`);
      await expect(section).toBeVisible();
      const id = await page.locator('.incident-charts figure.chart').first().getAttribute('data-chart');
      expect((await page.request.get(`/${lang}/charts/${id}.csv`)).ok()).toBe(true);
    });

    test(`axe finds no WCAG 2.2 AA violation on /${lang}/charts/`, async ({ page }) => {
      await page.goto(`/${lang}/charts/`);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  });
}
