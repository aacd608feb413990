// Reading the change log: one KV read of the page that holds the cursor's position. A page KV
// does not show (not written yet, or not yet visible where the request runs) is asked of the
// change log, which answers it from its storage and writes it again, or says the log has not
// reached that position.

import { decodeChangeCursor, encodeChangeCursor, invalidCursor } from '../cursors/changes.ts';
import { type ChangeList, changePageSize, publicChange } from '../domain/changes.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';

export interface ChangesRequest {
  /** The cursor of an earlier answer; none starts at the beginning of the log. */
  after: string | undefined;
  /** The URL asked for: the next URL is this one with the next cursor. */
  url: string;
  /** Whether the answer names who published each change (PUBLISHED_BY_PUBLIC). */
  publishers: boolean;
}

/**
 * The changes after the cursor, to the end of its page, and the cursor to ask with next. A
 * page seen in an older version shows fewer changes: the next cursor then stays where the
 * answer ends, so the client asks again from there and misses nothing.
 */
export async function changesAfter(
  store: StatusStore,
  writers: Writers,
  request: ChangesRequest,
): Promise<ChangeList> {
  const from = request.after === undefined ? 0 : decodeChangeCursor(request.after);
  const pageNumber = Math.floor(from / changePageSize);
  const page = (await store.getChangePage(pageNumber)) ?? (await writers.changeLog().pageFrom(from));
  if (!page)
    throw invalidCursor('the cursor is past the end of the log; use the nextCursor of a previous answer');
  const changes = page.changes
    .slice(from - pageNumber * changePageSize)
    .map((change) => publicChange(change, request.publishers));
  const nextCursor = encodeChangeCursor(from + changes.length);
  const url = new URL(request.url);
  url.searchParams.set('after', nextCursor);
  return { changes, nextCursor, next: url.href };
}
