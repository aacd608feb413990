// What the benchmark's entry points share (npm run bench, npm run bench:history): the
// production bundle and the benchmark Worker as `wrangler deploy` builds them, and a
// SYNTHETIC history of any size loaded into a KV folder of its own.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, workers } from '../scripts/bundle-size.mjs';
import { startBenchWorkers } from './workers.mjs';

export const placeCount = 20;
const loadBatch = 500;
const loadConcurrency = Number(process.env.BENCH_LOAD_CONCURRENCY ?? 1);
// KV's local storage writes a file per value; on a memory-backed folder the 300,000 writes of
// the largest history take minutes less, and nothing of it outlives the run.
const memoryBackedTmp = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/**
 * `wrangler deploy --dry-run`: the production bundles, and the sizes it reports, the public
 * Worker's with the desk's beside it.
 */
export function build() {
  const bundle = { ...buildBundle(workers[0]), desk: buildBundle(workers[1]) };
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
  return bundle;
}

/** A KV folder for one history size, in memory when the machine has a memory-backed /tmp. */
export const kvFolder = () => mkdtempSync(join(memoryBackedTmp, 'bench-kv-'));

/**
 * @typedef {{ fetch: (url: string, init: RequestInit) => Promise<Response> }} Tools
 */

/**
 * The production bundle and the benchmark Worker on the KV folder `persistPath`.
 * @param {string} persistPath @param {{ inspectorPort?: number; recentAnswerMs?: string }} [options]
 */
export const startWorkers = (persistPath, options = {}) =>
  startBenchWorkers({
    appScript: 'dist/index.js',
    toolsScript: 'bench/.build/tools-worker.js',
    persistPath,
    ...options,
  });

/** @param {import('miniflare').Miniflare} mf */
export async function toolsOf(mf) {
  return /** @type {Tools} */ (/** @type {unknown} */ (await mf.getWorker('tools')));
}

/** @param {Tools} tools @param {string} path @param {unknown} body @returns {Promise<any>} */
export async function callTools(tools, path, body) {
  const response = await tools.fetch(`http://tools${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`tools ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Loads `size` synthetic reports in batches, several at once, then derives every document
 * and the change log.
 * @param {Tools} tools @param {number} size
 */
export async function loadHistory(tools, size) {
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
  // The change log takes in the history on its first call, and writes its first page from
  // its alarm: called here, so that no measured request is its first. Until the page is in
  // KV, reading it reads nothing.
  while ((await callTools(tools, '/count', { path: '/api/v1/changes' })).kvBytesRead === 0) {
    if (Date.now() > deadline)
      throw new Error(`the change log did not write its first page of ${size} reports`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { slugs, loadSeconds: (performance.now() - started) / 1000 };
}
