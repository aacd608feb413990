// The scheduled repair, the safety net for anything the writers never heard of: a request
// that stopped after writing its facts and before handing them over, or a writer that lost
// its storage. It compares what the KV history index holds with what the derived documents
// show and tells the writers what they lack; it writes no derived document itself.
//
// 1. A place is told its newest index entries when it is marked stale, its value or any of
//    its entries is missing, or the newest reports its document shows (and their states)
//    differ from the index's.
// 2. The writer of all places is told the newest entries of all places and each place's
//    summary when any shared document or answer is missing or differs from them.
// 3. The change log is told the newest 1,000 entries of all places, every time: it checks them
//    against its own storage, with no KV read for what it holds, and adds what it lacks. Its
//    first call also takes in every report stored before it existed.
//
// It runs every minute, but looks at KV only when it has reason to: the change log took a
// change since its last full run (a writer heard of something, which may have left documents
// to check), a request marked a place stale (one KV read of the stale flag tells), a deploy
// changed the derived entries it expects (a new stored answer to have written), or a day has
// passed. A minute with nothing new lists nothing. What no writer and no mark knows (a
// request whose hand-over and stale mark both failed) waits for the next change or the day.

import {
  headSize,
  type PlaceDocument,
  type PlacesDocument,
  type RecentDocument,
  summarizePlace,
} from '../domain/documents.ts';
import type { HistoryScope } from '../domain/history.ts';
import { pageLanguages } from '../domain/languages.ts';
import type { PlaceSummary, ReportSummary } from '../domain/model.ts';
import { compareNewestFirst } from '../domain/status.ts';
import { feedFormatNames } from '../render/feed-formats.ts';
import { placeListFileNames } from '../render/place-list-files.ts';
import { derivedEntriesOf, placeDocumentKey, placesDocumentKey, recentDocumentKey } from '../store/keys.ts';
import type { HistoryListing, StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';

export interface RepairOutcome {
  /** False when nothing was told of a change since the last full run: KV was not listed. */
  ran: boolean;
  checked: number;
  /** Places whose writer was told what it lacked; "all places" for the shared documents. */
  repaired: string[];
}

const allPlaces = 'all places';
const changeLog = 'change log';

function fingerprint(summaries: readonly (ReportSummary | undefined)[]): string {
  return summaries.map((s) => `${s?.id}:${s?.state}:${s?.supersededBy ?? ''}`).join();
}

const summariesOf = (listing: HistoryListing) =>
  listing.entries.flatMap((e) => (e.summary ? [e.summary] : []));

interface PlaceState {
  slug: string;
  doc: PlaceDocument | undefined;
}

function sharedDiffer(
  recentHead: readonly ReportSummary[] | undefined,
  listed: PlaceSummary[] | undefined,
  newestOfAll: readonly ReportSummary[],
  places: readonly PlaceState[],
): boolean {
  if (!recentHead || !listed) return true;
  if (fingerprint(recentHead) !== fingerprint(newestOfAll)) return true;
  const bySlug = new Map(listed.map((p) => [p.slug, JSON.stringify(p)]));
  return places.some(({ slug, doc }) => doc && bySlug.get(slug) !== JSON.stringify(summarizePlace(doc)));
}

const derivedEntriesIn = (scope: HistoryScope) =>
  derivedEntriesOf(scope, {
    feedFormats: feedFormatNames,
    placeListFiles: placeListFileNames,
    pageLanguages,
  });

/** The derived entries this code expects, with a stand-in place: they change with a deploy only. */
const expectedKeys = () =>
  [...derivedEntriesIn({ kind: 'all' }), ...derivedEntriesIn({ kind: 'place', slug: '-' })].join();

/**
 * The repair, run in full only when, since its last full run, the change log took a change, a
 * request marked a place stale or a deploy changed the keys it expects, or that run is a day
 * old: a minute with nothing new costs one KV read and a call to the change log, and no list.
 * `now`: the schedule's time.
 */
export async function repairDocuments(
  store: StatusStore,
  writers: Writers,
  now: number,
): Promise<RepairOutcome> {
  const stale = await store.staleFlag();
  const { due, seen } = await writers.changeLog().repairDue({ stale, expected: expectedKeys() }, now);
  if (!due) return { ran: false, checked: 0, repaired: [] };
  const outcome = await repairInFull(store, writers);
  await writers.changeLog().repaired(seen);
  return outcome;
}

async function repairInFull(store: StatusStore, writers: Writers): Promise<RepairOutcome> {
  const [slugs, marked, all] = await Promise.all([
    store.placeSlugs(),
    store.staleSlugs(),
    store.listHistory(),
  ]);
  // Each scope's value is read once: the entries it lacks (or holds damaged), and its documents.
  const lacksAny = (scope: HistoryScope, held: Map<string, string>) =>
    derivedEntriesIn(scope).some((name) => !held.has(name));
  const documentIn = <T>(held: Map<string, string>, name: string) => {
    const text = held.get(name);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  };
  const places = await Promise.all(
    slugs.map(async (slug) => {
      const scope = { kind: 'place', slug } as const;
      const held = await store.readScope(scope);
      return {
        slug,
        doc: documentIn<PlaceDocument>(held, placeDocumentKey(slug)),
        lacks: lacksAny(scope, held),
      };
    }),
  );
  // Only the newest 1,000 reports of all places are listed: what a document shows of reports
  // older than those is not compared.
  const oldestListed = all.cursor ? (all.entries.at(-1)?.id ?? '') : '';
  const listed = summariesOf(all);
  const newest = (slug: string) =>
    listed
      .filter((s) => s.place === slug)
      .sort(compareNewestFirst)
      .slice(0, headSize);
  const shown = (doc: PlaceDocument) => doc.head.filter((s) => s.id >= oldestListed);
  const stale = places.filter(
    ({ slug, doc, lacks }) =>
      marked.includes(slug) || !doc || lacks || fingerprint(shown(doc)) !== fingerprint(newest(slug)),
  );
  for (const { slug } of stale) await writers.place(slug).reconcile(slug, newest(slug));
  const allScope = { kind: 'all' } as const;
  const shared = await store.readScope(allScope);
  const recent = documentIn<RecentDocument>(shared, recentDocumentKey);
  const listedPlaces = documentIn<PlacesDocument>(shared, placesDocumentKey);
  const repaired = stale.map((p) => p.slug);
  const newestOfAll = [...listed].sort(compareNewestFirst).slice(0, headSize);
  if (lacksAny(allScope, shared) || sharedDiffer(recent?.head, listedPlaces?.places, newestOfAll, places)) {
    const summaries = places.flatMap(({ doc }) => (doc ? [summarizePlace(doc)] : []));
    await writers.allPlaces().reconcile(newestOfAll, summaries);
    repaired.push(allPlaces);
  }
  await Promise.all(marked.map((slug) => store.clearStale(slug)));
  if ((await writers.changeLog().reconcile(listed)) > 0) repaired.push(changeLog);
  return { ran: true, checked: slugs.length, repaired };
}

/** Every writer reloads from the facts in KV: after a bulk load of facts. */
export async function reloadWriters(store: StatusStore, writers: Writers): Promise<void> {
  for (const slug of await store.placeSlugs()) await writers.place(slug).resync(slug);
  await writers.allPlaces().resync();
}
