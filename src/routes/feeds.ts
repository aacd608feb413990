// /feeds: Atom, RSS and JSON Feed for all places and for each place, and an OPML list of
// every feed.

import { Hono } from 'hono';
import { z } from 'zod';
import { slug } from '../domain/model.ts';
import type { AppEnv } from '../http/app-env.ts';
import { feedFile, feedQuery, serveFeedRequest, serveOpml } from '../http/feed-response.ts';
import { valid } from '../http/validation.ts';

export const feedRoutes = new Hono<AppEnv>()
  .get('/feeds/places/:file', valid('param', feedFile(slug)), valid('query', feedQuery), (c) => {
    const { name, format } = c.req.valid('param').file;
    return serveFeedRequest(c, { kind: 'place', slug: name }, format, c.req.valid('query'));
  })
  .get('/feeds/:file', valid('param', feedFile(z.literal('all'))), valid('query', feedQuery), (c) =>
    serveFeedRequest(c, { kind: 'all' }, c.req.valid('param').file.format, c.req.valid('query')),
  )
  .get('/feeds.opml', serveOpml);
