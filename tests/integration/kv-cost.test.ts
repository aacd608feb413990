import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/model.ts';
import worker from '../../src/index.ts';
import { answerKey, placesDocumentKey, scopeValueKey } from '../../src/store/keys.ts';
import { decodeScopeHeader } from '../../src/store/scope-value.ts';
import { StatusStore } from '../../src/store/status-store.ts';
import { origin } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { loadSyntheticHistory } from '../support/bulk.ts';
import { countingKv } from '../support/counting-kv.ts';
import { fetchCounting, fetchCountingWith } from '../support/kv.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';
import { wrapWriterKv, writers } from '../support/writers.ts';

// More than one KV list page (1,000 keys) and far more than a derived document holds (200).
const historySize = 1_250;
let reports: Report[];

beforeAll(async () => {
  reports = await loadSyntheticHistory('bigtown', historySize);
}, 120_000);

// What each public GET may read from KV at this size. A scope's documents and stored answers
// are entries of its one value (src/store/scope-value.ts), so that a flush is one KV write:
// a read of any of them reads that one value, and the value of no other scope. Its size
// grows with the number of places and with the text of the newest reports (at most 200 a
// document), never with the length of history.
const seal = 512;
type Scope = 'all' | 'place';
/** The most a scope's value holds with one place: its documents of 200 and 50 reports, and each answer made of them. */
const mostScopeBytes = 640_000;
const budgets: [path: string, scope: Scope | number][] = [
  ['/api/v1/places', 'all'],
  ['/api/v1/places/bigtown', 'place'],
  ['/feeds/all.atom', 'all'],
  ['/feeds/all.rss', 'all'],
  ['/feeds/all.json', 'all'],
  ['/feeds/places/bigtown.atom', 'place'],
  ['/feeds/places/bigtown.rss', 'place'],
  ['/feeds/places/bigtown.json', 'place'],
  ['/exports/status.csv', 'all'],
  ['/exports/status.csv?hxl=false', 'all'],
  ['/exports/places.csv', 'all'],
  ['/exports/places.csv?hxl=false', 'all'],
  ['/exports/status.geojson', 'all'],
  ['/api/v1/reports', 'all'],
  ['/api/v1/reports?limit=50', 'all'],
  ['/api/v1/places/bigtown/reports', 'place'],
  ['/exports/reports.csv', 'all'],
  ['/api/v1/reports?limit=20', 'all'],
  ['/', 'all'],
  ['/feeds.opml', 'all'],
  // A page of 100 changes, each with its figures (here about 400 bytes a change).
  ['/api/v1/changes', 48_000],
  ['/places/bigtown', 'place'],
  ['/api/v1/reports?limit=200', 'all'],
  ['/feeds/places/bigtown.atom?limit=200', 'place'],
  ['/healthz', 0],
  ['/api/v1/indicators', 0],
];

const scopeOf = (scope: Scope) =>
  scope === 'all' ? allScope : ({ kind: 'place', slug: 'bigtown' } as const);
const allScope = { kind: 'all' } as const;
const utf8 = new TextEncoder();

async function storedValue(scope: Scope) {
  const key = scopeValueKey(scopeOf(scope));
  const { value, metadata } = await env.STATUS_KV.getWithMetadata<{ version: string }>(key, 'arrayBuffer');
  if (!value || !metadata) throw new Error(`no value for ${key}`);
  const bytes = new Uint8Array(value);
  const header = await decodeScopeHeader(bytes, metadata.version);
  if (!header) throw new Error(`the header of ${key} did not decode`);
  return { header, value: bytes };
}

async function storedBytes(scope: Scope): Promise<number> {
  return (await storedValue(scope)).value.length;
}

/** Where an entry's stored bytes end in its scope's value. */
async function storedEnd(scope: Scope, name: string): Promise<number> {
  const { header } = await storedValue(scope);
  const [at, length] = header.entries[name] ?? [Number.NaN, Number.NaN];
  return header.length + at + length;
}

/** Every entry of a scope's value as its writer wrote it. */
const readStoredScope = async (scope: Scope) => [
  ...(await new StatusStore(env.STATUS_KV).readScope(scopeOf(scope))).values(),
];

