// Running derivation work: in the request itself, or paced (see write-pacer.ts) so that a
// burst of reports writes each derived document at most once per interval. A paced flush
// runs in the request that scheduled it: at once when the interval allows, else after its
// response under waitUntil. Either way a failure marks the places stale for the scheduled
// repair, and the reports stay accepted.

import type { StatusStore } from '../store/status-store.ts';
import { deriveOrMarkStale, deriveWork } from './derive.ts';
import { type DerivationWork, placesOf, type WritePacer } from './write-pacer.ts';

export type Derive = (work: DerivationWork) => Promise<void>;

/** Keeps a promise running after the response (the execution context's waitUntil). */
export type Defer = (promise: Promise<void>) => void;

const pollMs = 50;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function immediateDerivation(store: StatusStore): Derive {
  return (work) => deriveOrMarkStale(store, placesOf(work), () => deriveWork(store, work));
}

/** @param flushed runs after each flush, whatever its outcome */
export function pacedDerivation(
  store: StatusStore,
  pacer: WritePacer,
  defer: Defer,
  flushed: () => void,
): Derive {
  const flush = async () => {
    const running = pacer.start(Date.now());
    try {
      await immediateDerivation(store)(running.work);
    } finally {
      pacer.finish(running, Date.now());
      flushed();
    }
  };
  const flushWhenAllowed = async () => {
    for (let wait = pacer.waitMs(Date.now()); wait > 0; wait = pacer.waitMs(Date.now())) {
      await sleep(Math.min(wait, pollMs));
    }
    await flush();
  };
  return async (work) => {
    if (!pacer.add(work)) return;
    if (pacer.waitMs(Date.now()) === 0) return flush();
    defer(flushWhenAllowed());
  };
}
