// Change-log cursors (src/cursors/opaque.ts): the position of the next change and a
// check of it, so that a cursor typed by hand or cut short is refused (400), not taken for
// another position. The position counts changes from the start of the log, from 0; the page
// it falls in is the position divided by the page size, which is why the size is fixed
// within the "v1/changes/" layout.

import * as z from 'zod';
import { InvalidRequest } from '../problems.ts';
import { fingerprint, readCursor, writeCursor } from './opaque.ts';

const cursorPayload = z.strictObject({ p: z.int().min(0).max(Number.MAX_SAFE_INTEGER), c: z.string() });

/** What the check covers: the position in the log of /api/v1/changes. */
const check = (position: number) => fingerprint(`v1/changes/${position}`);

export function encodeChangeCursor(position: number): string {
  return writeCursor({ p: position, c: check(position) });
}

export const invalidCursor = (detail: string) =>
  new InvalidRequest([{ pointer: '/after', rule: 'cursor from a previous answer', detail }], 'query');

/** The position a cursor names; a cursor this service did not make is a 400. */
export function decodeChangeCursor(token: string): number {
  const payload = readCursor(token, cursorPayload);
  if (!payload || payload.c !== check(payload.p)) {
    throw invalidCursor('the cursor is malformed; use the nextCursor of a previous answer, or none to start');
  }
  return payload.p;
}
