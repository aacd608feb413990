// The scheduled repair looks at KV only when it has reason to: a minute with nothing new
// costs one KV read and lists nothing; a change in the log, a place marked stale, a deploy
// that expects other derived keys, or a day since its last full run has it run in full. SYNTHETIC places and numbers.

import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index.ts';
import { scopeValueKey } from '../../src/store/keys.ts';
import { call, json, origin } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { countingKv } from '../support/counting-kv.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';
import { unreachablePlaceWriters, writers } from '../support/writers.ts';

const minute = 60_000;
const day = 24 * 60 * minute;

// The schedule's clock, which only moves forward across the tests of this file, as the
// change log remembers the time of the repair's last full run: each test starts a day on.
let clock = Date.now();
const aDayOn = () => {
  clock += day;
  return clock;
};

/** Runs the scheduled handler at `at`, as Cloudflare would, counting its KV operations. */
async function repairAt(at: number) {
  const { binding, counts } = countingKv(env.STATUS_KV);
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: new Date(at), cron: '* * * * *' }),
    { ...env, STATUS_KV: binding },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return counts;
}

const reportsOf = async (slug: string) =>
  (await json<{ reports: unknown[] }>(await call(`/api/v1/places/${slug}/reports`))).reports.length;

describe('the scheduled repair', () => {
  it('lists nothing and writes nothing in a minute when nothing changed, and runs in full after a change', async () => {
    await createPlace('quiet-town');
    await postReport(syntheticReport('quiet-town'));
    const start = aDayOn();
    expect((await repairAt(start)).list).toBeGreaterThan(0);
    const quiet = await repairAt(start + minute);
    expect([quiet.list, quiet.get, quiet.put, quiet.delete]).toEqual([0, 1, 0, 0]);
    expect((await repairAt(start + 2 * minute)).list).toBe(0);

    await postReport(syntheticReport('quiet-town', { observed: '2024-03-16' }));
    expect((await repairAt(start + 3 * minute)).list).toBeGreaterThan(0);
    expect((await repairAt(start + 4 * minute)).list).toBe(0);
    clock = start + 4 * minute;
  });

  it('runs in full once a request marked a place stale, and hands the report over', async () => {
    await createPlace('marked-town');
    const start = aDayOn();
    await repairAt(start);
    expect((await repairAt(start + minute)).list).toBe(0);

    const ctx = createExecutionContext();
    const response = await worker.fetch(
      new Request(new URL('/api/v1/reports', origin), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${testTokens.reporter.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(syntheticReport('marked-town')),
      }),
      unreachablePlaceWriters(env),
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(201);
    expect(await reportsOf('marked-town')).toBe(0);

    expect((await repairAt(start + 2 * minute)).list).toBeGreaterThan(0);
    expect(await reportsOf('marked-town')).toBe(1);
    // The hand-over is a change in the log, which the next run looks at once; then quiet.
    await repairAt(start + 3 * minute);
    expect((await repairAt(start + 4 * minute)).list).toBe(0);
    clock = start + 4 * minute;
  });

  it('finds what nothing told of, a document lost from KV, at its daily full run', async () => {
    await createPlace('lost-town');
    await postReport(syntheticReport('lost-town'));
    const start = aDayOn();
    await repairAt(start);
    await env.STATUS_KV.delete(scopeValueKey({ kind: 'place', slug: 'lost-town' }));
    expect((await repairAt(start + minute)).list).toBe(0);
    expect(await env.STATUS_KV.get(scopeValueKey({ kind: 'place', slug: 'lost-town' }))).toBeNull();

    clock = start + day;
    expect((await repairAt(clock)).list).toBeGreaterThan(0);
    const deadline = Date.now() + 10_000;
    while (
      (await env.STATUS_KV.get(scopeValueKey({ kind: 'place', slug: 'lost-town' }))) === null &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await env.STATUS_KV.get(scopeValueKey({ kind: 'place', slug: 'lost-town' }))).not.toBeNull();
  });

  it('runs in full after a deploy that expects other derived keys, as a new stored answer', async () => {
    const log = writers.changeLog();
    const at = aDayOn();
    const first = await log.repairDue({ stale: null, expected: 'place,feed' }, at);
    expect(first.due).toBe(true);
    await log.repaired(first.seen);
    expect((await log.repairDue({ stale: null, expected: 'place,feed' }, at + minute)).due).toBe(false);
    expect((await log.repairDue({ stale: null, expected: 'place,feed,new answer' }, at + minute)).due).toBe(
      true,
    );
    clock = at + minute;
  });
});
