// How soon each document shows a report after its 201, under a burst: 1,000 reports from 50
// clients over HTTP to 5 places, the production bundle in workerd through miniflare with the
// production settings (DOCUMENT_WRITE_INTERVAL_MS 1000) and kept answers off, so that every
// read is what KV holds. While the burst runs and until every document has caught up (at
// most 30 s after the last 201), one poller reads every document, about 5 times a
// second (all of a round's reads at once: the noted time is when the round's reads came back,
// so a time errs late by up to a round, whose median and longest are reported), and notes
// when each first shows each report:
// - the list of places and each place's status, by their report count: the k-th report a
//   place answered is shown once the count is at least k;
// - the newest reports of all places, the feed of all places and each place's feed, by the
//   ids they hold: a report is shown once the document holds it, or holds only newer ones
//   (it went past it), and holds nothing older that is missing;
// - the change log, as a mirror reads it, in a loop of its own: it follows `next` from where
//   it stopped until a page has no changes, then waits as a round does, and a report is shown
//   once its change is read.
// For each kind of document, the time from each report's 201 to that moment: median, p95
// (nearest rank) and maximum, and the reports never shown. Part of npm run bench; alone:
// npm run bench:freshness (about a minute), which prints JSON.

import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { post } from './endpoints.mjs';
import { build, callTools, kvFolder, startWorkers, toolsOf } from './history.mjs';
import { appUrlOf } from './workers.mjs';

const clients = 50;
const perClient = 20;
const placeCount = 5;
const pollGapMs = 200;
const catchUpMs = 30_000;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const idOfUrl = (/** @type {string} */ url) => url.split('/').at(-1) ?? '';

/** @param {number[]} values @param {number} p */
const rank = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/**
 * @typedef {{ shown: number; neverShown: number; medianMs: number; p95Ms: number; maxMs: number }} Shown
 * @typedef {{ reports: number; clients: number; places: number; burstSeconds: number; reads: number;
 *   roundMs: { median: number; max: number }; kinds: Record<string, Shown> }} Freshness
 */

