/** UI strings of the search page, in both languages (pure module; placeholders as `{n}`). */
import type { Lang } from '../../lib/settings.ts';

const STRINGS = {
  de: {
    title: 'Suche',
    intro: 'Volltextsuche über Ereignisse, Vorfälle, Quellen, Akteure, Glossar und Methodenseiten.',
    label: 'Suchbegriff',
    submit: 'Suchen',
    noJs: 'Die Suche braucht JavaScript. Ohne JavaScript finden Sie alle Ereignisse in der Zeitleiste und alles Übrige in den Listen:',
    failed:
      'Der Suchindex konnte nicht geladen werden. Alle Ereignisse stehen in der Zeitleiste, alles Übrige in den Listen:',
    timeline: 'Zeitleiste (alle Ereignisse)',
    incidents: 'Vorfälle',
    sources: 'Quellen',
    actors: 'Akteure',
    glossary: 'Glossar',
    facets: 'Ergebnisse eingrenzen',
    results: 'Ergebnisse',
    prompt: 'Geben Sie einen Suchbegriff ein oder wählen Sie einen Filter.',
    loading: 'Suche läuft …',
    none: 'Keine Treffer für „{q}“.',
    noneFiltered: 'Keine Treffer mit diesen Filtern.',
    count: '{n} Treffer',
    countOne: '1 Treffer',
    countQ: '{n} Treffer für „{q}“',
    countQOne: '1 Treffer für „{q}“',
    more: 'Weitere Treffer zeigen',
    onTimeline: 'Diese Suche auf der Zeitleiste zeigen',
    clear: 'Filter zurücksetzen',
    allValues: 'Alle {n} zeigen',
    facetsLoading: 'Filter werden geladen …',
    facetsFailed: 'Die Filter konnten nicht geladen werden.',
    kind: 'Seitenart',
    incident: 'Vorfall',
    type: 'Art des Ereignisses',
    year: 'Jahr',
    status: 'Status der Angabe',
    publisher: 'Herausgeber der Quelle',
    kindLabels: {
      event: 'Ereignis',
      incident: 'Vorfall',
      source: 'Quelle',
      actor: 'Akteur',
      glossary: 'Glossar',
      about: 'Über das Projekt',
      corrections: 'Korrekturen',
      brief: 'Kurzfassung',
      page: 'Seite',
      list: 'Liste',
    },
  },
  en: {
    title: 'Search',
    intro: 'Full-text search over events, incidents, sources, actors, the glossary and the method pages.',
    label: 'Search term',
    submit: 'Search',
    noJs: 'Search needs JavaScript. Without JavaScript, every event is in the timeline and everything else in the lists:',
    failed: 'The search index could not be loaded. Every event is in the timeline, everything else in the lists:',
    timeline: 'Timeline (every event)',
    incidents: 'Incidents',
    sources: 'Sources',
    actors: 'Actors',
    glossary: 'Glossary',
    facets: 'Narrow the results',
    results: 'Results',
    prompt: 'Enter a search term or choose a filter.',
    loading: 'Searching …',
    none: 'No results for “{q}”.',
    noneFiltered: 'No results with these filters.',
    count: '{n} results',
    countOne: '1 result',
    countQ: '{n} results for “{q}”',
    countQOne: '1 result for “{q}”',
    more: 'Show more results',
    onTimeline: 'Show this search on the timeline',
    clear: 'Clear filters',
    allValues: 'Show all {n}',
    facetsLoading: 'Loading filters …',
    facetsFailed: 'The filters could not be loaded.',
    kind: 'Kind of page',
    incident: 'Incident',
    type: 'Event type',
    year: 'Year',
    status: 'Claim status',
    publisher: 'Source publisher',
    kindLabels: {
      event: 'Event',
      incident: 'Incident',
      source: 'Source',
      actor: 'Actor',
      glossary: 'Glossary',
      about: 'About the project',
      corrections: 'Corrections',
      brief: 'Brief',
      page: 'Page',
      list: 'List',
    },
  },
} as const;

export type SearchStrings = Record<Exclude<keyof (typeof STRINGS)['de'], 'kindLabels'>, string> & {
  kindLabels: Record<string, string>;
};

export function searchStrings(lang: Lang): SearchStrings {
  return STRINGS[lang] satisfies SearchStrings;
}

/** The Pagefind filters shown as facets, in display order (keys as set in the page markup). */
export const SEARCH_FACETS = ['kind', 'incident', 'type', 'year', 'status', 'publisher'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** The strings the page's script uses; the page passes only these (as `data-strings`). */
export const CLIENT_STRINGS = [
  'prompt',
  'loading',
  'none',
  'noneFiltered',
  'count',
  'countOne',
  'countQ',
  'countQOne',
  'allValues',
  'facetsLoading',
  'facetsFailed',
  'kindLabels',
  ...SEARCH_FACETS,
] as const;
export type ClientStrings = Pick<SearchStrings, (typeof CLIENT_STRINGS)[number]>;

export function clientStrings(s: SearchStrings): ClientStrings {
  return Object.fromEntries(CLIENT_STRINGS.map((k) => [k, s[k]])) as ClientStrings;
}
