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

/** Corrects a report with what `body` changes; answers the correction's id. */
export async function correct(id: string, body: object): Promise<string> {
  const correction = { reason: 'SYNTHETIC: corrected', ...body };
  const response = await send('POST', `/api/v1/reports/${id}/corrections`, correction, { as: 'moderator' });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await json(response)).id;
}

export async function retract(id: string, reason = 'SYNTHETIC: withdrawn'): Promise<void> {
  const response = await send('POST', `/api/v1/reports/${id}/retraction`, { reason }, { as: 'moderator' });
  expect(response.status, await response.clone().text()).toBe(201);
}
