// npm start: serves the Worker on http://127.0.0.1:$PORT (default 8787) with wrangler's
// local, persisted KV (under $PERSIST_TO when set), and seeds it with the reports in seeds/
// through the public API, so that the seed passes the same validation as any report.
// Seeding is idempotent: places are PUT, reports carry a fixed Idempotency-Key, so a write
// the limit refused is sent again as it was (scripts/seed-requests.mjs).

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { sendSeedRequest } from './seed-requests.mjs';

const port = process.env.PORT ?? '8787';
// Where the local KV lives; wrangler's default is .wrangler/state. The browser test sets its
// own, so it never reads or changes the data of a developer's `npm start`.
const persistTo = process.env.PERSIST_TO;
const base = `http://127.0.0.1:${port}`;
const localToken = 'local-dev-token';

if (!existsSync('.dev.vars')) copyFileSync('.dev.vars.example', '.dev.vars');

const wrangler = spawn(
  'wrangler',
  [
    'dev',
    // The public Worker, and the desk's beside it, reached through its DESK binding.
    '--config',
    'wrangler.toml',
    '--config',
    'wrangler.desk.toml',
    '--ip',
    '127.0.0.1',
    '--port',
    port,
    '--show-interactive-dev-session=false',
    ...(persistTo ? ['--persist-to', persistTo] : []),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  },
);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => wrangler.kill(signal));
wrangler.on('exit', (code) => process.exit(code ?? 0));

/** @param {number} deadline milliseconds since the epoch */
async function waitForHealth(deadline) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Worker did not answer on ${base} within the time allowed`);
}

const seedTarget = { base, token: localToken, log: (/** @type {string} */ line) => console.log(line) };

/**
 * @param {string} method
 * @param {string} path
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
const send = (method, path, body, headers = {}) => sendSeedRequest(seedTarget, method, path, body, headers);

/**
 * The place's writer writes its documents from an alarm, within about two seconds of the
 * last report: wait until the place's status counts the reports seeded.
 * @param {string} slug
 * @param {number} count
 * @param {number} deadline milliseconds since the epoch
 */
async function waitForStatus(slug, count, deadline) {
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/api/v1/places/${slug}`);
    if (response.ok && /** @type {{ reportCount: number }} */ (await response.json()).reportCount >= count)
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the status of ${slug} did not show its ${count} seeded reports in time`);
}

async function seed() {
  await waitForHealth(Date.now() + 120_000);
  for (const file of readdirSync('seeds').filter((name) => name.endsWith('.json'))) {
    const { place, reports } = JSON.parse(readFileSync(`seeds/${file}`, 'utf8'));
    const { slug, ...fields } = place;
    await send('PUT', `/api/v1/places/${slug}`, fields);
    // A seed is a history: an entry that `corrects` another (named by its key) enters as a
    // correction of it, so a store seeded before the correction keeps one current version.
    /** @type {Map<string, string>} */
    const seeded = new Map();
    for (const { idempotencyKey, report, corrects, reason } of reports) {
      const corrected = corrects === undefined ? undefined : seeded.get(corrects);
      if (corrects !== undefined && corrected === undefined)
        throw new Error(`seed ${file}: ${idempotencyKey} corrects ${corrects}, which comes after it`);
      const response = corrected
        ? await send(
            'POST',
            `/api/v1/reports/${corrected}/corrections`,
            { ...report, reason },
            {
              'idempotency-key': idempotencyKey,
            },
          )
        : await send('POST', '/api/v1/reports', report, { 'idempotency-key': idempotencyKey });
      const location = response.headers.get('location') ?? '';
      seeded.set(idempotencyKey, location.split('/').at(-1) ?? '');
      const replayed = response.headers.get('idempotent-replayed') === 'true';
      console.log(`seed: ${slug} report ${location}${replayed ? ' (already seeded)' : ''}`);
    }
    await waitForStatus(slug, reports.length, Date.now() + 30_000);
  }
  console.log(`Serving the seeded data on ${base} (try ${base}/api/v1/places/bakhmut)`);
}

seed().catch((error) => {
  console.error(`seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  wrangler.kill('SIGTERM');
  process.exitCode = 1;
});
