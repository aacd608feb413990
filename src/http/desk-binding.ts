// The desk's requests, handed to the desk's Worker through its service binding (DESK in
// wrangler.toml), as they came: the desk answers them whole, headers and errors included.

import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';
import { recentAnswersFor } from './recent-answers.ts';

export async function forwardToDesk(c: Context<AppEnv>): Promise<Response> {
  const response = await c.env.DESK.fetch(c.req.raw);
  // A write at the desk passed through this isolate: it forgets what it kept, as it does for
  // a write of its own (./storage.ts), so that the writer's next page here shows the write.
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') recentAnswersFor(c.env.STATUS_KV).clear();
  return response;
}
