/**
 * Integrity rules over the whole content set, beyond what one file's schema can see. Astro 7 only
 * logs a dangling reference (withastro/astro#17322), so these rules are what fail the build.
 */
import type { Entry, RawContent } from './content-files.ts';
import { closest, type Problem } from './problems.ts';
import type { ActorData, EventData, FigureData, GlossaryData, Incident, SourceData } from './schemas.ts';
import { eventIdPattern } from './schemas.ts';
import { lowerBound, upperBound } from './dates.ts';
import { LANGS } from './settings.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface IntegrityOptions {
  /** Today's date (YYYY-MM-DD); later dates are rejected as future dates. */
  today: string;
}

export function checkIntegrity(c: RawContent, opts: IntegrityOptions): Problem[] {
  const problems: Problem[] = [];
  const lineOfFile = new Map<string, Entry['lineOf']>();
  for (const list of Object.values(c) as Entry[][]) for (const e of list) lineOfFile.set(e.file, e.lineOf);
  const lineAt = (file: string, field: string) =>
    field.startsWith('(')
      ? undefined
      : lineOfFile.get(file)?.(field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
  const err = (file: string, field: string, found: string, allowed: string, rule: string, hint?: string) =>
    problems.push({ severity: 'error', file, line: lineAt(file, field), field, found, allowed, rule, hint });

  const ids = (xs: Entry[]) => new Set(xs.map((x) => x.id));
  const incidents = ids(c.incidents);
  const sources = ids(c.sources);
  const actors = ids(c.actors);
  const cited = new Set<string>();

  const ref = (file: string, field: string, id: string, set: Set<string>, what: string) => {
    if (!set.has(id)) {
      const guess = closest(id, [...set]);
      const create = what === 'incident' ? `incidents/${id}/incident.yaml` : `${what}s/${id}.yaml`;
      err(
        file,
        field,
        JSON.stringify(id),
        `the id of an existing ${what}`,
        'integrity/dangling-reference',
        guess !== undefined
          ? `did you mean "${guess}"? Otherwise create src/content/${create}`
          : `fix the id, or create src/content/${create}${what === 'source' ? ' (npm run new -- source)' : ''}`,
      );
    }
  };
  const future = (file: string, field: string, iso: string | undefined) => {
    if (iso !== undefined && lowerBound(iso) > opts.today) {
      err(
        file,
        field,
        JSON.stringify(iso),
        `a date not after today (${opts.today})`,
        'integrity/future-date',
        'check the year and the order of month and day (YYYY-MM-DD); the register records only what has happened',
      );
    }
  };

  // Ids: lowercase slugs; events as yyyy-mm-dd-slug.
  for (const [name, list] of Object.entries(c) as [keyof RawContent, Entry[]][]) {
    for (const e of list) {
      const id = name === 'narratives' || name === 'about' ? e.id.split('/')[0]! : e.id;
      const ok = name === 'events' ? eventIdPattern.test(id) : SLUG.test(id);
      if (!ok) {
        err(
          e.file,
          '(id)',
          JSON.stringify(id),
          name === 'events'
            ? 'a file name yyyy-mm-dd-short-slug.yaml (lowercase)'
            : 'a lowercase slug file name (a-z, 0-9, hyphens)',
          'integrity/id-format',
          name === 'events'
            ? 'rename the file to the event date plus a few lowercase words, e.g. 2024-03-05-ministry-statement.yaml'
            : 'rename the file (or folder) using lowercase letters, digits and single hyphens',
        );
      }
      if (name === 'sources' && !id.startsWith('src-')) {
        err(
          e.file,
          '(id)',
          JSON.stringify(id),
          'a source id starting with "src-"',
          'integrity/id-format',
          `rename the file to src-${id}.yaml and cite it by that id`,
        );
      }
    }
  }

  const incidentById = new Map(c.incidents.map((i) => [i.id, i as Entry<Incident>]));

  for (const i of c.incidents as Entry<Incident>[]) {
    const d = i.data;
    i.data.related.forEach((r, n) => ref(i.file, `related.${n}`, r, incidents, 'incident'));
    future(i.file, 'period.start', d.period.start);
    future(i.file, 'period.end', d.period.end);
    future(i.file, 'lastReviewed', d.lastReviewed);
    if (d.period.end !== undefined && upperBound(d.period.end) < lowerBound(d.period.start)) {
      err(
        i.file,
        'period.end',
        JSON.stringify(d.period.end),
        `a date not before period.start (${d.period.start})`,
        'integrity/period-order',
        'swap start and end, or correct one of them',
      );
    }
    for (const lang of LANGS) {
      const has = c.narratives.some((n) => n.id === `${i.id}/${lang}`);
      if (!has && d.translation[lang] !== 'missing') {
        err(
          i.file,
          `translation.${lang}`,
          JSON.stringify(d.translation[lang]),
          `"missing" when there is no ${lang}.mdx narrative`,
          'integrity/missing-translation',
          `add incidents/${i.id}/${lang}.mdx or mark translation.${lang}: missing`,
        );
      }
      if (has && d.translation[lang] === 'missing') {
        err(
          i.file,
          `translation.${lang}`,
          '"missing"',
          `"human" or "machine", since ${lang}.mdx exists`,
          'integrity/missing-translation',
          `set translation.${lang}: human (or machine if machine-translated)`,
        );
      }
    }
    d.corrections.forEach((k, n) => {
      future(i.file, `corrections.${n}.date`, k.date);
      k.sources.forEach((s, m) => {
        ref(i.file, `corrections.${n}.sources.${m}.source`, s.source, sources, 'source');
        cited.add(s.source);
      });
    });
  }
  for (const n of c.narratives) {
    const inc = n.id.split('/')[0]!;
    if (!incidents.has(inc)) {
      err(
        n.file,
        '(file)',
        JSON.stringify(n.id),
        'a narrative inside the folder of an incident that has incident.yaml',
        'integrity/orphan-narrative',
        `add incidents/${inc}/incident.yaml (npm run new -- incident) or move the file into an existing incident folder`,
      );
    }
  }

  for (const e of c.events as Entry<EventData>[]) {
    const d = e.data;
    ref(e.file, 'incident', d.incident, incidents, 'incident');
    if (d.sources.length === 0)
      err(
        e.file,
        'sources',
        '[]',
        'at least one source',
        'integrity/no-source',
        'add at least one "- source: src-…" (create a source with: npm run new -- source)',
      );
    d.sources.forEach((s, n) => {
      ref(e.file, `sources.${n}.source`, s.source, sources, 'source');
      cited.add(s.source);
    });
    d.discrepancy?.sources.forEach((s, n) => {
      ref(e.file, `discrepancy.sources.${n}.source`, s.source, sources, 'source');
      cited.add(s.source);
    });
    d.actors.forEach((a, n) => ref(e.file, `actors.${n}.actor`, a.actor, actors, 'actor'));
    d.corrections.forEach((k, n) => {
      future(e.file, `corrections.${n}.date`, k.date);
      k.sources.forEach((s, m) => {
        ref(e.file, `corrections.${n}.sources.${m}.source`, s.source, sources, 'source');
        cited.add(s.source);
      });
    });
    future(e.file, 'date.on', d.date.on);
    future(e.file, 'date.until', d.date.until);
    future(e.file, 'updated', d.updated);
    // The id's date prefix must agree with the date (00 where the date gives no month or day).
    const m = /^(\d{4})-(\d{2})-(\d{2})-/.exec(e.id);
    if (m) {
      const [, y, mo, da] = m;
      const on = d.date.on;
      const expect = `${on.slice(0, 4)}-${on.length >= 7 ? on.slice(5, 7) : '00'}-${on.length === 10 ? on.slice(8, 10) : '00'}`;
      if (`${y}-${mo}-${da}` !== expect) {
        err(
          e.file,
          'date.on',
          JSON.stringify(on),
          `a date matching the file name's prefix ${y}-${mo}-${da}`,
          'integrity/id-date-mismatch',
          `rename the file to ${expect}-${e.id.slice(11)}.yaml, or fix the date`,
        );
      }
    }
    const inc = incidentById.get(d.incident);
    if (inc && upperBound(d.date.until ?? d.date.on) < lowerBound(inc.data.period.start)) {
      err(
        e.file,
        'date.on',
        JSON.stringify(d.date.on),
        `a date not before the start of incident ${d.incident} (${inc.data.period.start})`,
        'integrity/event-before-incident',
        'move the event to another incident or correct the incident period',
      );
    }
  }

  for (const s of c.sources as Entry<SourceData>[]) {
    future(s.file, 'published.on', s.data.published?.on);
    future(s.file, 'retrieved', s.data.retrieved);
    if (s.data.published && s.data.retrieved && lowerBound(s.data.published.on) > s.data.retrieved) {
      err(
        s.file,
        'retrieved',
        JSON.stringify(s.data.retrieved),
        `a date not before the publication (${s.data.published.on})`,
        'integrity/retrieved-before-published',
        'check both dates: "retrieved" is the day you read the source, "published.on" the day it appeared',
      );
    }
  }
  for (const a of c.actors as Entry<ActorData>[]) {
    if (a.data.parent !== undefined) ref(a.file, 'parent', a.data.parent, actors, 'actor');
  }
  for (const f of c.figures as Entry<FigureData>[]) {
    ref(f.file, 'incident', f.data.incident, incidents, 'incident');
    if (f.data.actor !== undefined) ref(f.file, 'actor', f.data.actor, actors, 'actor');
    f.data.sources.forEach((s, n) => {
      ref(f.file, `sources.${n}.source`, s.source, sources, 'source');
      cited.add(s.source);
    });
    future(f.file, 'date.on', f.data.date?.on);
  }
  for (const g of c.glossary as Entry<GlossaryData>[]) {
    g.data.sources.forEach((s, n) => {
      ref(g.file, `sources.${n}.source`, s.source, sources, 'source');
      cited.add(s.source);
    });
  }
  // References from narrative components: <EventRef id>, <SourceRef id>, <Quote source>.
  const events = ids(c.events);
  for (const n of [...c.narratives, ...c.about]) {
    const body = n.body ?? '';
    const re = /<(EventRef|SourceRef|Quote)\b[^>]*?\b(id|source)="([^"]*)"/g;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const [, comp, attr, value] = m as unknown as [string, string, string, string];
      const isEvent = comp === 'EventRef';
      const line = (n.bodyLine ?? 1) + body.slice(0, m.index).split('\n').length - 1;
      if (isEvent ? !events.has(value) : !sources.has(value)) {
        problems.push({
          severity: 'error',
          file: n.file,
          line,
          field: `<${comp} ${attr}>`,
          found: JSON.stringify(value),
          allowed: `the id of an existing ${isEvent ? 'event' : 'source'}`,
          rule: 'integrity/dangling-reference',
        });
      } else if (!isEvent) cited.add(value);
    }
  }
  for (const s of c.sources) {
    if (!cited.has(s.id)) {
      problems.push({
        severity: 'warning',
        file: s.file,
        field: '(id)',
        found: JSON.stringify(s.id),
        allowed: 'a source cited by at least one event, figure or glossary entry',
        rule: 'integrity/uncited-source',
        hint: 'cite it from an event or remove it',
      });
    }
  }
  return problems;
}

/**
 * A reference to an entry whose own file is invalid is reported as dangling (the invalid entry is
 * not loaded). Point such problems at the real cause: the errors of that file.
 */
export function explainCascades(problems: Problem[]): void {
  const broken = new Map<string, string>();
  for (const p of problems) {
    if (p.severity !== 'error' || !/^(schema|yaml)\//.test(p.rule)) continue;
    const m =
      /(?:^|\/)(?:incidents\/([^/]+)\/incident\.ya?ml|(?:events|sources|actors|figures|glossary)\/([^/]+)\.ya?ml)$/.exec(
        p.file,
      );
    const id = m?.[1] ?? m?.[2];
    if (id !== undefined && !broken.has(id)) broken.set(id, p.file);
  }
  for (const p of problems) {
    if (p.rule !== 'integrity/dangling-reference' || p.found === undefined) continue;
    const file = broken.get(JSON.parse(p.found) as string);
    if (file !== undefined) p.hint = `the entry exists but is invalid: fix the errors reported for ${file} first`;
  }
}
