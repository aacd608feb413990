// npm run bench: how the production Worker answers as history grows. Builds the bundle that
// `wrangler deploy` would upload, runs it in workerd through miniflare's API (not through
// `wrangler dev`, whose local proxy is slower than workerd itself) with a KV folder of its
// own, loads 10, 1,000 and 100,000 SYNTHETIC reports over 20 places through the storage layer
// in bulk, and loads each endpoint with autocannon on 127.0.0.1, bounded in time and
// connections, and the whole history in one file, one request at a time (bench/whole-history.mjs).
// Before that, it measures writes beside the design before the writers (bench/writes.mjs).
// Writes bench/results/<date>.json and docs/PERFORMANCE.md.

import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import autocannon from 'autocannon';
import { buildSync } from 'esbuild';
import { build, callTools, kvFolder, loadHistory, placeCount, startWorkers, toolsOf } from './history.mjs';
import { writeResults } from './report.mjs';
import { measureWholeHistoryIn } from './whole-history.mjs';
import { benchToken } from './workers.mjs';
import { compareWrites } from './writes.mjs';

const sizes = (process.env.BENCH_SIZES ?? '10,1000,100000').split(',').map(Number);
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 4);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);

/**
 * @typedef {{ name: string; path: string; method?: string; headers?: Record<string, string>; body?: string }} Endpoint
 * @typedef {import('./history.mjs').Tools} Tools
 */

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
      // A writer who has seen the warnings the synthetic history may give this figure.
      headers: {
        authorization: `Bearer ${benchToken}`,
        'content-type': 'application/json',
        'confirm-warnings': 'above-whole, far-from-current, above-population, old-observation',
      },
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
 * that the loader's work leaves nothing behind in the process being measured; then the whole
 * history in one file, in another fresh workerd with the app's isolate open to the inspector.
 * @param {number} size @returns {Promise<import('./report.mjs').Run>}
 */
async function measureSize(size) {
  const persistPath = kvFolder();
  try {
    const loader = startWorkers(persistPath);
    const { slugs, loadSeconds } = await loadHistory(await toolsOf(loader), size);
    await loader.dispose();
    const mf = startWorkers(persistPath);
    let rows;
    try {
      const url = await mf.ready;
      rows = await measureEndpoints(url, await toolsOf(mf), slugs[0]);
    } finally {
      await mf.dispose();
    }
    const wholeHistory = await measureWholeHistoryIn(persistPath);
    return { reports: size, places: placeCount, loadSeconds, rows, wholeHistory };
  } finally {
    rmSync(persistPath, { recursive: true, force: true });
  }
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
