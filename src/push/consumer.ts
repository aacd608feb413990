// The consumer of the push queues, in the same Worker. A change is matched against the
// subscriptions and becomes one delivery per subscription it goes to, recorded by the
// registry before its message is queued on its subscription's lane (fast, or slow for a
// receiver that failed or answered slowly); a delivery is one signed POST; a publish is one
// ping to the WebSub hub. A failed delivery is tried again with a growing delay, on the lane
// its subscription is now in, until the registry gives up on it; anything else that fails is
// retried by the queue, and after its last retry goes to the dead-letter queue, whose consumer
// (here too) counts it against its subscription. Nothing here runs in a request: a slow or
// failing receiver or hub never delays a write.

import { publicChange } from '../domain/changes.ts';
import type { Report } from '../domain/model.ts';
import { hubAt, publishedByIsPublic } from '../settings.ts';
import { StatusStore } from '../store/status-store.ts';
import {
  type ChangeMessage,
  type DeliveryMessage,
  type Lane,
  type PushMessage,
  pushMessage,
  queueOfLane,
  sendAll,
} from '../writers/push-messages.ts';
import { webhookEventOf, webhookIdOf } from './events.ts';
import type { PushedChange } from './model.ts';
import { registryOf } from './registry.ts';
import { answerWithinMs, checkTargetUnder, retryDelaySeconds, slowAnswerMs } from './settings.ts';

/** The queues' names, as wrangler.toml gives them. */
const deadLetterQueue = 'humanitarian-status-push-dead';
const slowLaneQueue = 'humanitarian-status-push-slow';

function log(level: 'error' | 'info', message: string, fields: Record<string, unknown>) {
  console.log(JSON.stringify({ level, message, ...fields }));
}

class AttemptFailed extends Error {}
class NoAnswerInTime extends AttemptFailed {}

/** POSTs, following no redirect and waiting a bounded time; anything but a 2xx throws. */
async function post(
  env: Env,
  url: string,
  init: { headers: Record<string, string>; body: string },
  timeout = answerWithinMs(env),
) {
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
    if (timedOut) throw new NoAnswerInTime(`no answer within ${timeout} ms`);
    throw new AttemptFailed('could not connect');
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
 * (or whose indicators the change log was not told). The registry records a change's
 * deliveries before they are queued, once however often the change comes. One promise per
 * change, which fails alone: the queue retries that change only.
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
    const known = results.flatMap((r, i) =>
      r.status === 'fulfilled' ? [{ i, position: messages[i]?.position ?? 0, pushed: r.value }] : [],
    );
    const recipients = await registryOf(env).matchAll(
      known.map(({ position, pushed }) => ({ position, pushed })),
    );
    return new Map(known.map((k, n) => [k.i, recipients[n]]));
  });
  return messages.map(async (message, i) => {
    await pushed[i];
    const recipients = (await matched).get(i);
    // Fanned out before: its deliveries are the registry's to make.
    if (recipients === undefined) return;
    const report = recipients.length > 0 ? await reportOf(message) : undefined;
    const deliveries = report
      ? recipients.map((recipient) => ({
          recipient,
          message: {
            type: 'delivery',
            subscription: recipient.id,
            id: webhookIdOf(message.position, recipient.id),
            body: webhookEventOf(message, report, recipient),
          } satisfies DeliveryMessage,
        }))
      : [];
    const ledger = deliveries.map(({ message: d }) => ({ ...d, position: message.position }));
    if (!(await registryOf(env).fan(message.position, ledger))) return;
    for (const lane of ['fast', 'slow'] as const) {
      const onLane = deliveries.filter((d) => d.recipient.lane === lane).map((d) => d.message);
      await sendAll(queueOfLane(env, lane), onLane);
    }
  });
}

/** What becomes of a message once its work is done. */
type Disposition = { kind: 'ack' } | { kind: 'retry'; delaySeconds: number; lane: Lane };

