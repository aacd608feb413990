// People at the desk. An admin invites a person by name and scopes and gets a link that works
// once, for a week; opening it shows the invitation (a GET changes nothing: link scanners
// fetch links), and its button gives the person a write token of their own, shown once. Only
// SHA-256 hashes of the link's secret and of the token are kept, in the account registry
// (src/writers/account-registry.ts), which also counts wrong links and tokens per address.
// An admin sees everyone and revokes a person at once: their token stops working, and their
// sessions end at their next request (src/desk/session.ts asks the registry).

import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { sha256 } from '../../digest.ts';
import { hex, toBase64Url } from '../../encoding.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { clientOf, type DeskScope, isDeskScope, tokenNames } from '../../http/auth.ts';
import { deskHeaders, negotiateLanguage, pageSite } from '../../http/html.ts';
import { pageQuery } from '../../http/queries.ts';
import { valid } from '../../http/validation.ts';
import { pageHref } from '../../render/html/layout.tsx';
import { accountRegistry, invitationMs, maxInvitationsPerDay } from '../../writers/account-registry.ts';
import { type DeskReader, deskReader } from '../access.ts';
import { peoplePath, renderSignInPage } from '../pages/desk-pages.tsx';
import { formField, formFields, formValues } from '../session.ts';
import { deskMessages } from '../words.ts';
import {
  inviteFields as f,
  invitationPath,
  maxNameLength,
  type PeopleView,
  renderInvitationPage,
  renderInvitationRefused,
  renderInvitedPage,
  renderPeoplePage,
  renderTokenPage,
  revokePath,
} from './pages.tsx';

/** 32 random bytes, as base64url: a secret no one guesses, short enough for a link. */
const newSecret = () => toBase64Url(crypto.getRandomValues(new Uint8Array(32)));

const hashOf = async (secret: string) => hex(await sha256(secret));

/** The signed-in admin, or the page that says why not. */
async function adminReader(c: Context<AppEnv>): Promise<DeskReader | Response> {
  const reader = await deskReader(c);
  if (reader instanceof Response || reader.session.principal.scopes.includes('admin')) return reader;
  const { site, language } = reader;
  const words = deskMessages[language].accounts.notAdmin;
  return c.html(renderSignInPage(site, language, words), 403, deskHeaders(language));
}

async function peoplePage(
  c: Context<AppEnv>,
  admin: DeskReader,
  refused: Pick<PeopleView, 'values' | 'problem'>,
  status: 200 | 409 | 422 | 429,
) {
  const people = await accountRegistry(c.env).list(Date.now());
  const view = { people, formToken: admin.session.formToken, ...refused };
  return c.html(renderPeoplePage(view, admin.site, admin.language), status, deskHeaders(admin.language));
}

/** A person's name as written, with its runs of white space made one space. */
const nameOf = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

// The link's secret is the last part of its path; the request log leaves it out.
const invitationParam = z.strictObject({ secret: z.string() });

/** The pages of an invitation: in the reader's language, never kept, never sent on as a Referer. */
function invitationAnswer(c: Context<AppEnv>) {
  const lang = c.req.query('lang');
  const language = negotiateLanguage(lang, c.req.header('accept-language'));
  const site = pageSite(c.req.url, lang);
  const headers = { ...deskHeaders(language), 'referrer-policy': 'no-referrer' };
  const m = deskMessages[language].accounts;
  return {
    language,
    site,
    headers,
    refused: (found: {
      kind: 'unknown' | 'expired' | 'used' | 'revoked' | 'limited';
      retryAfterSeconds?: number;
    }) => {
      const retryAfter = found.retryAfterSeconds ?? 0;
      const [status, words] = {
        unknown: [404, m.invitationUnknown] as const,
        expired: [410, m.invitationExpired] as const,
        used: [410, m.invitationUsed] as const,
        revoked: [410, m.invitationRevoked] as const,
        limited: [429, m.tooManyAttempts(retryAfter)] as const,
      }[found.kind];
      const extra: Record<string, string> =
        found.kind === 'limited' ? { 'retry-after': String(retryAfter) } : {};
      return c.html(renderInvitationRefused(words, site, language), status, { ...headers, ...extra });
    },
  };
}

export const deskAccountRoutes = new Hono<AppEnv>()
  .get(peoplePath, valid('query', pageQuery), async (c) => {
    const admin = await adminReader(c);
    if (admin instanceof Response) return admin;
    return peoplePage(c, admin, {}, 200);
  })
  .post(peoplePath, valid('query', pageQuery), async (c) => {
    const admin = await adminReader(c);
    if (admin instanceof Response) return admin;
    const m = deskMessages[admin.language].accounts;
    const name = nameOf((await formFields(c))[f.name] ?? '');
    const scopes = (await formValues(c, f.scope)).filter((s): s is DeskScope => isDeskScope(s as DeskScope));
    const values = { name, scopes };
    if (name === '') return peoplePage(c, admin, { values, problem: m.nameMissing }, 422);
    if ([...name].length > maxNameLength) {
      return peoplePage(c, admin, { values, problem: m.nameTooLong(maxNameLength) }, 422);
    }
    if (scopes.length === 0) return peoplePage(c, admin, { values, problem: m.noScope }, 422);
    const secret = newSecret();
    const now = Date.now();
    const invitation = { name, scopes, by: admin.session.principal.name, sha256: await hashOf(secret) };
    const made = tokenNames(c.env.API_TOKENS).includes(name)
      ? 'taken'
      : await accountRegistry(c.env).invite(invitation, now);
    if (made === 'taken') return peoplePage(c, admin, { values, problem: m.nameTaken(name) }, 409);
    if (made === 'too-many') {
      return peoplePage(c, admin, { values, problem: m.tooManyInvitations(maxInvitationsPerDay) }, 429);
    }
    const link = new URL(invitationPath(secret), c.req.url).href;
    const page = renderInvitedPage({ name, link, expires: now + invitationMs }, admin.site, admin.language);
    return c.html(page, 201, deskHeaders(admin.language));
  })
  .post(revokePath, valid('query', pageQuery), async (c) => {
    const admin = await adminReader(c);
    if (admin instanceof Response) return admin;
    await accountRegistry(c.env).revoke(await formField(c, f.name), Date.now());
    return c.redirect(pageHref(peoplePath, admin.site, admin.language), 303);
  })
  .get(invitationPath(':secret'), valid('param', invitationParam), valid('query', pageQuery), async (c) => {
    const answer = invitationAnswer(c);
    const hash = await hashOf(c.req.valid('param').secret);
    const found = await accountRegistry(c.env).invitation(hash, clientOf(c.req.raw), Date.now());
    if (found.kind !== 'open') return answer.refused(found);
    const invitation = {
      ...found.account,
      expires: found.expires,
      action: pageHref(c.req.path, answer.site, answer.language),
    };
    return c.html(renderInvitationPage(invitation, answer.site, answer.language), 200, answer.headers);
  })
  .post(invitationPath(':secret'), valid('param', invitationParam), valid('query', pageQuery), async (c) => {
    const answer = invitationAnswer(c);
    const token = newSecret();
    const accepted = await accountRegistry(c.env).accept(
      await hashOf(c.req.valid('param').secret),
      await hashOf(token),
      clientOf(c.req.raw),
      Date.now(),
    );
    if (accepted.kind !== 'open') return answer.refused(accepted);
    return c.html(renderTokenPage(token, answer.site, answer.language), 201, answer.headers);
  });
