// The status pages in a real browser: Debian's Chromium, driven by playwright-core, against
// a running local Worker seeded with the Bakhmut report (and one synthetic place that has a
// chart, a correction and a retraction). Each page at desktop and phone width: the visible
// figures, no console error or failed request, no horizontal scrolling, axe-core's rules with
// no serious or critical violation at both widths, and a screenshot in screenshots/. The
// pages are the front page, the places' pages and the page of the seed's current report.

import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations as axeOn, chromiumArgs, executablePath } from './chromium.ts';
import { type SeededWorker, startSeededWorker } from './server.ts';
import { addSyntheticPlace } from './synthetic.ts';

const port = Number(process.env.BROWSER_TEST_PORT ?? 8793);
const screenshots = new URL('../../screenshots/', import.meta.url);

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/** The page of the seed's current report, found as a reader would: from the place's status. */
async function seedReportPath(base: string, query = ''): Promise<string> {
  const response = await fetch(`${base}/api/v1/places/bakhmut`);
  const { status } = (await response.json()) as {
    status: { indicators: Record<string, { report: string }> };
  };
  const id = status.indicators.civilian_deaths?.report;
  if (!id) throw new Error('the seeded status has no civilian deaths');
  return `/reports/${id}${query}`;
}

/** What each page must show, as the seed states it (seeds/bakhmut.json). */
const pages = [
  {
    name: 'index',
    path: '/',
    texts: [
      'Bakhmut',
      'Also known as: Bachmoet, Бахмут',
      'Newest figures observed: November 2022',
      'Last confirmed November 2022 (4 years ago). Not confirmed since',
      'Electricity: unavailable since about September 2022',
      'Gas: unavailable since about September 2022',
      'Running water: unavailable since about September 2022',
      'Source: Residents of Bakhmut, quoted in the article (media, Dutch)',
      'Residents remaining: 12,000 of about 80,000',
      'Civilians killed: at least 120',
      'Source: Oleksandr Marchenko, deputy mayor of Bakhmut (official, Dutch)',
      'Verification: Unconfirmed',
      'Observed: November 2022',
    ],
  },
  {
    name: 'bakhmut',
    path: '/places/bakhmut',
    texts: [
      'Bakhmut',
      'Last reported status',
      'Residents remaining: 12,000 of about 80,000',
      'Almost 80,000 original residents.',
      'Quote (Dutch): slechts 12.000',
      'Civilians killed: at least 120',
      'Heavy fighting in and around the city.',
      'Verification: Unconfirmed',
      'One report states how many residents remain: 12,000 (November 2022).',
      'History',
    ],
  },
  {
    name: 'synthetic',
    path: '/places/synthville',
    chart: 'Residents remaining in \u2068Synthville (synthetic)\u2069 over time',
    texts: [
      'Synthville (synthetic)',
      'Residents remaining: about 16,000',
      'Correction of the report of',
      'Corrected by the report of',
      'Retracted. Withdrawn by a moderator',
      'January 2024 about 41,000 Verification: Corroborated',
    ],
  },
  {
    name: 'bakhmut-nl',
    path: '/places/bakhmut?lang=nl',
    texts: [
      'Bachmoet',
      'Laatst gemelde situatie',
      'Donetsk oblast, Oekraïne',
      'Overgebleven inwoners: 12.000 van ongeveer 80.000',
      'Burgerdoden: ten minste 120',
      'Citaat (Nederlands): meer dan 120 burgers gedood',
      'Elektriciteit: niet beschikbaar sinds ongeveer september 2022',
      'Verificatie: Onbevestigd',
      'Waargenomen: november 2022',
    ],
  },
  {
    name: 'bakhmut-uk',
    path: '/places/bakhmut?lang=uk',
    texts: [
      'Бахмут',
      'Остання повідомлена ситуація',
      'Україна',
      'Мешканці, що залишилися: 12 000 з близько 80 000',
      'Загиблі цивільні: щонайменше 120',
      'Цитата (нідерландська): meer dan 120 burgers gedood',
      'Електропостачання: немає приблизно з вересня 2022',
      'Перевірка: Не підтверджено',
      'Дата спостереження: листопад 2022',
    ],
  },
  {
    name: 'report',
    path: seedReportPath,
    texts: [
      'Report on Bakhmut, November 2022',
      'Last confirmed November 2022 (4 years ago).',
      'This report corrects: the report of',
      'Each figure now names the voice that stated it',
      'Residents remaining: about 12,000 → 12,000',
      'Stated by: Oleksandr Marchenko, deputy mayor of Bakhmut (official, Dutch)',
      'Quote (Dutch): meer dan 120 burgers gedood',
      'Original text (Dutch)',
      'Van de bijna 80.000 oorspronkelijke inwoners blijven er slechts 12.000 over.',
    ],
  },
  {
    name: 'report-nl',
    path: (base: string) => seedReportPath(base, '?lang=nl'),
    texts: [
      'Melding over Bachmoet, november 2022',
      'Deze melding corrigeert: de melding van',
      'Overgebleven inwoners: ongeveer 12.000 → 12.000',
      'Gezegd door: Oleksandr Marchenko, deputy mayor of Bakhmut (officieel, Nederlands)',
      'Oorspronkelijke tekst (Nederlands)',
    ],
  },
] as const;

