// Answers to public reads kept for a moment in the isolate: served without a KV read, and
// forgotten as soon as this isolate writes.

import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index.ts';
import { origin, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { countingKv } from '../support/counting-kv.ts';
import { manual, sameSite } from '../support/desk.ts';
import { testTokens } from '../support/tokens.ts';

// One binding for every request, as an isolate has: the kept answers belong to it.
const { binding, counts } = countingKv(env.STATUS_KV);
const keepingEnv = { ...env, STATUS_KV: binding, RECENT_ANSWER_MS: '1000' as const };

async function request(path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(new URL(path, origin), init), keepingEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const reads = () => counts.get + counts.getWithMetadata;

async function write(method: string, path: string, body: unknown, token: string) {
  const response = await request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

describe('kept answers', () => {
  it('answer a repeated read, and its 304, without a KV read', async () => {
    await write('PUT', '/api/v1/places/keptville', syntheticPlace(), testTokens.admin.token);
    for (const path of ['/feeds/places/keptville.atom', '/api/v1/places/keptville', '/exports/status.csv']) {
      const first = await request(path);
      expect(first.status).toBe(200);
      const body = await first.text();
      const before = reads();
      const again = await request(path);
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(body);
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
      expect(again.headers.get('access-control-allow-origin')).toBe('*');
      expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
      const notModified = await request(path, {
        headers: { 'if-none-match': first.headers.get('etag') ?? '' },
      });
      expect(notModified.status).toBe(304);
      expect(reads()).toBe(before);
    }
  });

  it('answer repeated conditional reads without a KV read, when only 304s were seen', async () => {
    await write('PUT', '/api/v1/places/pollville', syntheticPlace(), testTokens.admin.token);
    const etag = (await request('/feeds/places/pollville.json')).headers.get('etag') ?? '';
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const conditional = { headers: { 'if-none-match': etag } };
    expect((await request('/feeds/places/pollville.json', conditional)).status).toBe(304);
    const before = reads();
    for (let i = 0; i < 3; i++) {
      expect((await request('/feeds/places/pollville.json', conditional)).status).toBe(304);
    }
    expect(reads()).toBe(before);
    const full = await request('/feeds/places/pollville.json');
    expect(full.status).toBe(200);
    expect(reads()).toBe(before + 1);
  });

  it('are forgotten when this isolate accepts a report', async () => {
    await write('PUT', '/api/v1/places/keptcity', syntheticPlace(), testTokens.admin.token);
    const before = await (await request('/api/v1/places/keptcity')).json<{ reportCount: number }>();
    await write('POST', '/api/v1/reports', syntheticReport('keptcity'), testTokens.reporter.token);
    const after = await (await request('/api/v1/places/keptcity')).json<{ reportCount: number }>();
    expect(after.reportCount).toBe(before.reportCount + 1);
  });

  it('are forgotten when a write at the desk passes through this isolate to the desk’s Worker', async () => {
    // Kept for a minute here, so that only forgetting can show the report in time.
    const keepingLong = { ...keepingEnv, RECENT_ANSWER_MS: '60000' } as unknown as Env;
    const here = async (path: string, init: RequestInit = {}) => {
      const ctx = createExecutionContext();
      const response = await worker.fetch(new Request(new URL(path, origin), init), keepingLong, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    };
    const count = async () =>
      (await (await here('/api/v1/places/deskville')).json<{ reportCount: number }>()).reportCount;
    await write('PUT', '/api/v1/places/deskville', syntheticPlace(), testTokens.admin.token);
    const before = await count();
    // Written by another isolate: not seen here while the answer is kept.
    expect(
      (await send('POST', '/api/v1/reports', syntheticReport('deskville'), { as: 'reporter' })).status,
    ).toBe(201);
    expect(await count()).toBe(before);
    const form = { 'content-type': 'application/x-www-form-urlencoded', ...sameSite };
    const signOut = await here('/desk/sign-out', { ...manual, method: 'POST', headers: form, body: '' });
    expect(signOut.status).toBeLessThan(500);
    expect(await count()).toBe(before + 1);
  });

  it('keep a page apart for each Accept-Language it is asked in', async () => {
    await write('PUT', '/api/v1/places/keptdorp', syntheticPlace(), testTokens.admin.token);
    const inDutch = { headers: { 'accept-language': 'nl-NL,nl;q=0.9' } };
    const dutch = await request('/places/keptdorp', inDutch);
    const english = await request('/places/keptdorp');
    expect([dutch.headers.get('content-language'), english.headers.get('content-language')]).toEqual([
      'nl',
      'en',
    ]);
    const before = reads();
    const again = await request('/places/keptdorp', inDutch);
    expect(again.headers.get('content-language')).toBe('nl');
    expect(await again.text()).toBe(await dutch.text());
    expect(again.headers.get('content-security-policy')).toBe(dutch.headers.get('content-security-policy'));
    expect(again.headers.get('content-security-policy')).toContain("style-src 'self'");
    expect((await request('/places/keptdorp')).headers.get('content-language')).toBe('en');
    expect(reads()).toBe(before);
  });

  it('expire after their lifetime', async () => {
    await write('PUT', '/api/v1/places/kepttown', syntheticPlace(), testTokens.admin.token);
    await request('/api/v1/places/kepttown');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const before = reads();
    await request('/api/v1/places/kepttown');
    expect(reads()).toBe(before + 1);
  });
});
