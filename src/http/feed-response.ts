// Answers feed requests: the subscription feed from its feed document (one KV read; a 304
// or a rendering already in memory never parses it) and RFC 5005 archive pages from the
// history index.

import type { Context } from 'hono';
import { z } from 'zod';
import { archiveStart, feedPlaceOf, selectEntries } from '../domain/feed.ts';
import type { HistoryFilter } from '../domain/history.ts';
import { nameUrn } from '../domain/ids.ts';
import type { Place } from '../domain/model.ts';
import { latest } from '../domain/status.ts';
import { renderAtom } from '../render/atom.ts';
import { isolated } from '../render/escape.ts';
import { type FeedHead, type FeedItem, itemFromEntry, itemFromSummary } from '../render/feed-items.ts';
import { renderJsonFeed } from '../render/json-feed.ts';
import { placeTitle, renderOpml } from '../render/opml.ts';
import { renderRss } from '../render/rss.ts';
import { type FeedSite, homePageUrl, placePageUrl } from '../render/site.ts';
import { readHistoryPage } from '../services/history.ts';
import { loadPlacesList, openFeed } from '../services/reading.ts';
import type { HistoryScope } from '../store/keys.ts';
import type { AppEnv } from './app-env.ts';
import { isNotModified, maxAgeSeconds, publicCacheControl } from './caching.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { defaultPageSize, indicatorFilter, pageLimit, verificationFilter } from './queries.ts';
import { RenderCache } from './render-cache.ts';

const formats = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;
type Format = keyof typeof formats;

export const feedFile = (name: z.ZodType<string, string>) =>
  z.strictObject({
    file: z
      .string()
      .regex(/^[^.]+\.(atom|rss|json)$/, 'must end in .atom, .rss or .json')
      .transform((file) => {
        const dot = file.lastIndexOf('.');
        return { name: file.slice(0, dot), format: file.slice(dot + 1) as Format };
      })
      .pipe(z.object({ name, format: z.enum(['atom', 'rss', 'json']) })),
  });

export const feedQuery = z.strictObject({
  indicator: indicatorFilter,
  verification: verificationFilter,
  limit: pageLimit,
  cursor: z.string().min(1).max(2048).optional(),
});
export type FeedQuery = z.output<typeof feedQuery>;

const renderings = new RenderCache(64);

function render(format: Format, items: readonly FeedItem[], head: FeedHead, site: FeedSite, maxAge: number) {
  if (format === 'atom') return renderAtom(items, head, site);
  if (format === 'rss')
    return renderRss(items, head, site, { ttlMinutes: Math.max(1, Math.round(maxAge / 60)) });
  return renderJsonFeed(items, head, site);
}

/**
 * The request's URL in canonical form: filters deduplicated and sorted, the default limit
 * left out. Every spelling of one request names one document, so the links a feed carries
 * never depend on which spelling first filled the cache.
 */
function canonicalUrl(requestUrl: string, query: FeedQuery, cursor: string | undefined): string {
  const { origin, pathname } = new URL(requestUrl);
  const url = new URL(pathname, origin);
  for (const indicator of distinctSorted(query.indicator)) url.searchParams.append('indicator', indicator);
  for (const verification of distinctSorted(query.verification)) {
    url.searchParams.append('verification', verification);
  }
  if (query.limit !== undefined && query.limit !== defaultPageSize)
    url.searchParams.set('limit', String(query.limit));
  if (cursor) url.searchParams.set('cursor', cursor);
  return url.href;
}

const distinctSorted = (values: readonly string[] | undefined) => [...new Set(values ?? [])].sort();

function siteFor(
  c: Context<AppEnv>,
  scope: HistoryScope,
  title: string,
  query: FeedQuery,
  previous?: string,
): FeedSite {
  const { origin } = new URL(c.req.url);
  return {
    origin,
    self: canonicalUrl(c.req.url, query, query.cursor),
    current: canonicalUrl(c.req.url, query, undefined),
    alternate: scope.kind === 'all' ? homePageUrl(origin) : placePageUrl(origin, scope.slug),
    ...(previous ? { previousArchive: canonicalUrl(c.req.url, query, previous) } : {}),
    id: nameUrn(scope.kind === 'all' ? 'feed:all' : `feed:place:${scope.slug}`),
    title,
  };
}

const feedTitle = (place?: Pick<Place, 'names' | 'slug'>) =>
  `Humanitarian status: ${place ? isolated(placeTitle(place)) : 'all places'}`;

function filterOf(query: FeedQuery): HistoryFilter {
  return {
    ...(query.indicator ? { indicators: query.indicator } : {}),
    ...(query.verification ? { verifications: query.verification } : {}),
  };
}

