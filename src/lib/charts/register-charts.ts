/**
 * Chart specifications: for each chart its title, one-sentence summary, source, method, as-of
 * date, the SVG and the table it is drawn from. The table is the single truth: the SVG is drawn
 * from the same prepared data, and the CSV/JSON downloads are made from the table itself.
 */
import type { Lang } from '../settings.ts';
import { label } from '../i18n.ts';
import { formatIso, lowerBound } from '../dates.ts';
import { formatFigureValue } from '../figures.ts';
import type { Dataset } from '../dataset-schema.ts';
import {
  affectedByCategoryCountry,
  eventsPerMonth,
  type EventsPerMonth,
  figuresByMeasure,
  incidentMilestones,
  registerAsOf,
  sourcesByKindLanguage,
  MILESTONES,
  type DayInterval,
  type IncidentMilestones,
  type Milestone,
  type RegisterInput,
} from '../register-aggregates.ts';
import { renderStackedBars } from './bars.ts';
import { renderMatrix } from './matrix.ts';
import { renderIntervals, type IntervalRow } from './intervals.ts';
import { renderFigures, type FigureRow } from './figures.ts';
import { cs, DIMENSION_LABELS } from './strings.ts';
import { fmtNumber, PATTERNS } from './svg.ts';

export type Cell = string | number | null;

export interface ChartTable {
  caption: string;
  /** Column headings; the first column holds the row headings. */
  columns: string[];
  rows: Cell[][];
}

export interface ChartSpec {
  /** Stable id, used for element ids and download file names. */
  id: string;
  title: string;
  /** One sentence on what the chart shows. */
  summary: string;
  source: string;
  method: string;
  /** ISO day the data is as of. */
  asOf: string;
  /** Extra notes shown under the chart (e.g. events not placed in a month). */
  notes: string[];
  svg: string;
  table: ChartTable;
}

const n = (v: number, lang: Lang) => fmtNumber(v, lang);
const dimLabel = (list: string, v: string, lang: Lang) => DIMENSION_LABELS[list]?.[v]?.[lang] ?? v;

function incidentTitle(input: RegisterInput, id: string, lang: Lang): string {
  return input.incidents.find((i) => i.id === id)?.data.title[lang] ?? id;
}

/**
 * Most incidents the charts page treats one by one. Up to this many, it shows every incident's
 * own charts and one series (or group of rows) per incident; above it, each incident's charts stay
 * on its own page (the charts page links there), the events chart shows the `TOP_INCIDENTS` with
 * the most events plus one series for all the others, and the milestones chart the `TOP_INCIDENTS`
 * most recent. Tied to the number of fill patterns so every series keeps a pattern of its own.
 */
export const INCIDENT_THRESHOLD = PATTERNS.length;
/** Incidents shown on their own in a register-wide chart above the threshold. */
export const TOP_INCIDENTS = INCIDENT_THRESHOLD - 1;

/** True when the register has more incidents than the charts page treats one by one. */
export function aboveThreshold(input: Pick<RegisterInput, 'incidents'>): boolean {
  return input.incidents.length > INCIDENT_THRESHOLD;
}

/**
 * Above the threshold: the `TOP_INCIDENTS` series with the most events (ties in register order)
 * and one series summing the rest, with how many incidents it sums. At or below it: as given.
 */
export function topSeries(series: EventsPerMonth['series']): {
  top: EventsPerMonth['series'];
  other: { incidents: string[]; counts: number[] } | null;
} {
  if (series.length <= INCIDENT_THRESHOLD) return { top: [...series], other: null };
  const total = (c: number[]) => c.reduce((a, b) => a + b, 0);
  const ranked = series.map((x, i) => ({ x, i, t: total(x.counts) })).sort((a, b) => b.t - a.t || a.i - b.i);
  const top = ranked.slice(0, TOP_INCIDENTS).map((r) => r.x);
  const rest = ranked.slice(TOP_INCIDENTS).map((r) => r.x);
  const counts = rest[0]!.counts.map((_, m) => rest.reduce((a, x) => a + x.counts[m]!, 0));
  return { top, other: { incidents: rest.map((x) => x.incident), counts } };
}

