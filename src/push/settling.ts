// Between the change log and the receivers, nothing is lost. The change log keeps each change
// it handed to the push queue until the subscription registry has fanned it out and settled
// every delivery of it; the registry sends again, from its alarm, a delivery long overdue
// (src/push/delivery-ledger.ts). What is left is a change whose message never reached the
// registry: the scheduled repair finds it here and has the change log hand it again, with
// the same position and so the same webhook-ids.

import { writersOf } from '../writers/stubs.ts';
import { registryOf } from './registry.ts';
import { resendAfterMs } from './settings.ts';

/** How many handed changes one call asks about: a query binds at most 100 values. */
const askedAtOnce = 100;

/** Answers how many handed changes were settled, and how many were handed again. */
export async function settlePushes(env: Env, now: number): Promise<{ settled: number; handedAgain: number }> {
  const changeLog = writersOf(env).changeLog();
  const registry = registryOf(env);
  let settled = 0;
  let handedAgain = 0;
  for (let after = -1; ; ) {
    const handed = await changeLog.handed(after, askedAtOnce);
    const last = handed.at(-1);
    if (!last) break;
    after = last.position;
    const progress = await registry.progress(handed.map((h) => h.position));
    const fanned = new Set(progress.fanned);
    const lost = handed
      .filter((h) => !fanned.has(h.position) && h.at <= now - resendAfterMs(env))
      .map((h) => h.position);
    await changeLog.settleHanded(progress.settled, lost);
    settled += progress.settled.length;
    handedAgain += lost.length;
  }
  return { settled, handedAgain };
}
