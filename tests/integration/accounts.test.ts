import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../src/digest.ts';
import { accountRegistry } from '../../src/writers/account-registry.ts';
import { freeFailures } from '../../src/writers/guessing-delay.ts';
import { call, send } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { callDeskHere, manual, postForm, sameSite, signIn } from '../support/desk.ts';
import { createPlace } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const day = 24 * 60 * 60 * 1000;

function page(path: string, cookie = '', headers: Record<string, string> = {}) {
  return call(path, { ...manual, headers: { cookie, ...headers } });
}

/** Invites a person as the admin: the answer, its page and the invitation link in it. */
async function invite(name: string, scopes: string[] = ['report']) {
  const admin = await signIn(testTokens.admin.token);
  const fields: [string, string][] = [
    ['formToken', admin.formToken],
    ['name', name],
    ...scopes.map((scope): [string, string] => ['scope', scope]),
  ];
  const response = await postForm('/desk/people', fields, { ...sameSite, cookie: admin.cookie });
  const html = await response.text();
  const link = /id="invitation-link"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { response, html, link, admin };
}

/** Accepts an invitation by its button: the answer, its page and the write token shown. */
async function accept(link: string, headers: Record<string, string> = sameSite) {
  const response = await postForm(link, {}, headers);
  const html = await response.text();
  const token = /id="new-token"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { response, html, token };
}

async function person(name: string, scopes?: string[]) {
  const { link } = await invite(name, scopes);
  return (await accept(link)).token;
}

