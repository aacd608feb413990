// Push, measured end to end (docs/push.md): how long after a report's
// 201 its webhook arrives at a receiver on this machine, and whether a write's latency grows
// with the number of subscriptions. For each of `subscriptionCounts` (10 and 1,000) in turn,
// in a workerd of its own on a fresh KV folder (so that both start from the same state and
// differ only in their subscriptions):
//
// - The production bundle runs in workerd through miniflare's API with what wrangler.toml
//   declares, read from it: its Durable Objects (SUBSCRIPTIONS included), the push queue's
//   producer and both consumers (batch size, batch timeout, retries, dead-letter queue) and
//   its [vars] (DOCUMENT_WRITE_INTERVAL_MS 1000, RECENT_ANSWER_MS 1000, the webhook retry and
//   timeout), with WEBHOOK_LOCAL_TARGETS="true" so that webhooks may go to plain http on
//   127.0.0.1, a token with the `report` and `subscribe` scopes, and the write rate limit
//   raised so that it does not throttle the measurement. The benchmark Worker beside it only
//   creates the places.
// - A receiver (Node http on 127.0.0.1, an ephemeral port, bounded) records when each POST's
//   body has arrived, on the same clock (performance.now()) as the requests this process
//   sends, and answers 204.
// - Subscriptions are made through the API: one, watched, to the receiver's watched path and
//   filtered to the measured place; all the others to other paths, each filtered to one of
//   the other places in turn. Every change is matched against all of them, and only one
//   delivery results.
// - `reportsPerCase` reports go to the measured place, one at a time, each sent a pause after
//   the previous one's 201, the pauses drawn uniformly from [0, maxGapMs) by a seeded
//   generator, the same in both cases: the place's writer writes at most once a second, so a
//   report that comes within a second of its last write waits for the rest of that second,
//   as it would in production, and one that comes later does not. Before them, `warmups`
//   reports, not counted, wake the writers, the change log, the registry and the queues.
// - Measured per report: the POST's latency (sent to the 201's headers) and the time from the
//   201 to the arrival of its webhook (matched by data.change.report). A webhook that has not
//   arrived `drainMs` after the last 201 is counted lost; a second delivery of one webhook-id
//   is counted as a duplicate (a retry); any delivery to another path is unexpected. The
//   worker's error log lines (retries among them) are counted by message.
//
// - Last, the first case again with one more subscription, to the measured place, whose
//   receiver hangs (answers after `hangMs`, longer than any attempt waits): how much later
//   the watched webhooks arrive beside it than alone (docs/push.md: one receiver cannot slow
//   another).
//
// BENCH_PUSH_REPORTS (100) and BENCH_PUSH_SUBSCRIPTIONS ("10,1000") change the counts, for a
// quicker look.

import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { Webhook } from 'standardwebhooks';
import { callTools, kvFolder, placeCount, toolsOf } from './history.mjs';
import { compatibilityDate, productionConfig, writerBindings } from './workers.mjs';

const reportsPerCase = Number(process.env.BENCH_PUSH_REPORTS ?? 100);
const subscriptionCounts = (process.env.BENCH_PUSH_SUBSCRIPTIONS ?? '10,1000').split(',').map(Number);
const warmups = 3;
const maxGapMs = 1500;
const seed = 8;
const drainMs = 30_000;
const subscribeConcurrency = 4;
const maxReceiverRequests = 20_000;
const maxBodyBytes = 1024 * 1024;
/** How long the hanging receiver takes to answer: longer than WEBHOOK_TIMEOUT_MS (10 s). */
const hangMs = 15_000;

const pushToken = 'bench-push-token';
const apiTokens = JSON.stringify([
  {
    name: 'bench-push',
    sha256: createHash('sha256').update(pushToken).digest('hex'),
    scopes: ['report', 'subscribe'],
  },
]);

