import { describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { deaths, syntheticReport } from '../support/builders.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

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

  it('are refused for a superseded report, pointing at the report that superseded it', async () => {
    await createPlace('corr3');
    const original = await postReport(syntheticReport('corr3'));
    const body = { ...syntheticReport('corr3'), reason: 'Synthetic.' };
    const first = await json(
      await send('POST', `/api/v1/reports/${original.id}/corrections`, body, { as: 'moderator' }),
    );
    const again = await send('POST', `/api/v1/reports/${original.id}/corrections`, body, { as: 'moderator' });
    expect(again.status).toBe(409);
    expect((await json(again)).detail).toContain(first.id);
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
