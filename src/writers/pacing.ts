// When a writer writes, and what both writers share to do it. KV takes about one write per
// second per key, so a writer writes its documents at most once per
// DOCUMENT_WRITE_INTERVAL_MS, from its alarm: whatever arrives in between is written
// together. One run at a time; a failed run is tried again later, with backoff, by the
// writer itself (the platform retries a failed alarm only a few times); a document that is
// unchanged is not written again. Its state lives in the object's own storage, so it
// outlives an eviction.

import { sha256Hex } from '../digest.ts';
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
async function alarmBy(storage: DurableObjectStorage, at: number, lateMs = Number.POSITIVE_INFINITY) {
  const current = await storage.getAlarm();
  if (current === null || current > at) {
    await storage.setAlarm(at);
    return false;
  }
  return Date.now() - current > lateMs;
}

export class Pace {
  #running = false;

  /** @param intervalMs read at each use, so the writer's settings decide it */
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly intervalMs: () => number,
    private readonly writer: string,
  ) {}

  private get kv(): SyncKvStorage {
    return this.ctx.storage.kv;
  }

  get lastFlushAt(): number {
    return this.kv.get<number>('lastFlushAt') ?? 0;
  }

  /** Whether the interval since the last flush has passed. */
  mayFlush(now = Date.now()): boolean {
    return now >= this.lastFlushAt + this.intervalMs();
  }

  /**
   * A flush wrote its documents: the interval runs from the end of its write. A flush that
   * found them unchanged wrote nothing and does not call this, so the next may follow at once.
   */
  flushed(at = Date.now()): void {
    this.kv.put('lastFlushAt', at);
  }

  /**
   * After a change: the writer's work (which runs itself through `run`) is done in the call
   * when the interval is 0, else from the alarm, or in the call when the alarm is overdue by
   * more than `lateMs` (by default an interval: a request waits for a flush only when the
   * alarm is that late; a writer whose callers are other writers may take less).
   */
  async soon(work: () => Promise<void>, lateMs = this.intervalMs()): Promise<void> {
    const interval = this.intervalMs();
    if (interval === 0) {
      await this.ctx.blockConcurrencyWhile(work);
      return;
    }
    if (await alarmBy(this.ctx.storage, nextFlushAt(this.lastFlushAt, interval, Date.now()), lateMs)) {
      await work();
    }
  }

  /**
   * `soon` for a writer whose callers are other writers, not requests: its work is done in the
   * call once its alarm is a tenth of an interval late, since no request waits for it.
   */
  soonForWriters(work: () => Promise<void>): Promise<void> {
    return this.soon(work, this.intervalMs() / 10);
  }

  /** Sets the alarm for the next flush, for work still pending. */
  async later(): Promise<void> {
    await alarmBy(this.ctx.storage, nextFlushAt(this.lastFlushAt, this.intervalMs(), Date.now()));
  }

  /**
   * Runs `work` unless a run is going on (that run leaves its work to it). A failure is
   * logged and tried again later. Answers whether `work` ran to its end.
   */
  async run(work: () => Promise<void>): Promise<boolean> {
    if (this.#running) return false;
    this.#running = true;
    try {
      await work();
      this.kv.put('failures', 0);
      return true;
    } catch (error) {
      console.log(
        JSON.stringify({
          level: 'error',
          message: `${this.writer} failed; will retry`,
          error: String(error),
        }),
      );
      await this.retryLater();
      return false;
    } finally {
      this.#running = false;
    }
  }

  /** An attempt failed: the alarm tries again, later with every failure in a row. */
  async retryLater(): Promise<void> {
    const failures = (this.kv.get<number>('failures') ?? 0) + 1;
    this.kv.put('failures', failures);
    await alarmBy(this.ctx.storage, retryAt(failures, Date.now()));
  }

  /** Whether `value` is what was last recorded under `key` (a document written, a summary sent). */
  async unchanged(key: string, value: unknown): Promise<boolean> {
    return this.kv.get<string>(`written:${key}`) === (await sha256Hex(JSON.stringify(value)));
  }

  async remember(key: string, value: unknown): Promise<void> {
    this.kv.put(`written:${key}`, await sha256Hex(JSON.stringify(value)));
  }

  /**
   * Writes `doc` under `key` with `put`, unless what was last written there is the same.
   * Answers whether it wrote.
   */
  async write<T>(key: string, doc: T, put: (doc: T) => Promise<unknown>): Promise<boolean> {
    if (await this.unchanged(key, doc)) return false;
    await put(doc);
    await this.remember(key, doc);
    return true;
  }

  /**
   * What the writer wrote holds until `until` (a stored page, until a figure on it goes
   * stale), or for ever (null): its alarm goes off then, so that it writes it again.
   */
  async holdsUntil(until: string | null): Promise<void> {
    this.kv.put('holdsUntil', until);
    if (until !== null) await alarmBy(this.ctx.storage, Date.parse(until));
  }

  /**
   * Whether what the writer wrote is past the moment it held until, and is to be written
   * again: answered once, and its next write says again how long it holds.
   */
  expired(now = Date.now()): boolean {
    const until = this.kv.get<string | null>('holdsUntil');
    if (typeof until !== 'string' || now < Date.parse(until)) return false;
    this.kv.put('holdsUntil', null);
    return true;
  }

  /** Forgets what was written, so the next flush writes everything again (a document was lost). */
  forgetWritten(): void {
    for (const [key] of this.kv.list({ prefix: 'written:' })) this.kv.delete(key);
  }
}