/**
 * @typedef {{ n: number; medianMs: number; p99Ms: number; minMs: number; maxMs: number }} Stats
 * @typedef {{ gapMs: number; postMs: number; webhookMs: number | null }} Sample
 * @typedef {{ subscriptions: number; hanging: boolean; measuredPlace: string; reports: number; subscribeSeconds: number; post: Stats; webhook: Stats;
 *   lost: number; duplicates: number; unexpectedDeliveries: number; badSignatures: number; unexpectedStatuses: number;
 *   watchedDelivery: unknown; workerErrors: Record<string, number>; samples: Sample[] }} PushCase
 * @typedef {{ reportsPerCase: number; warmups: number; maxGapMs: number; seed: number; drainMs: number; hangMs: number; placeCount: number;
 *   measuredPlace: string; cpus: number; vars: Record<string, string>; queueConsumers: import('./workers.mjs').QueueConsumer[] }} PushSettings
 * `alone`: measured by BENCH_ONLY=push, and added to the results of an earlier run.
 * `beside`: the first case again, beside a receiver that hangs.
 * @typedef {{ started: string; elapsedSeconds: number; alone?: boolean; settings: PushSettings; cases: PushCase[];
 *   beside?: PushCase }} PushResults
 * @typedef {{ path: string; at: number; body: string; headers: Record<string, string> }} Received
 */

/** Nearest rank: with fewer than 100 values, p99 is the largest. @param {number[]} values @returns {Stats} */
export function statsOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ rank) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
  const round = (/** @type {number} */ ms) => Math.round(ms * 10) / 10;
  return {
    n: sorted.length,
    medianMs: round(at(Math.floor(sorted.length / 2))),
    p99Ms: round(at(Math.ceil(sorted.length * 0.99) - 1)),
    minMs: round(at(0)),
    maxMs: round(at(sorted.length - 1)),
  };
}

