/**
 * The content model: plain zod (zod 4 via `astro/zod`, no Astro runtime), string ids and ISO date
 * strings, so scripts, tests and JSON Schema generation use the same definitions as the site.
 * `src/content.config.ts` only wires these to collections.
 */
import { z } from 'astro/zod';
import * as V from './vocab.ts';
import { isValidIsoDate } from './dates.ts';

/** A lowercase slug: letters, digits and single hyphens. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a lowercase slug (a-z, 0-9, single hyphens)' });

/** An id of an event: `yyyy-mm-dd-short-slug` (00 for a month or day the source does not give). */
export const eventIdPattern = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** YAML 1.1 parsers turn unquoted dates into Date objects; accept those as day-precision strings. */
const dateInput = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

/** An ISO 8601 calendar date of year, month or day precision: YYYY, YYYY-MM or YYYY-MM-DD. */
export const isoDate = z.preprocess(
  dateInput,
  z
    .string({ error: 'an ISO date as a string: YYYY, YYYY-MM or YYYY-MM-DD' })
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD' })
    .refine(isValidIsoDate, { error: 'a date that exists in the calendar' }),
);

/** An ISO date of day precision: YYYY-MM-DD. */
export const isoDay = z.preprocess(
  dateInput,
  z
    .string({ error: 'an ISO date as a string: YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'an ISO date of day precision: YYYY-MM-DD' })
    .refine(isValidIsoDate, { error: 'a date that exists in the calendar' }),
);

/** An http(s) URL. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL' });

/** A text in both languages. */
export const bilingual = z.strictObject({
  /** German text. */
  de: z.string().trim().min(1, { error: 'a non-empty German text' }),
  /** English text. */
  en: z.string().trim().min(1, { error: 'a non-empty English text' }),
});

/**
 * A date with its precision and, where sources are vague, a qualifier or a range.
 * The form of `on` is its precision (2024 = year, 2024-06 = month, 2024-06-05 = day).
 */
export const fuzzyDate = z
  .strictObject({
    /** Start (or only) date, ISO 8601; its form is its precision. */
    on: isoDate,
    /** Optional qualifier where the source is vague: before (= on or before) | after (= on or after) | about. */
    qualifier: z.enum(V.DATE_QUALIFIERS).optional(),
    /** Optional end of a range, ISO 8601 of any precision, not before `on`. */
    until: isoDate.optional(),
    /** Optional time of day, HH:MM (24 h), only with a day-precision `on`. */
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time HH:MM (24 h)' })
      .optional(),
    /** Time zone of `time`, IANA name; default Europe/Berlin. */
    timezone: z.string().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.until !== undefined && d.until < d.on) {
      ctx.addIssue({ code: 'custom', path: ['until'], input: d.until, message: `a date not before "on" (${d.on})` });
    }
    if (d.time !== undefined && d.on.length !== 10) {
      ctx.addIssue({ code: 'custom', path: ['time'], input: d.time, message: 'a time only with a day-precision date' });
    }
  });
export type FuzzyDate = z.infer<typeof fuzzyDate>;

/** A pointer from an entry to a source, with an optional place in it. */
export const sourceRef = z.strictObject({
  /** Id of an entry in `sources`. */
  source: slug,
  /** Optional place in the source: page, paragraph, timestamp, table row. */
  locator: z.string().optional(),
});

/** A dated correction or change note on an entry. */
export const correction = z.strictObject({
  /** Day the change was published. */
  date: isoDay,
  /** What changed, in both languages. */
  what: bilingual,
  /** Why it changed, in both languages. */
  why: bilingual,
  /** `correction` fixes an error; `update` adds new information; `withdrawal` removes text for privacy or law. */
  kind: z.enum(['correction', 'update', 'withdrawal']).default('correction'),
  /** Sources for the corrected claim, if any. */
  sources: z.array(sourceRef).default([]),
});
export type Correction = z.infer<typeof correction>;

/** An incident (or context entry): shared metadata; the narrative is MDX per language beside it. */
export const incidentSchema = z.strictObject({
  /** Title in both languages. */
  title: bilingual,
  /** One or two sentences in both languages. */
  summary: bilingual,
  /** `incident`, or `context` for an entry grouping background items (e.g. vulnerabilities). */
  kind: z.enum(V.INCIDENT_KINDS),
  /** The period of the incident: start and an optional (open) end, ISO dates of any precision. */
  period: z.strictObject({
    /** First day, month or year of the incident. */
    start: isoDate,
    /** Last day, month or year; omit while ongoing or open. */
    end: isoDate.optional(),
  }),
  /** State of the incident as a whole. */
  status: z.enum(V.INCIDENT_STATUSES),
  /** Conferencing platform(s) concerned. */
  platform: z.array(z.enum(V.PLATFORMS)).min(1),
  /** Countries concerned: ISO 3166-1 alpha-2 codes, plus EU. */
  countries: z.array(z.enum(V.COUNTRIES)).min(1),
  /** Categories of affected actors (the unit of the aggregate charts). */
  affectedCategories: z.array(z.enum(V.ACTOR_CATEGORIES)).default([]),
  /** Ids of related incidents. */
  related: z.array(slug).default([]),
  /** What we do not know: open questions, in both languages. */
  openQuestions: z.array(bilingual).default([]),
  /** Translation status of the narrative per language: human, machine or missing. */
  translation: z.strictObject({
    /** German narrative. */
    de: z.enum(V.TRANSLATION_STATUSES),
    /** English narrative. */
    en: z.enum(V.TRANSLATION_STATUSES),
  }),
  /** Day the entry was last reviewed against its sources. */
  lastReviewed: isoDay,
  /** Corrections and updates, newest last. */
  corrections: z.array(correction).default([]),
});
export type Incident = z.infer<typeof incidentSchema>;

/** Frontmatter of an incident narrative (MDX). The file name gives incident and language. */
export const narrativeSchema = z.strictObject({
  /** Optional heading that replaces the incident title above the narrative. */
  heading: z.string().optional(),
});

/** An actor named in an event, with the part it played and, where allowed, the office holder. */
export const eventActor = z.strictObject({
  /** Id of an entry in `actors` (an organisation or an office, never a person). */
  actor: slug,
  /** The part the actor played in the event. */
  role: z.enum(['affected', 'responsible', 'stated', 'reported', 'investigated', 'decided', 'asked']),
  /** Name of the office holder on the event's date, only for roles the naming rule allows. */
  holder: z.string().optional(),
});

/** One dated event of an incident. Its id is its file name: yyyy-mm-dd-short-slug. */
export const eventSchema = z
  .strictObject({
    /** Id of the incident (or context entry) the event belongs to. */
    incident: slug,
    /** When it happened, with its precision. */
    date: fuzzyDate,
    /** What kind of event. */
    type: z.enum(V.EVENT_TYPES),
    /** Status of the claim: confirmed | reported | disputed | retracted. */
    status: z.enum(V.CLAIM_STATUSES),
    /** How well it is attested: confirmed (original source) | secondary (copy only) | inferred. */
    confidence: z.enum(V.CONFIDENCES),
    /** Reasoning, required when confidence is `inferred`. */
    reasoning: bilingual.optional(),
    /** Short title in both languages. */
    title: bilingual,
    /** Summary in both languages, in our own words. */
    summary: bilingual,
    /** Organisations and offices involved. */
    actors: z.array(eventActor).default([]),
    /** At least one source. */
    sources: z.array(sourceRef).min(1, { error: 'at least one source' }),
    /** Where sources disagree: a note naming both sides, with its own sources. */
    discrepancy: z
      .strictObject({
        /** The disagreement, attributed, in both languages. */
        note: bilingual,
        /** Sources for the other side(s). */
        sources: z.array(sourceRef).min(1, { error: 'at least one source' }),
      })
      .optional(),
    /** Day of the last content change (defaults to the incident's last review). */
    updated: isoDay.optional(),
    /** Corrections and updates, newest last. */
    corrections: z.array(correction).default([]),
  })
  .superRefine((e, ctx) => {
    if (e.confidence === 'inferred' && e.reasoning === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reasoning'],
        input: undefined,
        message: 'a reasoning (de, en) when confidence is "inferred"',
      });
    }
  });
