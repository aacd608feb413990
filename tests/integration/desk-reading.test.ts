import { describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace } from '../support/builders.ts';
import { manual, postForm, sameSite, signIn as signInWith } from '../support/desk.ts';
import { testTokens } from '../support/tokens.ts';

// The desk reads people, not codes: a place by any of its names, a source's kind chosen,
// a language by its name, and problems and warnings in the terms of the form.

async function signIn() {
  const { cookie } = await signInWith(testTokens.reporter.token);
  const form = await (await call('/desk/reports/new', { ...manual, headers: { cookie } })).text();
  const formToken = /name="formToken" value="([0-9a-f]{64})"/.exec(form)?.[1] ?? '';
  return { cookie, formToken, form };
}

const post = (path: string, cookie: string, fields: [string, string][]) =>
  postForm(path, fields, { ...sameSite, cookie });

/** A SYNTHETIC place with names in three languages and three scripts. */
async function place(slug: string, names: Record<string, string>, admin = 'Synthetic oblast') {
  const input = syntheticPlace({ names, admin: [{ level: 1, name: admin }] });
  expect((await send('PUT', `/api/v1/places/${slug}`, input, { as: 'admin' })).status).toBe(201);
}

/** The form's fields for a SYNTHETIC report, as a writer fills them in. */
function filledIn(typedPlace: string, formToken: string): [string, string][] {
  return [
    ['formToken', formToken],
    ['place', typedPlace],
    ['observed', '2024-04'],
    ['electricity.state', 'unavailable'],
    ['summary.text', 'SYNTHETIC: read at the desk.'],
    ['summary.language', 'en'],
    ['source.name', 'Synthetic reading source'],
    ['source.kind', 'ngo'],
    ['source.language', 'en'],
    ['verification', 'unconfirmed'],
  ];
}

const replaced = (fields: [string, string][], changes: Record<string, string | undefined>) => [
  ...fields.filter(([k]) => !(k in changes)),
  ...Object.entries(changes).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, v]])),
];

const reportsOf = async (slug: string) =>
  (await json(await call(`/api/v1/places/${slug}/reports`))).reports as { place: string }[];

describe('a place typed at the desk', () => {
  it('is read by any of its names in any language, without case or accents, and published as its slug', async () => {
    await place('lindenfeld-synthetic', {
      en: 'Lindenfeld (synthetic)',
      nl: 'Lindeveld',
      uk: 'Лінденфельд',
    });
    const { cookie, formToken } = await signIn();
    for (const typed of ['Лінденфельд', 'lindeveld', 'LINDENFELD (SYNTHETIC)', 'lindenfeld-synthetic']) {
      const preview = await post('/desk/reports/preview', cookie, filledIn(typed, formToken));
      expect(preview.status, typed).toBe(200);
    }
    const published = await post('/desk/reports', cookie, filledIn('лінденфельд', formToken));
    expect(published.status).toBe(303);
    const [report] = await reportsOf('lindenfeld-synthetic');
    expect(report?.place).toBe('lindenfeld-synthetic');
  });

  it('is read by its name in a draft from text too, which fills in the form with its slug', async () => {
    await place('draftdorp-synthetic', { en: 'Draftdorp (synthetic)', uk: 'Драфтдорп' });
    const { cookie, formToken } = await signIn();
    const text = 'SYNTHETIC: Van de 800 inwoners blijven er 120 over.';
    const fields: [string, string][] = [
      ['formToken', formToken],
      ['text', text],
      ['language', 'nl'],
      ['place', 'драфтдорп'],
    ];
    const answer = await post('/desk/drafts', cookie, fields);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/name="place"[^>]*value="draftdorp-synthetic"/);
  });

  it('lists every place a name belongs to when it names more than one, and publishes nothing', async () => {
    await place('zweidorf-north-synthetic', { en: 'Zweidorf North (synthetic)', nl: 'Tweedorp' }, 'Oblast A');
    await place('zweidorf-south-synthetic', { en: 'Zweidorf South (synthetic)', nl: 'Tweedorp' }, 'Oblast B');
    const { cookie, formToken } = await signIn();
    const answer = await post('/desk/reports/preview', cookie, filledIn('tweedorp', formToken));
    expect(answer.status).toBe(422);
    const page = await answer.text();
    expect(page).toMatch(/id="field-place"[^>]*aria-invalid="true"/);
    expect(page).toContain('is the name of more than one place');
    expect(page).toContain('Zweidorf North (synthetic), Oblast A (zweidorf-north-synthetic)');
    expect(page).toContain('Zweidorf South (synthetic), Oblast B (zweidorf-south-synthetic)');
    expect(page).not.toContain('slug &quot;tweedorp&quot;');
    const dutch = await (
      await post('/desk/reports/preview?lang=nl', cookie, filledIn('Tweedorp', formToken))
    ).text();
    expect(dutch).toContain('is de naam van meer dan één plaats');
    expect(await reportsOf('zweidorf-north-synthetic')).toHaveLength(0);
  });

  it('suggests the nearest places by name when it names none', async () => {
    await place('hoogwater-synthetic', { en: 'Hoogwater (synthetic)', uk: 'Гогватер' });
    const { cookie, formToken } = await signIn();
    const answer = await post('/desk/reports/preview', cookie, filledIn('Hoogwatr (synthetic)', formToken));
    expect(answer.status).toBe(422);
    const page = await answer.text();
    expect(page).toContain('No place is called &quot;Hoogwatr (synthetic)&quot;; did you mean Hoogwater');
    expect(page).not.toContain('/places/{slug}');
  });
});

