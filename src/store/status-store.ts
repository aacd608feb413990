// The one module that touches the KV binding. A damaged or foreign value is treated as
// absent, never trusted. Facts are checked against their schema on every read. Derived
// values (documents and stored answers, written only by the writers, a scope's as the
// entries of one value) are checked against their schema once, when written, and sealed:
// the key's metadata carries the layout they were written in (and a scope's value the
// version of its header, which holds each entry's SHA-256), and a read that finds another
// layout or other bytes treats the value as absent. So a read of a derived value costs a
// digest of the bytes it serves, not a schema pass over all of it.

import * as z from 'zod';
import { etagOfDigest, sha256Hex } from '../digest.ts';
import { type ChangePageDocument, changePageDocument } from '../domain/changes.ts';
import type { PlaceDocument, PlacesDocument, RecentDocument } from '../domain/documents.ts';
import { type FeedDocument, feedDocument } from '../domain/feed.ts';
import type { HistoryScope } from '../domain/history.ts';
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
import { fillStoredTemplate, fillTemplate, storedTemplate } from '../render/origin-template.ts';
import {
  type AnswerKey,
  answerKey,
  chainKey,
  chainPrefix,
  changePageKey,
  feedDocumentKey,
  firstPageKey,
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
  scopeOfAnswer,
  scopeValueKey,
  staleFlagKey,
  staleKey,
  stalePrefix,
  subscriptionKey,
  subscriptionPrefix,
} from './keys.ts';
import { type RetryPolicy, retryingKv } from './retrying-kv.ts';
import {
  decodeScopeHeader,
  type EncodedScope,
  entriesOf,
  type ScopeEntry,
  type ScopeHeader,
  type StoredEntry,
} from './scope-value.ts';
import { decodeSummary, encodeSummary } from './summary-metadata.ts';

/**
 * Who published a retraction (or a report stored before reports carried it beside them): the
 * principal's name, in the metadata of the fact's key and never in the fact itself, so that
 * the fact's bytes, from which every public output is made, are what they would be without it.
 */
const publisherMetadata = z.object({ publishedBy: z.string().min(1) });

/** A fact and who published it, when that was recorded (facts stored before it was have none). */
export interface WithPublisher<T> {
  value: T;
  publishedBy?: string;
}

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

/**
 * The layout of every derived value. Raised whenever the shape of one changes, or what a
 * stored answer holds for the same documents (4: RSS and OPML text escaped as HTML), so that
 * a deploy treats values written before as absent and their writers write them anew: a place
 * that never changes would otherwise serve the old rendering for good.
 */
export const derivedLayout = 4;

