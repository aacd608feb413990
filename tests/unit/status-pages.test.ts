import { describe, expect, it } from 'vitest';
import { derivePlaceDocument, summarizePlace } from '../../src/domain/documents.ts';
import type { Report, Source } from '../../src/domain/model.ts';
import { renderErrorPage } from '../../src/render/html/error-page.tsx';
import { renderIndexPage } from '../../src/render/html/index-page.tsx';
import { clockAt } from '../../src/render/html/page-clock.ts';
import { renderPlacePage } from '../../src/render/html/place-page.tsx';
import type { PageSite } from '../../src/render/site.ts';
import {
  acceptedAt,
  acceptedPlace,
  acceptedReport,
  byId,
  deaths,
  deathsInPeriod,
  electricity,
  remaining,
  summaryOf,
} from '../support/builders.ts';

const site: PageSite = {
  origin: 'https://status.example.org',
  path: '/places/testville-synthetic',
  languageInUrl: false,
};
const testville = acceptedPlace();

const first = acceptedReport(1, {
  observed: '2024-01',
  figures: [{ ...remaining(41_000) }, electricity('unavailable')],
});
const second = acceptedReport(2, {
  observed: '2024-03',
  figures: [{ ...remaining(30_000), qualifier: 'at_least' }, deaths(12)],
  verification: 'verified',
});
const withdrawn = acceptedReport(3, { observed: '2024-04', figures: [remaining(1)] });
const correction: Report = {
  ...acceptedReport(4, { observed: '2024-03', figures: [remaining(28_000), deaths(14)] }),
  corrects: { report: second.id, reason: 'SYNTHETIC: revised.' },
};

const doc = derivePlaceDocument(
  testville,
  [
    summaryOf(correction),
    summaryOf(withdrawn, { state: 'retracted' }),
    summaryOf(second, { state: 'superseded', supersededBy: correction.id }),
    summaryOf(first),
  ],
  byId([first, correction]),
  acceptedAt(5).toISOString(),
);
const now = clockAt(new Date(acceptedAt(5).getTime() + 3 * 3_600_000));