describe('a source’s kind at the desk', () => {
  it('starts at “Choose…”, and a report without one chosen is refused beside the field', async () => {
    await place('kindless-synthetic', { en: 'Kindless (synthetic)' });
    const { cookie, formToken, form } = await signIn();
    expect(form).toMatch(
      /<select id="field-source-kind" name="source.kind" required="">\s*<option value="" selected="">Choose…<\/option>/,
    );
    expect(form).not.toContain('<option value="official" selected="">');
    const unchosen = replaced(filledIn('kindless-synthetic', formToken), { 'source.kind': '' });
    const answer = await post('/desk/reports', cookie, unchosen);
    expect(answer.status).toBe(422);
    const page = await answer.text();
    expect(page).toMatch(/id="field-source-kind-problem"[^>]*>Choose one from the list\./);
    // a figure's own source is no more a kind by default than the report's
    const figureSource = replaced(filledIn('kindless-synthetic', formToken), {
      'electricity.sourceName': 'Synthetic grid operator',
    });
    const refused = await (await post('/desk/reports', cookie, figureSource)).text();
    expect(refused).toMatch(/id="field-electricity-sourceKind-problem"[^>]*>Choose one from the list\./);
    expect(await reportsOf('kindless-synthetic')).toHaveLength(0);
  });
});

