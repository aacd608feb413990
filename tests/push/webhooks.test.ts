// Webhooks: a subscriber on 127.0.0.1 (tests/push/receiver.ts) is sent exactly the changes
// that match its filters and rule, each signed as Standard Webhooks and verified here with the
// `standardwebhooks` package, as a receiver would; a failed attempt is retried with the same
// webhook-id, and after the last retry the event goes to the dead-letter queue. Through the
// real queues of miniflare. SYNTHETIC places and numbers.

import { env } from 'cloudflare:workers';
import { type Schema, Validator } from '@cfworker/json-schema';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import webhookEventSchema from '../../schema/webhook-event.schema.json';
import type { WebhookEvent } from '../../src/push/model.ts';
import { call, json, send } from '../support/api.ts';
import { deaths, syntheticReport } from '../support/builders.ts';
import { correct, createPlace, postReport, retract } from '../support/seed-api.ts';
import { answerAt, type Received, receivedAt, settle, targetAt, waitUntil } from './receiver-client.ts';

async function subscribe(body: object): Promise<{ id: string; secret: string }> {
  const response = await send('POST', '/api/v1/subscriptions', body, { as: 'subscriber' });
  expect(response.status, await response.clone().text()).toBe(201);
  return json(response);
}

/**
 * Every delivery verified with the secret, as a receiver does (a bad signature throws), in
 * the order of the change log: deliveries may arrive in any order.
 */
const verified = (secret: string, received: readonly Received[]) =>
  received
    .map((r) => new Webhook(secret).verify(r.body, r.headers) as WebhookEvent)
    .sort((a, b) => a.data.position - b.data.position);

const subscriptionOf = async (id: string) =>
  json(await call(`/api/v1/subscriptions/${id}`, { as: 'subscriber' }));

