// What every write needs before its body is read: a token with the endpoint's scope, and
// room in that token's write rate. Reads never pass through here: public reads are left to
// Cloudflare's edge (see SECURITY.md), so the read path makes no limiter call.

import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { RateLimited } from '../problems.ts';
import type { AppEnv } from './app-env.ts';
import { requireScope } from './auth.ts';
import type { Scope } from './principal.ts';

/** The limiter's window (wrangler.toml, [[ratelimits]] simple.period), sent as Retry-After. */
const rateWindowSeconds = 10;

function limitWritesPerToken(): MiddlewareHandler<AppEnv> {
  return async function limitWritesPerTokenMiddleware(c, next) {
    const { success } = await c.env.WRITE_RATE_LIMITER.limit({ key: c.get('principal').name });
    if (!success) throw new RateLimited(rateWindowSeconds);
    await next();
  };
}

export function writeAccess(scope: Scope): MiddlewareHandler<AppEnv> {
  return every(requireScope(scope), limitWritesPerToken());
}