describe('renderPlacePage', () => {
  it('renders the same bytes for the same document and time: no clock inside', () => {
    expect(renderPlacePage(doc, site, 'en', now)).toBe(renderPlacePage(doc, site, 'en', now));
  });

  it('says how long ago the last change was, from the time passed in', () => {
    expect(renderPlacePage(doc, site, 'en', now)).toContain(
      `last report added <time datetime="${acceptedAt(5).toISOString()}">3 hours ago</time>`,
    );
    expect(renderPlacePage(doc, site, 'nl', now)).toContain('>3 uur geleden</time>');
  });

  it('draws the two reports that stand and leaves out the retracted and the superseded', () => {
    const html = renderPlacePage(doc, site, 'en', now);
    const chart = /<svg class="chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(chart).toContain('2 reported figures from January 2024 to March 2024');
    expect(chart.match(/<title[^>]*>[^<]*<\/title>/g)).toEqual([
      '<title id="chart-title">Residents remaining in \u2068Testville (synthetic)\u2069 over time</title>',
      '<title>about 41,000, January 2024, Unconfirmed</title>',
      '<title>about 28,000, March 2024, Unconfirmed</title>',
    ]);
  });

  it('marks the history: the correction, what it corrected, and the retraction', () => {
    const html = renderPlacePage(doc, site, 'en', now);
    const order = [...html.matchAll(/<li id="report-([0-9A-Z]{26})" class="report-(\w+)">/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(order).toEqual([
      [correction.id, 'active'],
      [withdrawn.id, 'retracted'],
      [second.id, 'superseded'],
      [first.id, 'active'],
    ]);
    expect(html).toContain(
      `<strong>Correction of</strong> <a href="#report-${second.id}">the report of 15 March 2024, 12:02 UTC</a>.`,
    );
    expect(html).toContain(
      `<strong>Corrected by</strong> <a href="#report-${correction.id}">the report of 15 March 2024, 12:04 UTC</a>.`,
    );
    expect(html).toContain(
      `<strong>Retracted.</strong> <a href="https://status.example.org/reports/${withdrawn.id}">Withdrawn by a moderator`,
    );
  });

  it('links a report outside the window shown to its page instead of an anchor on this one', () => {
    const outside = { ...doc, head: doc.head.filter((s) => s.id !== second.id), reportCount: 250 };
    const html = renderPlacePage(outside, site, 'en', now);
    expect(html).toContain(`<a href="https://status.example.org/reports/${second.id}">${second.id}</a>`);
    expect(html).toContain('The newest 3 of 250 reports');
  });
});

describe('the history on a place page', () => {
  it('lists the newest 50 reports, however many the document holds', () => {
    const [newest] = doc.head;
    if (!newest) throw new Error('the fixture has no report');
    const head = Array.from({ length: 120 }, (_, i) => ({
      ...newest,
      id: `01J${String(999 - i).padStart(23, '0')}`,
    }));
    const html = renderPlacePage({ ...doc, head, reportCount: 120 }, site, 'en', now);
    expect(html.match(/<li id="report-/g)).toHaveLength(50);
    expect(html).toContain('The newest 50 of 120 reports');
  });
});

describe('renderIndexPage', () => {
  it('shows a card per place with the figures of the list of places', () => {
    const html = renderIndexPage([summarizePlace(doc)], { ...site, path: '/' }, 'en', now);
    expect(html).toContain('<a href="/places/testville-synthetic"><bdi>Testville (synthetic)</bdi></a>');
    expect(html).toContain('<strong>about 28,000</strong>');
    expect(html).toContain('<strong>at least 14 in all, since an unstated date</strong>');
    expect(html).toContain('Source: <bdi>Synthetic source, test fixture</bdi> (NGO, English)');
  });

  it('says so when there is no place yet', () => {
    expect(renderIndexPage([], { ...site, path: '/' }, 'nl', now)).toContain('<p>Nog geen plaatsen.</p>');
  });
});

describe('renderErrorPage', () => {
  it('titles the problem in the reader language, with its detail as the API gives it', () => {
    const html = renderErrorPage({ status: 404, type: 'not-found', detail: 'no place' }, site, 'nl');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<h1>Niet gevonden</h1><p lang="en">no place</p>');
    expect(html).toContain('<title>404 Niet gevonden · Humanitaire situatie</title>');
  });

  it('keeps the English title of the problem type on an English page', () => {
    const html = renderErrorPage({ status: 404, type: 'not-found', detail: 'no place' }, site, 'en');
    expect(html).toContain('<h1>Not found</h1><p lang="en">no place</p>');
  });

  it('words a Ukrainian error page in Ukrainian, each broken rule included', () => {
    const html = renderErrorPage(
      { status: 400, type: 'invalid-request', detail: 'invalid query: /limit', issues: ['Напишіть число.'] },
      site,
      'uk',
    );
    expect(html).toContain('<h1>Неправильний параметр адреси</h1>');
    expect(html).toContain('<li>Напишіть число.</li>');
  });

  it('names the languages the pages are written in, each by its own name, for an unknown one', () => {
    const html = renderErrorPage(
      { status: 400, type: 'invalid-request', detail: 'invalid query: /lang', unknownLanguage: true },
      { ...site, path: '/places/testville' },
      'uk',
    );
    expect(html).toContain('<h1>Цією мовою сторінки не написано</h1>');
    for (const [tag, name] of [
      ['en', 'English'],
      ['nl', 'Nederlands'],
      ['uk', 'Українська'],
    ]) {
      expect(html).toContain(
        `<li><a href="/places/testville?lang=${tag}" hreflang="${tag}" lang="${tag}">${name}</a></li>`,
      );
    }
  });
});

describe('freshness on the pages', () => {
  // Observed March 2024: electricity (14 days) is current to 14 April 2024, residents
  // remaining (90 days) to 29 June 2024.
  const observedMarch = acceptedReport(6, {
    observed: '2024-03',
    figures: [electricity('unavailable'), remaining(28_000)],
  });
  const freshness = derivePlaceDocument(
    testville,
    [summaryOf(observedMarch)],
    byId([observedMarch]),
    acceptedAt(6).toISOString(),
  );

  it('gives every figure of the status its staleAfter, from the data alone', () => {
    expect(freshness.status.indicators.electricity?.staleAfter).toBe('2024-04-14');
    expect(freshness.status.indicators.population_remaining?.staleAfter).toBe('2024-06-29');
  });

  it('calls figures current status until their staleAfter has passed', () => {
    const page = renderPlacePage(freshness, site, 'en', clockAt(new Date('2024-04-14T12:00:00Z')));
    expect(page).toContain('>Current status</h2>');
    expect(page).not.toContain('Last confirmed');
  });

  it('says plainly that a figure has not been confirmed since, once it is stale', () => {
    const page = renderPlacePage(freshness, site, 'en', clockAt(new Date('2024-04-15T00:00:00Z')));
    expect(page).toContain('>Last reported status</h2>');
    expect(page).not.toContain('>Current status</h2>');
    expect(page).toMatch(/Last confirmed March 2024 \(14 days ago\)\.<\/strong> Not confirmed since/);
    // residents remaining is still current: it is shown apart, without the notice
    expect(page.match(/class="report-group stale"/g)).toHaveLength(1);
    expect(page.match(/class="report-group"/g)).toHaveLength(1);
  });

  it('says it in Dutch on the Dutch page, years later', () => {
    const page = renderPlacePage(freshness, site, 'nl', clockAt(new Date('2026-12-01T00:00:00Z')));
    expect(page).toContain('>Laatst gemelde situatie</h2>');
    expect(page).toContain('Laatst bevestigd maart 2024 (2 jaar geleden).');
    expect(page.match(/class="report-group stale"/g)).toHaveLength(1);
  });

  it('puts the observed date before the time the last report was added', () => {
    const page = renderPlacePage(freshness, site, 'en', clockAt(new Date('2026-12-01T00:00:00Z')));
    const observedAt = page.indexOf('Newest figures observed: <time datetime="2024-03">March 2024</time>');
    expect(observedAt).toBeGreaterThan(-1);
    expect(page.indexOf('last report added')).toBeGreaterThan(observedAt);
  });
});

describe('a part whose whole came from another report', () => {
  const baselineReport = acceptedReport(7, {
    observed: '2024-01',
    figures: [{ indicator: 'population_baseline', value: 80_000, qualifier: 'approximately' }],
  });
  const remainingReport = acceptedReport(8, { observed: '2024-03', figures: [remaining(8_600)] });
  const split = derivePlaceDocument(
    testville,
    [summaryOf(remainingReport), summaryOf(baselineReport)],
    byId([baselineReport, remainingReport]),
    acceptedAt(8).toISOString(),
  );

  it('is still stated out of that whole, which keeps its own line and provenance', () => {
    const page = renderPlacePage(split, site, 'en', now);
    expect(page).toContain('<strong>about 8,600 of about 80,000</strong>');
    expect(page).toContain('<strong>about 80,000</strong>');
  });
});

describe('what the pages say beside a headline', () => {
  // SYNTHETIC sources and counts throughout.
  const agency: Source = { name: 'Synthetic agency A', kind: 'ngo', language: 'en' };
  const paper: Source = { name: 'Synthetic paper B', kind: 'media', language: 'en' };
  const documentOf = (reports: Report[]) =>
    derivePlaceDocument(
      testville,
      reports.map((r) => summaryOf(r)),
      byId(reports),
      acceptedAt(20).toISOString(),
    );
  const november = clockAt(new Date('2022-11-20T00:00:00Z'));

  const total = acceptedReport(11, { observed: '2022-11', source: agency, figures: [deaths(120)] });
  const period = acceptedReport(12, { observed: '2022-11', source: paper, figures: [deathsInPeriod(40)] });

  it('shows a count for a period beside the running total, with its source, date and report', () => {
    const place = documentOf([total, period]);
    for (const html of [
      renderPlacePage(place, site, 'en', november),
      renderIndexPage([summarizePlace(place)], { ...site, path: '/' }, 'en', november),
    ]) {
      expect(html).toContain('<strong>at least 120 in all, since an unstated date</strong>');
      expect(html).toContain(
        '<p class="figure-period">and at least 40 in November 2022, from \u2068Synthetic paper B\u2069 ',
      );
      expect(html).toContain(`<a href="https://status.example.org/reports/${period.id}">`);
    }
    const status = /<section aria-labelledby="status">[\s\S]*?<\/section>/.exec(
      renderPlacePage(place, site, 'en', november),
    )?.[0];
    expect(status).not.toContain('<strong>at least 40');
    // The history names the period of the count too.
    expect(renderPlacePage(place, site, 'en', november)).toContain(
      '<strong>at least 40 in November 2022</strong>',
    );
    expect(renderPlacePage(place, site, 'nl', november)).toContain(
      'en ten minste 40 in november 2022, volgens \u2068Synthetic paper B\u2069',
    );
  });

  it('names the observed period of a count for a period that is the headline', () => {
    const html = renderPlacePage(documentOf([period]), site, 'en', november);
    expect(html).toContain('<strong>at least 40 in November 2022</strong>');
    expect(html).not.toContain('class="figure-period"');
  });

  it('shows sources that disagree side by side, each named with its figure and linked', () => {
    const low = acceptedReport(13, {
      observed: '2022-11',
      source: agency,
      figures: [{ ...deaths(8_000), qualifier: 'exact' }],
    });
    const high = acceptedReport(14, {
      observed: '2022-11',
      source: paper,
      figures: [{ ...deaths(15_000), qualifier: 'exact' }],
    });
    const place = documentOf([low, high]);
    for (const html of [
      renderPlacePage(place, site, 'en', november),
      renderIndexPage([summarizePlace(place)], { ...site, path: '/' }, 'en', november),
    ]) {
      const block = /<div class="disagreement">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
      expect(block).toContain(
        '<strong>Sources disagree:</strong> 8,000–15,000 by 2 sources; the newest says 15,000',
      );
      expect(block).toContain('<strong>8,000</strong> · <bdi>Synthetic agency A</bdi>');
      expect(block).toContain('<strong>15,000</strong> · <bdi>Synthetic paper B</bdi>');
      for (const report of [low, high]) {
        expect(block).toContain(`<a href="https://status.example.org/reports/${report.id}">`);
      }
    }
  });

  it('shows a range as a range', () => {
    const ranged = acceptedReport(15, {
      observed: '2022-11',
      figures: [{ ...deaths(40), qualifier: 'approximately', high: 60 }],
    });
    expect(renderPlacePage(documentOf([ranged]), site, 'en', november)).toContain(
      '<strong>about 40–60 in all, since an unstated date</strong>',
    );
  });

  it('says which indicators no report has stated, and shows a reported zero as a figure', () => {
    const zero = acceptedReport(16, {
      observed: '2022-11',
      figures: [electricity('available'), { ...deaths(0), qualifier: 'exact' }],
    });
    const place = documentOf([zero]);
    const page = renderPlacePage(place, site, 'en', november);
    expect(page).toContain('<strong>0 in all, since an unstated date</strong>');
    expect(page).toContain('<li>No report on gas yet</li>');
    expect(page).toContain('<li>No report on running water yet</li>');
    expect(page).toContain('<li>No report on civilians injured yet</li>');
    expect(page).not.toContain('No report on civilians killed');
    expect(page).not.toContain('No report on electricity');
    expect(renderPlacePage(place, site, 'nl', november)).toContain('<li>Nog geen bericht over gas</li>');
    // A card names the utilities only, to stay short.
    const card = renderIndexPage([summarizePlace(place)], { ...site, path: '/' }, 'en', november);
    expect(card).toContain('<li>No report on running water yet</li>');
    expect(card).not.toContain('No report on civilians injured');
  });
});

describe('the chart on a place page', () => {
  it('says under the chart how many counts for a period only it leaves off its line of totals', () => {
    // The registry lets residents be counted as totals only, so no report can state this
    // today; it is built as stored to show the chart never joins such a count to its line.
    const periodOnly = acceptedReport(21, {
      observed: '2024-02',
      figures: [{ ...remaining(500), basis: 'period' }],
    });
    const head = [summaryOf(periodOnly), ...doc.head];
    const html = renderPlacePage({ ...doc, head }, site, 'en', now);
    expect(html).toContain('1 count for a period only left out: the chart draws running totals.');
    expect(html).not.toContain('<title>about 500,');
    expect(renderPlacePage(doc, site, 'en', now)).not.toContain('left out: the chart');
  });
});
