import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../src/domain/nearest.ts';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';

/** A SYNTHETIC place with names in three languages, as the seed's place has. */
async function createNamedPlace() {
  const place = syntheticPlace({
    names: { en: 'Bakhmut (synthetic)', nl: 'Bachmoet (synthetisch)', uk: 'Бахмут' },
  });
  const response = await send('PUT', '/api/v1/places/bakhmut-synthetic', place, { as: 'admin' });
  expect([200, 201]).toContain(response.status);
}

async function problemOf(body: unknown) {
  const response = await send('POST', '/api/v1/reports', body, { as: 'reporter' });
  return { status: response.status, problem: await json(response) };
}

describe('nearest', () => {
  it('counts edits, and compares names without case or accents', () => {
    expect(editDistance('bachmut', 'bakhmut')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(nearest('Bachmoet', [{ value: 'bakhmut', names: ['bakhmut', 'Bachmoet'] }])).toEqual(['bakhmut']);
    expect(nearest('KYÏV', [{ value: 'kyiv', names: ['kyiv'] }])).toEqual(['kyiv']);
    expect(nearest('somewhere else', [{ value: 'kyiv', names: ['kyiv'] }])).toEqual([]);
  });
});

describe('an unknown place', () => {
  // Four writes after the file's first place is made: given room for a machine that also
  // runs the browser test; it measures what is answered, not how fast.
  it('is answered with the nearest known places, by slug or by any name in any language', {
    timeout: 20_000,
  }, async () => {
    await createNamedPlace();
    for (const written of [
      'Bakhmut (synthetic)',
      'Bachmoet (synthetisch)',
      'bakhmut-synthetik',
      'BAKHMUT-SYNTHETIC',
    ]) {
      const { status, problem } = await problemOf(syntheticReport(written));
      expect(status, written).toBe(422);
      expect(problem.errors, written).toEqual([
        expect.objectContaining({
          pointer: '/place',
          rule: 'known place',
          suggestions: ['bakhmut-synthetic'],
        }),
      ]);
      expect(problem.errors[0].detail).toContain('did you mean "bakhmut-synthetic"?');
    }
  });

  it('gets no suggestion when nothing is near, and stores nothing', async () => {
    await createNamedPlace();
    const { status, problem } = await problemOf(syntheticReport('atlantis-nowhere'));
    expect(status).toBe(422);
    expect(problem.errors[0].suggestions).toBeUndefined();
    expect((await json(await call('/api/v1/reports'))).reports).toEqual([]);
  });
});

describe('an unknown indicator', () => {
  it('is answered with the nearest indicators of the registry, by id or label', async () => {
    await createNamedPlace();
    const report = syntheticReport('bakhmut-synthetic');
    const typo = { ...report, figures: [{ indicator: 'electricty', state: 'unavailable' }] };
    const { status, problem } = await problemOf(typo);
    expect(status).toBe(422);
    expect(problem.errors).toEqual([
      expect.objectContaining({
        pointer: '/figures/0/indicator',
        rule: 'known indicator',
        suggestions: ['electricity'],
      }),
    ]);
    expect(problem.errors[0].detail).toBe(
      '"electricty" is not an indicator. Did you mean "electricity"? GET /api/v1/indicators lists them.',
    );
    const dutch = { ...report, figures: [{ indicator: 'burgerdoden', value: 3, qualifier: 'exact' }] };
    expect((await problemOf(dutch)).problem.errors[0].suggestions).toEqual(['civilian_deaths']);
  });
});

describe('malformed JSON', () => {
  it('is a 400 that says on which line and column the parser stopped', async () => {
    const response = await call('/api/v1/reports', {
      as: 'reporter',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{\n  "place": "x",\n  "observed": "2024-03",\n}',
    });
    expect(response.status).toBe(400);
    const { detail } = await json(response);
    expect(detail).toMatch(
      /^Malformed JSON in request body at line 4, column 1: Expected double-quoted property name/,
    );
    const cut = await call('/api/v1/reports', {
      as: 'reporter',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{\n  "place": "x"',
    });
    expect((await json(cut)).detail).toMatch(/at line 2, column 15:/);
  });
});

let places = 0;

/**
 * A SYNTHETIC place of its own (storage lasts the whole file), whose current status holds
 * 12,000 of 80,000 residents, observed 2024-03; its slug.
 */
async function placeWithResidents(): Promise<string> {
  const slug = `residents-${++places}`;
  const created = await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' });
  expect(created.status).toBe(201);
  const first = syntheticReport(slug, {
    observed: '2024-03',
    figures: [
      { indicator: 'population_baseline', value: 80_000, qualifier: 'approximately' },
      { indicator: 'population_remaining', value: 12_000, qualifier: 'exact' },
    ],
  });
  const response = await send('POST', '/api/v1/reports', first, { as: 'reporter' });
  expect(response.status).toBe(201);
  return slug;
}

const typedTheDutchWay = (slug: string) =>
  syntheticReport(slug, {
    observed: '2024-04',
    // "value": 12.000 is valid JSON for 12
    figures: [{ indicator: 'population_remaining', value: 12, qualifier: 'exact' }],
  });

async function historySize(slug: string) {
  return (await json(await call(`/api/v1/places/${slug}/reports`))).reports.length;
}

describe('a dry run', () => {
  it('checks a report as a write would, stores nothing, and answers 200 with what would be stored', async () => {
    const slug = await placeWithResidents();
    const before = await historySize(slug);
    const response = await send('POST', '/api/v1/reports?dryRun=true', typedTheDutchWay(slug), {
      as: 'reporter',
      headers: { 'idempotency-key': 'dry-run-key' },
    });
    expect(response.status).toBe(200);
    const { report, warnings } = await json(response);
    expect(report).toMatchObject({ place: slug, state: 'active', observed: '2024-04' });
    expect(report.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'far-from-current', pointer: '/figures/0/value' }),
    ]);
    expect(await historySize(slug)).toBe(before);
    // the key was not used up: the real write with it is the first
    const real = await send('POST', '/api/v1/reports', typedTheDutchWay(slug), {
      as: 'reporter',
      headers: { 'idempotency-key': 'dry-run-key', 'confirm-warnings': 'far-from-current' },
    });
    expect(real.status).toBe(201);
    expect(real.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses invalid input exactly as a write does', async () => {
    await placeWithResidents();
    const response = await send('POST', '/api/v1/reports?dryRun=true', syntheticReport('atlantis-nowhere'), {
      as: 'reporter',
    });
    expect(response.status).toBe(422);
    expect((await json(response)).errors[0]).toMatchObject({ pointer: '/place', rule: 'known place' });
  });

  it('checks a batch, naming each warning by its report', async () => {
    const slug = await placeWithResidents();
    const batch = { reports: [syntheticReport(slug), typedTheDutchWay(slug)] };
    const response = await send('POST', '/api/v1/reports/batch?dryRun=true', batch, { as: 'reporter' });
    expect(response.status).toBe(200);
    const { reports, warnings } = await json(response);
    expect(reports).toHaveLength(2);
    expect(warnings.map((w: { pointer: string }) => w.pointer)).toEqual(['/reports/1/figures/0/value']);
  });
});

