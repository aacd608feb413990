import { describe, expect, it } from 'vitest';
import type { Figure, ReportInput } from '../../src/domain/model.ts';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { fetchCountingWith } from '../support/kv.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const pagePolicy =
  "default-src 'none'; style-src 'self'; img-src data:; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** SYNTHETIC figures as the seed's kind of report states them. */
const figures: Figure[] = [
  { indicator: 'electricity', state: 'unavailable', since: { date: '2024-01', qualifier: 'approximately' } },
  { indicator: 'running_water', state: 'intermittent' },
  { indicator: 'population_baseline', value: 80000, qualifier: 'approximately' },
  { indicator: 'population_remaining', value: 12000, qualifier: 'approximately' },
  { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least' },
];

async function createNamedPlace(slug: string) {
  const response = await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' });
  expect(response.status).toBe(201);
}

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await call(path, { headers: { ...browser, ...headers } });
  return { response, html: await response.text() };
}

/** The text a reader sees: tags dropped, the entities the renderer writes decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<title>[\s\S]*?<\/title>|<desc[\s\S]*?<\/desc>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function alternates(html: string): string[] {
  return [...html.matchAll(/<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"/g)].map(
    ([, type, href]) => `${type} ${href}`,
  );
}

describe('the front page', () => {
  it('answers HTML with its own CSP, language headers and public caching', async () => {
    await createPlace('headers-town');
    const { response, html } = await page('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(response.headers.get('content-security-policy')).toBe(pagePolicy);
    expect(response.headers.get('content-language')).toBe('en');
    expect(response.headers.get('vary')).toContain('Accept-Language');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);

    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await call('/', { headers: { ...browser, 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('shows each place as a card: states with icons and words, qualified figures, badge, source, dates', async () => {
    await createNamedPlace('cardtown');
    await postReport(syntheticReport('cardtown', { observed: '2024-03', figures }));
    const { html } = await page('/');
    const text = visibleText(html);
    expect(text).toContain('Testville (synthetic)');
    expect(text).toContain('Also known as: Testdorp (synthetisch)');
    expect(html).toContain('<bdi lang="nl">Testdorp (synthetisch)</bdi>');
    expect(text).toContain('Electricity : unavailable since about January 2024');
    expect(text).toContain('Running water : intermittent');
    expect(html).toMatch(
      /<li class="figure state-unavailable"><svg class="icon icon-unavailable"[^>]*aria-hidden="true"/,
    );
    expect(html).toMatch(/<li class="figure state-intermittent"><svg class="icon icon-intermittent"/);
    expect(text).toContain('Residents remaining : about 12,000 of about 80,000');
    expect(text).not.toContain('Population before the crisis');
    expect(text).toContain('Civilians killed : at least 120');
    expect(text).toContain('Verification: Unconfirmed');
    expect(text).toContain('Observed: March 2024');
    expect(text).toContain('Source: Synthetic source, test fixture (NGO, English)');
    expect(text).toMatch(
      /Newest figures observed: March 2024 · last report added (just now|\d+ minutes? ago) · 1 report/,
    );
    expect(html).toContain('<a href="/places/cardtown">');
  });

  it('announces the feeds of all places and links them visibly', async () => {
    const { html } = await page('/');
    expect(alternates(html)).toEqual([
      'application/atom+xml http://status.test/feeds/all.atom',
      'application/rss+xml http://status.test/feeds/all.rss',
      'application/feed+json http://status.test/feeds/all.json',
    ]);
    expect(html).toContain('<h2 id="subscribe">Subscribe</h2>');
    for (const href of ['/feeds/all.atom', '/feeds/all.rss', '/feeds/all.json', '/feeds.opml']) {
      expect(html).toContain(`<a href="http://status.test${href}"`);
    }
  });

  it('serves its stylesheet from a path that names the content, cached for a year', async () => {
    const { html } = await page('/');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toMatch(/^\/assets\/site-[0-9a-f]{8}\.css$/);
    const response = await call(href ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toContain('.card');
  });
});

describe('the page language', () => {
  it('follows Accept-Language between English and Dutch', async () => {
    await createNamedPlace('langtown');
    await postReport(syntheticReport('langtown', { observed: '2024-03', figures }));
    const dutch = await page('/places/langtown', { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' });
    expect(dutch.response.headers.get('content-language')).toBe('nl');
    expect(dutch.html).toContain('<html lang="nl">');
    const text = visibleText(dutch.html);
    expect(text).toContain('Testdorp (synthetisch)');
    expect(text).toContain('Ook bekend als: Testville (synthetic)');
    expect(text).toContain('Overgebleven inwoners : ongeveer 12.000 van ongeveer 80.000');
    expect(text).toContain('Elektriciteit : niet beschikbaar sinds ongeveer januari 2024');
    expect(text).toContain('Burgerdoden : ten minste 120');
    expect(text).toContain('Verificatie: Onbevestigd');

    const german = await page('/places/langtown', { 'accept-language': 'de-DE, en;q=0.5, nl;q=0.4' });
    expect(german.response.headers.get('content-language')).toBe('en');
  });

  it('takes ?lang= over Accept-Language, and links onwards keep it', async () => {
    await createNamedPlace('querytown');
    const english = await page('/?lang=en', { 'accept-language': 'nl' });
    expect(english.response.headers.get('content-language')).toBe('en');
    const dutch = await page('/?lang=nl');
    expect(dutch.response.headers.get('content-language')).toBe('nl');
    expect(dutch.html).toContain('<a href="/places/querytown?lang=nl">');
    expect(dutch.html).toContain('<a href="/?lang=en" hreflang="en" lang="en">English</a>');
    expect(dutch.html).toContain(
      '<a href="/?lang=nl" hreflang="nl" lang="nl" aria-current="true">Nederlands</a>',
    );
  });

  it('refuses a language it does not have with a 400 that names the parameter', async () => {
    const response = await call('/?lang=fr');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect((await json(response)).errors[0]).toMatchObject({ pointer: '/lang' });
  });
});

describe('a place page', () => {
  it('announces and links the feeds of the place', async () => {
    await createPlace('feedpage');
    const { html } = await page('/places/feedpage');
    expect(alternates(html)).toEqual([
      'application/atom+xml http://status.test/feeds/places/feedpage.atom',
      'application/rss+xml http://status.test/feeds/places/feedpage.rss',
      'application/feed+json http://status.test/feeds/places/feedpage.json',
    ]);
    expect(html).toContain(
      '<a href="http://status.test/feeds/places/feedpage.atom" type="application/atom+xml">',
    );
    expect(html).toContain('<a href="http://status.test/api/v1/places/feedpage" type="application/json">');
  });

  it('shows the full status with notes, situation text and the whole source', async () => {
    await createNamedPlace('fulltown');
    await postReport(
      syntheticReport('fulltown', {
        observed: '2024-03-15',
        figures: [
          { indicator: 'civilian_deaths', value: 7, qualifier: 'exact', note: 'SYNTHETIC note.' },
          { indicator: 'situation', text: 'SYNTHETIC: calm.', language: 'en' },
        ],
        source: {
          name: 'Synthetic mayor',
          role: 'mayor',
          kind: 'official',
          language: 'nl',
          via: 'a synthetic article',
          url: 'https://example.org/synthetic',
        },
      }),
    );
    const { html } = await page('/places/fulltown?lang=nl');
    const text = visibleText(html);
    expect(text).toContain('Burgerdoden : 7 in totaal, sinds een onbekende datum SYNTHETIC note.');
    expect(html).toContain('<bdi lang="en">SYNTHETIC note.</bdi>');
    expect(html).toContain('<span class="figure-value" lang="en">SYNTHETIC: calm.</span>');
    expect(text).toContain('Bron: Synthetic mayor, mayor (officieel, Nederlands); via a synthetic article');
    expect(html).toContain('<a href="https://example.org/synthetic" rel="nofollow noopener">');
    expect(text).toContain('Waargenomen: 15 maart 2024');
  });

  it('shows corrections and retractions in the history as such, newest first', async () => {
    await createPlace('historytown');
    const original = await postReport(
      syntheticReport('historytown', {
        figures: [{ indicator: 'civilian_deaths', value: 120, qualifier: 'at_least' }],
      }),
    );
    const corrected = await send(
      'POST',
      `/api/v1/reports/${original.id}/corrections`,
      {
        ...syntheticReport('historytown', {
          figures: [{ indicator: 'civilian_deaths', value: 112, qualifier: 'exact' }],
        }),
        reason: 'Synthetic: revised.',
      },
      { as: 'moderator' },
    );
    const correction = await json(corrected);
    const withdrawn = await postReport(syntheticReport('historytown'));
    const retracted = await send(
      'POST',
      `/api/v1/reports/${withdrawn.id}/retraction`,
      { reason: 'Synthetic: withdrawn.' },
      { as: 'moderator' },
    );
    expect(retracted.status).toBe(201);

    const { html } = await page('/places/historytown');
    const items = [
      ...html.matchAll(
        /<li id="report-([0-9A-Z]{26})" class="report-(\w+)">([\s\S]*?)<\/li>\s*(?=<li id="report-|<\/ol>)/g,
      ),
    ];
    expect(items.map(([, id, state]) => [id, state])).toEqual([
      [withdrawn.id, 'retracted'],
      [correction.id, 'active'],
      [original.id, 'superseded'],
    ]);
    const [retractedItem, correctionItem, originalItem] = items.map(([, , , body]) =>
      visibleText(body ?? ''),
    );
    expect(retractedItem).toContain('Retracted. Withdrawn by a moderator; the report says why.');
    expect(html).toContain(`<a href="http://status.test/reports/${withdrawn.id}">Withdrawn by a moderator`);
    expect(correctionItem).toMatch(/Correction of the report of \d+ \w+ \d{4}, \d\d:\d\d UTC ?\./);
    expect(correctionItem).toContain('Civilians killed : 112');
    expect(originalItem).toMatch(/Corrected by the report of \d+ \w+ \d{4}, \d\d:\d\d UTC ?\./);
    expect(originalItem).toContain('Civilians killed : at least 120');
    expect(html).toContain(`<a href="#report-${correction.id}">`);
    // each report's link names it: a report and its correction never read the same
    const timeline = html.slice(html.indexOf('<ol class="timeline">'));
    const linkTexts = [
      ...timeline.matchAll(/<a href="http:\/\/status\.test\/reports\/([0-9A-Z]{26})">([^<]+)<\/a>/g),
    ];
    const textOf = (id: string) => linkTexts.find(([, linked]) => linked === id)?.[2];
    expect(textOf(original.id)).toMatch(/^Full report of /);
    expect(textOf(correction.id)).toMatch(/^Full correction of /);
    expect(html).toContain(`<a href="#report-${original.id}">`);
  });

  it('draws the remaining population as an SVG chart once two reports state it', async () => {
    await createPlace('charttown');
    const remaining = (value: number, observed: string): ReportInput =>
      syntheticReport('charttown', {
        observed,
        figures: [{ indicator: 'population_remaining', value, qualifier: 'approximately' }],
      });
    await postReport(remaining(30000, '2024-01'));
    const single = await page('/places/charttown');
    expect(single.html).not.toContain('<svg class="chart"');
    expect(visibleText(single.html)).toContain(
      'One report states how many residents remain: about 30,000 (January 2024). A chart needs at least two.',
    );

    await postReport(remaining(12000, '2024-03'));
    const { html } = await page('/places/charttown');
    const chart = /<svg class="chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(chart).toContain('role="img"');
    expect(chart).toContain('aria-labelledby="chart-title chart-desc"');
    expect(chart).toContain(
      '<title id="chart-title">Residents remaining in \u2068charttown (synthetic)\u2069 over time</title>',
    );
    expect(chart).toContain('2 reported figures from January 2024 to March 2024');
    expect(chart.match(/class="marker marker-hollow"/g)).toHaveLength(2);
    expect(chart).toContain('<title>about 12,000, March 2024, Unconfirmed</title>');
    expect(visibleText(html)).toContain('January 2024 about 30,000 Verification: Unconfirmed');
  });

  it('says so when no report states the remaining population', async () => {
    await createPlace('emptytown');
    const { html } = await page('/places/emptytown');
    expect(visibleText(html)).toContain('No report states how many residents remain yet.');
    expect(visibleText(html)).toContain('No report about this place yet.');
  });

  it('shows hostile text as text, never as markup', async () => {
    const hostile = '<script>alert(1)</script>';
    const response = await send(
      'PUT',
      '/api/v1/places/hostiletown',
      syntheticPlace({ names: { en: `${hostile} town`, nl: '"><img src=x onerror=alert(1)>' } }),
      { as: 'admin' },
    );
    expect(response.status).toBe(201);
    await postReport(
      syntheticReport('hostiletown', {
        figures: [
          { indicator: 'civilian_deaths', value: 1, qualifier: 'exact', note: hostile },
          { indicator: 'situation', text: hostile, language: 'en' },
        ],
        source: { name: hostile, kind: 'media', language: 'en', url: 'https://example.org/?q="><script>' },
      }),
    );
    for (const path of ['/', '/places/hostiletown', '/places/hostiletown?lang=nl']) {
      const { html } = await page(path);
      expect(html, path).not.toMatch(/<script|<img/i);
      expect(html, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(visibleText(html), path).toContain(`${hostile} town`);
    }
  });
});

describe('errors on pages', () => {
  it('answers an unknown place with a 404 page for browsers and problem+json for others', async () => {
    const { response, html } = await page('/places/atlantis');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(response.headers.get('content-security-policy')).toBe(pagePolicy);
    expect(response.headers.get('vary')).toBe('Accept, Accept-Language');
    expect(visibleText(html)).toContain('Not found no place with slug "atlantis"');
    expect(html).toContain('<a href="/">Back to all places</a>');

    const api = await call('/places/atlantis');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(api.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  it('answers a malformed slug with a 400 page in the reader language', async () => {
    const { response, html } = await page('/places/Not_A_Slug?lang=nl');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-language')).toBe('nl');
    expect(html).toContain('<a href="/?lang=nl">Terug naar alle plaatsen</a>');
  });
});

describe('the cost of a page', () => {
  it('is one KV read and no list, for the front page and for a place', async () => {
    await createPlace('costtown');
    for (let i = 0; i < 3; i++) await postReport(syntheticReport('costtown', { figures }));
    for (const path of ['/', '/places/costtown']) {
      const { response, counts, reads } = await fetchCountingWith(path, browser);
      expect(response.status, path).toBe(200);
      expect([reads, counts.list, counts.put], path).toEqual([1, 0, 0]);
    }
  });
});

describe('counts on the pages as their sources gave them', () => {
  // SYNTHETIC sources and numbers throughout.
  const agency = { name: 'Synthetic agency A', kind: 'ngo', language: 'en' } as const;
  const paper = { name: 'Synthetic paper B', kind: 'media', language: 'en' } as const;
  const deathsOf = (value: number, more: Partial<Extract<Figure, { value: number }>> = {}): Figure => ({
    indicator: 'civilian_deaths',
    value,
    qualifier: 'exact',
    ...more,
  });

  it('shows a count for a period beside the running total, on the place page and its card', async () => {
    await createNamedPlace('periodtown');
    await postReport(
      syntheticReport('periodtown', {
        observed: '2024-03',
        source: agency,
        figures: [deathsOf(120, { qualifier: 'at_least', basis: 'total' })],
      }),
    );
    const period = await postReport(
      syntheticReport('periodtown', {
        observed: '2024-03',
        source: paper,
        figures: [deathsOf(40, { qualifier: 'at_least', basis: 'period' })],
      }),
    );
    const place = await page('/places/periodtown');
    const card = /<article aria-labelledby="place-periodtown">[\s\S]*?<\/article>/.exec(
      (await page('/')).html,
    )?.[0];
    for (const html of [place.html, card ?? '']) {
      const text = visibleText(html);
      expect(text).toContain(
        'Civilians killed : at least 120 in all, since an unstated date and at least 40 in March 2024, from \u2068Synthetic paper B\u2069',
      );
      expect(html).toContain(`<a href="http://status.test/reports/${period.id}">`);
    }
  });

  it('shows two sources that disagree side by side, each named and linked, and says so', async () => {
    await createNamedPlace('disputetown');
    const low = await postReport(
      syntheticReport('disputetown', { observed: '2024-03', source: agency, figures: [deathsOf(8_000)] }),
    );
    const high = await postReport(
      syntheticReport('disputetown', { observed: '2024-03', source: paper, figures: [deathsOf(15_000)] }),
    );
    const { html } = await page('/places/disputetown');
    const text = visibleText(html);
    expect(text).toContain('Sources disagree: 8,000–15,000 by 2 sources; the newest says 15,000');
    expect(text).toContain('8,000 · Synthetic agency A (NGO, English) · Observed: March 2024');
    expect(text).toContain('15,000 · Synthetic paper B (media, English) · Observed: March 2024');
    for (const report of [low, high]) {
      expect(html).toContain(`<a href="http://status.test/reports/${report.id}">`);
    }
  });

  it('shows a source’s range as a range, on the place page and the report’s page', async () => {
    await createNamedPlace('rangetown');
    const ranged = await postReport(
      syntheticReport('rangetown', {
        observed: '2024-03',
        figures: [deathsOf(40, { high: 60, qualifier: 'approximately' })],
      }),
    );
    expect(visibleText((await page('/places/rangetown')).html)).toContain(
      'Civilians killed : about 40–60 in all, since an unstated date',
    );
    expect(visibleText((await page(`/reports/${ranged.id}`)).html)).toContain(
      'Civilians killed : about 40–60 in all, since an unstated date',
    );
  });

  it('names the period of a count for a period on its report’s page', async () => {
    await createNamedPlace('reportperiodtown');
    const period = await postReport(
      syntheticReport('reportperiodtown', {
        observed: '2024-03',
        figures: [deathsOf(40, { qualifier: 'at_least', basis: 'period' })],
      }),
    );
    expect(visibleText((await page(`/reports/${period.id}`)).html)).toContain(
      'Civilians killed : at least 40 in March 2024',
    );
  });

  it('says "No report on … yet" of what no report stated, and shows a reported zero as 0', async () => {
    await createNamedPlace('zerotown');
    await postReport(
      syntheticReport('zerotown', {
        observed: '2024-03',
        figures: [{ indicator: 'electricity', state: 'available' }, deathsOf(0)],
      }),
    );
    const text = visibleText((await page('/places/zerotown')).html);
    expect(text).toContain('Civilians killed : 0 in all, since an unstated date');
    expect(text).toContain('No report on running water yet');
    expect(text).toContain('No report on gas yet');
    expect(text).not.toContain('No report on civilians killed');
    const card = /<article aria-labelledby="place-zerotown">[\s\S]*?<\/article>/.exec(
      (await page('/')).html,
    )?.[0];
    expect(visibleText(card ?? '')).toContain('No report on running water yet');
    const dutch = visibleText((await page('/places/zerotown?lang=nl')).html);
    expect(dutch).toContain('Nog geen bericht over stromend water');
  });
});
