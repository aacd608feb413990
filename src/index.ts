// The Worker: composes middleware and one sub-app per resource. No logic lives here.

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './http/app-env.ts';
import { publicReads } from './http/caching.ts';
import { provideStorage } from './http/derivation.ts';
import { PayloadTooLarge } from './http/errors.ts';
import { notFound, onError } from './http/problem.ts';
import { requestLog } from './http/request-log.ts';
import { feedRoutes } from './routes/feeds.ts';
import { healthRoutes } from './routes/health.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { placeRoutes } from './routes/places.ts';
import { problemRoutes } from './routes/problems.ts';
import { reportRoutes } from './routes/reports.ts';
import { repairStaleDocuments } from './services/repair.ts';
import { StatusStore } from './store/status-store.ts';

const maxBodyBytes = 64 * 1024;

const app = new Hono<AppEnv>();

app.use(requestId());
app.use(requestLog());
// Nothing served here is meant to run scripts or be framed: the strictest policy holds.
app.use(
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    crossOriginResourcePolicy: 'cross-origin',
  }),
);
app.use(provideStorage());
// Reads are public and open to every origin; writes get no CORS headers, so browsers on
// other origins cannot send them.
app.on(
  ['GET', 'HEAD', 'OPTIONS'],
  '*',
  cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD'],
    exposeHeaders: ['ETag', 'Last-Modified', 'X-Request-Id'],
  }),
);
app.on(['GET', 'HEAD'], '/api/v1/*', publicReads(), etag());
app.use(
  '/api/*',
  bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new PayloadTooLarge(maxBodyBytes);
    },
  }),
);

app.route('/', healthRoutes);
app.route('/', feedRoutes);
app.route('/api/v1/indicators', indicatorRoutes);
app.route('/api/v1/places', placeRoutes);
app.route('/api/v1/reports', reportRoutes);
app.route('/problems', problemRoutes);

app.notFound(notFound);
app.onError(onError);

export default {
  fetch: app.fetch,
  /** Every minute (wrangler.toml [triggers]): derive again whatever may be stale. */
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(
      repairStaleDocuments(new StatusStore(env.STATUS_KV)).then((outcome) =>
        console.log(JSON.stringify({ level: 'info', message: 'scheduled repair', ...outcome })),
      ),
    );
  },
} satisfies ExportedHandler<Env>;
