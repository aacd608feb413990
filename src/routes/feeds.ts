// /feeds: Atom, RSS and JSON Feed for all places and for each place, and an OPML list of
// every feed. A request reads one feed document; a conditional request or a rendering
// already in memory never parses it.

import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { NotFound } from '../domain/errors.ts';
import { type FeedDocument, type FeedFilter, selectEntries } from '../domain/feed.ts';
import { nameUrn } from '../domain/ids.ts';
import { slug } from '../domain/model.ts';
import type { AppEnv } from '../http/app-env.ts';
import { isNotModified, maxAgeSeconds, publicCacheControl } from '../http/caching.ts';
import { defaultPageSize, indicatorFilter, pageLimit, verificationFilter } from '../http/queries.ts';
import { RenderCache } from '../http/render-cache.ts';
import { valid } from '../http/validation.ts';
import { renderAtom } from '../render/atom.ts';
import { renderJsonFeed } from '../render/json-feed.ts';
import { placeTitle, renderOpml } from '../render/opml.ts';
import { renderRss } from '../render/rss.ts';
import type { FeedSite } from '../render/site.ts';
import { loadPlaceDocument, rebuildPlacesList } from '../services/derive.ts';
import { placeLookup, rebuildFeedDocument } from '../services/feeds.ts';
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
});
type FeedQuery = z.output<typeof feedQuery>;

const renderings = new RenderCache(64);

function siteFor(c: Context<AppEnv>, scope: HistoryScope, title: string): FeedSite {
  const origin = new URL(c.req.url).origin;
  return {
    origin,
    self: c.req.url,
    alternate: scope.kind === 'all' ? `${origin}/api/v1/places` : `${origin}/api/v1/places/${scope.slug}`,
    id: nameUrn(scope.kind === 'all' ? 'feed:all' : `feed:place:${scope.slug}`),
    title,
  };
}

function render(
  format: Format,
  doc: FeedDocument,
  filter: FeedFilter,
  limit: number,
  site: FeedSite,
  ttl: number,
) {
  const entries = selectEntries(doc.entries, filter, limit);
  if (format === 'atom') return renderAtom(doc, entries, site);
  if (format === 'rss') return renderRss(doc, entries, site, { ttlMinutes: ttl });
  return renderJsonFeed(doc, entries, site);
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

async function serveFeed(c: Context<AppEnv>, scope: HistoryScope, format: Format, query: FeedQuery) {
  const filter: FeedFilter = { indicators: query.indicator ?? [], verifications: query.verification ?? [] };
  const limit = query.limit ?? defaultPageSize;
  const opened = await openOrRebuild(c.get('store'), scope);
  const variant = [
    format,
    limit,
    [...(filter.indicators ?? [])].sort(),
    [...(filter.verifications ?? [])].sort(),
  ].join('.');
  const etag = `"${opened.version}.${variant.replaceAll(',', '+')}"`;
  const maxAge = maxAgeSeconds(c.env);
  const headers: Record<string, string> = {
    etag,
    'cache-control': publicCacheControl(maxAge),
    'content-type': formats[format],
    ...(opened.updated ? { 'last-modified': new Date(opened.updated).toUTCString() } : {}),
  };
  if (isNotModified(c.req.raw, etag, opened.updated)) {
    await opened.discard();
    return c.body(null, 304, headers);
  }
  const cacheKey = `${new URL(c.req.url).origin} ${etag}`;
  const cached = renderings.get(cacheKey);
  if (cached !== undefined) {
    await opened.discard();
    return c.body(cached, 200, headers);
  }
  const doc = await opened.read();
  if (!doc) throw new Error('feed document unreadable');
  const title = `Humanitarian status: ${doc.place ? placeTitle(doc.place) : 'all places'}`;
  const body = render(
    format,
    doc,
    filter,
    limit,
    siteFor(c, scope, title),
    Math.max(1, Math.round(maxAge / 60)),
  );
  renderings.set(cacheKey, body);
  return c.body(body, 200, headers);
}

export const feedRoutes = new Hono<AppEnv>()
  .get('/feeds/places/:file', valid('param', feedFile(slug)), valid('query', feedQuery), (c) => {
    const { name, format } = c.req.valid('param').file;
    return serveFeed(c, { kind: 'place', slug: name }, format, c.req.valid('query'));
  })
  .get('/feeds/:file', valid('param', feedFile(z.literal('all'))), valid('query', feedQuery), (c) =>
    serveFeed(c, { kind: 'all' }, c.req.valid('param').file.format, c.req.valid('query')),
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
    const updated = places.reduce<string | null>(
      (at, p) => (p.updated && (!at || p.updated > at) ? p.updated : at),
      null,
    );
    return c.body(renderOpml('Humanitarian status feeds', groups, updated), 200, {
      'content-type': 'text/x-opml; charset=utf-8',
      'cache-control': publicCacheControl(maxAgeSeconds(c.env)),
    });
  });
