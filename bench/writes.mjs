// Writes, side by side in one run: the design with writers (Durable Objects, this tree) and
// the design before it, whose derived documents were written by the requests themselves,
// paced per isolate (commit `baselineCommit`, built from the repository's own history into
// bench/.build/baseline). Both production bundles run in workerd through miniflare with the
// production settings, each with a KV folder of its own, and are measured the same way:
// - KV operations per accepted report on the request path, counted by the benchmark's own
//   Worker of each design (bench/tools-worker.ts as it was then and as it is now) on one
//   report sent after a quiet second, without and with an Idempotency-Key, and the calls to
//   Durable Objects the request made;
// - POST throughput as a ratio to the floor (GET /healthz), with autocannon (4 s, 8
//   connections, no warm-up);
// - a burst of 200 reports from 10 clients over HTTP: the time from the last 201 until every
//   one of them is in the status of its place, the list of places, the newest reports and
//   every feed. The counted requests run in the benchmark Worker's own isolate, a second one
//   beside the production bundle's, as Cloudflare runs many: when the documents do not
//   converge within 10 s, the scheduled repair is run once, as production would within a
//   minute, and the result says so.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { appUrlOf, benchToken, startBenchWorkers } from './workers.mjs';

/** The last commit whose requests wrote the derived documents themselves. */
export const baselineCommit = 'e88fe6575f02080dd1083e8bdb82b9f65061923f';

const placeCount = 5;
const burstClients = 10;
const burstPerClient = 20;
const root = process.cwd();
const baselineTree = join(root, 'bench/.build/baseline');

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {{ name: string; appScript: string; toolsScript: string; writers: boolean }} Design
 * @typedef {{ get: number; getWithMetadata: number; list: number; put: number; delete: number }} KvCounts
 * @typedef {{ design: string; perReport: { reads: number; writes: number; lists: number; durableObjectCalls: number };
 *   perReportWithKey: { reads: number; writes: number; lists: number; durableObjectCalls: number };
 *   floorRequestsPerSecond: number; postRequestsPerSecond: number; postRatioToFloor: number; postsAccepted: number;
 *   repairNeededAfterLoad: boolean;
 *   burst: { reports: number; answeredInMs: number; visibleAfterLastAnswerMs: number; repairNeeded: boolean } }} WritesResult
 */

