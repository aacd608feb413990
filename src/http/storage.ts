// Gives each request its store (KV), the writers (Durable Objects) and its clock. Answers
// kept from before a write must not outlive the documents it changes, so a write forgets
// the answers this isolate kept.

import { createMiddleware } from 'hono/factory';
import { systemClock } from '../services/clock.ts';
import { StatusStore } from '../store/status-store.ts';
import { writersOf } from '../writers/stubs.ts';
import type { AppEnv } from './app-env.ts';
import { recentAnswersFor } from './recent-answers.ts';

export function provideStorage() {
  return createMiddleware<AppEnv>(async function provideStorageMiddleware(c, next) {
    c.set('store', new StatusStore(c.env.STATUS_KV));
    c.set('writers', writersOf(c.env));
    c.set('clock', systemClock());
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') recentAnswersFor(c.env.STATUS_KV).clear();
  });
}
