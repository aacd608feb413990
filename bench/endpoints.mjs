// Every public GET of one loaded history, measured in two workerd processes at once on the
// same KV folder: one whose app keeps no answers (RECENT_ANSWER_MS=0) and one that keeps
// them for a second, as production does (RECENT_ANSWER_MS=1000). An isolate keeps only what
// it answered itself, and Cloudflare spreads requests over many isolates in many locations,
// so most requests there meet an isolate that kept nothing: the first is the cost that
// matters, the second what polling the same URL costs within a second.
//
// - Throughput: three rounds; in each, every endpoint is loaded on one instance then the
//   other (the order swapped in alternate rounds, so neither is always second), and each
//   instance's floor (GET /healthz, a constant answer) is loaded at the start and the end of
//   the round. "× floor" divides by the mean of the two floors of the same instance and
//   round, so a drift of the machine between rounds cancels; the median of the three rounds
//   is reported, every round is kept in the results. Right after each endpoint, in each
//   round, the one-read floor of the uncached process (bench/floor-worker.js: one KV read of
//   a value of the endpoint's answer size) is loaded too, and "× one-read floor" divides the
//   uncached throughput by it. After it, the same read through the app (bench/tools-worker.ts:
//   the floor's read as a route of the app, behind all its middleware) is loaded, and the
//   uncached throughput is divided by it too: how near the endpoint's read path comes to the
//   most any read path of this app can do. autocannon from this process over
//   127.0.0.1: BENCH_CONNECTIONS (8) connections, 1 s warm-up, BENCH_SECONDS (3) measured.
// - Isolate CPU: a V8 CPU profile of the kept-off app isolate (bench/inspector.mjs) over
//   `cpuSeconds` of autocannon on one endpoint, its non-idle samples (a tick each) divided by
//   the requests completed, and the same for the floor. This is what Workers bills. miniflare's
//   KV runs in the same workerd process, on the same thread, in an isolate of its own: its
//   work is in the throughput, not in this column, and on Cloudflare it is not the Worker's.
// - KV: the operations and the bytes KV returned for one request, counted by the benchmark's
//   own Worker (bench/tools-worker.ts), which keeps no answers, on a request after the first.
// The write (POST /api/v1/reports) is measured last, once, in a workerd of its own with the
// production settings, after both are stopped, so that no two processes write to the folder.

import autocannon from 'autocannon';
import { callTools, startWorkers, toolsOf } from './history.mjs';
import { cpuOfProfile, freePort, openInspector } from './inspector.mjs';
import { appUrlOf, benchToken } from './workers.mjs';

