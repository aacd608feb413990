import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/digest.ts';
import { indicatorRegistry } from '../../src/domain/indicators.ts';
import { historyPrefix, idempotencyKey } from '../../src/store/keys.ts';
import { call, json, send } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

async function storedReportCount(): Promise<number> {
  return (await env.STATUS_KV.list({ prefix: historyPrefix })).keys.length;
}

describe('POST /api/v1/reports', () => {
  it('answers 201 with a Location and the stored report, with server-set id and published time', async () => {
    await createPlace('one');
    const before = Date.now();
    const response = await send('POST', '/api/v1/reports', syntheticReport('one'), { as: 'reporter' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await json(response);
    expect(response.headers.get('location')).toBe(`/api/v1/reports/${body.id}`);
    expect(body.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(Date.parse(body.published)).toBeGreaterThanOrEqual(before - 1);
    expect(body).toMatchObject({ ...syntheticReport('one'), state: 'active' });

    const fetched = await call(`/api/v1/reports/${body.id}`);
    expect(fetched.status).toBe(200);
    expect(await json(fetched)).toEqual(body);
  });

  it('requires a bearer token: 401 without one or with an unknown one', async () => {
    const before = await storedReportCount();
    await createPlace('two');
    const none = await send('POST', '/api/v1/reports', syntheticReport('two'));
    const unknown = await send('POST', '/api/v1/reports', syntheticReport('two'), {
      headers: { authorization: 'Bearer not-a-token' },
    });
    for (const response of [none, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(JSON.stringify(await json(response))).not.toContain('not-a-token');
    }
    expect(await storedReportCount()).toBe(before);
  });
});

describe('POST /api/v1/reports/batch', () => {
  it('stores every report of a valid batch', async () => {
    const before = await storedReportCount();
    await createPlace('b1');
    await createPlace('b2');
    const reports = [
      syntheticReport('b1'),
      syntheticReport('b2'),
      syntheticReport('b1', { observed: '2024-03-16' }),
    ];
    const response = await send('POST', '/api/v1/reports/batch', { reports }, { as: 'reporter' });
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body.reports).toHaveLength(3);
    expect(response.headers.get('location')).toBe(`/api/v1/reports/${body.reports[0].id}`);
    expect((await json(await call('/api/v1/places/b1'))).reportCount).toBe(2);
    expect(await storedReportCount()).toBe(before + 3);
  });

  it('orders a batch as submitted, so the later report of two equal observations is current', async () => {
    await createPlace('b5');
    const reports = Array.from({ length: 10 }, (_, value) =>
      syntheticReport('b5', { figures: [{ indicator: 'civilian_deaths', value, qualifier: 'exact' }] }),
    );
    const body = await json(await send('POST', '/api/v1/reports/batch', { reports }, { as: 'reporter' }));
    const ids = body.reports.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...ids].sort());
    const { status } = await json(await call('/api/v1/places/b5'));
    expect(status.indicators.civilian_deaths).toMatchObject({ report: ids[9], figure: { value: 9 } });
  });

  it('stores nothing when one report of the batch is invalid, and names it', async () => {
    const before = await storedReportCount();
    await createPlace('b3');
    const reports = [syntheticReport('b3'), syntheticReport('b3'), syntheticReport('nowhere')];
    const response = await send('POST', '/api/v1/reports/batch', { reports }, { as: 'reporter' });
    expect(response.status).toBe(422);
    const problem = await json(response);
    expect(problem.errors).toEqual([
      expect.objectContaining({ pointer: '/reports/2/place', rule: 'known place' }),
    ]);
    expect(await storedReportCount()).toBe(before);
  });

  it('refuses more than 100 reports', async () => {
    const before = await storedReportCount();
    await createPlace('b4');
    const reports = Array.from({ length: 101 }, () => syntheticReport('b4'));
    const response = await send('POST', '/api/v1/reports/batch', { reports }, { as: 'reporter' });
    expect(response.status).toBe(422);
    expect((await json(response)).errors[0]).toMatchObject({
      pointer: '/reports',
      rule: 'at most 100 items',
    });
    expect(await storedReportCount()).toBe(before);
  });
});

describe('Idempotency-Key', () => {
  it('returns the first result to a retry and stores nothing new', async () => {
    const before = await storedReportCount();
    await createPlace('idem');
    const headers = { 'idempotency-key': 'upload-42' };
    const first = await send('POST', '/api/v1/reports', syntheticReport('idem'), { as: 'reporter', headers });
    const retry = await send('POST', '/api/v1/reports', syntheticReport('idem'), { as: 'reporter', headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(await json(retry)).toEqual(await json(first));
    expect(await storedReportCount()).toBe(before + 1);
    expect((await json(await call('/api/v1/places/idem'))).reportCount).toBe(1);
  });

  it('answers 409 when the same key comes with a different body', async () => {
    const before = await storedReportCount();
    await createPlace('idem2');
    const headers = { 'idempotency-key': 'upload-43' };
    await send('POST', '/api/v1/reports', syntheticReport('idem2'), { as: 'reporter', headers });
    const changed = await send('POST', '/api/v1/reports', syntheticReport('idem2', { observed: '2024-01' }), {
      as: 'reporter',
      headers,
    });
    expect(changed.status).toBe(409);
    expect(changed.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await storedReportCount()).toBe(before + 1);
  });

  it('lets a key refused with a 4xx be used again with a corrected body', async () => {
    await createPlace('idem4');
    const headers = { 'idempotency-key': 'upload-44' };
    const refused = await send('POST', '/api/v1/reports', syntheticReport('no-such-place'), {
      as: 'reporter',
      headers,
    });
    expect(refused.status).toBe(422);
    const fixed = await send('POST', '/api/v1/reports', syntheticReport('idem4'), {
      as: 'reporter',
      headers,
    });
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it('replays an answer recorded in KV before the keepers held keys, storing nothing new', async () => {
    await createPlace('idem5');
    const first = await postReport(syntheticReport('idem5'));
    const body = JSON.stringify(syntheticReport('idem5'));
    const scopedKey = await sha256Hex(`reporter\nupload-45`);
    await env.STATUS_KV.put(
      idempotencyKey(scopedKey),
      JSON.stringify({
        requestHash: await sha256Hex(`POST /api/v1/reports\n${body}`),
        status: 201,
        location: `/api/v1/reports/${first.id}`,
        body: first,
      }),
    );
    const before = await storedReportCount();
    const retry = await call('/api/v1/reports', {
      method: 'POST',
      as: 'reporter',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'upload-45' },
      body,
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe(`/api/v1/reports/${first.id}`);
    expect(await json(retry)).toEqual(first);
    expect(await storedReportCount()).toBe(before);
  });

  it('keeps keys of different tokens apart', async () => {
    const before = await storedReportCount();
    await createPlace('idem3');
    const headers = { 'idempotency-key': 'shared-key' };
    await send('POST', '/api/v1/reports', syntheticReport('idem3'), { as: 'reporter', headers });
    const other = await send('POST', '/api/v1/reports', syntheticReport('idem3'), {
      as: 'moderator',
      headers,
    });
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(await storedReportCount()).toBe(before + 2);
  });
});

describe('GET /api/v1/reports', () => {
  it('pages through history newest first with an opaque cursor', async () => {
    await createPlace('pager');
    const posted = [];
    for (let day = 1; day <= 5; day++) {
      posted.push(await postReport(syntheticReport('pager', { observed: `2024-03-0${day}` })));
    }
    const seen: string[] = [];
    let next: string | null = '/api/v1/places/pager/reports?limit=2';
    const sizes: number[] = [];
    while (next) {
      const response = await call(next);
      expect(response.status).toBe(200);
      const page = await json(response);
      sizes.push(page.reports.length);
      seen.push(...page.reports.map((r: { id: string }) => r.id));
      expect(page.next === null).toBe(page.nextCursor === null);
      next = page.next;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(posted.map((r) => r.id).reverse());
  });

  it('filters by indicator and verification, and by published time', async () => {
    await createPlace('filter');
    const gas = await postReport(
      syntheticReport('filter', {
        figures: [{ indicator: 'gas', state: 'available' }],
        verification: 'verified',
      }),
    );
    const power = await postReport(syntheticReport('filter'));
    const byIndicator = await json(
      await call('/api/v1/places/filter/reports?indicator=gas&indicator=running_water'),
    );
    expect(byIndicator.reports.map((r: { id: string }) => r.id)).toEqual([gas.id]);
    const byVerification = await json(await call('/api/v1/places/filter/reports?verification=unconfirmed'));
    expect(byVerification.reports.map((r: { id: string }) => r.id)).toEqual([power.id]);
    const future = await json(
      await call(`/api/v1/places/filter/reports?since=${new Date(Date.now() + 60_000).toISOString()}`),
    );
    expect(future.reports).toEqual([]);
    const past = await json(await call('/api/v1/places/filter/reports?until=2020-01-01'));
    expect(past.reports).toEqual([]);
  });

  it('answers 404 for the history of an unknown place', async () => {
    expect((await call('/api/v1/places/atlantis/reports')).status).toBe(404);
  });
});

describe('GET /api/v1/reports/{id}', () => {
  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await call('/api/v1/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(unknown.status).toBe(404);
    const malformed = await call('/api/v1/reports/not-an-id');
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).errors[0].pointer).toBe('/id');
  });
});

describe('GET /api/v1/indicators', () => {
  it('lists the registry with ids, permanent codes, kinds and labels', async () => {
    const response = await call('/api/v1/indicators');
    expect(response.status).toBe(200);
    const { indicators } = await json(response);
    const ids = indicators.map((i: { id: string }) => i.id);
    expect(ids).toEqual(indicatorRegistry.map((i) => i.id));
    // The registry grows at its end only: the indicators of stored history keep their place.
    expect(ids.slice(0, 8)).toEqual([
      'electricity',
      'gas',
      'running_water',
      'population_baseline',
      'population_remaining',
      'civilian_deaths',
      'civilian_injuries',
      'situation',
    ]);
    expect(indicators[2]).toEqual({
      id: 'running_water',
      code: 3,
      kind: 'utility',
      label: { en: 'running water', nl: 'stromend water', uk: 'водопостачання' },
      currentForDays: 14,
    });
  });
});

describe('GET /healthz', () => {
  it('answers 200 without touching storage', async () => {
    const response = await call('/healthz');
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ status: 'ok' });
  });
});
