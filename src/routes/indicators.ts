// /api/v1/indicators: the indicator registry, so clients learn the indicators from the
// service instead of hard-coding them. Constant: it touches no storage.

import { indicatorRegistry } from '../domain/indicators.ts';
import { type IndicatorList, indicatorList } from '../domain/model.ts';
import { createRoute } from '../http/contract-routes.ts';
import { cachingHeaders, jsonContent, openApiRoutes } from '../http/openapi.ts';
import { noQuery } from '../http/queries.ts';

const body: IndicatorList = { indicators: [...indicatorRegistry] };

const listIndicators = createRoute({
  method: 'get',
  path: '/',
  tags: ['Indicators'],
  summary: 'The indicators a report may carry',
  request: { query: noQuery },
  description: 'Each with its permanent numeric code, its kind (utility, count or text) and labels.',
  responses: {
    200: {
      description: 'The indicator registry',
      headers: cachingHeaders,
      content: jsonContent(indicatorList),
    },
  },
});

export const indicatorRoutes = openApiRoutes().openapi(listIndicators, (c) => c.json(body, 200));
