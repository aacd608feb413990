// One structured JSON log line per request, tied to the X-Request-Id the client sees.
// It records method, path, status and duration: never headers or bodies, so no token or
// report text can reach the logs. A path whose last part is a secret (an invitation's link)
// is logged without it.

import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

/** Paths that end in a secret, and the part of them that may be logged. */
const secretPath = /^(\/desk\/invitations\/)[^/]+/;

const loggable = (path: string) => path.replace(secretPath, '$1…');

export function requestLog(): MiddlewareHandler<AppEnv> {
  return async function requestLogMiddleware(c, next) {
    const started = Date.now();
    await next();
    console.log(
      JSON.stringify({
        level: c.res.status >= 500 ? 'error' : 'info',
        requestId: c.get('requestId'),
        method: c.req.method,
        path: loggable(new URL(c.req.url).pathname),
        status: c.res.status,
        ms: Date.now() - started,
        ...(c.get('principal') ? { token: c.get('principal').name } : {}),
      }),
    );
  };
}