/** Polls the subscription until `holds`; bounded. */
async function waitForSubscription(id: string, holds: (s: any) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await subscriptionOf(id);
    if (holds(found)) return found;
    if (Date.now() > deadline) throw new Error(`subscription never got there: ${JSON.stringify(found)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const water = (state: 'available' | 'unavailable') => ({ indicator: 'running_water', state }) as const;

afterEach(() => vi.restoreAllMocks());

describe('webhook delivery', () => {
  it('sends each matching change once, signed, with what it changed in the status', async () => {
    await createPlace('hooks-first');
    const logged: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => logged.push(String(line)));
    const { id, secret } = await subscribe({
      url: targetAt('/hooks/first'),
      filters: { places: ['hooks-first'] },
    });
    const report = await postReport(syntheticReport('hooks-first'));
    const received = await waitUntil('/hooks/first', (r) => r.length >= 1);
    const [event] = verified(secret, received);
    expect(event?.type).toBe('report.new');
    expect(event?.data).toMatchObject({
      subscription: id,
      change: { kind: 'new', report: report.id, place: 'hooks-first' },
      report: { id: report.id },
      figures: [{ indicator: 'electricity', after: { state: 'unavailable' } }],
      links: { report: `http://status.test/api/v1/reports/${report.id}` },
    });
    expect(event?.data.figures?.[0]?.before).toBeUndefined();
    // Who published it stays at the desk unless the operator chose to show it (PUBLISHED_BY_PUBLIC).
    expect(event?.data.change.publishedBy).toBeUndefined();
    const contract = new Validator(webhookEventSchema as Schema, '2020-12', false).validate(event);
    expect(contract.errors).toEqual([]);
    expect(received[0]?.headers['webhook-id']).toMatch(/^msg_\d+_sub_/);
    expect(received[0]?.headers['content-type']).toBe('application/json');
    await settle();
    expect(await receivedAt('/hooks/first')).toHaveLength(1);
    // The secret was answered once, and is in no log line and no later answer.
    expect(logged.join('\n')).not.toContain(secret.slice(6));
    expect(JSON.stringify(await subscriptionOf(id))).not.toContain(secret.slice(6));
  });

  it('sends a subscriber of some places, indicators and kinds only the changes that match all three', async () => {
    for (const slug of ['hooks-kept', 'hooks-other']) await createPlace(slug);
    const { secret } = await subscribe({
      url: targetAt('/hooks/filtered'),
      filters: {
        places: ['hooks-kept'],
        indicators: ['civilian_deaths'],
        kinds: ['correction', 'retraction'],
      },
    });
    const original = await postReport(syntheticReport('hooks-kept', { figures: [deaths(10)] }));
    await postReport(syntheticReport('hooks-other', { figures: [deaths(10)] }));
    const other = await postReport(syntheticReport('hooks-kept'));
    await correct(other.id, { figures: [{ indicator: 'electricity', state: 'available' }] });
    const correction = await correct(original.id, { figures: [deaths(12)] });
    await retract(correction);
    const received = await waitUntil('/hooks/filtered', (r) => r.length >= 2);
    await settle();
    const events = verified(secret, await receivedAt('/hooks/filtered'));
    expect(events.map((e) => [e.type, e.data.change.report])).toEqual([
      ['report.correction', correction],
      ['report.retraction', correction],
    ]);
    expect(received).toHaveLength(2);
  });

  it('sends a chain withdrawn in one step as one retraction, and no restoration of any version', async () => {
    await createPlace('hooks-chain');
    const { secret } = await subscribe({
      url: targetAt('/hooks/chain'),
      filters: { places: ['hooks-chain'], kinds: ['retraction'] },
    });
    const original = await postReport(syntheticReport('hooks-chain', { figures: [deaths(10)] }));
    const first = await correct(original.id, { figures: [deaths(11)] });
    const second = await correct(first, { figures: [deaths(12)] });
    await retract(original.id);
    await waitUntil('/hooks/chain', (r) => r.length >= 1);
    await settle();
    const events = verified(secret, await receivedAt('/hooks/chain'));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.type).toBe('report.retraction');
    expect(event?.data.change).toMatchObject({
      kind: 'retraction',
      report: original.id,
      effects: [original.id, first, second].map((report) => ({ report, state: 'retracted' })),
    });
    expect(event?.data.change).not.toHaveProperty('restored');
  });

  it('sends a "utility becomes unavailable" rule only the report that cuts it, and what became of that report', async () => {
    await createPlace('hooks-water');
    const { secret } = await subscribe({
      url: targetAt('/hooks/water'),
      filters: { places: ['hooks-water'] },
      rule: { kind: 'becomes_unavailable', indicators: ['running_water'] },
    });
    await postReport(
      syntheticReport('hooks-water', { observed: '2024-03-01', figures: [water('available')] }),
    );
    await postReport(syntheticReport('hooks-water', { observed: '2024-03-02' }));
    const cut = await postReport(
      syntheticReport('hooks-water', { observed: '2024-03-03', figures: [water('unavailable')] }),
    );
    await postReport(
      syntheticReport('hooks-water', { observed: '2024-03-04', figures: [water('unavailable')] }),
    );
    await waitUntil('/hooks/water', (r) => r.length >= 1);
    await retract(cut.id);
    await waitUntil('/hooks/water', (r) => r.length >= 2);
    await settle();
    const events = verified(secret, await receivedAt('/hooks/water'));
    expect(events.map((e) => [e.type, e.data.change.report])).toEqual([
      ['report.new', cut.id],
      ['report.retraction', cut.id],
    ]);
    expect(events[0]?.data.figures).toEqual([
      expect.objectContaining({
        indicator: 'running_water',
        before: { indicator: 'running_water', state: 'available' },
        after: { indicator: 'running_water', state: 'unavailable' },
      }),
    ]);
  });

  it('sends a "count rises by more than N %" rule only the rises above N, and a correction of one', async () => {
    await createPlace('hooks-deaths');
    const { secret } = await subscribe({
      url: targetAt('/hooks/deaths'),
      filters: { places: ['hooks-deaths'] },
      rule: { kind: 'rises_by_percent', indicators: ['civilian_deaths'], percent: 20 },
    });
    const at = (day: number, value: number) =>
      postReport(syntheticReport('hooks-deaths', { observed: `2024-03-0${day}`, figures: [deaths(value)] }));
    await at(1, 100);
    await at(2, 110);
    const rise = await at(3, 150);
    await at(4, 140);
    await waitUntil('/hooks/deaths', (r) => r.length >= 1);
    const correction = await correct(rise.id, { figures: [deaths(130)] });
    await waitUntil('/hooks/deaths', (r) => r.length >= 2);
    await settle();
    const events = verified(secret, await receivedAt('/hooks/deaths'));
    expect(events.map((e) => [e.type, e.data.change.report])).toEqual([
      ['report.new', rise.id],
      ['report.correction', correction],
    ]);
    expect(events[0]?.data.figures?.[0]).toMatchObject({ before: { value: 110 }, after: { value: 150 } });
  });
});

