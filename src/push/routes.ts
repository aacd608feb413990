// /api/v1/subscriptions: webhooks for dashboards and alerting systems, each token managing
// its own (the subscribe scope). Never cached: every answer is private to its token.

import * as z from 'zod';
import { subscriptionId } from '../domain/ids.ts';
import { requireScope } from '../http/auth.ts';
import { createRoute } from '../http/contract-routes.ts';
import { requireJsonBody } from '../http/json-body.ts';
import { bearerAuth, jsonContent, openApiRoutes, problems, writeProblems } from '../http/openapi.ts';
import { noQuery } from '../http/queries.ts';
import { writeAccess } from '../http/write-access.ts';
import { createdSubscription, subscription, subscriptionInput, subscriptionList } from './model.ts';
import { registryOf } from './registry.ts';
import { createSubscription, noSubscription } from './service.ts';

const idParam = z.strictObject({ id: subscriptionId.meta({ description: 'The subscription id' }) });
const readProblems = () => problems(400, 401, 403, 404, 503);
const subscriptionPath = (id: string) => `/api/v1/subscriptions/${id}`;
const privately = { 'cache-control': 'no-store' };

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['Subscriptions'],
  summary: 'Subscribe a URL to changes (subscribe scope)',
  description:
    'Every new report, correction and retraction that passes the filters (and the rule, if any) is POSTed to the URL as a Standard Webhooks event, signed with the secret in this answer, which is never shown again. At least once, retried with a growing delay; see docs/push.md#webhooks-for-dashboards-and-alerting.',
  security: bearerAuth,
  middleware: [writeAccess('subscribe'), requireJsonBody(subscriptionInput)] as const,
  request: { query: noQuery, body: { required: true, content: jsonContent(subscriptionInput) } },
  responses: {
    201: { description: 'Subscribed', content: jsonContent(createdSubscription) },
    ...writeProblems(),
  },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Subscriptions'],
  summary: "The token's subscriptions, with how their deliveries fare",
  security: bearerAuth,
  middleware: [requireScope('subscribe')] as const,
  request: { query: noQuery },
  responses: {
    200: { description: 'Its subscriptions', content: jsonContent(subscriptionList) },
    ...readProblems(),
  },
});

const getOne = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Subscriptions'],
  summary: 'One of the token’s subscriptions',
  security: bearerAuth,
  middleware: [requireScope('subscribe')] as const,
  request: { params: idParam, query: noQuery },
  responses: {
    200: { description: 'The subscription', content: jsonContent(subscription) },
    ...readProblems(),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['Subscriptions'],
  summary: 'Unsubscribe: nothing more is sent, retries included',
  security: bearerAuth,
  middleware: [writeAccess('subscribe')] as const,
  request: { params: idParam, query: noQuery },
  responses: { 204: { description: 'Deleted' }, ...problems(400, 401, 403, 404, 429, 503) },
});

const resume = createRoute({
  method: 'post',
  path: '/{id}/resume',
  tags: ['Subscriptions'],
  summary: 'Resume a paused subscription',
  description: 'Changes from now on are sent again; what was given up on while it was paused is not.',
  security: bearerAuth,
  middleware: [writeAccess('subscribe')] as const,
  request: { params: idParam, query: noQuery },
  responses: {
    200: { description: 'Resumed', content: jsonContent(subscription) },
    ...problems(400, 401, 403, 404, 429, 503),
  },
});

export const subscriptionRoutes = openApiRoutes()
  .openapi(create, async (c) => {
    const owner = c.get('principal').name;
    const { origin } = new URL(c.req.url);
    const created = await createSubscription(c.env, owner, c.req.valid('json'), origin);
    return c.json(created, 201, { location: subscriptionPath(created.id), ...privately });
  })
  .openapi(list, async (c) => {
    const subscriptions = await registryOf(c.env).list(c.get('principal').name);
    return c.json({ subscriptions }, 200, privately);
  })
  .openapi(getOne, async (c) => {
    const { id } = c.req.valid('param');
    const found = await registryOf(c.env).get(c.get('principal').name, id);
    if (!found) throw noSubscription(id);
    return c.json(found, 200, privately);
  })
  .openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await registryOf(c.env).remove(c.get('principal').name, id))) throw noSubscription(id);
    return c.body(null, 204);
  })
  .openapi(resume, async (c) => {
    const { id } = c.req.valid('param');
    const resumed = await registryOf(c.env).resume(c.get('principal').name, id);
    if (!resumed) throw noSubscription(id);
    return c.json(resumed, 200, privately);
  });