describe('plausibility warnings', () => {
  it('refuse a write with a warning it has not confirmed, with 422 naming each, and store nothing', async () => {
    const slug = await placeWithResidents();
    const before = await historySize(slug);
    const response = await send('POST', '/api/v1/reports', typedTheDutchWay(slug), { as: 'reporter' });
    expect(response.status).toBe(422);
    const problem = await json(response);
    expect(problem.type).toMatch(/\/problems\/unconfirmed-warnings$/);
    expect(problem.errors).toEqual([
      expect.objectContaining({ pointer: '/figures/0/value', rule: 'far-from-current' }),
    ]);
    expect(problem.errors[0].detail).toContain('12.000 is 12 in JSON');
    expect(await historySize(slug)).toBe(before);
  });

  it('are worded in the reader’s language, in a dry run and in the refusal alike', async () => {
    const slug = await placeWithResidents();
    const dutch = { as: 'reporter' as const, headers: { 'accept-language': 'nl' } };
    const dry = await json(await send('POST', '/api/v1/reports?dryRun=true', typedTheDutchWay(slug), dutch));
    expect(dry.warnings[0].detail).toBe(
      'overgebleven inwoners: 12 is meer dan 10 keer lager dan het huidige cijfer (12.000); een getal geschreven als 12.000 is 12 in JSON',
    );
    const refused = await json(await send('POST', '/api/v1/reports', typedTheDutchWay(slug), dutch));
    expect(refused.errors[0].detail).toContain('meer dan 10 keer lager dan het huidige cijfer');
    const english = await json(
      await send('POST', '/api/v1/reports?dryRun=true', typedTheDutchWay(slug), { as: 'reporter' }),
    );
    expect(english.warnings[0].detail).toContain('is more than 10 times below the current figure (12,000)');
  });

  it('let a confirmed write through, and refuse a confirmation of other warnings', async () => {
    const slug = await placeWithResidents();
    const wrongCode = await send('POST', '/api/v1/reports', typedTheDutchWay(slug), {
      as: 'reporter',
      headers: { 'confirm-warnings': 'old-observation' },
    });
    expect(wrongCode.status).toBe(422);
    const malformed = await send('POST', '/api/v1/reports', typedTheDutchWay(slug), {
      as: 'reporter',
      headers: { 'confirm-warnings': 'everything' },
    });
    expect(malformed.status).toBe(400);
    const confirmed = await send('POST', '/api/v1/reports', typedTheDutchWay(slug), {
      as: 'reporter',
      headers: { 'confirm-warnings': 'above-whole, far-from-current' },
    });
    expect(confirmed.status).toBe(201);
  });

  it('question remaining above the baseline, deaths above the population and an old observation', async () => {
    const slug = await placeWithResidents();
    const odd = syntheticReport(slug, {
      observed: '2022-11',
      figures: [
        { indicator: 'population_remaining', value: 90_000, qualifier: 'exact' },
        { indicator: 'civilian_deaths', value: 100_000, qualifier: 'at_least' },
      ],
    });
    const response = await send('POST', '/api/v1/reports?dryRun=true', odd, { as: 'reporter' });
    const { warnings } = await json(response);
    expect(warnings.map((w: { code: string; pointer: string }) => [w.code, w.pointer])).toEqual([
      ['above-whole', '/figures/0/value'],
      ['above-population', '/figures/1/value'],
      ['old-observation', '/observed'],
    ]);
  });

  it('say nothing of an ordinary report', async () => {
    const slug = await placeWithResidents();
    const ordinary = syntheticReport(slug, {
      observed: '2024-04',
      figures: [{ indicator: 'population_remaining', value: 11_000, qualifier: 'approximately' }],
    });
    expect((await send('POST', '/api/v1/reports', ordinary, { as: 'reporter' })).status).toBe(201);
  });
});

