// Reading what the writers derived: each answer is one KV read of a derived document or a
// stored answer. What KV does not hold (never written yet, or lost) is asked of its writer,
// which derives it from what it knows and writes it again.

import { placeViewOf } from '../answers/places.ts';
import { storedOr } from '../answers/stored.ts';
import type { PlaceDocument } from '../domain/documents.ts';
import type { FeedDocument } from '../domain/feed.ts';
import type { HistoryScope } from '../domain/history.ts';
import type { PlaceSummary, Report, ReportSummary, ReportView, Retraction } from '../domain/model.ts';
import { NotFound } from '../problems.ts';
import { isPlainOrigin } from '../render/origin-template.ts';
import { type PlaceListFile, placeListFiles } from '../render/place-list-files.ts';
import { feedVersionOf, type OpenedFeedDocument, type StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';

/** The place's document; undefined for an unknown place. */
export async function loadPlaceDocument(
  store: StatusStore,
  writers: Writers,
  slug: string,
): Promise<PlaceDocument | undefined> {
  return (await store.getPlaceDocument(slug)) ?? (await writers.place(slug).placeDocument(slug));
}

/** An answer's body, as stored (UTF-8) or as rendered here, and the ETag of a stored one. */
export interface Answer {
  body: Uint8Array<ArrayBuffer> | string;
  etag?: string;
}

/**
 * A place's status as `GET /api/v1/places/{slug}` answers it, as its writer stored it, with
 * its ETag; undefined for an unknown place.
 */
export async function loadPlaceView(
  store: StatusStore,
  writers: Writers,
  slug: string,
): Promise<Answer | undefined> {
  // The status holds no link: its one part needs no origin.
  return storedOr(store, { kind: 'place', slug }, '', async () => {
    const doc = await writers.place(slug).placeDocument(slug);
    return doc && { body: JSON.stringify(placeViewOf(doc)) };
  });
}

/** The list of places as `GET /api/v1/places` answers it: the stored document, unparsed. */
export async function loadPlacesListAnswer(store: StatusStore, writers: Writers): Promise<Answer> {
  return (
    (await store.getPlacesAnswer()) ?? { body: JSON.stringify(await writers.allPlaces().placesDocument()) }
  );
}

/**
 * A file made from the list of places, as the writer of all places stored it for any origin;
 * rendered here when it is not stored (yet) or the origin is not one it can be filled with.
 */
export async function loadPlaceListFile(
  store: StatusStore,
  writers: Writers,
  name: PlaceListFile,
  origin: string,
): Promise<Answer> {
  const made = async () => ({
    body: placeListFiles[name].render(await loadPlacesList(store, writers), { origin }),
  });
  return isPlainOrigin(origin) ? storedOr(store, { kind: 'file', name }, origin, made) : made();
}

/** Every place with its short status. */
export async function loadPlacesList(store: StatusStore, writers: Writers): Promise<PlaceSummary[]> {
  return ((await store.getPlacesDocument()) ?? (await writers.allPlaces().placesDocument())).places;
}

/** A scope's feed document, opened so that its version is known before its body is read. */
export async function openFeedDocument(
  store: StatusStore,
  writers: Writers,
  scope: HistoryScope,
): Promise<OpenedFeedDocument> {
  const opened = await store.openFeedDocument(scope);
  if (opened) return opened;
  const doc = await feedDocumentOfWriter(writers, scope);
  return { ...(await feedVersionOf(doc)), read: async () => doc, discard: async () => {} };
}

/** A scope's feed document as its writer derives it, for a read that found it missing; it is written again. */
export async function feedDocumentOfWriter(writers: Writers, scope: HistoryScope): Promise<FeedDocument> {
  const doc: FeedDocument | undefined =
    scope.kind === 'place'
      ? await writers.place(scope.slug).feedDocument(scope.slug)
      : await writers.allPlaces().feedDocument();
  if (!doc) throw new NotFound(`no place with slug "${scope.kind === 'place' ? scope.slug : ''}"`);
  return doc;
}

/**
 * A report and what became of it: one read (the report's index entry holds it), and a
 * second for a retraction, its own or that of the correction whose retraction restored it.
 */
export async function viewReport(
  store: StatusStore,
  id: string,
  { publishers = false }: { publishers?: boolean } = {},
): Promise<ReportView> {
  const entry = await store.getReportEntry(id);
  // A report is visible once indexed: one whose acceptance failed part-way stays hidden.
  if (!entry?.summary) throw new NotFound(`no report with id ${id}`);
  const { published, summary } = entry;
  const retractionOf = summary.state === 'retracted' ? id : summary.restoredFrom;
  const retraction = retractionOf ? await store.getPublishedRetraction(retractionOf) : undefined;
  const view = viewOf(published.value, summary, retraction?.value);
  return publishers ? withPublishers(view, published.publishedBy, retraction?.publishedBy) : view;
}

/** The view with who published the report and who retracted it, where that was recorded. */
function withPublishers(view: ReportView, report?: string, retraction?: string): ReportView {
  return {
    ...view,
    ...(report ? { publishedBy: report } : {}),
    ...(view.retraction && retraction ? { retraction: { ...view.retraction, publishedBy: retraction } } : {}),
  };
}

/** What a retraction made of a report: its own withdrawal, or its restoration. */
function retractionFate(id: string, retraction: Retraction | undefined) {
  if (!retraction) return {};
  const { report: of, ...record } = retraction;
  const { reason, retracted } = record;
  return of === id ? { retraction: record } : { restored: { correction: of, reason, retracted } };
}

/** `retraction` is the report's own, or, for a restored report, its correction's. */
export function viewOf(report: Report, summary?: ReportSummary, retraction?: Retraction): ReportView {
  const fate = retractionFate(report.id, retraction);
  return {
    ...report,
    state: summary?.state ?? 'active',
    ...(summary?.supersededBy ? { supersededBy: summary.supersededBy } : {}),
    ...fate,
  };
}
