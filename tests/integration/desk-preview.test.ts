import { describe, expect, it } from 'vitest';
import { call, send } from '../support/api.ts';
import { syntheticPlace } from '../support/builders.ts';
import { manual, postForm, sameSite, signIn as signInWith } from '../support/desk.ts';
import { testTokens } from '../support/tokens.ts';

const decoded = (html: string) =>
  html
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

const attribute = (attributes: string, name: string) =>
  decoded(new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1] ?? '');

/** What a browser sends of a form: every named control's value, as the page shows it. */
function controls(html: string): Record<string, string> {
  const form = html.slice(html.indexOf('<form'), html.indexOf('</form>'));
  const values: Record<string, string> = {};
  for (const [, attributes = ''] of form.matchAll(/<input ([^>]*?)\/?>/g)) {
    if (attribute(attributes, 'type') !== 'hidden')
      values[attribute(attributes, 'name')] = attribute(attributes, 'value');
  }
  for (const [, attributes = '', text = ''] of form.matchAll(/<textarea ([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    values[attribute(attributes, 'name')] = decoded(text);
  }
  for (const [, attributes = '', options = ''] of form.matchAll(/<select ([^>]*)>([\s\S]*?)<\/select>/g)) {
    const chosen =
      /<option value="([^"]*)" selected=""[^>]*>/.exec(options) ?? /<option value="([^"]*)"/.exec(options);
    values[attribute(attributes, 'name')] = decoded(chosen?.[1] ?? '');
  }
  return values;
}

/** The hidden fields a page's form carries on. */
function hidden(html: string): [string, string][] {
  return [...html.matchAll(/<input type="hidden" ([^>]*?)\/?>/g)].map(([, attributes = '']) => [
    attribute(attributes, 'name'),
    attribute(attributes, 'value'),
  ]);
}

/** The text a reader sees, tags left out. */
const text = (html: string) =>
  decoded(
    html
      .slice(html.indexOf('<main'))
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  ).replace(/ ([,.:)])/g, '$1');

/** The ids (or, without one, the class) of the page's open boxes. */
const openBoxes = (html: string) =>
  [...html.matchAll(/<details ([^>]*)>/g)]
    .filter(([, attributes = '']) => attributes.includes(' open=""'))
    .map(([, attributes = '']) => attribute(attributes, 'id') || attribute(attributes, 'class'));

let places = 0;

async function setUp() {
  const slug = `previewville-${++places}`;
  expect((await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' })).status).toBe(201);
  const { cookie } = await signInWith(testTokens.reporter.token);
  const blank = await (await call('/desk/reports/new', { ...manual, headers: { cookie } })).text();
  const formToken = /name="formToken" value="([0-9a-f]{64})"/.exec(blank)?.[1] ?? '';
  return { slug, cookie, formToken, blank };
}

/** A SYNTHETIC report with every part of the form written in, as a writer fills it in. */
function writtenIn(blank: string, slug: string): Record<string, string> {
  return {
    ...controls(blank),
    place: slug,
    observed: '2024-04',
    'electricity.state': 'intermittent',
    'electricity.since': '2024-03',
    'electricity.sinceQualifier': 'approximately',
    'electricity.note': 'SYNTHETIC: four hours a day',
    'electricity.quote': '"vier uur per dag" & meer',
    'population_remaining.value': '11.500',
    'population_remaining.qualifier': 'approximately',
    'population_remaining.quote': 'ongeveer 11.500',
    'population_remaining.sourceName': 'SYNTHETIC mayor',
    'population_remaining.sourceRole': 'mayor of <Previewville>',
    'population_remaining.sourceKind': 'official',
    'civilian_deaths.value': '40',
    'civilian_deaths.high': '60',
    'civilian_deaths.qualifier': 'approximately',
    'civilian_deaths.basis': 'period',
    'situation.text': 'SYNTHETIC: calm.\nShops open.',
    'situation.language': 'en',
    'summary.text': 'SYNTHETIC: written at the desk, "quoted" & checked.',
    'summary.language': 'en',
    'original.text': 'SYNTHETISCH: stroom "vier uur per dag" & meer; ongeveer 11.500 inwoners.',
    'original.language': 'nl',
    'source.name': 'Synthetic desk source',
    'source.role': 'editor',
    'source.kind': 'ngo',
    'source.language': 'nl',
    'source.url': 'https://example.org/synthetic?a=1&b=2',
    'source.via': 'SYNTHETIC wire',
    verification: 'corroborated',
  };
}

const post = (path: string, cookie: string, fields: [string, string][]) =>
  postForm(path, fields, { ...sameSite, cookie });

describe('the preview of a report written at the desk', () => {
  it('shows everything that will be published: place, observed date, summary, each figure with its source and quote, verification', async () => {
    const { slug, cookie, formToken, blank } = await setUp();
    const written = writtenIn(blank, slug);
    const answer = await post('/desk/reports/preview', cookie, [
      ['formToken', formToken],
      ...Object.entries(written),
    ]);
    const html = await answer.text();
    expect(answer.status).toBe(200);
    const page = text(html);
    for (const words of [
      'Report on Testville (synthetic), April 2024',
      'Synthetic oblast, Synthetic country',
      'Verification: Corroborated',
      'Observed: April 2024',
      'SYNTHETIC: written at the desk, "quoted" & checked.',
      'Original text (Dutch)',
      'SYNTHETISCH: stroom "vier uur per dag" & meer; ongeveer 11.500 inwoners.',
      'Electricity: intermittent since about March 2024',
      'SYNTHETIC: four hours a day',
      '"vier uur per dag" & meer',
      'Residents remaining: about 11,500',
      'Stated by: SYNTHETIC mayor, mayor of <Previewville> (official, Dutch)',
      'ongeveer 11.500',
      'Civilians killed: about 40–60 in April 2024',
      'Situation: SYNTHETIC: calm. Shops open.',
      'Synthetic desk source, editor (NGO, Dutch); via SYNTHETIC wire https://example.org/synthetic?a=1&b=2',
    ]) {
      expect(page).toContain(words);
    }
    expect(html).toContain('<button type="submit">Publish</button>');
    expect(html).toContain(
      '<button type="submit" class="secondary" formaction="/desk/reports/edit">Edit</button>',
    );
    // nothing is published by a preview
    expect((await (await call(`/api/v1/places/${slug}/reports`)).json()) as object).toMatchObject({
      reports: [],
    });
  });

  it('returns the form from Edit with every field as it was written, and the boxes that hold something open', async () => {
    const { slug, cookie, formToken, blank } = await setUp();
    const written = writtenIn(blank, slug);
    const preview = await (
      await post('/desk/reports/preview', cookie, [['formToken', formToken], ...Object.entries(written)])
    ).text();
    const edit = await post('/desk/reports/edit', cookie, hidden(preview));
    expect(edit.status).toBe(200);
    expect(edit.headers.get('cache-control')).toBe('no-store');
    const form = await edit.text();
    expect(form).toContain('action="/desk/reports/preview"');
    expect(controls(form)).toEqual(written);
    expect(openBoxes(form)).toEqual([
      'figure-electricity',
      'figure-population_remaining',
      'figure-source-box',
      'figure-civilian_deaths',
      'figure-situation',
      'original-box',
      'source-more-box',
    ]);
    // and in Dutch, with ?lang=nl carried on
    const dutch = await (await post('/desk/reports/preview?lang=nl', cookie, hidden(preview))).text();
    expect(dutch).toContain('formaction="/desk/reports/edit?lang=nl">Bewerken</button>');
  });

  it('opens the box of a figure with a problem, and links the problem from the summary above the form', async () => {
    const { slug, cookie, formToken, blank } = await setUp();
    const written = { ...writtenIn(blank, slug), 'civilian_injuries.value': 'twelve' };
    const answer = await post('/desk/reports/preview', cookie, [
      ['formToken', formToken],
      ...Object.entries(written),
    ]);
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(openBoxes(html)).toContain('figure-civilian_injuries');
    expect(html).toMatch(
      /<a href="#field-civilian_injuries-value">Civilians injured — Number: Write a number/,
    );
    expect(html).toMatch(/id="field-civilian_injuries-value"[^>]*aria-invalid="true"/);
    expect(controls(html)).toEqual(written);
  });
});
