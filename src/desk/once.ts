// Publishing from the desk once per content: the same reports sent again (a form submitted
// twice, a file imported twice) store nothing the second time, unless what the first time
// published was withdrawn since: then they are published anew. The content's digest is an
// Idempotency-Key of its own, decided by its keeper (src/writers/idempotency-keeper.ts): a
// repeat gets the first run's answer, and a retry of a run that stopped part-way writes the
// very same reports under the same keys.

import { sha256 } from '../digest.ts';
import { hex } from '../encoding.ts';
import { Conflict, Problem } from '../problems.ts';
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

/**
 * How often the same content may be published anew after what it published was withdrawn:
 * each time costs one more call to a keeper, and a person does not withdraw and write the
 * same report back more often than this.
 */
const republicationsAtMost = 20;

/**
 * Runs `publish` unless `content` was published before and what that run published still
 * `stands` (a report not withdrawn since); `value` must survive JSON. Content whose earlier
 * run was withdrawn is published anew, under a key that names the withdrawn run: so the same
 * form sent twice after that still publishes once.
 */
export async function once<T>(
  writers: Writers,
  content: string,
  publish: (clock: Clock) => Promise<T>,
  stands: (value: T) => Promise<boolean>,
): Promise<Once<T>> {
  let key = content;
  for (let run = 0; run <= republicationsAtMost; run++) {
    const outcome = await onceUnder(writers, key, publish);
    if (!outcome.repeat || (await stands(outcome.value))) return outcome;
    key = `${content}\nafter the withdrawn ${JSON.stringify(outcome.value)}`;
  }
  throw new Conflict(
    `the same content was published and withdrawn ${republicationsAtMost + 1} times; change something in it to publish it again`,
  );
}

async function onceUnder<T>(
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
