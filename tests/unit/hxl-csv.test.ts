import { describe, expect, it } from 'vitest';
import { indicatorRegistry } from '../../src/domain/indicators.ts';
import type { ReportSummary } from '../../src/domain/model.ts';
import { seriesOf } from '../../src/domain/series.ts';
import {
  importColumns,
  renderHistoryCsv,
  renderPlacesCsv,
  renderSeriesCsv,
  renderStatusCsv,
} from '../../src/render/hxl-csv.ts';
import {
  acceptedReport,
  deaths,
  deathsInPeriod,
  electricity,
  placeWith,
  remaining,
  situation,
  summaryOf,
  syntheticId,
} from '../support/builders.ts';
import { byTag, readCsv } from '../support/hxl.ts';

// Every figure, name and source below is SYNTHETIC.

const site = { origin: 'https://status.test' };

const baseline = { indicator: 'population_baseline', value: 80_000, qualifier: 'approximately' } as const;

describe('renderStatusCsv', () => {
  const report = acceptedReport(1, {
    observed: '2024-03',
    verification: 'corroborated',
    figures: [
      { ...electricity('unavailable'), since: { date: '2024-01', qualifier: 'approximately' } },
      baseline,
      { ...remaining(12_000), note: 'SYNTHETIC note' },
      deaths(120),
      situation('SYNTHETIC situation.'),
    ],
    source: {
      name: 'Synthetic official',
      role: 'synthetic deputy mayor',
      kind: 'official',
      url: 'https://example.org/synthetic',
      language: 'nl',
    },
  });
  const place = placeWith([report]);
  const text = renderStatusCsv([place], site);

  it('writes a header row, then a row of HXL hashtags, then one row per indicator', () => {
    const [headers, tags, ...rows] = readCsv(text);
    expect(headers?.slice(0, 4)).toEqual(['Place', 'Place slug', 'Country', 'Country code']);
    expect(tags).toEqual([
      '#loc+name',
      '#loc+code',
      '#country+name',
      '#country+code+v_iso2',
      '#adm1+name',
      '#adm1+code',
      '#adm2+name',
      '#adm2+code',
      '#adm3+name',
      '#adm3+code',
      '#adm4+name',
      '#adm4+code',
      '#geo+lat',
      '#geo+lon',
      '#indicator+code',
      '#indicator+name',
      '#indicator+num',
      '#indicator+qualifier',
      '#indicator+num+total',
      '#indicator+qualifier+total',
      '#indicator+code+total',
      '#indicator+state',
      '#date+start',
      '#date+start+qualifier',
      '#date+observed',
      '#date+reported',
      '#status+verification',
      '#meta+source',
      '#meta+source+role',
      '#meta+source+type',
      '#meta+source+url',
      '#meta+id',
      '#meta+url',
      '#meta+url+page',
      '#meta+quote',
      '#date+stale_after',
      '#indicator+num+high',
      '#indicator+basis',
      '#indicator+coverage',
      '#indicator+num+sources_low',
      '#indicator+num+sources_high',
      '#meta+source_count',
      '#indicator+num+period',
      '#indicator+num+period+high',
      '#indicator+qualifier+period',
      '#date+observed+period',
      '#meta+id+period',
    ]);
    expect(headers).toHaveLength(tags?.length ?? 0);
    expect(rows.map((row) => [row[14], row[38]])).toEqual([
      ['electricity', 'reported'],
      ['gas', 'not_reported'],
      ['running_water', 'not_reported'],
      ['population_baseline', 'reported'],
      ['population_remaining', 'reported'],
      ['civilian_deaths', 'reported'],
      ['civilian_injuries', 'not_reported'],
      ['situation', 'reported'],
    ]);
  });

  it('gives an indicator not reported a row that says so, with every figure cell empty', () => {
    const gas = byTag(text).find((r) => r['#indicator+code'] === 'gas');
    expect(gas).toMatchObject({
      '#loc+code': 'testville-synthetic',
      '#indicator+name': 'gas',
      '#indicator+coverage': 'not_reported',
    });
    const figureTags = Object.keys(gas ?? {}).filter(
      (tag) =>
        !/^#(loc|country|adm\d|geo)\+/.test(tag) && !['#indicator+code', '#indicator+name'].includes(tag),
    );
    expect(figureTags.filter((tag) => gas?.[tag] !== '' && tag !== '#indicator+coverage')).toEqual([]);
  });

  it("states a count's basis, and a running total with no since as such", () => {
    const deathsRow = byTag(text).find((r) => r['#indicator+code'] === 'civilian_deaths');
    expect(deathsRow).toMatchObject({
      '#indicator+num': '120',
      '#indicator+qualifier': 'at_least',
      '#indicator+basis': 'total',
      '#indicator+num+high': '',
      '#date+start': '',
      '#indicator+coverage': 'reported',
    });
    const electricityRow = byTag(text).find((r) => r['#indicator+code'] === 'electricity');
    expect(electricityRow?.['#indicator+basis']).toBe('');
  });

  it('keeps a count, its qualifier and the whole it is part of in separate columns', () => {
    const row = byTag(text).find((r) => r['#indicator+code'] === 'population_remaining');
    expect(row).toMatchObject({
      '#indicator+name': 'residents remaining',
      '#indicator+num': '12000',
      '#indicator+qualifier': 'approximately',
      '#indicator+num+total': '80000',
      '#indicator+qualifier+total': 'approximately',
      '#indicator+code+total': 'population_baseline',
      '#indicator+state': '',
    });
    const deathsRow = byTag(text).find((r) => r['#indicator+code'] === 'civilian_deaths');
    expect(deathsRow).toMatchObject({ '#indicator+num': '120', '#indicator+qualifier': 'at_least' });
    expect(deathsRow?.['#indicator+num+total']).toBe('');
  });

  it('gives a utility its state and since when, with the qualifier of that date', () => {
    const row = byTag(text).find((r) => r['#indicator+code'] === 'electricity');
    expect(row).toMatchObject({
      '#indicator+state': 'unavailable',
      '#date+start': '2024-01',
      '#date+start+qualifier': 'approximately',
      '#indicator+num': '',
    });
  });

  it('carries place, dates at their precision, verification, source and report on every row reported', () => {
    for (const row of byTag(text).filter((r) => r['#indicator+coverage'] === 'reported')) {
      expect(row).toMatchObject({
        '#loc+name': 'Testville (synthetic)',
        '#loc+code': 'testville-synthetic',
        '#country+code+v_iso2': 'XX',
        '#adm1+name': 'Synthetic oblast',
        '#adm1+code': 'XX01',
        '#geo+lat': '10',
        '#geo+lon': '20',
        '#date+observed': '2024-03',
        '#date+reported': report.published,
        '#status+verification': 'corroborated',
        '#meta+source': 'Synthetic official',
        '#meta+source+role': 'synthetic deputy mayor',
        '#meta+source+type': 'official',
        '#meta+source+url': 'https://example.org/synthetic',
        '#meta+id': report.id,
        '#meta+url': `https://status.test/api/v1/reports/${report.id}`,
      });
    }
  });

  it('lists a place without any current figure, a row per indicator, none reported', () => {
    const rows = byTag(renderStatusCsv([placeWith([], { slug: 'quiet-synthetic' })], site));
    expect(rows).toHaveLength(indicatorRegistry.length);
    for (const row of rows) {
      expect(row).toMatchObject({ '#loc+code': 'quiet-synthetic', '#indicator+coverage': 'not_reported' });
      expect(row['#meta+id']).toBe('');
    }
    expect(rows.map((r) => r['#indicator+code'])).toEqual(indicatorRegistry.map((i) => i.id));
  });

  it('neutralises formulas and round-trips quotes, commas and line breaks', () => {
    const hostile = [
      '=HYPERLINK("http://evil","x")',
      'Radio "Free", Synthetic\r\nsecond line',
      '@SUM(A1)',
      '-1+1',
    ];
    const places = hostile.map((name, n) =>
      placeWith([acceptedReport(n, { source: { name, kind: 'media', language: 'en' } })], {
        slug: `hostile-${n}`,
        coordinates: { lat: -33.9, lon: -70.6 },
      }),
    );
    const rows = byTag(renderStatusCsv(places, site)).filter((r) => r['#indicator+coverage'] === 'reported');
    expect(rows.map((r) => r['#meta+source'])).toEqual([
      `'=HYPERLINK("http://evil","x")`,
      'Radio "Free", Synthetic\r\nsecond line',
      `'@SUM(A1)`,
      `'-1+1`,
    ]);
    expect(rows.map((r) => [r['#geo+lat'], r['#geo+lon']])).toEqual(hostile.map(() => ['-33.9', '-70.6']));
  });

  it('renders the same places to the same bytes', () => {
    expect(renderStatusCsv([place], site)).toBe(text);
  });
});

