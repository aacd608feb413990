// 405 for a path the service serves with other methods (RFC 9110 §15.5.6), with the Allow
// header listing them; 404 stays for paths it does not serve at all. The methods come from
// the app's own route table, so a new route needs nothing here.

import type { RouterRoute } from 'hono/types';

/** A route's path ("/api/v1/places/:slug") as a pattern over whole request paths. */
function patternOf(path: string): RegExp {
  const segments = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${segments.join('/')}/?$`);
}

/**
 * The methods each path is served with. Middleware is registered for every method or on
 * wildcard paths, and is left out: only routes that answer count.
 */
export function allowedMethods(routes: readonly RouterRoute[]): (path: string) => string[] {
  const served = routes
    .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
    .map((route) => ({ method: route.method, pattern: patternOf(route.path) }));
  return (path) => {
    const methods = new Set(served.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