describe('webhook retries', () => {
  it('tries again after a 500, with the same webhook-id and a fresh signature, until it is taken', async () => {
    await createPlace('hooks-retry');
    await answerAt('/hooks/retry', { status: 500 });
    const { id, secret } = await subscribe({
      url: targetAt('/hooks/retry'),
      filters: { places: ['hooks-retry'] },
    });
    await postReport(syntheticReport('hooks-retry'));
    await waitUntil('/hooks/retry', (r) => r.length >= 2);
    const failing = await subscriptionOf(id);
    expect(failing.delivery).toMatchObject({ state: 'active', lastFailure: { reason: 'answered 500' } });
    expect(failing.delivery.failingSince).toBeDefined();
    await answerAt('/hooks/retry', { status: 200 });
    const healthy = await waitForSubscription(id, (s) => s.delivery.lastSuccess !== undefined);
    expect(healthy.delivery.failingSince).toBeUndefined();
    const received = await receivedAt('/hooks/retry');
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(verified(secret, received)).toHaveLength(received.length);
  });

  it('gives up after the last retry: the event goes to the dead-letter queue, and its owner sees it', async () => {
    await createPlace('hooks-dead');
    await answerAt('/hooks/dead', { status: 503 });
    const { id } = await subscribe({ url: targetAt('/hooks/dead'), filters: { places: ['hooks-dead'] } });
    await postReport(syntheticReport('hooks-dead'));
    const dead = await waitForSubscription(id, (s) => s.delivery.deadLetters === 1, 50_000);
    // wrangler.toml: max_retries = 10, so one attempt and ten retries.
    expect(await receivedAt('/hooks/dead')).toHaveLength(11);
    expect(dead.delivery.state).toBe('active');
  });

  it('counts no answer within WEBHOOK_TIMEOUT_MS as a failure, and tries again', async () => {
    await createPlace('hooks-slow');
    await answerAt('/hooks/slow', { delayMs: 8000 });
    const { id } = await subscribe({ url: targetAt('/hooks/slow'), filters: { places: ['hooks-slow'] } });
    await postReport(syntheticReport('hooks-slow'));
    const failing = await waitForSubscription(id, (s) => s.delivery.lastFailure !== undefined);
    expect(failing.delivery.lastFailure.reason).toBe('no answer within 6000 ms');
    await answerAt('/hooks/slow', {});
    await waitForSubscription(id, (s) => s.delivery.lastSuccess !== undefined);
  });

  it('does not follow a redirect: it is a failure, and the place it points to is not asked', async () => {
    await createPlace('hooks-moved');
    await answerAt('/hooks/moved', { status: 308 });
    const { id } = await subscribe({ url: targetAt('/hooks/moved'), filters: { places: ['hooks-moved'] } });
    await postReport(syntheticReport('hooks-moved'));
    const failing = await waitForSubscription(id, (s) => s.delivery.lastFailure !== undefined);
    expect(failing.delivery.lastFailure.reason).toBe('answered 308; redirects are not followed');
    await call(`/api/v1/subscriptions/${id}`, { method: 'DELETE', as: 'subscriber' });
  });

  it('pauses a subscription that failed for longer than WEBHOOK_PAUSE_AFTER_HOURS, sends it nothing, and resumes it', async () => {
    await createPlace('hooks-paused');
    const { id } = await subscribe({ url: targetAt('/hooks/paused'), filters: { places: ['hooks-paused'] } });
    const registry = env.SUBSCRIPTIONS.getByName('subscriptions');
    await registry.outcome(
      id,
      'msg_0_unknown',
      { ok: false, at: '2026-11-01T00:00:00.000Z', reason: 'answered 500' },
      5,
    );
    expect((await subscriptionOf(id)).delivery.state).toBe('active');
    await registry.outcome(
      id,
      'msg_0_unknown',
      { ok: false, at: '2026-11-04T00:00:00.000Z', reason: 'answered 500' },
      5,
    );
    const paused = await subscriptionOf(id);
    expect(paused.delivery).toMatchObject({ state: 'paused', pausedAt: '2026-11-04T00:00:00.000Z' });
    await postReport(syntheticReport('hooks-paused'));
    await settle();
    expect(await receivedAt('/hooks/paused')).toHaveLength(0);
    const resumed = await call(`/api/v1/subscriptions/${id}/resume`, { method: 'POST', as: 'subscriber' });
    expect((await json(resumed)).delivery.state).toBe('active');
    await postReport(syntheticReport('hooks-paused'));
    await waitUntil('/hooks/paused', (r) => r.length === 1);
  });
});
