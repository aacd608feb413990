// /api/v1/drafts: a draft report from source text (report scope). It stores nothing: the
// draft's candidates are for a person to review, fix or drop, and publish through
// POST /api/v1/reports like any report, with its warnings.

import { limitBody } from '../http/body-limit.ts';
import { createRoute } from '../http/contract-routes.ts';
import { requireJsonBody } from '../http/json-body.ts';
import { bearerAuth, jsonContent, openApiRoutes, writeProblems } from '../http/openapi.ts';
import { noQuery } from '../http/queries.ts';
import { writeAccess } from '../http/write-access.ts';
import { draft, draftInput } from './extract.ts';
import { draftBodyBytes } from './limits.ts';
import { draftReport } from './service.ts';

export const draftsPath = '/api/v1/drafts';

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['Reports'],
  summary: 'Draft a report from source text (report scope); nothing is stored',
  description:
    'English, Dutch or Ukrainian text in; candidate figures out, each with its value or state, qualifier, the sentence that states it (with its offsets), the voice the sentence gives it to, and a confidence with its reason. Read by a lexicon kept as data (src/drafting/lexicon.ts).',
  security: bearerAuth,
  middleware: [limitBody(draftBodyBytes), writeAccess('report'), requireJsonBody(draftInput)] as const,
  request: { query: noQuery, body: { required: true, content: jsonContent(draftInput) } },
  responses: {
    200: { description: 'The draft', content: jsonContent(draft) },
    ...writeProblems(),
  },
});

export const draftRoutes = openApiRoutes().openapi(create, async (c) => {
  const drafted = await draftReport(c.get('store'), c.req.valid('json'));
  return c.json(drafted, 200, { 'cache-control': 'no-store' });
});
