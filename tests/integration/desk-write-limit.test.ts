// The desk's forms count against their writer's write limit, the one the API counts: a person
// cannot write faster by using the desk, nor by using both. A refused form stores nothing and
// answers a page in the writer's language with Retry-After.

import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { correctPath, retractPath, wholeCorrectionPath } from '../../src/desk/pages/moderation-forms.tsx';
import worker from '../../src/index.ts';
import { origin } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { callDeskHere, manual, sameSite } from '../support/desk.ts';
import { indexedCount } from '../support/kv.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

const bindings = env as unknown as Record<string, RateLimit>;

/** Both Workers with `limiter` as their write limit, as both are bound to one in production. */
function callWith(limiter: RateLimit) {
  const limited = { ...env, WRITE_RATE_LIMITER: limiter } as Env;
  return async (path: string, init: RequestInit = {}) => {
    if (path.startsWith('/desk')) return callDeskHere(path, init, limited);
    const ctx = createExecutionContext();
    const response = await worker.fetch(new Request(new URL(path, origin), init), limited, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
}

type Call = ReturnType<typeof callWith>;

const form = (fields: Record<string, string>, cookie: string): RequestInit => ({
  ...manual,
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...sameSite, cookie },
  body: new URLSearchParams(fields).toString(),
});

/** Signs in at the desk through `call`: the session's cookies and form token. */
async function signInWith(call: Call, token: string) {
  const response = await call('/desk/sign-in', form({ token }, ''));
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const desk = await (await call('/desk', { ...manual, headers: { cookie } })).text();
  const formToken = /name="formToken" value="([0-9a-f]{64})"/.exec(desk)?.[1] ?? '';
  return { cookie, formToken };
}

// As set for STRICT_WRITE_RATE_LIMITER in vitest.config.ts; the admin's name is this file's alone.
const limit = 30;
const periodMs = 10_000;

describe("the desk's forms and the write limit", () => {
  it('count with the API against one limit per writer', { timeout: 60_000 }, async () => {
    const call = callWith(bindings.STRICT_WRITE_RATE_LIMITER as RateLimit);
    const { cookie, formToken } = await signInWith(call, testTokens.admin.token);
    const text = 'SYNTHETIC: The town has had no electricity since Monday.';
    const deskDraft = () => call('/desk/drafts', form({ formToken, text, language: 'en' }, cookie));
    const apiDraft = () =>
      call('/api/v1/drafts', {
        method: 'POST',
        headers: { authorization: `Bearer ${testTokens.admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text, language: 'en' }),
      });
    // Half through each way: apart, each half would stay within a limit of its own.
    const half = 40;
    const started = Date.now();
    const answers = await Promise.all([
      ...Array.from({ length: half }, deskDraft),
      ...Array.from({ length: half }, apiDraft),
    ]);
    // The limiter counts in windows aligned to the clock: a burst gets the limit once per window it reaches.
    const windows = Math.floor(Date.now() / periodMs) - Math.floor(started / periodMs) + 1;
    const passed = answers.filter((r) => r.status === 200).length;
    const refused = answers.filter((r) => r.status === 429);
    expect(passed + refused.length).toBe(2 * half);
    expect(passed).toBeGreaterThanOrEqual(limit);
    expect(passed).toBeLessThanOrEqual(limit * windows);
    for (const response of refused) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const deskRefusal = refused.find((r) => r.headers.get('content-type')?.startsWith('text/html'));
    expect(deskRefusal).toBeDefined();
    expect(await deskRefusal?.text()).toContain('Nothing of this one was stored.');
  });

  it('refuse every form that writes, previews or drafts past the limit, storing nothing', async () => {
    await createPlace('limit-desk-town');
    const { id } = await postReport(syntheticReport('limit-desk-town'));
    const call = callWith({ limit: async () => ({ success: false }) });
    const { cookie, formToken } = await signInWith(call, testTokens.admin.token);
    expect(formToken).not.toBe('');
    const report = {
      formToken,
      place: 'limit-desk-town',
      observed: '2024-03-01',
      'electricity.state': 'unavailable',
    };
    const forms: [string, Record<string, string>][] = [
      ['/desk/reports', report],
      ['/desk/reports/preview', report],
      ['/desk/drafts', { formToken, text: 'SYNTHETIC: No gas.', language: 'en' }],
      [correctPath(id), { formToken, reason: 'SYNTHETIC' }],
      [retractPath(id), { formToken, reason: 'SYNTHETIC' }],
      [wholeCorrectionPath(id), { formToken, reason: 'SYNTHETIC' }],
      ['/desk/import/check', { formToken }],
      ['/desk/import', { formToken }],
      ['/desk/places', { formToken, slug: 'limit-desk-new' }],
      ['/desk/places/limit-desk-town', { formToken }],
    ];
    for (const [path, fields] of forms) {
      const response = await call(`${path}?lang=nl`, form(fields, cookie));
      expect(response.status, path).toBe(429);
      expect(response.headers.get('retry-after'), path).toBe('10');
      expect(await response.text(), path).toContain('Niets van dit formulier is opgeslagen.');
    }
    expect(await indexedCount('limit-desk-town')).toBe(1);
    // Signing out is never held back: a writer can always leave.
    expect((await call('/desk/sign-out', form({ formToken }, cookie))).status).toBe(303);
  });
});