/** Events per month by incident (all incidents, or one). */
export function eventsChart(input: RegisterInput, lang: Lang, incidentId?: string): ChartSpec | null {
  const s = cs(lang);
  // The register-wide chart covers real incidents; context entries (background reaching back years) only on their own page.
  const ids = incidentId ? [incidentId] : input.incidents.filter((i) => i.data.kind === 'incident').map((i) => i.id);
  const d = eventsPerMonth(input.events, ids);
  if (d.months.length === 0) return null;
  const id = incidentId ? `events-${incidentId}` : 'events-per-month';
  const title = incidentId
    ? lang === 'de'
      ? 'Ereignisse pro Monat'
      : 'Events per month'
    : lang === 'de'
      ? 'Ereignisse pro Monat, nach Vorfall'
      : 'Events per month, by incident';
  const { top, other } = incidentId ? { top: d.series, other: null } : topSeries(d.series);
  const series = [
    ...top.map((x) => ({ label: incidentTitle(input, x.incident, lang), counts: x.counts })),
    ...(other ? [{ label: s.otherIncidents(other.incidents.length), counts: other.counts }] : []),
  ];
  const totals = d.months.map((_, i) => series.reduce((a, x) => a + x.counts[i]!, 0));
  const all = totals.reduce((a, b) => a + b, 0);
  const peak = totals.indexOf(Math.max(...totals));
  const monthText = (m: string) => formatIso(m, lang);
  const first = monthText(d.months[0]!);
  const last = monthText(d.months.at(-1)!);
  const grouped = other
    ? lang === 'de'
      ? `; die ${top.length} Vorfälle mit den meisten Ereignissen sind einzeln gezeigt, die übrigen ${n(other.incidents.length, lang)} zusammen als „${s.otherIncidents(other.incidents.length)}“`
      : `; the ${top.length} incidents with the most events are shown on their own, the other ${n(other.incidents.length, lang)} together as “${s.otherIncidents(other.incidents.length)}”`
    : '';
  const summary =
    lang === 'de'
      ? `Von ${first} bis ${last} verzeichnet das Register ${n(all, lang)} monatsgenau datierte Ereignisse${incidentId ? '' : ` zu ${d.series.length} ${d.series.length === 1 ? 'Vorfall' : 'Vorfällen'}`}, die meisten (${n(totals[peak]!, lang)}) im ${monthText(d.months[peak]!)}${grouped}.`
      : `From ${first} to ${last} the register records ${n(all, lang)} events dated to the month${incidentId ? '' : ` across ${d.series.length} incident${d.series.length === 1 ? '' : 's'}`}, most of them (${n(totals[peak]!, lang)}) in ${monthText(d.months[peak]!)}${grouped}.`;
  const seriesLabels = series.map((x) => x.label);
  const svg = renderStackedBars(
    {
      categories: d.months.map((m) => ({
        key: m,
        label: monthText(m),
        short: new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
          month: 'short',
          year: '2-digit',
          timeZone: 'UTC',
        }).format(new Date(`${m}-01T00:00:00Z`)),
      })),
      series: series.map((x) => ({ label: x.label, values: x.counts })),
    },
    { id, title, desc: summary, lang, yLabel: s.events },
  );
  const unplaced = d.unplaced.reduce((a, x) => a + x.count, 0);
  return {
    id,
    title,
    summary,
    source: `${s.registerSource}: ${lang === 'de' ? 'Ereignisse' : 'events'}`,
    method:
      (lang === 'de'
        ? 'Jedes Ereignis zählt im Monat seines Datums. Ereignisse, deren Datum nur das Jahr nennt oder über mehrere Monate reicht, werden nicht auf Monate verteilt, sondern darunter gesondert genannt.'
        : 'Each event counts in the month of its date. Events dated only to the year, or to a range across months, are not spread over months but counted separately below.') +
      (other
        ? lang === 'de'
          ? ` Bei mehr als ${INCIDENT_THRESHOLD} Vorfällen erhalten nur die ${TOP_INCIDENTS} mit den meisten monatsgenau datierten Ereignissen eine eigene Reihe; die Ereignisse aller übrigen Vorfälle werden Monat für Monat zu einer Reihe „weitere Vorfälle“ addiert. Die Seite jedes Vorfalls zeigt seine eigenen Ereignisse pro Monat.`
          : ` With more than ${INCIDENT_THRESHOLD} incidents, only the ${TOP_INCIDENTS} with the most events dated to the month get a series of their own; the events of all other incidents are added up month by month into one series “other incidents”. Each incident’s page shows its own events per month.`
        : ''),
    asOf: registerAsOf(input),
    notes: unplaced > 0 ? [s.unplaced(unplaced)] : [],
    svg,
    table: {
      caption: title,
      columns: [s.month, ...seriesLabels, ...(series.length > 1 ? [s.total] : [])],
      rows: d.months.map((m, i) => [
        monthText(m),
        ...series.map((x) => x.counts[i]!),
        ...(series.length > 1 ? [totals[i]!] : []),
      ]),
    },
  };
}

