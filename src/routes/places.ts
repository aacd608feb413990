// /api/v1/places: current status per place, a place's history, and place administration.

import { Hono } from 'hono';
import { z } from 'zod';
import { NotFound } from '../domain/errors.ts';
import { type PlaceList, type PlaceView, placeInput, slug } from '../domain/model.ts';
import type { AppEnv } from '../http/app-env.ts';
import { historyResponse } from '../http/history-response.ts';
import { historyQuery } from '../http/queries.ts';
import { requireJsonBody, valid } from '../http/validation.ts';
import { writeAccess } from '../http/write-access.ts';
import { loadPlaceDocument, rebuildPlacesList, savePlace } from '../services/derive.ts';

const slugParam = z.strictObject({ slug });

export const placeRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const store = c.get('store');
    const doc = (await store.getPlacesDocument()) ?? (await rebuildPlacesList(store));
    const body: PlaceList = { places: doc.places };
    return c.json(body);
  })
  .get('/:slug', valid('param', slugParam), async (c) => {
    const { slug } = c.req.valid('param');
    const doc = await loadPlaceDocument(c.get('store'), slug);
    if (!doc) throw new NotFound(`no place with slug "${slug}"`);
    const body: PlaceView = { place: doc.place, status: doc.status, reportCount: doc.reportCount };
    return c.json(body);
  })
  .get('/:slug/reports', valid('param', slugParam), valid('query', historyQuery), (c) =>
    historyResponse(c, { kind: 'place', slug: c.req.valid('param').slug }, c.req.valid('query')),
  )
  .put(
    '/:slug',
    writeAccess('admin'),
    requireJsonBody(),
    valid('param', slugParam),
    valid('json', placeInput),
    async (c) => {
      const place = { ...c.req.valid('json'), slug: c.req.valid('param').slug };
      const { created } = await savePlace(c.get('store'), place);
      return c.json(place, created ? 201 : 200, { location: `/api/v1/places/${place.slug}` });
    },
  );
