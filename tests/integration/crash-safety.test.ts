// Whatever instant a Worker dies at, an accepted report is visible everywhere after one
// scheduled repair or nowhere, and a retry with its Idempotency-Key never creates a second
// one. Each write is run once cleanly to count its storage steps (every KV call and every
// call to a Durable Object), then once for every step k with the Worker dying at step k:
// that call and every later one fail. Then the repair runs, what is visible is compared
// across every output, and the request is sent again with its key. SYNTHETIC data.

import {
  createExecutionContext,
  evictDurableObject,
  runDurableObjectAlarm,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index.ts';
import { call, json, origin, send } from '../support/api.ts';
import { deaths, syntheticReport } from '../support/builders.ts';
import { indexedCount } from '../support/kv.ts';
import { observedNamespace } from '../support/observed-namespace.ts';
import { runScheduledRepair } from '../support/scheduled.ts';
import { correct, createPlace, postReport } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';
import { wrapWriterKv, writers } from '../support/writers.ts';

/** A binding whose calls count as steps; from step `at` on, every call fails. */
function dying<T extends object>(target: T, label: string, die: (name: string) => void): T {
  return new Proxy(target, {
    get(object, name) {
      const value = Reflect.get(object, name);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        die(`${label}.${String(name)}`);
        return value.apply(object, args);
      };
    },
  });
}

/** The Worker's bindings, dying at storage step `at` (Infinity: never), and the steps taken. */
function bindingsDyingAt(at: number) {
  const steps: string[] = [];
  const die = (name: string) => {
    steps.push(name);
    if (steps.length >= at) throw new Error(`injected crash at step ${steps.length}: ${name}`);
  };
  const bindings: Env = {
    ...env,
    STATUS_KV: dying(env.STATUS_KV, 'kv', die),
    PLACE_WRITER: observedNamespace(env.PLACE_WRITER, (method) => die(`place writer.${method}`)),
    ALL_PLACES_WRITER: observedNamespace(env.ALL_PLACES_WRITER, (method) =>
      die(`all-places writer.${method}`),
    ),
    IDEMPOTENCY_KEEPER: observedNamespace(env.IDEMPOTENCY_KEEPER, (method) => die(`keeper.${method}`)),
  };
  return { bindings, steps };
}

async function sendWith(bindings: Env, path: string, body: unknown, token: string, key: string) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(new URL(path, origin), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    }),
    bindings,
    ctx,
  );
  await waitOnExecutionContext(ctx).catch(() => undefined);
  return response;
}

/** How many reports of the place each output shows, and in which state. */
async function visibility(slug: string) {
  const place = await json(await call(`/api/v1/places/${slug}`));
  const history = await json(await call(`/api/v1/places/${slug}/reports`));
  const everywhere = await json(await call('/api/v1/reports?limit=200'));
  const feed = await json(await call(`/feeds/places/${slug}.json`));
  const allFeed = await json(await call('/feeds/all.json?limit=200'));
  const { places } = await json(await call('/api/v1/places'));
  const states = (reports: { state: string }[]) => reports.map((r) => r.state).sort();
  // Each entry as "report:new", "change:correction" and so on: a change is an entry of its own.
  const ofPlace = (items: { _humanitarian: { place: { slug: string }; entry: string; change: string } }[]) =>
    items
      .filter((i) => i._humanitarian.place.slug === slug)
      .map((i) => `${i._humanitarian.entry}:${i._humanitarian.change}`);
  return {
    indexed: await indexedCount(slug),
    reportCount: place.reportCount,
    listed: places.find((p: { slug: string }) => p.slug === slug)?.reportCount,
    history: states(history.reports),
    everywhere: states(everywhere.reports.filter((r: { place: string }) => r.place === slug)),
    feed: ofPlace(feed.items),
    allFeed: ofPlace(allFeed.items),
    deaths: place.status.indicators.civilian_deaths?.report as string | undefined,
  };
}

const reporter = testTokens.reporter.token;
const moderator = testTokens.moderator.token;

