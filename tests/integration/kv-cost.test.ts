import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/model.ts';
import { loadSyntheticHistory } from '../support/bulk.ts';
import { fetchCounting, fetchCountingWith } from '../support/kv.ts';

// More than one KV list page (1,000 keys) and far more than a derived document holds (200).
const historySize = 1_250;
let reports: Report[];

beforeAll(async () => {
  reports = await loadSyntheticHistory('bigtown', historySize);
}, 120_000);

// What each public GET may read from KV at this size. A stored answer reads its own bytes and
// its seal, no more; a read that renders reads the one document shaped for it, never one of
// the 200-report documents for an answer that needs 50. Sizes here grow with the number of
// places and with the text of the newest reports, never with the length of history.
const seal = 512;
const budgets: [path: string, bytes: (answer: number) => number][] = [
  ['/api/v1/places', (answer) => answer + seal],
  ['/api/v1/places/bigtown', (answer) => answer + seal],
  ['/feeds/all.atom', (answer) => answer + seal],
  ['/feeds/all.rss', (answer) => answer + seal],
  ['/feeds/all.json', (answer) => answer + seal],
  ['/feeds/places/bigtown.atom', (answer) => answer + seal],
  ['/feeds/places/bigtown.rss', (answer) => answer + seal],
  ['/feeds/places/bigtown.json', (answer) => answer + seal],
  ['/exports/status.csv', (answer) => answer + seal],
  ['/exports/status.csv?hxl=false', (answer) => answer + seal],
  ['/exports/places.csv', (answer) => answer + seal],
  ['/exports/places.csv?hxl=false', (answer) => answer + seal],
  ['/exports/status.geojson', (answer) => answer + seal],
  ['/api/v1/reports', (answer) => answer + seal],
  ['/api/v1/reports?limit=50', (answer) => answer + seal],
  ['/api/v1/places/bigtown/reports', (answer) => answer + seal],
  // The newest 50 summaries, not 200.
  ['/exports/reports.csv', () => 16_000],
  ['/api/v1/reports?limit=20', () => 16_000],
  // The list of places (one place here).
  ['/', () => 2_000],
  ['/feeds.opml', () => 2_000],
  // A page of 100 changes, each with its figures (here about 400 bytes a change).
  ['/api/v1/changes', () => 48_000],
  // What asks for more than the newest 50 reads the newest 200.
  ['/places/bigtown', () => 64_000],
  ['/api/v1/reports?limit=200', () => 64_000],
  ['/feeds/places/bigtown.atom?limit=200', () => 136_000],
  ['/healthz', () => 0],
  ['/api/v1/indicators', () => 0],
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

  it.each(budgets)('GET %s reads at most one value, within its budget', async (path, budget) => {
    const { response, counts, bytes, reads } = await fetchCounting(path);
    expect(response.status).toBe(200);
    const answer = (await response.arrayBuffer()).byteLength;
    expect(reads).toBeLessThanOrEqual(1);
    expect([counts.list, counts.put, counts.delete]).toEqual([0, 0, 0]);
    expect(bytes.read).toBeLessThanOrEqual(budget(answer));
  });
});

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
    it(`walks all of /exports/reports.csv?${query} by its Link headers, each older page one list and no read`, async () => {
      const seen: string[] = [];
      let next: string | undefined = `/exports/reports.csv?${query}`;
      let pages = 0;
      while (next) {
        const { response, counts, reads } = await fetchCounting(next);
        expect(response.status).toBe(200);
        expect([reads, counts.list]).toEqual(pages === 0 ? [1, 0] : [0, 1]);
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
    it(`GET /exports/reports.csv?${query} costs one read and a list per 1,000 reports; its 304 one read`, async () => {
      const { response, counts, reads } = await fetchCounting(`/exports/reports.csv?${query}`);
      expect(response.status).toBe(200);
      const [, , ...rows] = parse(await response.text(), { relax_quotes: false }) as string[][];
      expect(rows).toHaveLength(historySize);
      expect([reads, counts.list, counts.put]).toEqual([1, Math.ceil(historySize / 1_000), 0]);
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
      if (pages > 0) expect([reads, counts.list]).toEqual([1, 1]);
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

  it('GET /api/v1/reports/{id} costs two reads (report and index entry) and no list', async () => {
    const { response, counts, reads } = await fetchCounting(`/api/v1/reports/${reports[17]?.id}`);
    expect(response.status).toBe(200);
    expect(reads).toBe(2);
    expect(counts.list).toBe(0);
  });

  for (const scope of ['/api/v1/reports', '/api/v1/places/bigtown/reports']) {
    it(`walks all of ${scope} newest first, each older page costing one list and no read`, async () => {
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
          expect([reads, counts.list]).toEqual([0, 1]);
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
