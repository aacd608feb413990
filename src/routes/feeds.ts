// /feeds: a feed of all places and one per place, in every format of the feed-format
// registry, and an OPML list that subscribes a reader to each once. English feeds are at
// /feeds/all.atom and /feeds/places/{slug}.atom, as they always were; each other page language
// has the same feeds under /feeds/{lang}/ (/feeds/uk/places/bakhmut.rss). A feed's language is
// in its URL and never varies by header: a reader polls one URL and must get one language.

import type { Context } from 'hono';
import * as z from 'zod';
import type { HistoryScope } from '../domain/history.ts';
import { type Language, pageLanguages } from '../domain/languages.ts';
import { slug } from '../domain/model.ts';
import type { AppEnv } from '../http/app-env.ts';
import { isNotModified, publicCacheControl } from '../http/caching.ts';
import { createRoute } from '../http/contract-routes.ts';
import { cachingHeaders, openApiRoutes, readProblems } from '../http/openapi.ts';
import { feedQuery, historyFilterOf, noQuery } from '../http/queries.ts';
import { type FeedFormat, feedFormatEntries, feedFormatNames, feedFormats } from '../render/feed-formats.ts';
import { type FeedAnswer, openFeed } from '../services/feeds.ts';
import { loadPlaceListFile } from '../services/reading.ts';
import { hubAt, maxAgeSeconds } from '../settings.ts';

const extensions = feedFormatNames.map((format) => `.${format}`);

/** `{name}.{format}`: the file name of a feed, its extension one of the registry's formats. */
const feedFile = (name: z.ZodType<string, string>) =>
  z.strictObject({
    file: z
      .string()
      .regex(new RegExp(`^[^.]+\\.(${feedFormatNames.join('|')})$`), `must end in ${extensions.join(', ')}`)
      .transform((file) => {
        const dot = file.lastIndexOf('.');
        return { name: file.slice(0, dot), format: file.slice(dot + 1) };
      })
      .pipe(z.object({ name, format: z.enum(feedFormatNames) })),
  });

const feedResponses = {
  200: {
    description: 'The feed in the format its file name ends with',
    headers: cachingHeaders,
    content: Object.fromEntries(feedFormatEntries.map(([, f]) => [f.mediaType, { schema: f.schema }])),
  },
  304: { description: 'Not modified since the ETag sent as If-None-Match' },
  ...readProblems(),
};

const feedDescription =
  'Without `cursor`: the newest entries. A correction, retraction or restoration is an entry of its own, with a new id and the time of the change, and the entry of the report it touches is updated. With `cursor` (from an RFC 5005 prev-archive link or JSON Feed next_url): an archive page of older reports.';

/** The languages with feeds under /feeds/{lang}/: every page language but English. */
const translatedFeedLanguage = z.enum(
  pageLanguages.filter((language) => language !== 'en') as [Language, ...Language[]],
);

const placeFeed = createRoute({
  method: 'get',
  path: '/feeds/places/{file}',
  tags: ['Feeds'],
  summary: `A place's feed: ${extensions.map((e) => `{slug}${e}`).join(', ')}`,
  description: feedDescription,
  request: { params: feedFile(slug), query: feedQuery },
  responses: feedResponses,
});

const allFeed = createRoute({
  method: 'get',
  path: '/feeds/{file}',
  tags: ['Feeds'],
  summary: `The feed of every place: ${extensions.map((e) => `all${e}`).join(', ')}`,
  description: feedDescription,
  request: { params: feedFile(z.literal('all')), query: feedQuery },
  responses: feedResponses,
});

const translatedPlaceFeed = createRoute({
  method: 'get',
  path: '/feeds/{lang}/places/{file}',
  tags: ['Feeds'],
  summary: `A place's feed in another language: ${extensions.map((e) => `{slug}${e}`).join(', ')}`,
  description: feedDescription,
  request: { params: feedFile(slug).extend({ lang: translatedFeedLanguage }), query: feedQuery },
  responses: feedResponses,
});

const translatedAllFeed = createRoute({
  method: 'get',
  path: '/feeds/{lang}/{file}',
  tags: ['Feeds'],
  summary: `The feed of every place in another language: ${extensions.map((e) => `all${e}`).join(', ')}`,
  description: feedDescription,
  request: { params: feedFile(z.literal('all')).extend({ lang: translatedFeedLanguage }), query: feedQuery },
  responses: feedResponses,
});

const opml = createRoute({
  method: 'get',
  path: '/feeds.opml',
  tags: ['Feeds'],
  summary:
    'OPML with the Atom feed of every place and of all places, once each, to import into a feed reader',
  request: { query: noQuery },
  responses: {
    200: {
      description: 'The OPML outline',
      content: { 'text/x-opml': { schema: z.string().meta({ description: 'The OPML document' }) } },
    },
    ...readProblems(),
  },
});

function feedAnswered(
  c: Context<AppEnv>,
  format: FeedFormat,
  answer: FeedAnswer,
  body: Uint8Array<ArrayBuffer> | string | null,
) {
  const headers = {
    etag: answer.etag,
    'cache-control': publicCacheControl(maxAgeSeconds(c.env)),
    'content-type': `${feedFormats[format].mediaType}; charset=utf-8`,
    ...(answer.updated ? { 'last-modified': new Date(answer.updated).toUTCString() } : {}),
  };
  return body === null ? c.body(null, 304, headers) : c.body(body, 200, headers);
}

type FeedQuery = z.output<typeof feedQuery>;

async function serveFeed(
  c: Context<AppEnv>,
  scope: HistoryScope,
  format: FeedFormat,
  query: FeedQuery,
  language: Language = 'en',
) {
  const answer = await openFeed(c.get('store'), c.get('writers'), {
    scope,
    language,
    format,
    filter: historyFilterOf(query),
    limit: query.limit,
    cursor: query.cursor,
    url: c.req.url,
    hub: { here: hubAt(c.env, new URL(c.req.url).origin), stored: hubAt(c.env) },
    maxAgeSeconds: maxAgeSeconds(c.env),
    isNotModified: (etag, updated) => isNotModified(c.req.raw, etag, updated),
  });
  if (!isNotModified(c.req.raw, answer.etag, answer.updated)) {
    return feedAnswered(c, format, answer, await answer.body());
  }
  await answer.discard();
  return feedAnswered(c, format, answer, null);
}

export const feedRoutes = openApiRoutes()
  .openapi(placeFeed, (c) => {
    const { name, format } = c.req.valid('param').file;
    return serveFeed(c, { kind: 'place', slug: name }, format, c.req.valid('query'));
  })
  .openapi(allFeed, (c) =>
    serveFeed(c, { kind: 'all' }, c.req.valid('param').file.format, c.req.valid('query')),
  )
  .openapi(translatedPlaceFeed, (c) => {
    const { file, lang } = c.req.valid('param');
    return serveFeed(c, { kind: 'place', slug: file.name }, file.format, c.req.valid('query'), lang);
  })
  .openapi(translatedAllFeed, (c) => {
    const { file, lang } = c.req.valid('param');
    return serveFeed(c, { kind: 'all' }, file.format, c.req.valid('query'), lang);
  })
  .openapi(opml, async (c) => {
    const { origin } = new URL(c.req.url);
    const file = await loadPlaceListFile(c.get('store'), c.get('writers'), 'feeds.opml', origin);
    return c.body(file.body, 200, {
      'content-type': 'text/x-opml; charset=utf-8',
      'cache-control': publicCacheControl(maxAgeSeconds(c.env)),
      ...(file.etag ? { etag: file.etag } : {}),
    });
  });
