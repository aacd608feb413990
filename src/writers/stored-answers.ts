// What a writer renders once, after deriving its documents, so that the reads most asked
// for are served as stored: a scope's newest page of history at the default size (as a
// document, and as the API answers it) and its subscription feed in every format, with the
// origin left for the reader to put in; for a place, its status as the API answers it; for
// all places, the files made from their list. A subscription feed that changed is announced
// to the WebSub hub, when one is set, from the push queue.

import { etagOfDigest, sha256Hex } from '../digest.ts';
import type { PlaceDocument, PlacesDocument, RecentDocument } from '../domain/documents.ts';
import type { FeedDocument } from '../domain/feed.ts';
import { defaultPageSize } from '../domain/history.ts';
import type { PlaceView } from '../domain/model.ts';
import { type FeedFormat, feedFormatNames } from '../render/feed-formats.ts';
import { originTemplate } from '../render/origin-template.ts';
import { placeListFileNames, placeListFiles } from '../render/place-list-files.ts';
import { feedUrl } from '../render/site.ts';
import { defaultFeedRequest, renderSubscriptionFeed, subscriptionEtag } from '../services/feeds.ts';
import { pageFromDocument, reportPageOf } from '../services/history.ts';
import { type HubSettings, hubAt, maxAgeSeconds, publicOriginOf } from '../settings.ts';
import { answerKey, firstPageKey, type HistoryScope } from '../store/keys.ts';
import { feedVersionOf, type StatusStore, type StoredAnswer } from '../store/status-store.ts';
import type { Pace } from './pacing.ts';
import type { PushMessage } from './push-messages.ts';

/** The newest page at the default size, from a document of the newest reports. */
export const firstPageOf = (doc: RecentDocument): RecentDocument => ({
  head: doc.head.slice(0, defaultPageSize),
  reportCount: doc.reportCount,
});

/** The ETag of an answer the reader completes: the hash of its parts, whatever goes between them. */
const etagOfParts = async (parts: readonly string[]) => etagOfDigest(await sha256Hex(JSON.stringify(parts)));

/** An answer whose bytes are the same at every origin, validated by their hash. */
async function answerOf(body: string, updated: string | null): Promise<StoredAnswer> {
  return { etag: etagOfDigest(await sha256Hex(body)), updated, parts: [body] };
}

/** A place's status as `GET /api/v1/places/{slug}` answers it, when it changed. */
export async function writePlaceView(store: StatusStore, pace: Pace, doc: PlaceDocument): Promise<void> {
  const view: PlaceView = { place: doc.place, status: doc.status, reportCount: doc.reportCount };
  const key = { kind: 'place', slug: doc.place.slug } as const;
  const answer = await answerOf(JSON.stringify(view), doc.status.updated);
  await pace.write(answerKey(key), answer, (value) => store.putAnswer(key, value));
}

type AnswerSettings = Pick<Env, 'PUBLIC_MAX_AGE_SECONDS' | 'PUSH_QUEUE'> & HubSettings;

/** The scope's subscription feed in each format, as the default request asks for it. */
export async function feedAnswers(
  scope: HistoryScope,
  doc: FeedDocument,
  env: AnswerSettings,
): Promise<{ format: FeedFormat; answer: StoredAnswer }[]> {
  const { version } = await feedVersionOf(doc);
  return feedFormatNames.map((format) => {
    const request = (origin: string) =>
      defaultFeedRequest(scope, format, origin, maxAgeSeconds(env), hubAt(env));
    const parts = originTemplate((origin) => renderSubscriptionFeed(doc, request(origin)));
    return { format, answer: { etag: subscriptionEtag(version, request('')), updated: doc.updated, parts } };
  });
}

/** A scope's newest history page at the default size, its `next` link left for the reader to start. */
async function historyAnswer(scope: HistoryScope, firstPage: RecentDocument): Promise<StoredAnswer> {
  const page = pageFromDocument(firstPage, {}, defaultPageSize);
  const parts = originTemplate((nextBase) => JSON.stringify(reportPageOf(page, scope, {}, nextBase)));
  return { etag: await etagOfParts(parts), updated: null, parts };
}

/** Every file made from the list of places, in every form it is served, each only when it changed. */
export async function writePlaceListFiles(
  store: StatusStore,
  pace: Pace,
  places: PlacesDocument,
): Promise<void> {
  for (const name of placeListFileNames) {
    const parts = originTemplate((origin) => placeListFiles[name].render(places.places, { origin }));
    const key = { kind: 'file', name } as const;
    const answer = { etag: await etagOfParts(parts), updated: null, parts };
    await pace.write(answerKey(key), answer, (value) => store.putAnswer(key, value));
  }
}

/** Writes a scope's first page and feed answers, each only when it changed. */
export async function writeScopeAnswers(
  store: StatusStore,
  pace: Pace,
  scope: HistoryScope,
  documents: { recent: RecentDocument; feed: FeedDocument },
  env: AnswerSettings,
): Promise<void> {
  const firstPage = firstPageOf(documents.recent);
  await pace.write(firstPageKey(scope), firstPage, (doc) => store.putFirstPageDocument(scope, doc));
  const history = { kind: 'history', scope } as const;
  await pace.write(answerKey(history), await historyAnswer(scope, firstPage), (answer) =>
    store.putAnswer(history, answer),
  );
  for (const { format, answer } of await feedAnswers(scope, documents.feed, env)) {
    const key = { kind: 'feed', scope, format } as const;
    await pace.write(answerKey(key), answer, async (value) => {
      await store.putAnswer(key, value);
      await announce(env, scope, format);
    });
  }
}

/** Tells the hub, through the queue, that a feed changed; a failure fails the write, which is tried again. */
async function announce(env: AnswerSettings, scope: HistoryScope, format: FeedFormat): Promise<void> {
  const origin = publicOriginOf(env);
  if (!hubAt(env) || !origin) return;
  const topic = feedUrl(origin, scope.kind === 'all' ? undefined : scope.slug, format);
  await env.PUSH_QUEUE.send({ type: 'publish', topic } satisfies PushMessage);
}
