// The app: composes middleware and one sub-app per resource. No logic lives here.

import { except } from 'hono/combine';
import { etag } from 'hono/etag';
import { draftRoutes, draftsPath } from './drafting/routes.ts';
import type { AppEnv } from './http/app-env.ts';
import { deskRequestBytes, limitBody, writeBodyBytes } from './http/body-limit.ts';
import { publicReads } from './http/caching.ts';
import { ContractRoutes } from './http/contract-routes.ts';
import { forwardToDesk } from './http/desk-binding.ts';
import { aroundEveryRequest } from './http/every-request.ts';
import { allowedMethods } from './http/method-not-allowed.ts';
import { notFound, onError } from './http/problem.ts';
import { keepRecentAnswers } from './http/recent-answers.ts';
import { strictSecurityHeaders } from './http/security-headers.ts';
import { subscriptionRoutes } from './push/routes.ts';
import { changeRoutes } from './routes/changes.ts';
import { serveContract } from './routes/docs.ts';
import { exportRoutes } from './routes/exports.ts';
import { feedRoutes } from './routes/feeds.ts';
import { healthRoutes } from './routes/health.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { pageRoutes } from './routes/pages.ts';
import { placeRoutes } from './routes/places.ts';
import { problemRoutes } from './routes/problems.ts';
import { reportRoutes } from './routes/reports.ts';

export const app = new ContractRoutes<AppEnv>();

// The desk is a Worker of its own (src/desk/worker.ts), reached through its service binding:
// its requests go to it as they came, before anything here runs but the headers every answer
// has and the most a desk request may carry.
for (const path of ['/desk', '/desk/*'])
  app.all(path, strictSecurityHeaders(), limitBody(deskRequestBytes), forwardToDesk);
aroundEveryRequest(app);
// Subscriptions are private to their token: never kept, never publicly cached.
const privateReads = ['/api/v1/subscriptions', '/api/v1/subscriptions/*'];
app.on(
  'GET',
  ['/api/v1/*', '/feeds/*', '/feeds.opml', '/exports/*'],
  except(privateReads, keepRecentAnswers()),
);
app.on('GET', ['/', '/places/*', '/reports/*'], keepRecentAnswers(['accept-language']));
app.on(['GET', 'HEAD'], ['/api/v1/*', '/exports/*'], except(privateReads, publicReads(), etag()));
// A draft's text may be long in any language: its route sets its own limit (src/drafting/limits.ts).
app.use('/api/*', except(draftsPath, limitBody(writeBodyBytes)));

app.route('/', healthRoutes);
app.route('/', feedRoutes);
app.route('/api/v1/indicators', indicatorRoutes);
app.route('/api/v1/places', placeRoutes);
app.route('/api/v1/reports', reportRoutes);
app.route(draftsPath, draftRoutes);
app.route('/api/v1/changes', changeRoutes);
app.route('/api/v1/subscriptions', subscriptionRoutes);
app.route('/exports', exportRoutes);
app.route('/problems', problemRoutes);
app.route('/', pageRoutes);
serveContract(app);

app.notFound(notFound(allowedMethods(app.routes)));
app.onError(onError);