/** mulberry32: the same pauses in both cases. @param {number} state */
function generator(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The production bundle with wrangler.toml's bindings and queues, and the benchmark Worker.
 * @param {string} persistPath @param {ReturnType<typeof productionConfig>} config
 * @param {Map<string, number>} workerErrors counts the worker's error log lines by message
 */
function startPushWorkers(persistPath, config, workerErrors) {
  const kvNamespaces = { STATUS_KV: 'bench-status' };
  const bindings = { ...config.vars, API_TOKENS: apiTokens, WEBHOOK_LOCAL_TARGETS: 'true' };
  // Raised far above production's 30 per 10 s: 1,000 subscriptions are made in seconds.
  const ratelimits = (/** @type {string} */ namespace_id) => ({
    WRITE_RATE_LIMITER: { namespace_id, simple: { limit: 1_000_000_000, period: /** @type {const} */ (10) } },
  });
  return new Miniflare(
    convertV4MiniflareOptions({
      host: '127.0.0.1',
      port: 0,
      handleStructuredLogs: ({ level, message }) => {
        let parsed;
        try {
          parsed = JSON.parse(message);
        } catch {
          parsed = undefined;
        }
        const isError = parsed?.level === 'error' || (parsed === undefined && level === 'error');
        if (!isError) return;
        const key = String(parsed?.message ?? message).slice(0, 160);
        workerErrors.set(key, (workerErrors.get(key) ?? 0) + 1);
      },
      resourcePersistencePath: persistPath,
      workers: [
        {
          name: 'app',
          modules: true,
          scriptPath: 'dist/index.js',
          compatibilityDate,
          kvNamespaces,
          durableObjects: config.durableObjects,
          queueProducers: config.queueProducers,
          queueConsumers: config.queueConsumers,
          bindings,
          ratelimits: ratelimits('1001'),
        },
        {
          name: 'tools',
          modules: true,
          scriptPath: 'bench/.build/tools-worker.js',
          compatibilityDate,
          kvNamespaces,
          durableObjects: writerBindings('app'),
          bindings: { ...bindings, RECENT_ANSWER_MS: '0' },
          ratelimits: ratelimits('1002'),
        },
      ],
    }),
  );
}

/** The receiver, as the header says; `close` ends it and every connection. */
async function startReceiver() {
  /** @type {Received[]} */
  const received = [];
  let taken = 0;
  const server = createServer((request, response) => {
    taken++;
    if (taken > maxReceiverRequests || request.method !== 'POST') {
      response.writeHead(503).end();
      request.resume();
      return;
    }
    /** @type {Buffer[]} */
    const chunks = [];
    let bytes = 0;
    request.on('data', (/** @type {Buffer} */ chunk) => {
      bytes += chunk.length;
      if (bytes <= maxBodyBytes) chunks.push(chunk);
    });
    request.on('end', () => {
      const at = performance.now();
      const headers = /** @type {Record<string, string>} */ (
        Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]))
      );
      const path = request.url ?? '';
      received.push({ path, at, body: Buffer.concat(chunks).toString('utf8'), headers });
      const answer = () => {
        if (!response.destroyed) response.writeHead(204).end();
      };
      if (path.endsWith('/hanging')) setTimeout(answer, hangMs);
      else answer();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the receiver has no port');
  return {
    port: address.port,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * @param {URL} origin @param {string} path @param {unknown} body
 * @returns {Promise<{ status: number; json: any; sentAt: number; answeredAt: number }>}
 */
async function postJson(origin, path, body) {
  const sentAt = performance.now();
  const response = await fetch(new URL(path, origin), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${pushToken}`,
      'content-type': 'application/json',
      // As bench/endpoints.mjs: a writer who has seen the warnings a repeated figure may give.
      'confirm-warnings': 'above-whole, far-from-current, above-population, old-observation',
    },
    body: JSON.stringify(body),
  });
  const answeredAt = performance.now();
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json, sentAt, answeredAt };
}

/** @param {string} place @param {number} i */
const reportOf = (place, i) => ({
  place,
  observed: '2024-03-15',
  figures: [{ indicator: 'civilian_deaths', value: 7 + i, qualifier: 'at_least' }],
  summary: { text: `SYNTHETIC push benchmark report ${i}.`, language: 'en' },
  source: { name: 'Synthetic source', kind: 'ngo', language: 'en' },
  verification: 'unconfirmed',
});

/** The report id a webhook is about, or undefined. @param {Received} r */
function reportIdOf(r) {
  try {
    return /** @type {string | undefined} */ (JSON.parse(r.body)?.data?.change?.report);
  } catch {
    return undefined;
  }
}

/**
 * Waits, bounded, until `enough()`; answers whether it came.
 * @param {() => boolean} enough @param {number} ms
 */
async function until(enough, ms) {
  const deadline = performance.now() + ms;
  while (!enough()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

/**
 * One case: `subscriptions` subscriptions, in a workerd of its own on a fresh KV folder, and
 * with `hanging`, one more to the measured place whose receiver hangs.
 * @param {number} subscriptions @param {Awaited<ReturnType<typeof startReceiver>>} receiver
 * @param {ReturnType<typeof productionConfig>} config @param {number[]} gaps @param {boolean} hanging
 * @returns {Promise<PushCase>}
 */
async function measureCase(subscriptions, receiver, config, gaps, hanging = false) {
  const persistPath = kvFolder();
  /** @type {Map<string, number>} */
  const workerErrors = new Map();
  const mf = startPushWorkers(persistPath, config, workerErrors);
  try {
    const origin = await mf.ready;
    const { slugs } = /** @type {{ slugs: string[] }} */ (
      await callTools(await toolsOf(mf), '/places', { count: placeCount })
    );
    const [measured, ...others] = slugs;
    if (!measured || others.length === 0) throw new Error('no places');
    const prefix = `/${hanging ? 'h' : 'n'}${subscriptions}`;
    const base = `http://127.0.0.1:${receiver.port}${prefix}`;
    const watchedPath = `${prefix}/watched`;

    const subscribeStarted = performance.now();
    const watched = await postJson(origin, '/api/v1/subscriptions', {
      url: `${base}/watched`,
      description: 'bench: the watched subscription',
      filters: { places: [measured] },
    });
    if (watched.status !== 201)
      throw new Error(`subscribing: ${watched.status} ${JSON.stringify(watched.json)}`);
    const pending = Array.from({ length: subscriptions - 1 }, (_, i) => i + 1);
    const subscribeFrom = async () => {
      for (let i = pending.shift(); i !== undefined; i = pending.shift()) {
        const made = await postJson(origin, '/api/v1/subscriptions', {
          url: `${base}/other/${i}`,
          filters: { places: [others[i % others.length]] },
        });
        if (made.status !== 201) throw new Error(`subscribing: ${made.status} ${JSON.stringify(made.json)}`);
      }
    };
    await Promise.all(Array.from({ length: subscribeConcurrency }, subscribeFrom));
    if (hanging) {
      const made = await postJson(origin, '/api/v1/subscriptions', {
        url: `${base}/hanging`,
        description: 'bench: a receiver that hangs',
        filters: { places: [measured] },
      });
      if (made.status !== 201) throw new Error(`subscribing: ${made.status} ${JSON.stringify(made.json)}`);
    }
    const subscribeSeconds = (performance.now() - subscribeStarted) / 1000;
    console.log(`  push, ${subscriptions} subscriptions made in ${subscribeSeconds.toFixed(1)} s`);

    const webhookOf = new Webhook(String(watched.json.secret));
    const watchedIn = () => receiver.received.filter((r) => r.path === watchedPath);
    /** @param {string} id */
    const arrived = (id) => watchedIn().some((r) => reportIdOf(r) === id);

    // Warm-up: not counted.
    for (let i = 0; i < warmups; i++) {
      const posted = await postJson(origin, '/api/v1/reports', reportOf(measured, -1 - i));
      if (posted.status !== 201)
        throw new Error(`warm-up report: ${posted.status} ${JSON.stringify(posted.json)}`);
      if (!(await until(() => arrived(posted.json.id), drainMs)))
        throw new Error(`the warm-up report's webhook did not arrive within ${drainMs} ms`);
      await sleep(1200);
    }
    const receivedBefore = receiver.received.length;

    /** @type {{ id: string | undefined; gapMs: number; postMs: number; answeredAt: number }[]} */
    const sent = [];
    let unexpectedStatuses = 0;
    for (const [i, gapMs] of gaps.entries()) {
      await sleep(gapMs);
      const posted = await postJson(origin, '/api/v1/reports', reportOf(measured, i));
      if (posted.status !== 201) unexpectedStatuses++;
      sent.push({
        id: posted.status === 201 ? String(posted.json.id) : undefined,
        gapMs,
        postMs: posted.answeredAt - posted.sentAt,
        answeredAt: posted.answeredAt,
      });
    }
    const ids = sent.flatMap((s) => (s.id ? [s.id] : []));
    await until(() => ids.every(arrived), drainMs);
    // A moment more, to catch a late duplicate of what arrived last.
    await sleep(1500);

    const during = receiver.received
      .slice(receivedBefore)
      .filter((r) => r.path.startsWith(`${prefix}/`) && r.path !== `${prefix}/hanging`);
    const atWatched = during.filter((r) => r.path === watchedPath);
    /** @type {Map<string, number>} the first arrival of each report's webhook */
    const firstArrival = new Map();
    const seenIds = new Set();
    let duplicates = 0;
    let badSignatures = 0;
    for (const r of atWatched) {
      const webhookId = r.headers['webhook-id'];
      if (seenIds.has(webhookId)) duplicates++;
      seenIds.add(webhookId);
      try {
        webhookOf.verify(r.body, r.headers);
      } catch {
        badSignatures++;
      }
      const id = reportIdOf(r);
      if (id && !firstArrival.has(id)) firstArrival.set(id, r.at);
    }
    /** @type {Sample[]} */
    const samples = sent.map((s) => {
      const at = s.id ? firstArrival.get(s.id) : undefined;
      const round = (/** @type {number} */ ms) => Math.round(ms * 10) / 10;
      return {
        gapMs: s.gapMs,
        postMs: round(s.postMs),
        webhookMs: at === undefined ? null : round(at - s.answeredAt),
      };
    });
    const state = await fetch(new URL(`/api/v1/subscriptions/${watched.json.id}`, origin), {
      headers: { authorization: `Bearer ${pushToken}` },
    });
    const watchedDelivery = state.ok
      ? /** @type {{ delivery: unknown }} */ (await state.json()).delivery
      : `answered ${state.status}`;
    return {
      subscriptions,
      hanging,
      measuredPlace: measured,
      reports: sent.length,
      subscribeSeconds,
      post: statsOf(samples.map((s) => s.postMs)),
      webhook: statsOf(samples.flatMap((s) => (s.webhookMs === null ? [] : [s.webhookMs]))),
      lost: ids.filter((id) => !firstArrival.has(id)).length,
      duplicates,
      unexpectedDeliveries: during.length - atWatched.length,
      badSignatures,
      unexpectedStatuses,
      watchedDelivery,
      workerErrors: Object.fromEntries(workerErrors),
      samples,
    };
  } finally {
    await mf.dispose();
    rmSync(persistPath, { recursive: true, force: true });
  }
}

/**
 * Both cases, as the header says. Needs the production bundle and the benchmark Worker
 * built (bench/history.mjs's build()).
 * @returns {Promise<PushResults>}
 */
export async function measurePush() {
  const started = new Date();
  const config = productionConfig();
  const next = generator(seed);
  const gaps = Array.from({ length: reportsPerCase }, () => Math.floor(next() * maxGapMs));
  const receiver = await startReceiver();
  /** @type {PushCase[]} */
  const cases = [];
  /** @type {PushCase | undefined} */
  let beside;
  try {
    for (const subscriptions of subscriptionCounts) {
      const measured = await measureCase(subscriptions, receiver, config, gaps);
      console.log(
        `  push, ${subscriptions} subscriptions: POST median ${measured.post.medianMs} ms, p99 ${measured.post.p99Ms} ms; 201 → webhook median ${measured.webhook.medianMs} ms, p99 ${measured.webhook.p99Ms} ms; ${measured.lost} lost, ${measured.duplicates} duplicates`,
      );
      cases.push(measured);
    }
    const first = subscriptionCounts[0];
    if (first !== undefined) {
      beside = await measureCase(first, receiver, config, gaps, true);
      console.log(
        `  push, ${first} subscriptions beside a receiver that hangs: 201 → webhook median ${beside.webhook.medianMs} ms, p99 ${beside.webhook.p99Ms} ms; ${beside.lost} lost`,
      );
    }
  } finally {
    await receiver.close();
  }
  return {
    started: started.toISOString(),
    elapsedSeconds: (Date.now() - started.getTime()) / 1000,
    settings: {
      reportsPerCase,
      warmups,
      maxGapMs,
      seed,
      drainMs,
      hangMs,
      placeCount,
      measuredPlace: cases[0]?.measuredPlace ?? '',
      cpus: os.cpus().length,
      vars: { ...config.vars, WEBHOOK_LOCAL_TARGETS: 'true' },
      queueConsumers: config.consumers.map((c) => ({
        queue: c.queue,
        max_batch_size: c.max_batch_size,
        max_batch_timeout: c.max_batch_timeout,
        max_retries: c.max_retries,
        dead_letter_queue: c.dead_letter_queue,
      })),
    },
    cases,
    ...(beside ? { beside } : {}),
  };
}
