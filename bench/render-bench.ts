// The pure renderers alone, at limit=50, from documents derived from 10, 1,000 and 100,000
// SYNTHETIC reports over 20 places, timed with tinybench in Node (V8, as workerd runs). The
// documents hold at most the newest 200 reports, so the work should not grow with history:
// this shows whether it does. Bundled by bench/run.mjs with esbuild (the pages are JSX);
// prints its results as JSON.

import { Bench } from 'tinybench';
import { derivePlaceDocument, headSize, summarizePlace } from '../src/domain/documents.ts';
import { deriveFeedEntries, feedPlaceOf, latestUpdate, selectEntries } from '../src/domain/feed.ts';
import type { Place, Report } from '../src/domain/model.ts';
import { summarizeReport } from '../src/domain/status.ts';
import { renderAtom } from '../src/render/atom.ts';
import { itemFromEntry } from '../src/render/feed-items.ts';
import { renderStatusGeoJson } from '../src/render/geojson.ts';
import { renderIndexPage } from '../src/render/html/index-page.tsx';
import { clockAt } from '../src/render/html/page-clock.ts';
import { renderPlacePage } from '../src/render/html/place-page.tsx';
import { renderHistoryCsv, renderStatusCsv } from '../src/render/hxl-csv.ts';
import { renderJsonFeed } from '../src/render/json-feed.ts';
import { renderRss } from '../src/render/rss.ts';
import type { FeedSite } from '../src/render/site.ts';
import { syntheticPlace } from '../tests/support/builders.ts';
import { syntheticHistoryReport } from '../tests/support/synthetic-history.ts';

const sizes = (process.env.BENCH_SIZES ?? '10,1000,100000').split(',').map(Number);
const placeCount = 20;
const limit = 50;
const origin = 'http://127.0.0.1:8787';
const now = new Date(Date.UTC(2026, 0, 1));
const site: FeedSite = {
  origin,
  self: `${origin}/feeds/all.atom`,
  alternate: `${origin}/`,
  current: `${origin}/feeds/all.atom`,
  id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
  title: 'Humanitarian status: all places',
  mediaType: 'application/atom+xml',
  language: 'en',
};
const pageSite = { origin, path: '/', languageInUrl: false };

/** The documents the service would hold after `size` reports: derived as the service derives them. */
function documentsFor(size: number) {
  const places: Place[] = Array.from({ length: placeCount }, (_, i) => ({
    ...syntheticPlace({ names: { en: `Synthetic place ${i} (synthetic)` } }),
    admin: [],
    slug: `synthetic-${String(i).padStart(2, '0')}`,
  }));
  const reports: Report[] = Array.from({ length: size }, (_, i) =>
    syntheticHistoryReport(places[i % placeCount]?.slug ?? '', i),
  );
  const newestFirst = [...reports].reverse();
  const byId = new Map(reports.map((r) => [r.id, r]));
  const summaries = newestFirst.map((r) => summarizeReport(r, { state: 'active' }));
  const placeDocs = places.map((place) =>
    derivePlaceDocument(
      place,
      summaries.filter((s) => s.place === place.slug),
      byId,
      null,
    ),
  );
  const placeOf = new Map(places.map((p) => [p.slug, feedPlaceOf(p)]));
  const window = newestFirst.slice(0, headSize);
  const entries = deriveFeedEntries(
    window,
    new Map(window.map((r) => [r.id, { state: 'active' as const }])),
    new Map(),
    (slug) => placeOf.get(slug),
  );
  return {
    placeDoc: placeDocs[0],
    places: placeDocs.map(summarizePlace),
    entries,
    recent: summaries.slice(0, headSize),
  };
}

const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  const { placeDoc, places, entries, recent } = documentsFor(size);
  if (!placeDoc) throw new Error('no place document');
  const head = { updated: latestUpdate(entries), archive: false };
  const items = () => selectEntries(entries, {}, limit).map((entry) => itemFromEntry(entry, origin, 'en'));
  const bench = new Bench({ time: 400, warmupTime: 100 });
  bench
    .add('Atom feed', () => renderAtom(items(), head, site))
    .add('RSS feed', () => renderRss(items(), head, site, { ttlMinutes: 1 }))
    .add('JSON Feed', () => renderJsonFeed(items(), head, site))
    .add('status CSV', () => renderStatusCsv(places, { origin }))
    .add('history CSV', () => renderHistoryCsv(recent.slice(0, limit), { origin }))
    .add('status GeoJSON', () => renderStatusGeoJson(places, { origin }))
    .add('index page (HTML)', () => renderIndexPage(places, pageSite, 'en', clockAt(now)))
    .add('place page (HTML)', () =>
      renderPlacePage(placeDoc, { ...pageSite, path: '/places/x' }, 'en', clockAt(now)),
    );
  await bench.run();
  for (const task of bench.tasks) {
    const result = task.result;
    const latency = result && 'latency' in result ? result.latency : undefined;
    results.push({
      reports: size,
      renderer: task.name,
      meanMs: latency?.mean,
      p99Ms: latency?.p99,
      samples: latency?.samplesCount,
    });
  }
}
console.log(JSON.stringify(results));