async function deliver(env: Env, message: DeliveryMessage, lane: Lane): Promise<Disposition> {
  const registry = registryOf(env);
  const started = Date.now();
  const attempt = await registry.sign(message.subscription, message.id, message.body, started, lane);
  if (!attempt.send && attempt.why === 'slow lane') return { kind: 'retry', delaySeconds: 0, lane: 'slow' };
  if (!attempt.send) {
    log('info', 'webhook not sent', { subscription: message.subscription, id: message.id, why: attempt.why });
    return { kind: 'ack' };
  }
  let failure: string | undefined;
  try {
    const target = await checkTargetUnder(env, attempt.url);
    if (!target.ok) throw new AttemptFailed(`target ${target.reason}`);
    const init = { headers: { 'content-type': 'application/json', ...attempt.headers }, body: message.body };
    // The fast lane waits only as long as a healthy receiver takes: a slower one is cut short
    // there, uncounted, and tried again at once on the slow lane, where it has its full time.
    await post(env, target.url.href, init, lane === 'fast' ? slowAnswerMs(env) : answerWithinMs(env));
  } catch (error) {
    if (error instanceof NoAnswerInTime && lane === 'fast') {
      await registry.cutShort(message.subscription, message.id);
      return { kind: 'retry', delaySeconds: 0, lane: 'slow' };
    }
    failure = error instanceof AttemptFailed ? error.message : 'failed';
  }
  const at = new Date().toISOString();
  const outcome =
    failure === undefined ? { ok: true as const, at } : { ok: false as const, at, reason: failure };
  const after = await registry.outcome(message.subscription, message.id, outcome, Date.now() - started);
  if (after.next !== 'retry') return { kind: 'ack' };
  log('error', 'webhook failed; will retry', {
    subscription: message.subscription,
    id: message.id,
    reason: failure,
    lane: after.lane,
    delaySeconds: after.delaySeconds,
  });
  return { kind: 'retry', delaySeconds: after.delaySeconds, lane: after.lane };
}

async function publish(env: Env, topic: string): Promise<void> {
  const hub = hubAt(env);
  if (!hub) return;
  const body = new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString();
  await post(env, hub, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
}

/** What the dead-letter queue receives: counted against the subscription, and logged. */
async function deadLettered(env: Env, message: PushMessage): Promise<void> {
  const fields = message.type === 'delivery' ? { subscription: message.subscription, id: message.id } : {};
  log('error', 'push message given up on after its last retry', { type: message.type, ...fields });
  if (message.type === 'delivery') await registryOf(env).deadLettered(message.subscription, message.id);
}

/**
 * Settles a message once its work is done: acked, tried again on its own queue after a wait,
 * or handed to the other lane's queue. Work that throws is retried by the queue, later with
 * every try.
 */
async function settle(
  env: Env,
  queued: Message<unknown>,
  lane: Lane,
  type: string,
  work: Promise<Disposition>,
): Promise<void> {
  try {
    const done = await work;
    if (done.kind === 'ack') {
      queued.ack();
    } else if (done.lane === lane) {
      queued.retry({ delaySeconds: done.delaySeconds });
    } else {
      await queueOfLane(env, done.lane).send(queued.body as PushMessage, { delaySeconds: done.delaySeconds });
      queued.ack();
    }
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

const acked = (work: Promise<void>): Promise<Disposition> => work.then(() => ({ kind: 'ack' }));

export async function consumePush(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const dead = batch.queue === deadLetterQueue;
  const lane: Lane = batch.queue === slowLaneQueue ? 'slow' : 'fast';
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
        ? acked(deadLettered(env, message))
        : message.type === 'change'
          ? acked(fannedOut.get(message) ?? Promise.resolve())
          : message.type === 'delivery'
            ? deliver(env, message, lane)
            : acked(publish(env, message.topic));
      return settle(env, queued, lane, message.type, work);
    }),
  );
}
