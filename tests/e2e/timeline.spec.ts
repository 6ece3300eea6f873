import { test, expect, type Page } from '@playwright/test';
import { captureConsoleErrors, content, expectNoAxeViolations } from './helpers.ts';
import { LIST_MAX_EVENTS } from '../../src/lib/timeline/groups.ts';
import { fold } from '../../src/lib/timeline/text.ts';
import { CHUNK } from '../../src/scripts/timeline/list.ts';

interface Ev {
  id: string;
  data: {
    incident: string;
    date: { on: string };
    title: { de: string; en: string };
    summary: { de: string; en: string };
  };
}
const events = () => content().events as unknown as Ev[];
const visibleItems = (page: Page) => page.locator('#tl-list ol.events > li:visible');

async function ready(page: Page) {
  await expect(page.locator('#timeline')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
}

/** An incident with events, but not all of them (so filtering by it changes the list). */
function someIncident(): { id: string; count: number } {
  const counts = new Map<string, number>();
  for (const e of events()) counts.set(e.data.incident, (counts.get(e.data.incident) ?? 0) + 1);
  const [id, count] = [...counts].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  return { id, count };
}

test('a filter changes the list and the URL, and a reload keeps it', async ({ page }) => {
  const errors = captureConsoleErrors(page);
  const total = events().length;
  const inc = someIncident();
  await page.goto('/de/timeline/');
  await ready(page);
  // Up to the threshold (LIST_MAX_EVENTS, or what the build was given) the page holds every
  // event; above it the script renders them a page (CHUNK) at a time.
  const full = (await page.locator('#timeline').getAttribute('data-mode')) === 'full';
  const listed = (n: number) => (full ? n : Math.min(n, CHUNK));
  await expect(visibleItems(page)).toHaveCount(listed(total));
  await page.locator(`#tl-filters input[name="incident"][value="${inc.id}"]`).check();
  await expect(page).toHaveURL(new RegExp(`/de/timeline/\\?incident=${inc.id}$`));
  await expect(page.locator('#timeline')).toHaveAttribute('data-shown', String(inc.count));
  await expect(visibleItems(page)).toHaveCount(listed(inc.count));
  await expect(page.locator('#tl-count')).toHaveText(`${inc.count} von ${total} Ereignissen`);
  await page.reload();
  await ready(page);
  await expect(page.locator(`#tl-filters input[name="incident"][value="${inc.id}"]`)).toBeChecked();
  await expect(visibleItems(page)).toHaveCount(listed(inc.count));
  // Back to everything with the one control that clears all.
  await page.locator('#tl-filters .tl-clear').click();
  await expect(page).toHaveURL(/\/de\/timeline\/$/);
  await expect(visibleItems(page)).toHaveCount(listed(total));
  await expect(page.locator('#tl-count')).toHaveText(`${total} Ereignisse`);
  expect(errors).toEqual([]);
});

test('the text filter ignores case and diacritics and is shared through the URL', async ({ page }) => {
  // A word with an umlaut from a real title, typed without it and in capitals.
  const hasUmlaut = (w: string) => /[äöüß]/i.test(w);
  const ev =
    events().find((e) => e.data.title.de.split(/[^\p{L}]+/u).some((w) => w.length >= 4 && hasUmlaut(w))) ??
    events()[0]!;
  const words = ev.data.title.de.split(/[^\p{L}]+/u).filter((w) => w.length >= 4);
  const word = words.find(hasUmlaut) ?? words[0]!;
  const q = fold(word).toUpperCase();
  await page.goto(`/de/timeline/?q=${encodeURIComponent(q)}`);
  await ready(page);
  await expect(page.locator('#tl-q')).toHaveValue(q);
  await expect(page.locator(`#event-${ev.id}`)).toBeVisible();
  const expected = events().filter((e) => fold(`${e.data.title.de} ${e.data.summary.de}`).includes(fold(word))).length;
  await expect(page.locator('#timeline')).toHaveAttribute('data-shown', String(expected));
});

test('keyboard only, a user reaches an event in the visual timeline and opens it', async ({ page }) => {
  await page.goto('/en/timeline/');
  await ready(page);
  let reached = false;
  for (let i = 0; i < 2000 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'tl-chart');
  }
  expect(reached, 'Tab reaches the chart').toBe(true);
  await page.keyboard.press('ArrowRight');
  const announced = (await page.locator('#tl-chart-live').textContent()) ?? '';
  expect(announced).toMatch(/Event \d+ of \d+ in this lane\.$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/events\/[^/]+\/$/);
  const id = /\/events\/([^/]+)\/$/.exec(page.url())![1]!;
  const ev = events().find((e) => e.id === id)!;
  expect(announced).toContain(ev.data.title.en);
  await expect(page.locator('h1')).toHaveText(ev.data.title.en);
});

