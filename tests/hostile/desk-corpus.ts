// The hostile corpus of the desk: forms and uploaded files, each built from a valid
// SYNTHETIC one by breaking one thing. Every one must be answered with a clear 4xx (a page,
// or a problem when no page is asked for) and leave storage untouched. The session's form
// token is known only once signed in, so each request is made from it.

import { renderCsv } from '../../src/render/csv.ts';

export interface HostileDeskRequest {
  name: string;
  path: string;
  /** The status it must get. */
  status: number;
  /** A form as pairs (sent form-urlencoded unless `contentType` says otherwise), or bytes to upload. */
  build: (formToken: string) => { contentType?: string; body: string | Uint8Array; upload?: boolean };
}

const place = 'hostileville';

/** The report form, filled in as a writer would, for a SYNTHETIC report. */
function reportForm(formToken: string, change: Record<string, string> = {}): Record<string, string> {
  return {
    formToken,
    place,
    observed: '2024-04',
    'electricity.state': 'unavailable',
    'summary.text': 'SYNTHETIC: a hostile desk form.',
    'summary.language': 'en',
    'source.name': 'Synthetic desk source',
    'source.kind': 'ngo',
    'source.language': 'en',
    verification: 'unconfirmed',
    ...change,
  };
}

const encoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** The report form with one field broken, sent to preview and to publish alike. */
const brokenFields: [string, Record<string, string>, number][] = [
  ['a control character', { 'summary.text': 'SYNTHETIC \u0000 nul' }, 422],
  ['a line break in a one-line field', { place: `${place}\r\nSet-Cookie: x=y` }, 422],
  ['markup as the place', { place: '<script>alert(1)</script>' }, 422],
  ['an unknown place', { place: 'nowhere-at-all' }, 422],
  ['a count above the limit', { 'population_remaining.value': '12.000.000.000' }, 422],
  [
    'a negative count',
    { 'population_remaining.value': '-5', 'population_remaining.qualifier': 'exact' },
    422,
  ],
  [
    'a count in exponent form',
    { 'population_remaining.value': '1e3', 'population_remaining.qualifier': 'exact' },
    422,
  ],
  ['a count that underflows to 0', { 'population_remaining.value': '1e-400' }, 422],
  ['a fraction that rounds to a count', { 'population_remaining.value': '0.99999999999999999' }, 422],
  ['a fraction with three decimals, not a thousands point', { 'population_remaining.value': '0.500' }, 422],
  ['a date in the future', { observed: '2999-01' }, 422],
  ['a date that does not exist', { observed: '2024-02-30' }, 422],
  ['an unknown state', { 'electricity.state': 'on' }, 422],
  [
    'an unknown qualifier',
    { 'population_remaining.value': '100', 'population_remaining.qualifier': 'roughly' },
    422,
  ],
  [
    'a quote that is not in the original',
    {
      'electricity.quote': 'words never written',
      'original.text': 'Het licht is uit.',
      'original.language': 'nl',
    },
    422,
  ],
  ['a source address that is not http', { 'source.url': 'javascript:alert(1)' }, 422],
  ['a summary of 3,000 characters', { 'summary.text': 'x'.repeat(3000) }, 422],
  ['no figure at all', { 'electricity.state': '' }, 422],
];

function formCases(path: string): HostileDeskRequest[] {
  return [
    ...brokenFields.map(([name, change, status]) => ({
      name: `${path}: ${name}`,
      path,
      status,
      build: (token: string) => ({ body: encoded(reportForm(token, change)) }),
    })),
    { name: `${path}: no form token`, path, status: 403, build: () => ({ body: encoded(reportForm('')) }) },
    {
      name: `${path}: another session's form token`,
      path,
      status: 403,
      build: () => ({ body: encoded(reportForm('ab'.repeat(32))) }),
    },
    {
      name: `${path}: a byte order mark before the first field`,
      path,
      status: 403,
      build: (token) => ({ body: `%EF%BB%BF${encoded(reportForm(token))}` }),
    },
    {
      name: `${path}: a body over 64 KiB`,
      path,
      status: 413,
      build: (token) => ({ body: encoded(reportForm(token, { 'summary.text': 'x'.repeat(70 * 1024) })) }),
    },
    {
      name: `${path}: Latin-1 declared`,
      path,
      status: 415,
      build: (token) => ({
        contentType: 'application/x-www-form-urlencoded; charset=iso-8859-1',
        body: encoded(reportForm(token)),
      }),
    },
    {
      name: `${path}: its charset named twice`,
      path,
      status: 415,
      build: (token) => ({
        contentType: 'application/x-www-form-urlencoded; charset=utf-8; charset=iso-8859-1',
        body: encoded(reportForm(token)),
      }),
    },
    {
      name: `${path}: percent-encoded bytes that are not UTF-8`,
      path,
      status: 400,
      build: (token) => ({ body: `${encoded(reportForm(token))}&summary.text=caf%E9` }),
    },
    {
      name: `${path}: raw bytes that are not UTF-8`,
      path,
      status: 400,
      build: (token) => ({
        body: new Uint8Array([
          ...new TextEncoder().encode(`${encoded(reportForm(token))}&note=`),
          0xe9,
          0xff,
        ]),
      }),
    },
    {
      name: `${path}: JSON instead of a form`,
      path,
      status: 415,
      build: (token) => ({ contentType: 'application/json', body: JSON.stringify(reportForm(token)) }),
    },
    {
      name: `${path}: plain text instead of a form`,
      path,
      status: 415,
      build: (token) => ({ contentType: 'text/plain', body: encoded(reportForm(token)) }),
    },
  ];
}

