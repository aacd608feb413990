// /healthz: a constant answer that touches no storage, for load balancers and monitors.

import * as z from 'zod';
import { createRoute } from '../http/contract-routes.ts';
import { jsonContent, openApiRoutes } from '../http/openapi.ts';
import { noQuery } from '../http/queries.ts';

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Service'],
  summary: 'Liveness: a constant answer that touches no storage',
  request: { query: noQuery },
  responses: {
    200: {
      description: 'The Worker runs',
      content: jsonContent(z.strictObject({ status: z.literal('ok') })),
    },
  },
});

export const healthRoutes = openApiRoutes().openapi(health, (c) => c.json({ status: 'ok' as const }, 200));
