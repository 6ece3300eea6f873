import { describe, expect, it } from 'vitest';
import type { ActorData, EventData, FigureData, Incident, SourceData } from '../../src/lib/schemas.ts';
import {
  affectedByCategoryCountry,
  eventsPerMonth,
  incidentMilestones,
  sourcesByKindLanguage,
  type Item,
  type RegisterInput,
} from '../../src/lib/register-aggregates.ts';
import {
  affectedChart,
  allCharts,
  datasetChart,
  eventsChart,
  figuresChart,
  incidentChartIds,
  incidentChartLinks,
  incidentCharts,
  INCIDENT_THRESHOLD,
  milestonesChart,
  registerCharts,
  sourcesChart,
  tableCsv,
  TOP_INCIDENTS,
  type ChartSpec,
} from '../../src/lib/charts/register-charts.ts';
import { PATTERNS } from '../../src/lib/charts/svg.ts';
import { renderMatrix } from '../../src/lib/charts/matrix.ts';
import type { Dataset } from '../../src/lib/dataset-schema.ts';
import validDataset from '../fixtures/datasets/valid.json' with { type: 'json' };

const bi = (de: string, en = de) => ({ de, en });

function incident(id: string, kind: Incident['kind'] = 'incident'): Item<Incident> {
  return {
    id,
    data: {
      title: bi(`Vorfall ${id}`, `Incident ${id}`),
      summary: bi('x'),
      kind,
      period: { start: '2024-03' },
      status: 'concluded',
      platform: ['webex'],
      countries: ['DE'],
      affectedCategories: [],
      related: [],
      openQuestions: [],
      translation: { de: 'human', en: 'human' },
      lastReviewed: '2026-11-20',
      corrections: [],
    },
  };
}

function event(
  id: string,
  inc: string,
  on: string,
  type: EventData['type'],
  actors: EventData['actors'] = [],
  status: EventData['status'] = 'confirmed',
): Item<EventData> {
  return {
    id,
    data: {
      incident: inc,
      date: { on },
      type,
      status,
      confidence: 'confirmed',
      title: bi(id),
      summary: bi(id),
      actors,
      sources: [{ source: 'src-x' }],
      corrections: [],
    },
  };
}

const actor = (id: string, category: ActorData['category'], country: ActorData['country']): Item<ActorData> => ({
  id,
  data: { name: bi(id), kind: 'ministry', country, category },
});

const source = (id: string, kind: SourceData['kind'], language: SourceData['language']): Item<SourceData> => ({
  id,
  data: {
    kind,
    language,
    reliability: ['original'],
    documentIds: [],
    unknown: { publisher: 'x', title: 'x', url: 'x', published: 'x', retrieved: 'x' },
    archiveMissingReason: 'none',
  },
});

function figure(
  id: string,
  measure: FigureData['measure'],
  value: FigureData['value'],
  wording: string,
  who: string,
  inc = 'a',
): Item<FigureData> {
  return {
    id,
    data: {
      incident: inc,
      measure,
      value,
      label: bi(`${measure} ${id}`),
      wording: { text: wording, lang: 'de' },
      attribution: bi(who),
      sources: [{ source: 'src-x' }],
    },
  };
}

const input: RegisterInput = {
  incidents: [incident('a'), incident('b'), incident('ctx', 'context')],
  events: [
    event('2024-03-01-leak', 'a', '2024-03-01', 'disclosure', [{ actor: 'mil', role: 'affected' }]),
    event('2024-03-02-statement', 'a', '2024-03-02', 'official-statement', [
      { actor: 'mil', role: 'affected' },
      { actor: 'min', role: 'stated' },
    ]),
    event('2024-03-05-more', 'a', '2024-03-05', 'media-report', [
      { actor: 'parl', role: 'affected' },
      { actor: 'nl-min', role: 'affected' },
    ]),
    event('2024-03-06-retracted', 'a', '2024-03-06', 'media-report', [{ actor: 'min', role: 'affected' }], 'retracted'),
    event('2024-05-03-fix', 'b', '2024-05-03', 'fix'),
    event('2024-05-04-report', 'b', '2024-05-04', 'media-report', [{ actor: 'min', role: 'affected' }]),
    event('2024-06-00-statement', 'b', '2024-06', 'official-statement'),
    event('2024-00-00-year-only', 'b', '2024', 'context'),
    event('2014-05-01-old', 'ctx', '2014-05-01', 'vulnerability-record'),
  ],
  sources: [
    source('src-1', 'news-article', 'de'),
    source('src-2', 'news-article', 'de'),
    source('src-3', 'parliamentary-document', 'de'),
    source('src-4', 'news-article', 'nl'),
    source('src-5', 'vendor-advisory', 'en'),
  ],
  actors: [
    actor('mil', 'military', 'DE'),
    actor('min', 'government', 'DE'),
    actor('parl', 'parliament', 'DE'),
    actor('nl-min', 'government', 'NL'),
  ],
  figures: [
    figure('f1', 'links', { type: 'more-than', min: 6000 }, 'mehr als 6.000 Links', 'Zeitung A'),
    figure('f2', 'links', { type: 'range', min: 1000, max: 2000 }, 'zwischen 1.000 und 2.000', 'Zeitung B'),
    figure('f3', 'meetings', { type: 'exact', n: 38 }, '38 Minuten', 'Sender C'),
    figure('f4', 'meetings', { type: 'about', n: 400 }, 'rund 400', 'Sender D'),
    figure('f5', 'people', { type: 'vague' }, 'Hunderttausende', 'Politiker E'),
  ],
};

