// The editorial desk: signing in with a write token, the desk of a signed-in writer, and
// signing out. Forms from other sites are refused twice over: by Hono's csrf middleware
// (the browser's Origin or Sec-Fetch-Site must be this site's) and by the session's form
// token, which every form of a session carries. A wrong token, a session that ended or a
// token without a scope gets a page that says so, in the reader's language, never a 500.

import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import { clientOf, deskScopes, isDeskScope, principalOfToken } from '../../http/auth.ts';
import { deskHeaders, negotiateLanguage, pageSite } from '../../http/html.ts';
import type { Principal } from '../../http/principal.ts';
import { pageQuery } from '../../http/queries.ts';
import { valid } from '../../http/validation.ts';
import { TooManyAttempts } from '../../problems.ts';
import { pageHref } from '../../render/html/layout.tsx';
import { readHistoryPage } from '../../services/history.ts';
import { loadPlacesList } from '../../services/reading.ts';
import { deskReader } from '../access.ts';
import { deskPath } from '../pages/desk-layout.tsx';
import { renderDeskPage, renderSignInPage, signInPath, signOutPath } from '../pages/desk-pages.tsx';
import { endSession, formField, openSession } from '../session.ts';
import { deskMessages } from '../words.ts';

/** How many reports each list on the desk's home shows: a day's work at a busy desk. */
const listedReports = 20;

/** Who a typed token belongs to; while its address has sent too many wrong ones, the refusal. */
async function signInPrincipal(
  c: Context<AppEnv>,
  token: string,
): Promise<Principal | undefined | TooManyAttempts> {
  try {
    return await principalOfToken(token, c.env, clientOf(c.req.raw));
  } catch (error) {
    if (error instanceof TooManyAttempts) return error;
    throw error;
  }
}

export const deskRoutes = new Hono<AppEnv>()
  .get(deskPath, valid('query', pageQuery), async (c) => {
    const reader = await deskReader(c);
    if (reader instanceof Response) return reader;
    const { session, site, language } = reader;
    const store = c.get('store');
    const [newest, own, changes, places] = await Promise.all([
      readHistoryPage(store, c.get('writers'), { kind: 'all' }, {}, listedReports),
      c.get('writers').changeLog().publishedBy(session.principal.name, listedReports),
      c.get('writers').changeLog().newest(listedReports),
      loadPlacesList(store, c.get('writers')),
    ]);
    const view = {
      name: session.principal.name,
      scopes: deskScopes.filter((s) => session.principal.scopes.includes(s)),
      formToken: session.formToken,
      newest: newest.summaries,
      own,
      changes,
      places: new Map(places.map((p) => [p.slug, p])),
    };
    return c.html(renderDeskPage(view, site, language), 200, deskHeaders(language));
  })
  .get(signInPath, valid('query', pageQuery), (c) => {
    const { lang } = c.req.valid('query');
    const language = negotiateLanguage(lang, c.req.header('accept-language'));
    return c.html(renderSignInPage(pageSite(c.req.url, lang), language), 200, deskHeaders(language));
  })
  .post(signInPath, valid('query', pageQuery), async (c) => {
    const { lang } = c.req.valid('query');
    const language = negotiateLanguage(lang, c.req.header('accept-language'));
    const site = pageSite(c.req.url, lang);
    const principal = await signInPrincipal(c, (await formField(c, 'token')).trim());
    if (principal instanceof TooManyAttempts) {
      const words = deskMessages[language].accounts.tooManyAttempts(principal.retryAfterSeconds);
      return c.html(renderSignInPage(site, language, words), 429, {
        ...deskHeaders(language),
        ...principal.headers,
      });
    }
    if (!principal) {
      return c.html(
        renderSignInPage(site, language, deskMessages[language].wrongToken),
        401,
        deskHeaders(language),
      );
    }
    if (!principal.scopes.some(isDeskScope)) {
      return c.html(
        renderSignInPage(site, language, deskMessages[language].noDeskScope),
        403,
        deskHeaders(language),
      );
    }
    await openSession(c, principal);
    return c.redirect(pageHref(deskPath, site, language), 303);
  })
  .post(signOutPath, valid('query', pageQuery), async (c) => {
    const reader = await deskReader(c);
    if (reader instanceof Response) return reader;
    const { session, site, language } = reader;
    await endSession(c, session);
    return c.redirect(pageHref(signInPath, site, language), 303);
  });
