// What the exports and the series say of counts beyond their number: the basis, a range, a
// count for a period beside a running total, sources that disagree, and an indicator never
// reported. Every place, figure and source here is SYNTHETIC.

import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportInput, Source } from '../../src/domain/model.ts';
import { call, json } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { byTag } from '../support/hxl.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

const sourceA: Source = { name: 'Synthetic agency A', kind: 'ngo', language: 'en' };
const sourceB: Source = { name: 'Synthetic paper B', kind: 'media', language: 'en' };

const deathsReport = (slug: string, figure: object, source: Source = sourceA): ReportInput =>
  syntheticReport(slug, {
    observed: '2022-11',
    source,
    figures: [{ indicator: 'civilian_deaths', ...figure } as ReportInput['figures'][number]],
  });

const ids: Record<string, string> = {};

beforeAll(async () => {
  for (const slug of ['basis-town', 'disputed-town', 'range-town']) await createPlace(slug);
  // a running total since about February, and a count for November beside it
  ids.total = (
    await postReport(
      deathsReport('basis-town', {
        value: 120,
        qualifier: 'at_least',
        basis: 'total',
        since: { date: '2022-02', qualifier: 'approximately' },
      }),
    )
  ).id;
  ids.period = (
    await postReport(deathsReport('basis-town', { value: 40, qualifier: 'exact', basis: 'period' }))
  ).id;
  // two sources, the same month, figures that cannot both hold
  ids.lower = (
    await postReport(deathsReport('disputed-town', { value: 8_000, qualifier: 'exact' }, sourceA))
  ).id;
  ids.higher = (
    await postReport(deathsReport('disputed-town', { value: 15_000, qualifier: 'exact' }, sourceB))
  ).id;
  // "between 40 and 60"
  ids.range = (
    await postReport(deathsReport('range-town', { value: 40, high: 60, qualifier: 'exact', basis: 'period' }))
  ).id;
});

const statusRow = async (slug: string, indicator = 'civilian_deaths') =>
  byTag(await (await call('/exports/status.csv')).text()).find(
    (r) => r['#loc+code'] === slug && r['#indicator+code'] === indicator,
  );
const wideRow = async (slug: string) =>
  byTag(await (await call('/exports/places.csv')).text()).find((r) => r['#loc+code'] === slug);
const properties = async (slug: string) =>
  (await json(await call('/exports/status.geojson'))).features.find((f: { id: string }) => f.id === slug)
    .properties;

describe('a count for a period beside a running total', () => {
  it('is in status.csv beside the total, which keeps its basis and since', async () => {
    expect(await statusRow('basis-town')).toMatchObject({
      '#indicator+num': '120',
      '#indicator+qualifier': 'at_least',
      '#indicator+basis': 'total',
      '#date+start': '2022-02',
      '#date+start+qualifier': 'approximately',
      '#meta+id': ids.total,
      '#indicator+num+period': '40',
      '#indicator+qualifier+period': 'exact',
      '#date+observed+period': '2022-11',
      '#meta+id+period': ids.period,
    });
  });

  it('is in places.csv and status.geojson beside the total', async () => {
    expect(await wideRow('basis-town')).toMatchObject({
      '#affected+killed': '120',
      '#meta+basis+killed': 'total',
      '#date+start+killed': '2022-02',
      '#meta+period+killed': '40',
      '#meta+id+period+killed': ids.period,
    });
    expect(await properties('basis-town')).toMatchObject({
      civilian_deaths: 120,
      civilian_deaths_basis: 'total',
      civilian_deaths_since: '2022-02',
      civilian_deaths_period: 40,
      civilian_deaths_period_qualifier: 'exact',
      civilian_deaths_period_observed: '2022-11',
    });
  });

  it('is a point of its own in the series, told apart by its basis and kept to with ?basis=', async () => {
    const path = '/api/v1/places/basis-town/series/civilian_deaths';
    const all = await json(await call(path));
    expect(all.points.map((p: { report: string; basis: string }) => [p.report, p.basis])).toEqual([
      [ids.total, 'total'],
      [ids.period, 'period'],
    ]);
    expect(all.points[0].since).toEqual({ date: '2022-02', qualifier: 'approximately' });
    const periods = await json(await call(`${path}?basis=period`));
    expect(periods.points.map((p: { report: string }) => p.report)).toEqual([ids.period]);
    const csv = byTag(
      await (await call('/exports/series.csv?indicator=civilian_deaths&place=basis-town&basis=total')).text(),
    );
    expect(csv.map((r) => [r['#meta+id'], r['#indicator+basis']])).toEqual([[ids.total, 'total']]);
  });

  it('refuses a basis the model does not know with a 400 naming it', async () => {
    const response = await call('/api/v1/places/basis-town/series/civilian_deaths?basis=monthly');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect((await json(response)).errors[0].pointer).toBe('/basis');
  });
});

describe('sources that disagree', () => {
  it('are shown side by side as low, high and how many, in every status file', async () => {
    expect(await statusRow('disputed-town')).toMatchObject({
      '#indicator+num': '15000',
      '#indicator+num+sources_low': '8000',
      '#indicator+num+sources_high': '15000',
      '#meta+source_count': '2',
    });
    expect(await wideRow('disputed-town')).toMatchObject({
      '#meta+sources_low+killed': '8000',
      '#meta+sources_high+killed': '15000',
      '#meta+source_count+killed': '2',
    });
    const flat = await properties('disputed-town');
    expect(flat).toMatchObject({
      civilian_deaths_sources_low: 8_000,
      civilian_deaths_sources_high: 15_000,
      civilian_deaths_source_count: 2,
    });
    expect(
      flat.indicators.civilian_deaths.disagreement.figures.map((f: { report: string }) => f.report),
    ).toEqual(expect.arrayContaining([ids.lower, ids.higher]));
  });
});

describe('a range', () => {
  it('is its low bound as the value and its high bound beside it, everywhere', async () => {
    expect(await statusRow('range-town')).toMatchObject({
      '#indicator+num': '40',
      '#indicator+num+high': '60',
      '#indicator+qualifier': 'exact',
      '#indicator+basis': 'period',
    });
    const [history] = byTag(await (await call('/exports/reports.csv?place=range-town')).text());
    expect(history).toMatchObject({ '#indicator+num': '40', '#indicator+num+high': '60' });
    expect(await properties('range-town')).toMatchObject({ civilian_deaths: 40, civilian_deaths_high: 60 });
    const series = await json(await call('/api/v1/places/range-town/series/civilian_deaths'));
    expect(series.points[0]).toMatchObject({ value: 40, high: 60, qualifier: 'exact', basis: 'period' });
  });
});

describe('an indicator never reported', () => {
  it('has a row that says so in status.csv, with no figure, and a coverage in the others', async () => {
    const row = await statusRow('range-town', 'civilian_injuries');
    expect(row).toMatchObject({
      '#indicator+name': 'civilians injured',
      '#indicator+coverage': 'not_reported',
      '#indicator+num': '',
      '#meta+id': '',
      '#date+stale_after': '',
    });
    expect((await statusRow('range-town'))?.['#indicator+coverage']).toBe('reported');
    expect(await wideRow('range-town')).toMatchObject({
      '#meta+coverage+injured': 'not_reported',
      '#meta+coverage+killed': 'reported',
      '#affected+injured': '',
    });
    const flat = await properties('range-town');
    expect(flat).toMatchObject({ civilian_injuries_coverage: 'not_reported' });
    expect(Object.keys(flat)).not.toContain('civilian_injuries');
  });
});