/** Builds the baseline's production bundle and benchmark Worker from the repository's history. */
function buildBaseline() {
  if (existsSync(baselineTree)) execFileSync('git', ['worktree', 'remove', '--force', baselineTree]);
  execFileSync('git', ['worktree', 'add', '--detach', baselineTree, baselineCommit], { stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(baselineTree, 'node_modules'));
  const out = join(root, 'bench/.build/baseline-out');
  execFileSync('wrangler', ['deploy', '--dry-run', '--outdir', join(out, 'app')], {
    cwd: baselineTree,
    stdio: 'ignore',
  });
  execFileSync(
    'wrangler',
    ['deploy', '--dry-run', '--outdir', join(out, 'tools'), '--config', 'bench/wrangler.tools.toml'],
    { cwd: baselineTree, stdio: 'ignore' },
  );
  // Only the bundles are needed: the work tree goes, so nothing of it lingers beside this one.
  execFileSync('git', ['worktree', 'remove', '--force', baselineTree], { stdio: 'ignore' });
  return { appScript: join(out, 'app/index.js'), toolsScript: join(out, 'tools/tools-worker.js') };
}

/** @param {{ fetch: (url: string, init: RequestInit) => Promise<Response> }} tools @param {string} path @param {unknown} body */
async function callTools(tools, path, body) {
  const response = await tools.fetch(`http://tools${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`tools ${path}: ${response.status} ${await response.text()}`);
  return /** @type {Promise<any>} */ (response.json());
}

/** @param {string} slug @param {number} n */
const reportBody = (slug, n) =>
  JSON.stringify({
    place: slug,
    observed: `2024-0${(n % 9) + 1}-1${n % 10}`,
    // Values close together: none is ten times another, which a write would be warned of.
    figures: [{ indicator: 'civilian_deaths', value: 1000 + (n % 100), qualifier: 'at_least' }],
    summary: { text: 'SYNTHETIC benchmark report.', language: 'en' },
    source: { name: 'Synthetic source', kind: 'ngo', language: 'en' },
    verification: 'unconfirmed',
  });

const writeHeaders = { authorization: `Bearer ${benchToken}`, 'content-type': 'application/json' };

/** @param {KvCounts} counts @param {number | undefined} calls */
const perRequest = (counts, calls) => ({
  reads: counts.get + counts.getWithMetadata,
  writes: counts.put + counts.delete,
  lists: counts.list,
  durableObjectCalls: calls ?? 0,
});

/** @param {URL} url @param {string} path @param {string} [method] @param {string} [body] @returns {Promise<autocannon.Result>} */
function load(url, path, method = 'GET', body = undefined) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: new URL(path, url).href,
        method: /** @type {autocannon.Request['method']} */ (method),
        headers: method === 'POST' ? writeHeaders : {},
        body,
        connections: 8,
        // No warm-up: autocannon leaves its answers out of the counts, and every report
        // accepted must be counted to know when all are visible.
        duration: 4,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** @param {URL} url @param {string} path @returns {Promise<any>} */
async function get(url, path) {
  return (await fetch(new URL(path, url))).json();
}

/** @param {URL} url @param {string[]} slugs */
async function totalCount(url, slugs) {
  const { places } = await get(url, '/api/v1/places');
  return places
    .filter((/** @type {{ slug: string }} */ p) => slugs.includes(p.slug))
    .reduce((/** @type {number} */ sum, /** @type {{ reportCount: number }} */ p) => sum + p.reportCount, 0);
}

/**
 * Waits until `done` holds; if it does not within 10 s, runs the scheduled repair once, as
 * production would within a minute, and waits 10 s more. Answers whether the repair was needed.
 * @param {() => Promise<boolean>} done @param {{ scheduled: (options: object) => Promise<unknown> }} app
 */
async function settle(done, app) {
  for (const repair of [false, true]) {
    if (repair) await app.scheduled({ cron: '* * * * *' });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (await done()) return { repairNeeded: repair };
      await sleep(20);
    }
  }
  throw new Error('not settled even after the scheduled repair');
}

/** How many reports the history index of all places holds (the same key layout in both designs). */
async function indexed(/** @type {any} */ kv) {
  let count = 0;
  let cursor;
  do {
    /** @type {{ keys: unknown[]; list_complete: boolean; cursor?: string }} */
    const page = await kv.list({ prefix: 'v1/history/all/', ...(cursor ? { cursor } : {}) });
    count += page.keys.length;
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return count;
}

/** @param {any} feed */
const feedReports = (feed) => new Set(feed.items.map((/** @type {any} */ i) => i._humanitarian.report));

/**
 * 200 reports from 10 clients; the time from the last 201 until every output shows them all.
 * @param {URL} url @param {any} app @param {string[]} slugs @param {number} before
 */
async function burst(url, app, slugs, before) {
  /** @type {Map<string, string[]>} */
  const ids = new Map(slugs.map((slug) => [slug, []]));
  let lastAnswer = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: burstClients }, async (_, client) => {
      for (let n = 0; n < burstPerClient; n++) {
        const slug = slugs[(client + n) % slugs.length] ?? '';
        const response = await fetch(new URL('/api/v1/reports', url), {
          method: 'POST',
          headers: writeHeaders,
          body: reportBody(slug, client * burstPerClient + n),
        });
        if (response.status !== 201) throw new Error(`burst: ${response.status} ${await response.text()}`);
        ids.get(slug)?.push(/** @type {{ id: string }} */ (await response.json()).id);
        lastAnswer = Date.now();
      }
    }),
  );
  const all = [...ids.values()].flat();
  const visible = async () => {
    if ((await totalCount(url, slugs)) !== before + all.length) return false;
    const recent = new Set(
      (await get(url, '/api/v1/reports?limit=200')).reports.map((/** @type {any} */ r) => r.id),
    );
    const everywhere = feedReports(await get(url, '/feeds/all.json?limit=200'));
    if (!all.every((id) => recent.has(id) && everywhere.has(id))) return false;
    for (const [slug, own] of ids) {
      const shown = feedReports(await get(url, `/feeds/places/${slug}.json?limit=200`));
      if (!own.every((id) => shown.has(id))) return false;
    }
    return true;
  };
  const { repairNeeded } = await settle(visible, app);
  return {
    reports: all.length,
    answeredInMs: lastAnswer - started,
    visibleAfterLastAnswerMs: Date.now() - lastAnswer,
    repairNeeded,
  };
}

/** @param {Design} design @returns {Promise<WritesResult>} */
async function measure(design) {
  const persistPath = mkdtempSync(join(tmpdir(), 'bench-writes-'));
  const mf = startBenchWorkers({ ...design, persistPath });
  try {
    const url = await appUrlOf(mf);
    const tools = /** @type {any} */ (await mf.getWorker('tools'));
    const { slugs } = await callTools(tools, '/places', { count: placeCount });
    const app = /** @type {any} */ (await mf.getWorker('app'));
    await callTools(tools, '/rebuild', {});
    const count = async (/** @type {Record<string, string>} */ extra) => {
      await sleep(1100);
      const counted = await callTools(tools, '/count', {
        path: '/api/v1/reports',
        method: 'POST',
        headers: { ...writeHeaders, ...extra },
        body: reportBody(slugs[0], 1),
      });
      if (counted.status !== 201) throw new Error(`counted POST: ${counted.status}`);
      return perRequest(counted.counts, counted.durableObjectCalls);
    };
    const perReport = await count({});
    const perReportWithKey = await count({ 'idempotency-key': 'bench-writes-1' });
    const floor = await load(url, '/healthz');
    const posts = await load(url, '/api/v1/reports', 'POST', reportBody(slugs[1], 2));
    const floorAgain = await load(url, '/healthz');
    const floorRequestsPerSecond = (floor.requests.average + floorAgain.requests.average) / 2;
    const postsAccepted = posts['2xx'];
    // Requests still in flight when autocannon stops are stored but not counted by it: the
    // history index tells how many reports there are.
    const stored = await indexed(await mf.getKVNamespace('STATUS_KV'));
    const afterLoad = await settle(async () => (await totalCount(url, slugs)) === stored, app);
    await sleep(1500);
    return {
      design: design.name,
      perReport,
      perReportWithKey,
      floorRequestsPerSecond,
      postRequestsPerSecond: posts.requests.average,
      postRatioToFloor: posts.requests.average / floorRequestsPerSecond,
      postsAccepted,
      repairNeededAfterLoad: afterLoad.repairNeeded,
      burst: await burst(url, app, slugs, stored),
    };
  } finally {
    await mf.dispose();
    rmSync(persistPath, { recursive: true, force: true });
  }
}

/** Both designs, measured the same way; the current bundles must be built already. */
export async function compareWrites() {
  const baseline = buildBaseline();
  /** @type {Design[]} */
  const designs = [
    { name: 'requests write, paced per isolate (before)', ...baseline, writers: false },
    {
      name: 'one writer per place (Durable Objects)',
      appScript: join(root, 'dist/index.js'),
      toolsScript: join(root, 'bench/.build/tools-worker.js'),
      writers: true,
    },
  ];
  /** @type {WritesResult[]} */
  const results = [];
  for (const design of designs) {
    console.log(`bench: writes, ${design.name}`);
    results.push(await measure(design));
  }
  return { baselineCommit, placeCount, burstClients, results };
}
