import { describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { manual, postForm, sameSite, signIn } from '../support/desk.ts';
import { correct } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

let places = 0;

async function aPlace(): Promise<string> {
  const slug = `whole-correction-${++places}`;
  expect((await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' })).status).toBe(201);
  return slug;
}

/** A SYNTHETIC report of a place of its own: electricity cut since about March, at least 120 killed. */
async function aReport(): Promise<{ id: string; place: string }> {
  const report = syntheticReport(await aPlace(), {
    figures: [
      {
        indicator: 'electricity',
        state: 'unavailable',
        since: { date: '2024-03', qualifier: 'approximately' },
        source: {
          name: 'SYNTHETIC grid operator',
          kind: 'official',
          language: 'en',
          url: 'https://example.org/grid',
        },
      },
      { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least', note: 'SYNTHETIC note' },
    ],
    summary: { text: 'SYNTHETIC: about 120 killed, no power.', language: 'en' },
  });
  const response = await send('POST', '/api/v1/reports', report, { as: 'reporter' });
  expect(response.status).toBe(201);
  return json(response);
}

const unescapeHtml = (text: string) =>
  text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

const attribute = (attributes: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];

/** The fields a browser sends for the form posted to `action`, as the page filled them in. */
function fieldsOf(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  expect(start).toBeGreaterThan(0);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const [, attributes = ''] of form.matchAll(/<input([^>]*)>/g)) {
    const name = attribute(attributes, 'name');
    const type = attribute(attributes, 'type');
    if (!name || type === 'checkbox' || type === 'submit') continue;
    fields[name] = unescapeHtml(attribute(attributes, 'value') ?? '');
  }
  for (const [, attributes = '', text = ''] of form.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attribute(attributes, 'name');
    if (name) fields[name] = unescapeHtml(text);
  }
  for (const [, attributes = '', options = ''] of form.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attribute(attributes, 'name');
    const chosen =
      /<option value="([^"]*)" selected/.exec(options) ?? /<option value="([^"]*)"/.exec(options);
    if (name && chosen) fields[name] = unescapeHtml(chosen[1] ?? '');
  }
  return fields;
}

/** A moderator's session, and the whole-correction form of report `id` as the desk fills it in. */
async function wholeForm(id: string, session?: { cookie: string }) {
  const { cookie } = session ?? (await signIn(testTokens.moderator.token));
  const page = await call(`/desk/reports/${id}/whole-correction`, { ...manual, headers: { cookie } });
  expect(page.status).toBe(200);
  const html = await page.text();
  const send = (fields: Record<string, string>, query = '') =>
    postForm(`/desk/reports/${id}/whole-correction${query}`, fields, { ...sameSite, cookie });
  return { cookie, html, fields: fieldsOf(html, `/desk/reports/${id}/whole-correction`), send };
}

describe('correcting a whole report at the desk', () => {
  it('is linked from the report’s desk page beside each figure’s quick correction, and filled in with the report', async () => {
    const report = await aReport();
    const { cookie } = await signIn(testTokens.moderator.token);
    const desk = await (await call(`/desk/reports/${report.id}`, { ...manual, headers: { cookie } })).text();
    expect(desk).toContain(
      `<a href="/desk/reports/${report.id}/whole-correction">Correct the whole report</a>`,
    );
    expect(desk).toContain(`href="/desk/reports/${report.id}/correction?figure=civilian_deaths"`);

    const { html, fields } = await wholeForm(report.id);
    expect(html).toContain('<h1>Correct the whole report</h1>');
    expect(fields).toMatchObject({
      place: report.place,
      observed: '2024-03-15',
      'summary.text': 'SYNTHETIC: about 120 killed, no power.',
      'summary.language': 'en',
      'source.name': 'Synthetic source',
      'source.kind': 'ngo',
      verification: 'unconfirmed',
      'electricity.state': 'unavailable',
      'electricity.since': '2024-03',
      'electricity.sinceQualifier': 'approximately',
      'electricity.sourceName': 'SYNTHETIC grid operator',
      'civilian_deaths.value': '120',
      'civilian_deaths.qualifier': 'at_least',
      'civilian_deaths.note': 'SYNTHETIC note',
      reason: '',
    });
    expect(html).toMatch(/<textarea[^>]*name="reason"[^>]*required/);
  });

  it('corrects the summary and adds a figure; the report’s page and the API show the correction and what changed', async () => {
    const report = await aReport();
    const { fields, send } = await wholeForm(report.id);
    const response = await send({
      ...fields,
      'summary.text': 'SYNTHETIC: 112 killed, no power, 8.000 remain.',
      'population_remaining.value': '8.000',
      'population_remaining.qualifier': 'approximately',
      reason: 'SYNTHETIC: the official count',
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    const correction = await json(await call(`/api/v1${location}`));
    expect(correction).toMatchObject({
      place: report.place,
      observed: '2024-03-15',
      summary: { text: 'SYNTHETIC: 112 killed, no power, 8.000 remain.', language: 'en' },
      corrects: { report: report.id, reason: 'SYNTHETIC: the official count' },
      state: 'active',
    });
    expect(correction.figures).toEqual([
      {
        indicator: 'electricity',
        state: 'unavailable',
        since: { date: '2024-03', qualifier: 'approximately' },
        // A figure whose fields were left as they were keeps what the form does not show.
        source: {
          name: 'SYNTHETIC grid operator',
          kind: 'official',
          language: 'en',
          url: 'https://example.org/grid',
        },
      },
      { indicator: 'population_remaining', value: 8000, qualifier: 'approximately', basis: 'total' },
      {
        indicator: 'civilian_deaths',
        value: 120,
        qualifier: 'at_least',
        basis: 'total',
        note: 'SYNTHETIC note',
      },
    ]);
    expect((await json(await call(`/api/v1/reports/${report.id}`))).state).toBe('superseded');
    const page = await (await call(location)).text();
    expect(page).toContain('SYNTHETIC: 112 killed, no power, 8.000 remain.');
    expect(page).toMatch(
      /<strong>Residents remaining<\/strong>: <del>not stated<\/del> → <ins>about 8,000<\/ins>/,
    );
    expect(page).not.toContain('<strong>Civilians killed</strong>: <del>');
  });

  it('drops a figure whose fields were emptied', async () => {
    const report = await aReport();
    const { fields, send } = await wholeForm(report.id);
    const response = await send({
      ...fields,
      'civilian_deaths.value': '',
      'civilian_deaths.note': '',
      reason: 'SYNTHETIC: the count was of another town',
    });
    expect(response.status).toBe(303);
    const correction = await json(await call(`/api/v1${response.headers.get('location')}`));
    expect(correction.figures.map((figure: { indicator: string }) => figure.indicator)).toEqual([
      'electricity',
    ]);
    const page = await (await call(response.headers.get('location') ?? '')).text();
    expect(page).toMatch(
      /<strong>Civilians killed<\/strong>: <del>at least 120[^<]*<\/del> → <ins>not stated<\/ins>/,
    );
  });

  it('moves a report filed under the wrong place, and changes its observed date and source', async () => {
    const report = await aReport();
    const other = await aPlace();
    const { fields, send } = await wholeForm(report.id);
    const response = await send({
      ...fields,
      place: other,
      observed: '2024-03-14',
      'source.name': 'SYNTHETIC city council',
      'source.kind': 'official',
      verification: 'corroborated',
      reason: 'SYNTHETIC: filed under the wrong town',
    });
    expect(response.status).toBe(303);
    const correction = await json(await call(`/api/v1${response.headers.get('location')}`));
    expect(correction).toMatchObject({
      place: other,
      observed: '2024-03-14',
      source: { name: 'SYNTHETIC city council', kind: 'official', role: 'test fixture', language: 'en' },
      verification: 'corroborated',
    });
    const moved = await json(await call(`/api/v1/places/${other}`));
    expect(JSON.stringify(moved)).toContain(correction.id);
  });

  it('gives the form back with everything written kept, each problem beside its field, and stores nothing', async () => {
    const report = await aReport();
    const { fields, send } = await wholeForm(report.id);
    const response = await send({
      ...fields,
      observed: 'last Tuesday',
      'summary.text': 'SYNTHETIC: rewritten summary, kept',
      'population_remaining.value': '8.000',
      reason: 'SYNTHETIC: kept reason',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="field-observed"[^>]*aria-invalid="true"[^>]*value="last Tuesday"/);
    expect(html).toContain('id="field-observed-problem"');
    expect(html).toContain('SYNTHETIC: rewritten summary, kept</textarea>');
    expect(html).toContain('SYNTHETIC: kept reason</textarea>');
    expect(html).toMatch(/id="field-population_remaining-value"[^>]*value="8.000"/);
    expect((await json(await call(`/api/v1/reports/${report.id}`))).state).toBe('active');

    const untouched = await send({ ...fields, reason: 'SYNTHETIC: nothing' });
    expect(untouched.status).toBe(422);
    expect(await untouched.text()).toContain('Nothing was changed.');
    const noReason = await send({ ...fields, 'summary.text': 'SYNTHETIC: changed' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toMatch(/id="field-reason-problem">This field is required/);
    expect((await json(await call(`/api/v1/reports/${report.id}`))).state).toBe('active');
  });

  it('asks to confirm a warning of what it changes, in the reader’s language, and publishes once confirmed', async () => {
    const report = await aReport();
    const { fields, send } = await wholeForm(report.id);
    const written = { ...fields, 'civilian_deaths.value': '12.000', reason: 'SYNTHETIC: the official count' };
    const unconfirmed = await send(written, '?lang=nl');
    expect(unconfirmed.status).toBe(422);
    const html = await unconfirmed.text();
    expect(html).toContain('is meer dan 10 keer hoger dan het huidige cijfer (120)');
    expect(html).toContain('name="confirm" value="far-from-current"');
    expect(html).toMatch(/id="field-civilian_deaths-value"[^>]*value="12.000"/);
    expect((await json(await call(`/api/v1/reports/${report.id}`))).state).toBe('active');
    const confirmed = await send({ ...written, confirm: 'far-from-current' });
    expect(confirmed.status).toBe(303);
    const correction = await json(await call(`/api/v1${confirmed.headers.get('location')}`));
    expect(correction.figures[1]).toMatchObject({ indicator: 'civilian_deaths', value: 12000 });
  });

  it('refuses a version a correction replaced, saying why, with what was written kept', async () => {
    const report = await aReport();
    const { fields, send } = await wholeForm(report.id);
    await correct(report.id, { verification: 'verified' });
    const response = await send({ ...fields, 'summary.text': 'SYNTHETIC: late', reason: 'SYNTHETIC' });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toMatch(/A correction replaced the report on [^<]+ observed 15 March 2024/);
    expect(html).toContain('SYNTHETIC: late</textarea>');
  });
});

describe('withdrawing at the desk', () => {
  it('withdraws a corrected report with all its versions by the one button of its current version', async () => {
    const report = await aReport();
    const first = await correct(report.id, { verification: 'corroborated' });
    const { cookie, formToken } = await signIn(testTokens.moderator.token);
    const desk = await (await call(`/desk/reports/${first}`, { ...manual, headers: { cookie } })).text();
    expect(desk).toContain('This withdraws the report and its 1 correction');
    const form = fieldsOf(desk, `/desk/reports/${first}/retraction`);
    expect(Object.keys(form).sort()).toEqual(['formToken', 'reason']);
    const response = await postForm(
      `/desk/reports/${first}/retraction`,
      { formToken, reason: 'SYNTHETIC: the whole story was withdrawn' },
      { ...sameSite, cookie },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/reports/${first}`);
    for (const id of [report.id, first]) {
      expect(await json(await call(`/api/v1/reports/${id}`))).toMatchObject({
        state: 'retracted',
        retraction: { reason: 'SYNTHETIC: the whole story was withdrawn' },
      });
    }
    expect(await (await call(`/reports/${first}`)).text()).toContain('Withdrawn with its corrections');
  });

  it('withdraws only the current correction by its second button, and the version before it is current again', async () => {
    const report = await aReport();
    const first = await correct(report.id, { verification: 'corroborated' });
    const { cookie, formToken } = await signIn(testTokens.moderator.token);
    const desk = await (await call(`/desk/reports/${first}`, { ...manual, headers: { cookie } })).text();
    expect(desk).toContain(
      '<button type="submit" name="withdraw" value="correction">Withdraw only this correction: the version before it is current again</button>',
    );
    const response = await postForm(
      `/desk/reports/${first}/retraction`,
      { formToken, reason: 'SYNTHETIC: the correction was wrong', withdraw: 'correction' },
      { ...sameSite, cookie },
    );
    expect(response.status).toBe(303);
    expect((await json(await call(`/api/v1/reports/${first}`))).state).toBe('retracted');
    expect((await json(await call(`/api/v1/reports/${report.id}`))).state).toBe('active');
  });

  it('withdraws a report never corrected alone, with the one button and no second', async () => {
    const report = await aReport();
    const { cookie, formToken } = await signIn(testTokens.moderator.token);
    const desk = await (await call(`/desk/reports/${report.id}`, { ...manual, headers: { cookie } })).text();
    expect(desk).not.toContain('name="withdraw"');
    const response = await postForm(
      `/desk/reports/${report.id}/retraction`,
      { formToken, reason: 'SYNTHETIC: withdrawn' },
      { ...sameSite, cookie },
    );
    expect(response.status).toBe(303);
    expect((await json(await call(`/api/v1/reports/${report.id}`))).retraction).not.toHaveProperty(
      'withdrawnWithChainOf',
    );
  });
});