export type EventData = z.infer<typeof eventSchema>;

const UNKNOWABLE = ['publisher', 'title', 'author', 'url', 'published', 'retrieved'] as const;

/** A source: one YAML file per source, ids as in the research notes (`src-…`). */
export const sourceSchema = z
  .strictObject({
    /** Publisher or issuing body. */
    publisher: z.string().min(1).optional(),
    /** Title in the original language. */
    title: z.string().min(1).optional(),
    /** Translation of the title where the original is not in de or en. */
    titleTranslation: z.strictObject({ de: z.string().optional(), en: z.string().optional() }).optional(),
    /** Author, where a byline exists (journalists as authors of their own published work). */
    author: z.string().optional(),
    /** Address of the original, http(s). */
    url: httpUrl.optional(),
    /** Address of the copy actually retrieved, when it was a mirror or rewrite. */
    retrievedVia: httpUrl.optional(),
    /** Language of the source (ISO 639-1). */
    language: z.enum(V.SOURCE_LANGUAGES),
    /** Kind of source. */
    kind: z.enum(V.SOURCE_KINDS),
    /** Official document ids: Drucksache, Kamerstuk, CVE, advisory id. */
    documentIds: z.array(z.strictObject({ kind: z.enum(V.DOCUMENT_ID_KINDS), value: z.string().min(1) })).default([]),
    /** Publication date with its precision. */
    published: fuzzyDate.optional(),
    /** Day the source was retrieved for this research. */
    retrieved: isoDay.optional(),
    /** Address of an archived copy. */
    archiveUrl: httpUrl.optional(),
    /** Why there is no archived copy. */
    archiveMissingReason: z.string().min(3).optional(),
    /** Reliability notes: original, mirror, state media (dating only), partisan, paywalled, … */
    reliability: z.array(z.enum(V.RELIABILITY_NOTES)).min(1),
    /** Free note on the source in both languages (what it is used for, caveats). */
    note: bilingual.optional(),
    /** Fields that are not known, each with the reason: publisher, title, author, url, published, retrieved. */
    unknown: z.partialRecord(z.enum(UNKNOWABLE), z.string().min(3)).default({}),
  })
  .superRefine((s, ctx) => {
    for (const field of ['publisher', 'title', 'url', 'published', 'retrieved'] as const) {
      if (s[field] === undefined && s.unknown[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          input: undefined,
          message: `a value, or "unknown: { ${field}: <reason> }" stating why it is not known`,
        });
      }
      if (s[field] !== undefined && s.unknown[field] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['unknown', field],
          input: s.unknown[field],
          message: `either a value or an unknown-reason for ${field}, not both`,
        });
      }
    }
    if (s.archiveUrl === undefined && s.archiveMissingReason === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['archiveUrl'],
        input: undefined,
        message: 'an archive URL, or archiveMissingReason stating why there is none',
      });
    }
  });
