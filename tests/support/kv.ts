// A KV binding that counts the operations made through it and the bytes they return: the
// real miniflare KV, observed.

import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../src/index.ts';
import { historyPrefix } from '../../src/store/keys.ts';
import { decodeSummary } from '../../src/store/summary-metadata.ts';
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

/** How many keys KV holds under `prefix` (every key, without one): one list call per 1,000. */
export async function countKeys(prefix = ''): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await env.STATUS_KV.list({ prefix, ...(cursor ? { cursor } : {}) });
    count += page.keys.length;
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return count;
}

/** How many reports of place `slug` the index of all history holds: one list call per 1,000 reports. */
export async function indexedCount(slug: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await env.STATUS_KV.list({ prefix: historyPrefix, ...(cursor ? { cursor } : {}) });
    count += page.keys.filter((key) => decodeSummary(key.metadata)?.place === slug).length;
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return count;
}
