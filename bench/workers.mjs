// What every Miniflare the benchmark starts shares: the write token, the compatibility date,
// the writers (Durable Objects) as wrangler.toml declares them, and the two Workers.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';

export const benchToken = 'bench-token';
export const apiTokens = JSON.stringify([
  { name: 'bench', sha256: createHash('sha256').update(benchToken).digest('hex'), scopes: ['report'] },
]);

export const compatibilityDate = /compatibility_date = "([^"]+)"/.exec(
  readFileSync('wrangler.toml', 'utf8'),
)?.[1];

const writerClasses = {
  PLACE_WRITER: 'PlaceWriter',
  ALL_PLACES_WRITER: 'AllPlacesWriter',
  IDEMPOTENCY_KEEPER: 'IdempotencyKeeper',
  DESK_SESSION: 'DeskSession',
  CHANGE_LOG: 'ChangeLog',
};

/**
 * The writers' bindings; `scriptName` names the worker that defines them when it is another.
 * @param {string} [scriptName]
 */
export function writerBindings(scriptName) {
  return Object.fromEntries(
    Object.entries(writerClasses).map(([binding, className]) => [
      binding,
      { className, useSQLite: true, ...(scriptName ? { scriptName } : {}) },
    ]),
  );
}

/**
 * The production bundle ('app') and a benchmark Worker ('tools') beside it in one workerd,
 * on one KV namespace in a folder of their own, with the production settings. The tools
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
          ...(writers ? { durableObjects: writerBindings() } : {}),
          bindings: production,
          ratelimits: ratelimit('1001'),
          ...(inspectorPort ? { unsafeInspectorProxy: true } : {}),
        },
        {
          name: 'tools',
          modules: true,
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
