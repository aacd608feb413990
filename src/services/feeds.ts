// Feeds for readers: the subscription feed of a scope (one KV read: the default one as its
// writer stored it, any other rendered from the feed document, which a 304 or a rendering
// already in memory never parses) and its RFC 5005 archive pages, from the history index.
// Context-free: a route hands over what was asked and the URL it was asked at, and answers
// HTTP.

import { sha256 } from '../digest.ts';
import { archiveStart, type FeedDocument, feedPlaceOf, selectEntries } from '../domain/feed.ts';
import { defaultPageSize, type HistoryFilter } from '../domain/history.ts';
import { nameUrn } from '../domain/ids.ts';
import type { Place } from '../domain/model.ts';
import { latest } from '../domain/status.ts';
import { hex } from '../encoding.ts';
import { LruMap } from '../lru-map.ts';
import { isolated } from '../render/escape.ts';
import { type FeedFormat, feedFormats } from '../render/feed-formats.ts';
import { itemFromEntry, itemFromSummary } from '../render/feed-items.ts';
import { isPlainOrigin } from '../render/origin-template.ts';
import { type FeedSite, feedUrl, homePageUrl, placePageUrl } from '../render/site.ts';
import type { HistoryScope } from '../store/keys.ts';
import { feedVersionOf, type OpenedFeedDocument, type StatusStore } from '../store/status-store.ts';
import { placeTitle } from '../words/places.ts';
import type { Writers } from '../writers/stubs.ts';
import { readHistoryPage } from './history.ts';
import { decodeCursor, encodeCursor } from './history-cursor.ts';
import { feedDocumentOfWriter, openFeedDocument } from './reading.ts';

/** What a feed request asks. */
export interface FeedRequest {
  scope: HistoryScope;
  format: FeedFormat;
  filter: Pick<HistoryFilter, 'indicators' | 'verifications'>;
  limit: number | undefined;
  /** The cursor of an archive page; none for the subscription feed. */
  cursor: string | undefined;
  /** The URL asked for: the feed's links keep its origin and path. */
  url: string;
  /**
   * The WebSub hub this answer names (`here`), and the one the stored feeds name (`stored`):
   * the stored feed is served only where the two agree.
   */
  hub: { here: string | undefined; stored: string | undefined };
  maxAgeSeconds: number;
  /** Whether the request's conditions (If-None-Match, If-Modified-Since) hold for these validators. */
  isNotModified(etag: string, updated: string | null): boolean;
}

/** A feed, known by its ETag before its body is made: a 304 needs no body. */
export interface FeedAnswer {
  etag: string;
  updated: string | null;
  /** As stored (UTF-8), or as rendered for this request. */
  body(): Promise<Uint8Array<ArrayBuffer> | string>;
  /** Releases what was opened when the body is not wanted. */
  discard(): Promise<void>;
}

const distinctSorted = (values: readonly string[] | undefined) => [...new Set(values ?? [])].sort();

/**
 * The request's URL in canonical form: filters sorted, the default limit left out. Every
 * spelling of one request names one document, so the links a feed carries never depend on
 * which spelling first filled the cache.
 */
function canonicalUrl(request: FeedRequest, cursor: string | undefined): string {
  const { origin, pathname } = new URL(request.url);
  const url = new URL(pathname, origin);
  for (const indicator of distinctSorted(request.filter.indicators))
    url.searchParams.append('indicator', indicator);
  for (const state of distinctSorted(request.filter.verifications))
    url.searchParams.append('verification', state);
  if (request.limit !== undefined && request.limit !== defaultPageSize) {
    url.searchParams.set('limit', String(request.limit));
  }
  if (cursor) url.searchParams.set('cursor', cursor);
  return url.href;
}

const feedTitle = (place?: Pick<Place, 'names' | 'slug'>) =>
  `Humanitarian status: ${place ? isolated(placeTitle(place)) : 'all places'}`;

/** The feed as a reader subscribes to it: no filter, the default size. */
const isPlainVariant = (request: FeedRequest) =>
  (request.limit ?? defaultPageSize) === defaultPageSize &&
  !request.filter.indicators?.length &&
  !request.filter.verifications?.length;

function siteFor(request: FeedRequest, title: string, previous: string | undefined): FeedSite {
  const { origin } = new URL(request.url);
  const { scope } = request;
  // Only the feeds the hub is told of name it: the subscription feed of each scope as a
  // reader subscribes to it, not an archive page or a filtered variant, which it never is.
  const hub = request.cursor || !isPlainVariant(request) ? undefined : request.hub.here;
  return {
    ...(hub ? { hub } : {}),
    origin,
    self: canonicalUrl(request, request.cursor),
    current: canonicalUrl(request, undefined),
    alternate: scope.kind === 'all' ? homePageUrl(origin) : placePageUrl(origin, scope.slug),
    ...(previous ? { previousArchive: canonicalUrl(request, previous) } : {}),
    id: nameUrn(scope.kind === 'all' ? 'feed:all' : `feed:place:${scope.slug}`),
    title,
    mediaType: feedFormats[request.format].mediaType,
  };
}

