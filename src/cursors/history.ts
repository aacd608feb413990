// History cursors (src/cursors/opaque.ts): the position in history and a fingerprint
// of the scope and filters the cursor was made for, so that a cursor cannot be replayed
// against another place or other filters and silently return the wrong page.

import * as z from 'zod';
import type { HistoryFilter, HistoryPosition, HistoryScope } from '../domain/history.ts';
import { reportIdPattern } from '../domain/ids.ts';
import { InvalidRequest } from '../problems.ts';
import { fingerprint, readCursor, writeCursor } from './opaque.ts';

const cursorPayload = z.strictObject({
  a: z.string().regex(reportIdPattern),
  l: z.string().max(1024).optional(),
  f: z.string(),
});

const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();

/** The scope and filters as the API's parameters name them, each list in one order. */
const madeFor = (scope: HistoryScope, filter: HistoryFilter) =>
  JSON.stringify({
    place: scope.kind === 'place' ? scope.slug : null,
    indicator: sorted(filter.indicators),
    verification: sorted(filter.verifications),
    since: filter.since ?? null,
    until: filter.until ?? null,
  });

/**
 * What cursors issued before the fingerprint named the API's scope were made for: the
 * history's KV prefix in layout v1, written out here because it must not follow the layout.
 * Clients still hold such cursors, and so do stored first pages and feeds until their scope
 * is written again.
 */
const formerlyMadeFor = (scope: HistoryScope, filter: HistoryFilter) =>
  JSON.stringify([
    scope.kind === 'all' ? 'v1/history/all/' : `v1/history/place/${scope.slug}/`,
    sorted(filter.indicators),
    sorted(filter.verifications),
    filter.since ?? '',
    filter.until ?? '',
  ]);

export function encodeCursor(position: HistoryPosition, scope: HistoryScope, filter: HistoryFilter): string {
  return writeCursor({
    a: position.after,
    ...(position.list ? { l: position.list } : {}),
    f: fingerprint(madeFor(scope, filter)),
  });
}

const malformed = (detail: string) =>
  new InvalidRequest([{ pointer: '/cursor', rule: 'cursor from a previous page', detail }], 'query');

export function decodeCursor(token: string, scope: HistoryScope, filter: HistoryFilter): HistoryPosition {
  const payload = readCursor(token, cursorPayload);
  if (!payload) throw malformed('the cursor is malformed; use the nextCursor of a previous page');
  const madeHere = [madeFor(scope, filter), formerlyMadeFor(scope, filter)].map(fingerprint);
  if (!madeHere.includes(payload.f)) {
    throw malformed(
      'the cursor was made for another history or other filters; repeat the path and filters of the first page',
    );
  }
  return { after: payload.a, ...(payload.l ? { list: payload.l } : {}) };
}