/** Affected institutions of one incident by category × country. */
export function affectedChart(input: RegisterInput, lang: Lang, incidentId: string): ChartSpec | null {
  const s = cs(lang);
  const d = affectedByCategoryCountry(input.events, input.actors, incidentId);
  if (d.total === 0) return null;
  const id = `affected-${incidentId}`;
  const inc = incidentTitle(input, incidentId, lang);
  const title =
    lang === 'de'
      ? `Betroffene Institutionen nach Kategorie und Land: ${inc}`
      : `Affected institutions by category and country: ${inc}`;
  const rowTotals = d.counts.map((r) => r.reduce((a, b) => a + b, 0));
  const top = rowTotals.indexOf(Math.max(...rowTotals));
  const cat = (c: string) => label(lang, 'actorCategory', c);
  const country = (c: string) => label(lang, 'country', c);
  const summary =
    lang === 'de'
      ? `${n(d.total, lang)} verschiedene Institutionen werden als betroffen genannt, aus ${d.cols.length} ${d.cols.length === 1 ? 'Land' : 'Ländern'}; die größte Gruppe ist „${cat(d.rows[top]!)}“ mit ${n(rowTotals[top]!, lang)}.`
      : `${n(d.total, lang)} distinct institutions are named as affected, from ${d.cols.length} ${d.cols.length === 1 ? 'country' : 'countries'}; the largest group is “${cat(d.rows[top]!)}” with ${n(rowTotals[top]!, lang)}.`;
  const svg = renderMatrix(
    { rows: d.rows.map(cat), cols: d.cols.map(country), values: d.counts },
    { id, title, desc: summary, lang },
  );
  const colTotals = d.cols.map((_, ci) => d.counts.reduce((a, r) => a + r[ci]!, 0));
  return {
    id,
    title,
    summary,
    source: `${s.registerSource}: ${lang === 'de' ? 'Ereignisse und Akteure des Vorfalls' : 'events and actors of the incident'}`,
    method:
      lang === 'de'
        ? 'Gezählt werden verschiedene Akteure (Organisationen und Ämter), die in mindestens einem Ereignis des Vorfalls mit der Rolle „betroffen“ genannt sind, nach der Kategorie und dem Land des Akteurs. Zurückgezogene Meldungen zählen nicht.'
        : 'Counted are distinct actors (organisations and offices) named with the role “affected” in at least one event of the incident, by the actor’s category and country. Retracted reports do not count.',
    asOf: registerAsOf(input),
    notes: [],
    svg,
    table: {
      caption: title,
      columns: [s.category, ...d.cols.map(country), s.total],
      rows: [...d.rows.map((r, ri) => [cat(r), ...d.counts[ri]!, rowTotals[ri]!]), [s.total, ...colTotals, d.total]],
    },
  };
}

