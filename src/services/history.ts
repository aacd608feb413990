// History pages. The first page comes from a derived document (one KV read: the newest page
// at the default size has a document of its own, a larger or filtered one reads the newest
// 200 reports). Each older page of all places comes from one KV list call over the index of
// all history, with the summaries read from the keys' metadata; each older page of a place
// from one call to the place's writer, which holds the summary of every report of its place
// (the index of all history would be walked past every other place's reports). The whole
// history, for one file, is the same listing walked to its end, 1,000 reports at a time.

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
import { type HistoryListing, listPageSize, type StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';
import { loadPlacesList } from './reading.ts';

export async function readHistoryPage(
  store: StatusStore,
  writers: Writers,
  scope: HistoryScope,
  filter: HistoryFilter,
  limit: number,
  position?: HistoryPosition,
): Promise<HistoryPage> {
  if (position) return pageFromListing(store, writers, scope, filter, limit, position);
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
  return pageFromListing(store, writers, scope, filter, limit, undefined);
}

/**
 * Up to 1,000 entries of a scope's history, newest first, from where `position` left off: a
 * KV list call for all places (its cursor KV's), a call to its writer for a place (its cursor
 * the id of the last entry).
 */
async function listScope(
  store: StatusStore,
  writers: Writers,
  scope: HistoryScope,
  cursor: string | undefined,
): Promise<HistoryListing> {
  if (scope.kind === 'all') return store.listHistory(cursor);
  const summaries = await writers.place(scope.slug).history(scope.slug, cursor, listPageSize);
  const last = summaries.at(-1);
  return {
    entries: summaries.map((summary) => ({ id: summary.id, summary })),
    cursor: summaries.length === listPageSize && last ? last.id : undefined,
  };
}

async function pageFromListing(
  store: StatusStore,
  writers: Writers,
  scope: HistoryScope,
  filter: HistoryFilter,
  limit: number,
  position: HistoryPosition | undefined,
): Promise<HistoryPage> {
  // A place's listing starts below the last report shown; all places' where KV's cursor says.
  const from = scope.kind === 'all' ? position?.list : position?.after;
  const listing = await listScope(store, writers, scope, from);
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
 * cost one KV list call (all places) or one call to the place's writer each (1,000 reports),
 * made as they are read, so that memory holds one page, never the history.
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
  return { version: await historyVersion(places), pages: historyPages(store, writers, scope, filter) };
}

/**
 * What every report of every place looks like now, in 20 hex digits. A place's `updated` moves
 * with each report it is given (a correction is one) and each retraction of one of its
 * reports, and its count with each report, so the version changes whenever a row of any
 * history file would. Reading the whole index is what a strong validator would take; this is
 * one read. The writers derive the list after the reports are written, so the version
 * may lag a change by the writers' delay, never lead it.
 */
async function historyVersion(places: readonly PlaceSummary[]): Promise<string> {
  const state = places.map((p) => [p.slug, p.updated, p.reportCount]);
  return (await sha256Hex(JSON.stringify(state))).slice(0, 20);
}

async function* historyPages(
  store: StatusStore,
  writers: Writers,
  scope: HistoryScope,
  filter: HistoryFilter,
): AsyncGenerator<ReportSummary[]> {
  let cursor: string | undefined;
  do {
    const listing = await listScope(store, writers, scope, cursor);
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
