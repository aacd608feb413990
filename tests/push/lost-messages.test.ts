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
import { syntheticReport } from '../support/builders.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { receivedAt, subscribeTo, waitUntil } from './receiver-client.ts';

const positionOf = (body: string) => (JSON.parse(body) as { data: { position: number } }).data.position;

describe('a lost queue message', () => {
  // What a consumer leaves that ended at each step after the registry recorded a change's
  // deliveries: before queueing them; while an attempt waited for its answer; after a failed
  // attempt, before its retry was queued. The registry holds the delivery, no queue does.
  const leftAt = {
    'before it was queued': async () => {},
    'while its attempt waited for an answer': async (id: string, webhookId: string, body: string) => {
      expect((await registryOf(env).sign(id, webhookId, body, Date.now(), 'fast')).send).toBe(true);
    },
    'after a failed attempt, before its retry was queued': async (id: string, webhookId: string) => {
      const failed = { ok: false as const, at: new Date().toISOString(), reason: 'answered 500' };
      expect((await registryOf(env).outcome(id, webhookId, failed, 5)).next).toBe('retry');
    },
  };

  it.each(Object.keys(leftAt) as (keyof typeof leftAt)[])(
    'between the registry and the receiver, %s: the delivery is sent again, with its webhook-id',
    async (step) => {
      const path = `/hooks/lost-${step.replaceAll(/\W+/g, '-')}`;
      const place = `lost-delivery-${Object.keys(leftAt).indexOf(step)}`;
      await createPlace(place);
      const { id, secret } = await subscribeTo(path, place);
      const position = 9_000_000 + Object.keys(leftAt).indexOf(step);
      const webhookId = webhookIdOf(position, id);
      const body = JSON.stringify({
        type: 'report.new',
        timestamp: new Date().toISOString(),
        data: { position },
      });
      expect(await registryOf(env).fan(position, [{ id: webhookId, subscription: id, position, body }])).toBe(
        true,
      );
      await leftAt[step](id, webhookId, body);
      expect((await registryOf(env).progress([position])).settled).toEqual([]);

      const [received] = await waitUntil(path, (r) => r.length >= 1, 40_000);
      expect(received?.headers['webhook-id']).toBe(webhookId);
      expect(new Webhook(secret).verify(received?.body ?? '', received?.headers ?? {})).toEqual(
        JSON.parse(body),
      );
      expect((await registryOf(env).progress([position])).settled).toEqual([position]);
    },
  );

  it('between the change log and the registry: the repair hands the change again, with the same webhook-ids', async () => {
    await createPlace('lost-change');
    const { id } = await subscribeTo('/hooks/lost-change', 'lost-change');
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
    await subscribeTo('/hooks/settled-change', 'settled-change');
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
