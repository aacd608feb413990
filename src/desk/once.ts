// Publishing from the desk once per content: the same reports sent again (a form submitted
// twice, a file imported twice) store nothing the second time. The content's digest is an
// Idempotency-Key of its own, decided by its keeper (src/writers/idempotency-keeper.ts): a
// repeat gets the first run's answer, and a retry of a run that stopped part-way writes the
// very same reports under the same keys.

import { sha256 } from '../digest.ts';
import { hex } from '../encoding.ts';
import { Problem } from '../problems.ts';
import { type Clock, ticketClock } from '../services/clock.ts';
import type { Writers } from '../writers/stubs.ts';

export type Once<T> =
  | { repeat: false; value: T }
  /** `content` was published before, at `at`: this is what that run answered. */
  | { repeat: true; value: T; at: string };

interface Answer<T> {
  value: T;
  at: string;
}

/** Runs `publish` unless `content` was published before; `value` must survive JSON. */
export async function once<T>(
  writers: Writers,
  content: string,
  publish: (clock: Clock) => Promise<T>,
): Promise<Once<T>> {
  const digest = hex(await sha256(content));
  const keeper = writers.keeper(digest);
  const decision = await keeper.begin(digest, digest);
  if (decision.kind === 'replay') {
    const answer = JSON.parse(decision.answer.body) as Answer<T>;
    return { repeat: true, ...answer };
  }
  if (decision.kind === 'conflict') throw new Error('a content digest named another request');
  const clock = ticketClock(decision.ticket, decision.kind === 'resume');
  try {
    const value = await publish(clock);
    const answer: Answer<T> = { value, at: clock.now.toISOString() };
    await keeper.complete(digest, { status: 201, location: '', body: JSON.stringify(answer) });
    return { repeat: false, value };
  } catch (error) {
    // Refused before anything was stored: the same content may be sent again.
    if (error instanceof Problem && error.kind.status < 500) await keeper.release(digest);
    throw error;
  }
}
