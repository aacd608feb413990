import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus } from '../hostile/corpus.ts';
import { hostileDeskCorpus } from '../hostile/desk-corpus.ts';
import { call } from '../support/api.ts';
import { sameSite, signIn } from '../support/desk.ts';
import { createPlace } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

/** Every key, its metadata and its value: what "nothing was stored" is checked against. */
async function snapshot(): Promise<string> {
  const keys = (await env.STATUS_KV.list()).keys;
  const values = await Promise.all(keys.map((k) => env.STATUS_KV.get(k.name)));
  return JSON.stringify(keys.map((k, i) => [k.name, k.metadata ?? null, values[i]]));
}

const corpus = hostileCorpus();

beforeAll(async () => {
  await createPlace('hostileville');
});

describe(`a corpus of ${corpus.length} hostile requests`, () => {
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

const deskCorpus = hostileDeskCorpus();

describe(`a corpus of ${deskCorpus.length} hostile desk forms and files`, () => {
  it('gets a clear 4xx for every one, a page when a browser asks, and storage is byte for byte the same afterwards', async () => {
    const { cookie, formToken } = await signIn(testTokens.admin.token);
    expect(formToken).toMatch(/^[0-9a-f]{64}$/);
    const before = await snapshot();
    const failures: string[] = [];
    for (const request of deskCorpus) {
      const { body, contentType, upload } = request.build(formToken);
      const form = new FormData();
      if (upload) {
        form.set('formToken', formToken);
        form.set('file', new File([body], 'reports.csv', { type: 'text/csv' }));
      }
      const response = await call(request.path, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          ...sameSite,
          cookie,
          accept: 'text/html',
          ...(upload ? {} : { 'content-type': contentType ?? 'application/x-www-form-urlencoded' }),
        },
        body: upload ? form : body,
      });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      if (response.status !== request.status) {
        failures.push(
          `${request.name}: ${response.status}, not ${request.status}: ${text.slice(text.indexOf('<main'), text.indexOf('<main') + 300)}`,
        );
      } else if (!type.startsWith('text/html')) {
        failures.push(`${request.name}: ${type}, not a page`);
      } else if (/<script|<img|\bat \S+:\d+|node_modules|ZodError/.test(text)) {
        failures.push(`${request.name}: leaks markup or internals`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
