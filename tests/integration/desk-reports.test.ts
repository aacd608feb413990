import { describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { manual, postForm, sameSite, signIn as signInWith } from '../support/desk.ts';
import { retract } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

/** Signs in, and reads the form token from the report form, as a writer opening it would. */
async function signIn(token: string = testTokens.reporter.token) {
  const { cookie } = await signInWith(token);
  const form = await (await call('/desk/reports/new', { ...manual, headers: { cookie } })).text();
  const formToken = /name="formToken" value="([0-9a-f]{64})"/.exec(form)?.[1] ?? '';
  return { cookie, formToken, form };
}

/** A form posted from this site with the session's cookie. */
const postWithSession = (path: string, cookie: string, fields: [string, string][]) =>
  postForm(path, fields, { ...sameSite, cookie });

let places = 0;

/** A SYNTHETIC place of its own, with 12,000 residents remaining as its current figure. */
async function placeWithResidents(): Promise<string> {
  const slug = `deskville-${++places}`;
  const created = await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' });
  expect(created.status).toBe(201);
  const first = syntheticReport(slug, {
    observed: '2024-03',
    figures: [{ indicator: 'population_remaining', value: 12_000, qualifier: 'exact' }],
  });
  expect((await send('POST', '/api/v1/reports', first, { as: 'reporter' })).status).toBe(201);
  return slug;
}

/** The form's fields for a SYNTHETIC report, as a writer fills them in. */
function filledIn(slug: string, formToken: string, remaining: string): [string, string][] {
  return [
    ['formToken', formToken],
    ['place', slug],
    ['observed', '2024-04'],
    ['electricity.state', 'unavailable'],
    ['electricity.since', '2024-02'],
    ['electricity.sinceQualifier', 'approximately'],
    ['population_remaining.value', remaining],
    ['population_remaining.qualifier', 'approximately'],
    ['summary.text', 'SYNTHETIC: written at the desk.'],
    ['summary.language', 'en'],
    ['source.name', 'Synthetic desk source'],
    ['source.kind', 'ngo'],
    ['source.language', 'en'],
    ['verification', 'unconfirmed'],
  ];
}

describe('the report form', () => {
  it('is generated from the indicator registry, with the words sources use for qualifiers', async () => {
    const { form } = await signIn();
    for (const name of ['Electricity', 'Residents remaining', 'Civilians killed', 'Situation']) {
      expect(form).toContain(`<summary>${name}</summary>`);
    }
    expect(form).toContain('<label for="field-population_remaining-value">Number</label>');
    expect(form).toContain('<option value="approximately">almost, about, roughly</option>');
    expect(form).toContain('<option value="at_least">more than, at least</option>');
    expect(form).toContain('<datalist id="places">');
    expect(form).not.toMatch(/<script/i);
    // every control has a visible label
    const ids = [...form.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)].map((m) => m[1]);
    for (const id of ids) expect(form, id).toContain(`<label for="${id}">`);
  });

  it('is for signed-in writers only', async () => {
    const response = await call('/desk/reports/new', manual);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/desk/sign-in');
  });
});