describe('renderHistoryCsv', () => {
  const original = acceptedReport(1, { figures: [baseline, remaining(12_000), deaths(7)] });
  const correction = acceptedReport(2, {
    figures: [remaining(11_000)],
    corrects: { report: syntheticId(1), reason: 'SYNTHETIC correction' },
  });
  const summaries: ReportSummary[] = [
    summaryOf(correction),
    summaryOf(original, { state: 'superseded', supersededBy: correction.id }),
  ];
  const rows = byTag(renderHistoryCsv(summaries, site));

  it('writes one row per report and figure, newest report first', () => {
    expect(rows.map((r) => [r['#meta+id'], r['#indicator+code']])).toEqual([
      [correction.id, 'population_remaining'],
      [original.id, 'population_baseline'],
      [original.id, 'population_remaining'],
      [original.id, 'civilian_deaths'],
    ]);
  });

  it('takes the whole a figure is part of from the same report only', () => {
    expect(rows[0]?.['#indicator+num+total']).toBe('');
    expect(rows[2]).toMatchObject({
      '#indicator+num': '12000',
      '#indicator+num+total': '80000',
      '#indicator+qualifier+total': 'approximately',
    });
  });

  it('shows what became of each report: state, what it corrects, what superseded it', () => {
    expect(rows[0]).toMatchObject({
      '#loc+code': 'testville-synthetic',
      '#status+report': 'active',
      '#meta+id+corrects': original.id,
      '#meta+id+superseded_by': '',
      '#date+reported': correction.published,
      '#meta+source': 'Synthetic source',
      '#meta+source+type': 'ngo',
    });
    expect(rows[1]).toMatchObject({
      '#status+report': 'superseded',
      '#meta+id+superseded_by': correction.id,
    });
  });

  it('writes the header and hashtag rows even when no report matched', () => {
    const [headers, tags, ...data] = readCsv(renderHistoryCsv([], site));
    expect(headers?.[0]).toBe('Place slug');
    expect(tags?.[0]).toBe('#loc+code');
    expect(data).toEqual([]);
  });
});

