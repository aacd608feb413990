// A KV binding that counts the operations made through it: the real miniflare KV, observed.

import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../src/index.ts';
import { origin } from './api.ts';

export type KvOperation = 'get' | 'getWithMetadata' | 'list' | 'put' | 'delete';

export function countingKv(kv: KVNamespace) {
  const counts: Record<KvOperation, number> = { get: 0, getWithMetadata: 0, list: 0, put: 0, delete: 0 };
  const binding = new Proxy(kv, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property in counts) counts[property as KvOperation]++;
        return value.apply(target, args);
      };
    },
  });
  return { binding, counts };
}

/** Fetches through the Worker with a counting KV binding; answers the response and the counts. */
export function fetchCounting(path: string) {
  return fetchCountingWith(path, {});
}

export async function fetchCountingWith(path: string, headers: Record<string, string>) {
  const { binding, counts } = countingKv(env.STATUS_KV);
  const ctx = createExecutionContext();
  const request = new Request(new URL(path, origin), { headers });
  const response = await worker.fetch(request, { ...env, STATUS_KV: binding }, ctx);
  await waitOnExecutionContext(ctx);
  return { response, counts, reads: counts.get + counts.getWithMetadata };
}
