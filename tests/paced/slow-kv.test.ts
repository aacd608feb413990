// When each KV write takes a while, as a write from a Durable Object to KV's central store
// does on Cloudflare, a writer's flush takes about one write's time, not one per document:
// it writes its documents at once. With 150 ms a write, a report is in the feed of all
// places (the last of the fourteen documents of all places, after the eight of its place)
// well within two seconds of its 201. SYNTHETIC data.

import { describe, expect, it } from 'vitest';
import { call, json } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { faultyKv } from '../support/faulty-kv.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { wrapWriterKv, writers } from '../support/writers.ts';

const writeMs = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('writers whose KV writes are slow', () => {
  it('write their documents at once, so a report reaches the feed of all places within a second or so', async () => {
    await createPlace('slow-town');
    await sleep(1_100);
    for (const stub of [writers.place('slow-town'), writers.allPlaces()]) {
      await wrapWriterKv(stub, (kv) => faultyKv(kv, { delayMs: writeMs }).binding);
    }
    const { id } = await postReport(syntheticReport('slow-town'));
    const answered = Date.now();
    let shownAfterMs: number | undefined;
    while (Date.now() - answered < 10_000) {
      const feed = await json(await call('/feeds/all.json'));
      if (feed.items.some((i: { _humanitarian: { report: string } }) => i._humanitarian.report === id)) {
        shownAfterMs = Date.now() - answered;
        break;
      }
      await sleep(25);
    }
    expect(shownAfterMs, 'the report in the feed of all places').toBeDefined();
    // One at a time, the 8 + 14 writes would take 3.3 s alone.
    expect(shownAfterMs).toBeLessThan(1_800);
  });
});
