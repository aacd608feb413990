import { beforeAll, describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport, unknownIndicator } from '../support/builders.ts';
import { byTag, readCsv } from '../support/hxl.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

// Every place, figure and source here is SYNTHETIC.

const csvType = 'text/csv; charset=utf-8; header=present';
const hostileNames = ['=HYPERLINK("http://evil","x")', 'Radio "Free", Synthetic\nsecond line'];

/** Report ids in the order a CSV page lists them (one row per figure, so each id once). */
const reportIds = (text: string) => [...new Set(byTag(text).map((row) => row['#meta+id'] ?? ''))];

const nextLink = (response: Response) =>
  /^<([^>]+)>; rel="next"$/.exec(response.headers.get('link') ?? '')?.[1];

let countReport: Awaited<ReturnType<typeof postReport>>;

beforeAll(async () => {
  await createPlace('ex-town', { en: 'Ex Town (synthetic)' });
  await send(
    'PUT',
    '/api/v1/places/ex-nowhere',
    syntheticPlace({ names: { en: 'Ex Nowhere (synthetic)' }, coordinates: undefined }),
    { as: 'admin' },
  );
  countReport = await postReport(
    syntheticReport('ex-town', {
      observed: '2024-03',
      figures: [
        { indicator: 'population_baseline', value: 80_000, qualifier: 'approximately' },
        { indicator: 'population_remaining', value: 12_000, qualifier: 'approximately' },
        { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least' },
      ],
      source: { name: 'Synthetic deputy mayor', role: 'synthetic role', kind: 'official', language: 'nl' },
      verification: 'corroborated',
    }),
  );
  await postReport(syntheticReport('ex-nowhere', { observed: '2024-03-10' }));
  for (const [n, name] of hostileNames.entries()) {
    await postReport(
      syntheticReport('ex-nowhere', {
        observed: `2024-03-1${n + 1}`,
        figures: [{ indicator: 'gas', state: 'intermittent' }],
        source: { name, kind: 'social_media', language: 'en' },
      }),
    );
  }
});

describe.each([
  ['/exports/status.csv', csvType],
  ['/exports/status.geojson', 'application/geo+json'],
  ['/exports/reports.csv', csvType],
  ['/exports/reports.csv?place=ex-town&indicator=civilian_deaths', csvType],
])('GET %s', (path, contentType) => {
  it('answers 200 with its content type, an ETag, Cache-Control and CORS', async () => {
    const response = await call(path, { headers: { origin: 'https://dashboard.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    // A dashboard in a browser on another origin can read the next page's Link.
    expect(response.headers.get('access-control-expose-headers')?.split(/,\s*/)).toContain('Link');
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect((await response.text()).length).toBeGreaterThan(0);
  });

  it('returns 304 with no body when the ETag matches', async () => {
    const etag = (await call(path)).headers.get('etag') ?? '';
    const again = await call(path, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await call(path);
    const head = await call(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(contentType);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await head.text()).toBe('');
  });
});

describe('GET /exports/status.csv', () => {
  it('is HXL: a header row, a row of hashtags, then one row per place and indicator', async () => {
    const [headers, tags, ...rows] = readCsv(await (await call('/exports/status.csv')).text());
    expect(headers?.[0]).toBe('Place');
    expect(tags).toContain('#date+reported');
    expect(tags).toContain('#date+observed');
    expect(tags).toContain('#status+verification');
    expect(tags?.every((tag) => /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/.test(tag))).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(5);
  });

  it('gives value, qualifier and the out-of total of a figure in separate columns', async () => {
    const rows = byTag(await (await call('/exports/status.csv')).text());
    const remaining = rows.find(
      (r) => r['#loc+code'] === 'ex-town' && r['#indicator+code'] === 'population_remaining',
    );
    expect(remaining).toMatchObject({
      '#loc+name': 'Ex Town (synthetic)',
      '#geo+lat': '10',
      '#geo+lon': '20',
      '#indicator+num': '12000',
      '#indicator+qualifier': 'approximately',
      '#indicator+num+total': '80000',
      '#indicator+qualifier+total': 'approximately',
      '#indicator+code+total': 'population_baseline',
      '#date+observed': '2024-03',
      '#date+reported': countReport.published,
      '#status+verification': 'corroborated',
      '#meta+source': 'Synthetic deputy mayor',
      '#meta+source+role': 'synthetic role',
      '#meta+id': countReport.id,
      '#meta+url': `http://status.test/api/v1/reports/${countReport.id}`,
    });
  });

  it('neutralises a formula in a source name and round-trips quotes, commas and line breaks', async () => {
    const history = await (await call('/exports/reports.csv?place=ex-nowhere&indicator=gas')).text();
    expect(history).toContain(`,"'=HYPERLINK(""http://evil"",""x"")",`);
    expect(byTag(history).map((r) => r['#meta+source'])).toEqual([hostileNames[1], `'${hostileNames[0]}`]);
    const status = byTag(await (await call('/exports/status.csv')).text());
    const gas = status.find((r) => r['#loc+code'] === 'ex-nowhere' && r['#indicator+code'] === 'gas');
    // The gas report observed last is current: the one whose source name holds quotes and a line break.
    expect(gas?.['#meta+source']).toBe(hostileNames[1]);
  });

  it('refuses query parameters it does not know with a 400 problem', async () => {
    const response = await call('/exports/status.csv?format=xlsx');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect((await json(response)).errors[0]).toMatchObject({ pointer: '/format', rule: 'unknown field' });
  });
});

describe('GET /exports/places.csv', () => {
  it('is wide: one row per place, with columns for each indicator under dictionary hashtags', async () => {
    const text = await (await call('/exports/places.csv')).text();
    const [headers = [], tags = []] = readCsv(text);
    for (const tag of [
      '#population+total',
      '#population+baseline',
      '#affected+killed',
      '#affected+injured',
    ]) {
      expect(tags).toContain(tag);
    }
    for (const tag of [
      '#loc+name',
      '#loc+code',
      '#adm1+code',
      '#geo+lat',
      '#geo+lon',
      '#status+electricity',
    ]) {
      expect(tags).toContain(tag);
    }
    expect(new Set(tags).size).toBe(tags.length);
    expect(headers).toContain('Residents remaining qualifier');
    const rows = byTag(text);
    expect(rows.map((r) => r['#loc+code'])).toEqual(expect.arrayContaining(['ex-town', 'ex-nowhere']));
    expect(new Set(rows.map((r) => r['#loc+code'])).size).toBe(rows.length);
    const town = rows.find((r) => r['#loc+code'] === 'ex-town');
    expect(town).toMatchObject({
      '#population+total': '12000',
      '#meta+qualifier+remaining': 'approximately',
      '#population+baseline': '80000',
      '#affected+killed': '120',
      '#meta+qualifier+killed': 'at_least',
      '#date+observed+killed': '2024-03',
      '#meta+verification+killed': 'corroborated',
      '#meta+source+killed': 'Synthetic deputy mayor',
      '#meta+id+killed': countReport.id,
      '#geo+lat': '10',
      '#geo+lon': '20',
    });
    expect(town?.['#date+stale_after+killed']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('never lets an HXL pattern for a quantity match another column', async () => {
    const [, tags = []] = readCsv(await (await call('/exports/places.csv')).text());
    const attributes = (tag: string) => new Set(tag.split('+').slice(1));
    const matches = (pattern: string, tag: string) =>
      tag.split('+')[0] === pattern.split('+')[0] &&
      [...attributes(pattern)].every((a) => attributes(tag).has(a));
    for (const quantity of [
      '#population+total',
      '#affected+killed',
      '#affected+injured',
      '#status+electricity',
    ]) {
      expect(tags.filter((tag) => matches(quantity, tag))).toEqual([quantity]);
    }
  });
});

describe('plain CSV on request', () => {
  it.each(['/exports/status.csv', '/exports/places.csv', '/exports/reports.csv'])(
    '%s?hxl=false has the header row and the data, no hashtag row',
    async (path) => {
      const tagged = readCsv(await (await call(path)).text());
      const plain = readCsv(await (await call(`${path}?hxl=false`)).text());
      expect(plain[0]).toEqual(tagged[0]);
      expect(plain.slice(1)).toEqual(tagged.slice(2));
      expect(plain.flat().some((cell) => cell.startsWith('#'))).toBe(false);
    },
  );

  it('refuses any other value of hxl', async () => {
    expect((await call('/exports/places.csv?hxl=no')).status).toBe(400);
  });
});

describe('GET /exports/status.geojson', () => {
  it('is a FeatureCollection of Points at [longitude, latitude], with the status as properties', async () => {
    const collection = await json(await call('/exports/status.geojson'));
    expect(collection.type).toBe('FeatureCollection');
    const town = collection.features.find((f: { id: string }) => f.id === 'ex-town');
    expect(town.type).toBe('Feature');
    expect(town.geometry).toEqual({ type: 'Point', coordinates: [20, 10] });
    expect(town.properties.name).toBe('Ex Town (synthetic)');
    expect(town.properties.indicators.population_remaining).toMatchObject({
      figure: { value: 12_000, qualifier: 'approximately' },
      observed: '2024-03',
      published: countReport.published,
      verification: 'corroborated',
      source: { name: 'Synthetic deputy mayor', kind: 'official' },
    });
    for (const feature of collection.features) {
      expect(feature.geometry.coordinates).toHaveLength(2);
      expect(feature.geometry.coordinates.every((n: unknown) => typeof n === 'number')).toBe(true);
    }
  });

  it('lists a place without coordinates in placesWithoutCoordinates, not as a feature', async () => {
    const collection = await json(await call('/exports/status.geojson'));
    expect(collection.features.map((f: { id: string }) => f.id)).not.toContain('ex-nowhere');
    const nowhere = collection.placesWithoutCoordinates.find(
      (p: { slug: string }) => p.slug === 'ex-nowhere',
    );
    expect(nowhere.indicators.gas.source.name).toBe(hostileNames[1]);
  });
});

describe('GET /exports/reports.csv', () => {
  it.each([
    ['', '/api/v1/reports'],
    ['?indicator=gas', '/api/v1/reports?indicator=gas'],
    ['?indicator=gas&indicator=civilian_deaths', '/api/v1/reports?indicator=gas&indicator=civilian_deaths'],
    ['?verification=corroborated', '/api/v1/reports?verification=corroborated'],
    ['?since=2000-01-01&until=2000-12-31', '/api/v1/reports?since=2000-01-01&until=2000-12-31'],
    ['?place=ex-nowhere', '/api/v1/places/ex-nowhere/reports'],
    ['?place=ex-town&verification=unconfirmed', '/api/v1/places/ex-town/reports?verification=unconfirmed'],
  ])('filters %s as %s does', async (query, apiPath) => {
    const csv = await call(`/exports/reports.csv${query}`);
    expect(csv.status).toBe(200);
    const api = await json(await call(apiPath));
    expect(reportIds(await csv.text())).toEqual(api.reports.map((r: { id: string }) => r.id));
  });

  it('pages with the API cursor, the next page in a Link header, none on the last', async () => {
    const seen: string[] = [];
    let next: string | undefined = '/exports/reports.csv?limit=1';
    let pages = 0;
    while (next) {
      const response = await call(next);
      expect(response.status).toBe(200);
      seen.push(...reportIds(await response.text()));
      next = nextLink(response);
      if (next) expect(new URL(next).searchParams.get('limit')).toBe('1');
      pages++;
      expect(pages).toBeLessThan(10);
    }
    const api = await json(await call('/api/v1/reports'));
    expect(seen).toEqual(api.reports.map((r: { id: string }) => r.id));
    expect(pages).toBe(seen.length);
  });

  it('answers errors as the history API does', async () => {
    const cases = [
      ['/exports/reports.csv?place=Not_A_Slug', 400, '/place'],
      ['/exports/reports.csv?limit=0', 400, '/limit'],
      [`/exports/reports.csv?indicator=${encodeURIComponent(unknownIndicator)}`, 400, '/indicator/0'],
      ['/exports/reports.csv?cursor=garbage', 400, '/cursor'],
      ['/exports/reports.csv?unknown=1', 400, '/unknown'],
      ['/exports/reports.csv?since=2024-02-01&until=2024-01-01', 400, '/since'],
    ] as const;
    for (const [path, status, pointer] of cases) {
      const response = await call(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect((await json(response)).errors[0].pointer, path).toBe(pointer);
    }
    const unknown = await call('/exports/reports.csv?place=no-such-place');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });

  it('refuses a cursor made for other filters', async () => {
    const first = await call('/exports/reports.csv?limit=1&indicator=gas');
    const cursor = new URL(nextLink(first) ?? 'http://x/').searchParams.get('cursor');
    expect(cursor).not.toBeNull();
    const other = await call(`/exports/reports.csv?limit=1&cursor=${cursor}`);
    expect(other.status).toBe(400);
  });
});
