// Idempotency-Key support for writes: the first successful answer to a key is stored and
// replayed for every retry with the same body; the same key with another body is a 409.
// Keys are scoped to the token's name, so two clients cannot collide. KV has no
// compare-and-set, so this protects retries after an answer or a time-out, not two
// identical requests racing at the same instant.

import type { MiddlewareHandler } from 'hono';
import { Conflict, InvalidInput } from '../domain/errors.ts';
import type { AppEnv } from './app-env.ts';
import { sha256 } from './auth.ts';

// Letters, digits and . _ : - cover UUIDs, ULIDs and "upload-42"; nothing a log or a
// header could misread.
export const idempotencyKeyPattern = /^[A-Za-z0-9._:-]{1,255}$/;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function idempotent(): MiddlewareHandler<AppEnv> {
  return async function idempotentMiddleware(c, next) {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!idempotencyKeyPattern.test(key)) {
      throw new InvalidInput(
        [
          {
            pointer: '/Idempotency-Key',
            rule: '1-255 characters of A-Z, a-z, 0-9, ".", "_", ":" and "-"',
            detail: 'malformed Idempotency-Key',
          },
        ],
        'header',
      );
    }
    const store = c.get('store');
    const scopedKey = hex(await sha256(`${c.get('principal').name}\n${key}`));
    const requestHash = hex(await sha256(`${c.req.method} ${c.req.path}\n${await c.req.text()}`));
    const stored = await store.getStoredResponse(scopedKey);
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw new Conflict('this Idempotency-Key was already used with a different request');
      }
      return c.json(stored.body, stored.status as 201, {
        location: stored.location,
        'idempotent-replayed': 'true',
      });
    }
    await next();
    if (c.res.status >= 200 && c.res.status < 300) {
      await store.putStoredResponse(scopedKey, {
        requestHash,
        status: c.res.status,
        location: c.res.headers.get('location') ?? '',
        body: await c.res.clone().json(),
      });
    }
  };
}
