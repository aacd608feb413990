// /api/v1/places: current status per place, a place's history, and place administration.

import * as z from 'zod';
import { indicatorIds } from '../domain/indicators.ts';
import {
  type PlaceList,
  type PlaceView,
  place,
  placeInput,
  placeList,
  placeView,
  slug,
} from '../domain/model.ts';
import { type Series, series } from '../domain/series.ts';
import { createRoute } from '../http/contract-routes.ts';
import { historyAnswer } from '../http/history-request.ts';
import { requireJsonBody } from '../http/json-body.ts';
import {
  bearerAuth,
  cachingHeaders,
  historyResponses,
  jsonContent,
  openApiRoutes,
  problems,
  readProblems,
  storedJson,
  writeProblems,
} from '../http/openapi.ts';
import { historyQuery, noQuery, seriesQuery } from '../http/queries.ts';
import { writeAccess } from '../http/write-access.ts';
import { NotFound } from '../problems.ts';
import { savePlace } from '../services/places.ts';
import { loadPlacesListAnswer, loadPlaceView } from '../services/reading.ts';
import { readSeries } from '../services/series.ts';

const slugParam = z.strictObject({ slug: slug.meta({ description: 'The place, e.g. "bakhmut"' }) });

const listPlaces = createRoute({
  method: 'get',
  path: '/',
  tags: ['Places'],
  summary: 'Every place with its short status',
  request: { query: noQuery },
  description: 'One KV read. Figures are summarised: value, state and qualifier, without notes.',
  responses: {
    200: { description: 'Every place', headers: cachingHeaders, content: jsonContent(placeList) },
    ...problems(503),
  },
});

const getPlace = createRoute({
  method: 'get',
  path: '/{slug}',
  tags: ['Places'],
  summary: "A place's full current status",
  description:
    'Each indicator with the figure, its qualifier and note, and the report, source, observed date and verification it comes from.',
  request: { params: slugParam, query: noQuery },
  responses: {
    200: {
      description: 'The place and its status',
      headers: cachingHeaders,
      content: jsonContent(placeView),
    },
    ...readProblems(),
  },
});

const placeHistory = createRoute({
  method: 'get',
  path: '/{slug}/reports',
  tags: ['History'],
  summary: "A place's reports, newest first",
  request: { params: slugParam, query: historyQuery },
  responses: historyResponses(),
});

const seriesParams = slugParam.extend({
  indicator: z.enum(indicatorIds).meta({ description: 'The indicator, e.g. "population_remaining"' }),
});

const placeSeries = createRoute({
  method: 'get',
  path: '/{slug}/series/{indicator}',
  tags: ['History'],
  summary: 'One indicator of a place over time: a point per report that states it',
  description:
    'Ordered by observed period (start, then end), then published time. Each point has its observed period whole (start, end, precision), its value or state, qualifier, the basis of a count (total or period; `basis` keeps to one) and range high, verification, source and report id. Superseded and retracted reports are left out unless include=all. Read from the history index: one KV list per 1,000 reports of the place.',
  request: { params: seriesParams, query: seriesQuery },
  responses: {
    200: { description: 'The series', headers: cachingHeaders, content: jsonContent(series) },
    ...readProblems(),
  },
});

const putPlace = createRoute({
  method: 'put',
  path: '/{slug}',
  tags: ['Places'],
  summary: 'Create or update a place (admin scope)',
  description: 'Its status and history stay as they are. Renaming or relocating updates its feeds.',
  security: bearerAuth,
  middleware: [writeAccess('admin'), requireJsonBody(placeInput)] as const,
  request: { params: slugParam, query: noQuery, body: { required: true, content: jsonContent(placeInput) } },
  responses: {
    200: { description: 'The place was updated', content: jsonContent(place) },
    201: { description: 'The place was created', content: jsonContent(place) },
    ...writeProblems(),
  },
});

export const placeRoutes = openApiRoutes()
  .openapi(listPlaces, async (c) => {
    // The stored document is the answer: served as its writer wrote it, unparsed.
    const list = await loadPlacesListAnswer(c.get('store'), c.get('writers'));
    return storedJson<PlaceList>(c, list.body, list.etag);
  })
  .openapi(getPlace, async (c) => {
    const { slug } = c.req.valid('param');
    const view = await loadPlaceView(c.get('store'), c.get('writers'), slug);
    if (!view) throw new NotFound(`no place with slug "${slug}"`);
    return storedJson<PlaceView>(c, view.body, view.etag);
  })
  .openapi(placeHistory, async (c) => {
    const scope = { kind: 'place', slug: c.req.valid('param').slug } as const;
    return historyAnswer(c, scope, c.req.valid('query'));
  })
  .openapi(placeSeries, async (c) => {
    const { slug, indicator } = c.req.valid('param');
    const { include, ...query } = c.req.valid('query');
    const points = await readSeries(c.get('store'), c.get('writers'), {
      scope: { kind: 'place', slug },
      indicator,
      includeAll: include === 'all',
      ...query,
    });
    const body: Series = { indicator, place: slug, points };
    return c.json(body, 200);
  })
  .openapi(putPlace, async (c) => {
    const { created, place } = await savePlace(c.get('writers'), {
      ...c.req.valid('json'),
      slug: c.req.valid('param').slug,
    });
    return c.json(place, created ? 201 : 200, { location: `/api/v1/places/${place.slug}` });
  });
