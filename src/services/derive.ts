// Keeping derived documents in step with the facts: cheap incremental updates after new
// reports, and full rebuilds from the immutable history after moderation or loss.

import {
  derivePlaceDocument,
  emptyPlaceDocument,
  headSize,
  type PlaceDocument,
  type PlacesDocument,
  type RecentDocument,
  summarizePlace,
  withNewReports,
  withPlaceSummary,
  withRecentReports,
} from '../domain/documents.ts';
import type { Place, PlaceSummary, Report, ReportSummary } from '../domain/model.ts';
import { deriveFates, latest, pickCurrent } from '../domain/status.ts';
import type { StatusStore } from '../store/status-store.ts';
import { addReportsToFeeds, rebuildFeeds } from './feeds.ts';
import type { DerivationWork } from './write-pacer.ts';

/**
 * Runs a derivation after facts were accepted. The facts are safe whatever happens here, so
 * a failure does not fail the request: it is logged, the places are marked stale, and the
 * scheduled repair derives their documents again from the facts.
 */
export async function deriveOrMarkStale(
  store: StatusStore,
  slugs: readonly string[],
  derive: () => Promise<void>,
): Promise<void> {
  try {
    await derive();
  } catch (error) {
    console.error(
      JSON.stringify({
        level: 'error',
        message: 'derivation failed; marked stale',
        slugs,
        error: String(error),
      }),
    );
    await Promise.all([...new Set(slugs)].map((slug) => store.markStale(slug).catch(() => undefined)));
  }
}

/** The place's document, rebuilt from history when it was lost; undefined for an unknown place. */
export async function loadPlaceDocument(
  store: StatusStore,
  slug: string,
): Promise<PlaceDocument | undefined> {
  const doc = await store.getPlaceDocument(slug);
  if (doc) return doc;
  const place = await store.getPlace(slug);
  return place && rebuildPlaceDocument(store, place);
}

/**
 * Derives a place's document from its whole history. Fates come from the facts (corrections
 * name what they supersede; retractions have keys of their own), and index entries whose
 * recorded fate differs are rewritten, so a rebuild also repairs the history listing.
 */
