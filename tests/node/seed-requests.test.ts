// npm start's seed never gives up on the write limit: a 429 is waited out as Retry-After
// says and the same request, Idempotency-Key and all, is sent again. Against a stand-in API
// on 127.0.0.1 that refuses as the limit does; the waits are recorded, not slept.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { retryAfterMs, sendSeedRequest } from '../../scripts/seed-requests.mjs';

interface Seen {
  method: string;
  url: string;
  key: string | undefined;
  authorization: string | undefined;
  body: string;
}

let server: Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  running?.closeAllConnections();
  if (running) await new Promise((resolve) => running.close(resolve));
});

/** An API that answers each request with the next of `answers` and notes what it got. */
async function standIn(answers: { status: number; headers?: Record<string, string> }[]) {
  const seen: Seen[] = [];
  const read = async (request: IncomingMessage) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    return body;
  };
  server = createServer(async (request, response) => {
    const body = await read(request);
    seen.push({
      method: request.method ?? '',
      url: request.url ?? '',
      key: request.headers['idempotency-key'] as string | undefined,
      authorization: request.headers.authorization,
      body,
    });
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)] ?? { status: 500 };
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(JSON.stringify({ status: answer.status }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const waits: number[] = [];
  const target = {
    base: `http://127.0.0.1:${port}`,
    token: 'local-dev-token',
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
  return { seen, waits, target };
}

const limited = { status: 429, headers: { 'retry-after': '7' } };

describe('sendSeedRequest', () => {
  it('waits as Retry-After says and sends the same write again, with the same Idempotency-Key', async () => {
    const { seen, waits, target } = await standIn([limited, limited, { status: 201 }]);
    const report = { place: 'bakhmut', observed: '2022-11-16' };
    const response = await sendSeedRequest(target, 'POST', '/api/v1/reports', report, {
      'idempotency-key': 'seed-1',
    });
    expect(response.status).toBe(201);
    expect(waits).toEqual([7000, 7000]);
    expect(seen).toHaveLength(3);
    for (const request of seen) {
      expect(request).toEqual({
        method: 'POST',
        url: '/api/v1/reports',
        key: 'seed-1',
        authorization: 'Bearer local-dev-token',
        body: JSON.stringify(report),
      });
    }
  });

  it('fails at once on any other refusal, naming the request and the answer', async () => {
    const { seen, waits, target } = await standIn([{ status: 422 }]);
    await expect(sendSeedRequest(target, 'PUT', '/api/v1/places/bakhmut', {})).rejects.toThrow(
      'PUT /api/v1/places/bakhmut: 422',
    );
    expect(seen).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('gives up after a bounded number of waits, so a limit that never lifts is reported', async () => {
    const { seen, waits, target } = await standIn([limited]);
    await expect(sendSeedRequest(target, 'POST', '/api/v1/reports', {})).rejects.toThrow('429');
    expect(waits.length).toBeGreaterThan(0);
    expect(seen).toHaveLength(waits.length + 1);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds, an HTTP date, and waits a default for what it cannot read', () => {
    const now = Date.parse('2026-12-07T05:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Mon, 07 Dec 2026 05:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Mon, 07 Dec 2026 04:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(10_000);
    expect(retryAfterMs('soon', now)).toBe(10_000);
  });
});
