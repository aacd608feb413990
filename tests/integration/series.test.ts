import { beforeAll, describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { readCsv } from '../support/hxl.ts';

// Every place, figure and source here is SYNTHETIC.

const slug = 'series-town';
const ids: Record<string, string> = {};

async function report(name: string, observed: string, value: number, qualifier = 'approximately') {
  const body = syntheticReport(slug, {
    observed,
    figures: [
      { indicator: 'population_remaining', value, qualifier: qualifier as 'approximately' },
      ...(name === 'december' ? [{ indicator: 'electricity' as const, state: 'unavailable' as const }] : []),
    ],
  });
  const response = await send('POST', '/api/v1/reports', body, { as: 'reporter' });
  expect(response.status, await response.clone().text()).toBe(201);
  ids[name] = (await json(response)).id;
}

beforeAll(async () => {
  expect((await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' })).status).toBe(201);
  // published out of observed order, and at three precisions
  await report('december', '2022-12-10', 9_000);
  await report('november', '2022-11', 12_000, 'exact');
  await report('year', '2022', 40_000);
  await report('wrong', '2023-01-15', 8_000);
  await report('withdrawn', '2023-02', 7_000);
  const corrected = await send(
    'POST',
    `/api/v1/reports/${ids.wrong}/corrections`,
    {
      reason: 'SYNTHETIC: revised',
      figures: [{ indicator: 'population_remaining', value: 8_500, qualifier: 'exact' }],
    },
    { as: 'moderator' },
  );
  expect(corrected.status).toBe(201);
  ids.correction = (await json(corrected)).id;
  expect(
    (
      await send(
        'POST',
        `/api/v1/reports/${ids.withdrawn}/retraction`,
        { reason: 'SYNTHETIC: withdrawn' },
        { as: 'moderator' },
      )
    ).status,
  ).toBe(201);
});

const seriesOf = async (query = '') =>
  json(await call(`/api/v1/places/${slug}/series/population_remaining${query}`));

describe('GET /api/v1/places/{slug}/series/{indicator}', () => {
  it('has one point per active report that states the indicator, oldest observation first', async () => {
    const series = await seriesOf();
    expect(series).toMatchObject({ indicator: 'population_remaining', place: slug });
    expect(series.points.map((p: { report: string }) => p.report)).toEqual([
      ids.year,
      ids.november,
      ids.december,
      ids.correction,
    ]);
    expect(series.points.map((p: { value: number }) => p.value)).toEqual([40_000, 12_000, 9_000, 8_500]);
  });

  it('gives each point its observed period whole, with its precision, and its provenance', async () => {
    const [year, november, december] = (await seriesOf()).points;
    expect(year).toMatchObject({
      observed: '2022',
      observedStart: '2022-01-01',
      observedEnd: '2022-12-31',
      precision: 'year',
    });
    expect(november).toMatchObject({
      observed: '2022-11',
      observedStart: '2022-11-01',
      observedEnd: '2022-11-30',
      precision: 'month',
      value: 12_000,
      qualifier: 'exact',
      verification: 'unconfirmed',
      source: { name: 'Synthetic source', kind: 'ngo' },
      reportState: 'active',
    });
    expect(december).toMatchObject({
      observedStart: '2022-12-10',
      observedEnd: '2022-12-10',
      precision: 'day',
    });
  });

  it('shows superseded and retracted reports with their state when include=all', async () => {
    const states = Object.fromEntries(
      (await seriesOf('?include=all')).points.map((p: { report: string; reportState: string }) => [
        p.report,
        p.reportState,
      ]),
    );
    expect(states).toMatchObject({
      [ids.wrong as string]: 'superseded',
      [ids.withdrawn as string]: 'retracted',
      [ids.correction as string]: 'active',
    });
  });

  it('filters by observed period, overlapping the bounds, and by published time', async () => {
    const november = await seriesOf('?observedFrom=2022-11&observedTo=2022-11');
    // the year 2022 overlaps November; December 10 does not
    expect(november.points.map((p: { report: string }) => p.report)).toEqual([ids.year, ids.november]);
    const future = await seriesOf('?since=2999-01-01');
    expect(future.points).toEqual([]);
    const bad = await call(
      `/api/v1/places/${slug}/series/population_remaining?observedFrom=2023&observedTo=2022`,
    );
    expect(bad.status).toBe(400);
  });

  it('states a utility with its state, and answers 404 for an unknown place and 400 for an unknown indicator', async () => {
    const electricity = await json(await call(`/api/v1/places/${slug}/series/electricity`));
    expect(electricity.points).toEqual([
      expect.objectContaining({ report: ids.december, state: 'unavailable' }),
    ]);
    expect((await call('/api/v1/places/nowhere-at-all/series/electricity')).status).toBe(404);
    expect((await call(`/api/v1/places/${slug}/series/electricty`)).status).toBe(400);
  });
});

describe('GET /exports/series.csv', () => {
  it('has the points of the JSON series, with and without the HXL row', async () => {
    const path = `/exports/series.csv?indicator=population_remaining&place=${slug}`;
    const [header = [], tags = [], ...rows] = readCsv(await (await call(path)).text());
    expect(tags[header.indexOf('Observed start')]).toBe('#date+observed+period_start');
    const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
    expect(column('Report')).toEqual([ids.year, ids.november, ids.december, ids.correction]);
    expect(column('Value')).toEqual(['40000', '12000', '9000', '8500']);
    expect(column('Observed end')).toEqual(['2022-12-31', '2022-11-30', '2022-12-10', '2023-01-15']);
    const [plainHeader, ...plainRows] = readCsv(await (await call(`${path}&hxl=false`)).text());
    expect(plainHeader).toEqual(header);
    expect(plainRows).toEqual(rows);
  });

  it('spans every place when no place is named, and needs an indicator', async () => {
    const text = await (await call('/exports/series.csv?indicator=population_remaining&hxl=false')).text();
    expect(text).toContain(ids.november);
    expect((await call('/exports/series.csv')).status).toBe(400);
  });
});
