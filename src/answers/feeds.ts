// A scope's subscription feed as its writer stores it and as a read renders it: the request
// it answers, its ETag (its document's version and the variant asked for), and its links
// (canonical URLs, the archive's, and the WebSub hub's, which only the feeds the hub is told
// of name).

import { encodeCursor } from '../cursors/history.ts';
import { archiveStart, type FeedDocument, selectEntries } from '../domain/feed.ts';
import type { HistoryScope } from '../domain/history.ts';
import { defaultPageSize, type HistoryFilter } from '../domain/history.ts';
import { nameUrn } from '../domain/ids.ts';
import type { Language } from '../domain/languages.ts';
import type { Place } from '../domain/model.ts';
import { isolated } from '../render/escape.ts';
import { type FeedFormat, feedFormatNames, feedFormats } from '../render/feed-formats.ts';
import { itemFromEntry } from '../render/feed-items.ts';
import { originTemplate } from '../render/origin-template.ts';
import { type FeedSite, feedUrl, homePageUrl, placePageUrl } from '../render/site.ts';
import { type HubSettings, hubAt, maxAgeSeconds } from '../settings.ts';
import { feedVersionOf, type StoredAnswer } from '../store/status-store.ts';
import { messages } from '../words/messages.ts';
import { placeTitle } from '../words/places.ts';

/** What a feed request asks. */
export interface FeedRequest {
  scope: HistoryScope;
  /** The feed's language, from its URL: English at the URLs feeds always had. */
  language: Language;
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

export const feedTitle = (language: Language, place?: Pick<Place, 'names' | 'slug'>) =>
  messages[language].feedTitle(place && isolated(placeTitle(place, language)));

/** The feed as a reader subscribes to it: no filter, the default size. */
const isPlainVariant = (request: FeedRequest) =>
  (request.limit ?? defaultPageSize) === defaultPageSize &&
  !request.filter.indicators?.length &&
  !request.filter.verifications?.length;

export function siteFor(request: FeedRequest, title: string, previous: string | undefined): FeedSite {
  const { origin } = new URL(request.url);
  const { scope } = request;
  // Only the feeds the hub is told of name it: the English subscription feed of each scope as
  // a reader subscribes to it, not an archive page, a filtered variant or another language,
  // which it never is.
  const hub =
    request.cursor || !isPlainVariant(request) || request.language !== 'en' ? undefined : request.hub.here;
  const { language } = request;
  return {
    ...(hub ? { hub } : {}),
    origin,
    self: canonicalUrl(request, request.cursor),
    current: canonicalUrl(request, undefined),
    alternate:
      scope.kind === 'all' ? homePageUrl(origin, language) : placePageUrl(origin, scope.slug, language),
    ...(previous ? { previousArchive: canonicalUrl(request, previous) } : {}),
    id: nameUrn(
      `feed:${language === 'en' ? '' : `${language}:`}${scope.kind === 'all' ? 'all' : `place:${scope.slug}`}`,
    ),
    title,
    language,
    mediaType: feedFormats[request.format].mediaType,
  };
}

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
    // English, the language stored feeds are in, keeps the ETags it always had.
    ...(request.language === 'en' ? [] : [request.language]),
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
    items: selectEntries(doc.entries, filter, limit).map((entry) =>
      itemFromEntry(entry, origin, request.language),
    ),
    head: { updated: doc.updated, coordinates: doc.place?.coordinates, archive: false },
    site: siteFor(
      request,
      feedTitle(request.language, doc.place),
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
    language: 'en',
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

/**
 * Whether a request asks for the feed its scope's writer stored: the plain English variant,
 * naming the hub the stored one names. Feeds in other languages are rendered from the feed
 * document on request, so that a report costs no more KV writes for them.
 */
export const asksDefault = (request: FeedRequest) =>
  request.language === 'en' && isPlainVariant(request) && request.hub.here === request.hub.stored;

export type FeedAnswerSettings = Pick<Env, 'PUBLIC_MAX_AGE_SECONDS'> & HubSettings;

/** The scope's subscription feed in each format, as the default request asks for it. */
export async function feedAnswers(
  scope: HistoryScope,
  doc: FeedDocument,
  env: FeedAnswerSettings,
): Promise<{ format: FeedFormat; answer: StoredAnswer }[]> {
  const { version } = await feedVersionOf(doc);
  return feedFormatNames.map((format) => {
    const request = (origin: string) =>
      defaultFeedRequest(scope, format, origin, maxAgeSeconds(env), hubAt(env));
    const parts = originTemplate((origin) => renderSubscriptionFeed(doc, request(origin)));
    return { format, answer: { etag: subscriptionEtag(version, request('')), updated: doc.updated, parts } };
  });
}
