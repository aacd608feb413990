// The writers, paced as in production, when things go wrong: failed KV writes and failed
// deliveries are retried from the writer's alarm until the documents are complete; a
// writer that loses its storage before writing is caught by the scheduled repair; a place
// edited while reports are pending keeps every report. SYNTHETIC data.

import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { derivedPrefix } from '../../src/store/keys.ts';
import { defaultRetryPolicy } from '../../src/store/retrying-kv.ts';
import { StatusStore } from '../../src/store/status-store.ts';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { faultyKv } from '../support/faulty-kv.ts';
import { runScheduledRepair } from '../support/scheduled.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { wrapWriterBinding, wrapWriterKv, writers } from '../support/writers.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function reportCount(slug: string): Promise<number> {
  return (await json(await call(`/api/v1/places/${slug}`))).reportCount;
}

/** The report count of the place's document as its writer last wrote it to KV. */
async function writtenCount(slug: string): Promise<number | undefined> {
  return (await new StatusStore(env.STATUS_KV).getPlaceDocument(slug))?.reportCount;
}

async function listedCount(slug: string): Promise<number | undefined> {
  const { places } = await json(await call('/api/v1/places'));
  return places.find((p: { slug: string }) => p.slug === slug)?.reportCount;
}

/** Waits until `done` holds, for at most `ms`; answers how long it took. */
async function within(ms: number, done: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await done()) return Date.now() - started;
    await sleep(50);
  }
  throw new Error(`not done within ${ms} ms`);
}

describe('writers paced as in production', () => {
  it('retry failed KV writes from their alarm until the documents are complete', async () => {
    await createPlace('paced-kv-down');
    await sleep(1100);
    // Down for a number of writes, not a time: more than two flushes' own retries (five
    // attempts each), so that only the alarm's second retry can complete the documents,
    // however quickly or slowly the attempts come.
    const down = 2 * defaultRetryPolicy.attempts + 2;
    let failed = 0;
    let failures: string[] = [];
    await wrapWriterKv(writers.place('paced-kv-down'), (kv) => {
      const { binding, injected } = faultyKv(kv, {
        fail: (op, key) => op === 'put' && key.startsWith(derivedPrefix) && failed++ < down,
      });
      failures = injected;
      return binding;
    });
    for (let i = 0; i < 5; i++)
      await postReport(syntheticReport('paced-kv-down', { observed: `2024-03-0${i + 1}` }));
    // A flush whose every attempt failed wrote nothing, and the next can only follow its alarm.
    await within(20_000, async () => failures.length >= defaultRetryPolicy.attempts);
    expect(await reportCount('paced-kv-down')).toBe(0);
    await within(
      20_000,
      async () => (await reportCount('paced-kv-down')) === 5 && (await listedCount('paced-kv-down')) === 5,
    );
    expect(failures).toHaveLength(down);
  });

  it('retry a failed delivery to the writer of all places until the list of places is complete', async () => {
    await createPlace('paced-delivery');
    await sleep(1100);
    let refused = 0;
    await wrapWriterBinding(
      writers.place('paced-delivery'),
      'ALL_PLACES_WRITER',
      (namespace) =>
        new Proxy(namespace, {
          get(target, name) {
            if (name !== 'getByName') return Reflect.get(target, name);
            return (objectName: string) => {
              const stub = target.getByName(objectName);
              return new Proxy(stub, {
                get(object, method) {
                  if (method !== 'accept' || refused >= 3) return Reflect.get(object, method);
                  return async () => {
                    refused++;
                    throw new Error('injected fault: the writer of all places is unreachable');
                  };
                },
              });
            };
          },
        }),
    );
    await postReport(syntheticReport('paced-delivery'));
    await within(5000, async () => (await reportCount('paced-delivery')) === 1);
    await within(30_000, async () => (await listedCount('paced-delivery')) === 1);
    expect(refused).toBe(3);
  });

  it('leave a report a writer lost before writing it to the scheduled repair, which completes it', async () => {
    await createPlace('paced-lost');
    await postReport(syntheticReport('paced-lost', { observed: '2024-03-01' }));
    await within(5000, async () => (await writtenCount('paced-lost')) === 1);
    const second = await postReport(syntheticReport('paced-lost', { observed: '2024-03-02' }));
    // Within the second after its last write the writer holds the report, unwritten: the
    // object loses its storage, alarm and all, and starts again empty.
    const stub = writers.place('paced-lost');
    await runInDurableObject(stub, async (_, state) => {
      await state.storage.deleteAlarm();
      await state.storage.deleteAll();
    });
    await evictDurableObject(stub);
    await sleep(1500);
    expect(await writtenCount('paced-lost')).toBe(1);
    expect(await reportCount('paced-lost')).toBe(1);
    expect((await json(await call(`/api/v1/reports/${second.id}`))).id).toBe(second.id);

    await runScheduledRepair();
    await within(
      5000,
      async () => (await reportCount('paced-lost')) === 2 && (await listedCount('paced-lost')) === 2,
    );
    const feed = await json(await call('/feeds/places/paced-lost.json'));
    expect(feed.items.map((i: { _humanitarian: { report: string } }) => i._humanitarian.report)).toContain(
      second.id,
    );
  });

  it('keep every pending report when the place is edited meanwhile (10 tries)', async () => {
    await createPlace('paced-edit');
    let sent = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      const name = `Edited ${attempt} (synthetic)`;
      const answers = await Promise.all([
        ...Array.from({ length: 4 }, (_, i) =>
          send('POST', '/api/v1/reports', syntheticReport('paced-edit', { observed: `2024-04-0${i + 1}` }), {
            as: 'reporter',
          }),
        ),
        send('PUT', '/api/v1/places/paced-edit', syntheticPlace({ names: { en: name } }), { as: 'admin' }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 200]);
      sent += 4;
      await within(5000, async () => {
        const place = await json(await call('/api/v1/places/paced-edit'));
        return place.reportCount === sent && place.place.names.en === name;
      });
      const feed = await json(await call('/feeds/places/paced-edit.json?limit=200'));
      expect(feed.items).toHaveLength(sent);
      expect(feed.title).toContain(name);
    }
  });
});
