// Plain state shared by the requests of one isolate, pacing the writes of derived
// documents. Every report touches its place's documents and the documents of all places,
// and KV takes about one write per second per key, so derivation work is gathered and
// written in flushes: work that arrives while a flush is pending joins it, and a flush
// starts no sooner than `intervalMs` after the previous one finished, so that no key is
// written twice within the interval. Only data lives here, never a promise: workerd
// refuses to let one request await I/O that another request started.

import type { Report, ReportSummary } from '../domain/model.ts';

/** What a request leaves to derive once its facts are stored. */
export interface DerivationWork {
  /** New active reports (a correction is one), to fold into every document that shows them. */
  reports: readonly Report[];
  /** Their summaries, in the same order. */
  summaries: readonly ReportSummary[];
  /** Index entries whose fate moderation changed. */
  changed: readonly ReportSummary[];
  /** Places to derive again from their whole history. */
  rederive: readonly string[];
}

export const noWork: DerivationWork = { reports: [], summaries: [], changed: [], rederive: [] };

function mergeWork(a: DerivationWork, b: DerivationWork): DerivationWork {
  return {
    reports: [...a.reports, ...b.reports],
    summaries: [...a.summaries, ...b.summaries],
    changed: [...a.changed, ...b.changed],
    rederive: [...new Set([...a.rederive, ...b.rederive])],
  };
}

export function placesOf(work: DerivationWork): string[] {
  return [
    ...new Set([...work.rederive, ...work.reports.map((r) => r.place), ...work.changed.map((s) => s.place)]),
  ];
}

export interface Flush {
  readonly work: DerivationWork;
  readonly started: number;
}

export class WritePacer {
  #pending: DerivationWork = noWork;
  #scheduled = false;
  #running: Flush | undefined;
  #lastFinished = Number.NEGATIVE_INFINITY;

  /**
   * @param intervalMs the least time between the end of one flush and the start of the next
   * @param abandonAfterMs a flush still running after this long is taken for lost (its
   *   request was cancelled); the scheduled repair derives what it would have written
   */
  constructor(
    readonly intervalMs: number,
    readonly abandonAfterMs = 15_000,
  ) {}

  /** Adds work. True when the caller must schedule a flush; false when a scheduled one will carry it. */
  add(work: DerivationWork): boolean {
    this.#pending = mergeWork(this.#pending, work);
    if (this.#scheduled) return false;
    this.#scheduled = true;
    return true;
  }

  /** Milliseconds until the scheduled flush may start; 0 when it may start now. */
  waitMs(now: number): number {
    const running = this.#running;
    if (running && now - running.started < this.abandonAfterMs) {
      return Math.max(1, running.started + this.abandonAfterMs - now);
    }
    return Math.max(0, this.#lastFinished + this.intervalMs - now);
  }

  /** Starts the flush: hands over everything pending. */
  start(now: number): Flush {
    const flush = { work: this.#pending, started: now };
    this.#pending = noWork;
    this.#scheduled = false;
    this.#running = flush;
    return flush;
  }

  finish(flush: Flush, now: number): void {
    if (this.#running === flush) this.#running = undefined;
    this.#lastFinished = Math.max(this.#lastFinished, now);
  }
}
