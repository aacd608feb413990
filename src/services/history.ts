// History pages. The first page comes from a derived document (one KV read: the newest page
// at the default size has a document of its own, a larger or filtered one reads the newest
// 200 reports); each older page from one KV list call, with the summaries read from the
// index keys' metadata. The whole history, for one file, is the same listing walked to its
// end, a list call at a time.

import { sha256Hex } from '../digest.ts';
import type { HistoryScope } from '../domain/history.ts';
import {
  defaultPageSize,
  filtersNothing,
  type HistoryFilter,
  type HistoryPage,
  type HistoryPosition,
  isPastRange,
  matchesFilter,
  pageFromDocument,
} from '../domain/history.ts';
import type { PlaceSummary, ReportSummary } from '../domain/model.ts';
import { NotFound } from '../problems.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';
import { loadPlacesList } from './reading.ts';

export async function readHistoryPage(
  store: StatusStore,
  scope: HistoryScope,
  filter: HistoryFilter,
  limit: number,
  position?: HistoryPosition,
): Promise<HistoryPage> {
  if (position) return pageFromListing(store, scope, filter, limit, position);
  // Most requests ask for the newest page at the default size: a document of its own.
  const firstPage =
    filtersNothing(filter) && limit <= defaultPageSize ? await store.getFirstPageDocument(scope) : undefined;
  const doc =
    firstPage ??
    (scope.kind === 'all' ? await store.getRecentDocument() : await store.getPlaceDocument(scope.slug));
  if (doc) return pageFromDocument(doc, filter, limit);
  if (scope.kind === 'place' && !(await store.getPlace(scope.slug))) {
    throw new NotFound(`no place with slug "${scope.slug}"`);
  }
  return pageFromListing(store, scope, filter, limit, undefined);
}

async function pageFromListing(
  store: StatusStore,
  scope: HistoryScope,
  filter: HistoryFilter,
  limit: number,
  position: HistoryPosition | undefined,
): Promise<HistoryPage> {
  const listing = await store.listHistory(scope, position?.list);
  const summaries: ReportSummary[] = [];
  for (const [index, { id, summary }] of listing.entries.entries()) {
    // Ids grow with time, so anything at or above `after` was on an earlier page.
    if (position && id >= position.after) continue;
    if (!summary) continue;
    if (isPastRange(summary, filter)) return { summaries, next: undefined };
    if (!matchesFilter(summary, filter)) continue;
    summaries.push(summary);
    if (summaries.length === limit) {
      const more = index < listing.entries.length - 1 || listing.cursor !== undefined;
      return {
        summaries,
        next: more ? { after: id, ...(position?.list ? { list: position.list } : {}) } : undefined,
      };
    }
  }
  const last = listing.entries.at(-1);
  return {
    summaries,
    next: listing.cursor && last ? { after: last.id, list: listing.cursor } : undefined,
  };
}

/** A scope's whole history, for one file: a version to validate it by, and its reports. */
export interface WholeHistory {
  version: string;
  /** Pages of the reports the filter picks, newest first, each listed only when asked for. */
  pages: AsyncGenerator<ReportSummary[]>;
}

/**
 * Opens a scope's whole history at the cost of one KV read (the list of places); its pages
 * cost one KV list call each (1,000 index entries), made as they are read, so that memory
 * holds one page, never the history.
 */
export async function openWholeHistory(
  store: StatusStore,
  writers: Writers,
  scope: HistoryScope,
  filter: HistoryFilter,
): Promise<WholeHistory> {
  const places = await loadPlacesList(store, writers);
  const known = scope.kind === 'all' || places.some((p) => p.slug === scope.slug);
  if (scope.kind === 'place' && !known && !(await store.getPlace(scope.slug))) {
    throw new NotFound(`no place with slug "${scope.slug}"`);
  }
  return { version: await historyVersion(places), pages: historyPages(store, scope, filter) };
}

/**
 * What every report of every place looks like now, in 20 hex digits. A place's `updated` moves
 * with each report it is given (a correction is one) and each retraction of one of its
 * reports, and its count with each report, so the version changes whenever a row of any
 * history file would. Reading the whole index is what a strong validator would take; this is
 * one read. The writers derive the list after the index entries are written, so the version
 * may lag a change by the writers' delay, never lead it.
 */
async function historyVersion(places: readonly PlaceSummary[]): Promise<string> {
  const state = places.map((p) => [p.slug, p.updated, p.reportCount]);
  return (await sha256Hex(JSON.stringify(state))).slice(0, 20);
}

async function* historyPages(
  store: StatusStore,
  scope: HistoryScope,
  filter: HistoryFilter,
): AsyncGenerator<ReportSummary[]> {
  let cursor: string | undefined;
  do {
    const listing = await store.listHistory(scope, cursor);
    const page: ReportSummary[] = [];
    for (const { summary } of listing.entries) {
      if (!summary) continue;
      if (isPastRange(summary, filter)) {
        yield page;
        return;
      }
      if (matchesFilter(summary, filter)) page.push(summary);
    }
    yield page;
    cursor = listing.cursor;
  } while (cursor);
}
