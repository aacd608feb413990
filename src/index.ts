// The Worker: composes middleware and one sub-app per resource. No logic lives here.

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './http/app-env.ts';
import { PayloadTooLarge } from './http/errors.ts';
import { notFound, onError } from './http/problem.ts';
import { healthRoutes } from './routes/health.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { placeRoutes } from './routes/places.ts';
import { problemRoutes } from './routes/problems.ts';
import { reportRoutes } from './routes/reports.ts';
import { StatusStore } from './store/status-store.ts';

const maxBodyBytes = 64 * 1024;

const app = new Hono<AppEnv>();

app.use(requestId());
app.use('/api/*', async function provideStore(c, next) {
  c.set('store', new StatusStore(c.env.STATUS_KV));
  await next();
});
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
app.route('/api/v1/indicators', indicatorRoutes);
app.route('/api/v1/places', placeRoutes);
app.route('/api/v1/reports', reportRoutes);
app.route('/problems', problemRoutes);

app.notFound(notFound);
app.onError(onError);

export default app;
