import { describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { deaths, syntheticReport } from '../support/builders.ts';
import { correct, createPlace, postReport } from '../support/seed-api.ts';

async function currentDeaths(slug: string) {
  const { status } = await json(await call(`/api/v1/places/${slug}`));
  return status.indicators.civilian_deaths;
}

describe('corrections', () => {
  it('supersede the corrected report, which stays readable, and change the status', async () => {
    await createPlace('corr');
    const original = await postReport(syntheticReport('corr', { figures: [deaths(120)] }));
    const response = await send(
      'POST',
      `/api/v1/reports/${original.id}/corrections`,
      {
        ...syntheticReport('corr', { figures: [deaths(112, 'exact')] }),
        reason: 'Synthetic: the count was revised.',
      },
      { as: 'moderator' },
    );
    expect(response.status).toBe(201);
    const correction = await json(response);
    expect(response.headers.get('location')).toBe(`/api/v1/reports/${correction.id}`);
    expect(correction.corrects).toEqual({ report: original.id, reason: 'Synthetic: the count was revised.' });

    expect(await currentDeaths('corr')).toMatchObject({ report: correction.id, figure: { value: 112 } });
    const old = await json(await call(`/api/v1/reports/${original.id}`));
    expect(old).toMatchObject({ id: original.id, state: 'superseded', supersededBy: correction.id });
    expect(old.figures).toEqual([deaths(120)]);

    const history = await json(await call('/api/v1/places/corr/reports'));
    expect(history.reports.map((r: { id: string; state: string }) => [r.id, r.state])).toEqual([
      [correction.id, 'active'],
      [original.id, 'superseded'],
    ]);
  });

  it('need the moderate scope', async () => {
    await createPlace('corr2');
    const original = await postReport(syntheticReport('corr2'));
    const body = { ...syntheticReport('corr2'), reason: 'Synthetic.' };
    const asReporter = await send('POST', `/api/v1/reports/${original.id}/corrections`, body, {
      as: 'reporter',
    });
    expect(asReporter.status).toBe(403);
    const anonymous = await send('POST', `/api/v1/reports/${original.id}/corrections`, body);
    expect(anonymous.status).toBe(401);
    expect((await json(await call(`/api/v1/reports/${original.id}`))).state).toBe('active');
  });

  it('are refused for a superseded report, naming it and the report that superseded it by place and dates', async () => {
    await createPlace('corr3');
    const original = await postReport(syntheticReport('corr3'));
    const body = { ...syntheticReport('corr3'), reason: 'Synthetic.' };
    const first = await json(
      await send('POST', `/api/v1/reports/${original.id}/corrections`, body, { as: 'moderator' }),
    );
    const again = await send('POST', `/api/v1/reports/${original.id}/corrections`, body, { as: 'moderator' });
    expect(again.status).toBe(409);
    const { detail } = await json(again);
    expect(detail).toMatch(
      /^A correction replaced the report on corr3 \(synthetic\) observed 15 March 2024, published .+ UTC: the report on corr3 \(synthetic\) observed 15 March 2024, published .+ UTC\. Correct that one instead/,
    );
    expect(detail).not.toContain(first.id);
    expect(detail).not.toContain(original.id);
  });

  it('answer 404 for an unknown report and 422 without a reason', async () => {
    await createPlace('corr4');
    const unknown = await send(
      'POST',
      '/api/v1/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV/corrections',
      { ...syntheticReport('corr4'), reason: 'Synthetic.' },
      { as: 'moderator' },
    );
    expect(unknown.status).toBe(404);
    const original = await postReport(syntheticReport('corr4'));
    const noReason = await send(
      'POST',
      `/api/v1/reports/${original.id}/corrections`,
      syntheticReport('corr4'),
      {
        as: 'moderator',
      },
    );
    expect(noReason.status).toBe(422);
    expect((await json(noReason)).errors).toContainEqual(
      expect.objectContaining({ pointer: '/reason', rule: 'required' }),
    );
  });
});

describe('retractions', () => {
  it('withdraw a report with a reason and time, and the status falls back to the previous report', async () => {
    await createPlace('retr');
    const older = await postReport(syntheticReport('retr', { observed: '2024-01', figures: [deaths(40)] }));
    const newer = await postReport(syntheticReport('retr', { observed: '2024-02', figures: [deaths(90)] }));
    expect((await currentDeaths('retr')).report).toBe(newer.id);

    const response = await send(
      'POST',
      `/api/v1/reports/${newer.id}/retraction`,
      { reason: 'Synthetic: the source withdrew the figure.' },
      { as: 'moderator' },
    );
    expect(response.status).toBe(201);
    const retracted = await json(response);
    expect(retracted).toMatchObject({
      id: newer.id,
      state: 'retracted',
      retraction: { reason: 'Synthetic: the source withdrew the figure.' },
    });
    expect(Date.parse(retracted.retraction.retracted)).not.toBeNaN();
    expect(await json(await call(`/api/v1/reports/${newer.id}`))).toEqual(retracted);
    expect(await currentDeaths('retr')).toMatchObject({ report: older.id, figure: { value: 40 } });

    const { status } = await json(await call('/api/v1/places/retr'));
    expect(status.updated).toBe(retracted.retraction.retracted);
  });

  it('leave an indicator without a value when nothing else reported it', async () => {
    await createPlace('retr2');
    const only = await postReport(syntheticReport('retr2', { figures: [deaths(5)] }));
    await send(
      'POST',
      `/api/v1/reports/${only.id}/retraction`,
      { reason: 'Synthetic.' },
      { as: 'moderator' },
    );
    expect(await currentDeaths('retr2')).toBeUndefined();
    const { places } = await json(await call('/api/v1/places'));
    expect(places.find((p: { slug: string }) => p.slug === 'retr2').indicators).toEqual({});
  });

  it('are refused twice, and for a report that was corrected', async () => {
    await createPlace('retr3');
    const report = await postReport(syntheticReport('retr3'));
    await send(
      'POST',
      `/api/v1/reports/${report.id}/retraction`,
      { reason: 'Synthetic.' },
      { as: 'moderator' },
    );
    const twice = await send(
      'POST',
      `/api/v1/reports/${report.id}/retraction`,
      { reason: 'Again.' },
      { as: 'moderator' },
    );
    expect(twice.status).toBe(409);
    const correctRetracted = await send(
      'POST',
      `/api/v1/reports/${report.id}/corrections`,
      { ...syntheticReport('retr3'), reason: 'Synthetic.' },
      { as: 'moderator' },
    );
    expect(correctRetracted.status).toBe(409);
  });

  it('of a correction bring back the report it corrected', async () => {
    await createPlace('retr4');
    const original = await postReport(syntheticReport('retr4', { figures: [deaths(10)] }));
    const correction = await json(
      await send(
        'POST',
        `/api/v1/reports/${original.id}/corrections`,
        { ...syntheticReport('retr4', { figures: [deaths(99)] }), reason: 'Synthetic.' },
        { as: 'moderator' },
      ),
    );
    await send(
      'POST',
      `/api/v1/reports/${correction.id}/retraction`,
      { reason: 'Synthetic: wrong correction.' },
      { as: 'moderator' },
    );
    expect(await currentDeaths('retr4')).toMatchObject({ report: original.id, figure: { value: 10 } });
    expect((await json(await call(`/api/v1/reports/${original.id}`))).state).toBe('active');
    for (const path of ['/api/v1/reports', '/api/v1/places/retr4/reports']) {
      const { reports } = await json(await call(path));
      const states = Object.fromEntries(reports.map((r: { id: string; state: string }) => [r.id, r.state]));
      expect(states[original.id]).toBe('active');
      expect(states[correction.id]).toBe('retracted');
    }
  });
});

describe('status derivation across reports', () => {
  it('takes each indicator from the latest observation, not the latest upload', async () => {
    await createPlace('order');
    const recent = await postReport(syntheticReport('order', { observed: '2024-03', figures: [deaths(50)] }));
    await postReport(
      syntheticReport('order', {
        observed: '2023-12',
        figures: [deaths(20), { indicator: 'gas', state: 'available' }],
      }),
    );
    const { status } = await json(await call('/api/v1/places/order'));
    expect(status.indicators.civilian_deaths.report).toBe(recent.id);
    expect(status.indicators.gas.figure.state).toBe('available');
  });
});

/** A SYNTHETIC chain: an earlier unrelated report, then an original corrected twice. */
async function aChain(slug: string) {
  await createPlace(slug);
  const earlier = await postReport(syntheticReport(slug, { observed: '2024-01', figures: [deaths(40)] }));
  const original = await postReport(syntheticReport(slug, { observed: '2024-02', figures: [deaths(90)] }));
  const first = await correct(original.id, { figures: [deaths(95)] });
  const second = await correct(first, { figures: [deaths(97)] });
  return { earlier: earlier.id, original: original.id, first, second };
}

describe('the retraction of a superseded report', () => {
  it('withdraws the original and every correction in one step, restoring none, and the status falls back as if the chain had never been', async () => {
    const chain = await aChain('chain');
    expect(await currentDeaths('chain')).toMatchObject({ report: chain.second, figure: { value: 97 } });
    const response = await send(
      'POST',
      `/api/v1/reports/${chain.original}/retraction`,
      { reason: 'Synthetic: the source withdrew the whole story.' },
      { as: 'moderator' },
    );
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer).toMatchObject({
      id: chain.original,
      state: 'retracted',
      retraction: {
        reason: 'Synthetic: the source withdrew the whole story.',
        withdrawnWithChainOf: chain.original,
      },
    });

    expect(await currentDeaths('chain')).toMatchObject({ report: chain.earlier, figure: { value: 40 } });
    for (const id of [chain.original, chain.first, chain.second]) {
      const view = await json(await call(`/api/v1/reports/${id}`));
      expect(view.state, id).toBe('retracted');
      expect(view.retraction).toEqual(answer.retraction);
      expect(view.restored).toBeUndefined();
      expect(view.supersededBy).toBeUndefined();
    }
    for (const path of ['/api/v1/reports', '/api/v1/places/chain/reports']) {
      const { reports } = await json(await call(path));
      const ofChain = reports.filter((r: { place: string }) => r.place === 'chain');
      expect(ofChain.map((r: { id: string; state: string }) => [r.id, r.state])).toEqual([
        [chain.second, 'retracted'],
        [chain.first, 'retracted'],
        [chain.original, 'retracted'],
        [chain.earlier, 'active'],
      ]);
      expect(ofChain.some((r: { restoredFrom?: string }) => r.restoredFrom)).toBe(false);
    }
    for (const path of ['/feeds/places/chain.json', '/feeds/all.json?limit=200']) {
      const feed = await json(await call(path));
      const items = feed.items.filter(
        (i: { _humanitarian: { place: { slug: string } } }) => i._humanitarian.place.slug === 'chain',
      );
      const changes = items.map((i: { _humanitarian: { change: string } }) => i._humanitarian.change);
      expect(changes, path).not.toContain('restored');
      expect(changes, path).toContain('retraction');
      expect(JSON.stringify(items)).not.toContain('Restored:');
    }
  });

  it('withdraws the chain from any superseded version, and a retry of the same request changes nothing', async () => {
    const chain = await aChain('chain-middle');
    const body = { reason: 'Synthetic: withdrawn.' };
    const headers = { 'idempotency-key': 'chain-middle-withdrawal' };
    const first = await send('POST', `/api/v1/reports/${chain.first}/retraction`, body, {
      as: 'moderator',
      headers,
    });
    expect(first.status).toBe(201);
    const again = await send('POST', `/api/v1/reports/${chain.first}/retraction`, body, {
      as: 'moderator',
      headers,
    });
    expect(again.status).toBe(201);
    expect(await json(again)).toEqual(await json(first));
    for (const id of [chain.original, chain.first, chain.second]) {
      expect((await json(await call(`/api/v1/reports/${id}`))).state, id).toBe('retracted');
    }
    expect(await currentDeaths('chain-middle')).toMatchObject({ report: chain.earlier });
  });

  it('keeps the meaning of retracting the current version: the version it corrected is current again', async () => {
    const chain = await aChain('chain-current');
    await send(
      'POST',
      `/api/v1/reports/${chain.second}/retraction`,
      { reason: 'Synthetic.' },
      { as: 'moderator' },
    );
    expect(await currentDeaths('chain-current')).toMatchObject({
      report: chain.first,
      figure: { value: 95 },
    });
    expect((await json(await call(`/api/v1/reports/${chain.original}`))).state).toBe('superseded');
  });

  it('is refused with a 409 naming the report by place and dates, never by id, once withdrawn', async () => {
    const chain = await aChain('chain-refused');
    await send(
      'POST',
      `/api/v1/reports/${chain.original}/retraction`,
      { reason: 'Synthetic.' },
      { as: 'moderator' },
    );
    const refused = await send(
      'POST',
      `/api/v1/reports/${chain.second}/retraction`,
      { reason: 'Synthetic: again.' },
      { as: 'moderator' },
    );
    expect(refused.status).toBe(409);
    const { detail } = await json(refused);
    expect(detail).toContain('the report on chain-refused (synthetic) observed February 2024, published');
    for (const id of Object.values(chain)) expect(detail).not.toContain(id);
  });

  it('refuses to withdraw in one step a chain one of whose versions is filed under another place', async () => {
    await createPlace('chain-here');
    await createPlace('chain-there');
    const original = await postReport(syntheticReport('chain-here', { figures: [deaths(3)] }));
    const moved = await correct(original.id, { place: 'chain-there' });
    const refused = await send(
      'POST',
      `/api/v1/reports/${original.id}/retraction`,
      { reason: 'Synthetic.' },
      { as: 'moderator' },
    );
    expect(refused.status).toBe(409);
    const { detail } = await json(refused);
    expect(detail).toContain('filed under another place');
    expect(detail).not.toContain(original.id);
    expect((await json(await call(`/api/v1/reports/${moved}`))).state).toBe('active');
    expect((await json(await call(`/api/v1/reports/${original.id}`))).state).toBe('superseded');
  });
});
