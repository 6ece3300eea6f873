/**
 * A seeded synthetic register for benchmarks: incidents with de/en MDX narratives, events, sources,
 * actors, figures, glossary terms and about pages, in the real folder layout and valid under the
 * real schemas and integrity rules. Pure: the same options give the same files, byte for byte
 * (no clock, no Math.random, no file system); `scripts/bench/corpus.ts` writes them to disk.
 *
 * Proportions follow the real register at scale: about 1 incident per 50 events, 1 source per 5
 * events, a few hundred actors. Texts are made of neutral vocabulary (no names, numbers that look
 * like phone numbers, addresses or meeting links), at the lengths real entries have.
 */
import { stringify } from 'yaml';
import * as V from './vocab.ts';
import { prng } from './prng.ts';

export interface SynthOptions {
  /** Number of events (the unit of scale). */
  events: number;
  /** Seed of the pseudo-random generator (default 1). */
  seed?: number;
  /** Latest date any entry may carry, YYYY-MM-DD (default 2025-12-31, safely in the past). */
  until?: string;
}

export interface SynthFile {
  /** Path relative to the content root, with forward slashes. */
  path: string;
  text: string;
}

export interface SynthCorpus {
  files: SynthFile[];
  counts: {
    incidents: number;
    narratives: number;
    events: number;
    sources: number;
    actors: number;
    figures: number;
    glossary: number;
    about: number;
  };
}

const DE_WORDS = `Konferenz Sitzung Verwaltung Behörde Bericht Anfrage Ausschuss Sicherheit Plattform Zugang Einwahl
Dienststelle Prüfung Hinweis Mitteilung Schwachstelle Aktualisierung Vorgang Verfahren Stellungnahme Regierung Ministerium
Abteilung Referat Leitung Ergebnis Untersuchung Aufklärung Datenschutz Aufsicht Empfehlung Maßnahme Konfiguration Server
Betrieb Rechenzentrum Anbieter Vertrag Ausschreibung Protokoll Einladung Teilnahme Verschlüsselung Kennzeichnung Vorgabe
Richtlinie Schulung Meldung Zeitraum Umfang Hintergrund Bewertung Antwort Fraktion Debatte Landtag Bundestag Kommune
Gemeinde Kreis Land Bund Öffentlichkeit Presse Redaktion Veröffentlichung Mitschnitt Auswertung Zusammenfassung Frage
wurde hatte sollte konnte bestätigte meldete prüfte erklärte berichtete veröffentlichte forderte kündigte nannte
später zuvor zunächst daraufhin inzwischen weiterhin offenbar nach eigenen Angaben laut demnach jedoch zudem außerdem
die der das den dem des ein eine einer einen und oder aber sowie mit ohne für gegen über unter nach vor seit bei von zu
interne externe öffentliche vertrauliche technische organisatorische zuständige betroffene erste weitere neue alte`.split(
  /\s+/,
);

const EN_WORDS = `conference meeting administration authority report inquiry committee security platform access dial-in
office review notice statement vulnerability update case procedure response government ministry department unit
management result investigation clarification data protection supervisor recommendation measure configuration server
operation data centre vendor contract tender minutes invitation attendance encryption marking requirement guideline
training notification period scope background assessment answer group debate state parliament federal municipality
district public press newsroom publication recording analysis summary question
was had should could confirmed reported reviewed stated said published demanded announced named
later earlier initially subsequently meanwhile still apparently according to its own account however also moreover
the a an and or but as well as with without for against about under after before since at from to of
internal external public confidential technical organisational responsible affected first further new old`.split(/\s+/);

