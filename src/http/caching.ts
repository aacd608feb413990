// HTTP caching for public reads: validators (ETag, Last-Modified), conditional requests
// answered 304 before any rendering, and Cache-Control from the Worker's configuration.

import type { MiddlewareHandler } from 'hono';
import { maxAgeSeconds } from '../settings.ts';
import type { AppEnv } from './app-env.ts';

export const publicCacheControl = (seconds: number) => `public, max-age=${seconds}`;

/** If-None-Match compares weakly (RFC 9110, 13.1.2): `W/"x"` and `"x"` match each other. */
const opaque = (tag: string) => tag.replace(/^W\//, '');

function matchesAny(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || opaque(tag) === opaque(etag));
}

/**
 * RFC 9110 conditional GET: If-None-Match decides when present; otherwise
 * If-Modified-Since, compared at the one-second precision of HTTP dates.
 */
export function isNotModified(request: Request, etag: string, lastModified: string | null): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null) return matchesAny(ifNoneMatch, etag);
  const ifModifiedSince = Date.parse(request.headers.get('if-modified-since') ?? '');
  if (Number.isNaN(ifModifiedSince) || lastModified === null) return false;
  return Math.floor(Date.parse(lastModified) / 1000) * 1000 <= ifModifiedSince;
}

/** Cache-Control on successful public GETs of the JSON API. */
export function publicReads(): MiddlewareHandler<AppEnv> {
  return async function publicReadsMiddleware(c, next) {
    await next();
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.res.status === 200) {
      c.header('cache-control', publicCacheControl(maxAgeSeconds(c.env)));
    }
  };
}
