// Idempotency-Key support for writes. Whether a key is new is decided by the key's own
// Durable Object (src/writers/idempotency-keeper.ts), so two requests with one key never
// both count as first: the first answer is stored and replayed for every retry with the
// same body, and the same key with another body is a 409. The request runs on the key's
// ticket, so a retry of a request that stopped part-way writes the very same reports
// again instead of new ones. Keys are scoped to the token's name: clients cannot collide.

import type { MiddlewareHandler } from 'hono';
import { sha256 } from '../digest.ts';
import { hex } from '../encoding.ts';
import { Conflict, InvalidRequest } from '../problems.ts';
import { ticketClock } from '../services/clock.ts';
import type { AppEnv } from './app-env.ts';

// Letters, digits and . _ : - cover UUIDs, ULIDs and "upload-42"; nothing a log or a
// header could misread.
export const idempotencyKeyPattern = /^[A-Za-z0-9._:-]{1,255}$/;

const replayed = { 'idempotent-replayed': 'true' } as const;

export function idempotent(): MiddlewareHandler<AppEnv> {
  return async function idempotentMiddleware(c, next) {
    const key = c.req.header('idempotency-key');
    // A dry run stores nothing, so it neither uses a key up nor replays one.
    if (key === undefined || c.req.query('dryRun') === 'true') return next();
    if (!idempotencyKeyPattern.test(key)) {
      throw new InvalidRequest(
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
    const scopedKey = hex(await sha256(`${c.get('principal').name}\n${key}`));
    const requestHash = hex(await sha256(`${c.req.method} ${c.req.path}\n${await c.req.text()}`));
    const keeper = c.get('writers').keeper(scopedKey);
    const decision = await keeper.begin(scopedKey, requestHash);
    if (decision.kind === 'conflict') {
      throw new Conflict('this Idempotency-Key was already used with a different request');
    }
    if (decision.kind === 'replay') {
      const { answer } = decision;
      return c.body(answer.body, answer.status as 201, {
        'content-type': 'application/json',
        location: answer.location,
        ...replayed,
      });
    }
    c.set('clock', ticketClock(decision.ticket, decision.kind === 'resume'));
    try {
      await next();
    } finally {
      const { status } = c.res;
      if (status >= 200 && status < 300) {
        await keeper.complete(requestHash, {
          status,
          location: c.res.headers.get('location') ?? '',
          body: await c.res.clone().text(),
        });
        if (decision.kind === 'resume')
          for (const [name, value] of Object.entries(replayed)) c.header(name, value);
      } else if (status >= 400 && status < 500) {
        // Refused before anything was stored: the key may be used again, with another body.
        await keeper.release(requestHash);
      }
    }
  };
}
