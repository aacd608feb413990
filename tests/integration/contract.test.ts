// Contract tests: real answers of every JSON endpoint validated against the JSON Schemas in
// schema/, with a validator that runs in workerd. The schemas are closed (no unknown
// fields), so an answer carrying anything undocumented fails here.

import { type Schema, Validator } from '@cfworker/json-schema';
import { beforeAll, describe, expect, it } from 'vitest';
import changePage from '../../schema/change-page.schema.json';
import createdSubscription from '../../schema/created-subscription.schema.json';
import indicatorList from '../../schema/indicator-list.schema.json';
import jsonFeedHumanitarian from '../../schema/json-feed-humanitarian.schema.json';
import placeSchema from '../../schema/place.schema.json';
import placeList from '../../schema/place-list.schema.json';
import placeView from '../../schema/place-view.schema.json';
import problem from '../../schema/problem.schema.json';
import reportSchema from '../../schema/report.schema.json';
import reportBatch from '../../schema/report-batch.schema.json';
import reportPage from '../../schema/report-page.schema.json';
import series from '../../schema/series.schema.json';
import status from '../../schema/status.schema.json';
import statusGeoJson from '../../schema/status-geojson.schema.json';
import subscriptionSchema from '../../schema/subscription.schema.json';
import subscriptionList from '../../schema/subscription-list.schema.json';
import webhookEvent from '../../schema/webhook-event.schema.json';
import type { PublicDocumentName } from '../../src/contract/public-documents.ts';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

const schemas: Record<PublicDocumentName, unknown> = {
  'change-page': changePage,
  'indicator-list': indicatorList,
  'json-feed-humanitarian': jsonFeedHumanitarian,
  place: placeSchema,
  'place-list': placeList,
  'place-view': placeView,
  problem,
  report: reportSchema,
  'report-batch': reportBatch,
  'report-page': reportPage,
  series,
  status,
  'status-geojson': statusGeoJson,
  subscription: subscriptionSchema,
  'created-subscription': createdSubscription,
  'subscription-list': subscriptionList,
  // Checked against a real delivery in tests/push/webhooks.test.ts.
  'webhook-event': webhookEvent,
};

function expectValid(name: PublicDocumentName, document: unknown) {
  const result = new Validator(schemas[name] as Schema, '2020-12', false).validate(document);
  expect(result.errors, `${name}: ${JSON.stringify(document).slice(0, 300)}`).toEqual([]);
  expect(result.valid).toBe(true);
}

async function body(path: string, expectedStatus = 200, as?: 'subscriber') {
  const response = await call(path, as ? { as } : {});
  expect(response.status, path).toBe(expectedStatus);
  return json(response);
}

