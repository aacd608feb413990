// The KV key layout, version 1. Every name carries the "v1/" prefix so that a new layout
// can be written beside the old one and switched to without a migration window.
//
// Why it is laid out so:
// - KV allows about one write per second per key and has no transactions, so every
//   accepted fact (a report, a retraction) is written under a key of its own: two writers
//   can never overwrite each other's facts, and nothing accepted is lost.
// - KV lists only in ascending key order, 1,000 keys a call. A report's key is its entry in
//   the index of all history and carries its id with the order reversed, so one list call
//   walks history newest first; the key's metadata holds the report's summary, so a listing
//   page needs no read per item. One write stores a report and makes it visible: a KV write
//   is what a plan runs out of first.
// - Reads of current state must cost one KV read whatever the size of history, so each
//   is served from one derived document, rebuilt from the facts. A scope's derived values
//   (its documents and stored answers) are entries of one KV value under "v1/derived/scope/"
//   (src/store/scope-value.ts), so that a flush of its writer is one KV write.

import type { HistoryScope } from '../domain/history.ts';
import { reverseOrderId } from '../domain/ids.ts';

/** Reports stored before each was its own index entry: read, never written. */
export const reportPrefix = 'v1/report/';
export const reportKey = (id: string) => `${reportPrefix}${id}`;
export const retractionPrefix = 'v1/retraction/';
export const retractionKey = (reportId: string) => `${retractionPrefix}${reportId}`;
export const placePrefix = 'v1/place/';
export const placeKey = (slug: string) => `${placePrefix}${slug}`;

/** The index of all history: each report, under its id in reverse order, its summary in the metadata. */
export const historyPrefix = 'v1/history/all/';
export const historyKey = (reportId: string) => `${historyPrefix}${reverseOrderId(reportId)}`;
export function reportIdOfHistoryKey(key: string): string {
  return reverseOrderId(key.slice(key.lastIndexOf('/') + 1));
}

/**
 * Corrections filed under another place that continue a chain of this place's reports (a
 * report filed under the wrong place, corrected into the right one): one empty key per
 * correction and place of the chain, so that a place's writer can derive from the facts
 * alone which of its reports such a correction supersedes.
 */
export const chainPrefix = (slug: string) => `v1/chain/${slug}/`;
export const chainKey = (slug: string, reportId: string) => `${chainPrefix(slug)}${reverseOrderId(reportId)}`;

/** Every derived value, written only by the writers (src/writers/). */
export const derivedPrefix = 'v1/derived/';

/** The one KV value holding every derived entry of a scope, named by the keys below. */
export const scopeValueKey = (scope: HistoryScope) =>
  scope.kind === 'all' ? `${derivedPrefix}scope/all` : `${derivedPrefix}scope/place/${scope.slug}`;

/** The scope whose value holds an entry. */
export function scopeOfAnswer(key: AnswerKey): HistoryScope {
  if (key.kind === 'place') return { kind: 'place', slug: key.slug };
  if (key.kind === 'file') return { kind: 'all' };
  return key.scope;
}

// The names of the entries, each as the key it once had of its own.
export const placeDocumentKey = (slug: string) => `${derivedPrefix}place/${slug}`;
export const placesDocumentKey = `${derivedPrefix}places`;
export const recentDocumentKey = `${derivedPrefix}recent`;

/** A scope's newest page of history at the default page size. */
export const firstPageKey = (scope: HistoryScope) =>
  scope.kind === 'all' ? `${derivedPrefix}first-page/all` : `${derivedPrefix}first-page/place/${scope.slug}`;

/**
 * Answers rendered once by their writer and served as stored: a place's status as the API
 * gives it, each scope's newest history page, subscription feed in each format and page for
 * people in each language, and the files made from the list of places.
 */
export type AnswerKey =
  | { kind: 'place'; slug: string }
  | { kind: 'feed'; scope: HistoryScope; format: string }
  | { kind: 'history'; scope: HistoryScope }
  | { kind: 'file'; name: string }
  | { kind: 'page'; scope: HistoryScope; language: string };

export function answerKey(key: AnswerKey): string {
  if (key.kind === 'place') return `${derivedPrefix}answer/place/${key.slug}`;
  if (key.kind === 'file') return `${derivedPrefix}answer/file/${key.name}`;
  const scope = key.scope.kind === 'all' ? 'all' : `place/${key.scope.slug}`;
  if (key.kind === 'history') return `${derivedPrefix}answer/history/${scope}`;
  if (key.kind === 'page') return `${derivedPrefix}answer/page/${scope}.${key.language}`;
  return `${derivedPrefix}answer/feed/${scope}.${key.format}`;
}

/**
 * Webhook subscriptions, one key each, with their secret: the record their registry
 * (src/push/registry.ts) reloads itself from if its own storage is lost.
 */
export const subscriptionPrefix = 'v1/subscription/';
export const subscriptionKey = (id: string) => `${subscriptionPrefix}${id}`;

/** Feed documents: the newest entries of a scope with everything a feed renders. */
export const feedDocumentKey = (scope: HistoryScope) =>
  scope.kind === 'all' ? `${derivedPrefix}feed/all` : `${derivedPrefix}feed/place/${scope.slug}`;

/** Every entry a scope's writer writes, by name: what the scheduled repair expects to find. */
export function derivedEntriesOf(
  scope: HistoryScope,
  answers: {
    feedFormats: readonly string[];
    placeListFiles: readonly string[];
    pageLanguages: readonly string[];
  },
): string[] {
  const feeds = answers.feedFormats.map((format) => answerKey({ kind: 'feed', scope, format }));
  const pages = answers.pageLanguages.map((language) => answerKey({ kind: 'page', scope, language }));
  const own =
    scope.kind === 'all'
      ? [
          placesDocumentKey,
          recentDocumentKey,
          ...answers.placeListFiles.map((name) => answerKey({ kind: 'file', name })),
        ]
      : [placeDocumentKey(scope.slug), answerKey({ kind: 'place', slug: scope.slug })];
  const history = answerKey({ kind: 'history', scope });
  return [...own, feedDocumentKey(scope), firstPageKey(scope), history, ...feeds, ...pages];
}

/**
 * The change log (src/writers/change-log.ts), as numbered pages of 100 changes each. A page
 * is one key, so a reader pays one read per page whatever the length of the log; a full page
 * never changes again, and only the newest is rewritten, by the one change log, at most once
 * a second. Not under "v1/derived/": the pages are the log's own record, which its writer
 * reloads from, since a position once handed out must keep naming the same change.
 */
export const changePagePrefix = 'v1/changes/page/';
export const changePageKey = (page: number) => `${changePagePrefix}${page}`;

/** Places whose documents a request could not update; the scheduled repair clears them. */
export const stalePrefix = 'v1/stale/';
export const staleKey = (slug: string) => `${stalePrefix}${slug}`;
/**
 * Changed with every stale mark: one read tells the repair whether a place was marked since
 * it last looked, where listing the marks would cost a list every minute. Not under the
 * marks' prefix, so that listing them does not find it.
 */
export const staleFlagKey = 'v1/stale-flag';

/**
 * Answers to Idempotency-Keys as earlier versions recorded them. Keys are now decided and
 * kept by their Durable Object (src/writers/idempotency-keeper.ts), which reads these once.
 */
export const idempotencyKey = (scopedKeyHash: string) => `v1/idempotency/${scopedKeyHash}`;
