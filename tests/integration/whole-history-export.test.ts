// GET /exports/reports.csv?limit=all: every report in one file, streamed a KV list page at a
// time. Every place, report and source here is SYNTHETIC.

import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/model.ts';
import worker from '../../src/index.ts';
import { call, json, origin, send } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { loadSyntheticHistory } from '../support/bulk.ts';
import { countingKv } from '../support/counting-kv.ts';
import { readCsv } from '../support/hxl.ts';
import { fetchCounting, fetchCountingWith } from '../support/kv.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

const csvType = 'text/csv; charset=utf-8; header=present';

// More than two KV list pages (1,000 keys each) of history in one place, and in another a
// report posted before a batch of 60: the seed that fell off the first page of 50.
const bulkSize = 2_100;
const batchSize = 60;
let bulk: Report[];
let seed: { id: string };
let batch: { id: string }[];

/** Every report's id, newest first, as history lists them. */
const newestFirst = () => [...batch.map((r) => r.id).reverse(), seed.id, ...bulk.map((r) => r.id).reverse()];

/** The header, the hashtags (when asked for) and the data rows of a file, read strictly. */
function rowsOf(text: string, hxl = true) {
  const [headers = [], ...rest] = readCsv(text);
  const [tags, data] = hxl ? [rest[0] ?? [], rest.slice(1)] : [undefined, rest];
  return { headers, tags, data, id: (row: string[]) => row[headers.indexOf('Report')] ?? '' };
}

beforeAll(async () => {
  bulk = await loadSyntheticHistory('longtown', bulkSize);
  await createPlace('seedtown');
  seed = await postReport(syntheticReport('seedtown', { observed: '2024-03-01' }));
  const reports = Array.from({ length: batchSize }, (_, n) =>
    syntheticReport('seedtown', {
      observed: '2024-03-02',
      figures: [{ indicator: 'civilian_deaths', value: 100 + n, qualifier: 'at_least' }],
    }),
  );
  const response = await send('POST', '/api/v1/reports/batch', { reports }, { as: 'reporter' });
  expect(response.status).toBe(201);
  batch = (await json(response)).reports;
}, 180_000);

