// Opaque history cursors: a base64url token carrying the position in history and a
// fingerprint of the history and filters it was made for, so that a cursor cannot be
// replayed against another place or other filters and silently return the wrong page.

import { z } from 'zod';
import type { HistoryFilter } from '../domain/history.ts';
import { reportIdPattern } from '../domain/ids.ts';
import { InvalidRequest } from '../problems.ts';
import { type HistoryScope, historyPrefix } from '../store/keys.ts';
import type { HistoryPosition } from './history.ts';

const cursorPayload = z.strictObject({
  a: z.string().regex(reportIdPattern),
  l: z.string().max(1024).optional(),
  f: z.string(),
});

/** FNV-1a over the canonical scope and filter: a fingerprint, not a secret. */
function fingerprint(scope: HistoryScope, filter: HistoryFilter): string {
  const canonical = JSON.stringify([
    historyPrefix(scope),
    [...(filter.indicators ?? [])].sort(),
    [...(filter.verifications ?? [])].sort(),
    filter.since ?? '',
    filter.until ?? '',
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash = Math.imul(hash ^ canonical.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function fromBase64Url(token: string): string {
  const binary = atob(token.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeCursor(position: HistoryPosition, scope: HistoryScope, filter: HistoryFilter): string {
  return toBase64Url(
    JSON.stringify({
      a: position.after,
      ...(position.list ? { l: position.list } : {}),
      f: fingerprint(scope, filter),
    }),
  );
}

const malformed = (detail: string) =>
  new InvalidRequest([{ pointer: '/cursor', rule: 'cursor from a previous page', detail }], 'query');

export function decodeCursor(token: string, scope: HistoryScope, filter: HistoryFilter): HistoryPosition {
  let payload: z.infer<typeof cursorPayload>;
  try {
    payload = cursorPayload.parse(JSON.parse(fromBase64Url(token)));
  } catch {
    throw malformed('the cursor is malformed; use the nextCursor of a previous page');
  }
  if (payload.f !== fingerprint(scope, filter)) {
    throw malformed(
      'the cursor was made for another history or other filters; repeat the path and filters of the first page',
    );
  }
  return { after: payload.a, ...(payload.l ? { list: payload.l } : {}) };
}