const durationSeconds = Number(process.env.BENCH_SECONDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const rounds = 3;
const cpuSeconds = 2;
const samplingIntervalUs = 500;

export const settings = { durationSeconds, connections, rounds, cpuSeconds };

/**
 * `exempt`: not bound by the one-read target (no endpoint is now; results of runs before
 * keep the flag).
 * @typedef {{ name: string; path: string; method?: string; headers?: Record<string, string>; body?: string;
 *   exempt?: boolean }} Endpoint
 * @typedef {{ requestsPerSecond: number; latencyP50Ms: number; latencyP99Ms: number; requests: number;
 *   unexpectedAnswers: number }} Load
 * @typedef {{ start: Load; end: Load }} Floors
 * @typedef {Load & { floorRequestsPerSecond: number; ratioToFloor: number }} RoundLoad
 * @typedef {{ requestsPerSecond: number; ratioToFloor: number; latencyP99Ms: number; unexpectedAnswers: number;
 *   rounds: RoundLoad[] }} Side
 * @typedef {ReturnType<typeof cpuOfProfile> & { requests: number; msPerRequest: number }} IsolateCpu
 * @typedef {{ get: number; getWithMetadata: number; list: number; put: number; delete: number }} KvCounts
 * @typedef {{ requestsPerSecond: number; ratio: number; rounds: { requestsPerSecond: number; ratio: number }[] }} OneRead
 *   the one-read floor at the answer's size, and the uncached throughput divided by it
 * @typedef {{ name: string; path: string; status: number; responseBytes: number; kv: KvCounts; kvBytesRead: number;
 *   exempt: boolean; uncached: Side; cached: Side; oneRead: OneRead; throughApp?: OneRead; throughAppToOneRead?: number;
 *   isolateCpu: IsolateCpu; cpuRatioToFloor: number }} ReadRow
 * @typedef {{ status: number; responseBytes: number; kv: KvCounts; kvBytesRead: number; uncached: Floors[];
 *   cached: Floors[]; isolateCpu: IsolateCpu }} FloorResults
 * @typedef {{ name: string; status: number; responseBytes: number; kv: KvCounts; durableObjectCalls: number;
 *   load: Load; floors: Floors; ratioToFloor: number }} PostRow
 * @typedef {{ floor: FloorResults; rows: ReadRow[]; post: PostRow }} Endpoints
 * @typedef {{ status: number; bytes: number; etag: string | null; counts: KvCounts; kvBytesRead: number;
 *   durableObjectCalls: number }} Counted the benchmark Worker's /count
 * @typedef {import('./history.mjs').Tools} Tools
 */

export const floor = { name: 'floor: GET /healthz', path: '/healthz' };

/**
 * The public GETs; `etag` is that of /feeds/all.atom, `reportId` a report of the history.
 * @param {string} slug @param {string} etag @param {string} reportId @returns {Endpoint[]}
 */
export function reads(slug, etag, reportId) {
  return [
    { name: 'GET /feeds/all.atom', path: '/feeds/all.atom' },
    { name: 'GET /feeds/all.rss', path: '/feeds/all.rss' },
    { name: 'GET /feeds/all.json', path: '/feeds/all.json' },
    { name: 'GET /feeds/places/{slug}.atom', path: `/feeds/places/${slug}.atom` },
    { name: 'GET /api/v1/places', path: '/api/v1/places' },
    { name: 'GET /api/v1/places/{slug}', path: `/api/v1/places/${slug}` },
    { name: 'GET /api/v1/reports?limit=50', path: '/api/v1/reports?limit=50' },
    { name: 'GET /api/v1/places/{slug}/reports', path: `/api/v1/places/${slug}/reports` },
    { name: 'GET /api/v1/reports/{id}', path: `/api/v1/reports/${reportId}` },
    { name: 'GET /api/v1/changes', path: '/api/v1/changes' },
    { name: 'GET /exports/status.csv', path: '/exports/status.csv' },
    { name: 'GET /exports/status.geojson', path: '/exports/status.geojson' },
    { name: 'GET /exports/places.csv', path: '/exports/places.csv' },
    { name: 'GET /feeds.opml', path: '/feeds.opml' },
    { name: 'GET / (index page)', path: '/' },
    { name: 'GET /places/{slug} (page)', path: `/places/${slug}` },
    { name: 'GET /feeds/all.atom, 304', path: '/feeds/all.atom', headers: { 'if-none-match': etag } },
  ];
}

/**
 * The write every benchmark sends: one SYNTHETIC report to `slug`.
 * @param {string} slug @returns {Endpoint}
 */
export const post = (slug) => ({
  name: 'POST /api/v1/reports',
  path: '/api/v1/reports',
  method: 'POST',
  // A writer who has seen the warnings the synthetic history may give this figure.
  headers: {
    authorization: `Bearer ${benchToken}`,
    'content-type': 'application/json',
    'confirm-warnings': 'above-whole, far-from-current, above-population, old-observation',
  },
  body: JSON.stringify({
    place: slug,
    observed: '2024-03-15',
    figures: [{ indicator: 'civilian_deaths', value: 7, qualifier: 'at_least' }],
    summary: { text: 'SYNTHETIC benchmark report.', language: 'en' },
    source: { name: 'Synthetic source', kind: 'ngo', language: 'en' },
    verification: 'unconfirmed',
  }),
});

/**
 * autocannon from this process against workerd's own socket: bounded time and connections.
 * @param {URL} url @param {Endpoint} endpoint @param {{ seconds: number; warmup: boolean }} options
 * @returns {Promise<autocannon.Result>}
 */
function autocannonOn(url, endpoint, { seconds, warmup }) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: new URL(endpoint.path, url).href,
        method: /** @type {autocannon.Request['method']} */ (endpoint.method ?? 'GET'),
        headers: endpoint.headers ?? {},
        body: endpoint.body,
        connections,
        duration: seconds,
        // autocannon's warm-up option is missing from its type definitions.
        ...(warmup ? /** @type {object} */ ({ warmup: { connections, duration: 1 } }) : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * One measured load, for `seconds` after a second's warm-up; an answer of another status than
 * `status`, an error or a timeout is unexpected.
 * @param {URL} url @param {Endpoint} endpoint @param {number} status @param {number} [seconds]
 * @returns {Promise<Load>}
 */
export async function load(url, endpoint, status, seconds = durationSeconds) {
  const result = await autocannonOn(url, endpoint, { seconds, warmup: true });
  const others = Object.entries(result.statusCodeStats ?? {}).reduce(
    (n, [code, stats]) => n + (Number(code) === status ? 0 : (stats?.count ?? 0)),
    0,
  );
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    unexpectedAnswers: others + result.errors + result.timeouts,
  };
}

/** @param {number[]} values */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** @param {Floors} floors */
export const floorOf = (floors) => (floors.start.requestsPerSecond + floors.end.requestsPerSecond) / 2;

/**
 * One instance's loads of an endpoint, each beside the floors of its own round.
 * @param {Load[]} loads @param {Floors[]} floors @returns {Side}
 */
function side(loads, floors) {
  const inRounds = loads.map((l, round) => {
    const floorRequestsPerSecond = floorOf(/** @type {Floors} */ (floors[round]));
    return { ...l, floorRequestsPerSecond, ratioToFloor: l.requestsPerSecond / floorRequestsPerSecond };
  });
  return {
    requestsPerSecond: median(inRounds.map((l) => l.requestsPerSecond)),
    ratioToFloor: median(inRounds.map((l) => l.ratioToFloor)),
    latencyP99Ms: median(inRounds.map((l) => l.latencyP99Ms)),
    unexpectedAnswers: inRounds.reduce((n, l) => n + l.unexpectedAnswers, 0),
    rounds: inRounds,
  };
}

/**
 * The isolate's CPU time per request of `endpoint`, from a V8 CPU profile over a load of it.
 * Requests still in flight when autocannon stops are in the profile but not in its count,
 * so it errs high, by at most `connections` requests.
 * @param {Awaited<ReturnType<typeof openInspector>>} inspector @param {URL} url @param {Endpoint} endpoint
 * @returns {Promise<IsolateCpu>}
 */
async function isolateCpuOf(inspector, url, endpoint) {
  await inspector.send('Profiler.start');
  const result = await autocannonOn(url, endpoint, { seconds: cpuSeconds, warmup: false });
  const { profile } = await inspector.send('Profiler.stop');
  const spent = cpuOfProfile(profile);
  const requests = result.requests.total;
  const totalMs = spent.javascriptMs + spent.garbageCollectorMs + spent.programMs;
  return { ...spent, requests, msPerRequest: totalMs / requests };
}

/** @param {Endpoint} endpoint the request as the benchmark Worker's /count takes it */
const countedRequest = ({ path, method, headers, body }) => ({ path, method, headers, body });

/**
 * What a request costs when it goes to KV, counted on a request after the first; and that
 * the benchmark Workers of both processes answer it alike, as they must from one KV folder
 * (theirs, not the apps': the apps' answers hold their own origins, whose ports differ).
 * @param {Tools[]} tools the first counts @param {Endpoint} endpoint @returns {Promise<Counted>}
 */
async function countedAndCompared(tools, endpoint) {
  const request = countedRequest(endpoint);
  /** @type {Counted[]} */
  const answers = [];
  for (const each of tools) {
    await callTools(each, '/count', request);
    answers.push(await callTools(each, '/count', request));
  }
  const seen = new Set(answers.map((a) => `${a.status} ${a.etag} ${a.bytes} bytes`));
  if (seen.size !== 1)
    throw new Error(`${endpoint.name}: the two workerd processes answer ${[...seen].join(' and ')}`);
  return /** @type {Counted} */ (answers[0]);
}

/**
 * The one-read floor at the size of each endpoint's answer, per round, and the uncached
 * throughput divided by it.
 * @param {Load[]} floorLoads @param {Load[]} uncachedLoads @returns {OneRead}
 */
function oneReadOf(floorLoads, uncachedLoads) {
  const rounds = floorLoads.map((f, round) => ({
    requestsPerSecond: f.requestsPerSecond,
    ratio: (uncachedLoads[round]?.requestsPerSecond ?? Number.NaN) / f.requestsPerSecond,
  }));
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    ratio: median(rounds.map((r) => r.ratio)),
    rounds,
  };
}

