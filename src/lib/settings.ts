/**
 * Every setting of the site, read from the environment once, with defaults.
 * Pure module: usable from astro.config.mjs, scripts and tests alike.
 */
import path from 'node:path';

/** Canonical origin; the site is served at the root of its own domain, no base path. */
export const SITE_URL = (process.env['SITE_URL'] ?? 'https://konferenzleck.org').replace(/\/+$/, '');

/** The public repository, for edit links and issue forms. */
export const REPO_URL = (process.env['REPO_URL'] ?? 'https://github.com/konferenzleck/konferenzleck').replace(
  /\/+$/,
  '',
);

/** The branch edit links point to. */
export const REPO_BRANCH = process.env['REPO_BRANCH'] ?? 'main';

/** Content root, relative to the project root or absolute (a test or benchmark corpus can be swapped in). */
export const CONTENT_DIR_SETTING = process.env['KONFERENZLECK_CONTENT_DIR'] ?? 'src/content';

/** Absolute path of the content root. */
export function contentDir(root: string = process.cwd()): string {
  return path.resolve(root, CONTENT_DIR_SETTING);
}

/** True when the content root is not the project's own (benchmarks, canary tests). */
export const CONTENT_SWAPPED = path.resolve(CONTENT_DIR_SETTING) !== path.resolve('src/content');

/** The one public contact address for corrections (allow-listed by the privacy gate). */
export const CONTACT_EMAIL = 'korrekturen@konferenzleck.org';

/** Languages, the primary first. */
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'de';

/** The date the research in the repository was retrieved and the date "today" is compared against. */
export function today(): string {
  return process.env['KONFERENZLECK_TODAY'] ?? new Date().toISOString().slice(0, 10);
}

/**
 * Incident pages list their events in full (summary, badges, sources) up to this many events and
 * one line per event above it, so a large incident's page stays within its DOM budget (issue 9).
 */
export const COMPACT_EVENT_LIST_ABOVE = 40;

/** The home page shows at most this many incidents (the most recently begun) and links to all. */
export const HOME_INCIDENTS = 12;
