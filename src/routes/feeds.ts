// /feeds: Atom, RSS and JSON Feed for all places and for each place, and an OPML list of
// every feed. A request reads one feed document; a conditional request or a rendering
// already in memory never parses it.

import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { NotFound } from '../domain/errors.ts';
import { archiveStart, type FeedDocument, selectEntries } from '../domain/feed.ts';
import type { HistoryFilter } from '../domain/history.ts';
import { nameUrn } from '../domain/ids.ts';
import { type Place, slug } from '../domain/model.ts';
import { latest } from '../domain/status.ts';
import type { AppEnv } from '../http/app-env.ts';
import { isNotModified, maxAgeSeconds, publicCacheControl } from '../http/caching.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { defaultPageSize, indicatorFilter, pageLimit, verificationFilter } from '../http/queries.ts';
import { RenderCache } from '../http/render-cache.ts';
import { valid } from '../http/validation.ts';
import { renderAtom } from '../render/atom.ts';
import { type FeedHead, type FeedItem, itemFromEntry, itemFromSummary } from '../render/feed-items.ts';
import { renderJsonFeed } from '../render/json-feed.ts';
import { placeTitle, renderOpml } from '../render/opml.ts';
import { renderRss } from '../render/rss.ts';
import type { FeedSite } from '../render/site.ts';
import { loadPlaceDocument, rebuildPlacesList } from '../services/derive.ts';
import { placeLookup, rebuildFeedDocument } from '../services/feeds.ts';
import { readHistoryPage } from '../services/history.ts';
import type { HistoryScope } from '../store/keys.ts';
import type { FeedVersion, OpenedFeedDocument, StatusStore } from '../store/status-store.ts';

const formats = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;
type Format = keyof typeof formats;

const feedFile = (name: z.ZodType<string, string>) =>
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

const feedQuery = z.strictObject({
  indicator: indicatorFilter,
  verification: verificationFilter,
  limit: pageLimit,
  cursor: z.string().min(1).max(2048).optional(),
});
type FeedQuery = z.output<typeof feedQuery>;

const renderings = new RenderCache(64);

function render(format: Format, items: readonly FeedItem[], head: FeedHead, site: FeedSite, maxAge: number) {
  if (format === 'atom') return renderAtom(items, head, site);
  if (format === 'rss')
    return renderRss(items, head, site, { ttlMinutes: Math.max(1, Math.round(maxAge / 60)) });
  return renderJsonFeed(items, head, site);
}

function siteFor(c: Context<AppEnv>, scope: HistoryScope, title: string, previous?: string): FeedSite {
  const url = new URL(c.req.url);
  const current = new URL(url);
  current.searchParams.delete('cursor');
  const olderPage = new URL(url);
  if (previous) olderPage.searchParams.set('cursor', previous);
  return {
    origin: url.origin,
    self: url.href,
    current: current.href,
    alternate:
      scope.kind === 'all' ? `${url.origin}/api/v1/places` : `${url.origin}/api/v1/places/${scope.slug}`,
    ...(previous ? { previousArchive: olderPage.href } : {}),
    id: nameUrn(scope.kind === 'all' ? 'feed:all' : `feed:place:${scope.slug}`),
    title,
  };
}

const feedTitle = (place?: Pick<Place, 'names' | 'slug'>) =>
  `Humanitarian status: ${place ? placeTitle(place) : 'all places'}`;

function filterOf(query: FeedQuery): HistoryFilter {
  return {
    ...(query.indicator ? { indicators: query.indicator } : {}),
    ...(query.verification ? { verifications: query.verification } : {}),
  };
}

/** A document that is missing (never built, or lost) is derived again before it is served. */
async function openOrRebuild(store: StatusStore, scope: HistoryScope): Promise<OpenedFeedDocument> {
  const opened = await store.openFeedDocument(scope);
  if (opened) return opened;
  let doc: FeedDocument;
  if (scope.kind === 'place') {
    const placeDoc = await loadPlaceDocument(store, scope.slug);
    if (!placeDoc) throw new NotFound(`no place with slug "${scope.slug}"`);
    doc = await rebuildFeedDocument(
      store,
      scope,
      placeDoc.head,
      placeDoc.reportCount,
      placeLookup([placeDoc.place]),
      placeDoc.place,
    );
  } else {
    const [recent, places] = await Promise.all([store.getRecentDocument(), rebuildPlacesList(store)]);
    doc = await rebuildFeedDocument(
      store,
      scope,
      recent?.head ?? [],
      recent?.reportCount ?? 0,
      placeLookup(places.places),
    );
  }
  const version: FeedVersion = await store.putFeedDocument(scope, doc);
  return { ...version, read: async () => doc, discard: async () => {} };
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
  const opened = await openOrRebuild(c.get('store'), scope);
  const variant = [
    format,
    limit,
    [...(filter.indicators ?? [])].sort(),
    [...(filter.verifications ?? [])].sort(),
  ];
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
  const previous = start ? encodeCursor({ after: start }, filter) : undefined;
  const site = siteFor(c, scope, feedTitle(doc.place), previous);
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
  const position = decodeCursor(cursor, filter);
  const store = c.get('store');
  const [page, placeList] = await Promise.all([
    readHistoryPage(store, scope, filter, query.limit ?? defaultPageSize, position),
    store.getPlacesDocument(),
  ]);
  const placeOf = placeLookup(placeList?.places ?? []);
  const origin = new URL(c.req.url).origin;
  const items = page.summaries.map((s) =>
    itemFromSummary(s, placeOf(s.place) ?? { slug: s.place, names: { en: s.place } }, origin),
  );
  const place = scope.kind === 'place' ? placeList?.places.find((p) => p.slug === scope.slug) : undefined;
  const site = siteFor(
    c,
    scope,
    `${feedTitle(place)} (archive)`,
    page.next && encodeCursor(page.next, filter),
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

function serve(c: Context<AppEnv>, scope: HistoryScope, format: Format, query: FeedQuery) {
  return query.cursor
    ? serveArchive(c, scope, format, query, query.cursor)
    : serveFeed(c, scope, format, query);
}

export const feedRoutes = new Hono<AppEnv>()
  .get('/feeds/places/:file', valid('param', feedFile(slug)), valid('query', feedQuery), (c) => {
    const { name, format } = c.req.valid('param').file;
    return serve(c, { kind: 'place', slug: name }, format, c.req.valid('query'));
  })
  .get('/feeds/:file', valid('param', feedFile(z.literal('all'))), valid('query', feedQuery), (c) =>
    serve(c, { kind: 'all' }, c.req.valid('param').file.format, c.req.valid('query')),
  )
  .get('/feeds.opml', async (c) => {
    const store = c.get('store');
    const { places } = (await store.getPlacesDocument()) ?? (await rebuildPlacesList(store));
    const origin = new URL(c.req.url).origin;
    const feedsOf = (path: string, title: string) =>
      (['atom', 'rss', 'json'] as const).map((type) => ({
        type,
        title: `${title} (${type})`,
        url: `${origin}/feeds/${path}.${type}`,
      }));
    const groups = [
      { title: 'All places', feeds: feedsOf('all', 'All places') },
      ...places.map((p) => ({ title: placeTitle(p), feeds: feedsOf(`places/${p.slug}`, placeTitle(p)) })),
    ];
    const updated = places.reduce<string | null>((at, p) => latest(at, p.updated), null);
    return c.body(renderOpml('Humanitarian status feeds', groups, updated), 200, {
      'content-type': 'text/x-opml; charset=utf-8',
      'cache-control': publicCacheControl(maxAgeSeconds(c.env)),
    });
  });
