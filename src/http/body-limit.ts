// A write's body is limited before it is read: Hono's bodyLimit, refused as the
// payload-too-large problem. Writes take 64 KiB; a route that needs more says how much.

import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PayloadTooLarge } from '../problems.ts';

/** What a write's body may take: a report, a batch of them, a desk form. */
export const writeBodyBytes = 64 * 1024;

/**
 * The most a request to the desk carries: an import's form, with its spreadsheet of up to
 * 1 MiB (src/desk/session.ts). The public Worker reads no more of one before handing it on.
 */
export const deskRequestBytes = 2 * 1024 * 1024;

export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new PayloadTooLarge(maxSize);
    },
  });
}
