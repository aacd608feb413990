// The writer marker: a cookie that tells the public pages a reader has a desk session, so
// that each report they show links to its page at the desk for that reader alone. It is not
// the session (which stays scoped to /desk and never reaches a public page) and grants
// nothing: the desk checks the session itself, and sends anyone without one to sign in. A
// page rendered for a marked reader is private, so that no shared cache hands it to anyone
// else; every other reader gets the one public answer.

import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './app-env.ts';

const markerName = 'desk_writer';

/** Browsers keep a Secure cookie only over https; on plain-http localhost it is left off. */
export function secureCookies(c: Context<AppEnv>): boolean {
  const { protocol, hostname } = new URL(c.req.url);
  return !(protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname));
}

/** Marks the reader as a writer for as long as their session may last. */
export function markWriter(c: Context<AppEnv>, maxAgeSeconds: number): void {
  setCookie(c, markerName, '1', {
    path: '/',
    httpOnly: true,
    secure: secureCookies(c),
    sameSite: 'Lax',
    maxAge: maxAgeSeconds,
  });
}

/** The reader's session ended: the public pages stop offering the desk. */
export function unmarkWriter(c: Context<AppEnv>): void {
  deleteCookie(c, markerName, { path: '/', secure: secureCookies(c) });
}

export const isMarkedWriter = (c: Context<AppEnv>): boolean => getCookie(c, markerName) === '1';
