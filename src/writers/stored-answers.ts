// What a writer stores, after deriving its documents, so that the reads most asked for are
// served as stored (rendered by src/answers/): a scope's newest page of history at the
// default size (as a document, and as the API answers it), its subscription feed in every
// format and its page for people in every language; for a place, its status as the API
// answers it; for all places, the files made from their list. They are stored with the
// scope's documents as the entries of its one value, written only when one changed. A
// subscription feed that changed is announced to the WebSub hub, when one is set, from the
// push queue.

import { type FeedAnswerSettings, feedAnswers } from '../answers/feeds.ts';
import { firstPageOf, historyAnswer } from '../answers/history.ts';
import { indexPageAnswer, placePageAnswer } from '../answers/pages.ts';
import { placeListFileAnswer, placeViewAnswer } from '../answers/places.ts';
import {
  type PlaceDocument,
  type PlacesDocument,
  placeDocument,
  placesDocument,
  type RecentDocument,
  recentDocument,
} from '../domain/documents.ts';
import type { FeedDocument } from '../domain/feed.ts';
import type { HistoryScope } from '../domain/history.ts';
import { type Language, pageLanguages } from '../domain/languages.ts';
import { type FeedFormat, feedFormatNames } from '../render/feed-formats.ts';
import { placeListFileNames } from '../render/place-list-files.ts';
import { feedUrl } from '../render/site.ts';
import { hubAt, publicOriginOf } from '../settings.ts';
import {
  answerKey,
  feedDocumentKey,
  firstPageKey,
  placeDocumentKey,
  placesDocumentKey,
  recentDocumentKey,
  scopeValueKey,
} from '../store/keys.ts';
import { encodeScopeValue, type ScopeEntries } from '../store/scope-value.ts';
import {
  answerEntry,
  documentEntry,
  feedDocumentEntry,
  type StatusStore,
  type StoredAnswer,
} from '../store/status-store.ts';
import type { Pace } from './pacing.ts';
import type { PushMessage } from './push-messages.ts';

type AnswerSettings = FeedAnswerSettings & Pick<Env, 'PUSH_QUEUE'>;

/** Every entry of a place's value: its documents, its status as the API answers it, its first page and feeds. */
export async function placeEntries(
  documents: { place: PlaceDocument; feed: FeedDocument },
  env: AnswerSettings,
): Promise<ScopeEntries> {
  const { slug } = documents.place.place;
  const scope = { kind: 'place', slug } as const;
  const [feed, view, answers, pages] = await Promise.all([
    feedDocumentEntry(documents.feed),
    placeViewAnswer(documents.place),
    scopeAnswerEntries(scope, { recent: documents.place, feed: documents.feed }, env),
    pageEntries(scope, (language, now) => placePageAnswer(documents.place, language, now)),
  ]);
  return {
    [placeDocumentKey(slug)]: documentEntry(placeDocument, documents.place),
    [feedDocumentKey(scope)]: feed,
    [answerKey({ kind: 'place', slug })]: answerEntry(view),
    ...answers,
    ...pages,
  };
}

/** Every entry of the value of all places: their documents, first page, feeds and the files made from their list. */
export async function allPlacesEntries(
  documents: { places: PlacesDocument; recent: RecentDocument; feed: FeedDocument },
  env: AnswerSettings,
): Promise<ScopeEntries> {
  const scope = { kind: 'all' } as const;
  const [feed, answers, pages, files] = await Promise.all([
    feedDocumentEntry(documents.feed),
    scopeAnswerEntries(scope, documents, env),
    pageEntries(scope, (language, now) => indexPageAnswer(documents.places.places, language, now)),
    Promise.all(
      placeListFileNames.map(async (name) => [
        answerKey({ kind: 'file', name }),
        answerEntry(await placeListFileAnswer(name, documents.places.places)),
      ]),
    ),
  ]);
  return {
    [placesDocumentKey]: documentEntry(placesDocument, documents.places),
    [recentDocumentKey]: documentEntry(recentDocument, documents.recent),
    [feedDocumentKey(scope)]: feed,
    ...answers,
    ...pages,
    ...Object.fromEntries(files),
  };
}

/** A scope's page for people in each language, rendered now (one that cannot be stored is left out). */
async function pageEntries(
  scope: HistoryScope,
  page: (language: Language, now: Date) => Promise<StoredAnswer | undefined>,
): Promise<ScopeEntries> {
  const now = new Date();
  const pages = await Promise.all(
    pageLanguages.map(
      async (language) => [answerKey({ kind: 'page', scope, language }), await page(language, now)] as const,
    ),
  );
  return Object.fromEntries(pages.flatMap(([key, answer]) => (answer ? [[key, answerEntry(answer)]] : [])));
}

/** A scope's first page, as a document and as the API answers it, and its feed in every format. */
async function scopeAnswerEntries(
  scope: HistoryScope,
  documents: { recent: RecentDocument; feed: FeedDocument },
  env: AnswerSettings,
): Promise<ScopeEntries> {
  const firstPage = firstPageOf(documents.recent);
  const [historyBody, feeds] = await Promise.all([
    historyAnswer(scope, firstPage),
    feedAnswers(scope, documents.feed, env),
  ]);
  return {
    [firstPageKey(scope)]: documentEntry(recentDocument, firstPage),
    [answerKey({ kind: 'history', scope })]: answerEntry(historyBody),
    ...Object.fromEntries(
      feeds.map(({ format, answer }) => [answerKey({ kind: 'feed', scope, format }), answerEntry(answer)]),
    ),
  };
}

/**
 * Writes a scope's value when any entry changed (its version, the hash of every entry's
 * hash, tells): one KV write. It is written again when an entry stops being the answer (its
 * writer's alarm goes off then: `Pace.holdsUntil`). Then announces each of its feeds that changed since it was last
 * announced. Answers whether the value was written (it is not when unchanged).
 */
export async function writeScope(
  store: StatusStore,
  pace: Pace,
  scope: HistoryScope,
  entries: ScopeEntries,
  env: AnswerSettings,
): Promise<boolean> {
  const encoded = await encodeScopeValue(entries);
  const written = await pace.write(scopeValueKey(scope), encoded.version, () =>
    store.putScope(scope, encoded),
  );
  await pace.holdsUntil(firstUntil(entries));
  for (const format of feedFormatNames) {
    const key = answerKey({ kind: 'feed', scope, format });
    await pace.write(`announced ${key}`, encoded.sealed[key], () => announce(env, scope, format));
  }
  return written;
}

/** The first moment an entry stops being the answer (a page's figure goes stale); null when none does. */
function firstUntil(entries: ScopeEntries): string | null {
  const untils = Object.values(entries).flatMap(({ about }) =>
    typeof about.until === 'string' ? [about.until] : [],
  );
  return untils.length === 0 ? null : untils.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

/** Tells the hub, through the queue, that a feed changed; a failure fails the write, which is tried again. */
async function announce(env: AnswerSettings, scope: HistoryScope, format: FeedFormat): Promise<void> {
  const origin = publicOriginOf(env);
  if (!hubAt(env) || !origin) return;
  const topic = feedUrl(origin, scope.kind === 'all' ? undefined : scope.slug, format);
  await env.PUSH_QUEUE.send({ type: 'publish', topic } satisfies PushMessage);
}