const ID_WORDS = EN_WORDS.filter((w) => w.length > 4);
const ROLES = ['affected', 'responsible', 'stated', 'reported', 'investigated', 'decided', 'asked'] as const;
const PUBLISHER_WORDS = [
  'Rundschau',
  'Kurier',
  'Zeitung',
  'Anzeiger',
  'Tagblatt',
  'Post',
  'Journal',
  'Report',
  'Monitor',
  'Bote',
  'Echo',
  'Spiegelbild',
  'Nachrichten',
  'Chronik',
  'Herald',
  'Courant',
  'Gazette',
  'Observer',
  'Review',
  'Dagblad',
];
const PLACE_WORDS = [
  'Nord',
  'Süd',
  'West',
  'Ost',
  'Mittel',
  'Rhein',
  'Elbe',
  'Weser',
  'Main',
  'Donau',
  'Ems',
  'Havel',
  'Spree',
  'Saale',
  'Mosel',
  'Isar',
  'Lech',
  'Neckar',
  'Ruhr',
  'Lahn',
];
const PLACE_SLUG: Record<string, string> = { Süd: 'sued' };
const ACTOR_KIND_WORDS: Record<(typeof V.ACTOR_KINDS)[number], [string, string]> = {
  ministry: ['Ministerium', 'Ministry'],
  office: ['Amt', 'Office'],
  agency: ['Agentur', 'Agency'],
  'armed-forces': ['Streitkräfte-Kommando', 'Armed Forces Command'],
  parliament: ['Parlament', 'Parliament'],
  'parliamentary-body': ['Ausschuss', 'Committee'],
  'parliamentary-group': ['Fraktion', 'Parliamentary Group'],
  'political-party': ['Partei', 'Party'],
  prosecutor: ['Staatsanwaltschaft', 'Public Prosecutor'],
  company: ['Gesellschaft', 'Company'],
  media: ['Rundfunk', 'Broadcaster'],
  association: ['Verband', 'Association'],
  university: ['Hochschule', 'University'],
  'international-organisation': ['Organisation', 'Organisation'],
};
const GLOSSARY_TERMS: [string, string][] = [
  ['Einwahlnummer', 'Dial-in number'],
  ['Gastgeberschlüssel', 'Host key'],
  ['Ende-zu-Ende-Verschlüsselung', 'End-to-end encryption'],
  ['Verschlusssache', 'Classified information'],
  ['Kleine Anfrage', 'Minor interpellation'],
  ['Drucksache', 'Printed paper'],
  ['Lobby', 'Lobby'],
  ['Persönlicher Raum', 'Personal room'],
  ['On-Premises-Betrieb', 'On-premises operation'],
  ['Cloud-Dienst', 'Cloud service'],
  ['Sicherheitshinweis', 'Security advisory'],
  ['Schwachstelle', 'Vulnerability'],
  ['Patch', 'Patch'],
  ['Aufsichtsbehörde', 'Supervisory authority'],
  ['Meldepflicht', 'Reporting obligation'],
  ['Metadaten', 'Metadata'],
  ['Teilnehmerliste', 'Participant list'],
  ['Mitschnitt', 'Recording'],
  ['Untersuchungsausschuss', 'Committee of inquiry'],
  ['Generalbundesanwalt', 'Federal Prosecutor General'],
  ['Sitzungsprotokoll', 'Minutes'],
  ['Einstufung', 'Classification level'],
  ['Zugangscode-Pflicht', 'Access-code requirement'],
  ['Warteraum', 'Waiting room'],
  ['Webinar', 'Webinar'],
  ['Videobrücke', 'Video bridge'],
  ['SIP-Einwahl', 'SIP dial-in'],
  ['Rollenmodell', 'Role model'],
  ['Protokollierung', 'Logging'],
  ['Aufbewahrungsfrist', 'Retention period'],
];

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const pad = (n: number, w = 4) => String(n).padStart(w, '0');
const asciiSlug = (s: string) =>
  (PLACE_SLUG[s] ?? s)
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

