// What every write needs before its body is read: a token with the endpoint's scope, and
// room in that token's write rate. Reads never pass through here: public reads are left to
// Cloudflare's edge (see SECURITY.md), so the read path makes no limiter call.

import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { RateLimited } from '../problems.ts';
import { accountRegistry } from '../writers/account-registry.ts';
import type { AppEnv } from './app-env.ts';
import { requireScope } from './auth.ts';
import type { Scope } from './principal.ts';

/** The limiter's window (wrangler.toml, [[ratelimits]] simple.period), sent as Retry-After. */
export const rateWindowSeconds = 10;

/**
 * Whether `writer` (a token's or a person's name) may write once more now. The API and the
 * desk count against the same limit, so a person's writes are limited however they are sent.
 */
export async function withinWriteLimit(env: Pick<Env, 'WRITE_RATE_LIMITER'>, writer: string) {
  const { success } = await env.WRITE_RATE_LIMITER.limit({ key: writer });
  return success;
}

function limitWritesPerToken(): MiddlewareHandler<AppEnv> {
  return async function limitWritesPerTokenMiddleware(c, next) {
    if (!(await withinWriteLimit(c.env, c.get('principal').name))) throw new RateLimited(rateWindowSeconds);
    await next();
  };
}

/**
 * Whether a write's answer says it stored something: a report, correction, retraction or
 * place made (201) or a place changed (200 to a PUT). A dry run or a draft (200 to a POST)
 * stores nothing.
 */
const stored = (method: string, status: number) => status === 201 || (method === 'PUT' && status === 200);

/** When a person with an account last wrote, for the desk's list of people. */
function noteAccountWrites(): MiddlewareHandler<AppEnv> {
  return async function noteAccountWritesMiddleware(c, next) {
    await next();
    const principal = c.get('principal');
    if (principal.account && stored(c.req.method, c.res.status)) {
      await accountRegistry(c.env).wrote(principal.name, Date.now());
    }
  };
}

export function writeAccess(scope: Scope): MiddlewareHandler<AppEnv> {
  return every(requireScope(scope), limitWritesPerToken(), noteAccountWrites());
}
