import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { ReportInput } from '../../src/domain/model.ts';
import worker from '../../src/index.ts';
import { origin } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { indexedCount } from '../support/kv.ts';
import { createPlace } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

// The Worker with the write limit that production has (30 writes per 10 s per token).
const strictEnv = {
  ...env,
  WRITE_RATE_LIMITER: (env as unknown as Record<string, RateLimit>).STRICT_WRITE_RATE_LIMITER,
};

async function post(input: ReportInput, key: string, token: string = testTokens.reporter.token) {
  const ctx = createExecutionContext();
  const request = new Request(new URL('/api/v1/reports', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(input),
  });
  const response = await worker.fetch(request, strictEnv as Env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

// As set for STRICT_WRITE_RATE_LIMITER in vitest.config.ts.
const limit = 30;
const periodMs = 10_000;
// More than the limit allows in the two windows a quick burst may reach.
const burstSize = 64;

describe('write rate limit per token', () => {
  it('answers 429 with Retry-After, and a client that waits and retries stores every report exactly once', {
    timeout: 90_000,
  }, async () => {
    await createPlace('ratetown');
    const reports = Array.from({ length: burstSize }, (_, i) =>
      syntheticReport('ratetown', { observed: `2024-03-${String((i % 28) + 1).padStart(2, '0')}` }),
    );
    const started = Date.now();
    const first = await Promise.all(reports.map((report, i) => post(report, `burst-${i}`)));
    // The limiter counts in windows aligned to the wall clock, so a burst that crosses a
    // window's end is allowed the limit once more for each window it reaches.
    const windows = Math.floor(Date.now() / periodMs) - Math.floor(started / periodMs) + 1;
    const limited = first.filter((r) => r.status === 429);
    const passed = first.filter((r) => r.status === 201);
    expect(passed.length + limited.length).toBe(burstSize);
    expect(passed.length).toBeGreaterThanOrEqual(limit);
    expect(passed.length).toBeLessThanOrEqual(limit * windows);
    expect(limited.length).toBeGreaterThan(0);
    const problem = (await limited[0]?.json()) as { type: string; status: number };
    expect(limited[0]?.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(problem).toMatchObject({ status: 429 });
    const retryAfter = Number(limited[0]?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    for (const refused of limited) expect(refused.headers.get('retry-after')).toBe(String(retryAfter));

    // Another token has a budget of its own.
    expect((await post(reports[0] as ReportInput, 'other-token', testTokens.moderator.token)).status).toBe(
      201,
    );

    // The well-behaved client: wait as told, then send every report again with its key.
    const outcome = new Map<number, number>(first.map((r, i) => [i, r.status]));
    for (let round = 0; round < 5 && [...outcome.values()].some((s) => s === 429); round++) {
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      const pending = [...outcome].filter(([, status]) => status === 429).map(([i]) => i);
      const answers = await Promise.all(pending.map((i) => post(reports[i] as ReportInput, `burst-${i}`)));
      for (const [n, i] of pending.entries()) outcome.set(i, answers[n]?.status ?? 0);
    }
    expect([...outcome.values()].every((s) => s === 201)).toBe(true);
    const replay = await post(reports[3] as ReportInput, 'burst-3');
    expect([201, 429]).toContain(replay.status);
    expect(await indexedCount('ratetown')).toBe(burstSize + 1);
  });
});
