// /feeds: Atom, RSS and JSON Feed for all places and for each place, and an OPML list of
// every feed.

import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { humanitarianItemExtension } from '../domain/feed-extension.ts';
import { slug } from '../domain/model.ts';
import { feedFile, feedQuery, serveFeedRequest, serveOpml } from '../http/feed-response.ts';
import { cachingHeaders, openApiRoutes, readProblems } from '../http/openapi.ts';
import { noQuery } from '../http/queries.ts';

const xml = z.string().meta({ description: 'The feed document' });

/** JSON Feed 1.1 as served: the standard members, and the extension on every item. */
const jsonFeed = z
  .looseObject({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string(),
    items: z.array(z.looseObject({ id: z.string(), _humanitarian: humanitarianItemExtension })),
  })
  .meta({ description: 'JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)' });

const feedResponses = {
  200: {
    description: 'The feed in the format its file name ends with',
    headers: cachingHeaders,
    content: {
      'application/atom+xml': { schema: xml },
      'application/rss+xml': { schema: xml },
      'application/feed+json': { schema: jsonFeed },
    },
  },
  304: { description: 'Not modified since the ETag sent as If-None-Match' },
  ...readProblems(),
};

const feedDescription =
  'Without `cursor`: the newest entries (corrections and retractions update the entry of the report they touch). With `cursor` (from an RFC 5005 prev-archive link or JSON Feed next_url): an archive page of older reports.';

const placeFeed = createRoute({
  method: 'get',
  path: '/feeds/places/{file}',
  tags: ['Feeds'],
  summary: "A place's feed: {slug}.atom, {slug}.rss or {slug}.json",
  description: feedDescription,
  request: { params: feedFile(slug), query: feedQuery },
  responses: feedResponses,
});

const allFeed = createRoute({
  method: 'get',
  path: '/feeds/{file}',
  tags: ['Feeds'],
  summary: 'The feed of every place: all.atom, all.rss or all.json',
  description: feedDescription,
  request: { params: feedFile(z.literal('all')), query: feedQuery },
  responses: feedResponses,
});

const opml = createRoute({
  method: 'get',
  path: '/feeds.opml',
  tags: ['Feeds'],
  summary: 'OPML listing every feed of every place, to import into a feed reader',
  request: { query: noQuery },
  responses: {
    200: { description: 'The OPML outline', content: { 'text/x-opml': { schema: xml } } },
    ...readProblems(),
  },
});

export const feedRoutes = openApiRoutes()
  .openapi(placeFeed, (c) => {
    const { name, format } = c.req.valid('param').file;
    return serveFeedRequest(c, { kind: 'place', slug: name }, format, c.req.valid('query'));
  })
  .openapi(allFeed, (c) =>
    serveFeedRequest(c, { kind: 'all' }, c.req.valid('param').file.format, c.req.valid('query')),
  )
  .openapi(opml, serveOpml);