class Gen {
  readonly r: () => number;
  constructor(seed: number) {
    this.r = prng(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  words(list: readonly string[], n: number): string {
    return Array.from({ length: n }, () => this.pick(list)).join(' ');
  }
  sentence(lang: 'de' | 'en', lo = 8, hi = 18): string {
    const s = this.words(lang === 'de' ? DE_WORDS : EN_WORDS, this.int(lo, hi));
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  }
  sentences(lang: 'de' | 'en', n: number, lo?: number, hi?: number): string {
    return Array.from({ length: n }, () => this.sentence(lang, lo, hi)).join(' ');
  }
  title(lang: 'de' | 'en', lo = 4, hi = 8): string {
    const s = this.words(lang === 'de' ? DE_WORDS : EN_WORDS, this.int(lo, hi));
    return `${s[0]!.toUpperCase()}${s.slice(1)}`;
  }
  bilingual(make: (lang: 'de' | 'en') => string): { de: string; en: string } {
    return { de: make('de'), en: make('en') };
  }
}

const yaml = (data: unknown) => stringify(data, { lineWidth: 0 });

/** Generate the files of a synthetic corpus. */
export function synthCorpus(opts: SynthOptions): SynthCorpus {
  const nEvents = Math.max(1, Math.floor(opts.events));
  const g = new Gen(opts.seed ?? 1);
  const until = opts.until ?? '2025-12-31';
  const untilMs = dayMs(until);
  const firstMs = dayMs('2019-01-01');
  const files: SynthFile[] = [];
  const put = (path: string, text: string) => files.push({ path, text });

  const nIncidents = Math.max(1, Math.round(nEvents / 50));
  const nSources = Math.max(1, Math.round(nEvents / 5));
  const nActors = Math.min(300, Math.max(10, Math.round(nEvents / 33)));

  // Actors: organisations and offices only, unique ids.
  const actorIds: string[] = [];
  for (let a = 0; a < nActors; a++) {
    const kind = g.pick(V.ACTOR_KINDS);
    const place = g.pick(PLACE_WORDS);
    const [de, en] = ACTOR_KIND_WORDS[kind];
    const id = `${asciiSlug(de)}-${asciiSlug(place)}-${pad(a, 3)}`;
    actorIds.push(id);
    const data: Record<string, unknown> = {
      name: { de: `${de} ${place} ${a + 1}`, en: `${en} ${place} ${a + 1}` },
      kind,
      country: g.pick(V.COUNTRIES),
      category: g.pick(V.ACTOR_CATEGORIES),
    };
    if (g.chance(0.3)) data['short'] = `${de.slice(0, 2).toUpperCase()}${place.slice(0, 1)}${a + 1}`;
    if (a > 0 && g.chance(0.2)) data['parent'] = actorIds[g.int(0, a - 1)];
    if (g.chance(0.5)) data['description'] = g.bilingual((l) => g.sentences(l, 2));
    put(`actors/${id}.yaml`, yaml(data));
  }

  // Incidents with periods spread over the years; events are dealt out in blocks per incident.
  interface Inc {
    id: string;
    startMs: number;
    endMs: number;
  }
  const incs: Inc[] = [];
  const span = untilMs - firstMs;
  for (let i = 0; i < nIncidents; i++) {
    const startMs = firstMs + Math.floor(g.r() * span * 0.85);
    const endMs = Math.min(untilMs, startMs + g.int(30, 500) * DAY);
    incs.push({ id: `incident-${pad(i)}-${asciiSlug(g.pick(PLACE_WORDS))}`, startMs, endMs });
  }

  // Sources: each belongs to one incident's pool, so every source gets cited.
  const sourcePool: string[][] = incs.map(() => []);
  const sourceDate = new Map<string, number>();
  for (let s = 0; s < nSources; s++) {
    const inc = s % nIncidents;
    const pub = `${g.pick(PLACE_WORDS)}-${g.pick(PUBLISHER_WORDS)}`;
    const id = `src-${asciiSlug(pub)}-${pad(s, 5)}`;
    sourcePool[inc]!.push(id);
    const { startMs, endMs } = incs[inc]!;
    const publishedMs = startMs + Math.floor(g.r() * (endMs - startMs));
    sourceDate.set(id, publishedMs);
    const lang = g.chance(0.6) ? 'de' : g.pick(V.SOURCE_LANGUAGES);
    const data: Record<string, unknown> = {
      publisher: pub.replace('-', ' '),
      title: g.title(lang === 'de' ? 'de' : 'en', 6, 12),
      url: `https://www.${asciiSlug(pub)}.example/${g.pick(['politik', 'digital', 'inland', 'news'])}/${asciiSlug(g.title('de', 3, 5))}-${g.int(10_000, 99_999)}`,
      language: lang,
      kind: g.pick(V.SOURCE_KINDS),
      published: { on: isoDay(publishedMs) },
      retrieved: isoDay(Math.min(untilMs, publishedMs + g.int(1, 400) * DAY)),
      reliability: [g.pick(V.RELIABILITY_NOTES)],
    };
    if (lang !== 'de' && lang !== 'en') data['titleTranslation'] = { de: g.title('de', 5, 9), en: g.title('en', 5, 9) };
    if (g.chance(0.6)) data['author'] = `${g.pick(PLACE_WORDS)}-Redaktion`;
    if (g.chance(0.5)) data['archiveUrl'] = `https://archive.example/${asciiSlug(pub)}/${g.int(100_000, 999_999)}`;
    else data['archiveMissingReason'] = 'No archived copy was made during the research.';
    if (g.chance(0.1)) data['documentIds'] = [{ kind: 'drucksache', value: `${g.int(18, 21)}/${g.int(1000, 19_999)}` }];
    if (g.chance(0.3)) data['note'] = g.bilingual((l) => g.sentences(l, g.int(1, 2)));
    put(`sources/${id}.yaml`, yaml(data));
  }

  // Events.
  const eventIds: string[][] = incs.map(() => []);
  const usedEventIds = new Set<string>();
  for (let e = 0; e < nEvents; e++) {
    const incN = Math.min(nIncidents - 1, Math.floor((e * nIncidents) / nEvents));
    const inc = incs[incN]!;
    const ms = inc.startMs + Math.floor(g.r() * (inc.endMs - inc.startMs));
    const day = isoDay(ms);
    const precision = g.r();
    const on = precision < 0.85 ? day : precision < 0.97 ? day.slice(0, 7) : day.slice(0, 4);
    // A year-precision date before the incident's start year would break the event-before-incident rule.
    const safeOn = on.length === 4 && dayMs(`${on}-12-31`) < inc.startMs ? day : on;
    const prefix = `${safeOn.slice(0, 4)}-${safeOn.length >= 7 ? safeOn.slice(5, 7) : '00'}-${safeOn.length === 10 ? safeOn.slice(8, 10) : '00'}`;
    let id = `${prefix}-${asciiSlug(g.pick(ID_WORDS))}-${pad(e, 5)}`;
    while (usedEventIds.has(id)) id += 'x';
    usedEventIds.add(id);
    eventIds[incN]!.push(id);
    const pool = sourcePool[incN % sourcePool.length]!.length ? sourcePool[incN]! : sourcePool.flat();
    const k = eventIds[incN]!.length - 1;
    const srcs = [...new Set([pool[k % pool.length]!, ...(g.chance(0.5) ? [g.pick(pool)] : [])])];
    const confidence = g.r() < 0.75 ? 'confirmed' : g.r() < 0.7 ? 'secondary' : 'inferred';
    const data: Record<string, unknown> = {
      incident: inc.id,
      date: {
        on: safeOn,
        ...(safeOn.length === 10 && g.chance(0.2) ? { time: `${pad(g.int(7, 19), 2)}:${pad(g.int(0, 59), 2)}` } : {}),
      },
      type: g.pick(V.EVENT_TYPES),
      status: g.r() < 0.7 ? 'confirmed' : g.pick(V.CLAIM_STATUSES),
      confidence,
      ...(confidence === 'inferred' ? { reasoning: g.bilingual((l) => g.sentences(l, 2)) } : {}),
      title: g.bilingual((l) => g.title(l, 5, 9)),
      summary: g.bilingual((l) => g.sentences(l, g.int(2, 5))),
      actors: [...new Set(Array.from({ length: g.int(0, 3) }, () => g.pick(actorIds)))].map((actor) => ({
        actor,
        role: g.pick(ROLES),
      })),
      sources: srcs.map((s) => (g.chance(0.3) ? { source: s, locator: `para. ${g.int(2, 30)}` } : { source: s })),
    };
    if (g.chance(0.05))
      data['discrepancy'] = { note: g.bilingual((l) => g.sentences(l, 2)), sources: [{ source: g.pick(pool) }] };
    if (g.chance(0.05)) {
      const date = isoDay(Math.min(untilMs, ms + g.int(10, 300) * DAY));
      data['corrections'] = [
        { date, what: g.bilingual((l) => g.sentence(l)), why: g.bilingual((l) => g.sentence(l)), kind: 'correction' },
      ];
      data['updated'] = date;
    }
    put(`events/${id}.yaml`, yaml(data));
  }

  // Incidents, narratives and figures.
  let narratives = 0;
  let figures = 0;
  incs.forEach((inc, i) => {
    const evs = eventIds[i]!;
    const missingEn = g.chance(0.05);
    const data: Record<string, unknown> = {
      title: g.bilingual((l) => g.title(l, 4, 9)),
      summary: g.bilingual((l) => g.sentences(l, 2, 12, 22)),
      kind: g.chance(0.05) ? 'context' : 'incident',
      period: { start: isoDay(inc.startMs), ...(g.chance(0.85) ? { end: isoDay(inc.endMs) } : {}) },
      status: g.pick(V.INCIDENT_STATUSES),
      platform: [g.pick(V.PLATFORMS)],
      countries: [...new Set([g.pick(V.COUNTRIES), g.pick(V.COUNTRIES)])],
      affectedCategories: [...new Set([g.pick(V.ACTOR_CATEGORIES), g.pick(V.ACTOR_CATEGORIES)])],
      related: i > 0 && g.chance(0.3) ? [incs[g.int(0, i - 1)]!.id] : [],
      openQuestions: Array.from({ length: g.int(0, 3) }, () => g.bilingual((l) => g.sentence(l))),
      translation: { de: 'human', en: missingEn ? 'missing' : g.chance(0.3) ? 'machine' : 'human' },
      lastReviewed: isoDay(Math.min(untilMs, inc.endMs + g.int(0, 200) * DAY)),
    };
    put(`incidents/${inc.id}/incident.yaml`, yaml(data));
    for (const lang of missingEn ? (['de'] as const) : (['de', 'en'] as const)) {
      put(`incidents/${inc.id}/${lang}.mdx`, narrative(g, lang, evs, sourcePool[i]!));
      narratives++;
    }
    const nFig = g.int(0, 2);
    for (let f = 0; f < nFig && sourcePool[i]!.length; f++) {
      const type = g.pick(['exact', 'about', 'more-than', 'range', 'vague'] as const);
      const n = g.int(2, 400);
      const value =
        type === 'exact' || type === 'about'
          ? { type, n }
          : type === 'more-than'
            ? { type, min: n }
            : type === 'range'
              ? { type, min: n, max: n + g.int(1, 100) }
              : { type };
      const fig = {
        incident: inc.id,
        measure: g.pick(V.FIGURE_MEASURES),
        value,
        label: g.bilingual((l) => g.title(l, 2, 4)),
        wording: {
          text:
            type === 'vague'
              ? 'zahlreiche'
              : `${type === 'more-than' ? 'mehr als ' : type === 'about' ? 'rund ' : ''}${n}`,
          lang: 'de',
        },
        attribution: g.bilingual((l) => g.title(l, 2, 5)),
        date: { on: isoDay(inc.startMs + Math.floor(g.r() * (inc.endMs - inc.startMs))) },
        sources: [{ source: g.pick(sourcePool[i]!) }],
      };
      put(`figures/${inc.id}-${pad(f, 2)}.yaml`, yaml(fig));
      figures++;
    }
  });

  // Glossary and about pages.
  const allSources = sourcePool.flat();
  const nGlossary = Math.min(GLOSSARY_TERMS.length, Math.max(5, Math.round(nEvents / 300)));
  for (let t = 0; t < nGlossary; t++) {
    const [de, en] = GLOSSARY_TERMS[t]!;
    put(
      `glossary/${asciiSlug(en)}.yaml`,
      yaml({
        term: { de, en },
        definition: g.bilingual((l) => g.sentences(l, g.int(2, 4))),
        sources: g.chance(0.5) ? [{ source: g.pick(allSources) }] : [],
      }),
    );
  }
  for (const topic of V.ABOUT_TOPICS) {
    for (const lang of ['de', 'en'] as const) {
      const fm = yaml({ title: g.title(lang, 2, 5), description: g.sentence(lang), updated: '2025-01-15' });
      const body = Array.from(
        { length: g.int(4, 8) },
        (_, p) => (p % 3 === 0 ? `## ${g.title(lang, 2, 5)}\n\n` : '') + g.sentences(lang, g.int(3, 6)),
      ).join('\n\n');
      put(`about/${topic}/${lang}.mdx`, `---\n${fm}---\n\n${body}\n`);
    }
  }

  return {
    files,
    counts: {
      incidents: nIncidents,
      narratives,
      events: nEvents,
      sources: nSources,
      actors: nActors,
      figures,
      glossary: nGlossary,
      about: V.ABOUT_TOPICS.length * 2,
    },
  };
}

/** An incident narrative of realistic length: headings, paragraphs, a list, references to its events and sources. */
function narrative(g: Gen, lang: 'de' | 'en', events: readonly string[], sources: readonly string[]): string {
  const parts: string[] = [];
  const sections = g.int(3, 5);
  for (let s = 0; s < sections; s++) {
    parts.push(`## ${g.title(lang, 2, 5)}`);
    for (let p = g.int(1, 3); p > 0; p--) {
      let para = g.sentences(lang, g.int(3, 6));
      if (events.length && g.chance(0.6))
        para += ` <EventRef id="${g.pick(events)}">${g.title(lang, 2, 4)}</EventRef>.`;
      if (sources.length && g.chance(0.4))
        para += ` (<SourceRef id="${g.pick(sources)}">${g.title(lang, 1, 3)}</SourceRef>)`;
      parts.push(para);
    }
    if (g.chance(0.4)) parts.push(Array.from({ length: g.int(2, 5) }, () => `- ${g.sentence(lang, 4, 10)}`).join('\n'));
  }
  if (g.chance(0.3)) parts.push(`<Aside kind="note">${g.sentences(lang, 2)}</Aside>`);
  return `${parts.join('\n\n')}\n`;
}