/**
 * The reads, in the two instances, as the header says.
 * @param {{ uncached: { url: URL; tools: Tools; inspectorPort: number; floorUrl: URL; toolsUrl: URL }; cached: { url: URL; tools: Tools } }} instances
 * @param {string} slug
 */
async function measureReads(instances, slug) {
  const { uncached, cached } = instances;
  const tools = [uncached.tools, cached.tools];
  const { etag } = await callTools(uncached.tools, '/count', { path: '/feeds/all.atom' });
  const newest = /** @type {{ reports: { id: string }[] }} */ (
    await (await fetch(new URL('/api/v1/reports?limit=1', uncached.url))).json()
  );
  /** @type {{ endpoint: Endpoint; counted: Counted; loads: { uncached: Load[]; cached: Load[]; oneRead: Load[]; throughApp: Load[] } }[]} */
  const measuring = [];
  for (const endpoint of reads(slug, etag, String(newest.reports[0]?.id))) {
    const counted = await countedAndCompared(tools, endpoint);
    measuring.push({ endpoint, counted, loads: { uncached: [], cached: [], oneRead: [], throughApp: [] } });
  }
  // A value of each answer's size for the one-read floor, written before any load.
  for (const bytes of new Set(measuring.map((m) => m.counted.bytes))) {
    const stored = await fetch(new URL(`/${bytes}`, uncached.floorUrl), { method: 'POST' });
    if (stored.status !== 204) throw new Error(`the one-read floor did not store ${bytes} bytes`);
  }
  const floorCounted = await countedAndCompared(tools, floor);

  /** @type {{ uncached: Floors[]; cached: Floors[] }} */
  const floors = { uncached: [], cached: [] };
  for (let round = 0; round < rounds; round++) {
    /** @type {('uncached' | 'cached')[]} */
    const order = round % 2 === 0 ? ['uncached', 'cached'] : ['cached', 'uncached'];
    /** @type {Partial<Record<'uncached' | 'cached', Load>>} */
    const start = {};
    for (const which of order) start[which] = await load(instances[which].url, floor, 200);
    for (const { endpoint, counted, loads } of measuring) {
      for (const which of order) {
        const measured = await load(instances[which].url, endpoint, counted.status);
        loads[which].push(measured);
        console.log(
          `  ${endpoint.name}, ${which}, round ${round + 1}: ${Math.round(measured.requestsPerSecond)} req/s, p99 ${measured.latencyP99Ms} ms`,
        );
      }
      const oneRead = { name: `one-read floor, ${counted.bytes} bytes`, path: `/${counted.bytes}` };
      const floorLoad = await load(uncached.floorUrl, oneRead, 200);
      loads.oneRead.push(floorLoad);
      console.log(`  ${oneRead.name}, round ${round + 1}: ${Math.round(floorLoad.requestsPerSecond)} req/s`);
      const throughApp = {
        name: `one-read floor through the app, ${counted.bytes} bytes`,
        path: `/api/v1/bench/one-read/${counted.bytes}`,
      };
      const throughAppLoad = await load(uncached.toolsUrl, throughApp, 200);
      loads.throughApp.push(throughAppLoad);
      console.log(
        `  ${throughApp.name}, round ${round + 1}: ${Math.round(throughAppLoad.requestsPerSecond)} req/s`,
      );
    }
    for (const which of order) {
      const end = await load(instances[which].url, floor, 200);
      floors[which].push({ start: /** @type {Load} */ (start[which]), end });
    }
  }

  const inspector = await openInspector(uncached.inspectorPort);
  try {
    await inspector.send('Profiler.enable');
    await inspector.send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    const floorCpu = await isolateCpuOf(inspector, uncached.url, floor);
    /** @type {ReadRow[]} */
    const rows = [];
    for (const { endpoint, counted, loads } of measuring) {
      const isolateCpu = await isolateCpuOf(inspector, uncached.url, endpoint);
      rows.push({
        name: endpoint.name,
        path: endpoint.path,
        status: counted.status,
        responseBytes: counted.bytes,
        kv: counted.counts,
        kvBytesRead: counted.kvBytesRead,
        exempt: endpoint.exempt ?? false,
        uncached: side(loads.uncached, floors.uncached),
        cached: side(loads.cached, floors.cached),
        oneRead: oneReadOf(loads.oneRead, loads.uncached),
        throughApp: oneReadOf(loads.throughApp, loads.uncached),
        throughAppToOneRead: oneReadOf(loads.oneRead, loads.throughApp).ratio,
        isolateCpu,
        cpuRatioToFloor: isolateCpu.msPerRequest / floorCpu.msPerRequest,
      });
    }
    const floorRow = {
      status: floorCounted.status,
      responseBytes: floorCounted.bytes,
      kv: floorCounted.counts,
      kvBytesRead: floorCounted.kvBytesRead,
    };
    return { floor: { ...floorRow, ...floors, isolateCpu: floorCpu }, rows };
  } finally {
    inspector.close();
  }
}