export async function rebuildPlaceDocument(store: StatusStore, place: Place): Promise<PlaceDocument> {
  const [entries, retracted] = await Promise.all([
    store.wholeHistory({ kind: 'place', slug: place.slug }),
    store.retractedIds(),
  ]);
  const indexed = entries.flatMap((e) => (e.summary ? [e.summary] : []));
  const fates = deriveFates(indexed, retracted);
  const history = indexed.map((s) => {
    const { supersededBy: _, ...rest } = s;
    const fate = fates.get(s.id) ?? { state: 'active' as const };
    return { ...rest, ...fate };
  });
  const stale = history.filter(
    (s, i) => s.state !== indexed[i]?.state || s.supersededBy !== indexed[i]?.supersededBy,
  );
  const picks = [...new Set([...pickCurrent(history).values()].map((s) => s.id))];
  const retractedHere = history.filter((s) => s.state === 'retracted').map((s) => s.id);
  const [reports, retractions] = await Promise.all([
    Promise.all(picks.map((id) => store.getReport(id))),
    Promise.all(retractedHere.map((id) => store.getRetraction(id))),
    Promise.all(stale.map((s) => store.putHistoryEntry(s))),
  ]);
  const byId = new Map(reports.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  const lastRetraction = retractions.reduce<string | null>((at, r) => latest(at, r?.retracted ?? null), null);
  const doc = derivePlaceDocument(place, history, byId, lastRetraction);
  await store.putPlaceDocument(doc);
  return doc;
}

/** The newest reports of all places, from the history index. */
export async function rebuildRecentDocument(store: StatusStore): Promise<RecentDocument> {
  const entries = await store.wholeHistory({ kind: 'all' });
  const head = entries.slice(0, headSize).flatMap((e) => (e.summary ? [e.summary] : []));
  return { head, reportCount: entries.length };
}

/** The places' documents that exist, by slug. */
async function placeDocumentsFor(
  store: StatusStore,
  slugs: readonly string[],
): Promise<Map<string, PlaceDocument>> {
  const docs = await Promise.all([...new Set(slugs)].map((slug) => loadPlaceDocument(store, slug)));
  return new Map(docs.flatMap((doc): [string, PlaceDocument][] => (doc ? [[doc.place.slug, doc]] : [])));
}

/**
 * Brings every document up to date with the work's facts. New reports alone are folded
 * in; once moderation is among the work, the touched places are derived from history.
 */
export async function deriveWork(store: StatusStore, work: DerivationWork): Promise<void> {
  const places = work.reports.map((r) => r.place);
  if (work.rederive.length === 0) {
    if (work.reports.length === 0) return;
    await deriveAfterNewReports(store, await placeDocumentsFor(store, places), work.reports, work.summaries);
    return;
  }
  await deriveAfterModeration(
    store,
    [...work.rederive, ...places],
    [...work.summaries, ...work.changed],
    work.reports.length,
  );
}

/** Folds new, active reports into every document that shows them. */
async function deriveAfterNewReports(
  store: StatusStore,
  docs: ReadonlyMap<string, PlaceDocument>,
  reports: readonly Report[],
  summaries: readonly ReportSummary[],
): Promise<void> {
  const updated = [...docs.values()].map((doc) =>
    withNewReports(
      doc,
      reports.filter((r) => r.place === doc.place.slug),
      summaries.filter((s) => s.place === doc.place.slug),
    ),
  );
  await Promise.all(updated.map((doc) => store.putPlaceDocument(doc)));
  const { places } = await refreshSharedDocuments(store, updated, summaries, reports.length);
  await addReportsToFeeds(store, updated, reports, places.places);
}

/** After a correction or retraction: the touched places are derived again from history. */
async function deriveAfterModeration(
  store: StatusStore,
  slugs: readonly string[],
  changed: readonly ReportSummary[],
  added: number,
): Promise<void> {
  const places = await Promise.all([...new Set(slugs)].map((slug) => store.getPlace(slug)));
  const docs = await Promise.all(
    places.flatMap((place) => (place ? [rebuildPlaceDocument(store, place)] : [])),
  );
  // A rebuild may change the fate of reports other than `changed` (retracting a correction
  // restores what it corrected), so the rebuilt heads go into the shared documents too;
  // `changed` comes last so that what this request wrote wins over a lagging listing.
  const shared = await refreshSharedDocuments(
    store,
    docs,
    [...docs.flatMap((doc) => doc.head), ...changed],
    added,
  );
  await rebuildFeeds(store, docs, shared.recent, shared.places.places);
}

/** The documents every place shares: the newest reports and the list of places. */
async function refreshSharedDocuments(
  store: StatusStore,
  placeDocs: readonly PlaceDocument[],
  summaries: readonly ReportSummary[],
  added: number,
): Promise<{ recent: RecentDocument; places: PlacesDocument }> {
  const [storedRecent, storedPlaces] = await Promise.all([
    store.getRecentDocument(),
    store.getPlacesDocument(),
  ]);
  // A rebuilt document already holds every indexed report, so nothing is added to it twice.
  const recent = storedRecent
    ? withRecentReports(storedRecent, summaries, added)
    : await rebuildRecentDocument(store);
  const places = placeDocs.reduce(
    (list, doc) => withPlaceSummary(list, summarizePlace(doc)),
    storedPlaces ?? (await rebuildPlacesList(store)),
  );
  await Promise.all([store.putRecentDocument(recent), store.putPlacesDocument(places)]);
  return { recent, places };
}

/**
 * The list of places: one KV read. When it was lost it is rebuilt from the place documents
 * for this read, and stored again by the next write.
 */
export async function loadPlacesList(store: StatusStore): Promise<PlaceSummary[]> {
  return ((await store.getPlacesDocument()) ?? (await rebuildPlacesList(store))).places;
}

/** Every place's summary, read from the place documents: for rebuilds only. */
export async function rebuildPlacesList(store: StatusStore): Promise<PlacesDocument> {
  const slugs = await store.placeSlugs();
  const docs = await Promise.all(slugs.map((slug) => loadPlaceDocument(store, slug)));
  return docs.reduce<PlacesDocument>(
    (list, doc) => (doc ? withPlaceSummary(list, summarizePlace(doc)) : list),
    { places: [] },
  );
}

/** Creates or updates a place; its status and history stay as they are. */
export async function savePlace(store: StatusStore, place: Place): Promise<{ created: boolean }> {
  const [existing, existingDoc] = await Promise.all([
    store.getPlace(place.slug),
    store.getPlaceDocument(place.slug),
  ]);
  await store.putPlace(place);
  let doc: PlaceDocument;
  if (existing && !existingDoc) {
    doc = await rebuildPlaceDocument(store, place);
  } else {
    doc = existingDoc ? { ...existingDoc, place } : emptyPlaceDocument(place);
    await store.putPlaceDocument(doc);
  }
  const shared = await refreshSharedDocuments(store, [doc], [], 0);
  // Entries carry the place's names and coordinates, so its feeds are derived again.
  await rebuildFeeds(store, [doc], shared.recent, shared.places.places);
  return { created: !existing };
}

/**
 * Derives the given places again from their history, then every shared document and the
 * feeds of those places and of all places.
 */
export async function rebuildPlaces(store: StatusStore, slugs: readonly string[]): Promise<void> {
  const docs: PlaceDocument[] = [];
  for (const slug of slugs) {
    const place = await store.getPlace(slug);
    if (place) docs.push(await rebuildPlaceDocument(store, place));
  }
  const [recent, list] = await Promise.all([rebuildRecentDocument(store), rebuildPlacesList(store)]);
  await Promise.all([store.putRecentDocument(recent), store.putPlacesDocument(list)]);
  await rebuildFeeds(store, docs, recent, list.places);
}

/** Rebuilds every derived document from the facts: after a bulk load, or to repair loss. */
export async function rebuildAllDocuments(store: StatusStore): Promise<void> {
  await rebuildPlaces(store, await store.placeSlugs());
}