/** Sources by kind × language. */
export function sourcesChart(input: RegisterInput, lang: Lang): ChartSpec | null {
  const s = cs(lang);
  const d = sourcesByKindLanguage(input.sources);
  if (d.total === 0) return null;
  const id = 'sources-by-kind-language';
  const title = lang === 'de' ? 'Quellen nach Art und Sprache' : 'Sources by kind and language';
  const kind = (k: string) => label(lang, 'sourceKind', k);
  const language = (l: string) => label(lang, 'sourceLanguage', l);
  const rowTotals = d.counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = d.cols.map((_, ci) => d.counts.reduce((a, r) => a + r[ci]!, 0));
  const top = rowTotals.indexOf(Math.max(...rowTotals));
  const topLang = colTotals.indexOf(Math.max(...colTotals));
  const summary =
    lang === 'de'
      ? `Das Register stützt sich auf ${n(d.total, lang)} Quellen in ${d.cols.length} Sprachen, am häufigsten „${kind(d.rows[top]!)}“ (${n(rowTotals[top]!, lang)}) und auf ${language(d.cols[topLang]!)} (${n(colTotals[topLang]!, lang)}).`
      : `The register rests on ${n(d.total, lang)} sources in ${d.cols.length} languages, most often “${kind(d.rows[top]!)}” (${n(rowTotals[top]!, lang)}) and in ${language(d.cols[topLang]!)} (${n(colTotals[topLang]!, lang)}).`;
  return {
    id,
    title,
    summary,
    source: `${s.registerSource}: ${lang === 'de' ? 'Quellen' : 'sources'}`,
    method:
      lang === 'de'
        ? 'Jede Quelle des Registers zählt einmal, nach ihrer Art und der Sprache des Originals.'
        : 'Each source of the register counts once, by its kind and the language of the original.',
    asOf:
      input.sources
        .map((x) => x.data.retrieved ?? '')
        .sort()
        .at(-1) || registerAsOf(input),
    notes: [],
    svg: renderMatrix(
      { rows: d.rows.map(kind), cols: d.cols.map(language), values: d.counts },
      { id, title, desc: summary, lang },
    ),
    table: {
      caption: title,
      columns: [s.kind, ...d.cols.map(language), s.total],
      rows: [...d.rows.map((r, ri) => [kind(r), ...d.counts[ri]!, rowTotals[ri]!]), [s.total, ...colTotals, d.total]],
    },
  };
}

function intervalText(iv: DayInterval | { min: number; max: number }, lang: Lang): string {
  const s = cs(lang);
  const unit = (v: number) => (Math.abs(v) === 1 ? (lang === 'de' ? 'Tag' : 'day') : s.days);
  return iv.min === iv.max
    ? `${n(iv.min, lang)} ${unit(iv.min)}`
    : `${n(iv.min, lang)} ${lang === 'de' ? 'bis' : 'to'} ${n(iv.max, lang)} ${s.days}`;
}

/** When an incident became known: its first disclosure, else the start of its period (first day). */
function knownSince(input: RegisterInput, m: IncidentMilestones): string {
  const start = input.incidents.find((i) => i.id === m.incident)?.data.period.start;
  return m.disclosure?.first ?? (start ? lowerBound(start) : '');
}

/**
 * At or below the threshold every incident, in register order; above it the `TOP_INCIDENTS` most
 * recent (by first disclosure, else period start; ties by id), most recent first.
 */
export function mostRecent(input: RegisterInput, ms: readonly IncidentMilestones[]): IncidentMilestones[] {
  if (ms.length <= INCIDENT_THRESHOLD) return [...ms];
  return ms
    .map((m) => ({ m, on: knownSince(input, m) }))
    .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : a.m.incident < b.m.incident ? -1 : 1))
    .slice(0, TOP_INCIDENTS)
    .map((x) => x.m);
}

/**
 * Time between milestones for every real incident (above the threshold: the most recent), or
 * for one.
 */
