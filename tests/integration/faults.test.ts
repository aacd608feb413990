import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index.ts';
import { historyPrefix, scopeValueKey, staleKey, stalePrefix } from '../../src/store/keys.ts';
import { StatusStore } from '../../src/store/status-store.ts';
import { origin } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { type Faults, faultyKv } from '../support/faulty-kv.ts';
import { indexedCount } from '../support/kv.ts';
import { runScheduledRepair } from '../support/scheduled.ts';
import { testTokens } from '../support/tokens.ts';
import { unreachablePlaceWriters, wrapWriterKv, writers } from '../support/writers.ts';

/** Sends a request to the Worker whose KV binding fails as told. */
async function request(faults: Faults, path: string, init: RequestInit & { token?: string } = {}) {
  const { binding, injected } = faultyKv(env.STATUS_KV, faults);
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(new URL(path, origin), { ...init, headers }),
    { ...env, STATUS_KV: binding },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { response, injected };
}

const reporter = testTokens.reporter.token;
const noFaults: Faults = {};

async function createPlace(slug: string) {
  const { response } = await request(noFaults, `/api/v1/places/${slug}`, {
    method: 'PUT',
    token: testTokens.admin.token,
    body: JSON.stringify(syntheticPlace({ names: { en: `${slug} (synthetic)` } })),
  });
  expect(response.status).toBe(201);
}

async function post(faults: Faults, slug: string, key?: string, observed = '2024-03-15') {
  return request(faults, '/api/v1/reports', {
    method: 'POST',
    token: reporter,
    headers: key ? { 'idempotency-key': key } : {},
    body: JSON.stringify(syntheticReport(slug, { observed })),
  });
}

async function reportCount(slug: string): Promise<number> {
  const { response } = await request(noFaults, `/api/v1/places/${slug}`);
  return ((await response.json()) as { reportCount: number }).reportCount;
}

