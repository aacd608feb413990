// Opaque cursors, the tokens a client sends back to ask for the next page: a JSON payload of
// a position and a fingerprint of what the cursor was made for, in base64url. The fingerprint
// is a check, not a secret: it turns a cursor replayed elsewhere, typed by hand or cut short
// into a refusal instead of a wrong page. What a cursor is made for is named as the API names
// it, never by storage keys, so that a new key layout leaves the cursors clients hold valid.

import type { z } from 'zod';
import { fnv1a32 } from '../digest.ts';
import { textFromBase64Url, textToBase64Url } from '../encoding.ts';

/** The fingerprint of a canonical text of what a cursor was made for. */
export const fingerprint = (madeFor: string) => fnv1a32(madeFor).toString(36);

/** A cursor carrying `payload`, its fingerprint included. */
export const writeCursor = (payload: object) => textToBase64Url(JSON.stringify(payload));

/** The payload of a cursor of this shape; none when the token is not one. */
export function readCursor<Shape extends z.ZodType>(
  token: string,
  shape: Shape,
): z.output<Shape> | undefined {
  try {
    return shape.parse(JSON.parse(textFromBase64Url(token)));
  } catch {
    return undefined;
  }
}
