// When a person last wrote at the desk, for the list of people: a form of theirs that sent
// them on to a public page (a report published, corrected or retracted, a place saved) or an
// import that published. Previews, checks and refusals stay on the desk and are not writes.

import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import { accountRegistry } from '../../writers/account-registry.ts';
import { deskPath } from '../pages/desk-layout.tsx';
import { importPath } from '../pages/import-page.tsx';
import { currentSession } from '../session.ts';

function published(c: Context<AppEnv>): boolean {
  const { status } = c.res;
  const location = c.res.headers.get('location');
  if (status === 303 && location) {
    const to = new URL(location, c.req.url).pathname;
    return to !== deskPath && !to.startsWith(`${deskPath}/`);
  }
  return c.req.path === importPath && status === 200;
}

export function noteDeskWrites(): MiddlewareHandler<AppEnv> {
  return async function noteDeskWritesMiddleware(c, next) {
    await next();
    if (c.req.method !== 'POST' || !published(c)) return;
    const session = await currentSession(c);
    if (typeof session === 'object' && session.principal.account)
      await accountRegistry(c.env).wrote(session.principal.name, Date.now());
  };
}
