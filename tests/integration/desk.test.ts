import { describe, expect, it } from 'vitest';
import { call } from '../support/api.ts';
import { manual, postForm as post, sameSite, signIn } from '../support/desk.ts';
import { testTokens } from '../support/tokens.ts';

async function desk(cookie: string) {
  const response = await call('/desk', { ...manual, headers: { cookie } });
  return { response, html: await response.text() };
}

describe('signing in to the desk', () => {
  it('opens a session in a signed, HttpOnly, SameSite=Strict cookie that expires, never holding the token', async () => {
    const { response, cookie } = await signIn();
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/desk');
    const [setCookie = '', marker = ''] = response.headers.getSetCookie();
    // The writer marker tells the public pages to link to the desk; it grants nothing.
    expect(marker).toMatch(/^desk_writer=1; Max-Age=28800; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(setCookie).toMatch(/^desk_session=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('Path=/desk');
    expect(setCookie).toContain('Max-Age=28800');
    expect(decodeURIComponent(setCookie)).not.toContain(testTokens.moderator.token);
    const { response: page, html } = await desk(cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(html).toContain('Signed in as <bdi>moderator</bdi>');
    expect(html).toContain('correct and retract reports');
    expect(html).not.toContain('create and edit places');
    expect(html).not.toContain(testTokens.moderator.token);
    expect(html).not.toMatch(/<script/i);
  });

  it('leaves Secure off only on plain-http localhost', async () => {
    const response = await post(
      'http://localhost/desk/sign-in',
      { token: testTokens.reporter.token },
      { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('answers a wrong token with the sign-in page saying so, 401, in the reader’s language', async () => {
    const english = await post('/desk/sign-in', { token: 'not-a-token' });
    expect(english.status).toBe(401);
    expect(english.headers.get('set-cookie')).toBeNull();
    expect(await english.text()).toContain('That token is not known.');
    const dutch = await post('/desk/sign-in?lang=nl', { token: '' });
    expect(dutch.status).toBe(401);
    expect(await dutch.text()).toContain('Dat token is onbekend.');
  });

  it('sends a visitor without a session to the sign-in page, and tells one with a forged session that it ended', async () => {
    const none = await call('/desk', manual);
    expect(none.status).toBe(303);
    expect(none.headers.get('location')).toBe('/desk/sign-in');
    const { cookie } = await signIn();
    // one character of the session id changed: the signature no longer matches
    const forged = cookie.replace(/=(.)/, (_, first: string) => `=${first === '0' ? '1' : '0'}`);
    expect((await desk(forged)).response.status).toBe(401);
    const page = await call('/desk/sign-in?lang=nl');
    const html = await page.text();
    expect(html).toContain('<label for="token">Schrijftoken</label>');
    expect(html).toContain('action="/desk/sign-in?lang=nl"');
  });
});

describe('signing out', () => {
  it('ends the session, so a copy of the cookie replayed afterwards is refused', async () => {
    const { cookie } = await signIn();
    const { html } = await desk(cookie);
    const formToken = /name="formToken" value="([0-9a-f]{64})"/.exec(html)?.[1] ?? '';
    const out = await post('/desk/sign-out', { formToken }, { ...sameSite, cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/desk_session=;.*Max-Age=0/);
    const replayed = await desk(cookie);
    expect(replayed.response.status).toBe(401);
    expect(replayed.html).toContain('Your session has ended.');
    const again = await post('/desk/sign-out', { formToken }, { ...sameSite, cookie });
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('Your session has ended.');
  });

  it('refuses a form without the session’s form token, and a form posted from another site', async () => {
    const { cookie } = await signIn();
    const noToken = await post('/desk/sign-out', { formToken: 'f'.repeat(64) }, { ...sameSite, cookie });
    expect(noToken.status).toBe(403);
    expect((await desk(cookie)).response.status).toBe(200);
    const crossSite = await post(
      '/desk/sign-out',
      { formToken: 'anything' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', cookie },
    );
    expect(crossSite.status).toBeGreaterThanOrEqual(400);
    expect(crossSite.status).toBeLessThan(500);
    expect((await desk(cookie)).response.status).toBe(200);
    const crossSiteSignIn = await post(
      '/desk/sign-in',
      { token: testTokens.admin.token },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSiteSignIn.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a form body beyond 64 KiB before reading it', async () => {
    const huge = await post('/desk/sign-in', { token: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
  });
});
