/**
 * Seeded synthetic raw exposure records, for tests and benchmarks only (never for the site). Each
 * record carries fake but realistic identifiers — meeting URL, meeting number, host name, e-mail,
 * title — so tests can prove the pipeline strips every one of them. Pure: same seed, same rows.
 */
import { ACTOR_CATEGORIES, type ActorCategory, type Country } from './vocab.ts';
import { INSTANCE_TYPES } from './dataset-schema.ts';
import { RAW_COLUMNS } from './raw-records.ts';
import { prng } from './prng.ts';

export interface SynthOrg {
  domain: string;
  category: ActorCategory;
  country: Country;
  /** Relative size: how many records it gets. */
  weight: number;
}

const SYNTH_COUNTRIES: Country[] = ['DE', 'DE', 'DE', 'NL', 'AT', 'FR', 'BE', 'CH'];

/** Synthetic organisations under the reserved `.example` domain (RFC 2606), with skewed sizes. */
export function synthOrgs(seed: number, n = 40): SynthOrg[] {
  const rnd = prng(seed ^ 0x9e3779b9);
  return Array.from({ length: n }, (_, i) => ({
    domain: `org-${String(i + 1).padStart(2, '0')}.example`,
    category: ACTOR_CATEGORIES[Math.floor(rnd() * ACTOR_CATEGORIES.length)]!,
    country: SYNTH_COUNTRIES[Math.floor(rnd() * SYNTH_COUNTRIES.length)]!,
    weight: Math.pow(rnd(), 3) + 0.002,
  }));
}

/** The organisation-category map for the synthetic organisations, as CSV text. */
export function synthOrgMapCsv(orgs: readonly SynthOrg[]): string {
  return ['domain,category,country', ...orgs.map((o) => `${o.domain},${o.category},${o.country}`)].join('\n') + '\n';
}

const FIRST = ['Anna', 'Jonas', 'Lea', 'Max', 'Sophie', 'Paul', 'Marie', 'Lukas', 'Eva', 'Tim', 'Sanne', 'Pieter'];
const LAST = ['Beispiel', 'Muster', 'Probe', 'Testfall', 'Schablone', 'Vorlage', 'de Voorbeeld', 'Exemple'];
const TOPICS = [
  'Lagebesprechung',
  'Abstimmung Haushalt',
  'Jour fixe',
  'Projekt Nordlicht',
  'Weekly sync',
  'Werkoverleg',
  'Réunion de service',
  'Referatsrunde',
  'Planung Q3',
  'Schulung IT',
];
const MARKED = ['VS-NfD', 'VS – Nur für den Dienstgebrauch', 'GEHEIM', 'Dep. V.', 'RESTRICTED', 'Diffusion restreinte'];

/** One synthetic record as CSV fields in RAW_COLUMNS order. */
export type SynthRow = Record<(typeof RAW_COLUMNS)[number], string>;

/**
 * Generator of `rows` synthetic records. Starts are spread over 2024 (UTC), weighted to office
 * hours; every identifier is unique per record so its absence from the output can be tested.
 */
export function* synthRows(opts: { rows: number; seed: number; orgs?: SynthOrg[] }): Generator<SynthRow> {
  const orgs = opts.orgs ?? synthOrgs(opts.seed);
  const rnd = prng(opts.seed);
  const totalWeight = orgs.reduce((s, o) => s + o.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const o of orgs) cumulative.push((acc += o.weight / totalWeight));
  const yearStart = Date.UTC(2024, 0, 1);
  for (let i = 0; i < opts.rows; i++) {
    const u = rnd();
    let oi = cumulative.findIndex((c) => u <= c);
    if (oi < 0) oi = orgs.length - 1;
    const org = orgs[oi]!;
    const day = Math.floor(rnd() * 366);
    const hour = rnd() < 0.85 ? 6 + Math.floor(rnd() * 12) : Math.floor(rnd() * 24);
    const minute = Math.floor(rnd() * 4) * 15;
    const start = new Date(yearStart + day * 86_400_000 + hour * 3_600_000 + minute * 60_000)
      .toISOString()
      .replace('.000Z', 'Z');
    const id = (i + 1).toString(36).padStart(5, '0');
    const number = String(2_000_000_000 + Math.floor(rnd() * 7_000_000_000) + i);
    const first = FIRST[Math.floor(rnd() * FIRST.length)]!;
    const last = LAST[Math.floor(rnd() * LAST.length)]!;
    const marked = rnd() < 0.12;
    const topic = TOPICS[Math.floor(rnd() * TOPICS.length)]!;
    const title = marked ? `${MARKED[Math.floor(rnd() * MARKED.length)]!} ${topic} ${id}` : `${topic} ${id}`;
    const typeRoll = rnd();
    const type =
      typeRoll < 0.7
        ? 'meeting'
        : typeRoll < 0.88
          ? 'personal-room'
          : INSTANCE_TYPES[2 + Math.floor(rnd() * (INSTANCE_TYPES.length - 2))]!;
    const siteless = rnd() < 0.2;
    yield {
      meeting_url: `https://${org.domain.replace('.example', '')}.webex.example/meet/j.php?MTID=m${id}${number.slice(-6)}`,
      meeting_number: `${number.slice(0, 4)} ${number.slice(4, 7)} ${number.slice(7)}`,
      host_name: `${first} ${last} ${id}`,
      host_email: `${first.toLowerCase()}.${id}@${org.domain}`,
      title,
      site: siteless ? '' : org.domain,
      start,
      duration_minutes: String(5 + Math.floor(Math.pow(rnd(), 2) * 180)),
      instance_type: type,
    };
  }
}