/** The burst and what each kind of document showed when. @returns {Promise<Freshness>} */
export async function measureFreshness() {
  build();
  const persistPath = kvFolder();
  const mf = startWorkers(persistPath, { recentAnswerMs: '0' });
  try {
    const base = await appUrlOf(mf);
    const tools = await toolsOf(mf);
    const { slugs } = /** @type {{ slugs: string[] }} */ (
      await callTools(tools, '/places', { count: placeCount })
    );
    await callTools(tools, '/rebuild', {});
    const get = async (/** @type {string} */ path) => (await fetch(new URL(path, base))).json();

    /** @type {{ id: string; place: string; rankInPlace: number; answeredAt: number }[]} */
    const answered = [];
    const countOf = new Map(slugs.map((s) => [s, 0]));
    const started = performance.now();
    let burstOver = false;

    const burst = Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let n = 0; n < perClient; n++) {
          const place = /** @type {string} */ (slugs[(client + n) % slugs.length]);
          const { path, method, headers, body } = post(place);
          const response = await fetch(new URL(path, base), { method, headers, body });
          const answeredAt = performance.now();
          if (response.status !== 201)
            throw new Error(`POST answered ${response.status}: ${await response.text()}`);
          const { id } = /** @type {{ id: string }} */ (await response.json());
          const rankInPlace = (countOf.get(place) ?? 0) + 1;
          countOf.set(place, rankInPlace);
          answered.push({ id, place, rankInPlace, answeredAt });
        }
      }),
    ).finally(() => {
      burstOver = true;
    });

    /** @type {Map<string, Map<string, number>>} document kind → report id → first time shown */
    const shown = new Map();
    const note = (/** @type {string} */ kind, /** @type {string} */ id, /** @type {number} */ at) => {
      const seen = shown.get(kind) ?? new Map();
      shown.set(kind, seen);
      if (!seen.has(id)) seen.set(id, at);
    };
    /** Reports a windowed document is at least as new as: those it holds, and older ones it went past. */
    const byWindow = (
      /** @type {string} */ kind,
      /** @type {string[]} */ ids,
      /** @type {(r: typeof answered[number]) => boolean} */ inScope,
      /** @type {number} */ at,
    ) => {
      if (ids.length === 0) return;
      const held = new Set(ids);
      const oldest = [...ids].sort()[0] ?? '';
      for (const r of answered) {
        if (inScope(r) && (held.has(r.id) || r.id < oldest)) note(kind, r.id, at);
      }
    };
    const byCount = (
      /** @type {string} */ kind,
      /** @type {string} */ place,
      /** @type {number} */ count,
      /** @type {number} */ at,
    ) => {
      for (const r of answered) if (r.place === place && r.rankInPlace <= count) note(kind, r.id, at);
    };

    /** Where the mirror of the change log goes on from: the next of the last page read. */
    let changesUrl = '/api/v1/changes';
    /** Follows the change log to its end, noting each new report; answers how many pages it read. */
    const readChanges = async () => {
      for (let pages = 1; ; pages++) {
        const page = /** @type {{ changes: { kind: string; report: string }[]; next: string }} */ (
          await get(changesUrl)
        );
        const at = performance.now();
        for (const change of page.changes) if (change.kind === 'new') note('change log', change.report, at);
        if (page.changes.length === 0) return pages;
        changesUrl = page.next;
      }
    };

    let reads = 0;
    /** @type {number[]} how long each round of reads took */
    const rounds = [];
    let lastAnswer = Number.POSITIVE_INFINITY;
    const total = clients * perClient;
    const caughtUp = () =>
      [...shown.values()].length > 0 &&
      [
        'place list',
        'place status',
        'newest reports of all places',
        'feed of all places',
        'feed of a place',
        'change log',
      ].every((kind) => (shown.get(kind)?.size ?? 0) >= total);
    const done = () => burstOver && (caughtUp() || performance.now() - lastAnswer > catchUpMs);
    // The mirror reads on its own, so that a round of the other documents does not wait for it.
    const mirror = (async () => {
      while (!done()) {
        reads += await readChanges();
        await sleep(pollGapMs);
      }
    })();
    while (!done()) {
      if (burstOver && lastAnswer === Number.POSITIVE_INFINITY) lastAnswer = performance.now();
      // Every document of the round at once, so that a round takes about one read's time.
      const at = performance.now();
      const [list, newest, all, ...ofPlaces] = await Promise.all([
        get('/api/v1/places'),
        get('/api/v1/reports?limit=50'),
        get('/feeds/all.json'),
        ...slugs.flatMap((slug) => [get(`/api/v1/places/${slug}`), get(`/feeds/places/${slug}.json`)]),
      ]);
      const readAt = performance.now();
      for (const p of /** @type {{ places: { slug: string; reportCount: number }[] }} */ (list).places)
        byCount('place list', p.slug, p.reportCount, readAt);
      const newestIds = /** @type {{ reports: { id: string }[] }} */ (newest).reports.map((r) => r.id);
      byWindow('newest reports of all places', newestIds, () => true, readAt);
      const allIds = /** @type {{ items: { url: string }[] }} */ (all).items.map((i) => idOfUrl(i.url));
      byWindow('feed of all places', allIds, () => true, readAt);
      slugs.forEach((slug, i) => {
        const view = /** @type {{ reportCount: number }} */ (ofPlaces[2 * i]);
        byCount('place status', slug, view.reportCount, readAt);
        const feed = /** @type {{ items: { url: string }[] }} */ (ofPlaces[2 * i + 1]);
        byWindow(
          'feed of a place',
          feed.items.map((item) => idOfUrl(item.url)),
          (r) => r.place === slug,
          readAt,
        );
      });
      rounds.push(readAt - at);
      reads += 3 + 2 * slugs.length;
      await sleep(pollGapMs);
    }
    await Promise.all([burst, mirror]);

    const answeredAt = new Map(answered.map((r) => [r.id, r.answeredAt]));
    const kinds = Object.fromEntries(
      [...shown].map(([kind, seen]) => {
        const delays = answered.flatMap((r) => {
          const at = seen.get(r.id);
          return at === undefined ? [] : [Math.max(0, at - (answeredAt.get(r.id) ?? at))];
        });
        return [
          kind,
          {
            shown: delays.length,
            neverShown: total - delays.length,
            medianMs: Math.round(rank(delays, 50)),
            p95Ms: Math.round(rank(delays, 95)),
            maxMs: Math.round(Math.max(...delays)),
          },
        ];
      }),
    );
    const lastAnswered = Math.max(...answered.map((r) => r.answeredAt));
    return {
      reports: total,
      clients,
      places: placeCount,
      burstSeconds: (lastAnswered - started) / 1000,
      reads,
      roundMs: { median: Math.round(rank(rounds, 50)), max: Math.round(Math.max(...rounds)) },
      kinds,
    };
  } finally {
    await mf.dispose();
    rmSync(persistPath, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await measureFreshness(), null, 2));
}
