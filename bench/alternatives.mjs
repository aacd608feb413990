// Where a rendered answer could be read from, measured side by side in one workerd (the build
// the app runs in): one KV read, one Cache API match, one call to a SQLite-backed Durable
// Object that reads it from its own storage (bench/alternatives-worker.js), at the sizes of
// the app's answers, beside an answer that reads nothing. For the choice issue 26 asks for:
// KV holding every rendered answer, or the Cache API keyed by a document's version, or the
// writer's own SQLite. Three rounds, each loading every case in turn (the order reversed in
// alternate rounds); autocannon from this process over 127.0.0.1, 8 connections, 1 s warm-up
// and 3 s measured; the median of the rounds. Prints JSON; writes nothing.
// Run: npm run bench:alternatives (about five minutes).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { compatibilityDate } from './workers.mjs';

// The answers' sizes, and the two scopes' values that hold them (a place's and all places', at
// 2,200 reports over 20 places), which is what a read of one answer reads now.
const sizes = [1_258, 15_216, 67_229, 98_324, 351_668, 619_355];
const places = ['none', 'kv', 'cache', 'object'];
const rounds = 3;

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** @param {string} url @returns {Promise<{ rps: number; p99: number; other: number }>} */
const load = (url) =>
  new Promise((resolve, reject) => {
    autocannon(
      /** @type {autocannon.Options} */ ({
        url,
        connections: 8,
        duration: 3,
        warmup: { connections: 8, duration: 1 },
      }),
      (error, result) => {
        if (error) return reject(error);
        const other = Object.entries(result.statusCodeStats ?? {}).reduce(
          (n, [code, stats]) => n + (code === '200' ? 0 : (stats?.count ?? 0)),
          0,
        );
        resolve({ rps: result.requests.average, p99: result.latency.p99, other: other + result.errors });
      },
    );
  });

const dir = mkdtempSync(join(tmpdir(), 'alternatives-'));
const mf = new Miniflare(
  convertV4MiniflareOptions({
    host: '127.0.0.1',
    port: 0,
    handleStructuredLogs: () => {},
    resourcePersistencePath: dir,
    workers: [
      {
        name: 'alternatives',
        modules: true,
        scriptPath: 'bench/alternatives-worker.js',
        compatibilityDate,
        kvNamespaces: { STATUS_KV: 'alternatives' },
        durableObjects: { ANSWERS: { className: 'AnswerObject', useSQLite: true } },
      },
    ],
  }),
);
try {
  const base = await mf.ready;
  for (const bytes of sizes) {
    const stored = await fetch(new URL(`/setup/${bytes}`, base), { method: 'POST' });
    if (stored.status !== 204) throw new Error(`setup of ${bytes} bytes: ${stored.status}`);
  }
  /** @type {Record<string, number[]>} */
  const rps = {};
  /** @type {Record<string, number[]>} */
  const p99 = {};
  let unexpected = 0;
  for (let round = 0; round < rounds; round++) {
    const cases = sizes.flatMap((bytes) => places.map((where) => `/${where}/${bytes}`));
    for (const path of round % 2 === 0 ? cases : [...cases].reverse()) {
      const measured = await load(new URL(path, base).href);
      rps[path] = [...(rps[path] ?? []), measured.rps];
      p99[path] = [...(p99[path] ?? []), measured.p99];
      unexpected += measured.other;
      console.error(`  ${path}, round ${round + 1}: ${Math.round(measured.rps)} req/s`);
    }
  }
  const rows = sizes.map((bytes) => {
    const at = (/** @type {string} */ where) => median(rps[`/${where}/${bytes}`] ?? []);
    const none = at('none');
    return {
      bytes,
      requestsPerSecond: Object.fromEntries(places.map((where) => [where, Math.round(at(where))])),
      ratioToNone: Object.fromEntries(
        places.slice(1).map((where) => [where, Number((at(where) / none).toFixed(2))]),
      ),
      cacheOverKv: Number((at('cache') / at('kv')).toFixed(2)),
      objectOverKv: Number((at('object') / at('kv')).toFixed(2)),
      p99Ms: Object.fromEntries(places.map((where) => [where, median(p99[`/${where}/${bytes}`] ?? [])])),
    };
  });
  console.log(JSON.stringify({ measured: new Date().toISOString(), rounds, unexpected, rows }, null, 2));
} finally {
  await mf.dispose();
  rmSync(dir, { recursive: true, force: true });
}
