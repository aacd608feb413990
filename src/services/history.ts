// History pages. The first page comes from a derived document (one KV read); each older
// page from one KV list call, with the summaries read from the index keys' metadata. A
// request's page carries the cursor and the URL of the next one.

import type { RecentDocument } from '../domain/documents.ts';
import { defaultPageSize, type HistoryFilter, isPastRange, matchesFilter } from '../domain/history.ts';
import type { ReportPage, ReportSummary } from '../domain/model.ts';
import { NotFound } from '../problems.ts';
import type { HistoryScope } from '../store/keys.ts';
import type { StatusStore } from '../store/status-store.ts';
import { decodeCursor, encodeCursor } from './history-cursor.ts';

/** Where the next page starts: after report `after`, from KV list position `list`. */
export interface HistoryPosition {
  after: string;
  list?: string;
}

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
  const doc =
    scope.kind === 'all' ? await store.getRecentDocument() : await store.getPlaceDocument(scope.slug);
  if (doc) return pageFromDocument(doc, filter, limit);
  if (scope.kind === 'place' && !(await store.getPlace(scope.slug))) {
    throw new NotFound(`no place with slug "${scope.slug}"`);
  }
  return pageFromListing(store, scope, filter, limit, undefined);
}

function pageFromDocument(doc: RecentDocument, filter: HistoryFilter, limit: number): HistoryPage {
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
  const nextCursor = page.next ? encodeCursor(page.next, scope, filter) : null;
  let next: string | null = null;
  if (nextCursor) {
    const url = new URL(request.url);
    url.searchParams.set('cursor', nextCursor);
    next = url.href;
  }
  return { reports: page.summaries, nextCursor, next };
}