describe('counts beside the headline, in the status tables', () => {
  const sourceA = { name: 'Synthetic agency A', kind: 'ngo', language: 'en' } as const;
  const sourceB = { name: 'Synthetic paper B', kind: 'media', language: 'en' } as const;
  const total = acceptedReport(1, {
    observed: '2022-11',
    source: sourceA,
    figures: [{ ...deaths(8_000, 'exact'), since: { date: '2022-02', qualifier: 'approximately' } }],
  });
  const other = acceptedReport(2, {
    observed: '2022-11',
    source: sourceB,
    figures: [deaths(15_000, 'exact')],
  });
  const period = acceptedReport(3, {
    observed: '2022-11',
    source: sourceA,
    figures: [{ ...deathsInPeriod(40, 'exact'), high: 60 }],
  });
  const place = placeWith([total, other, period]);
  const rows = byTag(renderStatusCsv([place], site));
  const deathsRow = rows.find((r) => r['#indicator+code'] === 'civilian_deaths');
  const wide = byTag(renderPlacesCsv([place], site))[0];

  it('puts the period count beside the running total, never in its place', () => {
    expect(deathsRow).toMatchObject({
      '#indicator+num': '15000',
      '#indicator+basis': 'total',
      '#indicator+num+period': '40',
      '#indicator+num+period+high': '60',
      '#indicator+qualifier+period': 'exact',
      '#date+observed+period': '2022-11',
      '#meta+id+period': period.id,
    });
    expect(wide).toMatchObject({
      '#affected+killed': '15000',
      '#meta+basis+killed': 'total',
      '#meta+period+killed': '40',
      '#meta+high+period+killed': '60',
      '#meta+qualifier+period+killed': 'exact',
      '#date+observed+period+killed': '2022-11',
      '#meta+id+period+killed': period.id,
    });
  });

  it('shows sources that disagree as their lowest and highest number and how many they are', () => {
    expect(deathsRow).toMatchObject({
      '#indicator+num+sources_low': '8000',
      '#indicator+num+sources_high': '15000',
      '#meta+source_count': '2',
    });
    expect(wide).toMatchObject({
      '#meta+sources_low+killed': '8000',
      '#meta+sources_high+killed': '15000',
      '#meta+source_count+killed': '2',
    });
  });

  it('leaves the disagreement and period columns empty where there is neither', () => {
    const alone = byTag(renderStatusCsv([placeWith([total])], site)).find(
      (r) => r['#indicator+code'] === 'civilian_deaths',
    );
    expect(alone).toMatchObject({
      '#indicator+num+sources_low': '',
      '#meta+source_count': '',
      '#indicator+num+period': '',
      '#date+start': '2022-02',
      '#date+start+qualifier': 'approximately',
    });
  });

  it("gives every indicator's coverage in the wide table, and a count's since", () => {
    const quiet = byTag(renderPlacesCsv([placeWith([total])], site))[0];
    expect(quiet).toMatchObject({
      '#meta+coverage+killed': 'reported',
      '#meta+coverage+injured': 'not_reported',
      '#meta+coverage+electricity': 'not_reported',
      '#date+start+killed': '2022-02',
      '#meta+qualifier+start+killed': 'approximately',
      '#affected+injured': '',
    });
    // a count the registry allows only as a running total has no columns for a period
    expect(Object.keys(quiet ?? {})).toContain('#meta+period+injured');
    expect(Object.keys(quiet ?? {})).not.toContain('#meta+period+remaining');
  });
});

