// What every Miniflare the benchmark starts shares: the write token, the compatibility date,
// the writers (Durable Objects) and the push queues as wrangler.toml declares them, and the
// three Workers.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { experimental_readRawConfig } from 'wrangler';

export const benchToken = 'bench-token';
export const apiTokens = JSON.stringify([
  { name: 'bench', sha256: createHash('sha256').update(benchToken).digest('hex'), scopes: ['report'] },
]);

export const compatibilityDate = /compatibility_date = "([^"]+)"/.exec(
  readFileSync('wrangler.toml', 'utf8'),
)?.[1];

/**
 * @typedef {{ queue: string; max_batch_size?: number; max_batch_timeout?: number; max_retries?: number;
 *   dead_letter_queue?: string }} QueueConsumer as wrangler.toml writes it
 */

/**
 * What of wrangler.toml is read here, as wrangler writes it.
 * @typedef {{ migrations?: { new_sqlite_classes?: string[] }[];
 *   durable_objects?: { bindings?: { name: string; class_name: string }[] };
 *   queues?: { producers?: { binding: string; queue: string }[]; consumers?: QueueConsumer[] };
 *   vars?: Record<string, unknown> }} WranglerToml
 */

/** What wrangler.toml declares, as the production Worker is given it. */
export function productionConfig() {
  const rawConfig = /** @type {WranglerToml} */ (
    experimental_readRawConfig({ config: 'wrangler.toml' }).rawConfig
  );
  const sqlite = new Set((rawConfig.migrations ?? []).flatMap((m) => m.new_sqlite_classes ?? []));
  const durableObjects = Object.fromEntries(
    (rawConfig.durable_objects?.bindings ?? []).map((b) => [
      b.name,
      { className: b.class_name, useSQLite: sqlite.has(b.class_name) },
    ]),
  );
  const queueProducers = Object.fromEntries(
    (rawConfig.queues?.producers ?? []).map((p) => [p.binding, { queueName: p.queue }]),
  );
  const consumers = rawConfig.queues?.consumers ?? [];
  const queueConsumers = Object.fromEntries(
    consumers.map((c) => [
      c.queue,
      {
        ...(c.max_batch_size !== undefined ? { maxBatchSize: c.max_batch_size } : {}),
        ...(c.max_batch_timeout !== undefined ? { maxBatchTimeout: c.max_batch_timeout } : {}),
        ...(c.max_retries !== undefined ? { maxRetries: c.max_retries } : {}),
        ...(c.dead_letter_queue !== undefined ? { deadLetterQueue: c.dead_letter_queue } : {}),
      },
    ]),
  );
  const vars = /** @type {Record<string, string>} */ (
    Object.fromEntries(Object.entries(rawConfig.vars ?? {}).map(([k, v]) => [k, String(v)]))
  );
  if (!durableObjects.SUBSCRIPTIONS || !queueProducers.PUSH_QUEUE)
    throw new Error('wrangler.toml declares no SUBSCRIPTIONS object or PUSH_QUEUE producer');
  return { durableObjects, queueProducers, queueConsumers, consumers, vars };
}

/**
 * The writers' bindings; `scriptName` names the worker that defines them when it is another.
 * @param {string} [scriptName]
 */
export function writerBindings(scriptName) {
  return Object.fromEntries(
    Object.entries(productionConfig().durableObjects).map(([binding, object]) => [
      binding,
      { ...object, ...(scriptName ? { scriptName } : {}) },
    ]),
  );
}

/** The push queue's producer and both consumers, as wrangler.toml declares them. */
function pushQueues() {
  const { queueProducers, queueConsumers } = productionConfig();
  return { queueProducers, queueConsumers };
}

/**
 * The app's own socket: what the benchmark loads and times the app on.
 * @param {Miniflare} mf
 */
export const appUrlOf = (mf) => mf.unsafeGetDirectURL('app');

/**
 * The production bundle ('app'), the one-read floor ('floor') and a benchmark Worker ('tools')
 * beside it in one workerd, on one KV namespace in a folder of their own, with the
 * production settings. The tools
 * keep no answers: what they count is what a request costs when it goes to KV. With
 * `inspectorPort`, the app's isolate is open to the V8 inspector at ws://127.0.0.1:<port>/app.
 * `recentAnswerMs` is the app's RECENT_ANSWER_MS: '0' has it keep no answers, as an isolate
 * that has not seen the request within the moment.
 * @param {{ appScript: string; toolsScript: string; persistPath: string; writers?: boolean; inspectorPort?: number;
 *   recentAnswerMs?: string }} options
 */
export function startBenchWorkers({
  appScript,
  toolsScript,
  persistPath,
  writers = true,
  inspectorPort,
  recentAnswerMs = '1000',
}) {
  const kvNamespaces = { STATUS_KV: 'bench-status' };
  const production = {
    PUBLIC_MAX_AGE_SECONDS: '60',
    DOCUMENT_WRITE_INTERVAL_MS: '1000',
    RECENT_ANSWER_MS: recentAnswerMs,
    API_TOKENS: apiTokens,
  };
  // Raised far above production's 30 per 10 s so that the limit does not throttle the measurement.
  const ratelimit = (/** @type {string} */ namespace_id) => ({
    WRITE_RATE_LIMITER: { namespace_id, simple: { limit: 1_000_000_000, period: /** @type {const} */ (10) } },
  });
  return new Miniflare(
    convertV4MiniflareOptions({
      host: '127.0.0.1',
      port: 0,
      // The Worker's request log is one line per request: at thousands a second it would
      // measure the terminal.
      handleStructuredLogs: () => {},
      resourcePersistencePath: persistPath,
      ...(inspectorPort ? { inspectorPort } : {}),
      workers: [
        {
          name: 'app',
          modules: true,
          scriptPath: appScript,
          compatibilityDate,
          kvNamespaces,
          ...(writers ? { durableObjects: writerBindings(), ...pushQueues() } : {}),
          bindings: production,
          ratelimits: ratelimit('1001'),
          // Reached on a socket of its own, as the one-read floor is: through miniflare's
          // entry Worker, every request would pay a hop that the floor does not and that
          // Cloudflare does not have (appUrlOf).
          unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
          ...(inspectorPort ? { unsafeInspectorProxy: true } : {}),
        },
        // The one-read floor (bench/floor-worker.js), on a socket of its own.
        {
          name: 'floor',
          modules: true,
          scriptPath: 'bench/floor-worker.js',
          compatibilityDate,
          kvNamespaces,
          unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
        },
        {
          name: 'tools',
          modules: true,
          // Its one-read floor through the app is loaded as the floor is.
          unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
          scriptPath: toolsScript,
          compatibilityDate,
          kvNamespaces,
          ...(writers ? { durableObjects: writerBindings('app') } : {}),
          bindings: { ...production, RECENT_ANSWER_MS: '0' },
          ratelimits: ratelimit('1002'),
        },
      ],
    }),
  );
}
