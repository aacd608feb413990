// The benchmark's own Worker. It runs beside the production bundle in the same Miniflare,
// bound to the same KV namespace and to the production bundle's writers (Durable Objects),
// and does what the production Worker must not offer: loads a SYNTHETIC history in bulk
// through the storage layer (no HTTP call per report) and has the writers reload it, tells
// when the writers have written every document, and sends single requests through the app
// with bindings that count every KV operation, the bytes KV returns and every call to a writer.
// It also serves the one-read floor through the app: the one-read floor's read
// (bench/floor-worker.js) as a route of the app, behind all of its middleware, which says how
// near to the one-read floor any read path of this app can come.

import { app } from '../src/app.ts';
import { summarizeReport } from '../src/domain/status.ts';
import worker from '../src/index.ts';
import { reloadWriters } from '../src/services/repair.ts';
import { StatusStore } from '../src/store/status-store.ts';
import { writersOf } from '../src/writers/stubs.ts';
import { syntheticPlace } from '../tests/support/builders.ts';
import { countingKv } from '../tests/support/counting-kv.ts';
import { observedNamespace } from '../tests/support/observed-namespace.ts';
import { syntheticHistoryReport } from '../tests/support/synthetic-history.ts';

interface ToolsEnv extends Env {}

const oneReadThroughApp = '/api/v1/bench/one-read/';

// Registered before the app answers its first request, as Hono requires; under /api/v1 so
// that it passes the middleware of the API's reads, with a stored ETag as theirs have.
app.get(`${oneReadThroughApp}:bytes`, async (c) => {
  const bytes = c.req.param('bytes');
  const value = await c.env.STATUS_KV.get(`bench/floor/${bytes}`, 'arrayBuffer');
  if (value === null) return c.text('no such value', 404);
  c.header('ETag', `"one-read-${bytes}"`);
  return c.body(value);
});

const placeSlug = (i: number) => `synthetic-${String(i).padStart(2, '0')}`;

async function createPlaces(store: StatusStore, count: number) {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      store.putPlace({
        ...syntheticPlace({ names: { en: `Synthetic place ${i} (synthetic)` } }),
        slug: placeSlug(i),
      }),
    ),
  );
}

/** Writes reports [from, to) as facts: each report with its history entry, as publishing does. */
async function loadReports(store: StatusStore, from: number, to: number, places: number) {
  const writes: Promise<void>[] = [];
  for (let i = from; i < to; i++) {
    const report = syntheticHistoryReport(placeSlug(i % places), i);
    writes.push(store.putReport(report, summarizeReport(report, { state: 'active' })));
  }
  await Promise.all(writes);
}

/** A request as the benchmark describes it, sent through the app with a counting KV. */
interface CountedRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

async function countOperations(env: ToolsEnv, ctx: ExecutionContext, request: CountedRequest) {
  const { binding, counts, bytes: kvBytes } = countingKv(env.STATUS_KV);
  let writerCalls = 0;
  const counted = () => {
    writerCalls++;
  };
  const response = await worker.fetch(
    new Request(new URL(request.path, 'http://127.0.0.1'), {
      method: request.method ?? 'GET',
      headers: request.headers ?? {},
      ...(request.body ? { body: request.body } : {}),
    }),
    {
      ...env,
      STATUS_KV: binding,
      PLACE_WRITER: observedNamespace(env.PLACE_WRITER, counted),
      ALL_PLACES_WRITER: observedNamespace(env.ALL_PLACES_WRITER, counted),
      IDEMPOTENCY_KEEPER: observedNamespace(env.IDEMPOTENCY_KEEPER, counted),
    },
    ctx,
  );
  // Read whole before the answer, so that a value streamed from KV is counted as it was sent.
  const bytes = (await response.arrayBuffer()).byteLength;
  return {
    status: response.status,
    bytes,
    etag: response.headers.get('etag'),
    counts,
    kvBytesRead: kvBytes.read,
    durableObjectCalls: writerCalls,
  };
}

/** Whether the writers have written every document of a history of `reports` reports. */
async function settled(store: StatusStore, slugs: readonly string[], reports: number): Promise<boolean> {
  const [recent, places, feed, ...docs] = await Promise.all([
    store.getRecentDocument(),
    store.getPlacesDocument(),
    store.openFeedDocument({ kind: 'all' }),
    ...slugs.map((slug) => store.getPlaceDocument(slug)),
  ]);
  await feed?.discard();
  const counted = docs.reduce((sum, doc) => sum + (doc?.reportCount ?? 0), 0);
  return (
    recent?.reportCount === reports &&
    places?.places.length === slugs.length &&
    feed !== undefined &&
    docs.every((doc) => doc !== undefined) &&
    counted === reports
  );
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname.startsWith(oneReadThroughApp)) return worker.fetch(request, env, ctx);
    const store = new StatusStore(env.STATUS_KV);
    const input = request.method === 'POST' ? await request.json<Record<string, unknown>>() : {};
    switch (url.pathname) {
      case '/places':
        await createPlaces(store, Number(input.count));
        return Response.json({ slugs: Array.from({ length: Number(input.count) }, (_, i) => placeSlug(i)) });
      case '/reports':
        await loadReports(store, Number(input.from), Number(input.to), Number(input.places));
        return Response.json({ ok: true });
      case '/rebuild':
        await reloadWriters(store, writersOf(env));
        return Response.json({ ok: true });
      case '/settled':
        return Response.json({
          settled: await settled(store, input.slugs as string[], Number(input.reports)),
        });
      case '/count':
        return Response.json(await countOperations(env, ctx, input as unknown as CountedRequest));
      default:
        return new Response('not found', { status: 404 });
    }
  },
} satisfies ExportedHandler<ToolsEnv>;
