import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { syntheticReport, unknownIndicator } from '../support/builders.ts';
import { createPlace } from '../support/seed-api.ts';

const problemJson = 'application/problem+json; charset=utf-8';

async function snapshotKeys(): Promise<string[]> {
  return (await env.STATUS_KV.list()).keys.map((k) => k.name);
}

function withFigure(figure: unknown) {
  return { ...syntheticReport('errville'), figures: [figure] };
}

const nextYear = `${new Date().getUTCFullYear() + 1}-01`;

// Each case: a body that must be refused with the given status, naming `pointer` and `rule`.
const invalidBodies: [string, unknown, number, string, string][] = [
  ['a wrong type', { ...syntheticReport('errville'), observed: 2024 }, 422, '/observed', 'type string'],
  [
    'an unknown field',
    { ...syntheticReport('errville'), confidence: 'high' },
    422,
    '/confidence',
    'unknown field',
  ],
  [
    'an unknown nested field',
    { ...syntheticReport('errville'), source: { ...syntheticReport('x').source, phone: '1' } },
    422,
    '/source/phone',
    'unknown field',
  ],
  [
    'a missing required field',
    { ...syntheticReport('errville'), verification: undefined },
    422,
    '/verification',
    'required',
  ],
  ['an unknown place', syntheticReport('atlantis'), 422, '/place', 'known place'],
  [
    'an unknown indicator',
    withFigure({ indicator: unknownIndicator, state: 'unavailable' }),
    422,
    '/figures/0/indicator',
    'known indicator',
  ],
  [
    'a negative count',
    withFigure({ indicator: 'civilian_deaths', value: -3, qualifier: 'exact' }),
    422,
    '/figures/0/value',
    'minimum 0',
  ],
  [
    'a non-integer count',
    withFigure({ indicator: 'civilian_deaths', value: 2.5, qualifier: 'exact' }),
    422,
    '/figures/0/value',
    'type int',
  ],
  [
    'an impossible date',
    { ...syntheticReport('errville'), observed: '2023-02-30' },
    422,
    '/observed',
    'must name a real calendar date',
  ],
  [
    'a future date',
    { ...syntheticReport('errville'), observed: nextYear },
    422,
    '/observed',
    'not in the future',
  ],
  [
    'a since date after the observation',
    withFigure({ indicator: 'gas', state: 'unavailable', since: { date: '2024-04', qualifier: 'exact' } }),
    422,
    '/figures/0/since/date',
    'not after observed',
  ],
  [
    'an unknown qualifier',
    withFigure({ indicator: 'civilian_deaths', value: 3, qualifier: 'roughly' }),
    422,
    '/figures/0/qualifier',
    'one of the allowed values',
  ],
  [
    'a non-http source URL',
    {
      ...syntheticReport('errville'),
      source: { ...syntheticReport('x').source, url: 'javascript:alert(1)' },
    },
    422,
    '/source/url',
    'format url',
  ],
  [
    'an empty figure list',
    { ...syntheticReport('errville'), figures: [] },
    422,
    '/figures',
    'at least 1 items',
  ],
  ['a body that is not an object', [1, 2, 3], 422, '', 'type object'],
  [
    'a source name made only of invisible characters',
    {
      ...syntheticReport('errville'),
      source: { ...syntheticReport('x').source, name: '\u200B\u2060\u3164' },
    },
    422,
    '/source/name',
    'must contain a visible character',
  ],
  [
    'a source name with a right-to-left override',
    { ...syntheticReport('errville'), source: { ...syntheticReport('x').source, name: 'Synthetic\u202E' } },
    422,
    '/source/name',
    'must not contain bidi embedding, override or isolate characters (U+202A-U+202E, U+2066-U+2069)',
  ],
];

