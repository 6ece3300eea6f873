/**
 * UI strings of the timeline, in both languages (kept beside the timeline rather than in the
 * shared i18n table: they are many and only the timeline uses them). `{n}`, `{total}` etc. are
 * placeholders filled by `fill`.
 */
import type { Lang } from '../settings.ts';

const STRINGS = {
  de: {
    title: 'Zeitleiste',
    yearTitle: 'Zeitleiste {year}',
    intro:
      'Alle Ereignisse aller Vorfälle und Hintergrundeinträge in zeitlicher Reihenfolge, jeweils mit Datum und seiner Genauigkeit, Vorfall, Art, Status der Angabe, Beleglage und Zahl der Quellen.',
    yearIntro: 'Alle Ereignisse mit Beginn im Jahr {year}, in zeitlicher Reihenfolge.',
    noJsFilters:
      'Die Filter brauchen JavaScript. Ohne JavaScript zeigt diese Liste alle Ereignisse, auch wenn die Adresse Filter enthält.',
    noJsIndex: 'Ohne JavaScript steht die vollständige Liste auf den Jahresseiten.',
    filters: 'Filter',
    filterHelp:
      'Mehrere Werte einer Gruppe: eines davon genügt. Mehrere Gruppen: alle müssen zutreffen. Land: Land eines beteiligten Akteurs oder des Vorfalls. Zeitraum: Ereignisse, deren Datumsspanne den Zeitraum berührt. In Klammern: Zahl der Ereignisse mit diesem Wert.',
    incident: 'Vorfall',
    type: 'Art',
    status: 'Status der Angabe',
    confidence: 'Beleglage',
    actor: 'Akteur',
    category: 'Kategorie der Akteure',
    country: 'Land',
    period: 'Zeitraum',
    from: 'Von',
    to: 'Bis',
    dateHint: 'JJJJ, JJJJ-MM oder JJJJ-MM-TT',
    q: 'Text in Titel oder Zusammenfassung',
    apply: 'Filter anwenden',
    showValues: 'Alle {n} Werte zeigen',
    clear: 'Alle Filter zurücksetzen',
    countAll: '{total} Ereignisse',
    countOf: '{n} von {total} Ereignissen',
    countOne: '1 von {total} Ereignissen',
    noMatch: 'Kein Ereignis passt zu diesen Filtern.',
    visual: 'Grafische Zeitleiste',
    visualHelp:
      'Eine Spur je Vorfall. Punkte sind tagesgenaue Ereignisse; Balken stehen für Monate, Jahre, Zeiträume oder ungefähre Daten. Tastatur: mit Tab in die Grafik, Pfeiltasten links/rechts wechseln innerhalb einer Spur, auf/ab zwischen Spuren, Eingabetaste öffnet das Ereignis, Plus/Minus zoomen, Escape verlässt die Grafik. Maus: ziehen verschiebt, Strg + Mausrad zoomt.',
    chartLabel:
      'Grafische Zeitleiste, {n} Ereignisse in {lanes} Spuren. Pfeiltasten wählen ein Ereignis, Eingabetaste öffnet es, Escape verlässt die Grafik.',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    zoomReset: 'Ganze Zeitspanne',
    legendPoint: 'tagesgenaues Ereignis',
    legendSpan: 'Monat, Jahr, Zeitraum oder ungefähres Datum',
    legendOpen: 'offenes Ende (vor/nach)',
    eventLabel: '{date}: {title}. {incident}. {type}, {status}. Ereignis {pos} von {count} dieser Spur.',
    years: 'Jahre',
    yearPages: 'Die Liste nach Jahren',
    showMore: 'Weitere {n} Ereignisse zeigen',
    targetHidden: 'Das verlinkte Ereignis ist durch die aktuellen Filter ausgeblendet.',
    showTarget: 'Filter zurücksetzen und Ereignis zeigen',
    loadError:
      'Die Daten der Zeitleiste konnten nicht geladen werden; die Liste unten ist vollständig, aber nicht filterbar.',
    openInTimeline: 'Dieses Jahr in der filterbaren Zeitleiste',
    previousYear: 'Vorheriges Jahr',
    nextYear: 'Nächstes Jahr',
    source: 'Quelle',
    sources: 'Quellen',
    followUp: 'Nachgang (nach Ende des Vorfalls)',
    discrepancy: 'Abweichende Angaben',
    invalidParam: 'Nicht berücksichtigt: {param}={value} (erlaubt: {allowed}).',
    all: 'alle',
  },
  en: {
    title: 'Timeline',
    yearTitle: 'Timeline {year}',
    intro:
      'Every event of every incident and background entry in chronological order, each with its date and that date’s precision, incident, type, claim status, evidence and number of sources.',
    yearIntro: 'Every event that begins in {year}, in chronological order.',
    noJsFilters:
      'The filters need JavaScript. Without JavaScript this list shows every event, even when the address contains filters.',
    noJsIndex: 'Without JavaScript, the complete list is on the year pages.',
    filters: 'Filters',
    filterHelp:
      'Several values in one group: any of them will do. Several groups: all must hold. Country: the country of an actor involved or of the incident. Period: events whose date span touches the period. In brackets: number of events with that value.',
    incident: 'Incident',
    type: 'Type',
    status: 'Claim status',
    confidence: 'Evidence',
    actor: 'Actor',
    category: 'Actor category',
    country: 'Country',
    period: 'Period',
    from: 'From',
    to: 'To',
    dateHint: 'YYYY, YYYY-MM or YYYY-MM-DD',
    q: 'Text in title or summary',
    apply: 'Apply filters',
    showValues: 'Show all {n} values',
    clear: 'Clear all filters',
    countAll: '{total} events',
    countOf: '{n} of {total} events',
    countOne: '1 of {total} events',
    noMatch: 'No event matches these filters.',
    visual: 'Visual timeline',
    visualHelp:
      'One lane per incident. Dots are events known to the day; bars stand for months, years, ranges or approximate dates. Keyboard: Tab into the chart, left/right arrows move within a lane, up/down between lanes, Enter opens the event, plus/minus zoom, Escape leaves the chart. Mouse: drag to pan, Ctrl + wheel to zoom.',
    chartLabel:
      'Visual timeline, {n} events in {lanes} lanes. Arrow keys select an event, Enter opens it, Escape leaves the chart.',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Whole period',
    legendPoint: 'event known to the day',
    legendSpan: 'month, year, range or approximate date',
    legendOpen: 'open end (before/after)',
    eventLabel: '{date}: {title}. {incident}. {type}, {status}. Event {pos} of {count} in this lane.',
    years: 'Years',
    yearPages: 'The list by year',
    showMore: 'Show {n} more events',
    targetHidden: 'The linked event is hidden by the current filters.',
    showTarget: 'Clear the filters and show the event',
    loadError: 'The timeline data could not be loaded; the list below is complete but cannot be filtered.',
    openInTimeline: 'This year in the filterable timeline',
    previousYear: 'Previous year',
    nextYear: 'Next year',
    source: 'source',
    sources: 'sources',
    followUp: 'Follow-up (after the end of the incident)',
    discrepancy: 'Sources disagree',
    invalidParam: 'Ignored: {param}={value} (allowed: {allowed}).',
    all: 'all',
  },
} as const;

export type TimelineStringKey = keyof (typeof STRINGS)['de'];
export type TimelineStrings = Record<TimelineStringKey, string>;

export function timelineStrings(lang: Lang): TimelineStrings {
  return STRINGS[lang];
}

/** Replaces `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
