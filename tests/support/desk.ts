// Using the desk as a browser does: forms from this site, redirects not followed (the next
// request is the test's own), and the session cookie sent back.

import { call } from './api.ts';
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