describe('bad input is refused with problem+json and stores nothing', () => {
  beforeAll(async () => {
    await createPlace('errville');
  });

  it.each(invalidBodies)('refuses %s', async (_, body, status, pointer, rule) => {
    const before = await snapshotKeys();
    const response = await send('POST', '/api/v1/reports', body, { as: 'reporter' });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(problemJson);
    const problem = await json(response);
    expect(problem).toMatchObject({ status, instance: '/api/v1/reports' });
    expect(problem.type).toMatch(/\/problems\/invalid-body$/);
    expect(problem.errors).toContainEqual(expect.objectContaining({ pointer, rule }));
    expect(await snapshotKeys()).toEqual(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const before = await snapshotKeys();
    const response = await call('/api/v1/reports', {
      method: 'POST',
      as: 'reporter',
      headers: { 'content-type': 'application/json' },
      body: '{"place": "errville",',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(problemJson);
    expect((await json(response)).detail).toMatch(/malformed json/i);
    expect(await snapshotKeys()).toEqual(before);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await call('/api/v1/reports', {
      method: 'POST',
      as: 'reporter',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(syntheticReport('errville')),
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe(problemJson);
  });

  it('accepts application/json with a space before its parameters', async () => {
    const response = await call('/api/v1/reports', {
      method: 'POST',
      as: 'reporter',
      headers: { 'content-type': 'application/json ; charset=utf-8' },
      body: JSON.stringify(syntheticReport('errville')),
    });
    expect(response.status).toBe(201);
  });

  it('refuses a body in another charset with 415, and bytes that are not UTF-8 with 400', async () => {
    const before = await snapshotKeys();
    const latin1 = await call('/api/v1/reports', {
      method: 'POST',
      as: 'reporter',
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: JSON.stringify(syntheticReport('errville')),
    });
    expect(latin1.status).toBe(415);
    expect((await json(latin1)).detail).toMatch(/UTF-8/);
    const body = new TextEncoder().encode(
      JSON.stringify(syntheticReport('errville')).replace('SYNTHETIC', 'S\u00ffNTHETIC'),
    );
    const invalid = new Uint8Array([...body].map((byte) => (byte === 0xc3 ? 0xff : byte)));
    const garbled = await call('/api/v1/reports', {
      method: 'POST',
      as: 'reporter',
      headers: { 'content-type': 'application/json' },
      body: invalid,
    });
    expect(garbled.status).toBe(400);
    expect(garbled.headers.get('content-type')).toBe(problemJson);
    expect((await json(garbled)).detail).toMatch(/not valid UTF-8/);
    expect(await snapshotKeys()).toEqual(before);
  });

  it('refuses a body that names one key twice with 400, naming where', async () => {
    const before = await snapshotKeys();
    const text = JSON.stringify(syntheticReport('errville')).replace(
      '"verification":"unconfirmed"',
      '"verification":"unconfirmed","verification":"verified"',
    );
    const response = await call('/api/v1/reports', {
      method: 'POST',
      as: 'reporter',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    expect(response.status).toBe(400);
    expect((await json(response)).detail).toContain('"verification" twice in one object, at /verification');
    const nested = JSON.stringify(syntheticReport('errville')).replace(
      '"kind":"ngo"',
      '"kind":"ngo","kind":"media"',
    );
    const again = await call('/api/v1/reports', {
      method: 'POST',
      as: 'reporter',
      headers: { 'content-type': 'application/json' },
      body: nested,
    });
    expect((await json(again)).detail).toContain('at /source/kind');
    expect(await snapshotKeys()).toEqual(before);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const before = await snapshotKeys();
    const huge = { ...syntheticReport('errville'), summary: { text: 'x'.repeat(70 * 1024), language: 'en' } };
    const response = await send('POST', '/api/v1/reports', huge, { as: 'reporter' });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe(problemJson);
    expect(await snapshotKeys()).toEqual(before);
  });

  it('never answers a stack trace or internal names', async () => {
    const response = await send('POST', '/api/v1/reports', { place: 42 }, { as: 'reporter' });
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.ts:\d+|node_modules|StatusStore/);
  });
});

const invalidQueries: [string, string, string][] = [
  ['limit=0', '/limit', 'minimum 1'],
  ['limit=201', '/limit', 'maximum 200'],
  ['limit=ten', '/limit', 'must be a whole number'],
  ['limit=5&limit=6', '/limit', 'type string'],
  ['cursor=%%%not-base64', '/cursor', 'cursor from a previous page'],
  ['cursor=eyJhIjoxfQ', '/cursor', 'cursor from a previous page'],
  ['since=2024-13-01', '/since', 'must be YYYY-MM-DD or an RFC 3339 date-time'],
  ['until=yesterday', '/until', 'must be YYYY-MM-DD or an RFC 3339 date-time'],
  ['since=2024-05-01&until=2024-04-01', '/since', 'since must not be after until'],
  [`indicator=${encodeURIComponent(unknownIndicator)}`, '/indicator/0', 'one of the allowed values'],
  ['verification=probably', '/verification/0', 'one of the allowed values'],
  ['colour=red', '/colour', 'unknown field'],
];

describe('bad query parameters are refused, never clamped or ignored', () => {
  it.each(invalidQueries)('refuses ?%s', async (query, pointer, rule) => {
    for (const path of ['/api/v1/reports', '/api/v1/places/errville/reports']) {
      const response = await call(`${path}?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe(problemJson);
      expect((await json(response)).errors).toContainEqual(expect.objectContaining({ pointer, rule }));
    }
  });

  it('refuses a cursor made for other filters', async () => {
    await createPlace('cursorville');
    for (let i = 0; i < 3; i++) {
      await send('POST', '/api/v1/reports', syntheticReport('cursorville'), { as: 'reporter' });
    }
    const first = await json(await call('/api/v1/places/cursorville/reports?limit=1'));
    expect(first.nextCursor).toEqual(expect.any(String));
    const response = await call(
      `/api/v1/places/cursorville/reports?limit=1&verification=verified&cursor=${first.nextCursor}`,
    );
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0]).toMatchObject({ pointer: '/cursor' });
  });

  it('refuses a cursor made for another history', async () => {
    await createPlace('cursortown');
    for (let i = 0; i < 3; i++) {
      await send('POST', '/api/v1/reports', syntheticReport('cursortown'), { as: 'reporter' });
    }
    const first = await json(await call('/api/v1/places/cursortown/reports?limit=1'));
    for (const path of ['/api/v1/places/cursorville/reports', '/api/v1/reports']) {
      const response = await call(`${path}?limit=1&cursor=${first.nextCursor}`);
      expect(response.status).toBe(400);
      expect((await json(response)).errors[0]).toMatchObject({ pointer: '/cursor' });
    }
  });
});

describe('unknown routes', () => {
  it('answers 404 problem+json carrying the request id in the header and the body', async () => {
    const response = await call('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe(problemJson);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await json(response)).requestId).toBe(requestId);
  });

  it('documents each problem type at its type URI', async () => {
    const response = await call('/problems/invalid-body');
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      type: 'invalid-body',
      title: 'The request body is invalid',
    });
  });
});

describe('the same HTTP rules on every endpoint', () => {
  beforeAll(async () => {
    await createPlace('rulesville');
  });

  const reads = [
    '/healthz',
    '/api/v1/indicators',
    '/api/v1/places',
    '/api/v1/places/rulesville',
    '/api/v1/places/rulesville/reports',
    '/api/v1/reports',
    '/api/v1/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV',
    '/api/v1/openapi.json',
    '/feeds/all.atom',
    '/feeds/places/rulesville.json',
    '/feeds.opml',
    '/exports/status.csv',
    '/exports/reports.csv',
    '/problems/not-found',
    '/',
    '/places/rulesville',
  ];

  it.each(reads)('refuses an unknown query parameter on GET %s with 400, naming it', async (path) => {
    const response = await call(`${path}?colour=red`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(problemJson);
    expect((await json(response)).errors).toContainEqual(
      expect.objectContaining({ pointer: '/colour', rule: 'unknown field' }),
    );
  });

  it('refuses an unknown query parameter on a write with 400, storing nothing', async () => {
    const before = await snapshotKeys();
    const response = await send('POST', '/api/v1/reports?colour=red', syntheticReport('rulesville'), {
      as: 'reporter',
    });
    expect(response.status).toBe(400);
    expect(await snapshotKeys()).toEqual(before);
  });

  it.each([
    ['DELETE', '/api/v1/places/rulesville', 'GET, HEAD, PUT'],
    ['POST', '/api/v1/places', 'GET, HEAD'],
    ['PUT', '/api/v1/reports', 'GET, HEAD, POST'],
    ['GET', '/api/v1/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV/retraction', 'POST'],
    ['PATCH', '/feeds/all.atom', 'GET, HEAD'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const response = await call(path, { method, as: 'admin' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(response.headers.get('content-type')).toBe(problemJson);
    expect((await json(response)).type).toMatch(/\/problems\/method-not-allowed$/);
  });

  it('still answers 404 for a path served with no method', async () => {
    expect((await call('/api/v1/places/rulesville/nothing', { method: 'DELETE' })).status).toBe(404);
  });
});
