import { test, expect } from '@playwright/test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { content, expectNoAxeViolations } from './helpers.ts';

const c = content();
const incident = c.incidents[0]!;
const event = c.events[0]!;

test.describe('cite this', () => {
  for (const [kind, id] of [
    ['incidents', incident.id],
    ['events', event.id],
  ] as const) {
    test(`the ${kind} page carries citation meta tags and schema.org JSON-LD`, async ({ page }) => {
      await page.goto(`/de/${kind}/${id}/`);
      for (const name of [
        'citation_title',
        'citation_publisher',
        'citation_publication_date',
        'citation_online_date',
        'citation_public_url',
        'citation_language',
      ]) {
        await expect(page.locator(`meta[name="${name}"]`), name).toHaveCount(1);
      }
      const publicUrl = await page.locator('meta[name="citation_public_url"]').getAttribute('content');
      expect(publicUrl).toMatch(new RegExp(`/de/${kind}/${id}/v/\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{8}/$`));
      const ld = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').first().textContent())!,
      ) as Record<string, unknown>;
      expect(ld['@type']).toBe(kind === 'incidents' ? 'Article' : 'CreativeWork');
      expect(ld).toHaveProperty('version');
      expect(ld).toHaveProperty('dateModified');
      expect(ld).toHaveProperty('isPartOf');
    });
  }

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('all five citation formats are readable, and there are no copy buttons', async ({ page }) => {
      await page.goto(`/en/incidents/${incident.id}/`);
      const formats = page.locator('.cite-this details');
      await expect(formats).toHaveCount(5);
      for (let i = 0; i < 5; i++) {
        const d = formats.nth(i);
        if ((await d.getAttribute('open')) === null) await d.locator('summary').click();
        await expect(d.locator('pre')).toBeVisible();
      }
      await expect(page.locator('.cite-this pre#cite-apa')).toContainText('Retrieved');
      await expect(page.locator('.cite-this pre#cite-din')).toContainText('Zugriff am');
      await expect(page.locator('.copy-button')).toHaveCount(0);
    });
  });

  test('with JavaScript each format gets a copy button and the retrieval day becomes today', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/en/events/${event.id}/`);
    await expect(page.locator('.cite-this .copy-button')).toHaveCount(5);
    const now = new Date();
    const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    await expect(page.locator('#cite-bibtex [data-accessed]')).toHaveText(iso);
    await page.locator('#cite-apa + .copy-button').click();
    await expect(page.locator('[data-copy-status]')).toHaveText('Copied to the clipboard');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Konferenzleck. (');
    expect(copied).toContain(`/en/events/${event.id}/v/`);
  });

  test('the downloads are BibTeX, RIS and CSL-JSON that citation-js reads back with title, URL and version', async ({
    page,
    request,
  }) => {
    await page.goto(`/de/incidents/${incident.id}/`);
    const links = page.locator('.cite-download a');
    await expect(links).toHaveCount(3);
    const title = (incident.data as { title: { de: string } }).title.de;
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const res = await request.get(href);
      expect(res.status(), href).toBe(200);
      const [item] = new Cite(await res.text()).data as {
        title: string;
        URL: string;
        version?: string;
        note?: string;
      }[];
      expect(item?.title, href).toBe(title);
      expect(item?.URL, href).toMatch(/\/v\/\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\/$/);
      expect(`${item?.version ?? ''} ${item?.note ?? ''}`, href).toMatch(/\d{4}-\d{2}-\d{2}-[0-9a-f]{8}/);
    }
  });

  test('"cite this version" leads to the permanent address, which shows the same text and its version', async ({
    page,
  }) => {
    await page.goto(`/de/incidents/${incident.id}/`);
    const summary = await page.locator('article .lede').first().textContent();
    await page.locator('.version-info a[rel="bookmark"]').click();
    await expect(page).toHaveURL(new RegExp(`/de/incidents/${incident.id}/v/\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{8}/$`));
    await expect(page.locator('.version-notice')).toHaveAttribute('data-version-status', 'current');
    await expect(page.locator('article .lede').first()).toHaveText(summary!);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  });

  test('narrative paragraphs have anchors with a visible link, the same on the live page and its version page', async ({
    page,
  }) => {
    await page.goto(`/de/incidents/${incident.id}/`);
    const ids = await page.locator('.narrative p[id^="p-"]').evaluateAll((ps) => ps.map((p) => p.id));
    expect(ids.length).toBeGreaterThan(0);
    const first = page.locator(`#${ids[0]} a.para-link`);
    await expect(first).toBeVisible();
    await expect(first).toHaveAttribute('href', `#${ids[0]}`);
    await expect(first).toHaveAccessibleName('Link zu diesem Absatz');
    const versionHref = await page.locator('.version-info a[rel="bookmark"]').getAttribute('href');
    await page.goto(`${versionHref}#${ids[0]}`);
    expect(await page.locator('.narrative p[id^="p-"]').evaluateAll((ps) => ps.map((p) => p.id))).toEqual(ids);
  });

  test('version pages (left out of the sitemap) and the brief pass axe with WCAG 2.2 AA rules', async ({ page }) => {
    await page.goto(`/de/incidents/${incident.id}/`);
    const versionHref = await page.locator('.version-info a[rel="bookmark"]').getAttribute('href');
    for (const url of [versionHref!, versionHref!.replace('/de/', '/en/'), `/en/incidents/${incident.id}/brief/`]) {
      await page.goto(url);
      await expectNoAxeViolations(page);
    }
    await page.goto(`/en/events/${event.id}/`);
    await page.goto((await page.locator('.version-info a[rel="bookmark"]').getAttribute('href'))!);
    await expectNoAxeViolations(page);
  });
});
