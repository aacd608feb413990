// npm run bench: how the production Worker answers as history grows. Builds the bundle that
// `wrangler deploy` would upload, runs it in workerd through miniflare's API (not through
// `wrangler dev`, whose local proxy is slower than workerd itself) with a KV folder of its
// own, loads BENCH_SIZES (200, 2,200 and 100,000) SYNTHETIC reports over 20 places through the
// storage layer in bulk, and measures every public GET with kept answers off and on, side by
// side, and the write (bench/endpoints.mjs), then the whole history in one file, one request
// at a time (bench/whole-history.mjs). Before that, it measures writes beside the design
// before the writers (bench/writes.mjs) and the renderers alone (bench/render-bench.ts).
// Next to the renderers, the extractor of drafts from text alone (bench/draft-bench.ts), and
// on the texts made to cost it the most, against its CPU target (bench/drafting.mjs).
// After all of them, push: a webhook's time from the report's 201 to a receiver on this
// machine, and the write's latency with 10 and 1,000 subscriptions (bench/push.mjs). Last,
// the KV writes a report costs (bench/kv-writes.mjs), how soon each document shows a report
// under a burst (bench/freshness.mjs), and kept answers right after a burst (bench/after-burst.mjs). Writes bench/results/<date>.json and docs/PERFORMANCE.md.

import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { measureAfterBurst } from './after-burst.mjs';
import { settings as endpointSettings, measureEndpoints } from './endpoints.mjs';
import { measureFreshness } from './freshness.mjs';
import { build, kvFolder, loadHistory, placeCount, startWorkers, toolsOf } from './history.mjs';
import { measureKvWrites } from './kv-writes.mjs';
import { measurePush } from './push.mjs';
import { addResults, resultsToAddTo, versionOf, writeResults } from './report.mjs';
import { measureWholeHistoryIn } from './whole-history.mjs';
import { compareWrites } from './writes.mjs';

const sizes = (process.env.BENCH_SIZES ?? '200,2200,100000').split(',').map(Number);
// BENCH_ONLY=endpoints measures the endpoints alone: no writes beside the design before,
// no renderers, no drafts, no whole history in one file, no push. BENCH_ONLY=push measures
// push alone, and BENCH_ONLY=drafts the extractor alone (both its benchmarks); each adds its
// part to the newest results (bench/report.mjs's resultsToAddTo), keeping the rest.
const only = process.env.BENCH_ONLY;
if (only !== undefined && only !== 'endpoints' && only !== 'push' && only !== 'drafts')
  throw new Error(`BENCH_ONLY=${only}: only 'endpoints', 'push' and 'drafts' are known`);

/**
 * One history size: loads it, then measures it in fresh workerd processes on the same KV
 * folder, so that the loader's work leaves nothing behind in the processes being measured:
 * the endpoints (bench/endpoints.mjs), then the whole history in one file, with the app's
 * isolate open to the inspector.
 * @param {number} size @returns {Promise<import('./report.mjs').Run>}
 */
async function measureSize(size) {
  const persistPath = kvFolder();
  try {
    const loader = startWorkers(persistPath);
    const { slugs, loadSeconds } = await loadHistory(await toolsOf(loader), size);
    await loader.dispose();
    const endpoints = await measureEndpoints(persistPath, /** @type {string} */ (slugs[0]));
    const wholeHistory = only ? undefined : await measureWholeHistoryIn(persistPath);
    return { reports: size, places: placeCount, loadSeconds, endpoints, wholeHistory };
  } finally {
    rmSync(persistPath, { recursive: true, force: true });
  }
}

/**
 * A benchmark of pure code (bench/<name>.ts), bundled for Node with esbuild and run as a
 * process of its own: what it prints, as JSON.
 * @param {string} name
 */
