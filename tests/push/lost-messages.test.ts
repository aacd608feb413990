// No change is lost between the change log and the receiver. A queue's message may be lost
// at either step (a crash, or a local queue that does not outlive its process): the state
// such a loss leaves is made here, and every matching webhook still arrives, with the
// webhook-id it would have had, for the receiver to keep once. Through the real queues of
// miniflare, to a receiver on 127.0.0.1; SYNTHETIC places.

import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { webhookIdOf } from '../../src/push/events.ts';
import { registryOf } from '../../src/push/registry.ts';
import { settlePushes } from '../../src/push/settling.ts';
import { writersOf } from '../../src/writers/stubs.ts';
import { json, send } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { receivedAt, targetAt, waitUntil } from './receiver-client.ts';

async function subscribe(path: string, place: string): Promise<{ id: string; secret: string }> {
  const response = await send(
    'POST',
    '/api/v1/subscriptions',
    { url: targetAt(path), filters: { places: [place] } },
    { as: 'subscriber' },
  );
  expect(response.status).toBe(201);
  return json(response);
}

const positionOf = (body: string) => (JSON.parse(body) as { data: { position: number } }).data.position;

describe('a lost queue message', () => {
  it('between the registry and the receiver: the delivery is sent again, with its webhook-id', async () => {
    await createPlace('lost-delivery');
    const { id, secret } = await subscribe('/hooks/lost-delivery', 'lost-delivery');
    // As a consumer leaves it that recorded the deliveries of a change, then ended before
    // queueing them: the registry holds the delivery, no queue does.
    const position = 9_000_001;
    const webhookId = webhookIdOf(position, id);
    const body = JSON.stringify({
      type: 'report.new',
      timestamp: new Date().toISOString(),
      data: { position },
    });
    expect(await registryOf(env).fan(position, [{ id: webhookId, subscription: id, position, body }])).toBe(
      true,
    );
    expect((await registryOf(env).progress([position])).settled).toEqual([]);

    const [received] = await waitUntil('/hooks/lost-delivery', (r) => r.length >= 1, 40_000);
    expect(received?.headers['webhook-id']).toBe(webhookId);
    expect(new Webhook(secret).verify(received?.body ?? '', received?.headers ?? {})).toEqual(
      JSON.parse(body),
    );
    expect((await registryOf(env).progress([position])).settled).toEqual([position]);
  });

  it('between the change log and the registry: the repair hands the change again, with the same webhook-ids', async () => {
    await createPlace('lost-change');
    const { id } = await subscribe('/hooks/lost-change', 'lost-change');
    await postReport(syntheticReport('lost-change'));
    const [first] = await waitUntil('/hooks/lost-change', (r) => r.length >= 1);
    const position = positionOf(first?.body ?? '');

    // As a queue leaves it that lost the change's message: the change log handed the change
    // long ago, and the registry never fanned it out.
    await runInDurableObject(registryOf(env), (_, state) => {
      state.storage.sql.exec('DELETE FROM fanned WHERE position = ?', position);
      state.storage.sql.exec('DELETE FROM deliveries WHERE position = ?', position);
    });
    await runInDurableObject(writersOf(env).changeLog(), (_, state) => {
      state.storage.sql.exec('UPDATE handed SET at = 0 WHERE seq = ?', position);
    });

    expect((await settlePushes(env, Date.now())).handedAgain).toBeGreaterThanOrEqual(1);
    const received = await waitUntil('/hooks/lost-change', (r) => r.length >= 2);
    expect(received.map((r) => r.headers['webhook-id'])).toEqual([
      webhookIdOf(position, id),
      webhookIdOf(position, id),
    ]);
    expect(received.map((r) => positionOf(r.body))).toEqual([position, position]);
  });

  it('is never needed for a change whose deliveries are settled: the change log forgets it', async () => {
    await createPlace('settled-change');
    await subscribe('/hooks/settled-change', 'settled-change');
    await postReport(syntheticReport('settled-change'));
    const [delivered] = await waitUntil('/hooks/settled-change', (r) => r.length >= 1);
    const position = positionOf(delivered?.body ?? '');
    const changeLog = writersOf(env).changeLog();
    expect((await changeLog.handed(position - 1, 1)).map((h) => h.position)).toEqual([position]);

    await settlePushes(env, Date.now());
    expect((await changeLog.handed(position - 1, 1)).map((h) => h.position)).not.toContain(position);
    // Nothing is sent again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await receivedAt('/hooks/settled-change')).toHaveLength(1);
  });
});
