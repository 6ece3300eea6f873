/**
 * Trust gates, run after every build (`astro:build:done`; the privacy scan starts at
 * `astro:build:generated`, see below). List this integration LAST in
 * astro.config.mjs: hooks run in list order, and the gates must see the Pagefind index and the
 * sitemap other integrations write in the same hook.
 *
 * 1. URLs never break: every URL in `urls/registry.txt` must still be built or be redirected in
 *    `redirects.yaml`; redirect pages and `_redirects` are written into the output.
 *    (Skipped when KONFERENZLECK_CONTENT_DIR swaps in another corpus.)
 * 2. Privacy: every file of the output — including Pagefind's compressed index and fragments — is
 *    scanned for meeting links, meeting numbers, access codes, e-mail addresses, phone numbers
 *    and names of protected persons. (The content gate scans the content files before the build.)
 * Any problem fails the build, naming file, line and rule.
 */
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblems, type Problem } from '../lib/problems.ts';
import { subscribeRendered, pageFile } from '../lib/build-stream.ts';
import {
  loadPrivacyLists,
  PrivacyStream,
  scanFolderParallel,
  type KnownScan,
  type PrivacyLists,
} from '../lib/privacy-scan.ts';
import {
  checkUrls,
  parseRedirects,
  parseRegistry,
  publishedUrls,
  servedUrls,
  writeRedirects,
} from '../lib/url-registry.ts';
import { CONTENT_SWAPPED, SITE_URL } from '../lib/settings.ts';

export class TrustGateError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(`Trust gates failed with ${problems.length} problem(s):\n${formatProblems(problems)}`);
    this.name = 'TrustGateError';
  }
}

export interface TrustGateOptions {
  /** Project root (default: Astro's root). */
  root?: string;
}

export default function trustGates(options: TrustGateOptions = {}): AstroIntegration {
  let root = options.root ?? process.cwd();
  let site = SITE_URL;
  let outDir = '';
  let stream: { privacy: PrivacyStream; lists: PrivacyLists; unsubscribe: () => void } | undefined;
  /** The scan of the output made while Pagefind wrote its index (`astro:build:generated`). */
  let early: Promise<{ known: Map<string, KnownScan>; stopped: string | undefined }> | undefined;
  return {
    name: 'konferenzleck:trust-gates',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = options.root ?? fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        if (config.site) site = config.site.replace(/\/+$/, '');
      },
      // Pages are scanned for the privacy gate while the build renders the next ones (a worker
      // thread): at the end only the files the stream did not see, or whose bytes changed, are scanned.
      'astro:build:start': () => {
        const lists = loadPrivacyLists(root);
        const privacy = new PrivacyStream(outDir, root, lists);
        const unsubscribe = subscribeRendered((pathname, html) =>
          privacy.add(path.join(outDir, pageFile(pathname)), html),
        );
        stream = { privacy, lists, unsubscribe };
      },
      // Once every page is written (and the citation files: src/integrations/downloads.ts runs before
      // this one), the output is scanned while Pagefind's process writes its index: every file but
      // those under pagefind/ (being written) and .prerender/ (Astro's bundle, deleted meanwhile).
      // At astro:build:done every file is read again, and a result from here stands only for a file
      // whose bytes still have the SHA-256 they had when scanned.
      'astro:build:generated': ({ dir }) => {
        const out = fileURLToPath(dir);
        const s = stream;
        if (!s || out !== outDir) return;
        early = (async () => {
          s.unsubscribe();
          const streamed = await s.privacy.finish();
          const first = await scanFolderParallel(out, s.lists, root, {
            known: streamed,
            skipDir: (d) => d === 'pagefind' || d === '.prerender',
            keep: true,
          });
          return { known: first.kept!, stopped: s.privacy.stopped };
        })();
        // Awaited at astro:build:done; until then a failure must not count as unhandled.
        early.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const problems: Problem[] = [];

        // 1. URL registry and redirects. What the build served is read before redirect pages exist.
        if (CONTENT_SWAPPED) {
          logger.info('url registry: skipped (KONFERENZLECK_CONTENT_DIR swaps in another corpus)');
        } else {
          const registryFile = path.join(root, 'urls/registry.txt');
          const redirectsFile = path.join(root, 'redirects.yaml');
          const registry = fs.existsSync(registryFile)
            ? parseRegistry(fs.readFileSync(registryFile, 'utf8'))
            : undefined;
          const declared = fs.existsSync(redirectsFile)
            ? parseRedirects(fs.readFileSync(redirectsFile, 'utf8'))
            : { redirects: [], problems: [] };
          const served = new Set(servedUrls(out));
          problems.push(...(registry?.problems ?? []), ...declared.problems);
          const { problems: urlProblems, resolved } = checkUrls(registry?.urls ?? [], declared.redirects, served, {
            registryLines: registry?.lines,
          });
          problems.push(...urlProblems);
          const pages = writeRedirects(out, resolved, site);
          if (!registry) {
            logger.warn(
              'url registry: urls/registry.txt does not exist yet: run `npm run urls:update` after this build and commit it',
            );
          } else {
            const known = new Set(registry.urls);
            const fresh = publishedUrls(out).filter((u) => !known.has(u));
            logger.info(
              `url registry: ${registry.urls.length} registered URL(s) checked, ${resolved.length} redirect(s) written (${pages} page(s))`,
            );
            if (fresh.length)
              logger.warn(
                `url registry: ${fresh.length} new URL(s) not yet registered (e.g. ${fresh.slice(0, 3).join(', ')}): run \`npm run urls:update\` and commit urls/registry.txt`,
              );
          }
        }

        // 2. Privacy: every file of the output. (Content files were scanned before the build by the
        // content gate, src/lib/personal-data.ts; this catches what only the rendered output shows:
        // text joined by markup, generated files, templates, public/ and bundled code.) On every core:
        // the findings are the same, in the same order, as a scan in one thread.
        // The lists the stream scanned with (read at build:start), so both halves use the same ones.
        const lists = stream?.lists ?? loadPrivacyLists(root);
        const t0 = performance.now();
        let known: ReadonlyMap<string, KnownScan> | undefined;
        let stopped: string | undefined;
        if (early) {
          ({ known, stopped } = await early);
          early = undefined;
        } else {
          stream?.unsubscribe();
          const streamed = await stream?.privacy.finish();
          // The stream's paths are inside the configured output folder: used only when that is the one built.
          known = out === outDir ? streamed : undefined;
          stopped = stream?.privacy.stopped;
        }
        stream = undefined;
        const dist = await scanFolderParallel(out, lists, root, { known });
        problems.push(...dist.problems);
        logger.info(
          `privacy gate: ${dist.scanned} output file(s) scanned in ${Math.round(performance.now() - t0)} ms after the search index was written ` +
            `(${dist.reused} of them while rendering or while the index was written${stopped && stopped !== 'finished' ? `, until ${stopped}` : ''}, read back unchanged) ` +
            `with ${dist.workers} thread(s)${dist.fallback ? ` (${dist.fallback})` : ''} ` +
            `(${dist.skipped.length} binary file(s) skipped: ${[...new Set(dist.skipped.map((s) => s.reason))].join(', ') || 'none'}), ${dist.problems.length} problem(s)`,
        );

        // The error's message lists every problem; Astro prints it and exits non-zero.
        if (problems.length) throw new TrustGateError(problems);
      },
    },
  };
}
