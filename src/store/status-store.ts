// The one module that touches the KV binding. Every read is a `get(key, 'json')` followed
// by a schema check, so a damaged or foreign value is treated as absent, never trusted.

import { z } from 'zod';
import { sha256Hex } from '../digest.ts';
import { type ChangePageDocument, changePageDocument } from '../domain/changes.ts';
import {
  type PlaceDocument,
  type PlacesDocument,
  placeDocument,
  placesDocument,
  type RecentDocument,
  recentDocument,
} from '../domain/documents.ts';
import { type FeedDocument, feedDocument } from '../domain/feed.ts';
import {
  type Place,
  place,
  type Report,
  type ReportSummary,
  type Retraction,
  report,
  retraction,
} from '../domain/model.ts';
import { StorageUnavailable } from '../problems.ts';
import {
  chainKey,
  chainPrefix,
  changePageKey,
  feedDocumentKey,
  type HistoryScope,
  historyKey,
  historyPrefix,
  idempotencyKey,
  placeDocumentKey,
  placeKey,
  placePrefix,
  placesDocumentKey,
  recentDocumentKey,
  reportIdOfHistoryKey,
  reportKey,
  retractionKey,
  retractionPrefix,
  staleKey,
  stalePrefix,
} from './keys.ts';
import { type RetryPolicy, retryingKv } from './retrying-kv.ts';
import { decodeSummary, encodeSummary } from './summary-metadata.ts';

/** KV returns at most 1,000 keys per list call. */
export const listPageSize = 1000;

export interface HistoryListing {
  entries: { id: string; summary: ReportSummary | undefined }[];
  /** KV's cursor for the next list call; undefined when this was the last one. */
  cursor: string | undefined;
}

const storedResponse = z.strictObject({
  requestHash: z.string(),
  status: z.int(),
  location: z.string(),
  body: z.unknown(),
});
export type StoredResponse = z.infer<typeof storedResponse>;

const feedMetadata = z.strictObject({ version: z.string(), updated: z.string().nullable() });
export type FeedVersion = z.infer<typeof feedMetadata>;

/** A feed document opened for reading: its version is known before its body is read. */
export interface OpenedFeedDocument extends FeedVersion {
  read(): Promise<FeedDocument | undefined>;
  /** Releases the body unread: a 304 or a cached rendering never parses the document. */
  discard(): Promise<void>;
}

/** A feed document's version: a hash of its content, and the time of its newest change. */
export async function feedVersionOf(doc: FeedDocument): Promise<FeedVersion> {
  return { version: (await sha256Hex(JSON.stringify(doc))).slice(0, 20), updated: doc.updated };
}

// Last good derived documents, per isolate: what reads fall back to when KV fails.
const lastGoodDocuments = new Map<string, unknown>();
const lastGoodFeeds = new Map<string, { version: FeedVersion; doc: FeedDocument }>();

export class StatusStore {
  private readonly kv: KVNamespace;

  constructor(binding: KVNamespace, retryPolicy?: RetryPolicy) {
    this.kv = retryingKv(binding, retryPolicy);
  }

  private async read<T extends z.ZodType>(key: string, schema: T): Promise<z.infer<T> | undefined> {
    const value = await this.kv.get(key, 'json');
    if (value === null) return undefined;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Reads a derived document; when storage fails even after retries, answers the last good
   * copy this isolate read, so reads degrade to slightly stale instead of failing.
   */
  private async readDerived<T extends z.ZodType>(key: string, schema: T): Promise<z.infer<T> | undefined> {
    try {
      const value = await this.read(key, schema);
      if (value !== undefined) lastGoodDocuments.set(key, value);
      return value;
    } catch (error) {
      if (error instanceof StorageUnavailable && lastGoodDocuments.has(key)) {
        return lastGoodDocuments.get(key) as z.infer<T>;
      }
      throw error;
    }
  }

  private write(key: string, value: unknown): Promise<void> {
    return this.kv.put(key, JSON.stringify(value));
  }

  // -- facts: written once, never overwritten ---------------------------------------------

  getReport(id: string): Promise<Report | undefined> {
    return this.read(reportKey(id), report);
  }

  putReport(value: Report): Promise<void> {
    return this.write(reportKey(value.id), value);
  }

  getRetraction(reportId: string): Promise<Retraction | undefined> {
    return this.read(retractionKey(reportId), retraction);
  }

  putRetraction(value: Retraction): Promise<void> {
    return this.write(retractionKey(value.report), value);
  }

  /** Ids of every retracted report: one list call per 1,000 retractions, for rebuilds. */
  async retractedIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.kv.list({ prefix: retractionPrefix, ...(cursor ? { cursor } : {}) });
      for (const key of page.keys) ids.add(key.name.slice(retractionPrefix.length));
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    return ids;
  }

  /** Places are the one mutable fact: an admin may rename or relocate a place. */
  getPlace(slug: string): Promise<Place | undefined> {
    return this.read(placeKey(slug), place);
  }

  putPlace(value: Place): Promise<void> {
    return this.write(placeKey(value.slug), value);
  }

  async placeSlugs(): Promise<string[]> {
    const slugs: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.kv.list({ prefix: placePrefix, ...(cursor ? { cursor } : {}) });
      for (const key of page.keys) slugs.push(key.name.slice(placePrefix.length));
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    return slugs;
  }

  // -- history index: one key per report and scope, the summary in its metadata ----------

  async putHistoryEntry(summary: ReportSummary): Promise<void> {
    const metadata = encodeSummary(summary);
    await Promise.all(
      [{ kind: 'all' } as const, { kind: 'place', slug: summary.place } as const].map((scope) =>
        this.kv.put(historyKey(scope, summary.id), '', { metadata }),
      ),
    );
  }