/** A page's path: fixed, or found from the seeded data. */
function pathOf(path: string | ((base: string) => Promise<string>)): Promise<string> {
  return typeof path === 'string' ? Promise.resolve(path) : path(base());
}

let worker: SeededWorker | undefined;
let browser: Browser | undefined;
const timings: string[] = [];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.push(`${label}: ${Math.round(performance.now() - started)} ms`);
  }
}

function launched(): Browser {
  if (!browser) throw new Error('Chromium did not start');
  return browser;
}

function base(): string {
  if (!worker) throw new Error('the Worker did not start');
  return worker.base;
}

/** Everything that went wrong while the page loaded: console errors, page errors, requests. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** axe-core's violations on the page as it stands, timed. */
function axeViolations(page: Page, label: string) {
  return timed(`axe ${label}`, () => axeOn(page, label));
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  worker = await timed('start and seed the Worker', () => startSeededWorker(port, 120_000));
  await timed('add the synthetic place', () => addSyntheticPlace(base()));
  browser = await timed('launch Chromium', () =>
    chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: 30_000 }),
  );
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await worker?.stop();
  console.log(`browser test timings:\n  ${timings.join('\n  ')}`);
}, 30_000);

describe.each(pages)('the $name page in Chromium', (expected) => {
  const { name, texts } = expected;
  it.each(Object.entries(viewports))(
    'shows its figures at %s width with no error, and takes a screenshot',
    async (size, viewport) => {
      const context = await launched().newContext({ viewport, locale: 'en-GB' });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        const problems = watchProblems(page);
        const path = await pathOf(expected.path);
        const response = await timed(`load ${path} (${size})`, () =>
          page.goto(`${base()}${path}`, { waitUntil: 'load', timeout: 30_000 }),
        );
        expect(response?.status()).toBe(200);
        // What a reader sees, so innerText (rendered text), not textContent. It breaks lines
        // around the visually hidden ": " after each figure's label.
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point.
        const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ').replace(/ :/g, ':');
        for (const words of texts) expect(text).toContain(words);
        if ('chart' in expected) {
          await expect(page.getByRole('img', { name: expected.chart }).count()).resolves.toBe(1);
        }
        // The stylesheet loaded under the page's CSP, and nothing is wider than the screen.
        expect(await page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")).toBe(
          '1152px',
        );
        const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: new URL(`${name}-${size}.png`, screenshots).pathname, fullPage: true });
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );

  it.each(Object.entries(viewports))(
    'passes axe-core at %s width with no serious or critical violation',
    async (size, viewport) => {
      // axe is injected as an inline script, which the page's own CSP (no script at all)
      // rightly blocks; this context alone bypasses the CSP. The test above loads the page
      // with the CSP in force.
      const context = await launched().newContext({ viewport, bypassCSP: true });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        const path = await pathOf(expected.path);
        await page.goto(`${base()}${path}`, { waitUntil: 'load', timeout: 30_000 });
        const found = await axeViolations(page, `${path} (${size})`);
        expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});

/** Focuses a control and types into it, as a writer at a keyboard does. */
async function typeInto(page: Page, selector: string, text: string) {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

describe('the desk in Chromium', () => {
  it.each(Object.entries(viewports))(
    'signs in, writes a report with a warning to confirm, publishes it, corrects one figure, retracts the correction and signs out, by keyboard, at %s width, with no axe violation',
    async (size, viewport) => {
      const context = await launched().newContext({ viewport, bypassCSP: true });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        const problems = watchProblems(page);
        const noViolation = async (label: string) =>
          expect(await axeViolations(page, `${label} (${size})`)).toEqual([]);

        await page.goto(`${base()}/desk/sign-in`, { waitUntil: 'load' });
        await noViolation('/desk/sign-in');
        await typeInto(page, '#token', 'local-dev-token');
        await Promise.all([page.waitForURL(`${base()}/desk`), page.keyboard.press('Enter')]);
        await noViolation('/desk');
        const cookies = await context.cookies();
        const cookie = cookies.find((c) => c.name === 'desk_session');
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/desk' });
        // The marker that shows the public pages' desk links, and nothing more.
        expect(cookies.find((c) => c.name === 'desk_writer')).toMatchObject({ value: '1', path: '/' });

        await page.goto(`${base()}/desk/reports/new`, { waitUntil: 'load' });
        await noViolation('/desk/reports/new');
        // SYNTHETIC: a number a thousand times the current one, or a thousandth of it, is a
        // slip to confirm (the other width's run has changed the current one)
        const status = await (await fetch(`${base()}/api/v1/places/synthville`)).json();
        const current = (
          status as { status: { indicators: { population_remaining: { figure: { value: number } } } } }
        ).status.indicators.population_remaining.figure.value;
        await typeInto(page, '#field-place', 'synthville');
        await typeInto(page, '#field-observed', '2024-07');
        // each figure is a box, closed until opened
        await page.locator('#figure-population_remaining > summary').focus();
        await page.keyboard.press('Enter');
        await typeInto(page, '#field-population_remaining-value', current >= 1000 ? '16' : '16.000');
        // Each width writes a report of its own: the desk publishes the same content once.
        await typeInto(page, '#field-summary-text', `SYNTHETIC: written in the browser test (${size}).`);
        // languages and the source's kind are chosen from lists, none chosen before the writer does
        await page.locator('#field-summary-language').selectOption('en');
        await typeInto(page, '#field-source-name', 'Synthetic browser source');
        await page.locator('#field-source-kind').selectOption('ngo');
        await page.locator('#field-source-language').selectOption('en');
        await page.getByRole('button', { name: 'Preview' }).focus();
        await Promise.all([page.waitForURL(/\/desk\/reports\/preview/), page.keyboard.press('Enter')]);
        await noViolation('/desk/reports/preview');
        await expect(page.locator('main').textContent()).resolves.toContain('more than 10 times');
        await page.locator('#confirm-0').focus();
        await page.keyboard.press('Space');
        await page.getByRole('button', { name: 'Publish' }).focus();
        await Promise.all([page.waitForURL(/\/reports\/[0-9A-Z]{26}$/), page.keyboard.press('Enter')]);
        const reportPath = new URL(page.url()).pathname;
        await expect(page.locator('h1').textContent()).resolves.toMatch(/Report on Synthville/);

        const placePage = await (await fetch(`${base()}/places/synthville`)).text();
        expect(placePage).toContain(reportPath);
        const atom = await (await fetch(`${base()}/feeds/places/synthville.atom`)).text();
        expect(atom).toContain(reportPath);

        // Correcting one figure of the new report, from its page, by keyboard
        await page.getByRole('link', { name: 'Correct or retract this report at the desk' }).focus();
        await Promise.all([page.waitForURL(`${base()}/desk${reportPath}`), page.keyboard.press('Enter')]);
        await noViolation('/desk/reports/{id}');
        await page.locator('a[href$="figure=population_remaining"]').focus();
        await Promise.all([
          page.waitForURL(`${base()}/desk${reportPath}/correction?figure=population_remaining`),
          page.keyboard.press('Enter'),
        ]);
        await noViolation('/desk/reports/{id}/correction');
        const value = page.locator('#field-population_remaining-value');
        const published = Number(await value.inputValue());
        expect([16, 16_000]).toContain(published);
        // One more than the place's current figure as this run finds it: 16,000 on the second
        // width, whose first run left it current.
        const correctedValue = published < 1000 ? published * 1000 + 1 : published + 1;
        const corrected = String(correctedValue);
        await value.focus();
        await page.keyboard.press('Control+A');
        await page.keyboard.type(corrected);
        await typeInto(page, '#field-reason', 'SYNTHETIC: the source gave the exact number.');
        await page.getByRole('button', { name: 'Publish the correction' }).focus();
        await Promise.all([
          page.waitForURL(/\/reports\/[0-9A-Z]{26}(\/correction)?$/),
          page.keyboard.press('Enter'),
        ]);
        // A number far from the place's current one comes back to be confirmed, each warning
        // ticked, as on the report form.
        if (new URL(page.url()).pathname.endsWith('/correction')) {
          await expect(page.locator('main').textContent()).resolves.toContain('more than 10 times');
          for (const box of await page.locator('input[name="confirm"]').all()) {
            await box.focus();
            await page.keyboard.press('Space');
          }
          await page.getByRole('button', { name: 'Publish the correction' }).focus();
          await Promise.all([page.waitForURL(/\/reports\/[0-9A-Z]{26}$/), page.keyboard.press('Enter')]);
          // The form that asked for the confirmation answered 422, as it should.
          const asked = problems.filter((p) => p.includes('422'));
          expect(asked).toHaveLength(2);
          problems.splice(0, problems.length, ...problems.filter((p) => !asked.includes(p)));
        }
        const correctionPath = new URL(page.url()).pathname;
        expect(correctionPath).not.toBe(reportPath);
        const correctionPage = await page.locator('main').textContent();
        expect(correctionPage).toContain('This report corrects');
        expect(correctionPage).toContain('SYNTHETIC: the source gave the exact number.');
        expect(correctionPage).toContain(published.toLocaleString('en'));
        expect(correctionPage).toContain(correctedValue.toLocaleString('en'));
        // the feed document is written by the place's writer, at most once a second
        await expect
          .poll(async () => (await fetch(`${base()}/feeds/places/synthville.atom`)).text(), {
            timeout: 10_000,
          })
          .toContain(correctionPath);

        // Retracting the correction, from its page, with a reason
        await page.getByRole('link', { name: 'Correct or retract this report at the desk' }).focus();
        await Promise.all([page.waitForURL(`${base()}/desk${correctionPath}`), page.keyboard.press('Enter')]);
        await typeInto(page, '#field-reason', 'SYNTHETIC: withdrawn in the browser test.');
        await page.getByRole('button', { name: 'Withdraw it' }).focus();
        await Promise.all([page.waitForURL(`${base()}${correctionPath}`), page.keyboard.press('Enter')]);
        await noViolation('/reports/{id} retracted');
        const retractedPage = await page.locator('main').textContent();
        expect(retractedPage).toContain('Retracted.');
        expect(retractedPage).toContain('Reason: SYNTHETIC: withdrawn in the browser test.');

        // The places of the desk, for an admin (the local token has every scope)
        await page.goto(`${base()}/desk/places`, { waitUntil: 'load' });
        await noViolation('/desk/places');
        await page.getByRole('link', { name: 'New place' }).focus();
        await Promise.all([page.waitForURL(`${base()}/desk/places/new`), page.keyboard.press('Enter')]);
        await noViolation('/desk/places/new');
        expect(
          await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
        ).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: new URL(`desk-place-form-${size}.png`, screenshots).pathname,
          fullPage: true,
        });

        // A spreadsheet imported: chosen, checked and published by keyboard
        await page.goto(`${base()}/desk/import`, { waitUntil: 'load' });
        await noViolation('/desk/import');
        await page.locator('#import-file').setInputFiles({
          name: 'reports.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(
            [
              'Place slug,Indicator,State,Observed,Verification,Source,Source kind,Source language,Summary,Summary language',
              `synthville,gas,intermittent,2024-07,unconfirmed,Synthetic import source,ngo,en,SYNTHETIC: imported at ${size} width.,en`,
            ].join('\r\n'),
          ),
        });
        await page.getByRole('button', { name: 'Check the file' }).focus();
        await Promise.all([page.waitForURL(/\/desk\/import\/check/), page.keyboard.press('Enter')]);
        await noViolation('/desk/import/check');
        await expect(page.locator('main').textContent()).resolves.toContain('One report will be published');
        await page.getByRole('button', { name: 'Publish all' }).focus();
        await Promise.all([page.waitForURL(/\/desk\/import$/), page.keyboard.press('Enter')]);
        await noViolation('/desk/import (published)');
        await expect(page.locator('h1').textContent()).resolves.toBe('One report published');

        // A draft from text: the form filled in, each figure beside its words, marked in the text
        await page.goto(`${base()}/desk/drafts`, { waitUntil: 'load' });
        await noViolation('/desk/drafts');
        await typeInto(
          page,
          '#field-text',
          'Van de bijna 9.000 oorspronkelijke inwoners blijven er slechts 2.500 over. SYNTHETISCH.',
        );
        await page.locator('#field-language').selectOption('nl');
        await typeInto(page, '#field-place', 'synthville');
        await typeInto(page, '#field-observed', '2024-07');
        await page.getByRole('button', { name: 'Draft the report' }).focus();
        await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
        await page.waitForSelector('mark');
        await noViolation('/desk/drafts (drafted)');
        await expect(page.locator('[name="population_remaining.value"]').inputValue()).resolves.toBe('2500');
        await expect(page.locator('[name="population_baseline.qualifier"]').inputValue()).resolves.toBe(
          'approximately',
        );

        await page.goto(`${base()}/desk`, { waitUntil: 'load' });
        await page.getByRole('button', { name: 'Sign out' }).focus();
        await Promise.all([page.waitForURL(`${base()}/desk/sign-in`), page.keyboard.press('Enter')]);
        // the cookie replayed after signing out, and a form posted from another site
        const replay = await fetch(`${base()}/desk`, {
          redirect: 'manual',
          headers: { cookie: `${cookie?.name}=${cookie?.value}` },
        });
        expect(replay.status).toBe(401);
        expect(await replay.text()).toContain('Your session has ended.');
        const crossSite = await fetch(`${base()}/desk/sign-in`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: 'https://elsewhere.example',
            'sec-fetch-site': 'cross-site',
          },
          body: 'token=local-dev-token',
        });
        expect(crossSite.status).toBeGreaterThanOrEqual(400);
        expect(crossSite.headers.get('set-cookie')).toBeNull();
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
