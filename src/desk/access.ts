// Who may use a desk page: the one check every page and form of the desk passes. Without a
// session a page sends the reader to sign in; a form, or a page whose session ended (expired,
// signed out elsewhere, its person revoked), says the session ended; without
// the scope the page needs, and for a form without the session's form token, a page says
// so, as it does for a form past its writer's write limit. Each answer is a page in the
// reader's language, never a 500.

import type { Context } from 'hono';
import type { Language } from '../domain/languages.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { DeskScope } from '../http/auth.ts';
import { deskHeaders, negotiateLanguage, pageSite } from '../http/html.ts';
import { rateWindowSeconds, withinWriteLimit } from '../http/write-access.ts';
import { pageHref } from '../render/html/layout.tsx';
import type { PageSite } from '../render/site.ts';
import { reportFields as f } from './forms/report-form-fields.ts';
import { renderSignInPage, renderWriteLimitedPage, signInPath } from './pages/desk-pages.tsx';
import { currentSession, type DeskSessionInfo, formFields } from './session.ts';
import { deskMessages } from './words.ts';

export interface DeskReader {
  session: DeskSessionInfo;
  language: Language;
  site: PageSite;
}

/** The signed-in writer with `scope` (any, when undefined), or the page that says why not. */
export async function deskReader(c: Context<AppEnv>, scope?: DeskScope): Promise<DeskReader | Response> {
  const lang = c.req.query('lang');
  const language = negotiateLanguage(lang, c.req.header('accept-language'));
  const site = pageSite(c.req.url, lang);
  const m = deskMessages[language];
  const refuse = (status: 401 | 403, words: string) =>
    c.html(renderSignInPage(site, language, words), status, deskHeaders(language));
  const session = await currentSession(c);
  // A page asked without a session is the way to sign in; one whose session ended says so.
  if (session === undefined && c.req.method === 'GET') {
    return c.redirect(pageHref(signInPath, site, language), 303);
  }
  if (session === undefined || session === 'ended') return refuse(401, m.sessionEnded);
  if (scope && !session.principal.scopes.includes(scope)) {
    const withoutScope: Record<DeskScope, string> = {
      report: m.noDeskScope,
      moderate: m.moderation.notModerator,
      admin: m.places.notAdmin,
    };
    return refuse(403, withoutScope[scope]);
  }
  if (c.req.method === 'POST' && (await formFields(c))[f.formToken] !== session.formToken) {
    return refuse(403, m.formExpired);
  }
  // A form that writes, previews or drafts counts against its writer's limit as the API does.
  if (c.req.method === 'POST' && scope && !(await withinWriteLimit(c.env, session.principal.name))) {
    return c.html(renderWriteLimitedPage(site, language, rateWindowSeconds), 429, {
      ...deskHeaders(language),
      'retry-after': String(rateWindowSeconds),
    });
  }
  return { session, language, site };
}