describe('languages at the desk', () => {
  it('are offered by their own names, with a code for any other', async () => {
    const { form } = await signIn();
    for (const [tag, name] of [
      ['en', 'English'],
      ['nl', 'Nederlands'],
      ['uk', 'Українська'],
      ['de', 'Deutsch'],
      ['fr', 'Français'],
      ['ru', 'Русский'],
      ['pl', 'Polski'],
    ]) {
      expect(form).toContain(`<option value="${tag}" lang="${tag}">${name}</option>`);
    }
    expect(form).toContain('<option value="other">Other language</option>');
    expect(form).toContain('<label for="field-source-language-code">Other language: its code</label>');
  });

  it('are read by name and by code, and published as codes', async () => {
    await place('talendorp-synthetic', { en: 'Talendorp (synthetic)' });
    const { cookie, formToken } = await signIn();
    const fields = replaced(filledIn('talendorp-synthetic', formToken), {
      'summary.language': 'uk',
      'original.text': 'SYNTHETIC: qırımtatar tilinde.',
      'original.language': 'other',
      'original.language.code': 'crh',
      'source.language': 'other',
      'source.language.code': 'English',
    });
    const published = await post('/desk/reports', cookie, fields);
    expect(published.status).toBe(303);
    const id = (published.headers.get('location') ?? '').replace('/reports/', '');
    const report = await json(await call(`/api/v1/reports/${id}`));
    expect(report.summary.language).toBe('uk');
    expect(report.summary.original.language).toBe('crh');
    expect(report.source).toMatchObject({ kind: 'ngo', language: 'en' });
  });

  it('refuses a code that is none beside its field, and a language chosen and another written', async () => {
    await place('talenloos-synthetic', { en: 'Talenloos (synthetic)' });
    const { cookie, formToken } = await signIn();
    const fields = replaced(filledIn('talenloos-synthetic', formToken), {
      'source.language': 'other',
      'source.language.code': 'Klingonish',
      'summary.language': 'de',
      'summary.language.code': 'ro',
    });
    const answer = await post('/desk/reports/preview', cookie, fields);
    expect(answer.status).toBe(422);
    const page = await answer.text();
    expect(page).toMatch(/id="field-source-language-code"[^>]*aria-invalid="true"/);
    expect(page).toContain('Write a language’s code, such as &quot;hu&quot;');
    expect(page).toMatch(/id="field-summary-language-code"[^>]*aria-invalid="true"/);
    expect(page).toContain('Deutsch is chosen in the list and &quot;ro&quot; is written here');
    expect(page).not.toContain('BCP 47');
    // what was written comes back as written
    expect(page).toContain('value="Klingonish"');
    expect(page).toMatch(/<option value="other" selected="">Other language<\/option>/);
  });

  it('leave no language chosen by default: one left on “Choose…” is refused', async () => {
    await place('ongekozen-synthetic', { en: 'Ongekozen (synthetic)' });
    const { cookie, formToken } = await signIn();
    const fields = replaced(filledIn('ongekozen-synthetic', formToken), { 'summary.language': '' });
    const answer = await post('/desk/reports/preview?lang=nl', cookie, fields);
    expect(answer.status).toBe(422);
    expect(await answer.text()).toMatch(
      /id="field-summary-language-problem"[^>]*>Kies er een uit de lijst\./,
    );
  });
});

describe('problems at the desk', () => {
  it('speak of what the reporter typed, never of JSON, pointers or the schema', async () => {
    await place('woorden-synthetic', { en: 'Woorden (synthetic)' });
    const { cookie, formToken } = await signIn();
    const fields = filledIn('woorden-synthetic', formToken);
    const cases: [Record<string, string>, string][] = [
      [{ observed: '5 April 2024' }, 'Write a year, a month or a day: 2022, 2022-09 or 2022-09-15.'],
      [{ 'population_remaining.value': '12 thousand' }, 'Write a number, in digits.'],
      [
        {
          'original.text': 'SYNTHETIC: the original.',
          'original.language': 'en',
          'electricity.quote': 'not in the original',
        },
        'The quote must be words of the original text, exactly as they stand there.',
      ],
      [
        {
          'civilian_deaths.value': '40',
          'civilian_deaths.high': '60',
          'civilian_deaths.qualifier': 'at_least',
        },
        'For a range, choose “exactly” or “about”',
      ],
    ];
    for (const [changes, expected] of cases) {
      for (const lang of ['en', 'nl']) {
        const answer = await post(`/desk/reports/preview?lang=${lang}`, cookie, replaced(fields, changes));
        expect(answer.status).toBe(422);
        const page = await answer.text();
        const problems = [...page.matchAll(/<span id="field-[^"]*-problem">([^<]*)</g)].map(
          (m) => m[1] ?? '',
        );
        expect(problems, expected).toHaveLength(1);
        if (lang === 'en') expect(problems[0]).toContain(expected.replaceAll('"', '&quot;'));
        expect(problems[0]).not.toMatch(
          /JSON|schema|openapi|BCP|YYYY|JJJJ|summary\.original|\/api\/|quotes/i,
        );
      }
    }
  });
});