const svgOf = (c: ChartSpec | null) => {
  expect(c).not.toBeNull();
  return c!.svg;
};

describe('register aggregates', () => {
  it('events are counted in their month by incident, and year-only dates are not spread over months', () => {
    const d = eventsPerMonth(input.events, ['a', 'b']);
    expect(d.months).toEqual(['2024-03', '2024-04', '2024-05', '2024-06']);
    expect(d.series).toEqual([
      { incident: 'a', counts: [4, 0, 0, 0] },
      { incident: 'b', counts: [0, 0, 2, 1] },
    ]);
    expect(d.unplaced).toEqual([{ incident: 'b', count: 1 }]);
  });

  it('affected institutions are distinct actors with role affected, by category and country, retracted reports excluded', () => {
    const d = affectedByCategoryCountry(input.events, input.actors, 'a');
    expect(d.actorIds).toEqual(['mil', 'nl-min', 'parl']);
    expect(d.rows).toEqual(['government', 'military', 'parliament']);
    expect(d.cols).toEqual(['DE', 'NL']);
    expect(d.counts).toEqual([
      [0, 1],
      [1, 0],
      [1, 0],
    ]);
  });

  it('a fix that preceded disclosure gives a negative interval, and month precision gives a range', () => {
    const [a, b] = incidentMilestones(input.events, ['a', 'b']);
    expect(a!.toStatement).toEqual({ min: 1, max: 1, exact: true });
    expect(a!.fix).toBeNull();
    expect(a!.toFix).toBeNull();
    expect(b!.toFix).toEqual({ min: -1, max: -1, exact: true });
    // Statement dated only to June 2024: 27 to 57 days after disclosure on 4 May.
    expect(b!.toStatement).toEqual({ min: 28, max: 57, exact: false });
  });

  it('sources are counted by kind and language', () => {
    const d = sourcesByKindLanguage(input.sources);
    expect(d.rows).toEqual(['news-article', 'parliamentary-document', 'vendor-advisory']);
    expect(d.cols).toEqual(['de', 'en', 'nl']);
    expect(d.counts).toEqual([
      [2, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });
});

describe('chart specs', () => {
  it('the milestones table marks a milestone that does not apply and keeps the negative interval', () => {
    const de = milestonesChart(input, 'de')!;
    const csv = tableCsv(de.table);
    expect(csv).toContain('entfällt: kein Ereignis vom Typ „Behebung“');
    expect(csv).toContain('-1,-1,tagesgenau; Behebung vor der Offenlegung');
    expect(csv).toContain('28,57,Datum nicht tagesgenau');
    const en = milestonesChart(input, 'en')!;
    expect(tableCsv(en.table)).toContain('not applicable: no event of type “Fix”');
  });

  it('figures are never added up: the table has one row per figure and no total', () => {
    const c = figuresChart(input, 'en', 'a')!;
    expect(c.table.rows).toHaveLength(5);
    expect(c.table.rows.some((r) => /total/i.test(String(r[0])))).toBe(false);
    // Open-ended: lower bound only; a range only with both bounds stated; vague: no numbers.
    expect(c.table.rows.map((r) => [r[4], r[5]])).toEqual([
      [6000, null],
      [1000, 2000],
      [38, 38],
      [400, 400],
      [null, null],
    ]);
  });

  it('a vague figure is drawn as its quoted words and an open-ended one with an open arrow, not a bar to an invented maximum', () => {
    const svg = figuresChart(input, 'de', 'a')!.svg;
    expect(svg).toContain('„Hunderttausende“');
    expect(svg).toContain('marker-end="url(#figures-a-open-arrow)"');
    expect(svg).not.toMatch(/6\.000[^<]*–/);
  });

  it('every chart SVG is an accessible image drawn in currentColor', () => {
    const charts = [
      eventsChart(input, 'de'),
      affectedChart(input, 'de', 'a'),
      milestonesChart(input, 'de'),
      sourcesChart(input, 'de'),
      figuresChart(input, 'de', 'a'),
      datasetChart('x', validDataset as Dataset, 'de'),
    ];
    for (const c of charts) {
      const svg = svgOf(c);
      expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="([^"]+)-title" aria-describedby="\1-desc"/);
      expect(svg).toContain(`<desc id="${c!.id}-desc">`);
      expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
    }
  });

  it('the register-wide events chart leaves out context entries', () => {
    const c = eventsChart(input, 'en')!;
    expect(c.table.columns).toEqual(['Month', 'Incident a', 'Incident b', 'Total']);
    expect(c.notes).toEqual([
      '1 event is dated only to the year or across several months and not placed in a month here.',
    ]);
  });
});

/**
 * A register above the threshold: incident k (1 … INCIDENT_THRESHOLD + 5) has k events, one a
 * month from January 2024, a disclosure on day k of March 2025 and, for odd k, a statement a day
 * later; incident 1 also names an affected institution and a figure. Plus one context entry.
 */
const many = INCIDENT_THRESHOLD + 5;
const pad = (k: number) => String(k).padStart(2, '0');
const big: RegisterInput = {
  incidents: [...Array.from({ length: many }, (_, i) => incident(`i${pad(i + 1)}`)), incident('ctx', 'context')],
  events: [
    ...Array.from({ length: many }, (_, i) => i + 1).flatMap((k) => [
      ...Array.from({ length: k }, (_, j) =>
        event(`e-${k}-${j}`, `i${pad(k)}`, `${2024 + Math.floor(j / 12)}-${pad((j % 12) + 1)}-10`, 'context'),
      ),
      event(
        `d-${k}`,
        `i${pad(k)}`,
        `2025-03-${pad(k)}`,
        'disclosure',
        k === 1 ? [{ actor: 'mil', role: 'affected' }] : [],
      ),
      ...(k % 2 ? [event(`s-${k}`, `i${pad(k)}`, `2025-03-${pad(k + 1)}`, 'official-statement')] : []),
    ]),
    event('2014-05-01-old', 'ctx', '2014-05-01', 'vulnerability-record'),
  ],
  sources: input.sources,
  actors: input.actors,
  figures: [figure('f1', 'links', { type: 'exact', n: 6000 }, '6.000 Links', 'Zeitung A', 'i01')],
};

describe('charts above the threshold of incidents', () => {
  it('the threshold leaves every series of the events chart a fill pattern of its own', () => {
    expect(INCIDENT_THRESHOLD).toBe(PATTERNS.length);
    expect(TOP_INCIDENTS).toBe(INCIDENT_THRESHOLD - 1);
  });

  it("above the threshold the events chart shows the top incidents and one 'other incidents' series whose counts add up to the rest", () => {
    const c = eventsChart(big, 'en')!;
    const perIncident = eventsPerMonth(
      big.events,
      big.incidents.filter((i) => i.data.kind === 'incident').map((i) => i.id),
    );
    const rest = many - TOP_INCIDENTS;
    // The incidents with the most events, most first; ties in register order (incident k has k
    // events, its disclosure and, for odd k, a statement: i11 and i12 both have 13).
    const top = ['i11', 'i12', 'i09', 'i10', 'i07', 'i08'].map((id) => `Incident ${id}`);
    expect(top).toHaveLength(TOP_INCIDENTS);
    expect(c.table.columns).toEqual(['Month', ...top, `other incidents (${rest})`, 'Total']);
    const otherIds = Array.from({ length: rest }, (_, i) => `i${pad(i + 1)}`);
    c.table.rows.forEach((row, m) => {
      const other = perIncident.series
        .filter((x) => otherIds.includes(x.incident))
        .reduce((a, x) => a + x.counts[m]!, 0);
      expect(row[TOP_INCIDENTS + 1]).toBe(other);
      // The total of each month is still every incident's events of that month.
      expect(row.at(-1)).toBe(perIncident.series.reduce((a, x) => a + x.counts[m]!, 0));
    });
    expect(c.summary).toContain(`the other ${rest} together as “other incidents (${rest})”`);
    expect(c.method).toContain(`only the ${TOP_INCIDENTS} with the most events`);
    // The legend has one entry per column of the table (no more series drawn than shown in the table).
    expect((c.svg.match(/<g class="legend"[^]*?<\/g>/)![0].match(/<text /g) ?? []).length).toBe(TOP_INCIDENTS + 1);
    expect(eventsChart(big, 'de')!.table.columns).toContain(`weitere Vorfälle (${rest})`);
  });

  it('at or below the threshold the events chart keeps one series per incident', () => {
    const atThreshold: RegisterInput = {
      ...big,
      incidents: big.incidents.filter((i) => Number(i.id.slice(1)) <= INCIDENT_THRESHOLD),
    };
    const c = eventsChart(atThreshold, 'en')!;
    expect(c.table.columns).toHaveLength(INCIDENT_THRESHOLD + 2);
    expect(c.table.columns.some((x) => /other incidents/.test(x))).toBe(false);
  });

  it('above the threshold the milestones chart shows the most recent incidents and says how many are not shown and where they are', () => {
    const c = milestonesChart(big, 'en')!;
    const shown = [...new Set(c.table.rows.map((r) => r[0]))];
    expect(shown).toEqual(Array.from({ length: TOP_INCIDENTS }, (_, i) => `Incident i${pad(many - i)}`));
    expect(c.table.rows).toHaveLength(TOP_INCIDENTS * 2);
    expect(c.summary).toMatch(new RegExp(`^For the ${TOP_INCIDENTS} most recent of ${many} incidents,`));
    expect(c.method).toContain(`shows only the ${TOP_INCIDENTS} most recent`);
    expect(c.notes).toEqual([
      `${many - TOP_INCIDENTS} older incidents are not shown here; each incident’s page has its own chart “Time to statement and fix” (see “Charts of each incident” below).`,
    ]);
  });

  it("above the threshold the charts page shows only register-wide charts and links to each incident's charts instead", () => {
    expect(registerCharts(big, 'en').map((c) => c.id)).toEqual([
      'events-per-month',
      'milestones',
      'sources-by-kind-language',
    ]);
    const links = incidentChartLinks(big, 'en')!;
    expect(links.map((l) => l.incident)).toEqual(big.incidents.map((i) => i.id));
    expect(links[0]).toEqual({
      incident: 'i01',
      title: 'Incident i01',
      href: '/en/incidents/i01/#charts-i01',
      charts: ['events-i01', 'affected-i01', 'milestones-i01', 'figures-i01'],
      events: 3,
      affected: 1,
      figures: 1,
    });
    expect(links.at(-1)!.href).toBe('/en/incidents/ctx/#charts-ctx');
  });

  it("above the threshold every incident's charts keep their downloads", () => {
    const ids = new Set(allCharts(big, [], 'de').map((c) => c.id));
    for (const i of big.incidents) for (const id of incidentChartIds(big, i.id)) expect(ids).toContain(id);
    expect(ids).toContain('affected-i01');
    expect(ids).toContain('figures-i01');
  });

  it("the charts listed for an incident are exactly the charts on the incident's page", () => {
    for (const reg of [input, big])
      for (const i of reg.incidents)
        expect(incidentChartIds(reg, i.id)).toEqual(incidentCharts(reg, 'en', i.id).map((c) => c.id));
  });

  it("at or below the threshold the charts page shows every incident's own charts and no list of links", () => {
    expect(registerCharts(input, 'en').map((c) => c.id)).toEqual([
      'events-per-month',
      'milestones',
      'affected-a',
      'affected-b',
      'sources-by-kind-language',
      'figures-a',
    ]);
    expect(incidentChartLinks(input, 'en')).toBeNull();
  });
});

describe('matrix chart', () => {
  it('draws its grid as one path of lines, so the DOM grows with the counts shown and not with rows × columns', () => {
    const svg = renderMatrix(
      {
        rows: ['A', 'B', 'C'],
        cols: ['w', 'x', 'y', 'z'],
        values: [
          [0, 0, 0, 0],
          [0, 2, 0, 0],
          [0, 0, 0, 0],
        ],
      },
      { id: 'm', title: 't', desc: 'd', lang: 'en' },
    );
    const grid = /<path class="grid" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    // 3 rows → 4 horizontal lines, 4 columns → 5 vertical ones.
    expect(grid.match(/H/g)).toHaveLength(4);
    expect(grid.match(/V/g)).toHaveLength(5);
    // One drawn square for the one count: no rectangle per empty cell.
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(svg).toContain('<title>B, x: 2</title>');
  });
});

describe('golden SVGs (TZ=UTC)', () => {
  const golden: [string, () => ChartSpec | null][] = [
    ['events-per-month.de', () => eventsChart(input, 'de')],
    ['affected.en', () => affectedChart(input, 'en', 'a')],
    ['milestones.de', () => milestonesChart(input, 'de')],
    ['sources.en', () => sourcesChart(input, 'en')],
    ['figures.de', () => figuresChart(input, 'de', 'a')],
    ['dataset.en', () => datasetChart('valid', validDataset as Dataset, 'en')],
  ];
  for (const [name, make] of golden) {
    it(`the ${name} chart renders the same SVG as its golden file`, async () => {
      await expect(svgOf(make())).toMatchFileSnapshot(`../fixtures/charts/${name}.svg`);
    });
  }
});
