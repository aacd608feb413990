// How soon the writers' values showed each report after its 201, read from the writes
// themselves (faultyKv with keepValues): the time of a write is when KV took it, so nothing
// polls, and a test isolate busy with its own clients does not make the figures late.

import { headSize, type PlaceDocument, type RecentDocument } from '../../src/domain/documents.ts';
import {
  placeDocumentKey,
  placesDocumentKey,
  recentDocumentKey,
  scopeValueKey,
} from '../../src/store/keys.ts';
import { decodeScopeHeader, entriesOf } from '../../src/store/scope-value.ts';
import { present } from './builders.ts';
import type { KvWrite } from './faulty-kv.ts';

/** A report as its client saw it answered. */
export interface Answered {
  id: string;
  place: string;
  /** The how-manieth report of its place to be answered. */
  rank: number;
  /** When its 201 came back. */
  at: number;
}

/** An entry of a scope's value as a writer wrote it, parsed. */
async function entryWritten<T>(write: KvWrite, name: string): Promise<T> {
  const value = write.value as Uint8Array<ArrayBuffer>;
  const { version } = present(write.options?.metadata as { version: string } | undefined, 'metadata');
  const header = present(await decodeScopeHeader(value, version), `the header of ${write.key}`);
  const bytes = await entriesOf(header, async () => value)
    .get(name)
    ?.bytes();
  return JSON.parse(new TextDecoder().decode(present(bytes, name))) as T;
}

/** The nearest-rank percentile `p` of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * When each report was first shown: a place's value shows the k-th report of the place
 * answered once its document counts k; the value of all places shows a report once its list
 * of places counts as far and its newest reports hold it, or hold only newer ones (they went
 * past it).
 */
async function shownAt(answered: readonly Answered[], writes: readonly KvWrite[]) {
  const inOrder = (key: string) => writes.filter((w) => w.key === key).sort((a, b) => a.at - b.at);
  const byPlace = new Map<string, number>();
  const byAll = new Map<string, number>();
  for (const slug of new Set(answered.map((r) => r.place))) {
    for (const write of inOrder(scopeValueKey({ kind: 'place', slug }))) {
      const { reportCount } = await entryWritten<PlaceDocument>(write, placeDocumentKey(slug));
      for (const r of answered) {
        if (r.place === slug && r.rank <= reportCount && !byPlace.has(r.id)) byPlace.set(r.id, write.at);
      }
    }
  }
  for (const write of inOrder(scopeValueKey({ kind: 'all' }))) {
    const { head } = await entryWritten<RecentDocument>(write, recentDocumentKey);
    const listed = await entryWritten<{ places: { slug: string; reportCount: number }[] }>(
      write,
      placesDocumentKey,
    );
    const counted = new Map(listed.places.map((p) => [p.slug, p.reportCount]));
    const held = new Set(head.map((summary) => summary.id));
    const oldest = head.length === headSize ? (head.at(-1)?.id ?? '') : '';
    for (const r of answered) {
      const inHead = held.has(r.id) || r.id < oldest;
      if (inHead && r.rank <= (counted.get(r.place) ?? 0) && !byAll.has(r.id)) byAll.set(r.id, write.at);
    }
  }
  return { byPlace, byAll };
}

/**
 * How long after its 201 each report was shown by its place's value and by the value of all
 * places: the 95th percentile and the longest, in milliseconds (never shown counts as endless).
 */
export async function shownAfter(answered: readonly Answered[], writes: readonly KvWrite[]) {
  const { byPlace, byAll } = await shownAt(answered, writes);
  const summary = (shown: Map<string, number>) => {
    const delays = answered.map((r) => (shown.get(r.id) ?? Number.POSITIVE_INFINITY) - r.at);
    return { p95: percentile(delays, 95), max: Math.max(...delays) };
  };
  return { place: summary(byPlace), allPlaces: summary(byAll) };
}
