// A KV binding that counts the operations made through it and the bytes they return: the
// real miniflare KV, observed.

import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../src/index.ts';
import { origin } from './api.ts';
import { countingKv } from './counting-kv.ts';

/**
 * Fetches through the Worker with a counting KV binding; answers the response and the counts.
 * `bytes.read` grows as a streamed body is read: read it after the body.
 */
export function fetchCounting(path: string) {
  return fetchCountingWith(path, {});
}

export async function fetchCountingWith(path: string, headers: Record<string, string>) {
  const { binding, counts, bytes } = countingKv(env.STATUS_KV);
  const ctx = createExecutionContext();
  const request = new Request(new URL(path, origin), { headers });
  const response = await worker.fetch(request, { ...env, STATUS_KV: binding }, ctx);
  await waitOnExecutionContext(ctx);
  return { response, counts, bytes, reads: counts.get + counts.getWithMetadata };
}