describe('inviting a reporter', () => {
  it('takes them from an invitation to a token of their own, to the desk and the API, to being revoked', async () => {
    await createPlace('inviteville');
    const invited = await invite('Olena K., Kharkiv');
    expect(invited.response.status).toBe(201);
    expect(invited.response.headers.get('cache-control')).toBe('no-store');
    expect(invited.link).toMatch(/^http:\/\/status\.test\/desk\/invitations\/[A-Za-z0-9_-]{43}$/);
    expect(invited.html).toContain('Invitation for Olena K., Kharkiv');

    // Opening the link shows the invitation and changes nothing: a link scanner may open it first.
    for (let i = 0; i < 2; i++) {
      const opened = await page(invited.link);
      expect(opened.status).toBe(200);
      expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await opened.text();
      expect(html).toContain('This invitation is for Olena K., Kharkiv.');
      expect(html).toContain('Accept and show my token');
    }

    const accepted = await accept(invited.link);
    expect(accepted.response.status).toBe(201);
    expect(accepted.response.headers.get('cache-control')).toBe('no-store');
    expect(accepted.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(accepted.html).toContain('This is shown only this once');
    // Shown once: the link is used up, and the token appears nowhere again.
    const again = await accept(invited.link);
    expect(again.response.status).toBe(410);
    expect(again.html).toContain('This invitation has been used.');
    expect(again.html).not.toContain(accepted.token);
    expect((await page(invited.link)).status).toBe(410);

    // The token signs in at the desk, as its person, with the scopes they were given.
    const session = await signIn(accepted.token);
    expect(session.response.status).toBe(303);
    const desk = await (await page('/desk', session.cookie)).text();
    expect(desk).toContain('Signed in as <bdi>Olena K., Kharkiv</bdi>');
    expect(desk).toContain('<li>write reports</li>');
    expect(desk).not.toContain('<li>correct and retract reports</li>');

    // …and works as a bearer token of the API.
    const report = await send('POST', '/api/v1/reports', syntheticReport('inviteville'), {
      headers: { authorization: `Bearer ${accepted.token}` },
    });
    expect(report.status, await report.clone().text()).toBe(201);
    const moderating = await send(
      'POST',
      `/api/v1/reports/${(await report.json<{ id: string }>()).id}/retraction`,
      { reason: 'SYNTHETIC: not theirs to retract' },
      { headers: { authorization: `Bearer ${accepted.token}` } },
    );
    expect(moderating.status).toBe(403);

    // The admin sees them, with when they last wrote.
    const { admin } = invited;
    const people = await (await page('/desk/people', admin.cookie)).text();
    const row = people.slice(people.indexOf('<bdi>Olena K., Kharkiv</bdi>'));
    expect(row).toMatch(/^<bdi>Olena K., Kharkiv<\/bdi><\/th><td>write reports<\/td><td>active/);
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(/\d{4}, \d{2}:\d{2} UTC/);

    // Revoked: the token is refused at once, and the session ends.
    const revoked = await postForm(
      '/desk/people/revoke',
      { formToken: admin.formToken, name: 'Olena K., Kharkiv' },
      { ...sameSite, cookie: admin.cookie },
    );
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe('/desk/people');
    const refused = await send('POST', '/api/v1/reports', syntheticReport('inviteville'), {
      headers: { authorization: `Bearer ${accepted.token}` },
    });
    expect(refused.status).toBe(401);
    const ended = await postForm(
      '/desk/sign-out',
      { formToken: session.formToken },
      { ...sameSite, cookie: session.cookie },
    );
    expect(ended.status).toBe(401);
    expect(await ended.text()).toContain('Your session has ended.');
    // A page opened with the ended session says so, and the browser forgets both cookies.
    const home = await page('/desk', session.cookie);
    expect(home.status).toBe(401);
    expect(home.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^desk_session=; Max-Age=0; Path=\/desk/),
      expect.stringMatching(/^desk_writer=; Max-Age=0; Path=\//),
    ]);
    expect(await home.text()).toContain('Your session has ended.');
    expect((await postForm('/desk/sign-in', { token: accepted.token })).status).toBe(401);
    const after = await (await page('/desk/people', admin.cookie)).text();
    expect(after).toMatch(/<bdi>Olena K., Kharkiv<\/bdi><\/th><td>write reports<\/td><td>revoked</);
  });

  it('records a report published at the desk as the person’s last write, and a preview as none', async () => {
    await createPlace('deskville');
    const session = await signIn(await person('Desk Writer'));
    const lastWrote = async () => {
      const html = await (await page('/desk/people', (await signIn(testTokens.admin.token)).cookie)).text();
      const row = html.slice(html.indexOf('<bdi>Desk Writer</bdi>'));
      return row.slice(0, row.indexOf('</tr>')).match(/<td>([^<]*)<\/td>$/)?.[1];
    };
    expect(await lastWrote()).toBe('never');
    const form: [string, string][] = [
      ['formToken', session.formToken],
      ['place', 'deskville'],
      ['observed', '2024-04'],
      ['electricity.state', 'unavailable'],
      ['summary.text', 'SYNTHETIC: written at the desk by an invited person.'],
      ['summary.language', 'en'],
      ['source.name', 'Synthetic desk source'],
      ['source.kind', 'ngo'],
      ['source.language', 'en'],
      ['verification', 'unconfirmed'],
    ];
    const headers = { ...sameSite, cookie: session.cookie };
    expect((await postForm('/desk/reports/preview', form, headers)).status).toBe(200);
    expect(await lastWrote()).toBe('never');
    const published = await postForm('/desk/reports', form, headers);
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toMatch(/^\/reports\//);
    expect(await lastWrote()).toMatch(/\d{4}, \d{2}:\d{2} UTC$/);
  });

  it('refuses an invitation that has expired', async () => {
    const secret = 'expired-invitation-secret-of-the-test';
    const made = await accountRegistry(env).invite(
      { name: 'Late Reporter', scopes: ['report'], by: 'admin', sha256: await sha256Hex(secret) },
      Date.now() - 8 * day,
    );
    expect(made).toBe('invited');
    const opened = await page(`/desk/invitations/${secret}`);
    expect(opened.status).toBe(410);
    expect(await opened.text()).toContain('This invitation has expired.');
    const accepted = await accept(`/desk/invitations/${secret}`);
    expect(accepted.response.status).toBe(410);
    expect(accepted.token).toBe('');
    const admin = await signIn(testTokens.admin.token);
    expect(await (await page('/desk/people', admin.cookie)).text()).toContain('invitation expired');
    // An invitation never accepted may be made again under the same name.
    expect((await invite('Late Reporter')).response.status).toBe(201);
  });

  it('refuses an invitation revoked before it was accepted, which may then be made again', async () => {
    const { link, admin } = await invite('Withdrawn Reporter');
    const revoked = await postForm(
      '/desk/people/revoke',
      { formToken: admin.formToken, name: 'Withdrawn Reporter' },
      { ...sameSite, cookie: admin.cookie },
    );
    expect(revoked.status).toBe(303);
    const opened = await page(link);
    expect(opened.status).toBe(410);
    expect(await opened.text()).toContain('This invitation has been withdrawn.');
    expect((await accept(link)).token).toBe('');
    const again = await invite('Withdrawn Reporter');
    expect(again.response.status).toBe(201);
    expect((await accept(again.link)).token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an unknown invitation link, and an invitation posted from another site', async () => {
    const unknown = await page('/desk/invitations/not-an-invitation');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('This invitation link is not known.');
    const { link } = await invite('Cross Site');
    const crossSite = await postForm(
      link,
      {},
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect((await accept(link)).response.status).toBe(201);
  });

  it('lets only admins invite or revoke, and gives no one a name already taken', async () => {
    const moderator = await signIn(testTokens.moderator.token);
    const list = await page('/desk/people', moderator.cookie);
    expect(list.status).toBe(403);
    expect(await list.text()).toContain('Only an admin may invite people or revoke them.');
    const invited = await postForm(
      '/desk/people',
      { formToken: moderator.formToken, name: 'Not Allowed', scope: 'admin' },
      { ...sameSite, cookie: moderator.cookie },
    );
    expect(invited.status).toBe(403);
    expect((await accountRegistry(env).list(Date.now())).map((p) => p.name)).not.toContain('Not Allowed');
    expect((await page('/desk/people')).status).toBe(303);

    const token = await person('Reporter Two');
    const reporter = await signIn(token);
    const revoke = await postForm(
      '/desk/people/revoke',
      { formToken: reporter.formToken, name: 'Reporter Two' },
      { ...sameSite, cookie: reporter.cookie },
    );
    expect(revoke.status).toBe(403);
    expect(await accountRegistry(env).isActive('Reporter Two')).toBe(true);

    const taken = await invite('admin');
    expect(taken.response.status).toBe(409);
    expect(taken.html).toContain('Someone is already called &quot;admin&quot;.');
    expect((await invite('Reporter Two')).response.status).toBe(409);
    const unnamed = await invite('   ');
    expect(unnamed.response.status).toBe(422);
    expect(unnamed.html).toContain('Write the person’s name.');
    const noScope = await invite('No Scope', []);
    expect(noScope.response.status).toBe(422);
    expect(noScope.html).toContain('Choose at least one thing they may do.');
  });

  it('shows the pages in Dutch', async () => {
    const admin = await signIn(testTokens.admin.token);
    const people = await (await page('/desk/people?lang=nl', admin.cookie)).text();
    expect(people).toContain('<h1>Mensen</h1>');
    expect(people).toContain('Iemand uitnodigen');
    const { link } = await invite('Dutch Reader');
    const opened = await (await page(`${link}?lang=nl`)).text();
    expect(opened).toContain('Deze uitnodiging is voor Dutch Reader.');
    const accepted = await accept(`${link}?lang=nl`);
    expect(accepted.html).toContain('Uw schrijftoken');
  });
});

describe('the secrets of people', () => {
  it('are never logged: the invitation’s path is logged without its secret', async () => {
    const { link } = await invite('Logged Person');
    const secret = link.split('/').pop() ?? '';
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    // The desk's requests are answered in this isolate, where its log lines can be read.
    const form = (fields: Record<string, string>) => ({
      ...manual,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...sameSite },
      body: new URLSearchParams(fields).toString(),
    });
    await callDeskHere(link, manual);
    const accepted = await (await callDeskHere(link, form({}))).text();
    const token = /id="new-token"[^>]*value="([^"]+)"/.exec(accepted)?.[1] ?? '';
    expect((await callDeskHere('/desk/sign-in', form({ token }))).status).toBe(303);
    const logged = lines.join('\n');
    expect(secret).not.toBe('');
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain(token);
    expect(lines.map((line) => JSON.parse(line).path)).toContain('/desk/invitations/…');
  });

  it('are kept only as hashes', async () => {
    const token = await person('Hashed Person');
    const stored = JSON.stringify(await accountRegistry(env).list(Date.now()));
    expect(stored).toContain('Hashed Person');
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(await sha256Hex(token));
  });

  it('make an address that sent wrong ones wait, doubling with each one, and never another address', async () => {
    const registry = accountRegistry(env);
    const start = Date.now();
    const wrong = (i: number) => sha256Hex(`wrong-${i}`);
    for (let i = 0; i < freeFailures; i++) {
      expect(await registry.identify(await wrong(i), '192.0.2.1', start)).toEqual({ kind: 'unknown' });
    }
    // Every wait, the next attempt as soon as the last wait is over: 1, 2, 4 … seconds, then the ceiling.
    let at = start;
    const waits: number[] = [];
    for (let i = freeFailures; i < freeFailures + 12; i++) {
      const held = await registry.identify(await wrong(i), '192.0.2.1', at);
      expect(held.kind).toBe('limited');
      const seconds = held.kind === 'limited' ? held.retryAfterSeconds : 0;
      waits.push(seconds);
      at += seconds * 1000;
      expect(await registry.identify(await wrong(i), '192.0.2.1', at)).toEqual({ kind: 'unknown' });
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    // A right secret from that address waits too; from another, nobody waits.
    const token = await person('Waiting Person');
    expect((await registry.identify(await sha256Hex(token), '192.0.2.1', at)).kind).toBe('limited');
    expect((await registry.identify(await sha256Hex(token), '192.0.2.2', at)).kind).toBe('account');
  });

  it('refuse every secret from an address that must wait, at the desk, the API and invitations', async () => {
    const token = await person('Guessed Person');
    // Enough wrong tokens, each sent when the last wait was over, for a wait of many minutes.
    const registry = accountRegistry(env);
    let at = Date.now();
    for (let i = 0; i < freeFailures + 12; i++) {
      const found = await registry.identify(await sha256Hex(`guess-${i}`), '203.0.113.9', at);
      if (found.kind === 'limited') at += found.retryAfterSeconds * 1000;
    }
    const from = (ip: string) => ({ ...sameSite, 'cf-connecting-ip': ip });
    const limited = await postForm('/desk/sign-in', { token }, from('203.0.113.9'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(await limited.text()).toContain(
      'Too many unknown tokens or invitation links came from your address, or this token was refused too often. Try again in ',
    );
    for (const secret of [token, testTokens.reporter.token]) {
      const refused = await call('/api/v1/reports', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${secret}`,
          'cf-connecting-ip': '203.0.113.9',
          'content-type': 'application/json',
        },
        body: '{}',
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
      expect(((await refused.json()) as { type: string }).type).toBe(
        'http://status.test/problems/too-many-attempts',
      );
    }
    const invitation = await page('/desk/invitations/guess', '', { 'cf-connecting-ip': '203.0.113.9' });
    expect(invitation.status).toBe(429);
    // Another address is not held back.
    expect((await postForm('/desk/sign-in', { token }, from('203.0.113.10'))).status).toBe(303);
  });

  it('make one wrong token wait wherever it comes from, and never the rightful writer', async () => {
    const token = await person('Rightful Person');
    const revoked = 'a-token-that-is-no-more';
    const registry = accountRegistry(env);
    // The same wrong token from many addresses, one try each, each when the last wait was over.
    let at = Date.now();
    for (let i = 0; i < freeFailures + 12; i++) {
      const found = await registry.identify(await sha256Hex(revoked), `198.51.100.${i}`, at);
      if (found.kind === 'limited') at += found.retryAfterSeconds * 1000;
    }
    const fresh = { ...sameSite, 'cf-connecting-ip': '198.51.100.99' };
    const held = await postForm('/desk/sign-in', { token: revoked }, fresh);
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(60);
    // The rightful writer, at that address or at any the wrong token came from, signs in.
    expect((await postForm('/desk/sign-in', { token }, fresh)).status).toBe(303);
    expect(
      (await postForm('/desk/sign-in', { token }, { ...sameSite, 'cf-connecting-ip': '198.51.100.0' }))
        .status,
    ).toBe(303);
  });
});