const importHeader = [
  'Place slug',
  'Indicator',
  'State',
  'Observed',
  'Verification',
  'Source',
  'Source kind',
  'Source language',
  'Summary',
  'Summary language',
];
const importRow = (change: Record<string, string> = {}) =>
  importHeader.map(
    (column) =>
      change[column] ??
      {
        'Place slug': place,
        Indicator: 'electricity',
        State: 'unavailable',
        Observed: '2024-04',
        Verification: 'unconfirmed',
        Source: 'Synthetic import source',
        'Source kind': 'ngo',
        'Source language': 'en',
        Summary: 'SYNTHETIC: a hostile import.',
        'Summary language': 'en',
      }[column] ??
      '',
  );
const goodFile = renderCsv([importHeader, importRow()]);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Uploaded files, each broken in one way. */
const brokenFiles: [string, Uint8Array, number][] = [
  [
    'UTF-16 with its byte order mark',
    new Uint8Array([0xff, 0xfe, ...[...goodFile].flatMap((c) => [c.charCodeAt(0), 0])]),
    422,
  ],
  [
    'Latin-1 bytes',
    new Uint8Array([...utf8(goodFile.replace('a hostile import', 'caf')), 0xe9, 0x0d, 0x0a]),
    422,
  ],
  ['an empty file', new Uint8Array(), 422],
  ['a header without rows', utf8(`${importHeader.join(',')}\r\n`), 422],
  ['a quote never closed', utf8(`${goodFile}"${place},electricity\r\n`), 422],
  [
    'a formula in a cell',
    utf8(
      renderCsv([importHeader, importRow({ Source: 'x' })]).replace(
        ',x,',
        ',=HYPERLINK("https://evil.example"),',
      ),
    ),
    422,
  ],
  [
    'a formula behind @',
    utf8(renderCsv([importHeader, importRow({ Source: 'x' })]).replace(',x,', ',@SUM(A1:A9),')),
    422,
  ],
  ['an unknown column', utf8(goodFile.replace('Summary language', 'Sumary language')), 422],
  ['a column twice', utf8(goodFile.replace(',Verification,', ',Source,')), 422],
  ['101 reports', utf8(renderCsv([importHeader, ...Array.from({ length: 101 }, () => importRow())])), 422],
  [
    'a cell of another report differing',
    utf8(
      `Report,${renderCsv([importHeader, importRow()]).replace('\r\n', '\r\nr1,').trimEnd()}\r\nr1,${importRow({ Observed: '2024-05', Indicator: 'gas' }).join(',')}\r\n`,
    ),
    422,
  ],
  [
    'markup in a cell',
    utf8(renderCsv([importHeader, importRow({ 'Place slug': '<img src=x onerror=alert(1)>' })])),
    422,
  ],
  [
    'a date of an English file that reads as two days',
    utf8(renderCsv([importHeader, importRow({ Observed: '05/12/2024' })])),
    422,
  ],
  ['a file over 1 MB', utf8(`${goodFile}${'x'.repeat(1024 * 1024)}`), 413],
  ['a NUL byte', utf8(goodFile.replace('hostile', 'host\u0000ile')), 422],
];

const importCases: HostileDeskRequest[] = [
  ...brokenFiles.map(([name, bytes, status]) => ({
    name: `import: ${name}`,
    path: '/desk/import/check',
    status,
    build: () => ({ body: bytes, upload: true }),
  })),
  {
    name: 'import: a body over 2 MB',
    path: '/desk/import/check',
    status: 413,
    build: () => ({ body: utf8('x'.repeat(3 * 1024 * 1024)), upload: true }),
  },
  {
    name: 'import: a carried file that is not base64',
    path: '/desk/import',
    status: 422,
    build: (token) => ({ body: encoded({ formToken: token, table: '%%% not base64 %%%' }) }),
  },
  {
    name: 'import: a carried file in UTF-16',
    path: '/desk/import',
    status: 422,
    build: (token) => ({ body: encoded({ formToken: token, table: btoa('\xff\xfeP\0l\0') }) }),
  },
];

const moderationCases: HostileDeskRequest[] = [
  {
    name: 'retraction of a report that does not exist',
    path: '/desk/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV/retraction',
    status: 404,
    build: (token) => ({ body: encoded({ formToken: token, reason: 'SYNTHETIC reason' }) }),
  },
  {
    name: 'retraction of something that is not a report id',
    path: '/desk/reports/..%2F..%2Fadmin/retraction',
    status: 400,
    build: (token) => ({ body: encoded({ formToken: token, reason: 'SYNTHETIC reason' }) }),
  },
  {
    name: 'a place form without a country',
    path: '/desk/places',
    status: 422,
    build: (token) => ({ body: encoded({ formToken: token, slug: 'hostile-new', 'names.en': 'Hostile' }) }),
  },
  {
    name: 'a place form whose slug is a path',
    path: '/desk/places',
    status: 422,
    build: (token) => ({
      body: encoded({
        formToken: token,
        slug: '../etc',
        'names.en': 'Hostile',
        'country.code': 'XX',
        'country.name': 'X',
      }),
    }),
  },
];

export function hostileDeskCorpus(): HostileDeskRequest[] {
  return [
    ...formCases('/desk/reports/preview'),
    ...formCases('/desk/reports'),
    ...importCases,
    ...moderationCases,
  ];
}
