import { createHash } from 'node:crypto';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { deskWorker } from './tests/support/desk-worker.ts';
import { testTokens } from './tests/support/tokens.ts';

const apiTokens = Object.entries(testTokens).map(([name, { token, scopes }]) => ({
  name,
  sha256: createHash('sha256').update(token).digest('hex'),
  scopes,
}));

const ratelimits = {
  // Tests write far faster than any client should; the production limit is tested with its
  // own binding, STRICT_WRITE_RATE_LIMITER, set as wrangler.toml sets it.
  WRITE_RATE_LIMITER: { namespace_id: '1001', simple: { limit: 100_000, period: 10 as const } },
  STRICT_WRITE_RATE_LIMITER: { namespace_id: '1002', simple: { limit: 30, period: 10 as const } },
};

function workersWith(
  project: string,
  settings: { DOCUMENT_WRITE_INTERVAL_MS: string; RECENT_ANSWER_MS: string },
) {
  // Set here, not taken from a .dev.vars that `npm start` (run by the browser test) may have
  // written meanwhile: webhooks go only where production lets them.
  const bindings = { API_TOKENS: JSON.stringify(apiTokens), WEBHOOK_LOCAL_TARGETS: '', ...settings };
  return cloudflareTest({
    wrangler: { configPath: './wrangler.toml' },
    miniflare: { bindings, ratelimits, workers: [deskWorker(project, bindings, ratelimits)] },
  });
}

// The writers write in the call that hands them work and no answer is kept, so tests read
// their own writes at once; kept answers are tested with their production lifetime, set per
// request.
const workers = workersWith('workers', { DOCUMENT_WRITE_INTERVAL_MS: '0', RECENT_ANSWER_MS: '0' });
// The writers as in production: documents written from alarms, at most once a second.
const pacedWorkers = workersWith('paced', { DOCUMENT_WRITE_INTERVAL_MS: '1000', RECENT_ANSWER_MS: '0' });

/** The origin the push tests publish the feeds at: the one their requests use. */
export const pushTestOrigin = 'http://status.test';

// Push with a receiver and a hub on this machine (tests/push/receiver.ts, started by the
// project's global setup): webhooks may go to loopback over http, are retried at once, an
// attempt waits 6 seconds for an answer (2 on the fast lane: both longer than a queue waits
// to fill a batch, so that a receiver that hangs costs more than batching does), and a
// delivery whose message was lost is sent again after 10 seconds.
const pushWorkers = cloudflareTest(({ inject }) => {
  const receiver = `http://127.0.0.1:${inject('receiverPort')}`;
  const bindings = {
    API_TOKENS: JSON.stringify(apiTokens),
    DOCUMENT_WRITE_INTERVAL_MS: '0',
    RECENT_ANSWER_MS: '0',
    RECEIVER: receiver,
    WEBSUB_HUB_URL: `${receiver}/hub`,
    PUBLIC_ORIGIN: pushTestOrigin,
    WEBHOOK_LOCAL_TARGETS: 'true',
    WEBHOOK_RETRY_SECONDS: '0',
    WEBHOOK_TIMEOUT_MS: '6000',
    WEBHOOK_RESEND_AFTER_SECONDS: '10',
  };
  return {
    wrangler: { configPath: './wrangler.toml' },
    miniflare: { bindings, ratelimits, workers: [deskWorker('push', bindings, ratelimits)] },
  };
});

export default defineConfig({
  test: {
    // Request logs of passing tests are noise; a failing test still shows its output.
    silent: 'passed-only',
    projects: [
      {
        // Pure code needs no workerd: its tests run in Node, the quick loop while editing it.
        // They keep no state and mock nothing, so the files share one module graph: importing
        // it again for each file was most of their time.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', isolate: false },
      },
      {
        // Integration tests run inside workerd, with real KV from miniflare.
        plugins: [workers],
        test: {
          name: 'workers',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/desk-worker.ts'],
        },
      },
      {
        // Bursts, convergence and lost work, with the writers paced as in production.
        plugins: [pacedWorkers],
        test: {
          name: 'paced',
          include: ['tests/paced/**/*.test.ts'],
          globalSetup: ['tests/support/desk-worker.ts'],
          testTimeout: 120_000,
          // One file at a time: how-soon.test.ts times reports, which a burst beside it would slow.
          fileParallelism: false,
        },
      },
      {
        // Webhooks and WebSub pings, delivered by the real queues to a receiver on 127.0.0.1.
        plugins: [pushWorkers],
        test: {
          name: 'push',
          include: ['tests/push/**/*.test.ts'],
          globalSetup: ['tests/push/receiver.ts', 'tests/support/desk-worker.ts'],
          // One file at a time: the hub's pings of the feed of all places are counted.
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      {
        // Conformance checks that need programs outside workerd (xmllint) run in Node.
        test: {
          name: 'node',
          include: ['tests/node/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        // The status pages in a real browser (Debian's Chromium through playwright-core), and
        // the README's webhook receiver, each against a local Worker that the test starts,
        // seeds and stops itself: one file at a time, so that two such Workers never share
        // the machine with the other projects at once.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