describe('GET /exports/reports.csv?limit=all', () => {
  it('holds every report of the history exactly once, newest first, the seed before the bulk', async () => {
    const response = await call('/exports/reports.csv?limit=all');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(csvType);
    expect(response.headers.get('link')).toBeNull();
    const { headers, tags, data, id } = rowsOf(await response.text());
    // The columns of a page of the paged file, exactly.
    const [pagedHeaders, pagedTags] = readCsv(await (await call('/exports/reports.csv?limit=1')).text());
    expect([headers, tags]).toEqual([pagedHeaders, pagedTags]);
    // Every report here has one figure, so one row.
    expect(data.map(id)).toEqual(newestFirst());
    expect(data.map(id)).toContain(seed.id);
  });

  it('leaves out the hashtag row with hxl=false and keeps every data row', async () => {
    const withTags = rowsOf(await (await call('/exports/reports.csv?limit=all')).text());
    const text = await (await call('/exports/reports.csv?limit=all&hxl=false')).text();
    const plain = rowsOf(text, false);
    expect(plain.headers).toEqual(withTags.headers);
    expect(plain.data[0]?.[0]).not.toBe('#loc+code');
    expect(plain.data).toEqual(withTags.data);
  });

  it('keeps to one place with place=, and applies the history filters to the whole of it', async () => {
    const longtown = rowsOf(await (await call('/exports/reports.csv?limit=all&place=longtown')).text());
    expect(longtown.data.map(longtown.id)).toEqual(bulk.map((r) => r.id).reverse());
    expect(new Set(longtown.data.map((row) => row[0]))).toEqual(new Set(['longtown']));

    const seedtown = rowsOf(await (await call('/exports/reports.csv?limit=all&place=seedtown')).text());
    expect(seedtown.data.map(seedtown.id)).toEqual([...batch.map((r) => r.id).reverse(), seed.id]);

    const since = bulk[300]?.published ?? '';
    const until = bulk[1_900]?.published ?? '';
    const query = `place=longtown&indicator=gas&since=${since}&until=${until}`;
    const gas = rowsOf(await (await call(`/exports/reports.csv?limit=all&${query}`)).text());
    const expected = bulk
      .filter((r) => r.figures[0]?.indicator === 'gas' && r.published >= since && r.published <= until)
      .map((r) => r.id)
      .reverse();
    expect(expected.length).toBeGreaterThan(500);
    expect(gas.data.map(gas.id)).toEqual(expected);
  });

  it('lists the index of all history one KV list call per page of 1,000, after a single read; a place lists nothing', async () => {
    for (const [query, reports, lists] of [
      ['', bulkSize + batchSize + 1, Math.ceil((bulkSize + batchSize + 1) / 1_000)],
      // A place's history comes from its writer, 1,000 reports a call.
      ['&place=longtown', bulkSize, 0],
    ] as const) {
      const { response, counts, reads } = await fetchCounting(`/exports/reports.csv?limit=all${query}`);
      const { data } = rowsOf(await response.text());
      expect(data).toHaveLength(reports);
      expect([reads, counts.list, counts.put]).toEqual([1, lists, 0]);
    }
  });

  it('stops listing at `since`, since history runs newest first', async () => {
    const since = bulk[bulkSize - 10]?.published ?? '';
    const { response, counts } = await fetchCounting(`/exports/reports.csv?limit=all&since=${since}`);
    // The newest 10 of the bulk, then the seed and the batch, all in the first page of 1,000.
    expect(rowsOf(await response.text()).data).toHaveLength(10 + 1 + batchSize);
    expect(counts.list).toBe(1);
  });

  it('streams: the answer comes before any listing, and rows arrive before the last list call', async () => {
    const { binding, counts } = countingKv(env.STATUS_KV);
    // With answers kept as in production, which must not read a copy of this body whole.
    const keeping = { ...env, STATUS_KV: binding, RECENT_ANSWER_MS: '1000' as const };
    const fetchKeeping = async (headers: Record<string, string> = {}) => {
      const ctx = createExecutionContext();
      const url = new URL('/exports/reports.csv?limit=all', origin);
      const response = await worker.fetch(new Request(url, { headers }), keeping, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    };
    const response = await fetchKeeping();
    expect(response.status).toBe(200);
    expect(counts.list).toBe(0);
    const reader = (response.body ?? new ReadableStream()).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (text.split('\r\n').length < 3 + 1_000) {
      const { done, value } = await reader.read();
      expect(done).toBe(false);
      text += decoder.decode(value, { stream: true });
    }
    // The header, the hashtags and the first page's 1,000 rows, after one list call of three.
    expect(counts.list).toBe(1);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(counts.list).toBe(3);
    expect(rowsOf(text).data).toHaveLength(bulkSize + batchSize + 1);

    // Only the ETag was kept: it answers a conditional GET, in either form, with no KV operation.
    const etag = response.headers.get('etag') ?? '';
    const before = { ...counts };
    for (const sent of [etag, etag.slice(2)]) {
      expect((await fetchKeeping({ 'if-none-match': sent })).status).toBe(304);
    }
    expect(counts).toEqual(before);
  });

  it('carries a weak ETag that answers 304 after one read and no list, and HEAD lists nothing', async () => {
    const path = '/exports/reports.csv?limit=all&place=seedtown';
    const { response } = await fetchCounting(path);
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]{20}"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    await response.body?.cancel();
    for (const sent of [etag, etag.slice(2)]) {
      const again = await fetchCountingWith(path, { 'if-none-match': sent });
      expect(again.response.status).toBe(304);
      expect(again.response.headers.get('etag')).toBe(etag);
      expect([again.reads, again.counts.list]).toEqual([1, 0]);
    }
    const { binding, counts } = countingKv(env.STATUS_KV);
    const ctx = createExecutionContext();
    const head = await worker.fetch(
      new Request(new URL(path, origin), { method: 'HEAD' }),
      { ...env, STATUS_KV: binding },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect([head.status, head.headers.get('etag'), await head.text()]).toEqual([200, etag, '']);
    expect(counts.list).toBe(0);
  });

  it('gets a new ETag when a report is added, and when an old one is retracted', async () => {
    const path = '/exports/reports.csv?limit=all&place=seedtown';
    const etagOf = async () => {
      const response = await call(path);
      await response.body?.cancel();
      return response.headers.get('etag');
    };
    const before = await etagOf();
    const added = await postReport(syntheticReport('seedtown', { observed: '2024-03-03' }));
    const afterAdding = await etagOf();
    expect(afterAdding).not.toBe(before);
    const retraction = await send(
      'POST',
      `/api/v1/reports/${seed.id}/retraction`,
      { reason: 'Synthetic: the source withdrew it.' },
      { as: 'moderator' },
    );
    expect(retraction.status).toBe(201);
    expect(await etagOf()).not.toBe(afterAdding);
    const { data, id, headers } = rowsOf(await (await call(path)).text());
    const seedRow = data.find((row) => id(row) === seed.id);
    expect(seedRow?.[headers.indexOf('Report state')]).toBe('retracted');
    expect(data.map(id)[0]).toBe(added.id);
  });

  it('answers problems as the paged file does, and refuses a cursor', async () => {
    const first = await call('/exports/reports.csv?limit=1');
    const cursor = /cursor=([^&>]+)/.exec(first.headers.get('link') ?? '')?.[1] ?? '';
    expect(cursor).not.toBe('');
    for (const [path, status, pointer, rule] of [
      [`/exports/reports.csv?limit=all&cursor=${cursor}`, 400, '/cursor', expect.stringMatching(/no cursor/)],
      ['/exports/reports.csv?limit=500', 400, '/limit', 'must be from 1 to 200, or all'],
      ['/exports/reports.csv?limit=ALL', 400, '/limit', 'must be a whole number, or all'],
      ['/exports/reports.csv?limit=all&since=2024-02-01&until=2024-01-01', 400, '/since', expect.anything()],
      ['/exports/reports.csv?limit=all&place=no-such-place', 404, undefined, undefined],
    ] as const) {
      const response = await call(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      if (pointer) expect((await json(response)).errors[0], path).toMatchObject({ pointer, rule });
    }
  });
});

describe('the OpenAPI document', () => {
  it('shows that limit of /exports/reports.csv takes all', async () => {
    const doc = await json(await call('/api/v1/openapi.json'));
    const limit = doc.paths['/exports/reports.csv'].get.parameters.find(
      (p: { name: string }) => p.name === 'limit',
    );
    const accepts = (schema: { pattern: string }, value: string) => new RegExp(schema.pattern).test(value);
    expect([accepts(limit.schema, 'all'), accepts(limit.schema, '200')]).toEqual([true, true]);
    expect(limit.description).toMatch(/or all: the whole history in one file/);
    const paged = doc.paths['/api/v1/reports'].get.parameters.find(
      (p: { name: string }) => p.name === 'limit',
    );
    expect(accepts(paged.schema, 'all')).toBe(false);
  });
});
