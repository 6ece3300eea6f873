/**
 * Closed lists of the content model, each defined once. Values are exact kebab-case strings.
 * Labels for display live in `i18n.ts`; every value here must have a label there (a unit test checks).
 */

/** Translation status of one language of an entry. */
export const TRANSLATION_STATUSES = ['human', 'machine', 'missing'] as const;

/** Whether an incident entry is a real incident or a context entry grouping background items. */
export const INCIDENT_KINDS = ['incident', 'context'] as const;

/** State of an incident as a whole. */
export const INCIDENT_STATUSES = ['ongoing', 'concluded', 'under-investigation', 'background'] as const;

/** The conferencing platform concerned. */
export const PLATFORMS = ['webex', 'webex-on-premises', 'webex-cloud', 'other'] as const;

/** Countries: ISO 3166-1 alpha-2 codes used so far, plus `EU`. Extend the list when content needs it. */
export const COUNTRIES = [
  'AT',
  'BE',
  'CH',
  'DE',
  'DK',
  'ES',
  'FR',
  'IE',
  'IT',
  'LU',
  'NL',
  'PL',
  'RU',
  'SG',
  'US',
  'EU',
] as const;

/** What kind of thing happened in an event. */
export const EVENT_TYPES = [
  'incident',
  'discovery',
  'disclosure',
  'media-report',
  'official-statement',
  'vendor-advisory',
  'fix',
  'letter-to-parliament',
  'parliamentary-question',
  'parliamentary-session',
  'investigation',
  'legal-outcome',
  'disciplinary-measure',
  'political-reaction',
  'advisory',
  'policy-change',
  'vulnerability-record',
  'context',
] as const;

/** Status of the claim an event makes. */
export const CLAIM_STATUSES = ['confirmed', 'reported', 'disputed', 'retracted'] as const;

/**
 * How well the event is attested: `confirmed` in an original source; `secondary` only in a copy
 * (shown as "according to {publisher}"); `inferred` from sources, shown with its reasoning.
 */
export const CONFIDENCES = ['confirmed', 'secondary', 'inferred'] as const;

/** Qualifier of a vague date. */
export const DATE_QUALIFIERS = ['before', 'after', 'about'] as const;

/** Precision of a date, given by its ISO form: YYYY, YYYY-MM or YYYY-MM-DD. */
export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;

/** Kind of a source. */
export const SOURCE_KINDS = [
  'news-article',
  'news-broadcast',
  'news-agency',
  'commentary',
  'press-release',
  'government-statement',
  'parliamentary-document',
  'parliamentary-record',
  'vendor-advisory',
  'vulnerability-record',
  'agency-advisory',
  'blog',
  'organisation-page',
  'aggregator',
] as const;

/** Reliability notes a source can carry (several may apply). */
export const RELIABILITY_NOTES = [
  'original',
  'mirror',
  'secondary-copy',
  'state-media-dating-only',
  'partisan',
  'paywalled',
  'opinion',
  'excerpt-only',
  'low-weight',
  'known-error',
] as const;

/** Kind of official document id a source carries. */
export const DOCUMENT_ID_KINDS = ['drucksache', 'kamerstuk', 'cve', 'advisory', 'press-release', 'other'] as const;

/** Languages of sources (ISO 639-1). */
export const SOURCE_LANGUAGES = ['de', 'en', 'nl', 'fr', 'ja', 'ru', 'uk'] as const;

/** Kind of an actor: organisations and offices, never persons. */
export const ACTOR_KINDS = [
  'ministry',
  'office',
  'agency',
  'armed-forces',
  'parliament',
  'parliamentary-body',
  'parliamentary-group',
  'political-party',
  'prosecutor',
  'company',
  'media',
  'association',
  'university',
  'international-organisation',
] as const;

/** Category every aggregate chart counts actors by. */
export const ACTOR_CATEGORIES = [
  'government',
  'military',
  'parliament',
  'security-agency',
  'data-protection',
  'judiciary',
  'political-party',
  'subnational-government',
  'vendor',
  'media',
  'civil-society',
  'academia',
  'business',
] as const;

/** What a reported figure counts. */
export const FIGURE_MEASURES = [
  'links',
  'meetings',
  'office-holders',
  'officers',
  'minutes',
  'countries',
  'calls-joined',
  'conferences-per-month',
  'installations',
  'users',
  'people',
] as const;

/** Topics of the about section. */
export const ABOUT_TOPICS = [
  'method',
  'sourcing-and-naming',
  'inclusion-criteria',
  'privacy',
  'accessibility',
  'corrections-policy',
  'disclosure-control',
] as const;

export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type Platform = (typeof PLATFORMS)[number];
export type Country = (typeof COUNTRIES)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type DateQualifier = (typeof DATE_QUALIFIERS)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type ReliabilityNote = (typeof RELIABILITY_NOTES)[number];
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type ActorCategory = (typeof ACTOR_CATEGORIES)[number];
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];
export type AboutTopic = (typeof ABOUT_TOPICS)[number];
