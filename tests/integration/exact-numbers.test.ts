import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, json } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

// Counts sent as JSON text, so that each number is written exactly as a client wrote it:
// JSON.stringify would write the number JavaScript read, not the literal.

const problemJson = 'application/problem+json; charset=utf-8';
const place = 'exactville';

/** Every key, its metadata and its value: what "nothing was stored" is checked against. */
async function snapshot(): Promise<string> {
  const keys = (await env.STATUS_KV.list()).keys;
  const values = await Promise.all(keys.map((k) => env.STATUS_KV.get(k.name)));
  return JSON.stringify(keys.map((k, i) => [k.name, k.metadata ?? null, values[i]]));
}

/** `body` as JSON, with the string "NUMBER" (quotes and all) replaced by `literal`. */
function withLiteral(body: unknown, literal: string): string {
  return JSON.stringify(body).replace('"NUMBER"', literal);
}

function report(value: unknown = 'NUMBER') {
  return syntheticReport(place, {
    figures: [{ indicator: 'civilian_deaths', value, qualifier: 'at_least' }],
  } as never);
}

function postText(
  path: string,
  text: string,
  init: { as?: 'reporter' | 'moderator' | 'admin'; language?: string; method?: string } = {},
) {
  return call(path, {
    method: init.method ?? 'POST',
    as: init.as ?? 'reporter',
    headers: {
      'content-type': 'application/json',
      ...(init.language ? { 'accept-language': init.language } : {}),
    },
    body: text,
  });
}

/** The problem's errors, after checking that it is a 422 invalid-body problem. */
async function invalidBody(response: Response): Promise<{ pointer: string; rule: string; detail: string }[]> {
  expect(response.status).toBe(422);
  expect(response.headers.get('content-type')).toBe(problemJson);
  const problem = await json(response);
  expect(problem.type).toMatch(/\/problems\/invalid-body$/);
  return problem.errors;
}

beforeAll(async () => {
  await createPlace(place);
});

describe('a count is kept as written or refused', () => {
  it.each([
    ['0.99999999999999999', '1'],
    ['1e-400', '0'],
    ['1000000000.0000000001', '1000000000'],
    ['9007199254740993', '9007199254740992'],
    ['-0', '0'],
  ])(
    'refuses %s, which JSON would read as %s, with 422 at the field, storing nothing',
    async (literal, read) => {
      const before = await snapshot();
      const errors = await invalidBody(await postText('/api/v1/reports', withLiteral(report(), literal)));
      expect(errors).toEqual([
        {
          pointer: '/figures/0/value',
          rule: 'exact whole number',
          detail: `${literal} cannot be kept exactly as written: it would be read as ${read}. Write the whole number itself.`,
        },
      ]);
      expect(await snapshot()).toBe(before);
    },
  );

  it('refuses 1.5 as a count with 422 at the field, saying to write a whole number', async () => {
    const before = await snapshot();
    const errors = await invalidBody(await postText('/api/v1/reports', withLiteral(report(), '1.5')));
    expect(errors).toEqual([
      {
        pointer: '/figures/0/value',
        rule: 'type int',
        detail: 'Write a whole number, without quotes or thousands separators (12000).',
      },
    ]);
    expect(await snapshot()).toBe(before);
  });

  it.each(['1000', '1e3', '1000.0'])('stores %s as 1000', async (literal) => {
    const response = await postText('/api/v1/reports', withLiteral(report(), literal));
    expect(response.status).toBe(201);
    const { id } = await json(response);
    const stored = await json(await call(`/api/v1/reports/${id}`));
    expect(stored.figures).toEqual([expect.objectContaining({ value: 1000 })]);
  });

  it("refuses a range's high bound that JSON would round, naming it", async () => {
    const before = await snapshot();
    const body = syntheticReport(place, {
      figures: [{ indicator: 'civilian_deaths', value: 10, high: 'NUMBER', qualifier: 'exact' }],
    } as never);
    const errors = await invalidBody(
      await postText('/api/v1/reports', withLiteral(body, '40.00000000000000001')),
    );
    expect(errors).toEqual([
      expect.objectContaining({ pointer: '/figures/0/high', rule: 'exact whole number' }),
    ]);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a rounded count in a batch at its report, storing none of the batch', async () => {
    const before = await snapshot();
    const batch = { reports: [report(12), report()] };
    const errors = await invalidBody(
      await postText('/api/v1/reports/batch', withLiteral(batch, '0.99999999999999999')),
    );
    expect(errors).toEqual([
      expect.objectContaining({ pointer: '/reports/1/figures/0/value', rule: 'exact whole number' }),
    ]);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a rounded count in a correction', async () => {
    const { id } = await postReport(report(1000) as never);
    const before = await snapshot();
    const correction = {
      reason: 'SYNTHETIC: a rounded count',
      figures: [{ indicator: 'civilian_deaths', value: 'NUMBER', qualifier: 'at_least' }],
    };
    const errors = await invalidBody(
      await postText(`/api/v1/reports/${id}/corrections`, withLiteral(correction, '1e-400'), {
        as: 'moderator',
      }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ pointer: '/figures/0/value', rule: 'exact whole number' }),
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("names the other problems of the body too, and says it in the reader's language", async () => {
    const body = { ...report(), verification: 'probably' };
    const errors = await invalidBody(
      await postText('/api/v1/reports', withLiteral(body, '1e-400'), { language: 'nl' }),
    );
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/figures/0/value', '/verification']);
    expect(errors.find((e) => e.pointer === '/figures/0/value')?.detail).toBe(
      '1e-400 kan niet precies zo bewaard worden: het zou gelezen worden als 0. Schrijf het gehele getal zelf.',
    );
  });
});

describe('a place keeps its coordinates as ever, and refuses a rounded admin level', () => {
  it('refuses an admin level that JSON would round, storing nothing', async () => {
    const before = await snapshot();
    const body = syntheticPlace({ admin: [{ level: 'NUMBER', name: 'Synthetic oblast' }] } as never);
    const errors = await invalidBody(
      await postText('/api/v1/places/exactville-level', withLiteral(body, '1.00000000000000001'), {
        as: 'admin',
        method: 'PUT',
      }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ pointer: '/admin/0/level', rule: 'exact whole number' }),
    ]);
    expect(await snapshot()).toBe(before);
  });

  it('keeps coordinates whose fraction a double cannot hold, as it always has', async () => {
    const body = JSON.stringify(syntheticPlace({ coordinates: { lat: 1, lon: 2 } }))
      .replace('"lat":1', '"lat":50.00000000000000000001')
      .replace('"lon":2', '"lon":1e-400');
    const response = await postText('/api/v1/places/exactville-coordinates', body, {
      as: 'admin',
      method: 'PUT',
    });
    expect(response.status).toBe(201);
    expect((await json(response)).coordinates).toEqual({ lat: 50, lon: 0 });
  });
});

describe('a Content-Type that names its charset twice', () => {
  it.each([
    'application/json; charset=utf-8; charset=latin1',
    'application/json; charset=utf-8; charset=utf-8',
  ])('is refused with 415, storing nothing: %s', async (contentType) => {
    const before = await snapshot();
    const response = await call('/api/v1/reports', {
      method: 'POST',
      as: 'reporter',
      headers: { 'content-type': contentType },
      body: JSON.stringify(report(3)),
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe(problemJson);
    const problem = await json(response);
    expect(problem.type).toMatch(/\/problems\/unsupported-media-type$/);
    expect(problem.detail).toMatch(/charset once/);
    expect(await snapshot()).toBe(before);
  });
});