function runBundled(name) {
  const outfile = `bench/.build/${name}.mjs`;
  buildSync({
    entryPoints: [`bench/${name}.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    loader: { '.txt': 'text' },
    logLevel: 'warning',
  });
  const output = execFileSync('node', [outfile], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_SIZES: sizes.join(',') },
  });
  return JSON.parse(output);
}

/** The renderers alone (bench/render-bench.ts). */
const measureRenderers = () => runBundled('render-bench');

/**
 * The extractor of drafts from text alone (bench/draft-bench.ts).
 * @returns {import('./report.mjs').Drafts}
 */
function measureDrafts() {
  const at = new Date();
  const drafts = runBundled('draft-bench');
  return {
    ...drafts,
    started: at.toISOString(),
    elapsedSeconds: (Date.now() - at.getTime()) / 1000,
    tinybench: versionOf('tinybench'),
  };
}

/**
 * The extractor on its worst texts (bench/drafting.mjs), in a process of its own like the
 * other pure benchmarks: in this one, the harness's own heap (miniflare and the rest) made
 * every collection, and so every draft, slower.
 * @returns {import('./drafting.mjs').Drafting}
 */
function measureDrafting() {
  return JSON.parse(execFileSync('node', ['bench/drafting.mjs', '--json'], { encoding: 'utf8' }));
}

/** BENCH_ONLY=push: push alone, added to the newest results; the rest of them is kept. */
async function measurePushAlone() {
  const file = resultsToAddTo(started, 'push');
  build();
  const push = await measurePush();
  addResults(file, { push: { ...push, alone: true } });
  console.log(`bench: push results added to ${file} and docs/PERFORMANCE.md`);
}

/** BENCH_ONLY=drafts: the extractor alone, added to the newest results; the rest of them is kept. */
async function measureDraftsAlone() {
  const file = resultsToAddTo(started, 'drafts');
  const drafts = measureDrafts();
  const drafting = measureDrafting();
  addResults(file, { drafts: { ...drafts, alone: true }, drafting: { ...drafting, alone: true } });
  console.log(`bench: drafts results added to ${file} and docs/PERFORMANCE.md`);
  console.log(JSON.stringify(drafts.cases));
}

async function measureAll() {
  const bundle = build();
  const writes = only ? undefined : await compareWrites();
  const renderers = only ? undefined : measureRenderers();
  if (renderers) console.log(`bench: ${renderers.length} renderer timings`);
  const drafts = only ? undefined : measureDrafts();
  if (drafts) console.log(`bench: drafts ${JSON.stringify(drafts.cases)}`);
  const drafting = only ? undefined : measureDrafting();
  if (drafting) console.log(`bench: drafting's worst texts in ${Math.round(drafting.elapsedSeconds)} s`);
  const runs = [];
  for (const size of sizes) {
    console.log(`bench: ${size} reports`);
    runs.push(await measureSize(size));
  }
  const push = only ? undefined : await measurePush();
  const kvWrites = only ? undefined : await measureKvWrites();
  console.log(`bench: KV writes ${JSON.stringify(kvWrites)}`);
  const freshness = only ? undefined : await measureFreshness();
  console.log(`bench: documents under a burst ${JSON.stringify(freshness?.kinds)}`);
  const afterBurst = only ? undefined : await measureAfterBurst();
  console.log(
    `bench: kept answers after a burst, × floor ${afterBurst?.rows.map((r) => r.ratioToFloor.toFixed(2))}`,
  );
  const file = writeResults({
    started,
    bundle,
    writes,
    renderers,
    drafts,
    drafting,
    runs,
    push,
    kvWrites,
    freshness,
    afterBurst,
    settings: {
      ...endpointSettings,
      placeCount,
      only,
      elapsedSeconds: (Date.now() - started.getTime()) / 1000,
    },
  });
  console.log(`bench: results in ${file} and docs/PERFORMANCE.md`);
}

const started = new Date();
if (only === 'push') await measurePushAlone();
else if (only === 'drafts') await measureDraftsAlone();
else await measureAll();
