// npm run bench: how the production Worker answers as history grows. Builds the bundle that
// `wrangler deploy` would upload, runs it in workerd through miniflare's API (not through
// `wrangler dev`, whose local proxy is slower than workerd itself) with a KV folder of its
// own, loads 10, 1,000 and 100,000 SYNTHETIC reports over 20 places through the storage layer
// in bulk, and loads each endpoint with autocannon on 127.0.0.1, bounded in time and
// connections. Before that, it measures writes beside the design before the writers
// (bench/writes.mjs). Writes bench/results/<date>.json and docs/PERFORMANCE.md.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildSync } from 'esbuild';
import { writeResults } from './report.mjs';
import { benchToken, startBenchWorkers } from './workers.mjs';
import { compareWrites } from './writes.mjs';

const sizes = (process.env.BENCH_SIZES ?? '10,1000,100000').split(',').map(Number);
const placeCount = 20;
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 4);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const loadBatch = 500;
// KV's local storage writes a file per value; on a memory-backed folder the 300,000 writes of
// the largest history take minutes less, and nothing of it outlives the run.
const memoryBackedTmp = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const loadConcurrency = Number(process.env.BENCH_LOAD_CONCURRENCY ?? 1);

/** `wrangler deploy --dry-run`: the production bundle, and the size it reports. */
function build() {
  const output = execFileSync('wrangler', ['deploy', '--dry-run', '--outdir', 'dist'], { encoding: 'utf8' });
  execFileSync(
    'wrangler',
    [
      'deploy',
      '--dry-run',
      '--outdir',
      join(process.cwd(), 'bench/.build'),
      '--config',
      'bench/wrangler.tools.toml',
    ],
    {
      encoding: 'utf8',
    },
  );
  const upload = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output);
  return { uploadKiB: Number(upload?.[1]), gzipKiB: Number(upload?.[2]) };
}

/**
 * @typedef {{ name: string; path: string; method?: string; headers?: Record<string, string>; body?: string }} Endpoint
 * @typedef {{ fetch: (url: string, init: RequestInit) => Promise<Response> }} Tools
 */

/** @param {string} persistPath */
const startWorkers = (persistPath) =>
  startBenchWorkers({ appScript: 'dist/index.js', toolsScript: 'bench/.build/tools-worker.js', persistPath });