function respond(
  c: Context<AppEnv>,
  format: Format,
  etag: string,
  updated: string | null,
  body: string | null,
) {
  const headers: Record<string, string> = {
    etag,
    'cache-control': publicCacheControl(maxAgeSeconds(c.env)),
    'content-type': formats[format],
    ...(updated ? { 'last-modified': new Date(updated).toUTCString() } : {}),
  };
  return body === null ? c.body(null, 304, headers) : c.body(body, 200, headers);
}

/** The subscription feed: one KV read; 304s and cached renderings never parse the document. */
async function serveFeed(c: Context<AppEnv>, scope: HistoryScope, format: Format, query: FeedQuery) {
  const filter = filterOf(query);
  const limit = query.limit ?? defaultPageSize;
  const opened = await openFeed(c.get('store'), c.get('writers'), scope);
  const variant = [format, limit, distinctSorted(filter.indicators), distinctSorted(filter.verifications)];
  const etag = `"${opened.version}.${variant.join('.').replaceAll(',', '+')}"`;
  if (isNotModified(c.req.raw, etag, opened.updated)) {
    await opened.discard();
    return respond(c, format, etag, opened.updated, null);
  }
  const origin = new URL(c.req.url).origin;
  const cacheKey = `${origin} ${etag}`;
  const cached = renderings.get(cacheKey);
  if (cached !== undefined) {
    await opened.discard();
    return respond(c, format, etag, opened.updated, cached);
  }
  const doc = await opened.read();
  if (!doc) throw new Error('feed document unreadable');
  const items = selectEntries(doc.entries, filter, limit).map((entry) => itemFromEntry(entry, origin));
  const start = archiveStart(doc, filter, limit);
  const previous = start ? encodeCursor({ after: start }, scope, filter) : undefined;
  const site = siteFor(c, scope, feedTitle(doc.place), query, previous);
  const head = { updated: doc.updated, coordinates: doc.place?.coordinates, archive: false };
  const body = render(format, items, head, site, maxAgeSeconds(c.env));
  renderings.set(cacheKey, body);
  return respond(c, format, etag, opened.updated, body);
}

/**
 * An RFC 5005 archive page: history older than the feed, from the history index (one KV
 * list) with place names from the list of places (one read).
 */
async function serveArchive(
  c: Context<AppEnv>,
  scope: HistoryScope,
  format: Format,
  query: FeedQuery,
  cursor: string,
) {
  const filter = filterOf(query);
  const position = decodeCursor(cursor, scope, filter);
  const store = c.get('store');
  const [page, placeList] = await Promise.all([
    readHistoryPage(store, scope, filter, query.limit ?? defaultPageSize, position),
    store.getPlacesDocument(),
  ]);
  const known = new Map((placeList?.places ?? []).map((p) => [p.slug, feedPlaceOf(p)]));
  const placeOf = (slug: string) => known.get(slug);
  const origin = new URL(c.req.url).origin;
  const items = page.summaries.map((s) =>
    itemFromSummary(s, placeOf(s.place) ?? { slug: s.place, names: { en: s.place } }, origin),
  );
  const place = scope.kind === 'place' ? placeList?.places.find((p) => p.slug === scope.slug) : undefined;
  const site = siteFor(
    c,
    scope,
    `${feedTitle(place)} (archive)`,
    query,
    page.next && encodeCursor(page.next, scope, filter),
  );
  const updated = page.summaries.reduce<string | null>((at, s) => latest(at, s.published), null);
  const body = render(
    format,
    items,
    { updated, coordinates: place?.coordinates, archive: true },
    site,
    maxAgeSeconds(c.env),
  );
  const etag = `"${await contentHash(body)}"`;
  return respond(c, format, etag, updated, isNotModified(c.req.raw, etag, null) ? null : body);
}

async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function serveFeedRequest(c: Context<AppEnv>, scope: HistoryScope, format: Format, query: FeedQuery) {
  return query.cursor
    ? serveArchive(c, scope, format, query, query.cursor)
    : serveFeed(c, scope, format, query);
}

/** OPML listing every feed of every place: one KV read, of the list of places. */
export async function serveOpml(c: Context<AppEnv>) {
  const places = await loadPlacesList(c.get('store'), c.get('writers'));
  const origin = new URL(c.req.url).origin;
  const feedsOf = (path: string, title: string) =>
    (['atom', 'rss', 'json'] as const).map((type) => ({
      type,
      title: `${title} (${type})`,
      url: `${origin}/feeds/${path}.${type}`,
    }));
  const groups = [
    { title: 'All places', feeds: feedsOf('all', 'All places') },
    ...places.map((p) => ({
      title: placeTitle(p),
      feeds: feedsOf(`places/${p.slug}`, isolated(placeTitle(p))),
    })),
  ];
  const updated = places.reduce<string | null>((at, p) => latest(at, p.updated), null);
  return c.body(renderOpml('Humanitarian status feeds', groups, updated), 200, {
    'content-type': 'text/x-opml; charset=utf-8',
    'cache-control': publicCacheControl(maxAgeSeconds(c.env)),
  });
}
