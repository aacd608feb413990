import { describe, expect, it } from 'vitest';
import exampleReport from '../../examples/report.json';
import seedFile from '../../seeds/bakhmut.json';
import article from '../../seeds/sources/000_6889800fbbf13951.txt?raw';
import { call, json, send } from '../support/api.ts';

// The seed enters as npm start enters it: through the public API, with its Idempotency-Key.
async function seedThroughApi() {
  const { slug, ...place } = seedFile.place;
  const put = await send('PUT', `/api/v1/places/${slug}`, place, { as: 'admin' });
  expect([200, 201]).toContain(put.status);
  return Promise.all(
    seedFile.reports.map(({ idempotencyKey, report }) =>
      send('POST', '/api/v1/reports', report, {
        as: 'admin',
        headers: { 'idempotency-key': idempotencyKey },
      }),
    ),
  );
}

describe('the seeded Bakhmut report', () => {
  it('is accepted by the API and seeding twice stores it once', async () => {
    const [first] = await seedThroughApi();
    expect(first?.status).toBe(201);
    const [second] = await seedThroughApi();
    expect(second?.headers.get('idempotent-replayed')).toBe('true');
    const { reports } = await json(await call('/api/v1/places/bakhmut/reports'));
    expect(reports).toHaveLength(1);
  });

  it('gives Bakhmut the status the article states, at the precision it states', async () => {
    await seedThroughApi();
    const { place, status } = await json(await call('/api/v1/places/bakhmut'));
    expect(place).toMatchObject({
      slug: 'bakhmut',
      names: { en: 'Bakhmut', nl: 'Bachmoet' },
      country: { code: 'UA', name: 'Ukraine' },
      admin: [{ level: 1, name: 'Donetsk oblast' }],
    });
    const { indicators } = status;
    for (const utility of ['electricity', 'gas', 'running_water']) {
      expect(indicators[utility].figure).toMatchObject({
        state: 'unavailable',
        since: { date: '2022-09', qualifier: 'approximately' },
      });
    }
    expect(indicators.population_baseline.figure).toMatchObject({ value: 80000, qualifier: 'approximately' });
    expect(indicators.population_remaining.figure).toMatchObject({
      value: 12000,
      qualifier: 'approximately',
    });
    expect(indicators.civilian_deaths.figure).toMatchObject({ value: 120, qualifier: 'at_least' });
    expect(indicators.civilian_injuries).toBeUndefined();
    for (const entry of Object.values(indicators) as {
      observed: string;
      verification: string;
      source: object;
    }[]) {
      expect(entry.observed).toBe('2022-11');
      expect(entry.verification).toBe('unconfirmed');
      expect(entry.source).toMatchObject({
        name: 'Oleksandr Marchenko',
        role: 'deputy mayor of Bakhmut',
        kind: 'official',
      });
    }
  });

  it("accepts the README's example report as is, plainly marked as an example", async () => {
    await seedThroughApi();
    const response = await send('POST', '/api/v1/reports', exampleReport, { as: 'reporter' });
    expect(response.status).toBe(201);
    const stored = await json(response);
    expect(stored.source.name).toMatch(/example/i);
    expect(stored.summary.text).toMatch(/^EXAMPLE ONLY/);
  });

  it('keeps the Dutch original word for word as the article has it', () => {
    const original = seedFile.reports[0]?.report.summary.original;
    expect(original?.language).toBe('nl');
    expect(article).toContain(original?.text);
    expect(article).toContain('Aleksandr Martsjenko, plaatsvervangend burgemeester');
  });
});
