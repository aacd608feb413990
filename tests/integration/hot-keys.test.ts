// A field team's burst: 50 reports in a second, with KV answering 429 like production to
// a second write to one key within a second. Derived documents are written in paced
// flushes, so no shared key is written twice within a second and nothing needs the repair.

import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index.ts';
import { call, json, origin, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { faultyKv } from '../support/faulty-kv.ts';
import { testTokens } from '../support/tokens.ts';

const burstSize = 50;
const burstMs = 1000;
const places = ['burst-east', 'burst-west'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a burst of 50 reports per second', () => {
  it('writes no derived document twice within a second, and derives every report without the repair', {
    timeout: 60_000,
  }, async () => {
    for (const slug of places) {
      const created = await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' });
      expect(created.status).toBe(201);
    }
    const earlier = await json(
      await send('POST', '/api/v1/reports', syntheticReport('burst-east', { observed: '2024-03-20' }), {
        as: 'reporter',
      }),
    );
    await sleep(burstMs);

    const { binding, injected, writes } = faultyKv(env.STATUS_KV, { writeIntervalMs: 1000 });
    const pacedEnv = { ...env, STATUS_KV: binding, DOCUMENT_WRITE_INTERVAL_MS: '1000' as const };
    const contexts: ExecutionContext[] = [];
    const post = (path: string, body: unknown, token: string) => {
      const ctx = createExecutionContext();
      contexts.push(ctx);
      return worker.fetch(
        new Request(new URL(path, origin), {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        pacedEnv,
        ctx,
      );
    };

    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: burstSize }, async (_, i) => {
        await sleep((i * burstMs) / burstSize);
        const slug = places[i % places.length] ?? 'burst-east';
        const observed = `2024-04-${String((i % 28) + 1).padStart(2, '0')}`;
        return post('/api/v1/reports', syntheticReport(slug, { observed }), testTokens.reporter.token);
      }),
    );
    const retraction = await post(
      `/api/v1/reports/${earlier.id}/retraction`,
      { reason: 'Synthetic: retracted during the burst.' },
      testTokens.moderator.token,
    );
    const answered = Date.now();
    await Promise.all(contexts.map((ctx) => waitOnExecutionContext(ctx)));
    const derived = Date.now();

    expect(answers.map((r) => r.status)).toEqual(Array(burstSize).fill(201));
    expect(retraction.status).toBe(201);
    expect(injected).toEqual([]);

    const derivedWrites = writes.filter((w) => w.key.startsWith('v1/derived/'));
    const byKey = Map.groupBy(derivedWrites, (w) => w.key);
    expect([...byKey.keys()].sort()).toEqual([
      'v1/derived/feed/all',
      'v1/derived/feed/place/burst-east',
      'v1/derived/feed/place/burst-west',
      'v1/derived/place/burst-east',
      'v1/derived/place/burst-west',
      'v1/derived/places',
      'v1/derived/recent',
    ]);
    for (const [, keyWrites] of byKey) {
      const times = keyWrites.map((w) => w.at).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) {
        expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
      }
      // Far fewer writes than reports: the burst was gathered into a few flushes.
      expect(keyWrites.length).toBeLessThanOrEqual(Math.ceil((derived - started) / 1000) + 1);
    }
    expect(derived - answered).toBeLessThan(5000);
    expect((await env.STATUS_KV.list({ prefix: 'v1/stale/' })).keys).toEqual([]);

    const [east, west] = await Promise.all(
      places.map(async (slug) => json(await call(`/api/v1/places/${slug}`))),
    );
    expect(east.reportCount + west.reportCount).toBe(burstSize + 1);
    const everywhere = await json(await call('/feeds/all.json?limit=100'));
    const urls = new Set(everywhere.items.map((item: { url: string }) => item.url));
    const ids = await Promise.all(answers.map(async (r) => (await json(r)).id as string));
    expect(ids.filter((id) => urls.has(`${origin}/api/v1/reports/${id}`))).toHaveLength(burstSize);
    const retracted = await json(await call(`/api/v1/reports/${earlier.id}`));
    expect(retracted.state).toBe('retracted');
    console.log(
      JSON.stringify({
        burst: burstSize,
        answeredMs: answered - started,
        derivedAfterLastAnswerMs: derived - answered,
        derivedWrites: derivedWrites.length,
      }),
    );
  });
});