export function milestonesChart(input: RegisterInput, lang: Lang, incidentId?: string): ChartSpec | null {
  const s = cs(lang);
  const ids = incidentId ? [incidentId] : input.incidents.filter((i) => i.data.kind === 'incident').map((i) => i.id);
  const all = incidentMilestones(input.events, ids).filter((m) => m.disclosure || m.statement || m.fix);
  if (all.length === 0) return null;
  const ms = incidentId ? all : mostRecent(input, all);
  const hidden = all.length - ms.length;
  const id = incidentId ? `milestones-${incidentId}` : 'milestones';
  const title = incidentId
    ? lang === 'de'
      ? 'Zeit bis zur Stellungnahme und zur Behebung'
      : 'Time to statement and fix'
    : lang === 'de'
      ? 'Zeit bis zur Stellungnahme und zur Behebung, nach Vorfall'
      : 'Time to statement and fix, by incident';
  const types = (k: keyof typeof MILESTONES) =>
    MILESTONES[k]
      .map((t) => (lang === 'de' ? `„${label(lang, 'eventType', t)}“` : `“${label(lang, 'eventType', t)}”`))
      .join(lang === 'de' ? ' oder ' : ' or ');
  const dateText = (m: Milestone | null) => (m ? formatIso(m.on, lang) : null);
  const rows: IntervalRow[] = [];
  const tableRows: Cell[][] = [];
  let negative = 0;
  let ranges = 0;
  for (const m of ms) {
    const g = incidentTitle(input, m.incident, lang);
    for (const [key, iv, target, lbl] of [
      ['statement', m.toStatement, m.statement, s.toStatement],
      ['fix', m.toFix, m.fix, s.toFix],
    ] as const) {
      rows.push({ group: g, label: lbl, interval: iv, naText: s.notApplicable });
      let note: string;
      if (!iv) {
        const missing = !m.disclosure ? types('disclosure') : types(key);
        note = `${s.notApplicable}: ${lang === 'de' ? `kein Ereignis vom Typ ${missing}` : `no event of type ${missing}`}`;
      } else {
        note = iv.exact ? s.exactDays : s.rangeNote;
        if (!iv.exact) ranges++;
        if (key === 'fix' && iv.max < 0) {
          note += `; ${s.negativeNote}`;
          negative++;
        }
      }
      tableRows.push([g, lbl, dateText(m.disclosure), dateText(target), iv ? iv.min : null, iv ? iv.max : null, note]);
    }
  }
  const which = hidden
    ? lang === 'de'
      ? `Für die ${ms.length} jüngsten von ${n(all.length, lang)} Vorfällen`
      : `For the ${ms.length} most recent of ${n(all.length, lang)} incidents`
    : lang === 'de'
      ? `Für ${ms.length} ${ms.length === 1 ? 'Vorfall' : 'Vorfälle'}`
      : `For ${ms.length} incident${ms.length === 1 ? '' : 's'}`;
  const summary =
    lang === 'de'
      ? `${which} die Tage von der ersten öffentlichen Offenlegung bis zur ersten offiziellen Stellungnahme und bis zur Behebung${negative ? `; in ${negative} ${negative === 1 ? 'Fall' : 'Fällen'} lag die Behebung vor der Offenlegung (negativer Wert)` : ''}${ranges ? `; ${ranges} Abstände sind nur als Spanne bekannt` : ''}.`
      : `${which}, the days from the first public disclosure to the first official statement and to the fix${negative ? `; in ${negative} case${negative === 1 ? '' : 's'} the fix came before disclosure (negative value)` : ''}${ranges ? `; ${ranges} interval${ranges === 1 ? ' is' : 's are'} known only as a range` : ''}.`;
  return {
    id,
    title,
    summary,
    source: `${s.registerSource}: ${lang === 'de' ? 'Ereignisse und ihre Typen' : 'events and their types'}`,
    method:
      (lang === 'de'
        ? `Erste Offenlegung: das früheste Ereignis vom Typ ${types('disclosure')}; erste Stellungnahme: ${types('statement')}; Behebung: ${types('fix')}. Zurückgezogene Meldungen zählen nicht. Ist ein Datum nur monats- oder jahrgenau bekannt, wird die Spanne aller möglichen Abstände gezeigt (schraffiert). Fehlt ein Meilenstein, steht „entfällt“.`
        : `First disclosure: the earliest event of type ${types('disclosure')}; first statement: ${types('statement')}; fix: ${types('fix')}. Retracted reports do not count. Where a date is known only to the month or year, the range of all possible intervals is shown (hatched). A milestone that does not apply is marked “not applicable”.`) +
      (hidden
        ? lang === 'de'
          ? ` Bei mehr als ${INCIDENT_THRESHOLD} Vorfällen zeigt diese Grafik nur die ${TOP_INCIDENTS} jüngsten, gemessen an der ersten Offenlegung (ohne Offenlegung: am Beginn des Vorfalls).`
          : ` With more than ${INCIDENT_THRESHOLD} incidents, this chart shows only the ${TOP_INCIDENTS} most recent, by first disclosure (without one: by the start of the incident).`
        : ''),
    asOf: registerAsOf(input),
    notes: hidden ? [s.milestonesHidden(hidden)] : [],
    svg: renderIntervals(rows, {
      id,
      title,
      desc: summary,
      lang,
      axisLabel: s.daysAfterDisclosure,
      format: (iv) => intervalText(iv, lang),
    }),
    table: {
      caption: title,
      columns: [s.incident, s.interval, s.from, s.to, s.minDays, s.maxDays, s.note],
      rows: tableRows,
    },
  };
}

