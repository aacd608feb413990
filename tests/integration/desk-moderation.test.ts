import { describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { manual, postForm, sameSite, signIn as signInWith } from '../support/desk.ts';
import { correct } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

/** A form posted from this site with the session's cookie. */
const postFormWith = (path: string, cookie: string, fields: Record<string, string>) =>
  postForm(path, fields, { ...sameSite, cookie });

const signIn = async (token: string) => {
  const { cookie, formToken } = await signInWith(token);
  return { cookie, formToken };
};

let places = 0;

/** A SYNTHETIC report of a place of its own: electricity cut, at least 120 killed. */
async function aReport(): Promise<{ id: string; place: string }> {
  const slug = `moderation-${++places}`;
  expect((await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' })).status).toBe(201);
  const report = syntheticReport(slug, {
    figures: [
      { indicator: 'electricity', state: 'unavailable' },
      { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least', note: 'SYNTHETIC note' },
    ],
  });
  const response = await send('POST', '/api/v1/reports', report, { as: 'reporter' });
  expect(response.status).toBe(201);
  return json(response);
}

describe('moderating at the desk', () => {
  it('is linked from every report’s page for a signed-in writer, and open to moderators only', async () => {
    const report = await aReport();
    const reporter = await signIn(testTokens.reporter.token);
    const page = await (await call(`/reports/${report.id}`, { headers: { cookie: reporter.cookie } })).text();
    expect(page).toContain(
      `<a href="/desk/reports/${report.id}">Correct or retract this report at the desk</a>`,
    );
    const refused = await call(`/desk/reports/${report.id}`, {
      ...manual,
      headers: { cookie: reporter.cookie },
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('may not correct or retract');
    const moderator = await signIn(testTokens.moderator.token);
    const desk = await call(`/desk/reports/${report.id}`, {
      ...manual,
      headers: { cookie: moderator.cookie },
    });
    expect(desk.status).toBe(200);
    const html = await desk.text();
    expect(html).toContain(`href="/desk/reports/${report.id}/correction?figure=civilian_deaths"`);
    expect(html).toContain('Withdraw this report');
  });

  it('corrects one figure from a form prefilled with it, and keeps the rest of the report', async () => {
    const report = await aReport();
    const { cookie, formToken } = await signIn(testTokens.moderator.token);
    const form = await (
      await call(`/desk/reports/${report.id}/correction?figure=civilian_deaths`, {
        ...manual,
        headers: { cookie },
      })
    ).text();
    expect(form).toMatch(/id="field-civilian_deaths-value"[^>]*value="120"/);
    expect(form).toContain('<option value="at_least" selected="">');
    expect(form).toMatch(/SYNTHETIC note/);
    expect(form).not.toContain('field-electricity-state');
    const response = await postFormWith(`/desk/reports/${report.id}/correction`, cookie, {
      formToken,
      figure: 'civilian_deaths',
      'civilian_deaths.value': '112',
      'civilian_deaths.qualifier': 'exact',
      'civilian_deaths.note': 'SYNTHETIC note',
      reason: 'SYNTHETIC: the official count',
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    const correction = await json(await call(`/api/v1${location}`));
    expect(correction.corrects).toEqual({ report: report.id, reason: 'SYNTHETIC: the official count' });
    expect(correction.figures).toEqual([
      { indicator: 'electricity', state: 'unavailable' },
      {
        indicator: 'civilian_deaths',
        value: 112,
        qualifier: 'exact',
        basis: 'total',
        note: 'SYNTHETIC note',
      },
    ]);
    const page = await (await call(location)).text();
    expect(page).toContain('<del>at least 120</del> → <ins>112</ins>');
  });

  it('shows a correction’s warnings to confirm, and publishes it only once they are confirmed', async () => {
    const report = await aReport();
    const { cookie, formToken } = await signIn(testTokens.moderator.token);
    const fields = {
      formToken,
      figure: 'civilian_deaths',
      'civilian_deaths.value': '12.000',
      'civilian_deaths.qualifier': 'exact',
      reason: 'SYNTHETIC: the official count',
    };
    const unconfirmed = await postFormWith(`/desk/reports/${report.id}/correction?lang=nl`, cookie, fields);
    expect(unconfirmed.status).toBe(422);
    const page = await unconfirmed.text();
    expect(page).toContain('is meer dan 10 keer hoger dan het huidige cijfer (120)');
    expect(page).toContain('name="confirm" value="far-from-current"');
    expect(page).toMatch(/id="field-civilian_deaths-value"[^>]*value="12.000"/);
    expect((await json(await call(`/api/v1/reports/${report.id}`))).state).toBe('active');
    const confirmed = await postFormWith(`/desk/reports/${report.id}/correction`, cookie, {
      ...fields,
      confirm: 'far-from-current',
    });
    expect(confirmed.status).toBe(303);
    expect((await json(await call(`/api/v1/reports/${report.id}`))).state).toBe('superseded');
  });

  it('asks for a reason, beside its field, and stores nothing without one', async () => {
    const report = await aReport();
    const { cookie, formToken } = await signIn(testTokens.moderator.token);
    const response = await postFormWith(`/desk/reports/${report.id}/correction`, cookie, {
      formToken,
      figure: 'civilian_deaths',
      'civilian_deaths.value': '112',
      reason: '',
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('This field is required');
    expect((await json(await call(`/api/v1/reports/${report.id}`))).state).toBe('active');
  });

  it('retracts a report with a reason, and says so when it is already retracted', async () => {
    const report = await aReport();
    const { cookie, formToken } = await signIn(testTokens.moderator.token);
    const response = await postFormWith(`/desk/reports/${report.id}/retraction`, cookie, {
      formToken,
      reason: 'SYNTHETIC: withdrawn by the source',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/reports/${report.id}`);
    const view = await json(await call(`/api/v1/reports/${report.id}`));
    expect(view).toMatchObject({
      state: 'retracted',
      retraction: { reason: 'SYNTHETIC: withdrawn by the source' },
    });
    const again = await postFormWith(`/desk/reports/${report.id}/retraction`, cookie, {
      formToken,
      reason: 'SYNTHETIC',
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('This report cannot be moderated now');
  });

  it('offers a superseded version no correction but its current version, and withdraws its whole chain', async () => {
    const report = await aReport();
    const first = await correct(report.id, {
      figures: [{ indicator: 'civilian_deaths', value: 121, qualifier: 'at_least' }],
    });
    const second = await correct(first, {
      figures: [{ indicator: 'civilian_deaths', value: 122, qualifier: 'at_least' }],
    });
    const { cookie, formToken } = await signIn(testTokens.moderator.token);
    const publicPage = await (await call(`/reports/${report.id}`, { headers: { cookie } })).text();
    expect(publicPage).toMatch(
      new RegExp(`<a href="/reports/${second}">The current version, published [^<]+</a>`),
    );
    expect(publicPage).toContain(
      `<a href="/desk/reports/${report.id}">Withdraw this report and its corrections at the desk</a>`,
    );
    expect(publicPage).not.toContain('Correct or retract this report');

    const desk = await (await call(`/desk/reports/${report.id}`, { ...manual, headers: { cookie } })).text();
    expect(desk).not.toContain('/correction?figure=');
    expect(desk).toMatch(
      new RegExp(`<a href="/desk/reports/${second}">The current version, published [^<]+</a>`),
    );
    expect(desk).toContain('This withdraws the report and its 2 corrections');
    expect(desk).toContain(`action="/desk/reports/${report.id}/retraction"`);
    const current = await (await call(`/desk/reports/${second}`, { ...manual, headers: { cookie } })).text();
    expect(current).toContain(`/desk/reports/${second}/correction?figure=civilian_deaths`);
    expect(current).toContain('This withdraws the report and its 2 corrections');

    const response = await postFormWith(`/desk/reports/${report.id}/retraction`, cookie, {
      formToken,
      reason: 'SYNTHETIC: the whole story was withdrawn',
    });
    expect(response.status).toBe(303);
    for (const id of [report.id, first, second]) {
      expect(await json(await call(`/api/v1/reports/${id}`))).toMatchObject({
        state: 'retracted',
        retraction: { reason: 'SYNTHETIC: the whole story was withdrawn', withdrawnWithChainOf: report.id },
      });
    }
    expect(await (await call(`/reports/${first}`)).text()).toContain('Withdrawn with its corrections');
  });

  it('says why it refuses by the report’s place and dates, never its id', async () => {
    const report = await aReport();
    const first = await correct(report.id, {
      figures: [{ indicator: 'civilian_deaths', value: 121, qualifier: 'at_least' }],
    });
    const { cookie, formToken } = await signIn(testTokens.moderator.token);
    const corrected = await postFormWith(`/desk/reports/${report.id}/correction`, cookie, {
      formToken,
      figure: 'civilian_deaths',
      'civilian_deaths.value': '130',
      'civilian_deaths.qualifier': 'at_least',
      reason: 'SYNTHETIC',
    });
    expect(corrected.status).toBe(409);
    const text = await corrected.text();
    expect(text).toMatch(
      /A correction replaced the report on [^<]+ observed 15 March 2024, published [^<]+ UTC: the report on/,
    );
    await postFormWith(`/desk/reports/${first}/retraction`, cookie, { formToken, reason: 'SYNTHETIC' });
    await postFormWith(`/desk/reports/${report.id}/retraction`, cookie, { formToken, reason: 'SYNTHETIC' });
    const again = await postFormWith(`/desk/reports/${report.id}/retraction`, cookie, {
      formToken,
      reason: 'SYNTHETIC',
    });
    expect(again.status).toBe(409);
    const refusal = await again.text();
    expect(refusal).toMatch(
      /Already withdrawn: the report on [^<]+ observed 15 March 2024, published [^<]+ UTC\./,
    );
    const message = refusal.slice(
      refusal.indexOf('role="alert"'),
      refusal.indexOf('</ul>', refusal.indexOf('role="alert"')),
    );
    expect(message).not.toContain(report.id);
    expect(message).not.toContain(first);
    expect(text).not.toContain(`${first};`);
  });
});
