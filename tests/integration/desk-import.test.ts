import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readCsv, renderCsv } from '../../src/render/csv.ts';
import { historyKey } from '../../src/store/keys.ts';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { manual, postForm, sameSite, signIn as signInWith } from '../support/desk.ts';
import { retract } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

async function signIn(token: string = testTokens.reporter.token) {
  const { cookie } = await signInWith(token);
  const form = await (await call('/desk/import', { ...manual, headers: { cookie } })).text();
  const formToken = /name="formToken" value="([0-9a-f]{64})"/.exec(form)?.[1] ?? '';
  return { cookie, formToken, form };
}

type Session = Awaited<ReturnType<typeof signIn>>;

/** Uploads `file` to be checked, as a browser sends a form with a file. */
function upload(
  session: Session,
  file: string | Uint8Array,
  headers: Record<string, string> = sameSite,
  path = '/desk/import/check',
) {
  const body = new FormData();
  body.set('formToken', session.formToken);
  body.set('file', new File([file], 'reports.csv', { type: 'text/csv' }));
  return call(path, { ...manual, method: 'POST', headers: { ...headers, cookie: session.cookie }, body });
}

/** The file the check carries on to publishing, and the warnings it offers to confirm. */
function carried(page: string) {
  const table = /name="table" value="([^"]*)"/.exec(page)?.[1] ?? '';
  const codes = [...page.matchAll(/name="confirm" value="([a-z-]+)"/g)].map((m) => m[1] ?? '');
  return { table, codes };
}

function publish(session: Session, table: string, confirm: readonly string[] = []) {
  return postForm(
    '/desk/import',
    [
      ['formToken', session.formToken],
      ['table', table],
      ...confirm.map((c): [string, string] => ['confirm', c]),
    ],
    { ...sameSite, cookie: session.cookie },
  );
}

let places = 0;