/** Reported figures of one incident side by side on a log scale, by measure, never summed. */
export function figuresChart(input: RegisterInput, lang: Lang, incidentId: string): ChartSpec | null {
  const s = cs(lang);
  const groups = figuresByMeasure(input.figures, incidentId);
  if (groups.length === 0) return null;
  const id = `figures-${incidentId}`;
  const inc = incidentTitle(input, incidentId, lang);
  const title = lang === 'de' ? `Genannte Zahlen: ${inc}` : `Reported figures: ${inc}`;
  const rows: FigureRow[] = [];
  const tableRows: Cell[][] = [];
  let count = 0;
  for (const g of groups) {
    const measure = label(lang, 'figureMeasure', g.measure);
    for (const f of g.figures) {
      count++;
      const v = f.data.value;
      const valueText = formatFigureValue(v, lang);
      rows.push({ group: measure, label: f.data.attribution[lang], value: v, valueText, wording: f.data.wording.text });
      const lower = v.type === 'exact' || v.type === 'about' ? (v.n ?? null) : (v.min ?? null);
      const upper =
        v.type === 'exact' || v.type === 'about' ? (v.n ?? null) : v.type === 'range' ? (v.max ?? null) : null;
      tableRows.push([
        `${measure}: ${f.data.label[lang]}`,
        f.data.attribution[lang],
        valueText,
        s.valueTypes[v.type],
        lower,
        upper,
        f.data.wording.text,
      ]);
    }
  }
  const summary =
    lang === 'de'
      ? `${n(count, lang)} genannte ${count === 1 ? 'Zahl' : 'Zahlen'} zu ${groups.length} ${groups.length === 1 ? 'Messgröße' : 'verschiedenen Messgrößen'} (${groups.map((g) => label(lang, 'figureMeasure', g.measure)).join(', ')}), jede mit ihrer Herkunft; Zahlen verschiedener Messgrößen werden nicht addiert.`
      : `${n(count, lang)} reported figure${count === 1 ? '' : 's'} on ${groups.length} measure${groups.length === 1 ? '' : 's'} (${groups.map((g) => label(lang, 'figureMeasure', g.measure)).join(', ')}), each attributed; figures of different measures are never added up.`;
  return {
    id,
    title,
    summary,
    source: `${s.registerSource}: ${lang === 'de' ? 'genannte Zahlen mit ihren Quellen' : 'reported figures with their sources'}`,
    method:
      lang === 'de'
        ? 'Logarithmische Skala, gruppiert nach dem, was gezählt wird. Eine Spanne wird nur gezeichnet, wo eine Quelle beide Grenzen nennt; „mehr als“ beginnt bei der genannten Zahl und läuft offen aus (Pfeil), ohne erfundene Obergrenze; unbestimmte Angaben erscheinen als zitierter Wortlaut statt als Balken.'
        : 'Logarithmic scale, grouped by what is counted. A range is drawn only where a source states both bounds; “more than” starts at the stated number and fades out with an open arrow, with no invented maximum; vague statements appear as their quoted wording instead of a bar.',
    asOf: registerAsOf(input),
    notes: [],
    svg: renderFigures(rows, { id, title, desc: summary, lang, axisLabel: s.logAxis }),
    table: {
      caption: title,
      columns: [s.measure, s.attribution, s.valueText, s.valueType, s.lower, s.upper, s.wording],
      rows: tableRows,
    },
  };
}

