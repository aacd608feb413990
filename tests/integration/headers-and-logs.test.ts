import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, send } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { createPlace } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('security headers', () => {
  it.each(['/healthz', '/api/v1/places', '/feeds/all.atom', '/api/v1/nowhere'])(
    'are sent on %s',
    async (path) => {
      const response = await call(path);
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    },
  );
});

describe('request logs', () => {
  it('write one JSON line per request with the request id, and never the token', async () => {
    await createPlace('logtown');
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    const response = await send('POST', '/api/v1/reports', syntheticReport('logtown'), { as: 'reporter' });
    const unknown = await send('POST', '/api/v1/reports', syntheticReport('logtown'), {
      headers: { authorization: 'Bearer secret-that-must-not-leak' },
    });
    const logged = lines.map((line) => JSON.parse(line));
    const entry = logged.find((l) => l.requestId === response.headers.get('x-request-id'));
    expect(entry).toMatchObject({
      level: 'info',
      method: 'POST',
      path: '/api/v1/reports',
      status: 201,
      token: 'reporter',
    });
    expect(logged.find((l) => l.requestId === unknown.headers.get('x-request-id'))).toMatchObject({
      status: 401,
    });
    const all = lines.join('\n');
    expect(all).not.toContain(testTokens.reporter.token);
    expect(all).not.toContain('secret-that-must-not-leak');
  });
});