const every = syntheticReport('contract', {
  figures: [
    {
      indicator: 'electricity',
      state: 'unavailable',
      since: { date: '2024-01', qualifier: 'approximately' },
    },
    { indicator: 'population_baseline', value: 80_000, qualifier: 'approximately' },
    { indicator: 'population_remaining', value: 12_000, qualifier: 'approximately', note: 'Synthetic note.' },
    { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least' },
    { indicator: 'situation', text: 'Synthetic situation text.', language: 'en' },
  ],
  summary: {
    text: 'SYNTHETIC contract report.',
    language: 'en',
    original: { text: 'SYNTHETISCH rapport.', language: 'nl' },
  },
  source: {
    name: 'Synthetic source',
    role: 'fixture',
    kind: 'media',
    url: 'https://example.org/synthetic',
    language: 'nl',
    via: 'a synthetic article',
  },
});

let ids: { kept: string; corrected: string; correction: string; retracted: string };

beforeAll(async () => {
  await createPlace('contract');
  const kept = await postReport(every);
  const corrected = await postReport(syntheticReport('contract', { observed: '2024-03-16' }));
  const correction = await json(
    await send(
      'POST',
      `/api/v1/reports/${corrected.id}/corrections`,
      { ...syntheticReport('contract', { observed: '2024-03-17' }), reason: 'Synthetic correction.' },
      { as: 'moderator' },
    ),
  );
  const retracted = await postReport(syntheticReport('contract', { observed: '2024-03-18' }));
  await send(
    'POST',
    `/api/v1/reports/${retracted.id}/retraction`,
    { reason: 'Synthetic retraction.' },
    { as: 'moderator' },
  );
  ids = { kept: kept.id, corrected: corrected.id, correction: correction.id, retracted: retracted.id };
});

describe('every JSON answer matches its schema in schema/', () => {
  it('the indicator registry', async () => {
    expectValid('indicator-list', await body('/api/v1/indicators'));
  });

  it('the list of places and one place with its full status', async () => {
    expectValid('place-list', await body('/api/v1/places'));
    const view = await body('/api/v1/places/contract');
    expectValid('place-view', view);
    expectValid('status', view.status);
    expect(Object.keys(view.status.indicators).sort()).toEqual(
      ['civilian_deaths', 'electricity', 'population_baseline', 'population_remaining', 'situation'].sort(),
    );
  });

  it('reports in every state: active, superseded, a correction, retracted', async () => {
    for (const id of Object.values(ids)) expectValid('report', await body(`/api/v1/reports/${id}`));
  });

  it('the change log, with a new report, a correction and a retraction, and its answer at the end', async () => {
    const changes = await body('/api/v1/changes');
    expectValid('change-page', changes);
    expect(new Set(changes.changes.map((c: { kind: string }) => c.kind))).toEqual(
      new Set(['new', 'correction', 'retraction']),
    );
    const end = await body(changes.next.replace('http://status.test', ''));
    expectValid('change-page', end);
    expect(end.changes).toEqual([]);
  });

  it('history pages, first and older, of all places and of one', async () => {
    for (const path of ['/api/v1/reports?limit=2', '/api/v1/places/contract/reports?limit=2']) {
      const first = await body(path);
      expectValid('report-page', first);
      expect(first.next).not.toBeNull();
      expectValid('report-page', await body(first.next.replace('http://status.test', '')));
    }
  });

  it('time series of every kind of indicator, with superseded and retracted points', async () => {
    for (const indicator of ['electricity', 'population_remaining', 'civilian_deaths', 'situation']) {
      const path = `/api/v1/places/contract/series/${indicator}?include=all`;
      const document = await body(path);
      expect(document.points.length, path).toBeGreaterThan(0);
      expectValid('series', document);
    }
  });

  it('the answers of writes', async () => {
    const put = await send('PUT', '/api/v1/places/contract-two', syntheticPlace(), { as: 'admin' });
    expect(put.status).toBe(201);
    expectValid('place', await json(put));
    const batch = await send(
      'POST',
      '/api/v1/reports/batch',
      {
        reports: [
          syntheticReport('contract-two'),
          syntheticReport('contract-two', { observed: '2024-03-16' }),
        ],
      },
      { as: 'reporter' },
    );
    expect(batch.status).toBe(201);
    expectValid('report-batch', await json(batch));
    const single = await send('POST', '/api/v1/reports', syntheticReport('contract-two'), { as: 'reporter' });
    expectValid('report', await json(single));
  });

  it('the _humanitarian extension of JSON Feed items, in the feed and in an archive page', async () => {
    const feed = await body('/feeds/places/contract.json?limit=2');
    expect(feed.items.length).toBe(2);
    for (const item of feed.items) expectValid('json-feed-humanitarian', item._humanitarian);
    const archive = await body(feed.next_url.replace('http://status.test', ''));
    expect(archive.items.length).toBeGreaterThan(0);
    for (const item of archive.items) expectValid('json-feed-humanitarian', item._humanitarian);
  });

  it('the GeoJSON export, with a place that has coordinates and one that has none', async () => {
    const put = await send(
      'PUT',
      '/api/v1/places/contract-nowhere',
      syntheticPlace({ coordinates: undefined }),
      {
        as: 'admin',
      },
    );
    expect(put.status).toBe(201);
    const collection = await body('/exports/status.geojson');
    expectValid('status-geojson', collection);
    expect(collection.features.map((f: { id: string }) => f.id)).toContain('contract');
    expect(collection.placesWithoutCoordinates.map((p: { slug: string }) => p.slug)).toContain(
      'contract-nowhere',
    );
  });

  it('subscriptions, as made, shown and listed', async () => {
    const made = await send(
      'POST',
      '/api/v1/subscriptions',
      {
        url: 'https://93.184.215.14/hooks',
        filters: { places: ['contract-nowhere'] },
        rule: { kind: 'becomes_unavailable' },
      },
      { as: 'subscriber' },
    );
    const created = await json(made);
    expectValid('created-subscription', created);
    expectValid('subscription', await body(`/api/v1/subscriptions/${created.id}`, 200, 'subscriber'));
    expectValid('subscription-list', await body('/api/v1/subscriptions', 200, 'subscriber'));
  });

  it('errors of every kind', async () => {
    const answers = [
      await call('/api/v1/places/nowhere'),
      await call('/api/v1/reports?limit=0'),
      await send('POST', '/api/v1/reports', { place: 'contract' }, { as: 'reporter' }),
      await send('POST', '/api/v1/reports', syntheticReport('contract')),
      await send(
        'POST',
        `/api/v1/reports/${ids.retracted}/retraction`,
        { reason: 'again' },
        { as: 'moderator' },
      ),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 400, 422, 401, 409]);
    for (const answer of answers) expectValid('problem', await json(answer));
  });
});