describe('a correction naming only what changes', () => {
  async function original(slug: string) {
    const report = syntheticReport(slug, {
      observed: '2024-03',
      figures: [
        { indicator: 'electricity', state: 'unavailable' },
        { indicator: 'population_remaining', value: 12_000, qualifier: 'approximately' },
        { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least' },
      ],
    });
    const response = await send('POST', '/api/v1/reports', report, { as: 'reporter' });
    expect(response.status).toBe(201);
    return json(response);
  }

  async function correct(id: string, body: unknown) {
    return send('POST', `/api/v1/reports/${id}/corrections`, body, { as: 'moderator' });
  }

  it('is stored as the whole report, with that one figure changed', async () => {
    const slug = await placeWithResidents();
    const first = await original(slug);
    const response = await correct(first.id, {
      reason: 'SYNTHETIC: the source gave a plain number',
      figures: [{ indicator: 'population_remaining', value: 12_000, qualifier: 'exact' }],
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const correction = await json(response);
    expect(correction.figures).toEqual([
      { indicator: 'electricity', state: 'unavailable' },
      { indicator: 'population_remaining', value: 12_000, qualifier: 'exact', basis: 'total' },
      { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least', basis: 'total' },
    ]);
    expect(correction).toMatchObject({
      place: slug,
      observed: '2024-03',
      summary: first.summary,
      source: first.source,
      verification: first.verification,
      corrects: { report: first.id, reason: 'SYNTHETIC: the source gave a plain number' },
    });
    const stored = await json(await call(`/api/v1/reports/${correction.id}`));
    expect(stored.figures).toEqual(correction.figures);
    const feed = await json(await call(`/feeds/places/${slug}.json`));
    expect(feed.items[0]._humanitarian.changes).toEqual([
      {
        indicator: 'population_remaining',
        before: {
          indicator: 'population_remaining',
          value: 12_000,
          qualifier: 'approximately',
          basis: 'total',
        },
        after: { indicator: 'population_remaining', value: 12_000, qualifier: 'exact', basis: 'total' },
      },
    ]);
  });

  it('is refused for a warning it has not confirmed, as a report is', async () => {
    const slug = await placeWithResidents();
    const first = await original(slug);
    // "value": 12.000 in JSON is 12
    const slip = {
      reason: 'SYNTHETIC: corrected',
      figures: [{ indicator: 'population_remaining', value: 12, qualifier: 'exact' }],
    };
    const refused = await correct(first.id, slip);
    expect(refused.status).toBe(422);
    const problem = await json(refused);
    expect(problem.type).toMatch(/\/problems\/unconfirmed-warnings$/);
    expect(problem.errors).toEqual([
      expect.objectContaining({ pointer: '/figures/0/value', rule: 'far-from-current' }),
    ]);
    expect((await json(await call(`/api/v1/reports/${first.id}`))).state).toBe('active');
    const confirmed = await send('POST', `/api/v1/reports/${first.id}/corrections`, slip, {
      as: 'moderator',
      headers: { 'confirm-warnings': 'far-from-current' },
    });
    expect(confirmed.status).toBe(201);
  });

  it('drops the figures it names in withoutFigures, and changes other fields it names', async () => {
    const slug = await placeWithResidents();
    const first = await original(slug);
    const response = await correct(first.id, {
      reason: 'SYNTHETIC: the deaths were of another town',
      withoutFigures: ['civilian_deaths'],
      verification: 'disputed',
    });
    expect(response.status).toBe(201);
    const correction = await json(response);
    expect(correction.figures.map((f: { indicator: string }) => f.indicator)).toEqual([
      'electricity',
      'population_remaining',
    ]);
    expect(correction.verification).toBe('disputed');
  });

  it('is refused when the report it makes breaks a rule, naming the field', async () => {
    const slug = await placeWithResidents();
    const first = await original(slug);
    const emptied = await correct(first.id, {
      reason: 'SYNTHETIC',
      withoutFigures: ['electricity', 'population_remaining', 'civilian_deaths'],
    });
    expect(emptied.status).toBe(422);
    expect((await json(emptied)).errors[0]).toMatchObject({
      pointer: '/figures',
      rule: 'the corrected report',
    });
    const unknownField = await correct(first.id, { reason: 'SYNTHETIC', figuers: [] });
    expect(unknownField.status).toBe(422);
    expect((await json(unknownField)).errors[0]).toMatchObject({
      pointer: '/figuers',
      rule: 'unknown field',
    });
  });
});

describe('validation messages in the reader’s language', () => {
  it('word each field’s detail in Dutch for Accept-Language: nl, and in English otherwise', async () => {
    await createNamedPlace();
    const body = {
      ...syntheticReport('Bachmoet (synthetisch)'),
      figures: [{ indicator: 'civilian_deaths', value: 12, qualifier: 'roughly' }],
    };
    const dutch = await send('POST', '/api/v1/reports', body, {
      as: 'reporter',
      headers: { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.5' },
    });
    expect(dutch.status).toBe(422);
    expect(dutch.headers.get('content-language')).toBe('nl');
    expect(dutch.headers.get('vary')).toContain('Accept-Language');
    const { errors } = await json(dutch);
    expect(errors).toEqual([
      expect.objectContaining({
        pointer: '/figures/0/qualifier',
        rule: 'one of the allowed values',
        detail: 'Schrijf een van "exact", "approximately", "at_least" of "at_most".',
      }),
    ]);
    expect(errors[0].words).toBeUndefined();

    const english = await send('POST', '/api/v1/reports', body, { as: 'reporter' });
    expect((await json(english)).errors[0].detail).toBe(
      'Write one of "exact", "approximately", "at_least" or "at_most".',
    );
    const unknownPlace = await send('POST', '/api/v1/reports', syntheticReport('Bachmoet (synthetisch)'), {
      as: 'reporter',
      headers: { 'accept-language': 'nl' },
    });
    expect((await json(unknownPlace)).errors[0].detail).toBe(
      'Geen plaats met slug "Bachmoet (synthetisch)"; bedoelt u "bakhmut-synthetic"? Schrijf de slug van een plaats, zoals in /places/{slug}.',
    );
  });
});
