// The facts a correction or a retraction (or the withdrawal of a chain) writes to KV, in the
// order that keeps every crash harmless: the chain entries that let other places find a
// correction filed elsewhere, then the correction's report with its index entry, which
// makes it visible (a retraction first, then the index entries of what it withdraws), then
// the changed states of the reports it supersedes or restores. Every write is idempotent,
// so a moderation whose writer stopped part-way is simply written again from its recorded
// intent.

import { summarizeReport, withFate } from '../domain/status.ts';
import { chainRetractions } from '../domain/withdrawal.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Moderation } from './messages.ts';

/** @param chainPlaces the places, other than its own, whose chains a correction continues */
export async function writeModerationFacts(
  store: StatusStore,
  moderation: Moderation,
  chainPlaces: readonly string[],
): Promise<void> {
  if (moderation.kind === 'correction') {
    const { correction, original, publishedBy } = moderation;
    await Promise.all(chainPlaces.map((slug) => store.putChainEntry(slug, correction.id)));
    await store.putReport(correction, summarizeReport(correction, { state: 'active' }), publishedBy);
    await store.putHistoryEntry(withFate(original, { state: 'superseded', supersededBy: correction.id }));
    return;
  }
  if (moderation.withdrawn) {
    // A chain withdrawn in one step: every retraction first, then every index entry; the
    // writer writes them all again from its intent until every one is written.
    const { withdrawn } = moderation;
    const records = chainRetractions(
      moderation.retraction,
      withdrawn.map((version) => version.id),
    );
    for (const record of records) await store.putRetraction(record, moderation.publishedBy);
    for (const version of withdrawn) await store.putHistoryEntry(withFate(version, { state: 'retracted' }));
    return;
  }
  await store.putRetraction(moderation.retraction, moderation.publishedBy);
  await store.putHistoryEntry(withFate(moderation.original, { state: 'retracted' }));
  if (moderation.restored) {
    const restoredFrom = moderation.original.id;
    await store.putHistoryEntry(withFate(moderation.restored, { state: 'active', restoredFrom }));
  }
}