/** @param {Tools} tools @param {string} path @param {unknown} body @returns {Promise<any>} */
async function callTools(tools, path, body) {
  const response = await tools.fetch(`http://tools${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`tools ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Loads `size` synthetic reports in batches, several at once, then derives every document.
 * @param {Tools} tools @param {number} size
 */
async function loadHistory(tools, size) {
  const started = performance.now();
  const { slugs } = await callTools(tools, '/places', { count: placeCount });
  /** @type {{ from: number; to: number }[]} */
  const batches = [];
  for (let from = 0; from < size; from += loadBatch)
    batches.push({ from, to: Math.min(size, from + loadBatch) });
  const loadBatchesFrom = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      await callTools(tools, '/reports', { ...batch, places: placeCount });
    }
  };
  await Promise.all(Array.from({ length: loadConcurrency }, loadBatchesFrom));
  await callTools(tools, '/rebuild', {});
  // The writers write the documents from their alarms: wait until every one is written.
  const deadline = Date.now() + 300_000;
  while (!(await callTools(tools, '/settled', { slugs, reports: size })).settled) {
    if (Date.now() > deadline) throw new Error(`the writers did not write the documents of ${size} reports`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { slugs, loadSeconds: (performance.now() - started) / 1000 };
}

/** @param {string} slug */
const reportBody = (slug) =>
  JSON.stringify({
    place: slug,
    observed: '2024-03-15',
    figures: [{ indicator: 'civilian_deaths', value: 7, qualifier: 'at_least' }],
    summary: { text: 'SYNTHETIC benchmark report.', language: 'en' },
    source: { name: 'Synthetic source', kind: 'ngo', language: 'en' },
    verification: 'unconfirmed',
  });

/**
 * The endpoints measured at every size, the floor first and the write last.
 * @param {string} slug @param {string} etag @returns {Endpoint[]}
 */
function endpoints(slug, etag) {
  return [
    { name: 'floor: GET /healthz', path: '/healthz' },
    { name: 'GET /feeds/all.atom', path: '/feeds/all.atom' },
    { name: 'GET /feeds/all.rss', path: '/feeds/all.rss' },
    { name: 'GET /feeds/all.json', path: '/feeds/all.json' },
    { name: 'GET /feeds/places/{slug}.atom', path: `/feeds/places/${slug}.atom` },
    { name: 'GET /api/v1/places', path: '/api/v1/places' },
    { name: 'GET /api/v1/places/{slug}', path: `/api/v1/places/${slug}` },
    { name: 'GET /api/v1/reports?limit=50', path: '/api/v1/reports?limit=50' },
    { name: 'GET /exports/status.csv', path: '/exports/status.csv' },
    { name: 'GET /feeds/all.atom, 304', path: '/feeds/all.atom', headers: { 'if-none-match': etag } },
    { name: 'floor again: GET /healthz', path: '/healthz' },
    {
      name: 'POST /api/v1/reports',
      path: '/api/v1/reports',
      method: 'POST',
      headers: { authorization: `Bearer ${benchToken}`, 'content-type': 'application/json' },
      body: reportBody(slug),
    },
  ];
}

/**
 * autocannon from this process against workerd's own socket: bounded time and connections.
 * @param {URL} url @param {Endpoint} endpoint @returns {Promise<autocannon.Result>}
 */
function load(url, endpoint) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: new URL(endpoint.path, url).href,
        method: /** @type {autocannon.Request['method']} */ (endpoint.method ?? 'GET'),
        headers: endpoint.headers ?? {},
        body: endpoint.body,
        connections,
        duration: durationSeconds,
        // autocannon's warm-up option is missing from its type definitions.
        .../** @type {object} */ ({ warmup: { connections, duration: 1 } }),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * One history size: loads it, then measures it in a fresh workerd on the same KV folder, so
 * that the loader's work leaves nothing behind in the process being measured.
 * @param {number} size @returns {Promise<import('./report.mjs').Run>}
 */
async function measureSize(size) {
  const persistPath = mkdtempSync(join(memoryBackedTmp, 'bench-kv-'));
  try {
    const loader = startWorkers(persistPath);
    const { slugs, loadSeconds } = await loadHistory(await toolsOf(loader), size);
    await loader.dispose();
    const mf = startWorkers(persistPath);
    try {
      const url = await mf.ready;
      const rows = await measureEndpoints(url, await toolsOf(mf), slugs[0]);
      return { reports: size, places: placeCount, loadSeconds, rows };
    } finally {
      await mf.dispose();
    }
  } finally {
    rmSync(persistPath, { recursive: true, force: true });
  }
}

/** @param {import('miniflare').Miniflare} mf */
async function toolsOf(mf) {
  return /** @type {Tools} */ (/** @type {unknown} */ (await mf.getWorker('tools')));
}

/**
 * Every endpoint in turn, with the floor measured first and again last: "× floor" divides by
 * the mean of the two, so that a drift of the machine during the run shows in neither.
 * @param {URL} url @param {Tools} tools @param {string} slug
 */
async function measureEndpoints(url, tools, slug) {
  const first = await callTools(tools, '/count', { path: '/feeds/all.atom' });
  /** @type {import('./report.mjs').Row[]} */
  const rows = [];
  for (const endpoint of endpoints(slug, first.etag)) {
    const request = {
      path: endpoint.path,
      method: endpoint.method,
      headers: endpoint.headers,
      body: endpoint.body,
    };
    // Counted on a request after the first, so a rendering already cached is what is counted.
    await callTools(tools, '/count', request);
    const counted = await callTools(tools, '/count', request);
    const result = await load(url, endpoint);
    const codes = Object.entries(result.statusCodeStats ?? {});
    const unexpected = codes.reduce(
      (n, [code, stats]) => n + (Number(code) === counted.status ? 0 : (stats?.count ?? 0)),
      0,
    );
    rows.push({
      name: endpoint.name,
      status: counted.status,
      requestsPerSecond: result.requests.average,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      responseBytes: counted.bytes,
      kv: counted.counts,
      requests: result.requests.total,
      unexpectedAnswers: unexpected + result.errors + result.timeouts,
      ratioToFloor: 0,
    });
    console.log(`  ${endpoint.name}: ${result.requests.average} req/s, p99 ${result.latency.p99} ms`);
  }
  const floors = rows.filter((row) => row.name.includes('GET /healthz')).map((row) => row.requestsPerSecond);
  const floor = floors.reduce((sum, value) => sum + value, 0) / floors.length;
  for (const row of rows) row.ratioToFloor = row.requestsPerSecond / floor;
  return rows;
}

/** The renderers alone (bench/render-bench.ts), bundled for Node and run as a process of its own. */
function measureRenderers() {
  buildSync({
    entryPoints: ['bench/render-bench.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: 'bench/.build/render-bench.mjs',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'warning',
  });
  const output = execFileSync('node', ['bench/.build/render-bench.mjs'], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_SIZES: sizes.join(',') },
  });
  return JSON.parse(output);
}

const started = new Date();
const bundle = build();
const writes = await compareWrites();
const renderers = measureRenderers();
console.log(`bench: ${renderers.length} renderer timings`);
const runs = [];
for (const size of sizes) {
  console.log(`bench: ${size} reports`);
  runs.push(await measureSize(size));
}
const file = writeResults({
  started,
  bundle,
  writes,
  renderers,
  runs,
  settings: {
    durationSeconds,
    connections,
    placeCount,
    elapsedSeconds: (Date.now() - started.getTime()) / 1000,
  },
});
console.log(`bench: results in ${file} and docs/PERFORMANCE.md`);