/**
 * The write, in a workerd of its own on the folder, with the production settings: KV
 * operations counted as for the reads, throughput beside the floor before and after it.
 * Every request creates a report, which stays in that size's history.
 * @param {string} persistPath @param {string} slug @returns {Promise<PostRow>}
 */
async function measurePost(persistPath, slug) {
  const mf = startWorkers(persistPath);
  try {
    const url = await appUrlOf(mf);
    const tools = await toolsOf(mf);
    const endpoint = post(slug);
    const request = countedRequest(endpoint);
    await callTools(tools, '/count', request);
    const counted = await callTools(tools, '/count', request);
    const floors = { start: await load(url, floor, 200), end: /** @type {Load} */ ({}) };
    const measured = await load(url, endpoint, counted.status);
    floors.end = await load(url, floor, 200);
    console.log(
      `  ${endpoint.name}: ${Math.round(measured.requestsPerSecond)} req/s, p99 ${measured.latencyP99Ms} ms`,
    );
    return {
      name: endpoint.name,
      status: counted.status,
      responseBytes: counted.bytes,
      kv: counted.counts,
      durableObjectCalls: counted.durableObjectCalls,
      load: measured,
      floors,
      ratioToFloor: measured.requestsPerSecond / floorOf(floors),
    };
  } finally {
    await mf.dispose();
  }
}

