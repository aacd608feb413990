import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus } from '../hostile/corpus.ts';
import { call } from '../support/api.ts';
import { createPlace } from '../support/seed-api.ts';

/** Every key, its metadata and its value: what "nothing was stored" is checked against. */
async function snapshot(): Promise<string> {
  const keys = (await env.STATUS_KV.list()).keys;
  const values = await Promise.all(keys.map((k) => env.STATUS_KV.get(k.name)));
  return JSON.stringify(keys.map((k, i) => [k.name, k.metadata ?? null, values[i]]));
}

const corpus = hostileCorpus();

describe(`a corpus of ${corpus.length} hostile requests`, () => {
  beforeAll(async () => {
    await createPlace('hostileville');
  });

  it('holds at least 150 requests', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
  });

  it('gets 4xx problem+json for every one, and storage is byte for byte the same afterwards', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const request of corpus) {
      const body =
        request.body === undefined
          ? undefined
          : typeof request.body === 'string'
            ? request.body
            : JSON.stringify(request.body);
      const response = await call(request.path, {
        method: request.method,
        headers: request.headers ?? {},
        ...(body === undefined ? {} : { body }),
        ...(request.as === 'none' ? {} : { as: request.as ?? 'reporter' }),
      });
      const type = response.headers.get('content-type');
      const text = await response.text();
      if (
        response.status < 400 ||
        response.status >= 500 ||
        type !== 'application/problem+json; charset=utf-8'
      ) {
        failures.push(`${request.name}: ${response.status} ${type} ${text.slice(0, 120)}`);
      } else if (/\bat \S+:\d+|node_modules|StatusStore|ZodError/.test(text)) {
        failures.push(`${request.name}: leaks internals: ${text.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
