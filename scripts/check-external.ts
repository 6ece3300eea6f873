/**
 * `npm run check:external` — for maintainers, not for CI (CI has no network): checks every source
 * address (url, retrievedVia, archiveUrl) live. HEAD first, GET when HEAD is refused; a timeout per
 * request; four requests at a time. Reports dead addresses (HTTP ≥ 400 or no answer) with the
 * source file, and exits 1 when there are any. Run it before a release and now and then.
 *
 *   npx tsx scripts/check-external.ts [--timeout 20] [--only src-id,src-id]
 */
import { readContent, type Entry } from '../src/lib/content-files.ts';
import type { SourceData } from '../src/lib/schemas.ts';
import { contentDir } from '../src/lib/settings.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const TIMEOUT_MS = Number(opt('--timeout') ?? 20) * 1000;
const ONLY = opt('--only')?.split(',');
const CONCURRENCY = 4;
const HEADERS = {
  'user-agent': 'konferenzleck-link-check/1 (+https://konferenzleck.org)',
  accept: 'text/html,application/xhtml+xml,application/pdf,*/*;q=0.8',
};

interface Check {
  source: string;
  file: string;
  field: 'url' | 'retrievedVia' | 'archiveUrl';
  url: string;
}
type Outcome = { ok: true; status: number; via: 'HEAD' | 'GET' } | { ok: false; status?: number; error: string };

async function request(url: string, method: 'HEAD' | 'GET'): Promise<Response> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(url, { method, headers: HEADERS, redirect: 'follow', signal: ctrl.signal });
    if (method === 'GET') await res.body?.cancel();
    return res;
  } finally {
    clearTimeout(timer);
  }
}

async function probe(url: string): Promise<Outcome> {
  try {
    const head = await request(url, 'HEAD');
    if (head.ok) return { ok: true, status: head.status, via: 'HEAD' };
  } catch {
    // Some servers drop HEAD requests; GET decides.
  }
  try {
    const get = await request(url, 'GET');
    if (get.ok) return { ok: true, status: get.status, via: 'GET' };
    return {
      ok: false,
      status: get.status,
      error: `HTTP ${get.status}${get.status === 429 ? ' (rate limited: try again later)' : get.status === 403 ? ' (may be a bot block: check in a browser)' : ''}`,
    };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return {
      ok: false,
      error: err.name === 'AbortError' ? `no answer within ${TIMEOUT_MS / 1000} s` : (err.cause?.code ?? err.message),
    };
  }
}

const { content } = readContent(contentDir());
const checks: Check[] = [];
for (const e of content.sources as Entry<SourceData>[]) {
  if (ONLY && !ONLY.includes(e.id)) continue;
  for (const field of ['url', 'retrievedVia', 'archiveUrl'] as const) {
    const url = e.data[field];
    if (url) checks.push({ source: e.id, file: e.file, field, url });
  }
}

let next = 0;
let done = 0;
const dead: (Check & { error: string })[] = [];
async function worker() {
  while (next < checks.length) {
    const c = checks[next++]!;
    const r = await probe(c.url);
    done++;
    if (!r.ok) dead.push({ ...c, error: r.error });
    process.stdout.write(
      `${r.ok ? 'ok  ' : 'DEAD'} ${String(done).padStart(4)}/${checks.length} ${c.source} ${c.field} ${c.url}${r.ok ? '' : ` — ${r.error}`}\n`,
    );
  }
}
await Promise.all(Array.from({ length: Math.min(CONCURRENCY, checks.length) }, worker));

console.log(
  `\n${checks.length} address(es) of ${new Set(checks.map((c) => c.source)).size} source(s) checked: ${checks.length - dead.length} ok, ${dead.length} dead`,
);
for (const d of dead)
  console.log(
    `${d.file}: ${d.field}: ${d.url} — ${d.error}${d.field === 'url' ? ' (add an archiveUrl, or a note on where the text is now)' : ''}`,
  );
if (
  dead.length &&
  dead.length === checks.length &&
  dead.every((d) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(d.error))
) {
  console.log('Every address failed to resolve: this machine probably has no network access (the check needs it).');
}
process.exit(dead.length ? 1 : 0);
