/**
 * Visible keyboard focus everywhere (WCAG 2.4.7, 2.4.11): on one page of every type, in both
 * languages, Tab walks through every focusable element, and each focused element must show a
 * focus indicator: a visible outline or a box-shadow, read from the computed style while focused.
 */
import { test, expect, type Page } from '@playwright/test';
import { pageTypes } from './helpers.ts';

const TYPES: Record<string, string> = {
  ...pageTypes(),
  timeline: '/timeline/',
  search: '/search/?q=Webex',
  charts: '/charts/',
  data: '/data/',
  corrections: '/corrections/',
};
const MAX_TABS = 400;

interface Focused {
  key: string;
  desc: string;
  visible: boolean;
  indicator: string;
}

/** The focused element and whether it shows a focus indicator. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    // Focus inside a shadow root or an iframe is not used on this site; the active element is it.
    if (!el || el === document.body || el === document.documentElement) return null;
    const cs = getComputedStyle(el);
    const outline =
      cs.outlineStyle !== 'none' &&
      parseFloat(cs.outlineWidth) > 0 &&
      cs.outlineColor !== 'transparent' &&
      !/rgba\(.*,\s*0\)$/.test(cs.outlineColor);
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const path: string[] = [];
    for (let n: Element | null = el; n && path.length < 4; n = n.parentElement) {
      path.unshift(
        `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${n.classList.length ? `.${[...n.classList].join('.')}` : ''}`,
      );
    }
    const r = el.getBoundingClientRect();
    return {
      key: `${path.join('>')}|${el.getAttribute('href') ?? ''}|${(el as HTMLInputElement).name ?? ''}|${(el as HTMLInputElement).value ?? ''}|${r.x},${r.y}`,
      desc: `${path.join(' > ')}${el.getAttribute('href') ? ` [href=${el.getAttribute('href')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
      visible: outline || shadow,
      indicator: outline
        ? `outline ${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}`
        : shadow
          ? `box-shadow ${cs.boxShadow}`
          : 'none',
    };
  });
}

for (const lang of ['de', 'en'] as const) {
  test(`${lang}: every focusable element of every page type shows a visible keyboard focus`, async ({ page }) => {
    test.setTimeout(600_000);
    const problems: string[] = [];
    let total = 0;
    for (const [type, p] of Object.entries(TYPES)) {
      const url = p === '/' ? `/${lang}/` : `/${lang}${p}`;
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      // Start from the top of the document, as a keyboard user arriving on the page does.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const seen = new Set<string>();
      let n = 0;
      for (let i = 0; i < MAX_TABS; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (!f) {
          if (n > 0) break; // focus left the document: the walk is complete
          continue;
        }
        if (seen.has(f.key)) break;
        seen.add(f.key);
        n++;
        if (!f.visible) problems.push(`${url} (${type}): no visible focus on ${f.desc}`);
      }
      expect(n, `${url}: Tab reached no element`).toBeGreaterThan(0);
      total += n;
    }
    console.log(
      `focus sweep (${lang}): ${Object.keys(TYPES).length} page type(s), ${total} focus stop(s) checked, ${problems.length} without a visible indicator`,
    );
    expect(problems).toEqual([]);
  });
}