describe('a range, in every table', () => {
  const ranged = acceptedReport(1, {
    observed: '2024-03',
    figures: [{ ...deathsInPeriod(40, 'exact'), high: 60 }],
  });

  it('keeps the low bound as the value and the high bound in a column of its own', () => {
    const status = byTag(renderStatusCsv([placeWith([ranged])], site)).find(
      (r) => r['#indicator+code'] === 'civilian_deaths',
    );
    expect(status).toMatchObject({
      '#indicator+num': '40',
      '#indicator+num+high': '60',
      '#indicator+qualifier': 'exact',
      '#indicator+basis': 'period',
    });
    const [history] = byTag(renderHistoryCsv([summaryOf(ranged)], site));
    expect(history).toMatchObject({
      '#indicator+num': '40',
      '#indicator+num+high': '60',
      '#indicator+basis': 'period',
    });
    expect(byTag(renderPlacesCsv([placeWith([ranged])], site))[0]).toMatchObject({
      '#affected+killed': '40',
      '#meta+high+killed': '60',
      '#meta+basis+killed': 'period',
    });
  });

  it('is a series point with its basis and high bound', () => {
    const points = seriesOf([summaryOf(ranged)], 'civilian_deaths', { includeAll: false });
    const [row] = byTag(renderSeriesCsv('civilian_deaths', points, site));
    expect(row).toMatchObject({
      '#indicator+num': '40',
      '#indicator+num+high': '60',
      '#indicator+basis': 'period',
    });
  });
});

describe('the history table as the import reads it', () => {
  it("states a total's basis and since, and the basis of a count stored before counts stated one", () => {
    const { basis: _, ...unstated } = deaths(120);
    const old = acceptedReport(1, {
      figures: [{ ...remaining(9_000), since: { date: '2022-02', qualifier: 'exact' } }, unstated],
    });
    const [residents, killed] = byTag(renderHistoryCsv([summaryOf(old)], site));
    expect(residents).toMatchObject({
      '#indicator+basis': 'total',
      '#date+start': '2022-02',
      '#date+start+qualifier': 'exact',
    });
    expect(killed).toMatchObject({ '#indicator+basis': 'total', '#date+start': '' });
  });

  it('reads the columns of a count back as they were written', () => {
    const columns = new Map(importColumns.map((c) => [c.tag, c.reads]));
    expect(columns.get('#indicator+num+high')).toEqual({ level: 'figure', pointer: '/high' });
    expect(columns.get('#indicator+basis')).toEqual({ level: 'figure', pointer: '/basis' });
    expect(columns.get('#date+start')).toEqual({ level: 'figure', pointer: '/since/date' });
    // what the status derives is never read into a report
    expect(columns.get('#indicator+coverage')).toBeUndefined();
    expect(columns.get('#indicator+num+period')).toBeUndefined();
  });
});
