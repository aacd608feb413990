// Measures what a feed request costs as history grows: KV operations per request (counted
// by an instrumented binding) and time per request inside workerd, at 10, 1,000 and
// 100,000 SYNTHETIC reports. Run with `npm run measure:feeds`; it is not part of npm test.

import { describe, expect, it } from 'vitest';
import { loadSyntheticHistory } from '../tests/support/bulk.ts';
import { fetchCountingWith } from '../tests/support/kv.ts';

const sizes = [10, 1_000, 100_000];
const requestsPerCase = 50;

async function timeRequests(paths: readonly string[], headers: Record<string, string> = {}) {
  let reads = 0;
  let lists = 0;
  const started = performance.now();
  for (const path of paths) {
    const { response, counts } = await fetchCountingWith(path, headers);
    await response.arrayBuffer();
    reads += counts.get + counts.getWithMetadata;
    lists += counts.list;
  }
  const elapsed = performance.now() - started;
  return {
    msPerRequest: elapsed / paths.length,
    readsPerRequest: reads / paths.length,
    listsPerRequest: lists / paths.length,
  };
}

describe('feed cost by history size', () => {
  const rows: Record<string, unknown>[] = [];
  for (const size of sizes) {
    it(`at ${size} reports`, { timeout: 600_000 }, async () => {
      const loadStarted = performance.now();
      await loadSyntheticHistory(`town-${size}`, size, 500);
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      const path = `/feeds/places/town-${size}.atom`;
      // Distinct limits make every request a fresh rendering; the same URL is then a cache hit.
      const renders = await timeRequests(
        Array.from({ length: requestsPerCase }, (_, i) => `${path}?limit=${i + 1}`),
      );
      const hits = await timeRequests(Array.from({ length: requestsPerCase }, () => `${path}?limit=50`));
      const first = await fetchCountingWith(`${path}?limit=50`, {});
      const etag = first.response.headers.get('etag') ?? '';
      const notModified = await timeRequests(
        Array.from({ length: requestsPerCase }, () => `${path}?limit=50`),
        { 'if-none-match': etag },
      );
      rows.push({ size, loadSeconds, render: renders, cached: hits, notModified });
      expect(renders.listsPerRequest).toBe(0);
      expect(renders.readsPerRequest).toBe(1);
    });
  }
  it('writes the results', () => {
    console.log(JSON.stringify(rows, null, 2));
    expect(rows).toHaveLength(sizes.length);
  });
});
