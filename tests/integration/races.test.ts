// Decisions that must not race, sent at the same instant, many times over: each is made by
// the writer of the report's place (or the Idempotency-Key's keeper), one at a time, so
// exactly one of two rival requests wins and nothing is stored twice. SYNTHETIC data.

import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { historyKey } from '../../src/store/keys.ts';
import { call, json, send } from '../support/api.ts';
import { deaths, syntheticReport } from '../support/builders.ts';
import { indexedCount } from '../support/kv.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

const correct = (id: string, value: number, place: string, headers: Record<string, string> = {}) =>
  send(
    'POST',
    `/api/v1/reports/${id}/corrections`,
    { ...syntheticReport(place, { figures: [deaths(value)] }), reason: `Synthetic: recount to ${value}.` },
    { as: 'moderator', headers },
  );

const retract = (id: string) =>
  send('POST', `/api/v1/reports/${id}/retraction`, { reason: 'Synthetic: withdrawn.' }, { as: 'moderator' });

/**
 * A test of many tries checks who wins, not how fast: on a loaded two-core machine its 32
 * rounds took longer than the default 5 s once, so it gets more time.
 */
const manyTries = 30_000;

async function historyStates(slug: string): Promise<string[]> {
  const { reports } = await json(await call(`/api/v1/places/${slug}/reports`));
  return reports.map((r: { state: string }) => r.state).sort();
}

describe('two moderations of one report at once', () => {
  it(
    'two corrections: exactly one is accepted and the other is 409, every time (16 tries)',
    async () => {
      await createPlace('race-correct');
      for (let attempt = 0; attempt < 16; attempt++) {
        const original = await postReport(syntheticReport('race-correct', { figures: [deaths(100)] }));
        const answers = await Promise.all([
          correct(original.id, 101, 'race-correct'),
          correct(original.id, 102, 'race-correct'),
        ]);
        expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
        const winner = await json((answers.find((a) => a.status === 201) ?? answers[0]) as Response);
        const old = await json(await call(`/api/v1/reports/${original.id}`));
        expect(old).toMatchObject({ state: 'superseded', supersededBy: winner.id });
      }
      // Every winner is in the feed once, as a correction and in the entry it corrects, and the
      // losers stored nothing.
      const feed = await json(await call('/feeds/places/race-correct.json?limit=100'));
      const entries = feed.items.map(
        (item: { _humanitarian: { entry: string; change: string } }) =>
          `${item._humanitarian.entry}:${item._humanitarian.change}`,
      );
      expect(entries.sort()).toEqual([
        ...Array(16).fill('change:correction'),
        ...Array(16).fill('report:correction'),
      ]);
      expect(await indexedCount('race-correct')).toBe(32);
      expect(await historyStates('race-correct')).toEqual([
        ...Array(16).fill('active'),
        ...Array(16).fill('superseded'),
      ]);
    },
    manyTries,
  );

  it(
    'a correction and a retraction: exactly one is accepted, every time (32 tries)',
    async () => {
      await createPlace('race-mixed');
      let corrected = 0;
      for (let attempt = 0; attempt < 32; attempt++) {
        const original = await postReport(syntheticReport('race-mixed', { figures: [deaths(200)] }));
        const [correction, retraction] = await Promise.all([
          correct(original.id, 201, 'race-mixed'),
          retract(original.id),
        ]);
        expect([correction.status, retraction.status].sort()).toEqual([201, 409]);
        const view = await json(await call(`/api/v1/reports/${original.id}`));
        if (correction.status === 201) {
          corrected++;
          expect(view.state).toBe('superseded');
          expect((await json(correction)).state).toBe('active');
        } else {
          expect(view.state).toBe('retracted');
        }
      }
      const states = await historyStates('race-mixed');
      expect(states.filter((s) => s === 'superseded')).toHaveLength(corrected);
      expect(states.filter((s) => s === 'retracted')).toHaveLength(32 - corrected);
      expect(states.filter((s) => s === 'active')).toHaveLength(corrected);
    },
    manyTries,
  );
});

describe('the withdrawal of a chain and a moderation of its current version at once', () => {
  it(
    'with a correction: exactly one is accepted, and the chain is withdrawn whole or corrected (8 tries)',
    async () => {
      await createPlace('race-chain');
      for (let attempt = 0; attempt < 8; attempt++) {
        const original = await postReport(syntheticReport('race-chain', { figures: [deaths(300)] }));
        const current = await json(await correct(original.id, 301, 'race-chain'));
        const [withdrawal, rival] = await Promise.all([
          retract(original.id),
          correct(current.id, 302, 'race-chain'),
        ]);
        expect([withdrawal.status, rival.status].sort()).toEqual([201, 409]);
        const states = await Promise.all(
          [original.id, current.id].map(
            async (id) => (await json(await call(`/api/v1/reports/${id}`))).state,
          ),
        );
        expect(states).toEqual(
          withdrawal.status === 201 ? ['retracted', 'retracted'] : ['superseded', 'superseded'],
        );
      }
    },
    manyTries,
  );

  it(
    'with a retraction of the current version: every version ends retracted, and none is left half withdrawn (8 tries)',
    async () => {
      await createPlace('race-chain-retract');
      for (let attempt = 0; attempt < 8; attempt++) {
        const original = await postReport(syntheticReport('race-chain-retract', { figures: [deaths(300)] }));
        const current = await json(await correct(original.id, 301, 'race-chain-retract'));
        const [withdrawal] = await Promise.all([retract(original.id), retract(current.id)]);
        // Retracting the current version first makes the original current again, which the
        // withdrawal then retracts: either way, both end retracted.
        expect(withdrawal.status).toBe(201);
        for (const id of [original.id, current.id]) {
          expect((await json(await call(`/api/v1/reports/${id}`))).state).toBe('retracted');
        }
      }
    },
    manyTries,
  );
});