export type SourceData = z.infer<typeof sourceSchema>;

/** An organisation or office (never a person). */
export const actorSchema = z.strictObject({
  /** Name in both languages. */
  name: bilingual,
  /** Optional short name or abbreviation (BMVg, BZK). */
  short: z.string().optional(),
  /** Kind of organisation or office. */
  kind: z.enum(V.ACTOR_KINDS),
  /** Country (ISO 3166-1 alpha-2, or EU). */
  country: z.enum(V.COUNTRIES),
  /** Category every aggregate chart counts by. */
  category: z.enum(V.ACTOR_CATEGORIES),
  /** Optional id of the actor this one is part of. */
  parent: slug.optional(),
  /** Optional description in both languages. */
  description: bilingual.optional(),
});
export type ActorData = z.infer<typeof actorSchema>;

/** A reported number, with what it counts, who said it and the original wording. */
export const figureSchema = z
  .strictObject({
    /** Id of the incident the figure belongs to. */
    incident: slug,
    /** What the figure counts. */
    measure: z.enum(V.FIGURE_MEASURES),
    /** The value: exact | about | more-than (open-ended) | range (stated bounds) | vague (words only). */
    value: z.strictObject({
      /** How the source states the number. */
      type: z.enum(['exact', 'about', 'more-than', 'range', 'vague']),
      /** The number, for exact and about. */
      n: z.number().nonnegative().optional(),
      /** Lower bound, for more-than and range. */
      min: z.number().nonnegative().optional(),
      /** Upper bound, for range. */
      max: z.number().nonnegative().optional(),
    }),
    /** What is counted, in words, in both languages. */
    label: bilingual,
    /** The original wording and its language. */
    wording: z.strictObject({ text: z.string().min(1), lang: z.enum(V.SOURCE_LANGUAGES) }),
    /** Who said it, in both languages ("ZEIT ONLINE, reported by dpa"). */
    attribution: bilingual,
    /** Optional actor id of who said it. */
    actor: slug.optional(),
    /** Date the figure was reported, with precision. */
    date: fuzzyDate.optional(),
    /** Sources. */
    sources: z.array(sourceRef).min(1, { error: 'at least one source' }),
    /** Optional note in both languages (what the figure does not say). */
    note: bilingual.optional(),
  })
  .superRefine((f, ctx) => {
    const v = f.value;
    const need = (k: 'n' | 'min' | 'max') => {
      if (v[k] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['value', k],
          input: undefined,
          message: `a number for value type "${v.type}"`,
        });
    };
    if (v.type === 'exact' || v.type === 'about') need('n');
    if (v.type === 'more-than') need('min');
    if (v.type === 'range') {
      need('min');
      need('max');
      if (v.min !== undefined && v.max !== undefined && v.max < v.min) {
        ctx.addIssue({
          code: 'custom',
          path: ['value', 'max'],
          input: v.max,
          message: `a number not below min (${v.min})`,
        });
      }
    }
    if (v.type === 'vague' && (v.n !== undefined || v.min !== undefined || v.max !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value', 'type'],
        input: v.type,
        message: 'no numbers for a vague figure (its wording is shown instead)',
      });
    }
  });
