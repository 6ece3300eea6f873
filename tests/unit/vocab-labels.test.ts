import { describe, it, expect } from 'vitest';
import * as V from '../../src/lib/vocab.ts';
import { LABELS } from '../../src/lib/i18n.ts';

const LISTS: [string, readonly string[]][] = [
  ['translation', V.TRANSLATION_STATUSES],
  ['incidentKind', V.INCIDENT_KINDS],
  ['incidentStatus', V.INCIDENT_STATUSES],
  ['platform', V.PLATFORMS],
  ['country', V.COUNTRIES],
  ['eventType', V.EVENT_TYPES],
  ['claimStatus', V.CLAIM_STATUSES],
  ['confidence', V.CONFIDENCES],
  ['dateQualifier', V.DATE_QUALIFIERS],
  ['datePrecision', V.DATE_PRECISIONS],
  ['sourceKind', V.SOURCE_KINDS],
  ['reliability', V.RELIABILITY_NOTES],
  ['documentIdKind', V.DOCUMENT_ID_KINDS],
  ['sourceLanguage', V.SOURCE_LANGUAGES],
  ['actorKind', V.ACTOR_KINDS],
  ['actorCategory', V.ACTOR_CATEGORIES],
  ['figureMeasure', V.FIGURE_MEASURES],
  ['aboutTopic', V.ABOUT_TOPICS],
];

describe('closed lists', () => {
  it.each(LISTS)('every value of %s has a German and an English label', (list, values) => {
    for (const v of values) {
      expect(LABELS[list]?.[v]?.de, `${list}.${v} de`).toBeTruthy();
      expect(LABELS[list]?.[v]?.en, `${list}.${v} en`).toBeTruthy();
    }
  });
  it.each(LISTS.filter(([l]) => l !== 'country' && l !== 'sourceLanguage'))(
    'every value of %s is exact kebab-case',
    (_l, values) => {
      for (const v of values) expect(v).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    },
  );
});