/** A dataset of the `datasets` collection as a chart (table-driven; suppressed cells marked). */
export function datasetChart(id: string, d: Dataset, lang: Lang): ChartSpec {
  const s = cs(lang);
  const dim = (x: string) => dimLabel('dimension', x, lang);
  const value = (dimension: string, v: string) =>
    dimension === 'org-category'
      ? label(lang, 'actorCategory', v)
      : dimension === 'country'
        ? label(lang, 'country', v)
        : dimension === 'month'
          ? formatIso(v, lang)
          : dimLabel(dimension, v, lang);
  const rows = d.rows.values.map((v) => value(d.rows.dimension, v));
  const cols = d.columns.values.map((v) => value(d.columns.dimension, v));
  const measure = dimLabel('measure', d.measure, lang);
  const title =
    lang === 'de'
      ? `${measure} nach ${dim(d.rows.dimension)} und ${dim(d.columns.dimension)}`
      : `${measure} by ${dim(d.rows.dimension)} and ${dim(d.columns.dimension)}`;
  const suppressed = d.cells.flat().filter((v) => v === 'suppressed').length;
  const m = d.method;
  const summary =
    lang === 'de'
      ? `Rund ${n(d.total, lang)} ${measure.toLowerCase()}, aufgeteilt nach ${dim(d.rows.dimension)} und ${dim(d.columns.dimension)}; ${n(suppressed, lang)} von ${n(rows.length * cols.length, lang)} Feldern sind zum Schutz kleiner Gruppen gesperrt.`
      : `About ${n(d.total, lang)} ${measure.toLowerCase()}, broken down by ${dim(d.rows.dimension)} and ${dim(d.columns.dimension)}; ${n(suppressed, lang)} of ${n(rows.length * cols.length, lang)} cells are suppressed to protect small groups.`;
  const cell = (v: number | 'suppressed'): Cell => (v === 'suppressed' ? s.suppressed : v);
  return {
    id: `dataset-${id}`,
    title,
    summary,
    source:
      lang === 'de'
        ? `Aggregat aus Rohdaten, erzeugt mit ${m.generator} am ${formatIso(m.generated, lang)} aus rund ${n(m.inputRows, lang)} Datensätzen`
        : `Aggregate of raw data, made with ${m.generator} on ${formatIso(m.generated, lang)} from about ${n(m.inputRows, lang)} records`,
    method:
      lang === 'de'
        ? `Jede veröffentlichte Zahl ist mindestens k = ${m.k}; kleinere Felder und so viele weitere, dass keines aus Summen erschlossen werden kann, sind gesperrt. Summen sind auf Vielfache von ${m.roundingBase} gerundet und können daher von der Summe der Felder abweichen. Zeiten in der Zeitzone ${m.timeZone}.`
        : `Every published number is at least k = ${m.k}; smaller cells, and as many others as needed so that none can be worked out from totals, are suppressed. Totals are rounded to multiples of ${m.roundingBase} and may therefore differ from the sum of the cells. Times in the ${m.timeZone} time zone.`,
    asOf: m.generated,
    notes: [],
    svg: renderMatrix(
      { rows, cols, values: d.cells },
      { id: `dataset-${id}`, title, desc: summary, lang, suppressedMark: s.suppressed },
    ),
    table: {
      caption: title,
      columns: [dim(d.rows.dimension), ...cols, s.total],
      rows: [
        ...rows.map((r, ri) => [r, ...d.cells[ri]!.map(cell), cell(d.rowTotals[ri]!)]),
        [s.total, ...d.columnTotals.map(cell), d.total],
      ],
    },
  };
}

/**
 * The charts of the charts page, in order (register charts only; datasets separately). Above the
 * threshold, only the register-wide charts: each incident's own charts stay on its page (see
 * `incidentChartLinks`).
 */
export function registerCharts(input: RegisterInput, lang: Lang): ChartSpec[] {
  if (aboveThreshold(input))
    return [eventsChart(input, lang), milestonesChart(input, lang), sourcesChart(input, lang)].filter(
      (c): c is ChartSpec => c !== null,
    );
  const incidents = input.incidents.map((i) => i.id);
  return [
    eventsChart(input, lang),
    milestonesChart(input, lang),
    ...incidents.map((id) => affectedChart(input, lang, id)),
    sourcesChart(input, lang),
    ...incidents.map((id) => figuresChart(input, lang, id)),
  ].filter((c): c is ChartSpec => c !== null);
}

