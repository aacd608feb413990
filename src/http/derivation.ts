// Gives each request its store and the way its derivation work runs. Writes are paced per isolate and
// per KV namespace (DOCUMENT_WRITE_INTERVAL_MS, 1000 in wrangler.toml); an interval of 0
// derives in the request itself, as tests that read their own writes at once expect.

import { createMiddleware } from 'hono/factory';
import { type Derive, immediateDerivation, pacedDerivation } from '../services/paced-derivation.ts';
import { WritePacer } from '../services/write-pacer.ts';
import { StatusStore } from '../store/status-store.ts';
import type { AppEnv } from './app-env.ts';
import { recentAnswersFor } from './recent-answers.ts';
import { wholeNumberSetting } from './settings.ts';

const defaultIntervalMs = 1000;

const pacers = new WeakMap<KVNamespace, WritePacer>();

function pacerFor(namespace: KVNamespace, intervalMs: number): WritePacer {
  let pacer = pacers.get(namespace);
  if (!pacer || pacer.intervalMs !== intervalMs) {
    pacer = new WritePacer(intervalMs);
    pacers.set(namespace, pacer);
  }
  return pacer;
}

/** Sets the request's store and how its derivation work runs. */
export function provideStorage() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const kv = c.env.STATUS_KV;
    const storage = new StatusStore(kv);
    const intervalMs = wholeNumberSetting(c.env.DOCUMENT_WRITE_INTERVAL_MS, defaultIntervalMs);
    // Answers kept from before a write must not outlive the documents it changes.
    const answers = recentAnswersFor(kv);
    const forgetAnswers = () => answers.clear();
    const derive: Derive =
      intervalMs === 0
        ? async (work) => {
            await immediateDerivation(storage)(work);
            forgetAnswers();
          }
        : pacedDerivation(
            storage,
            pacerFor(kv, intervalMs),
            (promise) => c.executionCtx.waitUntil(promise),
            forgetAnswers,
          );
    c.set('store', storage);
    c.set('derive', derive);
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') forgetAnswers();
  });
}
