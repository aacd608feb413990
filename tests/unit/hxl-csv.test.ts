import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../src/domain/model.ts';
import { renderHistoryCsv, renderStatusCsv } from '../../src/render/hxl-csv.ts';
import {
  acceptedReport,
  deaths,
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
    ]);
    expect(headers).toHaveLength(tags?.length ?? 0);
    expect(rows.map((row) => row[14])).toEqual([
      'electricity',
      'population_baseline',
      'population_remaining',
      'civilian_deaths',
      'situation',
    ]);
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

  it('carries place, dates at their precision, verification, source and report on every row', () => {
    for (const row of byTag(text)) {
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

  it('lists a place without any current figure on a row of its own', () => {
    const rows = byTag(renderStatusCsv([placeWith([], { slug: 'quiet-synthetic' })], site));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ '#loc+code': 'quiet-synthetic', '#indicator+code': '', '#meta+id': '' });
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
    const rows = byTag(renderStatusCsv(places, site));
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