describe('a Worker dying at any step of a write', () => {
  it('leaves a new report visible everywhere after one repair or nowhere, and its retry stores it once', {
    timeout: 120_000,
  }, async () => {
    const body = (slug: string) => syntheticReport(slug, { figures: [deaths(3)] });
    await createPlace('crash-clean');
    const clean = bindingsDyingAt(Number.POSITIVE_INFINITY);
    expect(
      (await sendWith(clean.bindings, '/api/v1/reports', body('crash-clean'), reporter, 'clean')).status,
    ).toBe(201);
    const stepCount = clean.steps.length;
    expect(stepCount).toBeGreaterThanOrEqual(5);

    for (let at = 1; at <= stepCount; at++) {
      const slug = `crash-post-${at}`;
      await createPlace(slug);
      const { bindings, steps } = bindingsDyingAt(at);
      const crashed = await sendWith(bindings, '/api/v1/reports', body(slug), reporter, slug);
      expect(crashed.status, `step ${at} (${steps[at - 1]})`).toBeGreaterThanOrEqual(500);

      await runScheduledRepair();
      const seen = await visibility(slug);
      const shown = seen.indexed;
      expect(shown === 0 || shown === 1, `step ${at}`).toBe(true);
      const expectedStates = shown === 1 ? ['active'] : [];
      expect(seen, `after the repair, dying at step ${at} (${steps[at - 1]})`).toMatchObject({
        reportCount: shown,
        listed: shown,
        history: expectedStates,
        everywhere: expectedStates,
        feed: shown === 1 ? ['report:new'] : [],
        allFeed: shown === 1 ? ['report:new'] : [],
      });

      const retry = await send('POST', '/api/v1/reports', body(slug), {
        as: 'reporter',
        headers: { 'idempotency-key': slug },
      });
      expect(retry.status).toBe(201);
      const after = await visibility(slug);
      expect(after, `after the retry, dying at step ${at}`).toMatchObject({
        indexed: 1,
        reportCount: 1,
        listed: 1,
        history: ['active'],
        everywhere: ['active'],
        feed: ['report:new'],
        allFeed: ['report:new'],
        deaths: (await json(retry)).id,
      });
    }
  });

  for (const kind of ['correction', 'retraction'] as const) {
    it(`leaves a ${kind} done everywhere after one repair or not at all, and its retry does it once`, {
      timeout: 120_000,
    }, async () => {
      const path = (id: string) =>
        `/api/v1/reports/${id}/${kind === 'correction' ? 'corrections' : 'retraction'}`;
      const body = (slug: string) =>
        kind === 'correction'
          ? { ...syntheticReport(slug, { figures: [deaths(4)] }), reason: 'Synthetic: recount.' }
          : { reason: 'Synthetic: withdrawn.' };
      const setUp = async (slug: string) => {
        await createPlace(slug);
        return (await postReport(syntheticReport(slug, { figures: [deaths(3)] }))).id as string;
      };
      const cleanId = await setUp(`crash-${kind}-clean`);
      const clean = bindingsDyingAt(Number.POSITIVE_INFINITY);
      expect(
        (
          await sendWith(
            clean.bindings,
            path(cleanId),
            body(`crash-${kind}-clean`),
            moderator,
            `${kind}-clean`,
          )
        ).status,
      ).toBe(201);
      const stepCount = clean.steps.length;

      const done = kind === 'correction' ? ['active', 'superseded'] : ['retracted'];
      for (let at = 1; at <= stepCount; at++) {
        const slug = `crash-${kind}-${at}`;
        const original = await setUp(slug);
        const { bindings, steps } = bindingsDyingAt(at);
        const crashed = await sendWith(bindings, path(original), body(slug), moderator, slug);
        expect(crashed.status, `step ${at} (${steps[at - 1]})`).toBeGreaterThanOrEqual(500);

        await runScheduledRepair();
        const seen = await visibility(slug);
        const happened = seen.history.join() === done.join();
        expect(happened || seen.history.join() === 'active', `step ${at}: ${seen.history}`).toBe(true);
        expect(seen.everywhere, `step ${at}`).toEqual(seen.history);
        expect(seen.deaths === original, `step ${at}`).toBe(!happened);

        const retry = await send('POST', path(original), body(slug), {
          as: 'moderator',
          headers: { 'idempotency-key': slug },
        });
        expect(retry.status, `retry after step ${at}`).toBe(201);
        const after = await visibility(slug);
        expect(after.history, `after the retry, dying at step ${at}`).toEqual(done);
        expect(after.everywhere).toEqual(done);
        expect(after.feed).toEqual([`change:${kind}`, `report:${kind}`]);
        expect(after.allFeed).toEqual([`change:${kind}`, `report:${kind}`]);
        expect(after.deaths).toBe(kind === 'correction' ? (await json(retry)).id : undefined);
      }
    });
  }

  it("completes a correction whose writer died part-way through its facts, from the writer's own record", {
    timeout: 60_000,
  }, async () => {
    for (let at = 1; at <= 5; at++) {
      const slug = `crash-writer-${at}`;
      await createPlace(slug);
      const original = await postReport(syntheticReport(slug, { figures: [deaths(3)] }));
      const stub = writers.place(slug);
      let steps = 0;
      await wrapWriterKv(stub, (kv) =>
        dying(kv, 'kv', () => {
          if (++steps >= at) throw new Error(`injected crash of the writer at step ${steps}`);
        }),
      );
      const response = await send(
        'POST',
        `/api/v1/reports/${original.id}/corrections`,
        { ...syntheticReport(slug, { figures: [deaths(4)] }), reason: 'Synthetic: recount.' },
        { as: 'moderator' },
      );
      // The decision was recorded before the writer died: it stands, and is finished later.
      expect(response.status).toBe(201);
      const correction = await json(response);
      await evictDurableObject(stub);
      await runDurableObjectAlarm(stub);
      const seen = await visibility(slug);
      expect(seen.history, `writer dying at step ${at}`).toEqual(['active', 'superseded']);
      expect(seen.everywhere).toEqual(['active', 'superseded']);
      expect(seen.deaths).toBe(correction.id);
      expect(seen.feed).toEqual(['change:correction', 'report:correction']);
    }
  });

  it("completes a chain withdrawal whose writer died part-way through its facts, from the writer's own record", {
    timeout: 120_000,
  }, async () => {
    // Three retractions and three index entries: dying at any of them leaves the intent.
    for (let at = 1; at <= 6; at++) {
      const slug = `crash-chain-${at}`;
      await createPlace(slug);
      const earlier = await postReport(syntheticReport(slug, { observed: '2024-01', figures: [deaths(2)] }));
      const original = await postReport(syntheticReport(slug, { figures: [deaths(3)] }));
      const first = await correct(original.id, { figures: [deaths(4)] });
      const second = await correct(first, { figures: [deaths(5)] });
      const stub = writers.place(slug);
      let steps = 0;
      await wrapWriterKv(stub, (kv) =>
        dying(kv, 'kv', () => {
          if (++steps >= at) throw new Error(`injected crash of the writer at step ${steps}`);
        }),
      );
      const response = await send(
        'POST',
        `/api/v1/reports/${original.id}/retraction`,
        { reason: 'Synthetic: withdrawn.' },
        { as: 'moderator' },
      );
      expect(response.status).toBe(201);
      await evictDurableObject(stub);
      await runDurableObjectAlarm(stub);
      const seen = await visibility(slug);
      expect(seen.history, `writer dying at step ${at}`).toEqual([
        'active',
        'retracted',
        'retracted',
        'retracted',
      ]);
      expect(seen.everywhere).toEqual(seen.history);
      expect(seen.deaths).toBe(earlier.id);
      expect(seen.feed).not.toContain('restored');
      for (const id of [original.id, first, second]) {
        expect((await json(await call(`/api/v1/reports/${id}`))).retraction?.withdrawnWithChainOf).toBe(
          original.id,
        );
      }
    }
  });
});
