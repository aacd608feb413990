// The desk's requests, handed to the desk's Worker through its service binding (DESK in
// wrangler.toml): the desk answers them whole, headers and errors included. A body is read
// here first, up to the most a desk request carries: the desk refuses some before reading
// them (too large, not a form), and a body still streaming to it then would be read here
// after the answer was sent, which the runtime refuses.

import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';
import { recentAnswersFor } from './recent-answers.ts';

/** Hands a request to the desk's Worker, its body within deskRequestBytes (./body-limit.ts). */
export async function forwardToDesk(c: Context<AppEnv>): Promise<Response> {
  const reads = c.req.method === 'GET' || c.req.method === 'HEAD';
  const body = reads ? null : await c.req.arrayBuffer();
  const response = await c.env.DESK.fetch(new Request(c.req.raw, { body }));
  // A write at the desk passed through this isolate: it forgets what it kept, as it does for
  // a write of its own (./storage.ts), so that the writer's next page here shows the write.
  if (!reads) recentAnswersFor(c.env.STATUS_KV).clear();
  // Its own headers, as a fetched answer's cannot be added to (the desk set them all already).
  return new Response(response.body, response);
}
