// POST /api/v1/drafts: a draft of the seed article for a person to review, which stores
// nothing; the text of another town's numbers is left to that town.

import { describe, expect, it } from 'vitest';
import article from '../../seeds/sources/000_6889800fbbf13951.txt?raw';
import { json, send } from '../support/api.ts';
import { countKeys } from '../support/kv.ts';
import { createPlace } from '../support/seed-api.ts';

describe('POST /api/v1/drafts', () => {
  it('answers the candidates of the seed article, and stores nothing', async () => {
    await createPlace('drafts-bakhmut', { en: 'Bakhmut (synthetic)' });
    const before = await countKeys();
    const response = await send(
      'POST',
      '/api/v1/drafts',
      { text: article, language: 'nl', observed: '2022-11', place: 'drafts-bakhmut' },
      { as: 'reporter' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const draft = await json(response);
    expect(draft.candidates.map((c: { figure: { indicator: string } }) => c.figure.indicator)).toEqual([
      'electricity',
      'gas',
      'running_water',
      'population_baseline',
      'population_remaining',
      'civilian_deaths',
    ]);
    expect(await countKeys()).toBe(before);
  });

  it('keeps another town’s numbers out when the place is given', async () => {
    await createPlace('drafts-lindgrove', { en: 'Lindgrove' });
    const text = 'In Marsk 20 civilians were killed. In Lindgrove 3 civilians were killed.';
    const response = await send(
      'POST',
      '/api/v1/drafts',
      { text, language: 'en', place: 'drafts-lindgrove' },
      { as: 'reporter' },
    );
    const draft = await json(response);
    expect(draft.candidates.map((c: { figure: { value: number } }) => c.figure.value)).toEqual([3]);
  });

  it('needs the report scope, and a language it reads', async () => {
    const body = { text: 'No civilians were killed.', language: 'en' };
    expect((await send('POST', '/api/v1/drafts', body)).status).toBe(401);
    expect((await send('POST', '/api/v1/drafts', body, { as: 'subscriber' })).status).toBe(403);
    expect(
      (await send('POST', '/api/v1/drafts', { ...body, language: 'fr' }, { as: 'reporter' })).status,
    ).toBe(422);
    expect((await send('POST', '/api/v1/drafts', { language: 'en' }, { as: 'reporter' })).status).toBe(422);
  });
});
