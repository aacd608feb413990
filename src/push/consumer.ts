// The consumer of the push queue, in the same Worker. A change is matched against the
// subscriptions and becomes one delivery message per subscription it goes to; a delivery is
// one signed POST; a publish is one ping to the WebSub hub. Anything that fails is retried by
// the queue with a growing delay, and after the last retry goes to the dead-letter queue,
// whose consumer (here too) counts it against its subscription. Nothing here runs in a
// request: a slow or failing receiver or hub never delays a write.

import type { PushedChange } from '../domain/subscriptions.ts';
import { StatusStore } from '../store/status-store.ts';
import { writersOf } from '../writers/stubs.ts';
import { webhookEventOf, webhookIdOf } from './events.ts';
import {
  type ChangeMessage,
  type DeliveryMessage,
  type PushMessage,
  pushMessage,
  sendAll,
} from './messages.ts';
import { answerWithinMs, checkTargetUnder, hubAt, retryDelaySeconds } from './settings.ts';

/** The dead-letter queue's name, as wrangler.toml gives it. */
const deadLetterQueue = 'humanitarian-status-push-dead';

const registryOf = (env: Env) => writersOf(env).subscriptions();

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

/** A change, to one delivery per subscription it goes to. */
async function fanOut(env: Env, message: ChangeMessage): Promise<void> {
  const { change } = message;
  const report = await new StatusStore(env.STATUS_KV).getReport(change.report);
  // KV may show a fact late where this runs: the queue asks again.
  if (!report) throw new Error(`report ${change.report} is not in KV yet`);
  const pushed: PushedChange = {
    change,
    indicators: report.figures.map((f) => f.indicator),
    ...(message.figures ? { figures: message.figures } : {}),
  };
  const recipients = await registryOf(env).match(pushed);
  const deliveries = recipients.map(
    (recipient): DeliveryMessage => ({
      type: 'delivery',
      subscription: recipient.id,
      id: webhookIdOf(message.position, recipient.id),
      body: webhookEventOf(message, report, recipient),
    }),
  );
  await sendAll(env.PUSH_QUEUE, deliveries);
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

function handle(env: Env, message: PushMessage): Promise<void> {
  if (message.type === 'change') return fanOut(env, message);
  if (message.type === 'delivery') return deliver(env, message);
  return publish(env, message.topic);
}

/** What the dead-letter queue receives: counted against the subscription, and logged. */
async function deadLettered(env: Env, message: PushMessage): Promise<void> {
  const fields = message.type === 'delivery' ? { subscription: message.subscription, id: message.id } : {};
  log('error', 'push message given up on after its last retry', { type: message.type, ...fields });
  if (message.type === 'delivery') await registryOf(env).deadLettered(message.subscription);
}

export async function consumePush(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const dead = batch.queue === deadLetterQueue;
  await Promise.all(
    batch.messages.map(async (queued) => {
      const parsed = pushMessage.safeParse(queued.body);
      if (!parsed.success) {
        log('error', 'push message of unknown shape dropped', { queue: batch.queue, id: queued.id });
        queued.ack();
        return;
      }
      try {
        await (dead ? deadLettered(env, parsed.data) : handle(env, parsed.data));
        queued.ack();
      } catch (error) {
        const delaySeconds = retryDelaySeconds(env, queued.attempts);
        log('error', 'push message failed; will retry', {
          type: parsed.data.type,
          attempts: queued.attempts,
          delaySeconds,
          error: error instanceof Error ? error.message : String(error),
        });
        queued.retry({ delaySeconds });
      }
    }),
  );
}
