import { describe, expect, it } from 'vitest';
import exampleReport from '../../examples/report.json';
import seedFile from '../../seeds/bakhmut.json';
import article from '../../seeds/sources/000_6889800fbbf13951.txt?raw';
import { call, json, send } from '../support/api.ts';

type SeedEntry = (typeof seedFile.reports)[number] & { corrects?: string; reason?: string };

/**
 * The seed enters as npm start enters it (scripts/start.mjs): through the public API, each
 * entry with its Idempotency-Key, an entry that `corrects` another as a correction of it.
 * `upTo` seeds only the first entries, as a store seeded before the later ones holds them.
 */
async function seedThroughApi(upTo = seedFile.reports.length) {
  const { slug, ...place } = seedFile.place;
  const put = await send('PUT', `/api/v1/places/${slug}`, place, { as: 'admin' });
  expect([200, 201]).toContain(put.status);
  const seeded = new Map<string, string>();
  const responses: Response[] = [];
  for (const { idempotencyKey, report, corrects, reason } of seedFile.reports.slice(0, upTo) as SeedEntry[]) {
    const corrected = corrects === undefined ? undefined : seeded.get(corrects);
    const response = corrected
      ? await send(
          'POST',
          `/api/v1/reports/${corrected}/corrections`,
          { ...report, reason },
          {
            as: 'admin',
            headers: { 'idempotency-key': idempotencyKey },
          },
        )
      : await send('POST', '/api/v1/reports', report, {
          as: 'admin',
          headers: { 'idempotency-key': idempotencyKey },
        });
    expect(response.status, await response.clone().text()).toBe(201);
    seeded.set(idempotencyKey, (response.headers.get('location') ?? '').split('/').at(-1) ?? '');
    responses.push(response);
  }
  return responses;
}

describe('the seeded Bakhmut report', () => {
  it('is accepted by the API and seeding twice stores it once', async () => {
    const [first] = await seedThroughApi();
    expect(first?.status).toBe(201);
    const [second] = await seedThroughApi();
    expect(second?.headers.get('idempotent-replayed')).toBe('true');
    const { reports } = await json(await call('/api/v1/places/bakhmut/reports'));
    expect(reports).toHaveLength(seedFile.reports.length);
    expect(reports.filter((r: { state: string }) => r.state === 'active')).toHaveLength(1);
  });

  it('corrects a store seeded with the first version instead of adding a second current one', async () => {
    const [old] = await seedThroughApi(1);
    const oldId = (old?.headers.get('location') ?? '').split('/').at(-1);
    await seedThroughApi();
    const { reports } = await json(await call('/api/v1/places/bakhmut/reports'));
    expect(reports.map((r: { state: string }) => r.state).sort()).toEqual(['active', 'superseded']);
    const corrected = await json(await call(`/api/v1/reports/${oldId}`));
    expect(corrected.state).toBe('superseded');
    const correction = await json(await call(`/api/v1/reports/${corrected.supersededBy}`));
    expect(correction.corrects.report).toBe(oldId);
    expect(correction.corrects.reason).toMatch(/each figure now names the voice that stated it/i);
  });

  it('gives each figure the voice the article gives it, at the precision it states', async () => {
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
        quote: 'geen elektriciteit, gas of stromend water',
      });
      expect(indicators[utility].source).toMatchObject({ name: 'Residents of Bakhmut', language: 'nl' });
    }
    expect(indicators.population_baseline.figure).toMatchObject({
      value: 80000,
      qualifier: 'approximately',
      quote: 'bijna 80.000 oorspronkelijke inwoners',
    });
    expect(indicators.population_remaining.figure).toMatchObject({
      value: 12000,
      qualifier: 'exact',
      quote: 'slechts 12.000',
    });
    for (const population of ['population_baseline', 'population_remaining']) {
      expect(indicators[population].figure.source).toBeUndefined();
      expect(indicators[population].source).toMatchObject({ kind: 'media', language: 'nl' });
      expect(indicators[population].source.name).toMatch(/article/);
    }
    expect(indicators.civilian_deaths.figure).toMatchObject({
      value: 120,
      qualifier: 'at_least',
      quote: 'meer dan 120 burgers gedood',
    });
    expect(indicators.civilian_deaths.source).toMatchObject({
      name: 'Oleksandr Marchenko',
      role: 'deputy mayor of Bakhmut',
      kind: 'official',
      language: 'nl',
    });
    expect(indicators.civilian_deaths.source.via).toMatch(/Aleksandr Martsjenko/);
    expect(indicators.civilian_injuries).toBeUndefined();
    for (const entry of Object.values(indicators) as { observed: string; verification: string }[]) {
      expect(entry.observed).toBe('2022-11');
      expect(entry.verification).toBe('unconfirmed');
    }
  });

  it('accepts the example report of docs/api.md as is, plainly marked as an example', async () => {
    await seedThroughApi();
    const response = await send('POST', '/api/v1/reports', exampleReport, { as: 'reporter' });
    expect(response.status).toBe(201);
    const stored = await json(response);
    expect(stored.source.name).toMatch(/example/i);
    expect(stored.summary.text).toMatch(/^EXAMPLE ONLY/);
  });

  it('keeps the Dutch original, and every quote, word for word as the article has it', () => {
    for (const { report } of seedFile.reports) {
      const original = report.summary.original;
      expect(original?.language).toBe('nl');
      expect(article).toContain(original?.text);
    }
    const quotes = (seedFile.reports.at(-1)?.report.figures ?? []).flatMap((f) =>
      'quote' in f && f.quote ? [f.quote] : [],
    );
    expect(quotes).toHaveLength(6);
    for (const quote of quotes) expect(article).toContain(quote);
    expect(article).toContain('Aleksandr Martsjenko, plaatsvervangend burgemeester');
  });
});