describe(`bytes read from KV per public GET at a history of ${historySize} reports`, () => {
  it('GET of a feed this isolate served at this version reads the seal, not the body', async () => {
    const first = await fetchCounting('/feeds/all.json');
    const body = await first.response.text();
    const again = await fetchCounting('/feeds/all.json');
    expect(await again.response.text()).toBe(body);
    expect(again.reads).toBe(1);
    expect(again.bytes.read).toBeLessThanOrEqual(seal);
  });

  it.each(budgets)('GET %s reads at most one value, within its budget', async (path, scope) => {
    const { response, counts, bytes, reads } = await fetchCounting(path);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(reads).toBeLessThanOrEqual(1);
    expect([counts.list, counts.put, counts.delete]).toEqual([0, 0, 0]);
    expect(bytes.read).toBeLessThanOrEqual(
      typeof scope === 'number' ? scope : (await storedBytes(scope)) + seal,
    );
  });

  // The entries of a value are stored smallest first, and a read stops at the end of its
  // own (KV hands a stream over in chunks of 4 KiB): the small answers read a little of the
  // value, however large its feeds and pages.
  it.each([
    ['/api/v1/places', 'all', placesDocumentKey],
    ['/api/v1/places/bigtown', 'place', answerKey({ kind: 'place', slug: 'bigtown' })],
    ['/exports/status.csv', 'all', answerKey({ kind: 'file', name: 'status.csv' })],
    ['/feeds.opml', 'all', answerKey({ kind: 'file', name: 'feeds.opml' })],
  ] as const)('GET %s reads its value only as far as its own answer', async (path, scope, entry) => {
    const { response, bytes } = await fetchCounting(path);
    await response.arrayBuffer();
    const end = await storedEnd(scope, entry);
    expect(end).toBeLessThan((await storedBytes(scope)) / 2);
    expect(bytes.read).toBeLessThanOrEqual(end + 4096);
  });

  it('stores each entry compressed: a value holds fewer bytes than its entries', async () => {
    for (const scope of ['all', 'place'] as const) {
      const { header, value } = await storedValue(scope);
      const written = (await readStoredScope(scope)).reduce((sum, text) => sum + utf8.encode(text).length, 0);
      expect(header.compressed).toBe(true);
      expect(value.length).toBeLessThan(written / 2);
    }
  });

  it(`keeps each scope's value under ${mostScopeBytes} bytes`, async () => {
    for (const scope of ['all', 'place'] as const)
      expect(await storedBytes(scope)).toBeLessThanOrEqual(mostScopeBytes);
  });
});

/**
 * What an older history page reads of KV: one list of the index of all history, or, for a
 * place, nothing (its writer holds the place's history).
 */
const olderPageCost = (asked: string) => (asked.includes('place') ? [0, 0] : [0, 1]);