describe('one Idempotency-Key sent twice at once', () => {
  it(
    'with two bodies: one 201 and one 409, and one report stored (10 tries)',
    async () => {
      await createPlace('race-key');
      for (let attempt = 0; attempt < 10; attempt++) {
        const headers = { 'idempotency-key': `race-key-${attempt}` };
        const answers = await Promise.all(
          [1, 2].map((n) =>
            send(
              'POST',
              '/api/v1/reports',
              // close together, so no figure is ten times another (a plausibility warning)
              syntheticReport('race-key', { figures: [deaths(100 + attempt * 2 + n)] }),
              {
                as: 'reporter',
                headers,
              },
            ),
          ),
        );
        expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      }
      expect(await indexedCount('race-key')).toBe(10);
      expect((await json(await call('/api/v1/places/race-key'))).reportCount).toBe(10);
    },
    manyTries,
  );

  it(
    'with the same body: both answer the same report, the second as a replay, and it is stored once (10 tries)',
    async () => {
      await createPlace('race-same');
      for (let attempt = 0; attempt < 10; attempt++) {
        const body = syntheticReport('race-same', { figures: [deaths(attempt)] });
        const headers = { 'idempotency-key': `race-same-${attempt}` };
        const answers = await Promise.all(
          [0, 1].map(() => send('POST', '/api/v1/reports', body, { as: 'reporter', headers })),
        );
        expect(answers.map((a) => a.status)).toEqual([201, 201]);
        const [first, second] = await Promise.all(answers.map((a) => json(a)));
        expect(second.id).toBe(first.id);
        expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
        expect(await env.STATUS_KV.get(historyKey(first.id))).not.toBeNull();
      }
      expect(await indexedCount('race-same')).toBe(10);
      expect((await json(await call('/api/v1/places/race-same'))).reportCount).toBe(10);
    },
    manyTries,
  );
});

describe('a correction filed under another place', () => {
  it('supersedes the original in both places, and a second correction of it is refused', async () => {
    await createPlace('misfiled-here');
    await createPlace('misfiled-there');
    const original = await postReport(syntheticReport('misfiled-here', { figures: [deaths(40)] }));
    const moved = await correct(original.id, 40, 'misfiled-there');
    expect(moved.status).toBe(201);
    const correction = await json(moved);

    const here = await json(await call('/api/v1/places/misfiled-here'));
    expect(here.status.indicators.civilian_deaths).toBeUndefined();
    expect(here.reportCount).toBe(1);
    const there = await json(await call('/api/v1/places/misfiled-there'));
    expect(there.status.indicators.civilian_deaths).toMatchObject({
      report: correction.id,
      figure: { value: 40 },
    });
    expect(await json(await call(`/api/v1/reports/${original.id}`))).toMatchObject({
      state: 'superseded',
      supersededBy: correction.id,
    });
    const [inHistory] = (await json(await call('/api/v1/places/misfiled-here/reports'))).reports;
    expect(inHistory).toMatchObject({ id: original.id, state: 'superseded', supersededBy: correction.id });

    // The original's place's feed announces the correction and shows its entry corrected, and
    // the list of places counts the deaths once.
    const feedHere = await json(await call('/feeds/places/misfiled-here.json'));
    expect(feedHere.items.map((i: { _humanitarian: { entry: string } }) => i._humanitarian.entry)).toEqual([
      'change',
      'report',
    ]);
    for (const item of feedHere.items) {
      expect(item._humanitarian).toMatchObject({
        change: 'correction',
        report: correction.id,
        place: { slug: 'misfiled-there' },
      });
    }
    const { places } = await json(await call('/api/v1/places'));
    const misfiled = places.filter((p: { slug: string }) => p.slug.startsWith('misfiled-'));
    const withDeaths = misfiled.filter((p: { indicators: object }) => 'civilian_deaths' in p.indicators);
    expect(withDeaths.map((p: { slug: string }) => p.slug)).toEqual(['misfiled-there']);

    const again = await correct(original.id, 41, 'misfiled-here');
    expect(again.status).toBe(409);
    const { detail } = await json(again);
    // The correction that superseded it is named by its own place and dates, never by its id.
    expect(detail).toMatch(
      /^A correction replaced the report on misfiled-here \(synthetic\) .+: the report on misfiled-there \(synthetic\) observed /,
    );
    expect(detail).not.toContain(correction.id);
  });

  it('retracted, gives the original back to its place, which may then be corrected again', async () => {
    await createPlace('misfiled-a');
    await createPlace('misfiled-b');
    const original = await postReport(syntheticReport('misfiled-a', { figures: [deaths(7)] }));
    const correction = await json(await correct(original.id, 7, 'misfiled-b'));
    expect((await retract(correction.id)).status).toBe(201);

    const a = await json(await call('/api/v1/places/misfiled-a'));
    expect(a.status.indicators.civilian_deaths).toMatchObject({ report: original.id });
    const b = await json(await call('/api/v1/places/misfiled-b'));
    expect(b.status.indicators.civilian_deaths).toBeUndefined();
    expect((await json(await call(`/api/v1/reports/${original.id}`))).state).toBe('active');
    expect((await correct(original.id, 8, 'misfiled-a')).status).toBe(201);
  });
});
