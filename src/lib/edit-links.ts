/**
 * Links for "suggest a correction" on every page: edit the exact source file in the public
 * repository, open a prefilled GitHub issue form, or write to the project's contact address
 * (for people without a GitHub account). Pure: settings only, no Astro.
 */
import { CONTACT_EMAIL, REPO_BRANCH, REPO_URL } from './settings.ts';

/** The issue forms under `.github/ISSUE_TEMPLATE/` (a unit test checks each exists). */
export const ISSUE_TEMPLATES = ['correction.yml', 'new-event.yml', 'new-source.yml'] as const;
export type IssueTemplate = (typeof ISSUE_TEMPLATES)[number];

const encodePath = (file: string) => file.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');

/** Edit URL of a repository file (path relative to the repository root, e.g. `src/content/events/x.yaml`). */
export function editUrl(file: string): string {
  return `${REPO_URL}/edit/${REPO_BRANCH}/${encodePath(file)}`;
}

/** URL to view a repository file (its history is one click away). */
export function viewUrl(file: string): string {
  return `${REPO_URL}/blob/${REPO_BRANCH}/${encodePath(file)}`;
}

/**
 * URL of a prefilled GitHub issue form. `page` prefills the form's `page` field (GitHub fills a
 * field whose id matches a query parameter); `title` prefills the issue title.
 */
export function issueUrl(opts: {
  template: IssueTemplate;
  page?: string | undefined;
  title?: string | undefined;
}): string {
  const q = new URLSearchParams({ template: opts.template });
  if (opts.title) q.set('title', opts.title);
  if (opts.page) q.set('page', opts.page);
  return `${REPO_URL}/issues/new?${q.toString()}`;
}

/** `mailto:` link to the project contact, with the page in the subject (no GitHub account needed). */
export function mailUrl(opts: { subject: string; page?: string | undefined }): string {
  const subject = opts.page ? `${opts.subject}: ${opts.page}` : opts.subject;
  return `mailto:${CONTACT_EMAIL}?subject=${encodeURIComponent(subject)}`;
}
