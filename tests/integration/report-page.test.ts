import { describe, expect, it } from 'vitest';
import type { Qualifier, ReportInput } from '../../src/domain/model.ts';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { postReport } from '../support/seed-api.ts';

const browser = { accept: 'text/html' };
const slug = 'reportville-synthetic';

/** SYNTHETIC: an article quoting two voices, each figure with the words that state it. */
const original = {
  text: 'SYNTHETISCH: Bewoners zeggen dat er geen stroom is. Er zijn meer dan 40 doden, zegt de burgemeester.',
  language: 'nl',
};
const mayor = {
  name: 'Synthetic Mayor',
  role: 'mayor of Reportville',
  kind: 'official' as const,
  language: 'nl',
  via: 'SYNTHETIC article',
};

function articleReport(overrides: Partial<ReportInput> = {}): ReportInput {
  return syntheticReport(slug, {
    observed: '2024-03',
    figures: [
      {
        indicator: 'electricity',
        state: 'unavailable',
        note: 'SYNTHETIC: the residents say so.',
        quote: 'geen stroom',
      },
      {
        indicator: 'civilian_deaths',
        value: 40,
        qualifier: 'at_least',
        source: mayor,
        quote: 'meer dan 40 doden',
      },
    ],
    summary: { text: 'SYNTHETIC: no power; more than 40 killed.', language: 'en', original },
    source: {
      name: 'Synthetic Gazette',
      kind: 'media',
      language: 'nl',
      url: 'https://gazette.example/article',
    },
    ...overrides,
  });
}

async function createPlace() {
  const place = syntheticPlace({ country: { code: 'NL', name: 'Netherlands' } });
  expect([200, 201]).toContain((await send('PUT', `/api/v1/places/${slug}`, place, { as: 'admin' })).status);
}

async function html(path: string, headers: Record<string, string> = {}) {
  const response = await call(path, { headers: { ...browser, ...headers } });
  return { response, body: await response.text() };
}

async function correct(id: string, input: ReportInput, reason: string) {
  const response = await send(
    'POST',
    `/api/v1/reports/${id}/corrections`,
    { ...input, reason },
    { as: 'moderator' },
  );
  expect(response.status, await response.clone().text()).toBe(201);
  return json(response);
}

async function retract(id: string, reason: string) {
  const response = await send('POST', `/api/v1/reports/${id}/retraction`, { reason }, { as: 'moderator' });
  expect(response.status).toBe(201);
}

/**
 * A report, and its correction of the deaths to 35 (the qualifier kept, or `qualifier`);
 * `retracted` then retracts the correction, which restores the report.
 */
async function recount(options: { qualifier?: Qualifier; retracted?: string } = {}) {
  await createPlace();
  const first = await postReport(articleReport());
  const input = articleReport();
  const { qualifier } = options;
  input.figures = input.figures.map((f) =>
    'value' in f ? { ...f, value: 35, ...(qualifier ? { qualifier } : {}) } : f,
  );
  const correction = await correct(first.id, input, 'SYNTHETIC: recounted');
  if (options.retracted) await retract(correction.id, options.retracted);
  return { first, correction };
}