/** The charts shown on one incident's page. */
export function incidentCharts(input: RegisterInput, lang: Lang, incidentId: string): ChartSpec[] {
  return [
    eventsChart(input, lang, incidentId),
    affectedChart(input, lang, incidentId),
    milestonesChart(input, lang, incidentId),
    figuresChart(input, lang, incidentId),
  ].filter((c): c is ChartSpec => c !== null);
}

/**
 * Ids of the charts `incidentCharts` makes for one incident, from the aggregates alone (no SVG
 * drawn): the same conditions as each chart function's "no data" case.
 */
export function incidentChartIds(input: RegisterInput, incidentId: string): string[] {
  const ids: string[] = [];
  if (eventsPerMonth(input.events, [incidentId]).months.length > 0) ids.push(`events-${incidentId}`);
  if (affectedByCategoryCountry(input.events, input.actors, incidentId).total > 0) ids.push(`affected-${incidentId}`);
  if (incidentMilestones(input.events, [incidentId]).some((m) => m.disclosure || m.statement || m.fix))
    ids.push(`milestones-${incidentId}`);
  if (figuresByMeasure(input.figures, incidentId).length > 0) ids.push(`figures-${incidentId}`);
  return ids;
}

/** Id of the charts section on an incident's page (the target of the charts page's links). */
export const incidentChartsAnchor = (incidentId: string): string => `charts-${incidentId}`;

export interface IncidentChartLink {
  incident: string;
  title: string;
  /** The incident page's charts section. */
  href: string;
  /** Ids of the incident's charts (their downloads are /{lang}/charts/{id}.csv and .json). */
  charts: string[];
  events: number;
  affected: number;
  figures: number;
}

/**
 * Above the threshold, what the charts page lists instead of each incident's charts: every
 * incident with at least one chart, in register order, with a link to the charts on its page and
 * the counts behind them. At or below the threshold null (the page shows the charts themselves).
 */
export function incidentChartLinks(input: RegisterInput, lang: Lang): IncidentChartLink[] | null {
  if (!aboveThreshold(input)) return null;
  const events = new Map<string, number>();
  for (const e of input.events) events.set(e.data.incident, (events.get(e.data.incident) ?? 0) + 1);
  const figures = new Map<string, number>();
  for (const f of input.figures) figures.set(f.data.incident, (figures.get(f.data.incident) ?? 0) + 1);
  return input.incidents
    .map((i) => ({
      incident: i.id,
      title: i.data.title[lang],
      href: `/${lang}/incidents/${i.id}/#${incidentChartsAnchor(i.id)}`,
      charts: incidentChartIds(input, i.id),
      events: events.get(i.id) ?? 0,
      affected: affectedByCategoryCountry(input.events, input.actors, i.id).total,
      figures: figures.get(i.id) ?? 0,
    }))
    .filter((l) => l.charts.length > 0);
}

/** Every chart with a download: register charts, per-incident charts and datasets, each id once. */
export function allCharts(
  input: RegisterInput,
  datasets: readonly { id: string; data: Dataset }[],
  lang: Lang,
): ChartSpec[] {
  const seen = new Map<string, ChartSpec>();
  for (const c of [
    ...registerCharts(input, lang),
    ...input.incidents.flatMap((i) => incidentCharts(input, lang, i.id)),
    ...datasets.map((d) => datasetChart(d.id, d.data, lang)),
  ]) {
    if (!seen.has(c.id)) seen.set(c.id, c);
  }
  return [...seen.values()];
}

/** CSV of exactly the table shown (RFC 4180, header row, numbers unformatted). */
export function tableCsv(t: ChartTable): string {
  const q = (v: Cell) => {
    if (v === null) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [t.columns, ...t.rows].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

/** JSON of exactly the table shown, with the chart's metadata. */
export function tableJson(c: ChartSpec, lang: Lang): string {
  return `${JSON.stringify(
    {
      id: c.id,
      lang,
      title: c.title,
      summary: c.summary,
      source: c.source,
      method: c.method,
      asOf: c.asOf,
      columns: c.table.columns,
      rows: c.table.rows,
    },
    null,
    2,
  )}\n`;
}
