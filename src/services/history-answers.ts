// History pages as the API answers them: any page, read from the derived documents, the
// index of all history or a place's writer (./history.ts), with the cursor and the full URL of the next one; the newest
// page at the default size, unfiltered, served as its writer stored it.

import { nextPageBase, reportPageOf } from '../answers/history.ts';
import { storedOr } from '../answers/stored.ts';
import { decodeCursor } from '../cursors/history.ts';
import type { HistoryScope } from '../domain/history.ts';
import { defaultPageSize, filtersNothing, type HistoryFilter } from '../domain/history.ts';
import type { ReportPage } from '../domain/model.ts';
import { isPlainLink } from '../render/origin-template.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';
import { readHistoryPage } from './history.ts';
import type { Answer } from './reading.ts';

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
export async function historyPage(
  store: StatusStore,
  writers: Writers,
  request: HistoryRequest,
): Promise<ReportPage> {
  const { scope, filter } = request;
  const position = request.cursor === undefined ? undefined : decodeCursor(request.cursor, scope, filter);
  const page = await readHistoryPage(
    store,
    writers,
    scope,
    filter,
    request.limit ?? defaultPageSize,
    position,
  );
  return reportPageOf(page, scope, filter, nextPageBase(request.url));
}

/**
 * A history page as the API answers it. The newest page at the default size, unfiltered, is
 * served as its writer stored it, its `next` link filled in for the URL asked.
 */
export async function historyPageAnswer(
  store: StatusStore,
  writers: Writers,
  request: HistoryRequest,
): Promise<Answer> {
  const asksNewest = request.cursor === undefined && (request.limit ?? defaultPageSize) === defaultPageSize;
  const nextBase = nextPageBase(request.url);
  const made = async () => ({ body: JSON.stringify(await historyPage(store, writers, request)) });
  if (!asksNewest || !filtersNothing(request.filter) || !isPlainLink(nextBase)) return made();
  return storedOr(store, { kind: 'history', scope: request.scope }, nextBase, made);
}
