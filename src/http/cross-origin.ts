// CORS. Reads are public and open to every origin; writes are closed to other origins. POST
// is a CORS-safelisted method, so a browser on another origin that holds a token sends a
// write after a preflight that merely does not name POST: what refuses it is a preflight
// that grants nothing. So a preflight is answered with CORS headers only when it asks for
// GET or HEAD, with the request headers a read needs, and writes get no CORS headers at all.

import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const readMethods = ['GET', 'HEAD'];

export function publicReadsAcrossOrigins(): MiddlewareHandler {
  const readCors = cors({
    origin: '*',
    allowMethods: readMethods,
    // Conditional requests; Accept and Accept-Language need no grant.
    allowHeaders: ['If-None-Match', 'If-Modified-Since'],
    exposeHeaders: ['ETag', 'Last-Modified', 'Link', 'X-Request-Id'],
    maxAge: 86_400,
  });
  return async function publicReadsAcrossOriginsMiddleware(c, next) {
    const method = c.req.method;
    if (method === 'OPTIONS') {
      const asked = c.req.header('access-control-request-method')?.toUpperCase();
      if (asked !== undefined && !readMethods.includes(asked)) return c.body(null, 204);
      return readCors(c, next);
    }
    if (readMethods.includes(method)) return readCors(c, next);
    return next();
  };
}
