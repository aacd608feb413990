// KV calls that fail are retried with exponential backoff and full jitter, inside a bounded
// time. KV answers 429 to a second write to one key within a second and any call can fail
// in passing; past the last attempt the failure becomes StorageUnavailable (a 503).

import { StorageUnavailable } from '../problems.ts';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

// Five attempts, waiting up to 0.1, 0.2, 0.4 and 0.8 s between them: at most 1.5 s of
// waiting, enough to outlast KV's one-write-per-second limit on a key.
export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 800,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export async function withRetry<T>(
  operation: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    if (attempt > 0) {
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await policy.sleep(policy.random() * ceiling);
    }
    try {
      return await call();
    } catch (error) {
      lastError = error;
    }
  }
  throw new StorageUnavailable(operation, { cause: lastError });
}

const retriedMethods = new Set(['get', 'getWithMetadata', 'put', 'list', 'delete']);

/** The binding with every call retried under the policy. */
export function retryingKv(kv: KVNamespace, policy: RetryPolicy = defaultRetryPolicy): KVNamespace {
  return new Proxy(kv, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !retriedMethods.has(String(property))) return value;
      return (...args: unknown[]) => withRetry(String(property), () => value.apply(target, args), policy);
    },
  });
}
