// The desk's sessions. Signing in with a token opens a session: a random id in a signed,
// HttpOnly, SameSite=Strict cookie (Secure but on plain-http localhost) that expires, and a
// record in the session's own Durable Object (src/desk/session-object.ts) with who signed
// in and the session's form token. The token itself is never stored, in the cookie, a page
// or a log. Signing out deletes the record, so a copy of the cookie is worth nothing after;
// so does revoking the person who signed in (src/desk/accounts/). Beside the session, the
// writer marker (src/http/writer-marker.ts) tells the public pages to link to the desk; it
// comes and goes with the session.

import type { Context, MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { sha256 } from '../digest.ts';
import { draftBodyBytes } from '../drafting/limits.ts';
import { hex } from '../encoding.ts';
import type { AppEnv } from '../http/app-env.ts';
import { deskRequestBytes, limitBody, writeBodyBytes } from '../http/body-limit.ts';
import type { Principal } from '../http/principal.ts';
import { markWriter, secureCookies as secure, unmarkWriter } from '../http/writer-marker.ts';
import { accountRegistry } from '../writers/account-registry.ts';
import { requireFormBody } from './forms/body.ts';
import { draftPath } from './pages/draft-pages.tsx';
import { importPath } from './pages/import-page.tsx';
import type { DeskSessionRecord } from './session-object.ts';

const cookieName = 'desk_session';

/** A session's own Durable Object, named by the session's id. */
const sessionObject = (c: Context<AppEnv>, id: string) => c.env.DESK_SESSION.getByName(id);
/** A working day: long enough to file the day's reports, short enough to end by itself. */
const sessionSeconds = 8 * 60 * 60;

/**
 * The cookie's signing key, derived from the token registry: no secret of its own to deploy,
 * and replacing or revoking tokens ends every session at once.
 */
async function signingKey(c: Context<AppEnv>): Promise<string> {
  return hex(await sha256(`desk session cookie\n${c.env.API_TOKENS ?? ''}`));
}

function randomHex(bytes: number): string {
  return hex(crypto.getRandomValues(new Uint8Array(bytes)));
}

export interface DeskSessionInfo extends DeskSessionRecord {
  id: string;
}

export async function openSession(c: Context<AppEnv>, principal: Principal): Promise<void> {
  const id = randomHex(32);
  const record: DeskSessionRecord = {
    principal: { name: principal.name, scopes: [...principal.scopes], account: principal.account },
    expires: Date.now() + sessionSeconds * 1000,
    formToken: randomHex(32),
  };
  await sessionObject(c, id).open(record);
  await setSignedCookie(c, cookieName, id, await signingKey(c), {
    path: '/desk',
    httpOnly: true,
    secure: secure(c),
    sameSite: 'Strict',
    maxAge: sessionSeconds,
  });
  markWriter(c, sessionSeconds);
}

/**
 * The request's session while it lasts; 'ended' when the request carries one that has ended
 * (expired, signed out elsewhere, or its person revoked), whose cookies are then cleared; and
 * undefined without one.
 */
export async function currentSession(c: Context<AppEnv>): Promise<DeskSessionInfo | 'ended' | undefined> {
  const id = await getSignedCookie(c, await signingKey(c), cookieName);
  if (id === undefined) return undefined;
  const ended = () => {
    clearCookies(c);
    return 'ended' as const;
  };
  // false: a cookie signed with another key, as after the tokens were replaced.
  if (id === false || !/^[0-9a-f]{64}$/.test(id)) return ended();
  const record = await sessionObject(c, id).read(Date.now());
  if (!record) return ended();
  // A person revoked at the desk: each of their sessions ends at its next request, wherever it is.
  if (record.principal.account && !(await accountRegistry(c.env).isActive(record.principal.name))) {
    await sessionObject(c, id).close();
    return ended();
  }
  return { ...record, id };
}

function clearCookies(c: Context<AppEnv>): void {
  deleteCookie(c, cookieName, { path: '/desk', secure: secure(c) });
  unmarkWriter(c);
}

export async function endSession(c: Context<AppEnv>, session: DeskSessionInfo): Promise<void> {
  await sessionObject(c, session.id).close();
  clearCookies(c);
}

/** An import's form carries its file (as base64, in the check's form): room for that and the rest. */
const maxImportFormBytes = deskRequestBytes;

/** The largest spreadsheet the desk imports: 100 reports fit in far less. */
export const maxImportFileBytes = maxImportFormBytes / 2;

/**
 * What every request of the desk passes first: Hono's csrf middleware (a form must come
 * from this site, by its Origin or Sec-Fetch-Site), a limit on the size of its body, and
 * the check that it is a form in UTF-8. A form is small, and refused beyond a write's body
 * before it is read; an import carries its file, and a draft its text, which may be long
 * (src/drafting/limits.ts).
 */
export function deskGuards(): MiddlewareHandler<AppEnv> {
  const formLimit = limitBody(writeBodyBytes);
  const importLimit = limitBody(maxImportFormBytes);
  const draftLimit = limitBody(draftBodyBytes);
  const limitOf = (path: string) =>
    path.startsWith(importPath) ? importLimit : path === draftPath ? draftLimit : formLimit;
  return every(csrf(), (c, next) => limitOf(c.req.path)(c, next), requireFormBody());
}

/** A desk form's fields, as text: an uploaded file is read where it is expected (the import). */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

/** One field of a desk form, as text. */
export async function formField(c: Context<AppEnv>, name: string): Promise<string> {
  return (await formFields(c))[name] ?? '';
}

/** The values of a field sent more than once (the confirmed warnings' checkboxes). */
export async function formValues(c: Context<AppEnv>, name: string): Promise<string[]> {
  const value = (await c.req.parseBody({ all: true }))[name];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string');
}
