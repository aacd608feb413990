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
  it('is answered with the nearest known places, by slug or by any name in any language', async () => {
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