describe('the page of a report', () => {
  it('shows everything the report says, each figure with its own source and quote', async () => {
    await createPlace();
    const report = await postReport(articleReport());
    const { response, body } = await html(`/reports/${report.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(body).toContain('Report on <bdi>Testville (synthetic)</bdi>, March 2024');
    expect(body).toContain('unavailable');
    expect(body).toContain('at least 40');
    expect(body).toContain('SYNTHETIC: the residents say so.');
    expect(body).toContain('Stated by: <bdi>Synthetic Mayor, mayor of Reportville</bdi> (official, Dutch)');
    expect(body).toContain('Quote (Dutch): <q lang="nl">meer dan 40 doden</q>');
    expect(body).toContain('<q lang="nl">geen stroom</q>');
    expect(body).toContain('<time datetime="2024-03">March 2024</time>');
    expect(body).toContain(`<time datetime="${report.published}">`);
    expect(body).toContain('Synthetic Gazette');
    expect(body).toContain('href="https://gazette.example/article"');
    expect(body).toContain('Unconfirmed');
    expect(body).toContain('Original text (Dutch)');
    expect(body).toContain(`<blockquote lang="nl"><p>${original.text}</p></blockquote>`);
    expect(body).toContain('Current: neither corrected nor retracted.');
    expect(body).toContain(
      `<link rel="alternate" type="application/json" href="http://status.test/api/v1/reports/${report.id}"/>`,
    );
    expect(body).toContain(`<link rel="canonical" href="http://status.test/reports/${report.id}"/>`);
    expect(body).not.toMatch(/<script/i);
  });

  it('is Dutch throughout on the Dutch page: labels, kinds, country, dates and the notes marked English', async () => {
    await createPlace();
    const report = await postReport(articleReport());
    const { response, body } = await html(`/reports/${report.id}?lang=nl`);
    expect(response.headers.get('content-language')).toBe('nl');
    expect(body).toContain('Melding over <bdi>Testdorp (synthetisch)</bdi>, maart 2024');
    expect(body).toContain(
      'Gezegd door: <bdi>Synthetic Mayor, mayor of Reportville</bdi> (officieel, Nederlands)',
    );
    expect(body).toContain('Citaat (Nederlands): <q lang="nl">meer dan 40 doden</q>');
    expect(body).toContain('Oorspronkelijke tekst (Nederlands)');
    expect(body).toContain('Nederland');
    expect(body).not.toContain('>Netherlands<');
    expect(body).toContain('ten minste 40');
    expect(body).toContain('<bdi lang="en">SYNTHETIC: the residents say so.</bdi>');
    expect(body).toContain('niet beschikbaar');
  });

  it('shows what a correction changed and why, with links both ways along the chain', async () => {
    const { first, correction } = await recount({ qualifier: 'approximately' });

    const corrected = (await html(`/reports/${first.id}`)).body;
    expect(corrected).toContain('Superseded by a correction.');
    expect(corrected).toContain(`Corrected by: <a href="/reports/${correction.id}">`);

    const page = (await html(`/reports/${correction.id}`)).body;
    expect(page).toContain(`This report corrects: <a href="/reports/${first.id}">`);
    expect(page).toContain('Reason: <bdi>SYNTHETIC: recounted</bdi>');
    expect(page).toContain('<del>at least 40</del> → <ins>about 35</ins>');
  });

  it('says a retracted report was withdrawn, when and why; and that a report was restored, and why', async () => {
    const { first, correction } = await recount({ retracted: 'SYNTHETIC: the recount was of another town' });

    const withdrawn = (await html(`/reports/${correction.id}`)).body;
    expect(withdrawn).toContain('Retracted.');
    expect(withdrawn).toMatch(/Retracted on \d+ \w+ \d{4}, \d\d:\d\d UTC/);
    expect(withdrawn).toContain('Reason: <bdi>SYNTHETIC: the recount was of another town</bdi>');

    const restored = (await html(`/reports/${first.id}`)).body;
    expect(restored).toContain(
      'Restored:</strong> the correction that had replaced this version was retracted',
    );
    expect(restored).toContain('SYNTHETIC: the recount was of another town');
    expect(restored).toContain('<del>at least 35</del> → <ins>at least 40</ins>');
  });

  it('answers an unknown report with a 404 page, and a malformed id with a 400', async () => {
    const unknown = await html('/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(unknown.response.status).toBe(404);
    expect(unknown.response.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await html('/reports/not-an-id')).response.status).toBe(400);
  });
});

describe('changes in every feed format, the pages and the JSON', () => {
  it('show a correction’s figures before and after, and its reason, in Atom, RSS and JSON Feed', async () => {
    await recount({ qualifier: 'approximately' });
    const change = 'Civilians killed&lt;/strong&gt;: at least 40 → about 35';
    const atom = await (await call(`/feeds/places/${slug}.atom`)).text();
    expect(atom).toContain(change);
    expect(atom).toContain('Reason: &lt;bdi&gt;SYNTHETIC: recounted');
    const rss = await (await call(`/feeds/places/${slug}.rss`)).text();
    expect(rss).toContain(change);
    const feed = await json(await call(`/feeds/places/${slug}.json`));
    const [item] = feed.items;
    expect(item.content_html).toContain('Civilians killed</strong>: at least 40 → about 35');
    expect(item._humanitarian).toMatchObject({
      change: 'correction',
      reason: 'SYNTHETIC: recounted',
      changes: [
        {
          indicator: 'civilian_deaths',
          before: { value: 40, qualifier: 'at_least' },
          after: { value: 35, qualifier: 'approximately' },
        },
      ],
    });
  });

  it('say a report was restored, and why, when its correction is retracted: feeds, pages and JSON', async () => {
    const { first, correction } = await recount({ retracted: 'SYNTHETIC: the recount was of another town' });
    const why = 'SYNTHETIC: the recount was of another town';

    for (const format of ['atom', 'rss']) {
      const xml = await (await call(`/feeds/places/${slug}.${format}`)).text();
      expect(xml, format).toContain('Restored: \u2068Testville (synthetic)\u2069, March 2024');
      expect(xml, format).toContain('the correction that had replaced this version was retracted');
      expect(xml, format).toContain(why);
    }
    const feed = await json(await call(`/feeds/places/${slug}.json`));
    expect(feed.items[0]._humanitarian).toMatchObject({ change: 'restored', reason: why, report: first.id });
    expect(feed.items[0].title).toMatch(/^Restored: /);

    const view = await json(await call(`/api/v1/reports/${first.id}`));
    expect(view).toMatchObject({
      state: 'active',
      restored: { correction: correction.id, reason: why },
    });
    expect(view.retraction).toBeUndefined();
    const history = await json(await call(`/api/v1/places/${slug}/reports`));
    expect(history.reports.find((r: { id: string }) => r.id === first.id)).toMatchObject({
      state: 'active',
      restoredFrom: correction.id,
    });
    const placePage = (await html(`/places/${slug}`)).body;
    expect(placePage).toContain(
      '<strong>Restored:</strong> the correction that had replaced this version was retracted',
    );
  });
});

describe('links for people', () => {
  it('point to the report page from every feed, the pages and the exports; the JSON stays linked', async () => {
    await createPlace();
    const report = await postReport(articleReport());
    const pageUrl = `http://status.test/reports/${report.id}`;
    const jsonUrl = `http://status.test/api/v1/reports/${report.id}`;

    const atom = await (await call(`/feeds/places/${slug}.atom`)).text();
    expect(atom).toContain(`<link rel="alternate" type="text/html" href="${pageUrl}"/>`);
    expect(atom).toContain(`<link rel="alternate" type="application/json" href="${jsonUrl}"/>`);
    const rss = await (await call(`/feeds/places/${slug}.rss`)).text();
    expect(rss).toContain(`<link>${pageUrl}</link>`);
    const feed = await json(await call(`/feeds/places/${slug}.json`));
    expect(feed.items[0].url).toBe(pageUrl);

    const placePage = (await html(`/places/${slug}`)).body;
    expect(placePage).toContain(`href="${pageUrl}"`);
    expect(placePage).not.toContain(`href="${jsonUrl}"`);

    const csv = await (await call('/exports/status.csv')).text();
    expect(csv).toContain('Report page');
    expect(csv).toContain(pageUrl);
    const geo = await json(await call('/exports/status.geojson'));
    const properties = geo.features.find((f: { id: string }) => f.id === slug).properties;
    expect(properties.page).toBe(`http://status.test/places/${slug}`);
    expect(properties.indicators.civilian_deaths).toMatchObject({ reportPage: pageUrl, reportUrl: jsonUrl });
  });
});

describe('who said each figure, in every output', () => {
  it('carries a figure’s own source and quote through the API, feeds and exports', async () => {
    await createPlace();
    await postReport(articleReport());
    const { status } = await json(await call(`/api/v1/places/${slug}`));
    expect(status.indicators.civilian_deaths.source).toMatchObject({ name: 'Synthetic Mayor' });
    expect(status.indicators.civilian_deaths.figure.quote).toBe('meer dan 40 doden');
    expect(status.indicators.electricity.source).toMatchObject({ name: 'Synthetic Gazette' });

    const feed = await json(await call(`/feeds/places/${slug}.json`));
    const [deaths] = feed.items[0]._humanitarian.figures.filter(
      (f: { indicator: string }) => f.indicator === 'civilian_deaths',
    );
    expect(deaths).toMatchObject({ source: { name: 'Synthetic Mayor' }, quote: 'meer dan 40 doden' });
    expect(feed.items[0].content_html).toContain(
      'Stated by: <bdi>Synthetic Mayor, mayor of Reportville</bdi>',
    );
    expect(feed.items[0].content_html).toContain('<q lang="nl">meer dan 40 doden</q>');
    for (const format of ['atom', 'rss']) {
      const xml = await (await call(`/feeds/places/${slug}.${format}`)).text();
      expect(xml, format).toContain('Stated by: &lt;bdi&gt;Synthetic Mayor');
      expect(xml, format).toContain('&lt;q lang=&quot;nl&quot;&gt;meer dan 40 doden&lt;/q&gt;');
    }

    const csv = await (await call('/exports/status.csv')).text();
    const deathsRow = csv.split('\r\n').find((line) => line.includes('civilian_deaths'));
    expect(deathsRow).toContain('Synthetic Mayor');
    expect(deathsRow).toContain('meer dan 40 doden');
    const geo = await json(await call('/exports/status.geojson'));
    const properties = geo.features.find((f: { id: string }) => f.id === slug).properties;
    expect(properties.indicators.civilian_deaths).toMatchObject({
      source: { name: 'Synthetic Mayor' },
      quote: 'meer dan 40 doden',
    });
  });

  it('refuses a quote that is not in the original, and one longer than 1,000 characters, as invalid-body', async () => {
    await createPlace();
    const invented = articleReport();
    invented.figures = invented.figures.map((f) => ({ ...f, quote: 'meer dan 400 doden' }));
    const response = await send('POST', '/api/v1/reports', invented, { as: 'reporter' });
    // The service's one status for a body that breaks a rule (docs/api.md#errors)
    expect(response.status).toBe(422);
    const problem = await json(response);
    expect(JSON.stringify(problem)).toContain('/figures/0/quote');
    expect(JSON.stringify(problem)).toContain('summary.original.text');

    const long = articleReport({ summary: { text: 'SYNTHETIC', language: 'en' } });
    long.figures = long.figures.map((f) => ({ ...f, quote: 'x'.repeat(1001) }));
    expect((await send('POST', '/api/v1/reports', long, { as: 'reporter' })).status).toBe(422);
    const unquoted = articleReport({ summary: { text: 'SYNTHETIC', language: 'en' } });
    expect((await send('POST', '/api/v1/reports', unquoted, { as: 'reporter' })).status).toBe(201);
  });
});

describe('freshness as data', () => {
  it('gives each current figure its staleAfter in the JSON, CSV, GeoJSON and JSON Feed', async () => {
    await createPlace();
    await postReport(articleReport());
    const { status } = await json(await call(`/api/v1/places/${slug}`));
    expect(status.indicators.electricity.staleAfter).toBe('2024-04-14');
    expect(status.indicators.civilian_deaths.staleAfter).toBe('2024-04-30');
    const csv = await (await call('/exports/status.csv')).text();
    expect(csv).toContain('#date+stale_after');
    expect(csv).toContain('2024-04-30');
    const geo = await json(await call('/exports/status.geojson'));
    const properties = geo.features.find((f: { id: string }) => f.id === slug).properties;
    expect(properties.indicators.electricity.staleAfter).toBe('2024-04-14');
    const feed = await json(await call(`/feeds/places/${slug}.json`));
    expect(feed.items[0]._humanitarian.staleAfter).toEqual({
      electricity: '2024-04-14',
      civilian_deaths: '2024-04-30',
    });
  });
});

describe('links people share', () => {
  const tracking =
    'utm_source=newsletter&utm_medium=rss&fbclid=IwAR0synthetic&gclid=x&mc_cid=1&mc_eid=2&ref=share';

  it('answer the same bytes and ETag with tracking parameters as without', async () => {
    await createPlace();
    const report = await postReport(articleReport());
    for (const path of [
      '/',
      `/places/${slug}`,
      `/places/${slug}?lang=nl`,
      `/reports/${report.id}`,
      '/feeds/all.atom',
      `/feeds/places/${slug}.rss`,
      `/feeds/places/${slug}.json`,
      '/feeds.opml',
    ]) {
      const clean = await call(path, { headers: browser });
      const shared = await call(`${path}${path.includes('?') ? '&' : '?'}${tracking}`, { headers: browser });
      expect(shared.status, path).toBe(200);
      expect(shared.headers.get('etag'), path).toBe(clean.headers.get('etag'));
      expect(await shared.text(), path).toBe(await clean.text());
    }
  });

  it('still refuse any other unknown parameter, and keep tracking parameters off the API', async () => {
    await createPlace();
    expect((await call(`/places/${slug}?utm_source=x&colour=red`, { headers: browser })).status).toBe(400);
    expect((await call('/feeds/all.atom?utm_campaign=x&page=2')).status).toBe(400);
    expect((await call(`/api/v1/places/${slug}?utm_source=x`)).status).toBe(400);
  });
});
