// The push tests' side of the receiver (tests/push/receiver.ts): what a path was sent, and
// how it answers. Every wait is bounded.

import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { json, send } from '../support/api.ts';

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

export async function receivedAt(path: string): Promise<Received[]> {
  const response = await fetch(`${env.RECEIVER}/_received?path=${encodeURIComponent(path)}`);
  return (await response.json()) as Received[];
}

export async function answerAt(path: string, answer: { status?: number; delayMs?: number }): Promise<void> {
  await fetch(`${env.RECEIVER}/_answer?path=${encodeURIComponent(path)}`, {
    method: 'PUT',
    body: JSON.stringify(answer),
  });
}

/** What `path` received once `enough` holds of it; fails after `timeoutMs`. */
export async function waitUntil(
  path: string,
  enough: (received: Received[]) => boolean,
  timeoutMs = 20_000,
): Promise<Received[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const received = await receivedAt(path);
    if (enough(received)) return received;
    if (Date.now() > deadline) throw new Error(`${path} received ${received.length} requests, not enough`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lets the queue run a while, to show that nothing more arrives. */
export const settle = (ms = 2500) => new Promise((resolve) => setTimeout(resolve, ms));

/** The receiver's URL for a path of the test's own. */
export const targetAt = (path: string) => `${env.RECEIVER}${path}`;

/** Subscribes the receiver's `path` to the changes of `place`: the subscription's id and secret. */
export async function subscribeTo(path: string, place: string): Promise<{ id: string; secret: string }> {
  const response = await send(
    'POST',
    '/api/v1/subscriptions',
    { url: targetAt(path), filters: { places: [place] } },
    { as: 'subscriber' },
  );
  expect(response.status).toBe(201);
  return json(response);
}
