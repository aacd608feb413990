// Opaque change-log cursors: a base64url token carrying the position of the next change and
// a check of it, so that a cursor typed by hand or cut short is refused (400), not taken for
// another position. The position counts changes from the start of the log, from 0; the page
// it falls in is the position divided by the page size, which is why the size is fixed
// within the "v1/changes/" layout.

import { z } from 'zod';
import { InvalidRequest } from '../problems.ts';

const cursorPayload = z.strictObject({ p: z.int().min(0).max(Number.MAX_SAFE_INTEGER), c: z.string() });

/** FNV-1a over the position and the log it belongs to: a check, not a secret. */
function check(position: number): string {
  const canonical = `v1/changes/${position}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash = Math.imul(hash ^ canonical.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const base64Url = /^[A-Za-z0-9_-]+$/;

export function encodeChangeCursor(position: number): string {
  return btoa(JSON.stringify({ p: position, c: check(position) }))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

export const invalidCursor = (detail: string) =>
  new InvalidRequest([{ pointer: '/after', rule: 'cursor from a previous answer', detail }], 'query');

/** The position a cursor names; a cursor this service did not make is a 400. */
export function decodeChangeCursor(token: string): number {
  try {
    if (!base64Url.test(token)) throw new Error('not base64url');
    const payload = cursorPayload.parse(JSON.parse(atob(token.replaceAll('-', '+').replaceAll('_', '/'))));
    if (payload.c !== check(payload.p)) throw new Error('check failed');
    return payload.p;
  } catch {
    throw invalidCursor('the cursor is malformed; use the nextCursor of a previous answer, or none to start');
  }
}