/** A value sealed alone (a page of the change log): the layout and the SHA-256 of its bytes. */
const documentSeal = z.strictObject({
  layout: z.literal(derivedLayout),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
/** A scope's value seals each entry in its header; its metadata names the layout and the header's version. */
const scopeSeal = z.strictObject({ layout: z.literal(derivedLayout), version: z.string() });
const feedAbout = z.strictObject({ version: z.string(), updated: z.string().nullable() });
const answerAbout = z.strictObject({
  etag: z.string(),
  updated: z.string().nullable(),
  split: z.boolean(),
  until: z.iso.datetime().nullable().optional(),
});

const allScope: HistoryScope = { kind: 'all' };

const parsedJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** A report's value under its index entry. */
const storedReport = z.strictObject({ report, publishedBy: z.string().min(1).optional() });

/** A stored answer's value: its parts, as the writer rendered them. */
const storedAnswerParts = z.array(z.string()).min(1);

export interface FeedVersion {
  version: string;
  updated: string | null;
}

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

/** A derived document as an entry of its scope, after the full schema check its reads then skip. */
export function documentEntry<T extends z.ZodType>(schema: T, value: z.input<T>): ScopeEntry {
  return { text: JSON.stringify(schema.parse(value)), about: {} };
}

/** A feed document as an entry of its scope, with its version (a hash of its content). */
export async function feedDocumentEntry(doc: FeedDocument): Promise<ScopeEntry> {
  return { ...documentEntry(feedDocument, doc), about: { ...(await feedVersionOf(doc)) } };
}

/**
 * An answer rendered by a writer as an entry of its scope, with its ETag and last change.
 * Its parts are stored as its text with a NUL where the origin goes, so that the stored
 * bytes are the answer's (no renderer writes a NUL: XML cannot carry one, JSON escapes it),
 * or, should a part hold one after all, as a JSON array.
 */
export function answerEntry(answer: StoredAnswer): ScopeEntry {
  const parts = storedAnswerParts.parse(answer.parts);
  const template = storedTemplate(parts);
  return {
    text: template ?? JSON.stringify(parts),
    about: {
      etag: answer.etag,
      updated: answer.updated,
      split: template !== undefined,
      ...(answer.until === undefined ? {} : { until: answer.until }),
    },
  };
}

/**
 * An answer the writer rendered once, to be served as stored: its ETag and last change, and
 * its text in parts, between which a reader puts its own origin (the parts of an answer with
 * no absolute link are one).
 */
export interface StoredAnswer {
  etag: string;
  updated: string | null;
  parts: string[];
  /** When it stops being the answer (a page's figure goes stale): it is not served from then. */
  until?: string | null;
}

/** A stored answer opened for reading: its validators are known before its body is read. */
export interface OpenedAnswer {
  etag: string;
  updated: string | null;
  /** The answer for `origin` (as stored, in UTF-8), or undefined when the bytes are not what was sealed. */
  body(origin: string): Promise<Uint8Array<ArrayBuffer> | string | undefined>;
  discard(): Promise<void>;
}

/** A value served as it is stored, with the ETag that names its bytes. */
export interface StoredBody {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

const decoder = new TextDecoder();

// Last good derived values, per isolate: what reads fall back to when KV fails.
const lastGoodSealed = new Map<string, Uint8Array<ArrayBuffer>>();
const lastGoodScopes = new Map<string, { header: ScopeHeader; bytes: Uint8Array<ArrayBuffer> }>();
// The header of each scope's value this isolate last read, by key: with it, the validators of
// that version's entries are known from the key's metadata, before (or without) its bytes.
const knownHeaders = new Map<string, ScopeHeader>();

interface OpenedScope {
  entries: Map<string, StoredEntry>;
  /** Releases the value unread. */
  discard(): Promise<void>;
}

const readAll = async (stream: ReadableStream) => new Uint8Array(await new Response(stream).arrayBuffer());
const newline = 10;

/**
 * A stored value read from its start only as far as a reader needs, and the rest left unread:
 * a read of one entry stops at the end of that entry.
 */
class ValuePrefix {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private bytes = new Uint8Array(0);
  private done = false;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
  }

  /** The value from its start to at least `end` bytes, or all of it when shorter. */
  async upTo(end: number): Promise<Uint8Array<ArrayBuffer>> {
    const chunks: Uint8Array[] = [this.bytes];
    let length = this.bytes.length;
    while (length < end && !this.done) {
      const { value, done } = await this.reader.read();
      if (done) this.done = true;
      else {
        chunks.push(value);
        length += value.length;
      }
    }
    if (chunks.length > 1) {
      const joined = new Uint8Array(length);
      let at = 0;
      for (const chunk of chunks) {
        joined.set(chunk, at);
        at += chunk.length;
      }
      this.bytes = joined;
    }
    return this.bytes;
  }

  /** The value up to and with its first newline (the end of a scope value's header), when there is one. */
  async throughFirstLine(): Promise<Uint8Array<ArrayBuffer>> {
    let searched = 0;
    while (this.bytes.indexOf(newline, searched) === -1 && !this.done) {
      searched = this.bytes.length;
      await this.upTo(this.bytes.length + 1);
    }
    return this.bytes;
  }

  /** Leaves the rest unread. */
  async discard(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.reader.cancel();
  }
}

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

  /** Writes a derived value with its seal, after the full schema check the reads then skip. */
  private async writeSealed<T extends z.ZodType>(key: string, schema: T, value: z.input<T>): Promise<void> {
    const text = JSON.stringify(schema.parse(value));
    await this.kv.put(key, text, { metadata: { layout: derivedLayout, sha256: await sha256Hex(text) } });
  }

  /**
   * A sealed value, parsed, or undefined when its bytes are not those that were sealed; when
   * storage fails even after retries, the last good copy this isolate read, so reads degrade
   * to slightly stale instead of failing.
   */
  private async readSealed<T>(key: string): Promise<T | undefined> {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      const { value, metadata } = await this.kv.getWithMetadata(key, 'arrayBuffer');
      const sealed = documentSeal.safeParse(metadata);
      if (value === null || !sealed.success) return undefined;
      bytes = new Uint8Array(value);
      if ((await sha256Hex(bytes)) !== sealed.data.sha256) return undefined;
      lastGoodSealed.set(key, bytes);
    } catch (error) {
      const lastGood = lastGoodSealed.get(key);
      if (!(error instanceof StorageUnavailable) || !lastGood) throw error;
      bytes = lastGood;
    }
    return JSON.parse(decoder.decode(bytes)) as T;
  }

  private write(key: string, value: unknown): Promise<void> {
    return this.kv.put(key, JSON.stringify(value));
  }

  // -- reports: each one key, its entry in the index of all history ---------------------
  // A report is stored once, under its entry in the index of all history (newest first): the
  // value is the report as accepted and who published it, the metadata its summary, state
  // included, which the place's writer changes when the report is corrected or withdrawn. So
  // one write stores a report and makes it visible. Reports stored before are read from
  // their own key (v1/report/), and their index entries are empty.

  /** Stores a report with its summary: one write, which makes it visible. */
  putReport(value: Report, summary: ReportSummary, publishedBy?: string): Promise<void> {
    const text = JSON.stringify({ report: value, ...(publishedBy ? { publishedBy } : {}) });
    return this.kv.put(historyKey(value.id), text, { metadata: encodeSummary(summary) });
  }

  async getReport(id: string): Promise<Report | undefined> {
    return (await this.getPublishedReport(id))?.value;
  }

  /** Takes back reports whose acceptance failed, so that none is visible: never a report accepted. */
  async deleteReports(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.kv.delete(historyKey(id))));
  }

  /** A report with who published it: one read (two for a report stored before, or none). */
  async getPublishedReport(id: string): Promise<WithPublisher<Report> | undefined> {
    return (await this.getReportEntry(id))?.published;
  }

  /** A report with who published it and its summary as the index holds it, fate included. */
  async getReportEntry(
    id: string,
  ): Promise<{ published: WithPublisher<Report>; summary: ReportSummary | undefined } | undefined> {
    const { value, metadata } = await this.kv.getWithMetadata(historyKey(id), 'text');
    const summary = decodeSummary(metadata);
    if (value) {
      const parsed = storedReport.safeParse(parsedJson(value));
      if (!parsed.success) return undefined;
      const { report: stored, publishedBy } = parsed.data;
      return { published: { value: stored, ...(publishedBy ? { publishedBy } : {}) }, summary };
    }
    const published = await this.readFact(reportKey(id), report);
    return published && { published, summary };
  }

  getRetraction(reportId: string): Promise<Retraction | undefined> {
    return this.read(retractionKey(reportId), retraction);
  }

  /** @param publishedBy the name of the principal that retracted the report */
  putRetraction(value: Retraction, publishedBy?: string): Promise<void> {
    return this.writeFact(retractionKey(value.report), value, publishedBy);
  }

  /** A retraction with who published it: one read. */
  getPublishedRetraction(reportId: string): Promise<WithPublisher<Retraction> | undefined> {
    return this.readFact(retractionKey(reportId), retraction);
  }

  private writeFact(key: string, value: unknown, publishedBy: string | undefined): Promise<void> {
    const text = JSON.stringify(value);
    return publishedBy ? this.kv.put(key, text, { metadata: { publishedBy } }) : this.kv.put(key, text);
  }

  private async readFact<T extends z.ZodType>(
    key: string,
    schema: T,
  ): Promise<WithPublisher<z.infer<T>> | undefined> {
    const { value, metadata } = await this.kv.getWithMetadata(key, 'json');
    const parsed = schema.safeParse(value);
    if (value === null || !parsed.success) return undefined;
    const by = publisherMetadata.safeParse(metadata);
    return { value: parsed.data, ...(by.success ? { publishedBy: by.data.publishedBy } : {}) };
  }

  /** Ids of every retracted report: one list call per 1,000 retractions, for rebuilds. */
  async retractedIds(): Promise<Set<string>> {
    const names = await this.keyNames(retractionPrefix);
    return new Set(names.map((name) => name.slice(retractionPrefix.length)));
  }

  /** The name of every key under `prefix`: one list call per 1,000 keys. */
  private async keyNames(prefix: string): Promise<string[]> {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.kv.list({ prefix, ...(cursor ? { cursor } : {}) });
      for (const key of page.keys) names.push(key.name);
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    return names;
  }

  /** Places are the one mutable fact: an admin may rename or relocate a place. */
  getPlace(slug: string): Promise<Place | undefined> {
    return this.read(placeKey(slug), place);
  }

  putPlace(value: Place): Promise<void> {
    return this.write(placeKey(value.slug), value);
  }

  async placeSlugs(): Promise<string[]> {
    return (await this.keyNames(placePrefix)).map((name) => name.slice(placePrefix.length));
  }

  // -- the index of all history: one key per report, its summary in the metadata ---------

  /**
   * Records a report's changed summary (its fate) in its index entry. KV has no write of
   * metadata alone, so the value is read and written again as it was. A report stored
   * elsewhere moments ago may not be readable here yet: that is a failure to try again,
   * never an empty value written over the report.
   */
  async putHistoryEntry(summary: ReportSummary): Promise<void> {
    const key = historyKey(summary.id);
    // A report stored before has an empty entry beside its own key.
    const storedBefore = async () => (await this.kv.get(reportKey(summary.id))) !== null;
    const value = (await this.kv.get(key, 'text')) ?? ((await storedBefore()) ? '' : undefined);
    if (value === undefined) throw new Error(`report ${summary.id} is not readable yet`);
    await this.kv.put(key, value, { metadata: encodeSummary(summary) });
  }

  /** The summary of one report as the index holds it, fate included. */
  async getHistoryEntry(id: string): Promise<ReportSummary | undefined> {
    const { metadata } = await this.kv.getWithMetadata(historyKey(id));
    return decodeSummary(metadata);
  }

  /** One KV list call over the history of all places, newest first. */
  async listHistory(cursor?: string): Promise<HistoryListing> {
    const page = await this.kv.list({
      prefix: historyPrefix,
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

  /**
   * Every entry of the history of all places, or of one place's, for rebuilds: one list call
   * per 1,000 reports of all places.
   */
  async wholeHistory(slug?: string): Promise<HistoryListing['entries']> {
    const entries: HistoryListing['entries'] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listHistory(cursor);
      entries.push(...(slug ? page.entries.filter((e) => e.summary?.place === slug) : page.entries));
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
    return (await this.keyNames(chainPrefix(slug))).map(reportIdOfHistoryKey);
  }

  // -- derived values: the entries of each scope's one value, rebuilt from the facts ------

  /** Writes every derived entry of a scope, as the scope's one value (`encodeScopeValue`): one KV write. */
  async putScope(scope: HistoryScope, { value, version }: EncodedScope): Promise<void> {
    await this.kv.put(scopeValueKey(scope), value, { metadata: { layout: derivedLayout, version } });
  }

  /**
   * The entries of a scope's value: one KV read, whose bytes are read only when an entry's are
   * asked for if this isolate knows the header of the version stored, and then only as far as
   * the end of that entry (`whole` reads all of it, for reading every entry). When storage
   * fails even after retries, the last good copy this isolate read stands in, so reads degrade
   * to slightly stale.
   */
  private async openScope(scope: HistoryScope, { whole = false } = {}): Promise<OpenedScope | undefined> {
    const key = scopeValueKey(scope);
    let answer: KVNamespaceGetWithMetadataResult<ReadableStream, unknown>;
    try {
      answer = await this.kv.getWithMetadata(key, { type: 'stream' });
    } catch (error) {
      const lastGood = lastGoodScopes.get(key);
      if (!(error instanceof StorageUnavailable) || !lastGood) throw error;
      return { entries: entriesOf(lastGood.header, async () => lastGood.bytes), discard: async () => {} };
    }
    const { value, metadata } = answer;
    if (value === null) return undefined;
    const sealed = scopeSeal.safeParse(metadata);
    if (!sealed.success) {
      await value.cancel();
      return undefined;
    }
    if (whole) {
      const bytes = await readAll(value);
      const header = await decodeScopeHeader(bytes, sealed.data.version);
      if (!header) return undefined;
      knownHeaders.set(key, header);
      lastGoodScopes.set(key, { header, bytes });
      return { entries: entriesOf(header, async () => bytes), discard: async () => {} };
    }
    const prefix = new ValuePrefix(value);
    let header = knownHeaders.get(key);
    if (header?.version !== sealed.data.version) {
      header = await decodeScopeHeader(await prefix.throughFirstLine(), sealed.data.version);
      if (!header) {
        await prefix.discard();
        return undefined;
      }
      knownHeaders.set(key, header);
    }
    const known = header;
    // One entry is read from an opening: the rest of the value is left unread once it is in.
    const upTo = async (end: number) => {
      const bytes = await prefix.upTo(end);
      await prefix.discard();
      const kept = lastGoodScopes.get(key);
      if (kept?.header.version !== known.version || kept.bytes.length < bytes.length) {
        lastGoodScopes.set(key, { header: known, bytes });
      }
      return bytes;
    };
    return { entries: entriesOf(known, upTo), discard: () => prefix.discard() };
  }

  /** An entry of a scope's value, and how to release the value unread. */
  private async entryOf(
    scope: HistoryScope,
    name: string,
  ): Promise<{ entry: StoredEntry; discard: () => Promise<void> } | undefined> {
    const opened = await this.openScope(scope);
    const entry = opened?.entries.get(name);
    if (opened && entry) return { entry, discard: opened.discard };
    await opened?.discard();
    return undefined;
  }

  private async readEntry<T>(scope: HistoryScope, name: string): Promise<T | undefined> {
    const bytes = await (await this.entryOf(scope, name))?.entry.bytes();
    return bytes === undefined ? undefined : (JSON.parse(decoder.decode(bytes)) as T);
  }

  /**
   * A scope's value read whole with one KV read, for the scheduled repair: the text of each
   * entry whose bytes are as sealed, by name (none when the value is missing or damaged).
   */
  async readScope(scope: HistoryScope): Promise<Map<string, string>> {
    const opened = await this.openScope(scope, { whole: true });
    const read = await Promise.all(
      [...(opened?.entries ?? [])].map(async ([name, entry]) => [name, await entry.bytes()] as const),
    );
    return new Map(read.flatMap(([name, bytes]) => (bytes ? [[name, decoder.decode(bytes)] as const] : [])));
  }

  getPlaceDocument(slug: string): Promise<PlaceDocument | undefined> {
    return this.readEntry({ kind: 'place', slug }, placeDocumentKey(slug));
  }

  getPlacesDocument(): Promise<PlacesDocument | undefined> {
    return this.readEntry(allScope, placesDocumentKey);
  }

  /** The list of places as stored, unparsed: the answer to `GET /api/v1/places`. */
  async getPlacesAnswer(): Promise<StoredBody | undefined> {
    const found = await this.entryOf(allScope, placesDocumentKey);
    const body = await found?.entry.bytes();
    return found && body && { body, etag: etagOfDigest(found.entry.sha256) };
  }

  getRecentDocument(): Promise<RecentDocument | undefined> {
    return this.readEntry(allScope, recentDocumentKey);
  }

  /** A scope's newest page at the default size: what most history requests ask for. */
  getFirstPageDocument(scope: HistoryScope): Promise<RecentDocument | undefined> {
    return this.readEntry(scope, firstPageKey(scope));
  }

  /** One KV read: the version at once, the body parsed only when asked for. */
  async openFeedDocument(scope: HistoryScope): Promise<OpenedFeedDocument | undefined> {
    const found = await this.entryOf(scope, feedDocumentKey(scope));
    const about = feedAbout.safeParse(found?.entry.about);
    if (!found || !about.success) {
      await found?.discard();
      return undefined;
    }
    return {
      ...about.data,
      read: async () => {
        const bytes = await found.entry.bytes();
        return bytes === undefined ? undefined : (JSON.parse(decoder.decode(bytes)) as FeedDocument);
      },
      discard: found.discard,
    };
  }

  /**
   * One KV read: the answer's validators at once, its body filled only when asked for; none
   * once it is past its `until`.
   */
  async openAnswer(key: AnswerKey): Promise<OpenedAnswer | undefined> {
    const found = await this.entryOf(scopeOfAnswer(key), answerKey(key));
    const about = answerAbout.safeParse(found?.entry.about);
    const until = about.data?.until;
    if (!found || !about.success || (until && Date.now() >= Date.parse(until))) {
      await found?.discard();
      return undefined;
    }
    const { etag, updated, split } = about.data;
    return {
      etag,
      updated,
      body: async (origin) => {
        const bytes = await found.entry.bytes();
        if (bytes === undefined) return undefined;
        if (split) return fillStoredTemplate(bytes, origin);
        return fillTemplate(JSON.parse(decoder.decode(bytes)) as string[], origin);
      },
      discard: found.discard,
    };
  }

  // -- the change log: numbered pages, written only by the change log ---------------------

  getChangePage(page: number): Promise<ChangePageDocument | undefined> {
    return this.readSealed(changePageKey(page));
  }

  putChangePage(doc: ChangePageDocument): Promise<void> {
    return this.writeSealed(changePageKey(doc.page), changePageDocument, doc);
  }

  // -- repair markers --------------------------------------------------------------------

  /**
   * Marks a place stale, and says so in the one flag the scheduled repair reads before it
   * lists anything: a new value each time, so that a mark made after the repair's last look
   * is told from one made before.
   */
  async markStale(slug: string): Promise<void> {
    await this.kv.put(staleKey(slug), '');
    await this.kv.put(staleFlagKey, `${new Date().toISOString()} ${slug} ${crypto.randomUUID()}`);
  }

  /** The stale flag's value: null when no place was ever marked stale. */
  staleFlag(): Promise<string | null> {
    return this.kv.get(staleFlagKey);
  }

  async staleSlugs(): Promise<string[]> {
    const page = await this.kv.list({ prefix: stalePrefix });
    return page.keys.map((k) => k.name.slice(stalePrefix.length));
  }

  clearStale(slug: string): Promise<void> {
    return this.kv.delete(staleKey(slug));
  }

  // -- webhook subscriptions ------------------------------------------------------------
  // Their records are push's (src/push/model.ts): the registry passes the schema they are
  // checked by, written and read.

  putSubscription<S extends z.ZodType<{ id: string }>>(schema: S, record: z.infer<S>): Promise<void> {
    return this.write(subscriptionKey(record.id), schema.parse(record));
  }

  deleteSubscription(id: string): Promise<void> {
    return this.kv.delete(subscriptionKey(id));
  }

  /** Every subscription: one list call per 1,000, one read each, for a registry that lost its own. */
  async allSubscriptions<S extends z.ZodType>(schema: S): Promise<z.infer<S>[]> {
    const names = await this.keyNames(subscriptionPrefix);
    const records = await Promise.all(names.map((name) => this.read(name, schema)));
    return records.flatMap((r) => (r ? [r] : []));
  }

  // -- idempotency records ------------------------------------------------------------------

  /** An answer recorded for an Idempotency-Key before the keeper objects held them: read only. */
  getStoredResponse(scopedKeyHash: string): Promise<StoredResponse | undefined> {
    return this.read(idempotencyKey(scopedKeyHash), storedResponse);
  }
}