test('Escape leaves the chart and the arrow keys move between events', async ({ page }) => {
  await page.goto('/en/timeline/');
  await ready(page);
  await page.locator('#tl-chart').focus();
  const first = await page.locator('#tl-chart-live').textContent();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  expect(await page.locator('#tl-chart-live').textContent()).toBe(first);
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('tl-chart');
});

test('with JavaScript disabled the list shows every event, filters or not, and says so', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const all = events();
  await page.goto('/de/timeline/?type=media-report&q=nothing-matches-this');
  await expect(page.locator('main')).toContainText('Die Filter brauchen JavaScript');
  if ((await page.locator('#timeline').getAttribute('data-mode')) === 'full') {
    expect(all.length).toBeLessThanOrEqual(LIST_MAX_EVENTS);
    await expect(page.locator('#tl-list ol.events > li')).toHaveCount(all.length);
  } else {
    // A large register lists its events on the year pages.
    const years = await page
      .locator('.tl-years a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    let n = 0;
    for (const y of years) {
      await page.goto(y);
      n += await page.locator('ol.events > li').count();
    }
    expect(n).toBe(all.length);
  }
  await ctx.close();
});

test('a link to #event-{id} scrolls to and highlights that event', async ({ page }) => {
  const ev = events()[Math.floor(events().length / 2)]!;
  await page.goto(`/en/timeline/#event-${ev.id}`);
  await ready(page);
  const li = page.locator(`#event-${ev.id}`);
  await expect(li).toHaveClass(/tl-highlight/);
  await expect(li).toBeInViewport();
});

test('the incident page links to the timeline filtered to that incident', async ({ page }) => {
  const inc = someIncident();
  await page.goto(`/en/incidents/${inc.id}/`);
  await page.locator(`a[href="/en/timeline/?incident=${inc.id}"]`).first().click();
  await ready(page);
  await expect(page.locator('#timeline')).toHaveAttribute('data-shown', String(inc.count));
  await expect(page.locator(`#tl-filters input[name="incident"][value="${inc.id}"]`)).toBeChecked();
});

for (const lang of ['de', 'en'] as const) {
  test(`the ${lang} timeline has no axe violations, with the chart drawn and focused`, async ({ page }) => {
    await page.goto(`/${lang}/timeline/`);
    await ready(page);
    await page.locator('#tl-chart').focus();
    await expectNoAxeViolations(page);
  });

  test(`the ${lang} timeline sends no request off the origin`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const off: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) off.push(r.url());
    });
    await page.goto(`/${lang}/timeline/?q=webex`);
    await ready(page);
    await page.locator('#tl-chart').hover();
    expect(off).toEqual([]);
  });
}

test('the timeline loads its data files as their gzip twins, and the plain JSON without DecompressionStream', async ({
  browser,
}) => {
  const loaded = async (init?: () => void) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    if (init) await page.addInitScript(init);
    const data: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/v1/timeline-')) data.push(path);
    });
    await page.goto('/en/timeline/');
    // Ready only once the data is read and decoded (a failed load leaves it unset).
    await ready(page);
    await ctx.close();
    return data;
  };
  const packed = await loaded();
  expect(packed).toContain('/api/v1/timeline-en.json.gz');
  expect(packed.every((p) => p.endsWith('.json.gz'))).toBe(true);
  const plain = await loaded(() => {
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  });
  expect(plain).toContain('/api/v1/timeline-en.json');
  expect(plain.every((p) => p.endsWith('.json'))).toBe(true);
});

test('a year page lists the events of that year without JavaScript', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const year = events()[0]!.data.date.on.slice(0, 4);
  const res = await page.goto(`/de/timeline/${year}/`);
  expect(res?.status()).toBe(200);
  const ids = await page.locator('ol.events > li').evaluateAll((lis) => lis.map((li) => li.id.replace(/^event-/, '')));
  expect(ids).toContain(events()[0]!.id);
  await ctx.close();
});
