// A corpus of hostile requests: every one must be answered 4xx with problem+json and leave
// storage untouched. Kept as data so that it can grow; built from a valid SYNTHETIC report
// by breaking one thing at a time.

import { syntheticPlace, syntheticReport } from '../support/builders.ts';

export interface HostileRequest {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Which token to send; default the reporter's (with the report scope). */
  as?: 'reporter' | 'admin' | 'none';
}

const place = 'hostileville';
const valid = syntheticReport(place);
const json = { 'content-type': 'application/json' };

function withField(path: string[], value: unknown): unknown {
  const copy = structuredClone(valid) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1) as string] = value;
  return copy;
}

const malformedJson = [
  '',
  '{',
  '}',
  '{"place": }',
  "{'place': 'x'}",
  '{"place": "x",}',
  '[1, 2,',
  'null',
  'true',
  '"just a string"',
  '42',
  'NaN',
  '{"a": undefined}',
  '{"a": 1} {"b": 2}',
  '\u0000',
  '<report/>',
  'place=hostileville',
  '{"place": "hostileville" "observed": "2024"}',
  '{"\\ud800": 1}',
  '\uFEFF{"place": 1',
];

const wrongTypes: [string[], unknown][] = [
  [['place'], 42],
  [['place'], null],
  [['place'], ['hostileville']],
  [['observed'], 2024],
  [['observed'], { year: 2024 }],
  [['observed'], true],
  [['figures'], 'electricity'],
  [['figures'], {}],
  [['figures'], null],
  [['figures'], [null]],
  [['figures'], ['electricity']],
  [['figures'], [{ indicator: 'electricity', state: 1 }]],
  [['figures'], [{ indicator: 'civilian_deaths', value: '12', qualifier: 'exact' }]],
  [['figures'], [{ indicator: 'civilian_deaths', value: true, qualifier: 'exact' }]],
  [['figures'], [{ indicator: 'civilian_deaths', value: 1.5, qualifier: 'exact' }]],
  [['figures'], [{ indicator: 'civilian_deaths', value: -1, qualifier: 'exact' }]],
  [['figures'], [{ indicator: 'civilian_deaths', value: 1, qualifier: ['exact'] }]],
  [['figures'], [{ indicator: 7, value: 1, qualifier: 'exact' }]],
  [['summary'], 'text'],
  [['summary', 'text'], 5],
  [['summary', 'text'], ''],
  [['summary', 'text'], '   '],
  [['summary', 'language'], 'Dutch'],
  [['summary', 'language'], 12],
  [['source'], 'Marchenko'],
  [['source', 'kind'], 'blog'],
  [['source', 'name'], null],
  [['source', 'url'], 42],
  [['verification'], 'probably'],
  [['verification'], 1],
];

const hugeNumbers: unknown[] = [
  1e10,
  1e308,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  1e21,
  -0.0001,
  1_000_000_001,
  1e20,
];

const pollution: [string, string][] = [
  ['top-level __proto__', '{"__proto__": {"admin": true}, "place": "hostileville"}'],
  ['nested __proto__', JSON.stringify(valid).replace('"source":{', '"source":{"__proto__":{"polluted":1},')],
  [
    'constructor.prototype',
    JSON.stringify(valid).replace('{"place"', '{"constructor":{"prototype":{"x":1}},"place"'),
  ],
  [
    '__proto__ in a figure',
    JSON.stringify(valid).replace('"figures":[{', '"figures":[{"__proto__":{"y":2},'),
  ],
  ['prototype key', JSON.stringify(valid).replace('{"place"', '{"prototype":1,"place"')],
  [
    '__proto__ as a place name key',
    JSON.stringify(syntheticPlace({ names: { en: 'x' } })).replace('"names":{', '"names":{"__proto__":"x",'),
  ],
  ['__defineGetter__', JSON.stringify(valid).replace('{"place"', '{"__defineGetter__":1,"place"')],
  ['hasOwnProperty', JSON.stringify(valid).replace('{"place"', '{"hasOwnProperty":1,"place"')],
  ['toString', JSON.stringify(valid).replace('{"place"', '{"toString":"x","place"')],
  ['valueOf in summary', JSON.stringify(valid).replace('"summary":{', '"summary":{"valueOf":1,')],
];

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const scriptAndSql = [
  "hostileville'; DROP TABLE reports;--",
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '../../etc/passwd',
  'HOSTILEVILLE',
  'hostile ville',
  'hostileville\u0000',
  '%00',
  'hostileville/../admin',
  'ünïcode',
];

