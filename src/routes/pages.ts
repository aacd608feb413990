// The pages for people: every place at /, one place at /places/{slug}, one report at
// /reports/{id}, and their stylesheet. HTML rendered on the server from what the JSON API
// reads (the list of places; the place's document; the report and its fate); no script.

import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import * as z from 'zod';
import { fnv1a32 } from '../digest.ts';
import type { HistoryScope } from '../domain/history.ts';
import type { Language } from '../domain/languages.ts';
import { reportId, slug } from '../domain/model.ts';
import type { AppEnv } from '../http/app-env.ts';
import { publicReads } from '../http/caching.ts';
import { htmlHeaders, negotiateLanguage, pageSite } from '../http/html.ts';
import { noQuery, pageQuery } from '../http/queries.ts';
import { valid } from '../http/validation.ts';
import { isMarkedWriter } from '../http/writer-marker.ts';
import { NotFound } from '../problems.ts';
import { renderIndexPage } from '../render/html/index-page.tsx';
import { clockAt, fillTimeSlots } from '../render/html/page-clock.ts';
import { renderPlacePage } from '../render/html/place-page.tsx';
import { renderReportPage } from '../render/html/report-page.tsx';
import { stylesheet, stylesheetPath } from '../render/html/stylesheet.ts';
import { isPlainOrigin } from '../render/origin-template.ts';
import type { PageSite } from '../render/site.ts';
import { loadPlaceDocument, loadPlacesList } from '../services/reading.ts';
import { loadReportPage } from '../services/report-page.ts';
import { publishedByIsPublic } from '../settings.ts';

const slugParam = z.strictObject({ slug });
const idParam = z.strictObject({ id: reportId });

// Pages say "3 hours ago", so they change with time and not only with the data. The same
// max-age as the API (60 s by default) holds: the words count whole minutes at the finest,
// so a cached page is at most about a minute behind. The ETag is the body's hash, so a
// conditional request is answered 304 until the data or the words change.
const pageCaching = [forWriters(), publicReads(), etag()] as const;

/**
 * A page for a reader marked as a writer links to the desk, so it is theirs alone: private,
 * and checked again each time. Every page varies by the cookie, so that a browser that kept
 * a page from before its reader signed in (or after they signed out) asks again.
 */
function forWriters(): MiddlewareHandler<AppEnv> {
  return async function forWritersMiddleware(c, next) {
    await next();
    if (c.res.status !== 200) return;
    c.header('vary', 'Cookie', { append: true });
    if (isMarkedWriter(c)) c.header('cache-control', 'private, no-cache');
  };
}

/** Where a page lives, and whether its reader is shown the desk. */
const siteOf = (c: Context<AppEnv>, lang: string | undefined): PageSite => ({
  ...pageSite(c.req.url, lang),
  deskLinks: isMarkedWriter(c),
});

const utf8 = new TextEncoder();

/**
 * The page its writer stored for a reader who chose no language in the URL (src/answers/pages.ts),
 * its times said as of now; none when it is not stored, or is past the moment it holds until.
 * Its ETag is the stored page's and the words said in it, which change together with the body.
 */
async function storedPage(c: Context<AppEnv>, scope: HistoryScope, language: Language) {
  const origin = new URL(c.req.url).origin;
  if (!isPlainOrigin(origin)) return undefined;
  const opened = await c.get('store').openAnswer({ kind: 'page', scope, language });
  const body = await opened?.body(origin);
  if (!opened || body === undefined) return undefined;
  const { page, said } = fillTimeSlots(
    typeof body === 'string' ? new Uint8Array(utf8.encode(body)) : body,
    new Date(),
    language,
  );
  return c.body(page, 200, {
    'content-type': 'text/html; charset=UTF-8',
    etag: `"${opened.etag.replaceAll('"', '')}-${fnv1a32(said.join('\n')).toString(36)}"`,
    ...htmlHeaders(language),
  });
}

export const pageRoutes = new Hono<AppEnv>()
  .get(stylesheetPath, valid('query', noQuery), (c) =>
    // The path names the content, so it never changes under a cached copy.
    c.body(stylesheet, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    }),
  )
  .get('/', valid('query', pageQuery), ...pageCaching, async (c) => {
    const { lang } = c.req.valid('query');
    const language = negotiateLanguage(lang, c.req.header('accept-language'));
    const stored = lang === undefined && (await storedPage(c, { kind: 'all' }, language));
    if (stored) return stored;
    const places = await loadPlacesList(c.get('store'), c.get('writers'));
    const page = renderIndexPage(places, pageSite(c.req.url, lang), language, clockAt(new Date()));
    return c.html(page, 200, htmlHeaders(language));
  })
  .get('/places/:slug', valid('param', slugParam), valid('query', pageQuery), ...pageCaching, async (c) => {
    const { lang } = c.req.valid('query');
    const { slug } = c.req.valid('param');
    const language = negotiateLanguage(lang, c.req.header('accept-language'));
    // A reader marked as a writer is shown the desk's links, which the stored page has not.
    const stored =
      lang === undefined && !isMarkedWriter(c) && (await storedPage(c, { kind: 'place', slug }, language));
    if (stored) return stored;
    const doc = await loadPlaceDocument(c.get('store'), c.get('writers'), slug);
    if (!doc) throw new NotFound(`no place with slug "${slug}"`);
    const page = renderPlacePage(doc, siteOf(c, lang), language, clockAt(new Date()));
    return c.html(page, 200, htmlHeaders(language));
  })
  .get('/reports/:id', valid('param', idParam), valid('query', pageQuery), ...pageCaching, async (c) => {
    const { lang } = c.req.valid('query');
    const language = negotiateLanguage(lang, c.req.header('accept-language'));
    const { id } = c.req.valid('param');
    const data = await loadReportPage(c.get('store'), c.get('writers'), id, publishedByIsPublic(c.env));
    const page = renderReportPage(data, siteOf(c, lang), language, clockAt(new Date()));
    return c.html(page, 200, htmlHeaders(language));
  });
