// Feeds for readers: the subscription feed of a scope (one KV read: the default one as its
// writer stored it, any other rendered from the feed document, which a 304 or a rendering
// already in memory never parses) and its RFC 5005 archive pages, from the history index.
// Context-free: a route hands over what was asked and the URL it was asked at, and answers
// HTTP.

import {
  asksDefault,
  type FeedRequest,
  feedTitle,
  renderSubscriptionFeed,
  siteFor,
  subscriptionEtag,
} from '../answers/feeds.ts';
import { storedOr } from '../answers/stored.ts';
import { decodeCursor, encodeCursor } from '../cursors/history.ts';
import { sha256 } from '../digest.ts';
import { feedPlaceOf } from '../domain/feed.ts';
import { defaultPageSize } from '../domain/history.ts';
import { latest } from '../domain/status.ts';
import { hex } from '../encoding.ts';
import { LruMap } from '../lru-map.ts';
import { feedFormats } from '../render/feed-formats.ts';
import { itemFromSummary } from '../render/feed-items.ts';
import { isPlainOrigin } from '../render/origin-template.ts';
import { feedVersionOf, type OpenedFeedDocument, type StatusStore } from '../store/status-store.ts';
import { messages } from '../words/messages.ts';
import type { Writers } from '../writers/stubs.ts';
import { readHistoryPage } from './history.ts';
import { feedDocumentOfWriter, openFeedDocument } from './reading.ts';

/** A feed, known by its ETag before its body is made: a 304 needs no body. */
export interface FeedAnswer {
  etag: string;
  updated: string | null;
  /** As stored (UTF-8), or as rendered for this request. */
  body(): Promise<Uint8Array<ArrayBuffer> | string>;
  /** Releases what was opened when the body is not wanted. */
  discard(): Promise<void>;
}

// Feeds by origin and ETag, rendered or as stored: the same data gives the same bytes.
const renderings = new LruMap<string, Uint8Array<ArrayBuffer> | string>(64);

/** A feed rendered from its document in this request, kept by origin and ETag. */
function renderedFeed(
  request: FeedRequest,
  opened: Pick<OpenedFeedDocument, 'version' | 'updated' | 'read' | 'discard'>,
): FeedAnswer {
  const etag = subscriptionEtag(opened.version, request);
  const { origin } = new URL(request.url);
  const render = async () => {
    const kept = renderings.get(`${origin} ${etag}`);
    if (kept !== undefined) {
      await opened.discard();
      return kept;
    }
    const doc = await opened.read();
    if (!doc) throw new Error('feed document unreadable');
    const body = renderSubscriptionFeed(doc, request);
    renderings.set(`${origin} ${etag}`, body);
    return body;
  };
  return { etag, updated: opened.updated, body: render, discard: () => opened.discard() };
}

/**
 * The subscription feed: one KV read. The default one is served as its writer rendered it;
 * any other is rendered from the feed document, and 304s and kept renderings never parse it.
 */
async function subscriptionFeed(
  store: StatusStore,
  writers: Writers,
  request: FeedRequest,
): Promise<FeedAnswer> {
  const { scope, format } = request;
  const { origin } = new URL(request.url);
  if (!asksDefault(request) || !isPlainOrigin(origin)) {
    return renderedFeed(request, await openFeedDocument(store, writers, scope));
  }
  // Its ETag names its version: an isolate that served this version already serves it
  // again without reading the body, as it does a 304.
  let held = false;
  const served = await storedOr(
    store,
    { kind: 'feed', scope, format },
    origin,
    // Not written yet, or damaged: the writer derives it, and writes it again.
    async () => {
      const doc = await feedDocumentOfWriter(writers, scope);
      return renderedFeed(request, {
        ...(await feedVersionOf(doc)),
        read: async () => doc,
        discard: async () => {},
      });
    },
    (etag, updated) => {
      const kept = renderings.get(`${origin} ${etag}`);
      if (kept === undefined && !request.isNotModified(etag, updated)) return undefined;
      held = true;
      return kept ?? '';
    },
  );
  if ('discard' in served) return served;
  const { etag, updated, body } = served;
  if (!held) renderings.set(`${origin} ${etag}`, body);
  return { etag, updated, body: async () => body, discard: async () => {} };
}

/**
 * An RFC 5005 archive page: history older than the feed (one KV list of the index of all
 * history, or one call to the place's writer), with place names from the list of places (one
 * read).
 */
async function archivePage(
  store: StatusStore,
  writers: Writers,
  request: FeedRequest,
  cursor: string,
): Promise<FeedAnswer> {
  const { scope, filter, format } = request;
  const position = decodeCursor(cursor, scope, filter);
  const [page, placeList] = await Promise.all([
    readHistoryPage(store, writers, scope, filter, request.limit ?? defaultPageSize, position),
    store.getPlacesDocument(),
  ]);
  const known = new Map((placeList?.places ?? []).map((p) => [p.slug, feedPlaceOf(p)]));
  const { origin } = new URL(request.url);
  const place = scope.kind === 'place' ? placeList?.places.find((p) => p.slug === scope.slug) : undefined;
  const updated = page.summaries.reduce<string | null>((at, s) => latest(at, s.published), null);
  const body = feedFormats[format].render({
    items: page.summaries.map((s) =>
      itemFromSummary(
        s,
        known.get(s.place) ?? { slug: s.place, names: { en: s.place } },
        origin,
        request.language,
      ),
    ),
    head: { updated, coordinates: place?.coordinates, archive: true },
    site: siteFor(
      request,
      messages[request.language].feedArchiveTitle(feedTitle(request.language, place)),
      page.next && encodeCursor(page.next, scope, filter),
    ),
    maxAgeSeconds: request.maxAgeSeconds,
  });
  const etag = `"${hex((await sha256(body)).slice(0, 12))}"`;
  return { etag, updated, body: async () => body, discard: async () => {} };
}

/** The feed a request asks for: the subscription feed, or with a cursor an archive page. */
export function openFeed(store: StatusStore, writers: Writers, request: FeedRequest): Promise<FeedAnswer> {
  return request.cursor
    ? archivePage(store, writers, request, request.cursor)
    : subscriptionFeed(store, writers, request);
}