export type FigureData = z.infer<typeof figureSchema>;

/** A glossary term. */
export const glossarySchema = z.strictObject({
  /** The term in both languages. */
  term: bilingual,
  /** Optional expansion of an abbreviation, in both languages. */
  expansion: bilingual.optional(),
  /** The definition in both languages, in our own words. */
  definition: bilingual,
  /** Optional sources. */
  sources: z.array(sourceRef).default([]),
});
export type GlossaryData = z.infer<typeof glossarySchema>;

/** Frontmatter of an about page (MDX per topic and language). */
export const aboutSchema = z.strictObject({
  /** Page title. */
  title: z.string().min(1),
  /** One-sentence description. */
  description: z.string().min(1),
  /** Day of the last change. */
  updated: isoDay,
});
export type AboutData = z.infer<typeof aboutSchema>;

/** The collections, their folder under the content root and their file pattern. */
export const COLLECTIONS = {
  incidents: { dir: 'incidents', pattern: '*/incident.yaml', schema: incidentSchema },
  narratives: { dir: 'incidents', pattern: '*/{de,en}.mdx', schema: narrativeSchema },
  events: { dir: 'events', pattern: '*.yaml', schema: eventSchema },
  sources: { dir: 'sources', pattern: '*.yaml', schema: sourceSchema },
  actors: { dir: 'actors', pattern: '*.yaml', schema: actorSchema },
  figures: { dir: 'figures', pattern: '*.yaml', schema: figureSchema },
  glossary: { dir: 'glossary', pattern: '*.yaml', schema: glossarySchema },
  about: { dir: 'about', pattern: '*/{de,en}.mdx', schema: aboutSchema },
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
