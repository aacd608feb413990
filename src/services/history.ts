// History pages. The first page comes from a derived document (one KV read: the newest page
// at the default size has a document of its own, a larger or filtered one reads the newest
// 200 reports); each older page from one KV list call, with the summaries read from the
// index keys' metadata. A request's page carries the cursor and the URL of the next one.
// The whole history, for one file, is the same listing walked to its end, a list call at a
// time.

import { sha256Hex } from '../digest.ts';
import type { RecentDocument } from '../domain/documents.ts';
import {
  defaultPageSize,
  filtersNothing,
  type HistoryFilter,
  isPastRange,
  matchesFilter,
} from '../domain/history.ts';
import type { PlaceSummary, ReportPage, ReportSummary } from '../domain/model.ts';
import { NotFound } from '../problems.ts';
import type { HistoryScope } from '../store/keys.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';
import { decodeCursor, encodeCursor, type HistoryPosition } from './history-cursor.ts';
import { loadPlacesList } from './reading.ts';

export interface HistoryPage {
  summaries: ReportSummary[];
  next: HistoryPosition | undefined;
}

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

export function pageFromDocument(doc: RecentDocument, filter: HistoryFilter, limit: number): HistoryPage {
  const summaries: ReportSummary[] = [];
  const complete = doc.head.length >= doc.reportCount;
  for (const [index, summary] of doc.head.entries()) {
    if (isPastRange(summary, filter)) return { summaries, next: undefined };
    if (!matchesFilter(summary, filter)) continue;
    summaries.push(summary);
    if (summaries.length === limit) {
      const more = index < doc.head.length - 1 || !complete;
      return { summaries, next: more ? { after: summary.id } : undefined };
    }
  }
  const last = doc.head.at(-1);
  return { summaries, next: complete || !last ? undefined : { after: last.id } };
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

/** What a history request asks. */
export interface HistoryRequest {
  scope: HistoryScope;
  filter: HistoryFilter;
  limit: number | undefined;
  /** The cursor of an earlier page. */
  cursor: string | undefined;
  /** The URL asked for: the next page's URL is this one with the next cursor. */
  url: string;
}

/** One page of history, with the cursor and the full URL of the next page (null on the last). */
export async function historyPage(store: StatusStore, request: HistoryRequest): Promise<ReportPage> {
  const { scope, filter } = request;
  const position = request.cursor === undefined ? undefined : decodeCursor(request.cursor, scope, filter);
  const page = await readHistoryPage(store, scope, filter, request.limit ?? defaultPageSize, position);
  return reportPageOf(page, scope, filter, nextPageBase(request.url));
}

/** A page as the API answers it: `next` is `nextBase` followed by the next page's cursor. */
export function reportPageOf(
  page: HistoryPage,
  scope: HistoryScope,
  filter: HistoryFilter,
  nextBase: string,
): ReportPage {
  const nextCursor = page.next ? encodeCursor(page.next, scope, filter) : null;
  return { reports: page.summaries, nextCursor, next: nextCursor ? `${nextBase}cursor=${nextCursor}` : null };
}

/** The URL of the page after the one `url` asks for, up to its cursor: `url` with its own cursor left out. */
export function nextPageBase(url: string): string {
  const next = new URL(url);
  next.searchParams.delete('cursor');
  return `${next.href}${next.search ? '&' : '?'}`;
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
