// History pages as the API answers them (`GET /api/v1/reports`, `/api/v1/places/{slug}/reports`):
// the summaries, the next page's cursor, and its URL. The newest page of a scope at the
// default size is stored by its writer, its `next` link left for the reader to start.

import { encodeCursor } from '../cursors/history.ts';
import type { RecentDocument } from '../domain/documents.ts';
import type { HistoryScope } from '../domain/history.ts';
import {
  defaultPageSize,
  type HistoryFilter,
  type HistoryPage,
  pageFromDocument,
} from '../domain/history.ts';
import type { ReportPage } from '../domain/model.ts';
import type { StoredAnswer } from '../store/status-store.ts';
import { templateAnswerOf } from './stored.ts';

/** The newest page at the default size, from a document of the newest reports. */
export const firstPageOf = (doc: RecentDocument): RecentDocument => ({
  head: doc.head.slice(0, defaultPageSize),
  reportCount: doc.reportCount,
});

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

/** A scope's newest history page at the default size, its `next` link left for the reader to start. */
export function historyAnswer(scope: HistoryScope, firstPage: RecentDocument): Promise<StoredAnswer> {
  const page = pageFromDocument(firstPage, {}, defaultPageSize);
  return templateAnswerOf((nextBase) => JSON.stringify(reportPageOf(page, scope, {}, nextBase)), null);
}
