// Using the desk as a browser does: forms from this site, redirects not followed (the next
// request is the test's own), and the session cookie sent back.

import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import deskWorker from '../../src/desk/worker.ts';
import { call, origin } from './api.ts';
import { testTokens } from './tokens.ts';

export const sameSite = { origin: 'http://status.test', 'sec-fetch-site': 'same-origin' };
export const manual = { redirect: 'manual' } as const;

/** Posts a form, from this site unless `headers` say otherwise. */
export function postForm(
  path: string,
  fields: Record<string, string> | [string, string][],
  headers: Record<string, string> = sameSite,
) {
  return call(path, {
    ...manual,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/**
 * Signs in with `token`: the answer, the cookies a browser then sends (the session and the
 * writer marker, as `name=value; …`) and the session's form token.
 */
export async function signIn(token: string = testTokens.moderator.token) {
  const response = await postForm('/desk/sign-in', { token });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const desk = cookie ? await (await call('/desk', { ...manual, headers: { cookie } })).text() : '';
  const formToken = /name="formToken" value="([0-9a-f]{64})"/.exec(desk)?.[1] ?? '';
  return { response, cookie, formToken };
}

/**
 * A request to the desk's Worker run in this test's own isolate, with `bindings` (the test's
 * own unless given), where `call` reaches it through the public Worker's DESK binding, in an
 * isolate of its own: for a test that must see its log lines, or give it another binding.
 */
export async function callDeskHere(path: string, init: RequestInit = {}, bindings: Env = env) {
  const ctx = createExecutionContext();
  const response = await deskWorker.fetch(new Request(new URL(path, origin), init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
