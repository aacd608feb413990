import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/render/csv.ts';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace } from '../support/builders.ts';
import { manual, postForm, sameSite, signIn as signInWith } from '../support/desk.ts';

async function signIn() {
  const { cookie } = await signInWith();
  const form = await (await call('/desk/import', { ...manual, headers: { cookie } })).text();
  const formToken = /name="formToken" value="([0-9a-f]{64})"/.exec(form)?.[1] ?? '';
  return { cookie, formToken, form };
}

type Session = Awaited<ReturnType<typeof signIn>>;

function upload(session: Session, file: string, path = '/desk/import/check') {
  const body = new FormData();
  body.set('formToken', session.formToken);
  body.set('file', new File([file], 'reports.csv', { type: 'text/csv' }));
  return call(path, { ...manual, method: 'POST', headers: { ...sameSite, cookie: session.cookie }, body });
}

/** Checks `file`, then publishes what the check carries on. */
async function checkAndPublish(session: Session, file: string) {
  const check = await upload(session, file);
  const page = await check.text();
  expect(check.status, page).toBe(200);
  const table = /name="table" value="([^"]*)"/.exec(page)?.[1] ?? '';
  const published = await postForm(
    '/desk/import',
    [
      ['formToken', session.formToken],
      ['table', table],
    ],
    { ...sameSite, cookie: session.cookie },
  );
  expect(published.status).toBe(200);
  return { page, result: await published.text() };
}

let places = 0;

/** A SYNTHETIC place with no reports yet. */
async function emptyPlace(): Promise<string> {
  const slug = `talen-${++places}`;
  expect((await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' })).status).toBe(201);
  return slug;
}

async function storedReports(slug: string) {
  const { reports } = await json<{ reports: { id: string }[] }>(await call(`/api/v1/places/${slug}/reports`));
  return Promise.all(reports.map(async ({ id }) => json(await call(`/api/v1/reports/${id}`))));
}

/** A SYNTHETIC report of one count, in a file whose columns are named `names`. */
function oneCount(names: readonly string[], slug: string, value: string, observed: string, language: string) {
  return renderCsv(
    [
      names,
      [
        slug,
        'population_remaining',
        value,
        'approximately',
        observed,
        'unconfirmed',
        'SYNTHETIC source',
        'ngo',
        language,
        'SYNTHETIC: an imported report.',
        language,
      ],
    ],
    ';',
  );
}

describe('importing a spreadsheet written in its writer’s language', () => {
  it('reads a Dutch file with Dutch column names and a date written 5-12-2026', async () => {
    const slug = await emptyPlace();
    const session = await signIn();
    const dutch = [
      'Plaatscode',
      'Indicator',
      'Getal',
      'Nauwkeurigheid',
      'Waargenomen',
      'Verificatie',
      'Bron',
      'Soort bron',
      'Taal van de bron',
      'Samenvatting',
      'Taal van de samenvatting',
    ];
    const { page } = await checkAndPublish(session, oneCount(dutch, slug, '12.000', '5-12-2026', 'nl'));
    expect(page).not.toContain('is not a column');
    expect(page).toContain('5 December 2026');
    const [report] = await storedReports(slug);
    expect(report).toMatchObject({
      observed: '2026-12-05',
      figures: [{ indicator: 'population_remaining', value: 12_000, qualifier: 'approximately' }],
    });
  });

  it('reads a Ukrainian file with Ukrainian column names and a date written 05.12.2026', async () => {
    const slug = await emptyPlace();
    const session = await signIn();
    const ukrainian = [
      'Код місця',
      'Показник',
      'Число',
      'Точність',
      'Дата спостереження',
      'Перевірка',
      'Джерело',
      'Тип джерела',
      'Мова джерела',
      'Короткий зміст',
      'Мова короткого змісту',
    ];
    await checkAndPublish(session, `\uFEFF${oneCount(ukrainian, slug, '12 000', '05.12.2026', 'uk')}`);
    const [report] = await storedReports(slug);
    expect(report).toMatchObject({
      observed: '2026-12-05',
      source: { language: 'uk' },
      figures: [{ value: 12_000 }],
    });
  });

  it('refuses a date of an English file that reads as two days, saying which cell and how to write it', async () => {
    const slug = await emptyPlace();
    const session = await signIn();
    const english = [
      'Place slug',
      'Indicator',
      'Value',
      'Qualifier',
      'Observed',
      'Verification',
      'Source',
      'Source kind',
      'Source language',
      'Summary',
      'Summary language',
    ];
    const check = await upload(session, oneCount(english, slug, '12,000', '05/12/2026', 'en'));
    const page = await check.text();
    expect(check.status).toBe(422);
    expect(page).toContain('<td>2</td><td>Observed</td>');
    expect(page).toContain(
      '&quot;05/12/2026&quot; can be 5 December 2026 (day first) or 12 May 2026 (month first)',
    );
    expect(page).toContain('Write it year first: 2026-12-05 or 2026-05-12');
    expect(await storedReports(slug)).toEqual([]);
  });
});

describe('the templates of a spreadsheet', () => {
  it('are offered on the import page, one per language', async () => {
    const { form } = await signIn();
    for (const [language, name] of [
      ['en', 'English'],
      ['nl', 'Nederlands'],
      ['uk', 'Українська'],
    ]) {
      expect(form).toContain(
        `<a href="/desk/import/template.${language}.csv" hreflang="${language}" lang="${language}" download="">${name}</a>`,
      );
    }
  });

  it.each([
    ['en', 'your-place', 'Place slug'],
    ['nl', 'uw-plaats', 'Plaatscode'],
    ['uk', 'vashe-misto', 'Код місця'],
  ])(
    'in %s is served to anyone, and imports once its example row names a place',
    async (language, example, placeColumn) => {
      const response = await call(`/desk/import/template.${language}.csv`, manual);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="reports-template.${language}.csv"`,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const template = new TextDecoder().decode(bytes);
      expect(template).toContain(example);

      const session = await signIn();
      // As it is, only its example place is refused.
      const asIs = await (await upload(session, template)).text();
      const problems = [...asIs.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
      expect(problems).toEqual([['2', placeColumn]]);

      const slug = await emptyPlace();
      const { result } = await checkAndPublish(session, template.replace(example, slug));
      expect(result).toContain('One report published');
      const [report] = await storedReports(slug);
      expect(report).toMatchObject({
        observed: new Date().toISOString().slice(0, 10),
        summary: { language },
        figures: [{ indicator: 'population_remaining', value: 12_000, qualifier: 'approximately' }],
      });
    },
  );

  it('has none in a language it does not read', async () => {
    expect((await call('/desk/import/template.fr.csv', manual)).status).toBe(404);
  });
});