/** A SYNTHETIC place of its own, with 12,000 residents remaining as its current figure. */
async function placeWithResidents(): Promise<string> {
  const slug = `importville-${++places}`;
  expect((await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' })).status).toBe(201);
  const first = syntheticReport(slug, {
    observed: '2024-03',
    figures: [{ indicator: 'population_remaining', value: 12_000, qualifier: 'exact' }],
  });
  expect((await send('POST', '/api/v1/reports', first, { as: 'reporter' })).status).toBe(201);
  return slug;
}

const header = [
  'Report',
  'Place slug',
  'Indicator',
  'Value',
  'Qualifier',
  'State',
  'Since',
  'Observed',
  'Verification',
  'Source',
  'Source kind',
  'Source language',
  'Summary',
  'Summary language',
];
const hashtags = [
  '#meta+id',
  '#loc+code',
  '#indicator+code',
  '#indicator+num',
  '#indicator+qualifier',
  '#indicator+state',
  '#date+start',
  '#date+observed',
  '#status+verification',
  '#meta+source',
  '#meta+source+type',
  '#language+code+source',
  '#description+summary',
  '#language+code+summary',
];

/** A SYNTHETIC row of one figure of report `label`. */
function row(
  label: string,
  slug: string,
  figure: Partial<Record<'indicator' | 'value' | 'qualifier' | 'state' | 'since', string>>,
  observed = '2024-04',
) {
  return [
    label,
    slug,
    figure.indicator ?? 'population_remaining',
    figure.value ?? '',
    figure.qualifier ?? '',
    figure.state ?? '',
    figure.since ?? '',
    observed,
    'unconfirmed',
    'Synthetic import source',
    'ngo',
    'en',
    `SYNTHETIC: imported report ${label}.`,
    'en',
  ];
}

/** Three SYNTHETIC reports over four rows: report "a" states two figures. */
function threeReports(slug: string, withHashtags = true) {
  return renderCsv([
    header,
    ...(withHashtags ? [hashtags] : []),
    row('a', slug, { value: '11.500', qualifier: 'approximately' }),
    row('a', slug, { indicator: 'electricity', state: 'unavailable', since: '2024-02' }),
    row('b', slug, { value: '11000', qualifier: 'at_least' }, '2024-05'),
    row('', slug, { indicator: 'gas', state: 'intermittent' }, '2024-05'),
  ]);
}

const historyOf = async (slug: string) =>
  (await json<{ reports: { id: string }[] }>(await call(`/api/v1/places/${slug}/reports`))).reports;

describe('importing a spreadsheet at the desk', () => {
  it('checks every row and stores nothing, then publishes all the reports at once', async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    expect(session.form).toContain('<label for="import-file">CSV file</label>');
    expect(session.form).toContain('enctype="multipart/form-data"');

    const check = await upload(session, threeReports(slug));
    const page = await check.text();
    expect(check.status).toBe(200);
    expect(page).toContain('3 reports will be published');
    expect(page).toContain('<td>3, 4</td>');
    expect(page).toContain('about 11.500'.replace('.', ','));
    expect(await historyOf(slug)).toHaveLength(1);

    const { table, codes } = carried(page);
    expect(codes).toEqual([]);
    const published = await publish(session, table);
    const result = await published.text();
    expect(published.status).toBe(200);
    expect(result).toContain('3 reports published');
    expect(await historyOf(slug)).toHaveLength(4);
    const place = await json(await call(`/api/v1/places/${slug}`));
    expect(place.status.indicators.population_remaining.figure).toMatchObject({
      value: 11_000,
      qualifier: 'at_least',
    });
    expect(place.status.indicators.electricity.figure).toMatchObject({
      state: 'unavailable',
      since: { date: '2024-02', qualifier: 'exact' },
    });
    const ids = [...result.matchAll(/href="\/reports\/([0-9A-Z]{26})"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(3);
  });

  it('reads a file without the hashtag row, saved by a Dutch Excel: semicolons, a byte order mark, CRLF', async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const dutchExcel = `\uFEFF${threeReports(slug, false).replaceAll(',', ';')}`;
    const check = await upload(session, dutchExcel);
    expect(check.status).toBe(200);
    expect(await check.text()).toContain('3 reports will be published');
  });

  it('stores an imported file once, however often it is imported', async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const { table } = carried(await (await upload(session, threeReports(slug))).text());
    expect((await publish(session, table)).status).toBe(200);
    const again = await publish(session, table);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('These reports were imported before');
    // a new upload of the same file, checked and published again
    const { table: reuploaded } = carried(await (await upload(session, threeReports(slug))).text());
    expect(await (await publish(session, reuploaded)).text()).toContain('imported before');
    expect(await historyOf(slug)).toHaveLength(4);
  });

  it('imports a file anew once every report of its earlier import was withdrawn, and then once only', async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const { table } = carried(await (await upload(session, threeReports(slug))).text());
    expect((await publish(session, table)).status).toBe(200);
    const [, ...imported] = (await historyOf(slug)).map((r) => r.id).reverse();
    expect(imported).toHaveLength(3);
    const [one, ...others] = imported;
    // While one of them stands, the file is the same reports, imported before.
    await retract(one ?? '');
    expect(await (await publish(session, table)).text()).toContain('These reports were imported before');
    for (const id of others) await retract(id);
    const anew = await publish(session, table);
    expect(await anew.text()).not.toContain('imported before');
    expect(await historyOf(slug)).toHaveLength(7);
    expect(await (await publish(session, table)).text()).toContain('These reports were imported before');
    expect(await historyOf(slug)).toHaveLength(7);
  });

  it("shows each row's errors by row number and column, and publishes nothing of the file", async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const file = renderCsv([
      header,
      hashtags,
      row('a', slug, { value: '11000', qualifier: 'approximately' }),
      row('b', `${slug}x`, { value: '11000', qualifier: 'approximately' }),
      row('c', slug, { value: 'many', qualifier: 'approximately' }),
      row('d', slug, { indicator: 'electricty', state: 'unavailable' }),
      row('e', slug, { value: '11000', qualifier: 'almost' }),
      row('a', slug, { indicator: 'gas', state: 'available' }, '2024-06'),
    ]);
    const check = await upload(session, file);
    const page = await check.text();
    expect(check.status).toBe(422);
    expect(page).toContain('This file cannot be imported yet');
    const cells = [...page.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map(
      ([, r, column, text]) => ({ row: Number(r), column, text }),
    );
    expect(cells).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 4,
          column: 'Place slug',
          text: expect.stringContaining('did you mean'),
        }),
        expect.objectContaining({ row: 5, column: 'Value' }),
        expect.objectContaining({
          row: 6,
          column: 'Indicator',
          text: expect.stringContaining('electricity'),
        }),
        expect.objectContaining({ row: 7, column: 'Qualifier' }),
        expect.objectContaining({ row: 8, column: 'Observed', text: expect.stringContaining('row 3') }),
      ]),
    );
    expect(page).not.toContain('name="table"');
    expect(await historyOf(slug)).toHaveLength(1);
  });

  it("shows the rows' warnings, and publishes only once they are confirmed", async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const file = renderCsv([header, row('', slug, { value: '12', qualifier: 'exact' })]);
    const page = await (await upload(session, file)).text();
    expect(page).toMatch(/Row 2, Value: [^<]*more than 10 times/);
    const { table, codes } = carried(page);
    expect(codes).toEqual(['far-from-current']);
    const unconfirmed = await publish(session, table);
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('role="alert"');
    expect(await historyOf(slug)).toHaveLength(1);
    expect((await publish(session, table, codes)).status).toBe(200);
    expect(await historyOf(slug)).toHaveLength(2);
  });

  it('reads an exported file back: reports it states as published are left as they are, a change is refused', async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const exported = await (await call(`/exports/reports.csv?place=${slug}`)).text();
    const same = await upload(session, exported);
    const samePage = await same.text();
    expect(same.status).toBe(200);
    expect(samePage).toContain('Every report in this file is published already');

    const edited = exported.replace(',12000,exact,', ',13000,exact,');
    expect(edited).not.toBe(exported);
    const changed = await upload(session, edited);
    expect(changed.status).toBe(422);
    expect(await changed.text()).toMatch(
      /<td>3<\/td><td>Value<\/td><td>This row changes report [0-9A-Z]{26}/,
    );

    // the export, with columns and a report of its own added, as a newsroom would
    const read = readCsv(exported);
    if (!read.ok) throw new Error('the export must read back');
    const [head = [], tags = [], ...rows] = read.records;
    const cellsOfNew: Record<string, string> = {
      'Place slug': slug,
      Indicator: 'population_remaining',
      Value: '11.900',
      Qualifier: 'approximately',
      Observed: '2024-05',
      Verification: 'unconfirmed',
      Source: 'Synthetic import source',
      'Source kind': 'ngo',
    };
    const extended = renderCsv([
      [...head, 'Source language', 'Summary', 'Summary language'],
      [...tags, '#language+code+source', '#description+summary', '#language+code+summary'],
      ...rows.map((r) => [...r, '', '', '']),
      [...head.map((h) => cellsOfNew[h] ?? ''), 'en', 'SYNTHETIC: added to an export.', 'en'],
    ]);
    const withNew = await upload(session, extended);
    const withNewPage = await withNew.text();
    expect(withNew.status).toBe(200);
    expect(withNewPage).toContain('One report will be published');
    expect(withNewPage).toContain('Already published');
    expect((await publish(session, carried(withNewPage).table)).status).toBe(200);
    expect(await historyOf(slug)).toHaveLength(2);
  });

  it("reads a count's basis, range and since back from an export, losing nothing", async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const counts = syntheticReport(slug, {
      observed: '2024-04',
      figures: [
        {
          indicator: 'civilian_deaths',
          value: 120,
          qualifier: 'at_least',
          basis: 'total',
          since: { date: '2024-02', qualifier: 'approximately' },
        },
        { indicator: 'civilian_injuries', value: 40, high: 60, qualifier: 'exact', basis: 'period' },
      ],
    });
    const posted = await send('POST', '/api/v1/reports', counts, { as: 'reporter' });
    expect(posted.status).toBe(201);
    const stored = await json(posted);
    const exported = await (
      await call(`/exports/reports.csv?place=${slug}&indicator=civilian_deaths`)
    ).text();
    const read = readCsv(exported);
    if (!read.ok) throw new Error('the export must read back');
    const [head = [], tags = [], ...rows] = read.records;
    const at = (name: string) => head.indexOf(name);
    expect(rows.map((r) => [r[at('Basis')], r[at('High')], r[at('Since')]])).toEqual([
      ['total', '', '2024-02'],
      ['period', '60', ''],
    ]);

    expect(await (await upload(session, exported)).text()).toContain(
      'Every report in this file is published already',
    );
    const widened = renderCsv([
      head,
      tags,
      ...rows.map((r) => r.map((cell, i) => (i === at('High') && cell ? '70' : cell))),
    ]);
    const changed = await upload(session, widened);
    expect(changed.status).toBe(422);
    expect(await changed.text()).toMatch(/<td>4<\/td><td>High<\/td><td>This row changes report/);

    // the same rows as a new report: what is published is what was exported
    const asNew = renderCsv([
      [...head, 'Source language', 'Summary', 'Summary language'],
      [...tags, '#language+code+source', '#description+summary', '#language+code+summary'],
      ...rows.map((r) => [
        ...r.map((cell, i) => (i === at('Report') ? 'again' : cell)),
        'en',
        'SYNTHETIC: the export imported again.',
        'en',
      ]),
    ]);
    const check = await (await upload(session, asNew)).text();
    const { table, codes } = carried(check);
    expect((await publish(session, table, codes)).status).toBe(200);
    const [newest] = await historyOf(slug);
    expect(newest?.id).not.toBe(stored.id);
    const again = await json(await call(`/api/v1/reports/${newest?.id}`));
    expect(again.figures).toEqual(stored.figures);
  });

  it('reads a count of a report stored before counts stated their basis as the basis it assumes', async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const [stored] = await historyOf(slug);
    // the report as stored before bases: its count without one
    const key = historyKey(stored?.id ?? '');
    const { value, metadata } = await env.STATUS_KV.getWithMetadata(key);
    const { report } = JSON.parse(value ?? '{}');
    report.figures = report.figures.map(({ basis: _, ...figure }: { basis?: string }) => figure);
    await env.STATUS_KV.put(key, JSON.stringify({ report }), { metadata });
    expect((await json(await call(`/api/v1/reports/${stored?.id}`))).figures[0].basis).toBeUndefined();

    const exported = await (await call(`/exports/reports.csv?place=${slug}`)).text();
    expect(exported).toContain(',12000,exact,');
    const page = await (await upload(session, exported)).text();
    expect(page).toContain('Every report in this file is published already');
  });

  it('answers a page, never a 500, for a file it cannot take, and stores nothing', async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const good = threeReports(slug);
    const plain = threeReports(slug, false);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...good].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    const latin1 = new Uint8Array([...new TextEncoder().encode(good.slice(0, 200)), 0xe9, 0x0d, 0x0a]);
    const cases: [string, string | Uint8Array, number, string][] = [
      ['UTF-16', utf16, 422, 'UTF-16'],
      ['not UTF-8', latin1, 422, 'not UTF-8'],
      ['empty', '', 422, 'Choose a CSV file'],
      ['only a header', `${header.join(',')}\r\n`, 422, 'has no reports'],
      ['an unclosed quote', `${good}"${slug},oops\r\n`, 422, 'never closed'],
      ['an unknown column', plain.replace('Summary language', 'Sumary language'), 422, 'did you mean'],
      [
        'an unknown hashtag',
        good.replace('#description+summary', '#description+sumary'),
        422,
        'did you mean',
      ],
      [
        'a missing column',
        plain.replace(',Verification,', ',Reported,'),
        422,
        'The column &quot;Verification&quot; is missing',
      ],
      ['a column twice', plain.replace(',Verification,', ',Source,'), 422, 'is there twice'],
      [
        'a formula',
        renderCsv([header, row('', slug, { value: '11000', qualifier: 'exact' })]).replace(
          'Synthetic import source',
          '=HYPERLINK("https://evil.example","x")',
        ),
        422,
        'starts like a spreadsheet formula',
      ],
      [
        'more than 100 reports',
        renderCsv([
          header,
          ...Array.from({ length: 101 }, () => row('', slug, { value: '11000', qualifier: 'exact' })),
        ]),
        422,
        'at most 100',
      ],
      ['a huge file', `${good}${'x'.repeat(1024 * 1024)}`, 413, 'larger than 1 MB'],
    ];
    for (const [name, file, status, words] of cases) {
      const response = await upload(session, file);
      const page = await response.text();
      expect(response.status, name).toBe(status);
      expect(page, name).toContain(words);
      expect(page, name).not.toContain('name="table"');
    }
    const huge = await upload(session, 'x'.repeat(3 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(await historyOf(slug)).toHaveLength(1);
  });

  it('keeps quoted line breaks and formulas written safely as text', async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const file = renderCsv([header, row('', slug, { value: '11900', qualifier: 'approximately' })])
      .replace('SYNTHETIC: imported report .', '"SYNTHETIC: two lines,\r\n""quoted"""')
      .replace('Synthetic import source', "'=not a formula");
    const page = await (await upload(session, file)).text();
    const { table } = carried(page);
    expect((await publish(session, table)).status).toBe(200);
    const [newest] = await historyOf(slug);
    const report = await json(await call(`/api/v1/reports/${newest?.id}`));
    expect(report.summary.text).toBe('SYNTHETIC: two lines,\n"quoted"');
    expect(report.source.name).toBe('=not a formula');
    const exported = await (await call(`/exports/reports.csv?place=${slug}`)).text();
    expect(exported).toContain("'=not a formula");
  });

  it('is for writers who are signed in, from this site, with the form of their session', async () => {
    const slug = await placeWithResidents();
    expect((await call('/desk/import', manual)).status).toBe(303);
    const session = await signIn();
    const crossSite = await upload(session, threeReports(slug), {
      origin: 'https://elsewhere.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const noToken = await upload({ ...session, formToken: 'f'.repeat(64) }, threeReports(slug));
    expect(noToken.status).toBe(403);
    const { table } = carried(await (await upload(session, threeReports(slug))).text());
    const forged = await publish({ ...session, formToken: '0'.repeat(64) }, table);
    expect(forged.status).toBe(403);
    expect(await historyOf(slug)).toHaveLength(1);
  });

  it('speaks Dutch', async () => {
    const slug = await placeWithResidents();
    const session = await signIn();
    const page = await (
      await upload(
        session,
        renderCsv([header, row('', `${slug}x`, { value: '1', qualifier: 'exact' })]),
        sameSite,
        '/desk/import/check?lang=nl',
      )
    ).text();
    expect(page).toContain('Dit bestand kan nog niet worden geïmporteerd');
    expect(page).toContain('bedoelt u');
    expect(page).toContain('importville-');
    expect(slug).toMatch(/^importville-/);
  });
});