describe('writing a report at the desk', () => {
  it('previews it as the pages will show it, then publishes it and opens its page', async () => {
    const slug = await placeWithResidents();
    const { cookie, formToken } = await signIn();
    const preview = await postWithSession(
      '/desk/reports/preview',
      cookie,
      filledIn(slug, formToken, '11.500'),
    );
    expect(preview.status).toBe(200);
    const page = await preview.text();
    // "11.500" typed the Dutch way is eleven thousand five hundred, never eleven
    expect(page).toContain('<strong>about 11,500</strong>');
    expect(page).toContain('unavailable');
    expect(page).not.toContain('type="checkbox"');
    const hidden = [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map(
      (m) => [m[1] ?? '', (m[2] ?? '').replaceAll('&amp;', '&')] as [string, string],
    );
    const published = await postWithSession('/desk/reports', cookie, hidden);
    expect(published.status).toBe(303);
    const location = published.headers.get('location') ?? '';
    expect(location).toMatch(/^\/reports\/[0-9A-Z]{26}$/);
    expect((await call(location)).status).toBe(200);
    const { status } = await json(await call(`/api/v1/places/${slug}`));
    expect(status.indicators.population_remaining.figure).toMatchObject({
      value: 11_500,
      qualifier: 'approximately',
    });
    const atom = await (await call(`/feeds/places/${slug}.atom`)).text();
    expect(atom).toContain(location.replace('/reports/', ''));
  });

  it('shows a warning to confirm, and publishes only once it is confirmed', async () => {
    const slug = await placeWithResidents();
    const { cookie, formToken } = await signIn();
    const fields = filledIn(slug, formToken, '12');
    const preview = await (await postWithSession('/desk/reports/preview', cookie, fields)).text();
    expect(preview).toContain('type="checkbox"');
    expect(preview).toContain('value="far-from-current"');
    // The desk reads 12.000 as twelve thousand, so it speaks of what was typed, never of JSON.
    expect(preview).toContain('12.000 and 12,000 are both read as twelve thousand here');
    const warnings = /<fieldset class="warnings">[\s\S]*?<\/fieldset>/.exec(preview)?.[0] ?? '';
    expect(warnings).toContain('far-from-current');
    expect(warnings).not.toContain('JSON');
    const dutch = await (await postWithSession('/desk/reports/preview?lang=nl', cookie, fields)).text();
    expect(dutch).toContain('is meer dan 10 keer lager dan het huidige cijfer');
    const unconfirmed = await postWithSession('/desk/reports', cookie, fields);
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('role="alert"');
    expect((await json(await call(`/api/v1/places/${slug}/reports`))).reports).toHaveLength(1);
    const confirmed = await postWithSession('/desk/reports', cookie, [
      ...fields,
      ['confirm', 'far-from-current'],
    ]);
    expect(confirmed.status).toBe(303);
    expect((await json(await call(`/api/v1/places/${slug}/reports`))).reports).toHaveLength(2);
  });

  it('publishes a form sent twice (a second click, a reload) once, and opens the same report', async () => {
    const slug = await placeWithResidents();
    const { cookie, formToken } = await signIn();
    const fields = filledIn(slug, formToken, '11.800');
    const [first, second] = await Promise.all([
      postWithSession('/desk/reports', cookie, fields),
      postWithSession('/desk/reports', cookie, fields),
    ]);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const again = await postWithSession('/desk/reports', cookie, fields);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect((await json(await call(`/api/v1/places/${slug}/reports`))).reports).toHaveLength(2);
    // another report is another report
    const other = await postWithSession('/desk/reports', cookie, filledIn(slug, formToken, '11.700'));
    expect(other.headers.get('location')).not.toBe(first.headers.get('location'));
    expect((await json(await call(`/api/v1/places/${slug}/reports`))).reports).toHaveLength(3);
  });

  it('publishes the same form anew once the report it published was withdrawn, and then once only', async () => {
    const slug = await placeWithResidents();
    const { cookie, formToken } = await signIn();
    const fields = filledIn(slug, formToken, '11.800');
    const first = await postWithSession('/desk/reports', cookie, fields);
    expect(first.status).toBe(303);
    const firstId = first.headers.get('location')?.split('/').at(-1) ?? '';
    await retract(firstId);
    const [anew, twice] = await Promise.all([
      postWithSession('/desk/reports', cookie, fields),
      postWithSession('/desk/reports', cookie, fields),
    ]);
    expect(anew.status).toBe(303);
    expect(anew.headers.get('location')).not.toBe(first.headers.get('location'));
    expect(twice.headers.get('location')).toBe(anew.headers.get('location'));
    const reports = (await json(await call(`/api/v1/places/${slug}/reports`))).reports;
    expect(reports.map((r: { state: string }) => r.state).sort()).toEqual(['active', 'active', 'retracted']);
  });

  it('shows each problem beside its field, in the reader’s language, and stores nothing', async () => {
    const slug = await placeWithResidents();
    const { cookie, formToken } = await signIn();
    const fields = filledIn(slug, formToken, 'twelve').map(([k, v]): [string, string] =>
      k === 'source.name' ? [k, ''] : k === 'place' ? [k, 'Testdorp (synthetisch)'] : [k, v],
    );
    const answer = await postWithSession('/desk/reports/preview?lang=nl', cookie, fields);
    expect(answer.status).toBe(422);
    const page = await answer.text();
    expect(page).toContain('Dit kan nog niet worden gepubliceerd');
    expect(page).toMatch(/id="field-population_remaining-value"[^>]*aria-invalid="true"/);
    expect(page).toContain('Schrijf een getal');
    expect(page).toMatch(/id="field-source-name"[^>]*aria-invalid="true"/);
    expect(page).toContain('value="twelve"');
    expect((await json(await call(`/api/v1/places/${slug}/reports`))).reports).toHaveLength(1);
  });

  it('refuses a form from another session', async () => {
    const slug = await placeWithResidents();
    const { cookie } = await signIn();
    const other = await signIn();
    const answer = await postWithSession(
      '/desk/reports/preview',
      cookie,
      filledIn(slug, other.formToken, '12000'),
    );
    expect(answer.status).toBe(403);
  });
});

describe('a count’s basis, range and start at the desk', () => {
  /** SYNTHETIC deaths as a writer fills them in, in place of the residents. */
  const withDeaths = (fields: [string, string][], deaths: [string, string][]) => [
    ...fields.filter(([k]) => !k.startsWith('population_remaining.')),
    ...deaths,
  ];

  it('asks what a count counts only where its indicator allows more than one basis', async () => {
    const { form } = await signIn();
    expect(form).toContain('<label for="field-civilian_deaths-basis">What the number counts</label>');
    expect(form).toContain('<option value="total">a running total</option>');
    expect(form).toContain('<option value="period">for the observed period only</option>');
    expect(form).toContain(
      '<label for="field-civilian_deaths-since">Counting since (for a running total)</label>',
    );
    expect(form).toContain('<label for="field-civilian_deaths-high">Up to (for a range)</label>');
    expect(form).toContain('<label for="field-population_remaining-high">Up to (for a range)</label>');
    expect(form).not.toContain('field-population_remaining-basis');
    expect(form).not.toContain('field-population_remaining-since');
  });

  it('publishes a range counted for the period, and a total with its start, as the form said', async () => {
    const slug = await placeWithResidents();
    const { cookie, formToken } = await signIn();
    const period = withDeaths(filledIn(slug, formToken, ''), [
      ['civilian_deaths.value', '40'],
      ['civilian_deaths.high', '60'],
      ['civilian_deaths.qualifier', 'approximately'],
      ['civilian_deaths.basis', 'period'],
    ]);
    const preview = await postWithSession('/desk/reports/preview', cookie, period);
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('<strong>about 40–60 in April 2024</strong>');
    expect((await postWithSession('/desk/reports', cookie, period)).status).toBe(303);

    const total = withDeaths(filledIn(slug, formToken, ''), [
      ['civilian_deaths.value', '120'],
      ['civilian_deaths.qualifier', 'at_least'],
      ['civilian_deaths.basis', 'total'],
      ['civilian_deaths.since', '2022-02'],
      ['civilian_deaths.sinceQualifier', 'approximately'],
    ]);
    expect((await postWithSession('/desk/reports', cookie, total)).status).toBe(303);
    const { status } = await json(await call(`/api/v1/places/${slug}`));
    expect(status.indicators.civilian_deaths.figure).toMatchObject({
      value: 120,
      qualifier: 'at_least',
      basis: 'total',
      since: { date: '2022-02', qualifier: 'approximately' },
    });
    expect(status.indicators.civilian_deaths.period.figure).toMatchObject({
      value: 40,
      high: 60,
      qualifier: 'approximately',
      basis: 'period',
    });
  });

  it('shows a range upside down and a start of a count for a period beside their fields', async () => {
    const slug = await placeWithResidents();
    const { cookie, formToken } = await signIn();
    const wrong = withDeaths(filledIn(slug, formToken, ''), [
      ['civilian_deaths.value', '60'],
      ['civilian_deaths.high', '40'],
      ['civilian_deaths.qualifier', 'exact'],
      ['civilian_deaths.basis', 'period'],
      ['civilian_deaths.since', '2022-02'],
    ]);
    const answer = await postWithSession('/desk/reports/preview', cookie, wrong);
    expect(answer.status).toBe(422);
    const page = await answer.text();
    expect(page).toMatch(/id="field-civilian_deaths-high"[^>]*aria-invalid="true"/);
    expect(page).toMatch(/id="field-civilian_deaths-since"[^>]*aria-invalid="true"/);
    expect(page).toContain('id="field-civilian_deaths-high-problem"');
    expect(page).toContain('id="field-civilian_deaths-since-problem"');
    expect(page).toMatch(/<option value="period" selected="">/);
    expect((await json(await call(`/api/v1/places/${slug}/reports`))).reports).toHaveLength(1);
  });
});
