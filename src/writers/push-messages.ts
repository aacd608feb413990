// What travels on the push queues (wrangler.toml [[queues]]): a change to match against the
// subscriptions, one webhook to deliver, or one feed to announce to the hub. Checked when
// taken off the queue, as anything read back from storage is.
//
// Webhooks travel in two lanes, each a queue with a consumer of its own: the fast lane, with
// the changes and pings, for subscriptions whose receivers answer; the slow lane for those
// whose last attempt failed or answered slowly. A batch waits for its slowest attempt, so a
// receiver that hangs waits among its own kind, never in a healthy one's way.

import * as z from 'zod';
import { change } from '../domain/changes.ts';
import { figureChange } from '../domain/figure-changes.ts';
import { subscriptionId } from '../domain/ids.ts';
import { indicatorIds } from '../domain/indicators.ts';

export const pushMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('change'),
    position: z.int().min(0),
    change,
    /** The indicators of the report, when the change log was told them; else read from the report. */
    indicators: z.array(z.enum(indicatorIds)).optional(),
    figures: z.array(figureChange).optional(),
  }),
  z.strictObject({
    type: z.literal('delivery'),
    subscription: subscriptionId,
    /** The webhook-id: the same on every attempt, so a receiver keeps each event once. */
    id: z.string(),
    body: z.string(),
  }),
  z.strictObject({ type: z.literal('publish'), topic: z.url() }),
]);
export type PushMessage = z.infer<typeof pushMessage>;
export type ChangeMessage = Extract<PushMessage, { type: 'change' }>;
export type DeliveryMessage = Extract<PushMessage, { type: 'delivery' }>;

export type Lane = 'fast' | 'slow';

export const queueOfLane = (env: Pick<Env, 'PUSH_QUEUE' | 'PUSH_SLOW_QUEUE'>, lane: Lane) =>
  lane === 'fast' ? env.PUSH_QUEUE : env.PUSH_SLOW_QUEUE;

// What Cloudflare Queues takes in one sendBatch call: 100 messages, 256 KB in all.
const batchMessages = 100;
const batchBytes = 200 * 1024;

/** Sends messages in order, in as few batches as the queue takes. */
export async function sendAll(queue: Queue<PushMessage>, messages: readonly PushMessage[]): Promise<void> {
  let batch: PushMessage[] = [];
  let bytes = 0;
  const send = async () => {
    if (batch.length > 0) await queue.sendBatch(batch.map((body) => ({ body })));
    batch = [];
    bytes = 0;
  };
  for (const message of messages) {
    const size = JSON.stringify(message).length;
    if (batch.length === batchMessages || bytes + size > batchBytes) await send();
    batch.push(message);
    bytes += size;
  }
  await send();
}