  /** The summary of one report as the index holds it, fate included. */
  async getHistoryEntry(id: string): Promise<ReportSummary | undefined> {
    const { metadata } = await this.kv.getWithMetadata(historyKey({ kind: 'all' }, id));
    return decodeSummary(metadata);
  }

  /** Takes back the index entries of reports whose acceptance failed, so none is visible. */
  async deleteHistoryEntries(summaries: readonly ReportSummary[]): Promise<void> {
    await Promise.all(
      summaries.flatMap((s) => [
        this.kv.delete(historyKey({ kind: 'all' }, s.id)),
        this.kv.delete(historyKey({ kind: 'place', slug: s.place }, s.id)),
      ]),
    );
  }

  /** One KV list call over a scope's history, newest first. */
  async listHistory(scope: HistoryScope, cursor?: string): Promise<HistoryListing> {
    const page = await this.kv.list({
      prefix: historyPrefix(scope),
      limit: listPageSize,
      ...(cursor ? { cursor } : {}),
    });
    return {
      entries: page.keys.map((key) => ({
        id: reportIdOfHistoryKey(key.name),
        summary: decodeSummary(key.metadata),
      })),
      cursor: page.list_complete ? undefined : page.cursor,
    };
  }

  /** Every entry of a scope's history, for rebuilds: one list call per 1,000 reports. */
  async wholeHistory(scope: HistoryScope): Promise<HistoryListing['entries']> {
    const entries: HistoryListing['entries'] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listHistory(scope, cursor);
      entries.push(...page.entries);
      cursor = page.cursor;
    } while (cursor);
    return entries;
  }

  /** Records that correction `reportId` continues a chain of reports of place `slug`. */
  putChainEntry(slug: string, reportId: string): Promise<void> {
    return this.kv.put(chainKey(slug, reportId), '');
  }

  /** Ids of the corrections filed elsewhere that continue chains of the place's reports. */
  async chainedCorrections(slug: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.kv.list({ prefix: chainPrefix(slug), ...(cursor ? { cursor } : {}) });
      for (const key of page.keys) ids.push(reportIdOfHistoryKey(key.name));
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    return ids;
  }

  // -- derived documents: rebuilt from the facts, each served by one read -----------------

  getPlaceDocument(slug: string): Promise<PlaceDocument | undefined> {
    return this.readDerived(placeDocumentKey(slug), placeDocument);
  }

  putPlaceDocument(doc: PlaceDocument): Promise<void> {
    return this.write(placeDocumentKey(doc.place.slug), doc);
  }

  getPlacesDocument(): Promise<PlacesDocument | undefined> {
    return this.readDerived(placesDocumentKey, placesDocument);
  }

  putPlacesDocument(doc: PlacesDocument): Promise<void> {
    return this.write(placesDocumentKey, doc);
  }

  getRecentDocument(): Promise<RecentDocument | undefined> {
    return this.readDerived(recentDocumentKey, recentDocument);
  }

  putRecentDocument(doc: RecentDocument): Promise<void> {
    return this.write(recentDocumentKey, doc);
  }

  /** Stores a feed document with its version (a hash of its content) in the key's metadata. */
  async putFeedDocument(scope: HistoryScope, doc: FeedDocument): Promise<FeedVersion> {
    const metadata = await feedVersionOf(doc);
    await this.kv.put(feedDocumentKey(scope), JSON.stringify(doc), { metadata });
    return metadata;
  }

  /** One KV read: the version from the metadata at once, the body only when asked for. */
  async openFeedDocument(scope: HistoryScope): Promise<OpenedFeedDocument | undefined> {
    const key = feedDocumentKey(scope);
    let answer: KVNamespaceGetWithMetadataResult<ReadableStream, unknown>;
    try {
      answer = await this.kv.getWithMetadata(key, { type: 'stream' });
    } catch (error) {
      const lastGood = lastGoodFeeds.get(key);
      if (!(error instanceof StorageUnavailable) || !lastGood) throw error;
      return { ...lastGood.version, read: async () => lastGood.doc, discard: async () => {} };
    }
    const { value, metadata } = answer;
    const version = feedMetadata.safeParse(metadata);
    if (value === null) return undefined;
    if (!version.success) {
      await value.cancel();
      return undefined;
    }
    return {
      ...version.data,
      read: async () => {
        try {
          const parsed = feedDocument.safeParse(JSON.parse(await new Response(value).text()));
          if (parsed.success) lastGoodFeeds.set(key, { version: version.data, doc: parsed.data });
          return parsed.success ? parsed.data : undefined;
        } catch {
          return undefined;
        }
      },
      discard: () => value.cancel(),
    };
  }

  // -- the change log: numbered pages, written only by the change log ---------------------

  getChangePage(page: number): Promise<ChangePageDocument | undefined> {
    return this.readDerived(changePageKey(page), changePageDocument);
  }

  putChangePage(doc: ChangePageDocument): Promise<void> {
    return this.write(changePageKey(doc.page), doc);
  }

  // -- repair markers --------------------------------------------------------------------

  markStale(slug: string): Promise<void> {
    return this.kv.put(staleKey(slug), '');
  }

  async staleSlugs(): Promise<string[]> {
    const page = await this.kv.list({ prefix: stalePrefix });
    return page.keys.map((k) => k.name.slice(stalePrefix.length));
  }

  clearStale(slug: string): Promise<void> {
    return this.kv.delete(staleKey(slug));
  }

  // -- idempotency records ------------------------------------------------------------------

  /** An answer recorded for an Idempotency-Key before the keeper objects held them: read only. */
  getStoredResponse(scopedKeyHash: string): Promise<StoredResponse | undefined> {
    return this.read(idempotencyKey(scopedKeyHash), storedResponse);
  }
}
