// /exports: the current status and its history as files aid dashboards already read:
// HXL-tagged CSV and GeoJSON. Each is rendered from the same data as the JSON API at the
// same cost: the status files from the list of places (one KV read), history from the
// history listing (first page one read, older pages one list). Caching, CORS and HEAD come
// from the middleware index.ts applies to public reads.

import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { slug } from '../domain/model.ts';
import { historyOf } from '../http/history-request.ts';
import { cachingHeaders, openApiRoutes, problems, readProblems } from '../http/openapi.ts';
import { csvQuery, historyQuery, hxlParameter, noQuery } from '../http/queries.ts';
import { renderStatusGeoJson, statusCollection } from '../render/geojson.ts';
import { renderHistoryCsv, renderPlacesCsv, renderStatusCsv } from '../render/hxl-csv.ts';
import { loadPlacesList } from '../services/reading.ts';

// RFC 4180 registers header=present: the first row names the columns (the second holds
// the HXL hashtags).
const csvType = 'text/csv; charset=utf-8; header=present';
const geoJsonType = 'application/geo+json';

/** The history filters of the JSON API, and `place` to keep to one place's history. */
const reportsQuery = historyQuery.safeExtend({ place: slug.optional(), hxl: hxlParameter });

const siteOf = (url: string) => ({ origin: new URL(url).origin });

const csvText = z.string().meta({
  description: 'HXL-tagged CSV: a header row, a row of HXL hashtags (left out with ?hxl=false), then data',
});
const csvContent = { 'text/csv': { schema: csvText } };
const notModified = { 304: { description: 'Not modified since the ETag sent as If-None-Match' } };

const statusCsv = createRoute({
  method: 'get',
  path: '/status.csv',
  tags: ['Exports'],
  summary: 'Current status as HXL-tagged CSV: one row per place and indicator',
  request: { query: csvQuery },
  responses: {
    200: { description: 'The CSV file', headers: cachingHeaders, content: csvContent },
    ...notModified,
    ...problems(400, 503),
  },
});

const placesCsv = createRoute({
  method: 'get',
  path: '/places.csv',
  tags: ['Exports'],
  summary: 'Current status as a wide HXL-tagged CSV: one row per place, columns for each indicator',
  description:
    'Each indicator\'s value or state, qualifier, observed date, stale-after date, verification, source and report, beside the place\'s names, admin areas with p-codes and coordinates. Hashtags from the HXL dictionary where one exists (README, "For dashboard builders").',
  request: { query: csvQuery },
  responses: {
    200: { description: 'The CSV file', headers: cachingHeaders, content: csvContent },
    ...notModified,
    ...problems(400, 503),
  },
});

const statusGeoJson = createRoute({
  method: 'get',
  path: '/status.geojson',
  tags: ['Exports'],
  summary: 'Current status as GeoJSON: one Point feature per place',
  request: { query: noQuery },
  responses: {
    200: {
      description: 'The FeatureCollection',
      headers: cachingHeaders,
      content: { 'application/geo+json': { schema: statusCollection } },
    },
    ...notModified,
    ...problems(400, 503),
  },
});

const reportsCsv = createRoute({
  method: 'get',
  path: '/reports.csv',
  tags: ['Exports'],
  summary: 'History as HXL-tagged CSV: one row per report and figure, newest first',
  description:
    'The filters of GET /api/v1/reports, and `place` for one place. The next page is in the `Link: <...>; rel="next"` header.',
  request: { query: reportsQuery },
  responses: {
    200: {
      description: 'A page of history',
      headers: cachingHeaders.extend({
        Link: z.string().optional().meta({ description: 'rel="next": the next page' }),
      }),
      content: csvContent,
    },
    ...notModified,
    ...readProblems(),
  },
});

export const exportRoutes = openApiRoutes()
  .openapi(statusCsv, async (c) => {
    const places = await loadPlacesList(c.get('store'), c.get('writers'));
    const form = { hxl: c.req.valid('query').hxl };
    return c.body(renderStatusCsv(places, siteOf(c.req.url), form), 200, { 'content-type': csvType });
  })
  .openapi(placesCsv, async (c) => {
    const places = await loadPlacesList(c.get('store'), c.get('writers'));
    const form = { hxl: c.req.valid('query').hxl };
    return c.body(renderPlacesCsv(places, siteOf(c.req.url), form), 200, { 'content-type': csvType });
  })
  .openapi(statusGeoJson, async (c) => {
    const places = await loadPlacesList(c.get('store'), c.get('writers'));
    return c.body(renderStatusGeoJson(places, siteOf(c.req.url)), 200, { 'content-type': geoJsonType });
  })
  .openapi(reportsCsv, async (c) => {
    const { place, hxl, ...query } = c.req.valid('query');
    const page = await historyOf(c, place ? { kind: 'place', slug: place } : { kind: 'all' }, query);
    return c.body(renderHistoryCsv(page.reports, siteOf(c.req.url), { hxl }), 200, {
      'content-type': csvType,
      ...(page.next ? { link: `<${page.next}>; rel="next"` } : {}),
    });
  });