describe(`KV cost of reads at a history of ${historySize} reports`, () => {
  it.each([
    '/api/v1/places',
    '/api/v1/places/bigtown',
    '/api/v1/reports',
    '/api/v1/places/bigtown/reports?limit=200',
  ])('GET %s costs one KV read and no list', async (path) => {
    const { response, counts, reads } = await fetchCounting(path);
    expect(response.status).toBe(200);
    expect(reads).toBe(1);
    expect(counts.list).toBe(0);
    expect(counts.put).toBe(0);
  });

  it.each(['/feeds/all.atom', '/feeds/all.rss', '/feeds/all.json', '/feeds/places/bigtown.atom?limit=200'])(
    'GET %s costs one KV read and no list',
    async (path) => {
      const { response, counts, reads } = await fetchCounting(path);
      expect(response.status).toBe(200);
      expect([reads, counts.list, counts.put]).toEqual([1, 0, 0]);
      const etag = response.headers.get('etag') ?? '';
      const again = await fetchCountingWith(path, { 'if-none-match': etag });
      expect(again.response.status).toBe(304);
      expect([again.reads, again.counts.list]).toEqual([1, 0]);
    },
  );

  it.each(['/', '/places/bigtown', '/feeds.opml', '/api/v1/indicators', '/api/v1/openapi.json', '/healthz'])(
    'GET %s costs at most one KV read and no list',
    async (path) => {
      const { response, counts, reads } = await fetchCounting(path);
      expect(response.status).toBe(200);
      expect(reads).toBeLessThanOrEqual(1);
      expect([counts.list, counts.put]).toEqual([0, 0]);
    },
  );

  it.each([
    '/exports/status.csv',
    '/exports/status.geojson',
    '/exports/reports.csv',
    '/exports/reports.csv?place=bigtown&limit=200',
  ])('GET %s costs one KV read and no list, and so does its 304', async (path) => {
    const { response, counts, reads } = await fetchCounting(path);
    expect(response.status).toBe(200);
    expect([reads, counts.list, counts.put]).toEqual([1, 0, 0]);
    const etag = response.headers.get('etag') ?? '';
    const again = await fetchCountingWith(path, { 'if-none-match': etag });
    expect(again.response.status).toBe(304);
    expect([again.reads, again.counts.list, again.counts.put]).toEqual([1, 0, 0]);
  });

  for (const query of ['limit=200', 'place=bigtown&limit=200']) {
    it(`walks all of /exports/reports.csv?${query} by its Link headers, each older page one list (all places) or none (a place), and no read`, async () => {
      const seen: string[] = [];
      let next: string | undefined = `/exports/reports.csv?${query}`;
      let pages = 0;
      while (next) {
        const { response, counts, reads } = await fetchCounting(next);
        expect(response.status).toBe(200);
        expect([reads, counts.list]).toEqual(pages === 0 ? [1, 0] : olderPageCost(query));
        const [, tags = [], ...rows] = parse(await response.text(), { relax_quotes: false }) as string[][];
        const id = tags.indexOf('#meta+id');
        seen.push(...rows.map((row) => row[id] ?? ''));
        next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('link') ?? '')?.[1];
        pages++;
        expect(pages).toBeLessThan(20);
      }
      expect(seen).toEqual(reports.map((r) => r.id).reverse());
    });
  }

  for (const query of ['limit=all', 'limit=all&place=bigtown']) {
    it(`GET /exports/reports.csv?${query} costs one read and, for all places, a list per 1,000 reports; its 304 one read`, async () => {
      const { response, counts, reads } = await fetchCounting(`/exports/reports.csv?${query}`);
      expect(response.status).toBe(200);
      const [, , ...rows] = parse(await response.text(), { relax_quotes: false }) as string[][];
      expect(rows).toHaveLength(historySize);
      const lists = query.includes('place=') ? 0 : Math.ceil(historySize / 1_000);
      expect([reads, counts.list, counts.put]).toEqual([1, lists, 0]);
      const etag = response.headers.get('etag') ?? '';
      const again = await fetchCountingWith(`/exports/reports.csv?${query}`, { 'if-none-match': etag });
      expect(again.response.status).toBe(304);
      expect([again.reads, again.counts.list, again.counts.put]).toEqual([1, 0, 0]);
    });
  }

  it('reaches every report through the Atom feed and its prev-archive links', async () => {
    const seen = new Set<string>();
    let next: string | undefined = '/feeds/places/bigtown.atom';
    let pages = 0;
    while (next) {
      const { response, counts, reads } = await fetchCounting(next);
      expect(response.status).toBe(200);
      // An older page of a place: the list of places, and a call to the place's writer.
      if (pages > 0) expect([reads, counts.list]).toEqual([1, 0]);
      const xml = await response.text();
      for (const [, id] of xml.matchAll(
        /<link rel="alternate" type="application\/json" href="[^"]*\/reports\/([0-9A-Z]{26})"/g,
      )) {
        if (id) seen.add(id);
      }
      next = /<link rel="prev-archive" type="application\/atom\+xml" href="([^"]+)"/
        .exec(xml)?.[1]
        ?.replaceAll('&amp;', '&');
      pages++;
      expect(pages).toBeLessThan(40);
    }
    expect(seen.size).toBe(historySize);
  });

  it('walks all of /api/v1/changes from the start, each page one KV read and no list, and its 304 too', async () => {
    const seen: string[] = [];
    let next = '/api/v1/changes';
    for (let answers = 0; ; answers++) {
      expect(answers).toBeLessThan(20);
      const { response, counts, reads } = await fetchCounting(next);
      expect(response.status).toBe(200);
      expect([reads, counts.list, counts.put]).toEqual([1, 0, 0]);
      const page = (await response.json()) as { changes: { report: string }[]; next: string };
      if (page.changes.length === 0) {
        const again = await fetchCountingWith(next, { 'if-none-match': response.headers.get('etag') ?? '' });
        expect(again.response.status).toBe(304);
        expect([again.reads, again.counts.list]).toEqual([1, 0]);
        break;
      }
      seen.push(...page.changes.map((c) => c.report));
      next = page.next;
    }
    expect(seen).toEqual(reports.map((r) => r.id));
  });

  it('GET /api/v1/reports/{id} costs one read (the report is its index entry) and no list', async () => {
    const { response, counts, reads } = await fetchCounting(`/api/v1/reports/${reports[17]?.id}`);
    expect(response.status).toBe(200);
    expect(reads).toBe(1);
    expect(counts.list).toBe(0);
  });

  for (const scope of ['/api/v1/reports', '/api/v1/places/bigtown/reports']) {
    it(`walks all of ${scope} newest first, each older page costing one list (all places) or nothing of KV (a place)`, async () => {
      const seen: string[] = [];
      let next: string | null = `${scope}?limit=200`;
      let pages = 0;
      while (next) {
        const { response, counts, reads } = await fetchCounting(next);
        expect(response.status).toBe(200);
        const page = (await response.json()) as { reports: { id: string }[]; next: string | null };
        if (pages === 0) {
          expect([reads, counts.list]).toEqual([1, 0]);
        } else {
          expect([reads, counts.list]).toEqual(olderPageCost(scope));
        }
        seen.push(...page.reports.map((r) => r.id));
        next = page.next;
        pages++;
        expect(pages).toBeLessThan(20);
      }
      const expected = reports.map((r) => r.id).reverse();
      expect(seen).toEqual(expected);
    });
  }

  it('pages through a filter without losing or repeating a report', async () => {
    const seen: string[] = [];
    let next: string | null = '/api/v1/places/bigtown/reports?indicator=gas&limit=150';
    while (next) {
      const { response, counts } = await fetchCounting(next);
      expect(counts.list).toBeLessThanOrEqual(1);
      const page = (await response.json()) as { reports: { id: string }[]; next: string | null };
      expect(page.reports.length).toBeLessThanOrEqual(150);
      seen.push(...page.reports.map((r) => r.id));
      next = page.next;
    }
    const gas = reports
      .filter((r) => r.figures[0]?.indicator === 'gas')
      .map((r) => r.id)
      .reverse();
    expect(seen).toEqual(gas);
  });

  it('stops at `since` without listing older history', async () => {
    const since = reports[historySize - 10]?.published;
    const { response, counts } = await fetchCounting(`/api/v1/reports?since=${since}`);
    const page = (await response.json()) as { reports: { id: string }[]; next: string | null };
    expect(page.reports).toHaveLength(10);
    expect(page.next).toBeNull();
    expect(counts.list).toBe(0);
  });
});

