/**
 * `npx tsx scripts/bench/ab.ts --events 300 --variants base,concurrency=4 --rounds 2`
 *
 * Before/after measurement of one performance change: builds the same synthetic corpus cold with
 * each variant of the project (a patch applied to a private copy), interleaved A B A B so that
 * background load hits every variant alike, and prints the median build time and peak RSS of each.
 * Variants: `base` (the project as it is), `concurrency=N` (build.concurrency), `deferRender`
 * (glob({ deferRender: true }) on the MDX collections), `noDeferRender` (removes it), `apaStub`
 * (APA citations as a plain string instead of citeproc — to measure what citeproc costs, not a fix).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.ts';
import { copyProject, makeCold, astroBin, listFiles } from './project.ts';
import { run } from './run.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { values: opt } = parseArgs({
  options: {
    events: { type: 'string', default: '300' },
    variants: { type: 'string', default: 'base,concurrency=4' },
    rounds: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    tmp: { type: 'string', default: path.join(os.tmpdir(), 'konferenzleck-bench') },
  },
});

function patch(dir: string, variant: string): void {
  const cfg = path.join(dir, 'astro.config.mjs');
  const cc = path.join(dir, 'src/content.config.ts');
  const m = /^concurrency=(\d+)$/.exec(variant);
  if (m) {
    let s = fs.readFileSync(cfg, 'utf8');
    s = /concurrency:\s*\d+/.test(s)
      ? s.replace(/concurrency:\s*\d+/, `concurrency: ${m[1]}`)
      : s.replace(/build:\s*\{/, `build: { concurrency: ${m[1]},`);
    fs.writeFileSync(cfg, s);
  } else if (variant === 'deferRender' || variant === 'noDeferRender') {
    let s = fs.readFileSync(cc, 'utf8').replace(/,?\s*deferRender:\s*true/g, '');
    if (variant === 'deferRender')
      s = s.replace(
        /glob\(\{ pattern: COLLECTIONS\.(narratives|about)\.pattern,/g,
        'glob({ deferRender: true, pattern: COLLECTIONS.$1.pattern,',
      );
    fs.writeFileSync(cc, s);
  } else if (variant === 'apaStub') {
    // Not a proposal: replaces citeproc's APA formatting by a plain string, to measure what it costs.
    const f = path.join(dir, 'src/lib/citation.ts');
    const s = fs.readFileSync(f, 'utf8');
    const next = s.replace(
      /export function toApa\(c: CitationInput\): string \{/,
      'export function toApa(c: CitationInput): string {\n  if (c) return `Konferenzleck. (${c.version.date}). ${c.title}. ${versionUrl(c)}`;',
    );
    if (next === s) throw new Error('apaStub: toApa not found in src/lib/citation.ts');
    fs.writeFileSync(f, next);
  } else if (variant !== 'base') throw new Error(`unknown variant ${variant}`);
}

const events = Number(opt.events);
const tmp = path.resolve(opt.tmp);
const corpusDir = path.join(tmp, `corpus-${events}-s${opt.seed}`);
writeCorpus(corpusDir, events, Number(opt.seed));
const variants = opt.variants.split(',');
const times = new Map<string, { s: number; cpu: number | null; rss: number | null; pages: number }[]>(
  variants.map((v) => [v, []]),
);
for (let r = 0; r < Number(opt.rounds); r++) {
  for (const v of variants) {
    const site = path.join(tmp, `ab-${v.replace(/[^a-z0-9]+/gi, '_')}`);
    copyProject(ROOT, site);
    patch(site, v);
    makeCold(site);
    process.stderr.write(`round ${r + 1} ${v} (load ${os.loadavg()[0]!.toFixed(1)})…\n`);
    const res = await run(process.execPath, [astroBin(site), 'build'], {
      cwd: site,
      env: { KONFERENZLECK_CONTENT_DIR: corpusDir, ASTRO_TELEMETRY_DISABLED: '1' },
      label: v,
    });
    if (res.code !== 0) throw new Error(`${v}: build failed\n${res.tail}`);
    const pages = listFiles(path.join(site, 'dist')).filter((f) => f.endsWith('.html')).length;
    times.get(v)!.push({ s: res.seconds, cpu: res.cpuSeconds, rss: res.peakRssMB, pages });
    process.stderr.write(
      `  ${v}: ${res.seconds.toFixed(1)} s, ${res.cpuSeconds?.toFixed(1)} CPU s, ${res.peakRssMB} MB, ${pages} pages\n`,
    );
  }
}
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]! : NaN);
console.log(
  `| variant (${events} events) | builds | median s | runs s | median CPU s | runs CPU s | median peak RSS MB | pages |\n|---|---:|---:|---|---:|---|---:|---:|`,
);
for (const [v, xs] of times) {
  console.log(
    `| ${v} | ${xs.length} | ${median(xs.map((x) => x.s)).toFixed(1)} | ${xs.map((x) => x.s.toFixed(1)).join(', ')} | ${median(xs.flatMap((x) => (x.cpu === null ? [] : [x.cpu]))).toFixed(1)} | ${xs.map((x) => x.cpu?.toFixed(1)).join(', ')} | ${median(xs.map((x) => x.rss ?? 0))} | ${xs[0]?.pages} |`,
  );
}
