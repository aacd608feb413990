// Sets up places and reports through the public API, as a client would.

import { expect } from 'vitest';
import type { ReportInput } from '../../src/domain/model.ts';
import { json, send } from './api.ts';
import { syntheticPlace } from './builders.ts';

export async function createPlace(slug: string, names = { en: `${slug} (synthetic)` }) {
  const response = await send('PUT', `/api/v1/places/${slug}`, syntheticPlace({ names }), { as: 'admin' });
  expect(response.status).toBe(201);
}

export async function postReport(input: ReportInput): Promise<{ id: string; [key: string]: any }> {
  const response = await send('POST', '/api/v1/reports', input, { as: 'reporter' });
  expect(response.status, await response.clone().text()).toBe(201);
  return json(response);
}
