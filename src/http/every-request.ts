// What both Workers do around every request they answer, the public one and the desk's: a
// request id, one log line, the security headers, the storage, and CORS for reads.

import type { Hono } from 'hono';
import { except } from 'hono/combine';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './app-env.ts';
import { publicReadsAcrossOrigins } from './cross-origin.ts';
import { requestLog } from './request-log.ts';
import { docsSecurityHeaders, strictSecurityHeaders } from './security-headers.ts';
import { provideStorage } from './storage.ts';

export function aroundEveryRequest(app: Hono<AppEnv>) {
  app.use(requestId());
  app.use(requestLog());
  app.use(except('/docs', strictSecurityHeaders()));
  app.use('/docs', docsSecurityHeaders());
  app.use(provideStorage());
  app.use(publicReadsAcrossOrigins());
}
