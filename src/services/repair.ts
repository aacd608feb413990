// The scheduled repair: derives again every document that may be stale, so that after a
// crash, a lost write or a failed derivation the outputs are complete within one run.
// A place is stale when a request marked it so, when its document is missing, or when the
// newest reports its document shows, or their states, differ from the newest in its
// history index: two writes that raced on the document can drop one of them from it (never
// from the facts), and a paced flush lost with its isolate leaves a report or a
// retraction indexed but not yet shown.

import { headSize } from '../domain/documents.ts';
import type { ReportSummary } from '../domain/model.ts';
import type { StatusStore } from '../store/status-store.ts';
import { rebuildPlaces } from './derive.ts';

export interface RepairOutcome {
  checked: number;
  rebuilt: string[];
}

function fingerprint(id: string, summary: ReportSummary | undefined): string {
  return `${id}:${summary?.state}:${summary?.supersededBy ?? ''}`;
}

async function isStale(store: StatusStore, slug: string, marked: ReadonlySet<string>): Promise<boolean> {
  if (marked.has(slug)) return true;
  const [doc, listing] = await Promise.all([
    store.getPlaceDocument(slug),
    store.listHistory({ kind: 'place', slug }),
  ]);
  const newest = listing.entries.slice(0, headSize).map(({ id, summary }) => fingerprint(id, summary));
  return !doc || doc.head.map((s) => fingerprint(s.id, s)).join() !== newest.join();
}

export async function repairStaleDocuments(store: StatusStore): Promise<RepairOutcome> {
  const [slugs, marked] = await Promise.all([store.placeSlugs(), store.staleSlugs()]);
  const markedSet = new Set(marked);
  const stale = (
    await Promise.all(slugs.map(async (slug) => ((await isStale(store, slug, markedSet)) ? slug : undefined)))
  ).filter((slug): slug is string => slug !== undefined);
  if (stale.length === 0) return { checked: slugs.length, rebuilt: [] };
  await rebuildPlaces(store, stale);
  await Promise.all(marked.map((slug) => store.clearStale(slug)));
  return { checked: slugs.length, rebuilt: stale };
}
