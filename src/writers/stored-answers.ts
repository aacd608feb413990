// What a writer stores, after deriving its documents, so that the reads most asked for are
// served as stored (rendered by src/answers/): a scope's newest page of history at the
// default size (as a document, and as the API answers it) and its subscription feed in every
// format; for a place, its status as the API answers it; for all places, the files made from
// their list. Each is written only when it changed. A subscription feed that changed is
// announced to the WebSub hub, when one is set, from the push queue.

import { type FeedAnswerSettings, feedAnswers } from '../answers/feeds.ts';
import { firstPageOf, historyAnswer } from '../answers/history.ts';
import { placeListFileAnswer, placeViewAnswer } from '../answers/places.ts';
import type { PlaceDocument, PlacesDocument, RecentDocument } from '../domain/documents.ts';
import type { FeedDocument } from '../domain/feed.ts';
import type { HistoryScope } from '../domain/history.ts';
import type { FeedFormat } from '../render/feed-formats.ts';
import { placeListFileNames } from '../render/place-list-files.ts';
import { feedUrl } from '../render/site.ts';
import { hubAt, publicOriginOf } from '../settings.ts';
import { answerKey, firstPageKey } from '../store/keys.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Pace } from './pacing.ts';
import type { PushMessage } from './push-messages.ts';

/** A place's status as `GET /api/v1/places/{slug}` answers it, when it changed. */
export async function writePlaceView(store: StatusStore, pace: Pace, doc: PlaceDocument): Promise<void> {
  const key = { kind: 'place', slug: doc.place.slug } as const;
  await pace.write(answerKey(key), await placeViewAnswer(doc), (value) => store.putAnswer(key, value));
}

type AnswerSettings = FeedAnswerSettings & Pick<Env, 'PUSH_QUEUE'>;

/** Every file made from the list of places, in every form it is served, each only when it changed. */
export async function writePlaceListFiles(
  store: StatusStore,
  pace: Pace,
  places: PlacesDocument,
): Promise<void> {
  await Promise.all(
    placeListFileNames.map(async (name) => {
      const key = { kind: 'file', name } as const;
      const answer = await placeListFileAnswer(name, places.places);
      await pace.write(answerKey(key), answer, (value) => store.putAnswer(key, value));
    }),
  );
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
  const history = { kind: 'history', scope } as const;
  const [historyBody, feeds] = await Promise.all([
    historyAnswer(scope, firstPage),
    feedAnswers(scope, documents.feed, env),
  ]);
  // Each answer is a key of its own: written at once.
  await Promise.all([
    pace.write(firstPageKey(scope), firstPage, (doc) => store.putFirstPageDocument(scope, doc)),
    pace.write(answerKey(history), historyBody, (answer) => store.putAnswer(history, answer)),
    ...feeds.map(({ format, answer }) => {
      const key = { kind: 'feed', scope, format } as const;
      return pace.write(answerKey(key), answer, async (value) => {
        await store.putAnswer(key, value);
        await announce(env, scope, format);
      });
    }),
  ]);
}

/** Tells the hub, through the queue, that a feed changed; a failure fails the write, which is tried again. */
async function announce(env: AnswerSettings, scope: HistoryScope, format: FeedFormat): Promise<void> {
  const origin = publicOriginOf(env);
  if (!hubAt(env) || !origin) return;
  const topic = feedUrl(origin, scope.kind === 'all' ? undefined : scope.slug, format);
  await env.PUSH_QUEUE.send({ type: 'publish', topic } satisfies PushMessage);
}