// Feeds by origin and ETag, rendered or as stored: the same data gives the same bytes.
const renderings = new LruMap<string, Uint8Array<ArrayBuffer> | string>(64);

/** The ETag of a subscription feed: its document's version and the variant asked for. */
export function subscriptionEtag(version: string, request: Omit<FeedRequest, 'url'>): string {
  const { filter, format } = request;
  const limit = request.limit ?? defaultPageSize;
  const variant = [
    format,
    limit,
    distinctSorted(filter.indicators),
    distinctSorted(filter.verifications),
    ...(request.hub.here ? ['hub'] : []),
  ];
  return `"${version}.${variant.join('.').replaceAll(',', '+')}"`;
}

/** The subscription feed a request asks for, rendered from its scope's feed document. */
export function renderSubscriptionFeed(doc: FeedDocument, request: FeedRequest): string {
  const { scope, filter, format } = request;
  const limit = request.limit ?? defaultPageSize;
  const { origin } = new URL(request.url);
  const start = archiveStart(doc, filter, limit);
  return feedFormats[format].render({
    items: selectEntries(doc.entries, filter, limit).map((entry) => itemFromEntry(entry, origin)),
    head: { updated: doc.updated, coordinates: doc.place?.coordinates, archive: false },
    site: siteFor(
      request,
      feedTitle(doc.place),
      start ? encodeCursor({ after: start }, scope, filter) : undefined,
    ),
    maxAgeSeconds: request.maxAgeSeconds,
  });
}

/** The request a scope's stored subscription feed answers: no filter, the default size. */
export function defaultFeedRequest(
  scope: HistoryScope,
  format: FeedFormat,
  origin: string,
  maxAgeSeconds: number,
  hub: string | undefined,
): FeedRequest {
  const url = feedUrl(origin, scope.kind === 'all' ? undefined : scope.slug, format);
  const isNotModified = () => false;
  return {
    scope,
    format,
    filter: {},
    limit: undefined,
    cursor: undefined,
    url,
    hub: { here: hub, stored: hub },
    maxAgeSeconds,
    isNotModified,
  };
}

const asksDefault = (request: FeedRequest) =>
  isPlainVariant(request) && request.hub.here === request.hub.stored;

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
  const stored = await store.openAnswer({ kind: 'feed', scope, format });
  if (stored) {
    const { etag, updated, discard } = stored;
    // Its ETag names its version: an isolate that served this version already serves it
    // again without reading the body, as it does a 304.
    const kept = renderings.get(`${origin} ${etag}`);
    if (kept !== undefined || request.isNotModified(etag, updated)) {
      await discard();
      return { etag, updated, body: async () => kept ?? '', discard: async () => {} };
    }
    const body = await stored.body(origin);
    if (body) {
      renderings.set(`${origin} ${etag}`, body);
      return { etag, updated, body: async () => body, discard: async () => {} };
    }
  }
  // Not written yet, or damaged: the writer derives it, and writes it again.
  const doc = await feedDocumentOfWriter(writers, scope);
  return renderedFeed(request, {
    ...(await feedVersionOf(doc)),
    read: async () => doc,
    discard: async () => {},
  });
}

/**
 * An RFC 5005 archive page: history older than the feed, from the history index (one KV
 * list), with place names from the list of places (one read).
 */
async function archivePage(store: StatusStore, request: FeedRequest, cursor: string): Promise<FeedAnswer> {
  const { scope, filter, format } = request;
  const position = decodeCursor(cursor, scope, filter);
  const [page, placeList] = await Promise.all([
    readHistoryPage(store, scope, filter, request.limit ?? defaultPageSize, position),
    store.getPlacesDocument(),
  ]);
  const known = new Map((placeList?.places ?? []).map((p) => [p.slug, feedPlaceOf(p)]));
  const { origin } = new URL(request.url);
  const place = scope.kind === 'place' ? placeList?.places.find((p) => p.slug === scope.slug) : undefined;
  const updated = page.summaries.reduce<string | null>((at, s) => latest(at, s.published), null);
  const body = feedFormats[format].render({
    items: page.summaries.map((s) =>
      itemFromSummary(s, known.get(s.place) ?? { slug: s.place, names: { en: s.place } }, origin),
    ),
    head: { updated, coordinates: place?.coordinates, archive: true },
    site: siteFor(
      request,
      `${feedTitle(place)} (archive)`,
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
    ? archivePage(store, request, request.cursor)
    : subscriptionFeed(store, writers, request);
}
