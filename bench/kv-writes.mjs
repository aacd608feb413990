// KV writes per report, everything counted: the request's and the writers' (Durable
// Objects), which write the derived documents after the answer. What a report costs of the
// KV write allowance of a plan (docs/operating.md#cloudflare-plans-and-capacity).
// The production Worker (bench/kv-writes-worker.ts wraps its KV binding to count) runs in
// workerd through miniflare with what wrangler.toml declares and its production settings
// (DOCUMENT_WRITE_INTERVAL_MS 1000), on a fresh KV folder, with one place. Two cases:
// - trickle: reports one at a time, one every 3 s, so that each is written on its own;
// - batch: 100 reports in one POST /api/v1/reports/batch.
// Each case's writes are counted from its first request until its writers have been quiet
// for 5 s. Part of npm run bench; alone: node bench/kv-writes.mjs (about a minute), which prints
// the counts.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { compatibilityDate, productionConfig } from './workers.mjs';

const trickleCount = 10;
const trickleGapMs = 3_000;
const batchSize = 100;
const token = 'kv-writes-token';

/**
 * @typedef {{ reports: number; writes: Record<string, number> }} WriteCount
 * @typedef {{ trickle: WriteCount & { gapSeconds: number }; batch: WriteCount }} KvWrites
 */

/** KV writes by kind of key, with reports one at a time and in a batch. @returns {Promise<KvWrites>} */
export async function measureKvWrites() {
  // Built inside the repository: workerd loads no module from outside where it starts.
  const out = 'bench/.build/kv-writes';
  execFileSync('wrangler', ['deploy', '--dry-run', '--outdir', out, 'bench/kv-writes-worker.ts'], {
    stdio: 'ignore',
  });
  const dir = mkdtempSync(join(tmpdir(), 'kv-writes-'));

  const { durableObjects, queueProducers, queueConsumers, vars } = productionConfig();
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      host: '127.0.0.1',
      port: 0,
      handleStructuredLogs: () => {},
      resourcePersistencePath: join(dir, 'state'),
      workers: [
        {
          name: 'app',
          modules: true,
          scriptPath: join(out, 'kv-writes-worker.js'),
          compatibilityDate,
          kvNamespaces: { STATUS_KV: 'kv-writes' },
          durableObjects,
          queueProducers,
          queueConsumers,
          bindings: {
            ...vars,
            API_TOKENS: JSON.stringify([
              {
                name: 'kv-writes',
                sha256: createHash('sha256').update(token).digest('hex'),
                scopes: ['report', 'admin'],
              },
            ]),
          },
          // Raised so that the batch is not throttled; production's is 30 writes per 10 s a token.
          ratelimits: {
            WRITE_RATE_LIMITER: { namespace_id: '1001', simple: { limit: 1_000_000, period: 10 } },
          },
        },
      ],
    }),
  );

  const base = (await mf.ready).origin;
  const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} body
   */
  async function send(method, path, body) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }

  /** @returns {Promise<Record<string, number>>} */
  const counts = async () =>
    /** @type {Record<string, number>} */ (await (await fetch(`${base}/__kv-writes`)).json());
  const total = (/** @type {Record<string, number>} */ c) => Object.values(c).reduce((a, b) => a + b, 0);

  /** The counts once no write has happened for 5 s. */
  async function settled() {
    let last = await counts();
    for (let quiet = 0; quiet < 5; ) {
      await sleep(1_000);
      const now = await counts();
      quiet = total(now) === total(last) ? quiet + 1 : 0;
      last = now;
    }
    return last;
  }

  /**
   * @param {Record<string, number>} before
   * @param {Record<string, number>} after
   */
  const difference = (before, after) =>
    Object.fromEntries(
      Object.entries(after)
        .map(([kind, n]) => [kind, n - (before[kind] ?? 0)])
        .filter(([, n]) => Number(n) > 0),
    );

  // The seed's place, and its report cut to one figure, so that 100 fit in one request's
  // 64 KB: a valid report as clients send them, sent again and again.
  const seed = JSON.parse(readFileSync('seeds/bakhmut.json', 'utf8'));
  const { slug, ...place } = seed.place;
  const { summary, figures, ...rest } = seed.reports.at(-1).report;
  const report = {
    ...rest,
    summary: { text: 'SYNTHETIC: a report sent to count KV writes.', language: summary.language },
    figures: figures
      .slice(0, 1)
      .map((/** @type {Record<string, unknown>} */ { note: _n, quote: _q, ...f }) => f),
  };

  try {
    await send('PUT', `/api/v1/places/${slug}`, place);
    // One report first, so that every writer and the change log exist before counting.
    await send('POST', '/api/v1/reports', report);
    const start = await settled();

    for (let i = 0; i < trickleCount; i++) {
      await send('POST', '/api/v1/reports', report);
      await sleep(trickleGapMs);
    }
    const afterTrickle = await settled();
    const trickle = difference(start, afterTrickle);

    await send('POST', '/api/v1/reports/batch', { reports: Array.from({ length: batchSize }, () => report) });
    const batch = difference(afterTrickle, await settled());

    return {
      trickle: { reports: trickleCount, gapSeconds: trickleGapMs / 1000, writes: trickle },
      batch: { reports: batchSize, writes: batch },
    };
  } finally {
    await mf.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {WriteCount} c */
export const perReport = (c) => Object.values(c.writes).reduce((a, b) => a + b, 0) / c.reports;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { trickle, batch } = await measureKvWrites();
  const line = (/** @type {string} */ name, /** @type {WriteCount} */ c) =>
    `${name}: ${c.reports} reports, ${perReport(c).toFixed(2)} KV writes per report (${Object.entries(
      c.writes,
    )
      .map(([kind, k]) => `${kind} ${k}`)
      .join(', ')})`;
  console.log(line(`trickle (one every ${trickle.gapSeconds} s)`, trickle));
  console.log(line('batch (one POST /api/v1/reports/batch)', batch));
}
