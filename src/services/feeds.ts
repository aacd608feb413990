// Keeping feed documents in step: new reports are folded in as new entries; after a
// correction, a retraction or a renamed place, the document is derived again from the
// newest reports of its scope.

import { headSize, type PlaceDocument } from '../domain/documents.ts';
import { NotFound } from '../domain/errors.ts';
import {
  deriveFeedEntries,
  type FeedDocument,
  type FeedPlace,
  feedPlaceOf,
  latestUpdate,
  withNewFeedReports,
} from '../domain/feed.ts';
import type { Place, PlaceSummary, Report, ReportSummary, Retraction } from '../domain/model.ts';
import type { HistoryScope } from '../store/keys.ts';
import type { FeedVersion, OpenedFeedDocument, StatusStore } from '../store/status-store.ts';
import { loadPlaceDocument, rebuildPlacesList } from './derive.ts';

export type PlaceLookup = (slug: string) => FeedPlace | undefined;

export function placeLookup(places: readonly (Place | PlaceSummary)[]): PlaceLookup {
  const bySlug = new Map(places.map((p) => [p.slug, feedPlaceOf(p)]));
  return (slug) => bySlug.get(slug);
}

/** Derives a scope's feed document from its newest summaries: one read per report shown. */
export async function rebuildFeedDocument(
  store: StatusStore,
  scope: HistoryScope,
  head: readonly ReportSummary[],
  reportCount: number,
  placeOf: PlaceLookup,
  place?: Place,
): Promise<{ doc: FeedDocument; version: FeedVersion }> {
  const window = head.slice(0, headSize);
  const [reports, retractions] = await Promise.all([
    Promise.all(window.map((s) => store.getReport(s.id))),
    Promise.all(window.filter((s) => s.state === 'retracted').map((s) => store.getRetraction(s.id))),
  ]);
  const fates = new Map(window.map((s) => [s.id, { state: s.state }] as const));
  const entries = deriveFeedEntries(
    reports.filter((r): r is Report => r !== undefined),
    fates,
    new Map(retractions.filter((r): r is Retraction => r !== undefined).map((r) => [r.report, r])),
    placeOf,
  );
  const oldest = window.at(-1);
  const doc: FeedDocument = {
    ...(place ? { place } : {}),
    entries,
    updated: latestUpdate(entries),
    ...(reportCount > window.length && oldest ? { archiveAfter: oldest.id } : {}),
  };
  return { doc, version: await store.putFeedDocument(scope, doc) };
}

/** Folds new reports into the feed documents of their places and of all places. */
export async function addReportsToFeeds(
  store: StatusStore,
  placeDocs: readonly PlaceDocument[],
  reports: readonly Report[],
  allPlaces: readonly PlaceSummary[],
): Promise<void> {
  const everywhere = placeLookup(allPlaces);
  const scopes = [
    ...placeDocs.map((doc) => ({
      scope: { kind: 'place', slug: doc.place.slug } as const,
      reports: reports.filter((r) => r.place === doc.place.slug),
      placeOf: placeLookup([doc.place]),
      head: doc.head,
      count: doc.reportCount,
      place: doc.place,
    })),
    {
      scope: { kind: 'all' } as const,
      reports,
      placeOf: everywhere,
      head: undefined,
      count: 0,
      place: undefined,
    },
  ];
  await Promise.all(
    scopes.map(async ({ scope, reports: added, placeOf, head, count, place }) => {
      const stored = await store.getFeedDocument(scope);
      if (stored) {
        await store.putFeedDocument(scope, withNewFeedReports(stored, added, placeOf));
      } else if (head) {
        await rebuildFeedDocument(store, scope, head, count, placeOf, place);
      } else {
        const recent = await store.getRecentDocument();
        await rebuildFeedDocument(store, scope, recent?.head ?? [], recent?.reportCount ?? 0, placeOf);
      }
    }),
  );
}

/** Derives again the feed documents of the given places and of all places. */
export async function rebuildFeeds(
  store: StatusStore,
  placeDocs: readonly PlaceDocument[],
  recent: { head: readonly ReportSummary[]; reportCount: number },
  allPlaces: readonly PlaceSummary[],
): Promise<void> {
  await Promise.all([
    ...placeDocs.map((doc) =>
      rebuildFeedDocument(
        store,
        { kind: 'place', slug: doc.place.slug },
        doc.head,
        doc.reportCount,
        placeLookup([doc.place]),
        doc.place,
      ),
    ),
    rebuildFeedDocument(store, { kind: 'all' }, recent.head, recent.reportCount, placeLookup(allPlaces)),
  ]);
}

/** A document that is missing (never built, or lost) is derived again before it is served. */
export async function openFeed(store: StatusStore, scope: HistoryScope): Promise<OpenedFeedDocument> {
  const opened = await store.openFeedDocument(scope);
  if (opened) return opened;
  let rebuilt: { doc: FeedDocument; version: FeedVersion };
  if (scope.kind === 'place') {
    const placeDoc = await loadPlaceDocument(store, scope.slug);
    if (!placeDoc) throw new NotFound(`no place with slug "${scope.slug}"`);
    rebuilt = await rebuildFeedDocument(
      store,
      scope,
      placeDoc.head,
      placeDoc.reportCount,
      placeLookup([placeDoc.place]),
      placeDoc.place,
    );
  } else {
    const [recent, places] = await Promise.all([store.getRecentDocument(), rebuildPlacesList(store)]);
    rebuilt = await rebuildFeedDocument(
      store,
      scope,
      recent?.head ?? [],
      recent?.reportCount ?? 0,
      placeLookup(places.places),
    );
  }
  const { doc, version } = rebuilt;
  return { ...version, read: async () => doc, discard: async () => {} };
}
