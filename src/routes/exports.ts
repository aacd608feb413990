// /exports: the current status and its history as files aid dashboards already read:
// HXL-tagged CSV and GeoJSON. Each is rendered from the same data as the JSON API at the
// same cost: the status files from the list of places (one KV read), history from the
// history listing (first page one read, older pages one list; with limit=all, one read and
// every list, streamed a list at a time). Caching, CORS and HEAD come from the middleware
// index.ts applies to public reads.

import type { Context } from 'hono';
import * as z from 'zod';
import type { HistoryScope } from '../domain/history.ts';
import { indicatorIds } from '../domain/indicators.ts';
import { slug } from '../domain/model.ts';
import type { AppEnv } from '../http/app-env.ts';
import { createRoute } from '../http/contract-routes.ts';
import { historyOf, wholeHistoryOf } from '../http/history-request.ts';
import { cachingHeaders, openApiRoutes, problems, readProblems } from '../http/openapi.ts';
import { csvQuery, historyFileQuery, hxlParameter, noQuery, seriesQuery } from '../http/queries.ts';
import { streamedBody } from '../http/streamed-body.ts';
import { statusCollection } from '../render/geojson.ts';
import { renderHistoryCsv, renderSeriesCsv, streamHistoryCsv } from '../render/hxl-csv.ts';
import { csvForm, type PlaceListFile } from '../render/place-list-files.ts';
import { loadPlaceListFile } from '../services/reading.ts';
import { readSeries } from '../services/series.ts';

// RFC 4180 registers header=present: the first row names the columns (the second holds
// the HXL hashtags).
const csvType = 'text/csv; charset=utf-8; header=present';
const geoJsonType = 'application/geo+json';

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
  description:
    'Every indicator of the registry for every place: one not reported has its row, with coverage not_reported and empty figure cells. A count has its basis, range high, since, sources that disagree and a count for a period beside a running total in columns at the end.',
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
    "Each indicator's value or state, qualifier, observed date, stale-after date, verification, source, report and coverage (reported or not_reported); for a count also its basis, a range's high bound, a total's since, sources that disagree (low, high, count) and a count for a period beside a running total; beside the place's names, admin areas with p-codes and coordinates. Hashtags from the HXL dictionary where one exists (docs/dashboards.md#get-exportsplacescsv).",
  request: { query: csvQuery },
  responses: {
    200: { description: 'The CSV file', headers: cachingHeaders, content: csvContent },
    ...notModified,
    ...problems(400, 503),
  },
});

const seriesCsvQuery = seriesQuery.safeExtend({
  indicator: z.enum(indicatorIds).meta({ description: 'The indicator, e.g. "population_remaining"' }),
  place: slug.optional().meta({ description: 'One place; every place when left out' }),
  hxl: hxlParameter,
});

const seriesCsv = createRoute({
  method: 'get',
  path: '/series.csv',
  tags: ['Exports'],
  summary: 'One indicator over time as HXL-tagged CSV: a row per report that states it',
  description:
    'The points of GET /api/v1/places/{slug}/series/{indicator}, of one place or of all, oldest observation first, each with its observed period whole (start, end, precision), and a count with its basis and range high; `basis` keeps to one basis.',
  request: { query: seriesCsvQuery },
  responses: {
    200: { description: 'The CSV file', headers: cachingHeaders, content: csvContent },
    ...notModified,
    ...readProblems(),
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
    'The filters of GET /api/v1/reports, and `place` for one place. The next page is in the `Link: <...>; rel="next"` header. With `limit=all`, every report the filters pick, in one file streamed as it is read, under a weak ETag and with no `Link`.',
  request: { query: historyFileQuery },
  responses: {
    200: {
      description: 'A page of history, or all of it (limit=all)',
      headers: cachingHeaders.extend({
        Link: z.string().optional().meta({ description: 'rel="next": the next page' }),
      }),
      content: csvContent,
    },
    ...notModified,
    ...readProblems(),
  },
});

/** A file made from the list of places: one KV read, of the file as stored, or of the list. */
async function placeListFile(c: Context<AppEnv>, name: PlaceListFile, contentType: string) {
  const { origin } = new URL(c.req.url);
  const file = await loadPlaceListFile(c.get('store'), c.get('writers'), name, origin);
  return c.body(file.body, 200, { 'content-type': contentType, ...(file.etag ? { etag: file.etag } : {}) });
}

export const exportRoutes = openApiRoutes()
  .openapi(statusCsv, (c) => placeListFile(c, csvForm('status.csv', c.req.valid('query').hxl), csvType))
  .openapi(placesCsv, (c) => placeListFile(c, csvForm('places.csv', c.req.valid('query').hxl), csvType))
  .openapi(seriesCsv, async (c) => {
    const { indicator, place, hxl, include, ...query } = c.req.valid('query');
    const points = await readSeries(c.get('store'), c.get('writers'), {
      scope: place ? { kind: 'place', slug: place } : { kind: 'all' },
      indicator,
      includeAll: include === 'all',
      ...query,
    });
    return c.body(renderSeriesCsv(indicator, points, siteOf(c.req.url), { hxl }), 200, {
      'content-type': csvType,
    });
  })
  .openapi(statusGeoJson, (c) => placeListFile(c, 'status.geojson', geoJsonType))
  .openapi(reportsCsv, async (c) => {
    const { place, hxl, limit, cursor, ...filters } = c.req.valid('query');
    const scope: HistoryScope = place ? { kind: 'place', slug: place } : { kind: 'all' };
    if (limit === 'all') {
      const history = await wholeHistoryOf(c, scope, filters);
      const body = streamedBody(streamHistoryCsv(history.pages, siteOf(c.req.url), { hxl }));
      return c.body(body, 200, { 'content-type': csvType, etag: `W/"${history.version}"` });
    }
    const page = await historyOf(c, scope, { ...filters, limit, cursor });
    return c.body(renderHistoryCsv(page.reports, siteOf(c.req.url), { hxl }), 200, {
      'content-type': csvType,
      ...(page.next ? { link: `<${page.next}>; rel="next"` } : {}),
    });
  });