export function hostileCorpus(): HostileRequest[] {
  const corpus: HostileRequest[] = [];
  for (const body of malformedJson) {
    corpus.push({
      name: `malformed JSON ${JSON.stringify(body).slice(0, 30)}`,
      method: 'POST',
      path: '/api/v1/reports',
      headers: json,
      body,
    });
  }
  for (const [path, value] of wrongTypes) {
    corpus.push({
      name: `wrong type at ${path.join('.')}: ${JSON.stringify(value)}`,
      method: 'POST',
      path: '/api/v1/reports',
      headers: json,
      body: withField(path, value),
    });
  }
  for (const value of hugeNumbers) {
    corpus.push({
      name: `huge number ${value}`,
      method: 'POST',
      path: '/api/v1/reports',
      headers: json,
      body: withField(['figures'], [{ indicator: 'civilian_deaths', value, qualifier: 'exact' }]),
    });
  }
  for (const [name, body] of pollution) {
    const isPlace = name.includes('place name');
    corpus.push({
      name: `prototype pollution: ${name}`,
      method: isPlace ? 'PUT' : 'POST',
      path: isPlace ? `/api/v1/places/${place}-x` : '/api/v1/reports',
      headers: json,
      body,
      ...(isPlace ? { as: 'admin' as const } : {}),
    });
  }
  for (const depth of [50, 500, 5000]) {
    corpus.push({
      name: `nested ${depth} deep`,
      method: 'POST',
      path: '/api/v1/reports',
      headers: json,
      body: nested(depth),
    });
    corpus.push({
      name: `nested ${depth} deep inside a report`,
      method: 'POST',
      path: '/api/v1/reports',
      headers: json,
      body: JSON.stringify(valid).replace('{"place"', `{"extra":${nested(depth)},"place"`),
    });
  }
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'text/html',
    'application/jsonp',
    'application/json-seq',
    'image/png',
    '',
    'application/javascript',
  ]) {
    corpus.push({
      name: `content type "${type}"`,
      method: 'POST',
      path: '/api/v1/reports',
      headers: type ? { 'content-type': type } : {},
      body: JSON.stringify(valid),
    });
  }
  const headerAttacks: [string, Record<string, string>][] = [
    ['oversized Idempotency-Key', { ...json, 'idempotency-key': 'k'.repeat(4096) }],
    ['Idempotency-Key with spaces', { ...json, 'idempotency-key': 'a key with spaces' }],
    ['Idempotency-Key with non-ASCII', { ...json, 'idempotency-key': 'ключ' }],
    ['Idempotency-Key with quotes and angle brackets', { ...json, 'idempotency-key': '"><script>' }],
    ['Idempotency-Key that is empty after trimming', { ...json, 'idempotency-key': ' ' }],
  ];
  for (const [name, headers] of headerAttacks) {
    corpus.push({ name, method: 'POST', path: '/api/v1/reports', headers, body: valid });
  }
  const tokenAttacks: [string, string][] = [
    ['no Bearer prefix', 'test-token-reporter'],
    ['Basic scheme', 'Basic dGVzdDp0ZXN0'],
    ['empty bearer', 'Bearer '],
    ['oversized token', `Bearer ${'t'.repeat(8000)}`],
    ['token with an injected second value', 'Bearer test-token-reporter, Bearer x'],
    ['lower-case scheme and unknown token', 'bearer nope'],
    ['SQL in the token', "Bearer ' OR '1'='1"],
    ['script in the token', 'Bearer <script>alert(1)</script>'],
  ];
  for (const [name, authorization] of tokenAttacks) {
    corpus.push({
      name: `auth: ${name}`,
      method: 'POST',
      path: '/api/v1/reports',
      headers: { ...json, authorization },
      body: valid,
      as: 'none',
    });
  }
  for (const value of scriptAndSql) {
    const encoded = encodeURIComponent(value);
    corpus.push({
      name: `place slug in a report: ${value}`,
      method: 'POST',
      path: '/api/v1/reports',
      headers: json,
      body: withField(['place'], value),
    });
    corpus.push({
      name: `PUT place slug: ${value}`,
      method: 'PUT',
      path: `/api/v1/places/${encoded}`,
      headers: json,
      body: syntheticPlace(),
      as: 'admin',
    });
    corpus.push({ name: `GET place slug: ${value}`, method: 'GET', path: `/api/v1/places/${encoded}` });
    corpus.push({ name: `GET report id: ${value}`, method: 'GET', path: `/api/v1/reports/${encoded}` });
    corpus.push({ name: `feed slug: ${value}`, method: 'GET', path: `/feeds/places/${encoded}.atom` });
  }
  for (const query of [
    'limit=-1',
    'limit=1e9',
    'limit=0x10',
    'cursor=%27%20OR%201%3D1',
    'since=%27%20OR%201%3D1',
    'until=<script>',
    'indicator=%3Cscript%3E',
    'verification[]=x',
    'limit=',
    '__proto__=1',
  ]) {
    corpus.push({ name: `query ${query}`, method: 'GET', path: `/api/v1/reports?${query}` });
    corpus.push({ name: `feed query ${query}`, method: 'GET', path: `/feeds/all.json?${query}` });
  }
  corpus.push({
    name: 'body over 64 KiB',
    method: 'POST',
    path: '/api/v1/reports',
    headers: json,
    body: JSON.stringify({ ...valid, summary: { text: 'x'.repeat(70_000), language: 'en' } }),
  });
  corpus.push({
    name: 'batch over 100',
    method: 'POST',
    path: '/api/v1/reports/batch',
    headers: json,
    body: { reports: Array.from({ length: 101 }, () => ({ place: 'x' })) },
  });
  corpus.push({
    name: 'batch that is not a list',
    method: 'POST',
    path: '/api/v1/reports/batch',
    headers: json,
    body: { reports: valid },
  });
  corpus.push({
    name: 'a text field over its cap',
    method: 'POST',
    path: '/api/v1/reports',
    headers: json,
    body: withField(['source', 'name'], 'n'.repeat(101)),
  });
  corpus.push({
    name: 'javascript: URL',
    method: 'POST',
    path: '/api/v1/reports',
    headers: json,
    body: withField(['source', 'url'], 'javascript:alert(1)'),
  });
  corpus.push({
    name: 'data: URL',
    method: 'POST',
    path: '/api/v1/reports',
    headers: json,
    body: withField(['source', 'url'], 'data:text/html,<script>alert(1)</script>'),
  });
  corpus.push({
    name: 'file: URL',
    method: 'POST',
    path: '/api/v1/reports',
    headers: json,
    body: withField(['source', 'url'], 'file:///etc/passwd'),
  });
  corpus.push({
    name: 'control character in a name',
    method: 'POST',
    path: '/api/v1/reports',
    headers: json,
    body: withField(['source', 'name'], 'Name\u0007'),
  });
  corpus.push({
    name: 'retraction of a report that does not exist',
    method: 'POST',
    path: '/api/v1/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV/retraction',
    headers: json,
    body: { reason: 'x' },
    as: 'admin',
  });
  corpus.push({
    name: 'correction by a reporter',
    method: 'POST',
    path: '/api/v1/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV/corrections',
    headers: json,
    body: { ...valid, reason: 'x' },
  });
  corpus.push({
    name: 'place written by a reporter',
    method: 'PUT',
    path: `/api/v1/places/${place}-y`,
    headers: json,
    body: syntheticPlace(),
  });
  return corpus;
}