describe('storage faults', () => {
  it('retries a transient failure and accepts the report', async () => {
    await createPlace('transient');
    const { response, injected } = await post(
      { fail: (op, key, n) => op === 'put' && key.startsWith(historyPrefix) && n <= 2 },
      'transient',
    );
    expect(response.status).toBe(201);
    expect(injected.length).toBeGreaterThan(0);
    const id = ((await response.json()) as { id: string }).id;
    expect((await request(noFaults, `/api/v1/reports/${id}`)).response.status).toBe(200);
    expect(await reportCount('transient')).toBe(1);
  });

  it('writes no key twice within a second on the request path, so a burst to one place meets no 429', async () => {
    await createPlace('hotkey');
    const { binding, injected } = faultyKv(env.STATUS_KV, { writeIntervalMs: 1000 });
    const answers = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const ctx = createExecutionContext();
        const response = await worker.fetch(
          new Request(new URL('/api/v1/reports', origin), {
            method: 'POST',
            headers: { authorization: `Bearer ${reporter}`, 'content-type': 'application/json' },
            body: JSON.stringify(syntheticReport('hotkey', { observed: `2024-03-0${i + 1}` })),
          }),
          { ...env, STATUS_KV: binding },
          ctx,
        );
        await waitOnExecutionContext(ctx);
        return response.status;
      }),
    );
    expect(answers).toEqual([201, 201, 201, 201, 201]);
    expect(injected).toEqual([]);
    expect(await indexedCount('hotkey')).toBe(5);
    expect(await reportCount('hotkey')).toBe(5);
  });

  it('answers 503 with Retry-After when a write keeps failing, leaves nothing visible, and a retry stores it once', async () => {
    await createPlace('down');
    const indexedEverywhere = (await env.STATUS_KV.list({ prefix: historyPrefix })).keys.length;
    const failing: Faults = {
      fail: (op, key) => op === 'put' && key.startsWith(historyPrefix),
    };
    const { response } = await post(failing, 'down', 'field-upload-1');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await indexedCount('down')).toBe(0);
    expect((await env.STATUS_KV.list({ prefix: historyPrefix })).keys.length).toBe(indexedEverywhere);
    const history = await request(noFaults, '/api/v1/places/down/reports');
    expect(((await history.response.json()) as { reports: unknown[] }).reports).toEqual([]);

    const retry = await post(noFaults, 'down', 'field-upload-1');
    expect(retry.response.status).toBe(201);
    const again = await post(noFaults, 'down', 'field-upload-1');
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(await indexedCount('down')).toBe(1);
    expect(await reportCount('down')).toBe(1);
  });

  it('takes back the reports of a batch written when another of its writes keeps failing', async () => {
    await createPlace('halfdown');
    // Every write of one report fails, retries included; the others are written.
    let doomed = '';
    const failing: Faults = {
      fail: (op, key) => {
        if (op !== 'put' || !key.startsWith(historyPrefix)) return false;
        doomed ||= key;
        return key === doomed;
      },
    };
    const reports = ['2024-03-10', '2024-03-11', '2024-03-12'].map((observed) =>
      syntheticReport('halfdown', { observed }),
    );
    const { response } = await request(failing, '/api/v1/reports/batch', {
      method: 'POST',
      token: reporter,
      body: JSON.stringify({ reports }),
    });
    expect(response.status).toBe(503);
    expect(doomed).not.toBe('');
    expect(await indexedCount('halfdown')).toBe(0);
    const history = await request(noFaults, '/api/v1/places/halfdown/reports');
    expect(((await history.response.json()) as { reports: unknown[] }).reports).toEqual([]);
  });

  it('serves the last good document when reads keep failing', async () => {
    await createPlace('readfail');
    await post(noFaults, 'readfail');
    const good = await request(noFaults, '/api/v1/places/readfail');
    const goodFeed = await request(noFaults, '/feeds/places/readfail.json');
    const body = await good.response.text();
    const feedBody = await goodFeed.response.text();
    const failingReads: Faults = { fail: (op) => op === 'get' || op === 'getWithMetadata' };
    const degraded = await request(failingReads, '/api/v1/places/readfail');
    expect(degraded.response.status).toBe(200);
    expect(await degraded.response.text()).toBe(body);
    const degradedFeed = await request(failingReads, '/feeds/places/readfail.json');
    expect(degradedFeed.response.status).toBe(200);
    expect(await degradedFeed.response.text()).toBe(feedBody);
    const neverRead = await request(failingReads, '/api/v1/places/other-place');
    expect(neverRead.response.status).toBe(503);
  });

  it('accepts a report whose place writer cannot be reached, and the scheduled repair hands it over', async () => {
    await createPlace('repairme');
    const ctx = createExecutionContext();
    const response = await worker.fetch(
      new Request(new URL('/api/v1/reports', origin), {
        method: 'POST',
        headers: { authorization: `Bearer ${reporter}`, 'content-type': 'application/json' },
        body: JSON.stringify(syntheticReport('repairme')),
      }),
      unreachablePlaceWriters(env),
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(201);
    const id = ((await response.json()) as { id: string }).id;
    expect((await request(noFaults, `/api/v1/reports/${id}`)).response.status).toBe(200);
    expect(await reportCount('repairme')).toBe(0);
    expect((await env.STATUS_KV.list({ prefix: stalePrefix })).keys.map((k) => k.name)).toContain(
      staleKey('repairme'),
    );

    await runScheduledRepair();
    expect(await reportCount('repairme')).toBe(1);
    expect((await env.STATUS_KV.list({ prefix: stalePrefix })).keys).toEqual([]);
    const feed = await request(noFaults, '/feeds/places/repairme.json');
    expect(((await feed.response.json()) as { items: unknown[] }).items).toHaveLength(1);
    const everywhere = await request(noFaults, '/feeds/all.json');
    const urls = ((await everywhere.response.json()) as { items: { url: string }[] }).items.map((i) => i.url);
    expect(urls).toContain(`${origin}/reports/${id}`);
  });

  it('retries a writer whose KV writes fail, from its alarm, until its documents are written', async () => {
    await createPlace('writerdown');
    let failures = 0;
    await wrapWriterKv(writers.place('writerdown'), (kv) => {
      const { binding } = faultyKv(kv, {
        // Longer than one flush's retries (five attempts): the flush fails, its alarm retries.
        fail: (op, key) =>
          op === 'put' && key === scopeValueKey({ kind: 'place', slug: 'writerdown' }) && ++failures <= 5,
      });
      return binding;
    });
    // The document whose writes fail, as KV holds it; the flush writes the others at once.
    const inPlaceDocument = async () =>
      (await new StatusStore(env.STATUS_KV).getPlaceDocument('writerdown'))?.reportCount ?? 0;
    const { response } = await post(noFaults, 'writerdown');
    expect(response.status).toBe(201);
    expect(failures).toBeGreaterThanOrEqual(5);
    expect(await inPlaceDocument()).toBe(0);
    const deadline = Date.now() + 10_000;
    while ((await inPlaceDocument()) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await inPlaceDocument()).toBe(1);
    expect(await reportCount('writerdown')).toBe(1);
    expect(failures).toBe(6);
  });

  it('repairs a place document that lost a report to a race, without any marker', async () => {
    await createPlace('race');
    await post(noFaults, 'race', undefined, '2024-03-01');
    const key = scopeValueKey({ kind: 'place', slug: 'race' });
    const before = await env.STATUS_KV.getWithMetadata(key, 'arrayBuffer');
    await post(noFaults, 'race', undefined, '2024-03-02');
    // Simulate the race's lost update: the older value is written back over the newer.
    await env.STATUS_KV.put(key, before.value ?? '', { metadata: before.metadata });
    expect(await reportCount('race')).toBe(1);
    await runScheduledRepair();
    expect(await reportCount('race')).toBe(2);
  });

  it('repairs a retraction indexed but never handed to the writer', async () => {
    await createPlace('lostflush');
    const { response } = await post(noFaults, 'lostflush');
    const { id } = (await response.json()) as { id: string };
    const store = new StatusStore(env.STATUS_KV);
    const summary = await store.getHistoryEntry(id);
    if (!summary) throw new Error('the report was not indexed');
    await store.putRetraction({
      report: id,
      reason: 'Synthetic: lost flush.',
      retracted: new Date().toISOString(),
    });
    await store.putHistoryEntry({ ...summary, state: 'retracted' });
    const shownIndicators = async () => {
      const place = await request(noFaults, '/api/v1/places/lostflush');
      return Object.keys(
        ((await place.response.json()) as { status: { indicators: object } }).status.indicators,
      );
    };
    expect(await shownIndicators()).toEqual(['electricity']);
    await runScheduledRepair();
    expect(await shownIndicators()).toEqual([]);
    const feed = await request(noFaults, '/feeds/places/lostflush.json');
    const titles = ((await feed.response.json()) as { items: { title: string }[] }).items.map((i) => i.title);
    expect(titles).toHaveLength(2);
    expect(titles[0]).toMatch(/^Withdrawn:/);
    expect(titles[1]).toMatch(/^Retracted:/);
  });
});
