import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { placeKey } from '../../src/store/keys.ts';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

describe('PUT /api/v1/places/{slug}', () => {
  it('creates a place with 201 and a Location, and updates it with 200', async () => {
    const created = await send('PUT', '/api/v1/places/alpha', syntheticPlace(), { as: 'admin' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/places/alpha');
    expect(await json(created)).toMatchObject({ slug: 'alpha', country: { code: 'XX' } });

    const renamed = syntheticPlace({
      names: { en: 'Alpha (synthetic)', nl: 'Alfa (synthetisch)', uk: 'Альфа' },
    });
    const updated = await send('PUT', '/api/v1/places/alpha', renamed, { as: 'admin' });
    expect(updated.status).toBe(200);
    const place = await json(await call('/api/v1/places/alpha'));
    expect(place.place.names).toEqual({ en: 'Alpha (synthetic)', nl: 'Alfa (synthetisch)', uk: 'Альфа' });
  });

  it('keeps the status and history of a place when the place is updated', async () => {
    await createPlace('keepme');
    const report = await postReport(syntheticReport('keepme'));
    await send('PUT', '/api/v1/places/keepme', syntheticPlace({ coordinates: { lat: 1, lon: 2 } }), {
      as: 'admin',
    });
    const place = await json(await call('/api/v1/places/keepme'));
    expect(place.place.coordinates).toEqual({ lat: 1, lon: 2 });
    expect(place.status.indicators.electricity.report).toBe(report.id);
    expect(place.reportCount).toBe(1);
  });

  it('requires a token with the admin scope', async () => {
    const anonymous = await send('PUT', '/api/v1/places/beta', syntheticPlace());
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const reporter = await send('PUT', '/api/v1/places/beta', syntheticPlace(), { as: 'reporter' });
    expect(reporter.status).toBe(403);
    expect(reporter.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect((await env.STATUS_KV.list({ prefix: placeKey('beta') })).keys).toHaveLength(0);
  });

  it('rejects a slug outside [a-z0-9-] and a place without an English name', async () => {
    const badSlug = await send('PUT', '/api/v1/places/Bad_Slug', syntheticPlace(), { as: 'admin' });
    expect(badSlug.status).toBe(400);
    expect((await json(badSlug)).errors[0].pointer).toBe('/slug');
    const noEnglish = await send('PUT', '/api/v1/places/gamma', syntheticPlace({ names: { nl: 'Gamma' } }), {
      as: 'admin',
    });
    expect(noEnglish.status).toBe(422);
    expect((await json(noEnglish)).errors[0].pointer).toBe('/names');
  });
});

describe('names of places', () => {
  it('refuse bidi overrides and names of invisible characters, naming the field', async () => {
    const override = await send(
      'PUT',
      '/api/v1/places/bidi',
      syntheticPlace({ names: { en: 'Testville\u202E (synthetic)' } }),
      { as: 'admin' },
    );
    expect(override.status).toBe(422);
    expect((await json(override)).errors[0]).toMatchObject({ pointer: '/names/en' });
    const invisible = await send(
      'PUT',
      '/api/v1/places/bidi',
      syntheticPlace({ names: { en: '\u200B\u00AD' } }),
      {
        as: 'admin',
      },
    );
    expect(invisible.status).toBe(422);
    expect((await json(invisible)).errors[0]).toMatchObject({
      pointer: '/names/en',
      rule: 'must contain a visible character',
    });
  });

  it('keep one key per language: tags are stored canonical, and two spellings of one tag are refused', async () => {
    const saved = await send(
      'PUT',
      '/api/v1/places/tags',
      syntheticPlace({ names: { en: 'Tagville (synthetic)', 'nl-be': 'Tagdorp (synthetisch)' } }),
      { as: 'admin' },
    );
    expect(saved.status).toBe(201);
    expect((await json(saved)).names).toEqual({
      en: 'Tagville (synthetic)',
      'nl-BE': 'Tagdorp (synthetisch)',
    });
    const twice = await send(
      'PUT',
      '/api/v1/places/tags',
      syntheticPlace({ names: { en: 'Tagville (synthetic)', 'nl-BE': 'Tagdorp', 'nl-be': 'Tagdorp' } }),
      { as: 'admin' },
    );
    expect(twice.status).toBe(422);
    expect((await json(twice)).errors[0]).toMatchObject({ pointer: '/names/nl-be' });
    const report = await postReport(
      syntheticReport('tags', { summary: { text: 'SYNTHETIC.', language: 'nl-be' } }),
    );
    expect(report.summary.language).toBe('nl-BE');
  });
});

describe('GET /api/v1/places', () => {
  it('lists every place with its current status summary, ordered by English name', async () => {
    await createPlace('zulu', { en: 'Zulu (synthetic)' });
    await createPlace('echo', { en: 'Echo (synthetic)' });
    const report = await postReport(
      syntheticReport('zulu', {
        figures: [
          { indicator: 'population_remaining', value: 1500, qualifier: 'approximately', note: 'synthetic' },
        ],
      }),
    );
    const response = await call('/api/v1/places');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const { places } = await json(response);
    const slugs = places.map((p: { slug: string }) => p.slug);
    expect(slugs.indexOf('echo')).toBeLessThan(slugs.indexOf('zulu'));
    const [echo, zulu] = ['echo', 'zulu'].map((slug) =>
      places.find((p: { slug: string }) => p.slug === slug),
    );
    expect(echo).toMatchObject({ slug: 'echo', reportCount: 0, indicators: {}, updated: null });
    expect(echo.coverage.running_water).toBe('not_reported');
    expect(zulu.coverage).toMatchObject({ population_remaining: 'reported', running_water: 'not_reported' });
    expect(zulu.indicators.population_remaining).toEqual({
      figure: { indicator: 'population_remaining', value: 1500, qualifier: 'approximately', basis: 'total' },
      report: report.id,
      observed: '2024-03-15',
      published: report.published,
      verification: 'unconfirmed',
      source: report.source,
      // 2024-03-15 plus 90 days for residents remaining
      staleAfter: '2024-06-13',
    });
  });
});

describe('GET /api/v1/places/{slug}', () => {
  it('shows every current indicator with qualifier, observed date, source and verification', async () => {
    await createPlace('delta');
    const report = await postReport(
      syntheticReport('delta', {
        observed: '2024-02',
        figures: [
          { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least' },
          { indicator: 'gas', state: 'intermittent' },
        ],
        verification: 'corroborated',
      }),
    );
    const { status } = await json(await call('/api/v1/places/delta'));
    expect(Object.keys(status.indicators)).toEqual(['gas', 'civilian_deaths']);
    expect(status.indicators.civilian_deaths).toEqual({
      figure: { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least', basis: 'total' },
      report: report.id,
      observed: '2024-02',
      published: report.published,
      verification: 'corroborated',
      source: { name: 'Synthetic source', role: 'test fixture', kind: 'ngo', language: 'en' },
      // the last day of February 2024 plus 30 days for civilians killed
      staleAfter: '2024-03-30',
      language: 'en',
    });
    expect(status.updated).toBe(report.published);
  });

  it('answers 404 problem+json for an unknown place', async () => {
    const response = await call('/api/v1/places/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await json(response)).toMatchObject({ status: 404, title: 'Not found' });
  });
});

describe('what a figure means, through the API', () => {
  const paper = (name: string) => ({ name, kind: 'media' as const, language: 'en' });

  it('keeps a running total as the headline and a count for a period beside it', async () => {
    await createPlace('basistown');
    const total = await postReport(
      syntheticReport('basistown', {
        observed: '2022-11',
        figures: [{ indicator: 'civilian_deaths', value: 120, qualifier: 'at_least' }],
      }),
    );
    const period = await postReport(
      syntheticReport('basistown', {
        observed: '2022-11',
        figures: [{ indicator: 'civilian_deaths', value: 40, qualifier: 'at_least', basis: 'period' }],
      }),
    );
    const { status } = await json(await call('/api/v1/places/basistown'));
    expect(status.indicators.civilian_deaths.report).toBe(total.id);
    expect(status.indicators.civilian_deaths.figure).toMatchObject({ value: 120, basis: 'total' });
    expect(status.indicators.civilian_deaths.period).toMatchObject({
      report: period.id,
      figure: { value: 40, basis: 'period' },
    });
    const { places } = await json(await call('/api/v1/places'));
    const listed = places.find((p: { slug: string }) => p.slug === 'basistown');
    expect(listed.indicators.civilian_deaths.period.report).toBe(period.id);
  });

  it('shows two sources that disagree side by side, the newest as the headline', async () => {
    await createPlace('twosources');
    const first = await postReport(
      syntheticReport('twosources', {
        observed: '2024-03',
        source: paper('Synthetic paper A'),
        figures: [{ indicator: 'population_remaining', value: 8_000, qualifier: 'exact' }],
      }),
    );
    const second = await postReport(
      syntheticReport('twosources', {
        observed: '2024-03',
        source: paper('Synthetic paper B'),
        figures: [{ indicator: 'population_remaining', value: 15_000, qualifier: 'exact' }],
      }),
    );
    const { status } = await json(await call('/api/v1/places/twosources'));
    const remaining = status.indicators.population_remaining;
    expect(remaining.report).toBe(second.id);
    expect(remaining.disagreement).toMatchObject({ low: 8_000, high: 15_000, sourceCount: 2 });
    expect(remaining.disagreement.figures.map((f: { report: string }) => f.report)).toEqual([
      second.id,
      first.id,
    ]);
    expect(status.coverage).toMatchObject({ population_remaining: 'reported', gas: 'not_reported' });
  });

  it('keeps a source’s range as a range', async () => {
    await createPlace('rangetown');
    await postReport(
      syntheticReport('rangetown', {
        figures: [{ indicator: 'civilian_injuries', value: 40, high: 60, qualifier: 'exact' }],
      }),
    );
    const { status } = await json(await call('/api/v1/places/rangetown'));
    expect(status.indicators.civilian_injuries.figure).toMatchObject({
      value: 40,
      high: 60,
      qualifier: 'exact',
    });
  });

  it('refuses a count for a period of residents with 422 naming the field', async () => {
    await createPlace('badbasis');
    const response = await send(
      'POST',
      '/api/v1/reports',
      syntheticReport('badbasis', {
        figures: [{ indicator: 'population_remaining', value: 10, qualifier: 'exact', basis: 'period' }],
      }),
      { as: 'reporter' },
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const problem = await json(response);
    expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toContain('/figures/0/basis');
  });
});
