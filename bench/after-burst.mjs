// Kept answers right after a burst, measured apart from the loaded histories: 200 SYNTHETIC
// reports loaded in bulk, then 2,000 sent over HTTP from 50 clients to the production bundle
// with kept answers on as in production (RECENT_ANSWER_MS 1000), and from the last 201 one
// round: each public GET loaded for two seconds (after a second's warm-up), with the /healthz
// floor loaded before it and after it, its "× floor" over the mean of the two. Each row says
// how long after the last 201 its load began: the writers are still catching up for the
// first rows (they catch up within about 2 s, bench/freshness.mjs) and have caught up for
// the rest, so the round shows both. Part of npm run bench; alone: npm run bench:after-burst
// (about two minutes), which prints JSON.

import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { floor, load, post, reads } from './endpoints.mjs';
import { build, kvFolder, loadHistory, startWorkers, toolsOf } from './history.mjs';
import { appUrlOf } from './workers.mjs';

const loaded = 200;
const clients = 50;
const perClient = 40;
const seconds = 2;

/**
 * @typedef {{ name: string; startedAfterMs: number; requestsPerSecond: number; floorRequestsPerSecond: number;
 *   ratioToFloor: number; notModified: boolean; unexpectedAnswers: number }} AfterBurstRow
 * @typedef {{ loaded: number; reports: number; clients: number; burstSeconds: number; seconds: number;
 *   rows: AfterBurstRow[] }} AfterBurst
 */

/** @returns {Promise<AfterBurst>} */
export async function measureAfterBurst() {
  build();
  const persistPath = kvFolder();
  const mf = startWorkers(persistPath);
  try {
    const base = await appUrlOf(mf);
    const { slugs } = await loadHistory(await toolsOf(mf), loaded);
    const started = performance.now();
    let newest = '';
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let n = 0; n < perClient; n++) {
          const { path, method, headers, body } = post(
            /** @type {string} */ (slugs[(client + n) % slugs.length]),
          );
          const response = await fetch(new URL(path, base), { method, headers, body });
          if (response.status !== 201)
            throw new Error(`POST answered ${response.status}: ${await response.text()}`);
          newest = /** @type {{ id: string }} */ (await response.json()).id;
        }
      }),
    );
    const lastAnswer = performance.now();
    const slug = /** @type {string} */ (slugs[0]);
    // The feed changes while the writers catch up: the 304 row asks with its ETag of the moment.
    const endpointNamed = async (/** @type {string} */ name) => {
      const etag = (await fetch(new URL('/feeds/all.atom', base))).headers.get('etag') ?? '';
      const found = reads(slug, etag, newest).find((e) => e.name === name);
      if (!found) throw new Error(`no endpoint ${name}`);
      return found;
    };
    /** @type {AfterBurstRow[]} */
    const rows = [];
    let before = await load(base, floor, 200, seconds);
    for (const { name } of reads(slug, '', newest)) {
      const endpoint = await endpointNamed(name);
      const notModified = endpoint.headers?.['if-none-match'] !== undefined;
      const startedAfterMs = Math.round(performance.now() - lastAnswer);
      const measured = await load(base, endpoint, notModified ? 304 : 200, seconds);
      const after = await load(base, floor, 200, seconds);
      const floorRequestsPerSecond = (before.requestsPerSecond + after.requestsPerSecond) / 2;
      rows.push({
        name: endpoint.name,
        startedAfterMs,
        requestsPerSecond: measured.requestsPerSecond,
        floorRequestsPerSecond,
        ratioToFloor: measured.requestsPerSecond / floorRequestsPerSecond,
        notModified,
        unexpectedAnswers: measured.unexpectedAnswers,
      });
      before = after;
    }
    return {
      loaded,
      reports: clients * perClient,
      clients,
      burstSeconds: (lastAnswer - started) / 1000,
      seconds,
      rows,
    };
  } finally {
    await mf.dispose();
    rmSync(persistPath, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await measureAfterBurst(), null, 2));
}
