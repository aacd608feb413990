// One subscriber cannot slow another: a receiver that hangs waits on the slow lane, among its
// own kind, and a healthy receiver beside it is sent each change about as soon as it would be
// alone. Through the real queues of miniflare, to a receiver on 127.0.0.1; SYNTHETIC places.

import { describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { createPlace } from '../support/seed-api.ts';
import { answerAt, receivedAt, subscribeTo, waitUntil } from './receiver-client.ts';

const unsubscribe = (id: string) =>
  call(`/api/v1/subscriptions/${id}`, { method: 'DELETE', as: 'subscriber' });

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

const reports = 12;

/**
 * Posts reports one after another to `place` and answers, for each, how long after its 201
 * the receiver at `path` got it.
 */
async function delaysAt(place: string, path: string): Promise<number[]> {
  const answered = new Map<string, number>();
  for (let n = 0; n < reports; n++) {
    const response = await send('POST', '/api/v1/reports', syntheticReport(place), { as: 'reporter' });
    expect(response.status).toBe(201);
    answered.set((await json<{ id: string }>(response)).id, Date.now());
    // Apart by more than a queue waits to fill a batch: each change is sent on its own.
    await new Promise((resolve) => setTimeout(resolve, 1200));
  }
  const received = await waitUntil(path, (r) => r.length >= reports, 30_000);
  return received.map((r) => {
    const { data } = JSON.parse(r.body) as { data: { change: { report: string } } };
    return r.at - (answered.get(data.change.report) ?? r.at);
  });
}

describe('a receiver that hangs', () => {
  it('delays only its own deliveries: a healthy one beside it is sent each change as soon as alone', {
    timeout: 120_000,
  }, async () => {
    await createPlace('lanes-alone');
    const aloneId = (await subscribeTo('/hooks/lanes-alone', 'lanes-alone')).id;
    const alone = await delaysAt('lanes-alone', '/hooks/lanes-alone');
    await unsubscribe(aloneId);

    await createPlace('lanes-beside');
    // Longer than any attempt waits (WEBHOOK_TIMEOUT_MS, 6 s here).
    await answerAt('/hooks/lanes-hanging', { delayMs: 15000 });
    const hangingId = (await subscribeTo('/hooks/lanes-hanging', 'lanes-beside')).id;
    const healthyId = (await subscribeTo('/hooks/lanes-healthy', 'lanes-beside')).id;
    const beside = await delaysAt('lanes-beside', '/hooks/lanes-healthy');
    await unsubscribe(hangingId);
    await unsubscribe(healthyId);

    // The hanging receiver was asked, and timed out.
    expect((await receivedAt('/hooks/lanes-hanging')).length).toBeGreaterThan(0);
    // Within 2× of the healthy receiver's median alone; that median is taken as at least
    // 250 ms, so that a few milliseconds of scheduling on a busy machine cannot decide it.
    // Sharing batches with the hanging one, its median was 3.4× (5.3 s against 1.5 s alone).
    expect(median(beside)).toBeLessThanOrEqual(2 * Math.max(median(alone), 250));
  });
});
