// Every public JSON document, by the name of its JSON Schema in schema/. The schemas are
// generated from these zod definitions (npm run schemas), a test fails when schema/ is
// stale, and contract tests validate real answers against the files.

import * as z from 'zod';
import { changeList } from '../domain/changes.ts';
import { humanitarianItemExtension } from '../domain/feed-extension.ts';
import {
  indicatorList,
  place,
  placeList,
  placeStatus,
  placeView,
  reportBatch,
  reportPage,
  reportView,
} from '../domain/model.ts';
import { series } from '../domain/series.ts';
import { createdSubscription, subscription, subscriptionList, webhookEvent } from '../push/model.ts';
import { statusCollection } from '../render/geojson.ts';
import { problemDocument } from './problem-document.ts';

export const publicDocuments = {
  'indicator-list': { schema: indicatorList, title: 'GET /api/v1/indicators' },
  'place-list': { schema: placeList, title: 'GET /api/v1/places: every place with its short status' },
  'place-view': { schema: placeView, title: 'GET /api/v1/places/{slug}: a place and its full status' },
  place: { schema: place, title: 'A place, as PUT /api/v1/places/{slug} answers it' },
  status: { schema: placeStatus, title: 'The current status of a place (the "status" of a place view)' },
  report: { schema: reportView, title: 'GET /api/v1/reports/{id}: a report and what became of it' },
  'report-batch': { schema: reportBatch, title: 'POST /api/v1/reports/batch: the reports accepted' },
  'report-page': {
    schema: reportPage,
    title: 'A page of history: GET /api/v1/reports, /api/v1/places/{slug}/reports',
  },
  'change-page': {
    schema: changeList,
    title: 'GET /api/v1/changes: the changes after a cursor, and the cursor to ask with next',
  },
  'json-feed-humanitarian': {
    schema: humanitarianItemExtension,
    title: 'The _humanitarian extension of each JSON Feed item',
  },
  'status-geojson': {
    schema: statusCollection,
    title: 'GET /exports/status.geojson: an RFC 7946 FeatureCollection of the current status',
  },
  series: {
    schema: series,
    title: 'GET /api/v1/places/{slug}/series/{indicator}: one indicator of a place over time',
  },
  'webhook-event': {
    schema: webhookEvent,
    title: 'The body of a webhook: one change, signed per Standard Webhooks',
  },
  subscription: { schema: subscription, title: 'GET /api/v1/subscriptions/{id}: a webhook subscription' },
  'created-subscription': {
    schema: createdSubscription,
    title: 'POST /api/v1/subscriptions: the subscription made, with its secret, shown this once',
  },
  'subscription-list': {
    schema: subscriptionList,
    title: "GET /api/v1/subscriptions: a token's subscriptions",
  },
  problem: { schema: problemDocument, title: 'An error answer (application/problem+json, RFC 9457)' },
} satisfies Record<string, { schema: z.ZodType; title: string }>;

export type PublicDocumentName = keyof typeof publicDocuments;

export function jsonSchemaOf(name: PublicDocumentName): Record<string, unknown> {
  const { schema, title } = publicDocuments[name];
  return {
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }),
    title,
  };
}
