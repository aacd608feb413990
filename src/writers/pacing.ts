// When a writer writes. KV takes about one write per second per key, so a writer writes its
// documents at most once per DOCUMENT_WRITE_INTERVAL_MS, from its alarm: whatever arrives in
// between is written together. A failed write is tried again later, with backoff, by the
// writer itself: the platform retries a failed alarm only a few times.

import { wholeNumberSetting } from '../settings.ts';

const defaultIntervalMs = 1000;
const firstRetryMs = 500;
const longestRetryMs = 30_000;

/** The least time between two writes of one document; 0 writes in the call itself. */
export function writeIntervalMs(env: Pick<Env, 'DOCUMENT_WRITE_INTERVAL_MS'>): number {
  return wholeNumberSetting(env.DOCUMENT_WRITE_INTERVAL_MS, defaultIntervalMs);
}

/** The earliest a flush may start. */
export function nextFlushAt(lastFlushAt: number, intervalMs: number, now: number): number {
  return Math.max(now, lastFlushAt + intervalMs);
}

/** When to try again after `failures` failures in a row: doubling, with jitter, capped. */
export function retryAt(failures: number, now: number, random: () => number = Math.random): number {
  const ceiling = Math.min(longestRetryMs, firstRetryMs * 2 ** Math.max(0, failures - 1));
  return now + Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * Sets the alarm to `at` unless one is already set to go off sooner. Answers whether the
 * alarm in effect is overdue by more than `lateMs`: an object kept busy by a stream of calls
 * can be late to run its alarm (workerd, locally, runs none until the stream pauses), and
 * its writer then works in the call instead of waiting.
 */
export async function alarmBy(
  storage: DurableObjectStorage,
  at: number,
  lateMs = Number.POSITIVE_INFINITY,
): Promise<boolean> {
  const current = await storage.getAlarm();
  if (current === null || current > at) {
    await storage.setAlarm(at);
    return false;
  }
  return Date.now() - current > lateMs;
}
