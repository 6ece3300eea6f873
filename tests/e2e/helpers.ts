/** Shared helpers for browser tests: real content ids, console capture, axe with WCAG 2.2 AA tags. */
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readContent } from '../../src/lib/content-files.ts';
import { contentDir } from '../../src/lib/settings.ts';
import { compareDates } from '../../src/lib/dates.ts';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function content() {
  return readContent(contentDir()).content;
}

/** One URL path per page type (without the /{lang} prefix), from the real content. */
export interface PageTypes {
  home: string;
  incidents: string;
  incident: string;
  event: string;
  sources: string;
  source: string;
  actors: string;
  actor: string;
  about: string;
  aboutTopic: string;
  glossary: string;
}

export function pageTypes(): PageTypes {
  const c = content();
  const incident =
    c.incidents.find((i) => c.events.some((e) => (e.data as { incident: string }).incident === i.id)) ??
    c.incidents[0]!;
  const event = c.events[0]!;
  const source = c.sources[0]!;
  const actor = c.actors[0]!;
  const topic = c.about[0]!.id.split('/')[0]!;
  return {
    home: '/',
    incidents: '/incidents/',
    incident: `/incidents/${incident.id}/`,
    event: `/events/${event.id}/`,
    sources: '/sources/',
    source: `/sources/${source.id}/`,
    actors: '/actors/',
    actor: `/actors/${actor.id}/`,
    about: '/about/',
    aboutTopic: `/about/${topic}/`,
    glossary: '/glossary/',
  };
}

/** Events of an incident in the order the register must show them. */
export function orderedEventIds(incidentId: string): string[] {
  return content()
    .events.filter((e) => (e.data as { incident: string }).incident === incidentId)
    .sort((a, b) =>
      compareDates((a.data as { date: { on: string } }).date, (b.data as { date: { on: string } }).date, a.id, b.id),
    )
    .map((e) => e.id);
}

export function captureConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
