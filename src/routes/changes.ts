// /api/v1/changes: the change log, for clients that keep their own copy of the reports.

import * as z from 'zod';
import { changeList } from '../domain/changes.ts';
import { createRoute } from '../http/contract-routes.ts';
import { cachingHeaders, jsonContent, openApiRoutes, problems } from '../http/openapi.ts';
import { changesAfter } from '../services/changes.ts';
import { publishedByIsPublic } from '../settings.ts';

const changesQuery = z.strictObject({
  after: z.string().min(1).max(200).optional().meta({
    description: 'The nextCursor of the previous answer; leave it out to start at the beginning of the log',
  }),
});

const listChanges = createRoute({
  method: 'get',
  path: '/',
  tags: ['Changes'],
  summary: 'Every new report, correction and retraction, in order',
  description:
    'Up to 100 changes after the cursor, in the order the change log took them, with the state each leaves every report it touches in. Follow next until an answer has no changes, then poll it (with If-None-Match): a cursor never skips a change. One KV read.',
  request: { query: changesQuery },
  responses: {
    200: {
      description: 'The changes after the cursor',
      headers: cachingHeaders,
      content: jsonContent(changeList),
    },
    ...problems(400, 503),
  },
});

export const changeRoutes = openApiRoutes().openapi(listChanges, async (c) => {
  const { after } = c.req.valid('query');
  const request = { after, url: c.req.url, publishers: publishedByIsPublic(c.env) };
  return c.json(await changesAfter(c.get('store'), c.get('writers'), request), 200);
});