/**
 * The reads of a history loaded in `persistPath`, then the write, as the header says.
 * @param {string} persistPath @param {string} slug @returns {Promise<Endpoints>}
 */
export async function measureEndpoints(persistPath, slug) {
  const inspectorPort = await freePort();
  // Both open to the inspector, though only the first is profiled, so that they differ only
  // in what they keep. They share the folder, and only read it; their benchmark Workers are
  // checked to answer every endpoint alike before anything is measured.
  const uncached = startWorkers(persistPath, { recentAnswerMs: '0', inspectorPort });
  let measured;
  try {
    const uncachedUrl = await appUrlOf(uncached);
    const cached = startWorkers(persistPath, { recentAnswerMs: '1000', inspectorPort: await freePort() });
    try {
      measured = await measureReads(
        {
          uncached: {
            url: uncachedUrl,
            tools: await toolsOf(uncached),
            inspectorPort,
            floorUrl: await uncached.unsafeGetDirectURL('floor'),
            toolsUrl: await uncached.unsafeGetDirectURL('tools'),
          },
          cached: { url: await appUrlOf(cached), tools: await toolsOf(cached) },
        },
        slug,
      );
    } finally {
      await cached.dispose();
    }
  } finally {
    await uncached.dispose();
  }
  return { ...measured, post: await measurePost(persistPath, slug) };
}
