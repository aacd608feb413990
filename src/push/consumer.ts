// The consumer of the push queue, in the same Worker. A change is matched against the
// subscriptions and becomes one delivery message per subscription it goes to; a delivery is
// one signed POST; a publish is one ping to the WebSub hub. Anything that fails is retried by
// the queue with a growing delay, and after the last retry goes to the dead-letter queue,
// whose consumer (here too) counts it against its subscription. Nothing here runs in a
// request: a slow or failing receiver or hub never delays a write.

import { publicChange } from '../domain/changes.ts';
import type { Report } from '../domain/model.ts';
import { hubAt, publishedByIsPublic } from '../settings.ts';
import { StatusStore } from '../store/status-store.ts';
import {
  type ChangeMessage,
  type DeliveryMessage,
  type PushMessage,
  pushMessage,
  sendAll,
} from '../writers/push-messages.ts';
import { webhookEventOf, webhookIdOf } from './events.ts';
import type { PushedChange } from './model.ts';
import { registryOf } from './registry.ts';
import { answerWithinMs, checkTargetUnder, retryDelaySeconds } from './settings.ts';

/** The dead-letter queue's name, as wrangler.toml gives it. */
const deadLetterQueue = 'humanitarian-status-push-dead';

function log(level: 'error' | 'info', message: string, fields: Record<string, unknown>) {
  console.log(JSON.stringify({ level, message, ...fields }));
}

class AttemptFailed extends Error {}

/** POSTs, following no redirect and waiting a bounded time; anything but a 2xx throws. */
async function post(env: Env, url: string, init: { headers: Record<string, string>; body: string }) {
  const timeout = answerWithinMs(env);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeout),
      ...init,
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new AttemptFailed(timedOut ? `no answer within ${timeout} ms` : 'could not connect');
  }
  // Only the status matters: the body is never read, whatever its size.
  await response.body?.cancel();
  if (response.status >= 300 && response.status < 400) {
    throw new AttemptFailed(`answered ${response.status}; redirects are not followed`);
  }
  if (!response.ok) throw new AttemptFailed(`answered ${response.status}`);
}

/**
 * The changes of one batch, each to one delivery per subscription it goes to: the registry
 * is asked once for all of them, and a report is read only for a change that goes somewhere
 * (or whose indicators the change log was not told). One promise per change, which fails
 * alone: the queue retries that change only.
 */
function fanOut(env: Env, taken: readonly ChangeMessage[]): Promise<void>[] {
  const showPublishers = publishedByIsPublic(env);
  const messages = taken.map((m) => ({ ...m, change: publicChange(m.change, showPublishers) }));
  const store = new StatusStore(env.STATUS_KV);
  const reads = new Map<ChangeMessage, Promise<Report>>();
  const reportOf = (message: ChangeMessage) => {
    let read = reads.get(message);
    if (!read) {
      read = store.getReport(message.change.report).then((report) => {
        // KV may show a fact late where this runs: the queue asks again.
        if (!report) throw new Error(`report ${message.change.report} is not in KV yet`);
        return report;
      });
      reads.set(message, read);
    }
    return read;
  };
  const pushed = messages.map(
    async (message): Promise<PushedChange> => ({
      change: message.change,
      indicators: message.indicators ?? (await reportOf(message)).figures.map((f) => f.indicator),
      ...(message.figures ? { figures: message.figures } : {}),
    }),
  );
  const matched = Promise.allSettled(pushed).then(async (results) => {
    const known = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ i, change: r.value }] : []));
    const recipients = await registryOf(env).matchAll(known.map((k) => k.change));
    return new Map(known.map((k, n) => [k.i, recipients[n] ?? []]));
  });
  return messages.map(async (message, i) => {
    await pushed[i];
    const recipients = (await matched).get(i) ?? [];
    if (recipients.length === 0) return;
    const report = await reportOf(message);
    const deliveries = recipients.map(
      (recipient): DeliveryMessage => ({
        type: 'delivery',
        subscription: recipient.id,
        id: webhookIdOf(message.position, recipient.id),
        body: webhookEventOf(message, report, recipient),
      }),
    );
    await sendAll(env.PUSH_QUEUE, deliveries);
  });
}

async function deliver(env: Env, message: DeliveryMessage): Promise<void> {
  const registry = registryOf(env);
  const attempt = await registry.sign(message.subscription, message.id, message.body, Date.now());
  if (!attempt.send) {
    log('info', 'webhook not sent', { subscription: message.subscription, id: message.id, why: attempt.why });
    return;
  }
  try {
    const target = await checkTargetUnder(env, attempt.url);
    if (!target.ok) throw new AttemptFailed(`target ${target.reason}`);
    await post(env, target.url.href, {
      headers: { 'content-type': 'application/json', ...attempt.headers },
      body: message.body,
    });
  } catch (error) {
    const reason = error instanceof AttemptFailed ? error.message : 'failed';
    await registry.outcome(message.subscription, { ok: false, at: new Date().toISOString(), reason });
    throw error;
  }
  await registry.outcome(message.subscription, { ok: true, at: new Date().toISOString() });
}

async function publish(env: Env, topic: string): Promise<void> {
  const hub = hubAt(env);
  if (!hub) return;
  const body = new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString();
  await post(env, hub, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
}

/** A delivery or a publish; changes are fanned out together (fanOut). */
function handle(env: Env, message: Exclude<PushMessage, ChangeMessage>): Promise<void> {
  if (message.type === 'delivery') return deliver(env, message);
  return publish(env, message.topic);
}

/** What the dead-letter queue receives: counted against the subscription, and logged. */
async function deadLettered(env: Env, message: PushMessage): Promise<void> {
  const fields = message.type === 'delivery' ? { subscription: message.subscription, id: message.id } : {};
  log('error', 'push message given up on after its last retry', { type: message.type, ...fields });
  if (message.type === 'delivery') await registryOf(env).deadLettered(message.subscription);
}

/** Acks a message once its work is done; else the queue retries it, later with every try. */
async function settle(env: Env, queued: Message<unknown>, type: string, work: Promise<void>): Promise<void> {
  try {
    await work;
    queued.ack();
  } catch (error) {
    const delaySeconds = retryDelaySeconds(env, queued.attempts);
    log('error', 'push message failed; will retry', {
      type,
      attempts: queued.attempts,
      delaySeconds,
      error: error instanceof Error ? error.message : String(error),
    });
    queued.retry({ delaySeconds });
  }
}

export async function consumePush(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const dead = batch.queue === deadLetterQueue;
  const taken = batch.messages.flatMap((queued) => {
    const parsed = pushMessage.safeParse(queued.body);
    if (parsed.success) return [{ queued, message: parsed.data }];
    log('error', 'push message of unknown shape dropped', { queue: batch.queue, id: queued.id });
    queued.ack();
    return [];
  });
  const changes = dead ? [] : taken.flatMap((t) => (t.message.type === 'change' ? [t.message] : []));
  const fanned = fanOut(env, changes);
  const fannedOut = new Map(changes.map((message, i) => [message, fanned[i]] as const));
  await Promise.all(
    taken.map(({ queued, message }) => {
      const work = dead
        ? deadLettered(env, message)
        : message.type === 'change'
          ? (fannedOut.get(message) ?? Promise.resolve())
          : handle(env, message);
      return settle(env, queued, message.type, work);
    }),
  );
}