describe('KV writes per report', () => {
  // The report with its index entry, the place's value, the value of all places, the change log's page.
  const mostWritesPerReport = 4;

  it(`costs at most ${mostWritesPerReport} KV writes a report written on its own, every put of the request and its writers counted`, async () => {
    await createPlace('writetown');
    await postReport(syntheticReport('writetown'));
    const writerCounts: Record<string, number>[] = [];
    for (const stub of [writers.place('writetown'), writers.allPlaces(), writers.changeLog()]) {
      await wrapWriterKv(stub, (kv) => {
        const { binding, counts } = countingKv(kv);
        writerCounts.push(counts);
        return binding;
      });
    }
    const sent = 3;
    let requestPuts = 0;
    for (let i = 0; i < sent; i++) {
      const { binding, counts } = countingKv(env.STATUS_KV);
      const ctx = createExecutionContext();
      const request = new Request(new URL('/api/v1/reports', origin), {
        method: 'POST',
        headers: { authorization: `Bearer ${testTokens.reporter.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(syntheticReport('writetown', { observed: `2024-03-1${i}` })),
      });
      const response = await worker.fetch(request, { ...env, STATUS_KV: binding }, ctx);
      await waitOnExecutionContext(ctx);
      expect(response.status).toBe(201);
      requestPuts += counts.put;
    }
    const writerPuts = writerCounts.reduce((sum, counts) => sum + (counts.put ?? 0), 0);
    // Every writer wrote: the place's value, the value of all places and the change log's page.
    expect(writerCounts.map((counts) => counts.put)).toEqual([sent, sent, sent]);
    expect((requestPuts + writerPuts) / sent).toBeLessThanOrEqual(mostWritesPerReport);
  });
});
