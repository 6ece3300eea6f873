/**
 * `npm run urls:update` — adds every URL of the built site (default `dist`) to urls/registry.txt.
 * The registry only grows: a URL that was published stays registered, and the build then requires
 * it to resolve or to be redirected (redirects.yaml).
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatRegistry, parseRegistry, publishedUrls } from '../src/lib/url-registry.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { CONTENT_SWAPPED } from '../src/lib/settings.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const file = path.resolve('urls/registry.txt');
if (CONTENT_SWAPPED) {
  console.error(
    "KONFERENZLECK_CONTENT_DIR points at another corpus: its URLs are not the site's; unset it and rebuild",
  );
  process.exit(2);
}
if (!fs.existsSync(path.join(dist, 'index.html')) && !fs.existsSync(path.join(dist, 'de'))) {
  console.error(`${path.relative(process.cwd(), dist)}: no built site here (run npm run build first)`);
  process.exit(2);
}
const before = fs.existsSync(file) ? parseRegistry(fs.readFileSync(file, 'utf8')) : { urls: [], problems: [] };
if (before.problems.length) {
  for (const p of before.problems) console.error(formatProblem(p));
  process.exit(1);
}
const now = publishedUrls(dist);
const known = new Set(before.urls);
const added = now.filter((u) => !known.has(u));
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, formatRegistry([...before.urls, ...now]));
console.log(`urls/registry.txt: ${before.urls.length + added.length} URL(s), ${added.length} added`);
for (const u of added.slice(0, 50)) console.log(`  + ${u}`);
if (added.length > 50) console.log(`  … and ${added.length - 50} more`);
