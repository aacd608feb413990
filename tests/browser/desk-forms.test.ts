// The desk's pages in a real browser, as a reporter on a phone meets them: against a local
// Worker that `npm start` serves and seeds, each page at 320, 390 and 1280 px wide. Nothing is
// wider than the screen; axe-core finds nothing at 390 and 1280 px; with every figure closed,
// the new-report form is at most 1,500 px tall on a phone; a form with problems opens the
// boxes that hold them and links each from its summary; the preview shows the whole report,
// and Edit returns the form as written. A screenshot of each page at each width is kept in
// tests/browser/artifacts/ (not in git).

import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeViolation, axeViolations, chromiumArgs, executablePath } from './chromium.ts';
import { type SeededWorker, startSeededWorker } from './server.ts';

const port = Number(process.env.DESK_BROWSER_TEST_PORT ?? 8794);
const artifacts = new URL('./artifacts/', import.meta.url);
const tallestForm = 1500;

const widths = {
  narrowest: { width: 320, height: 640, axe: false },
  phone: { width: 390, height: 844, axe: true },
  desktop: { width: 1280, height: 800, axe: true },
} as const;

let worker: SeededWorker | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  worker = await startSeededWorker(port, 120_000);
  browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await worker?.stop();
}, 30_000);

function base(): string {
  if (!worker) throw new Error('the Worker did not start');
  return worker.base;
}

/** Writes into a field, or picks its option, whichever control the form has for it. */
async function setField(page: Page, name: string, value: string) {
  const control = page.locator(`form [name="${name}"]:not([type="hidden"])`);
  if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
  else await control.fill(value);
}

/** Opens a closed box by keyboard, as a writer tabbing through the form does. */
async function openBox(page: Page, indicator: string) {
  await page.locator(`#figure-${indicator} > summary`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(`#figure-${indicator}`).getAttribute('open')).resolves.not.toBeNull();
}

/** Submits the form by its button, and waits for the page it opens. */
async function press(page: Page, button: string) {
  await page.getByRole('button', { name: button, exact: true }).focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
}

/** What was found on each page: wider than the screen, and axe's violations. */
interface Findings {
  overflow: Record<string, number>;
  violations: Record<string, AxeViolation[]>;
}

describe.each(Object.entries(widths))('the desk at %s width', (size, { axe, ...viewport }) => {
  it('fits the screen on every page, passes axe, and keeps a screenshot of each', async () => {
    if (!browser) throw new Error('Chromium did not start');
    // axe is injected as a script, which the desk's CSP (no script at all) rightly blocks.
    const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'en-GB' });
    const findings: Findings = { overflow: {}, violations: {} };
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const look = async (name: string) => {
        expect(await page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")).toBe(
          '1152px',
        );
        const wider = await page.evaluate<number>(`document.documentElement.scrollWidth - ${viewport.width}`);
        if (wider > 0) findings.overflow[name] = wider;
        if (axe) {
          const found = await axeViolations(page, `${name} (${size})`);
          if (found.length > 0) findings.violations[name] = found;
        }
        await page.screenshot({
          path: new URL(`desk-${name}-${size}.png`, artifacts).pathname,
          fullPage: true,
        });
      };

      await page.goto(`${base()}/desk/sign-in`, { waitUntil: 'load' });
      await look('sign-in');
      await page.locator('#token').fill('local-dev-token');
      await press(page, 'Sign in');
      expect(new URL(page.url()).pathname).toBe('/desk');
      await look('home');

      await page.goto(`${base()}/desk/reports/new`, { waitUntil: 'load' });
      const boxes = page.locator('details.figure-box');
      expect(await boxes.count()).toBe(8);
      expect(await page.locator('details.figure-box[open], details.figure-source-box[open]').count()).toBe(0);
      // The form itself, as the bound is stated: the page's header, heading and footer are
      // the same on every desk page and not the reporter's work.
      const height = await page
        .locator('form.desk-form')
        .evaluate((form) => Math.round(form.getBoundingClientRect().height));
      if (size === 'phone') expect(height).toBeLessThanOrEqual(tallestForm);
      await look('new-report');

      // Problems: each box that holds one opens, and the summary links to each field.
      await setField(page, 'place', 'bakhmut');
      await setField(page, 'observed', 'last spring');
      await openBox(page, 'population_remaining');
      await setField(page, 'population_remaining.value', 'twelve');
      await setField(page, 'summary.text', 'SYNTHETIC: written in the desk forms browser test.');
      await setField(page, 'summary.language', 'en');
      await setField(page, 'source.name', 'Synthetic desk source');
      await setField(page, 'source.kind', 'ngo');
      await setField(page, 'source.language', 'en');
      await press(page, 'Preview');
      const hrefs = await page
        .locator('.form-problem a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const links = hrefs.map((href) => href?.slice(1) ?? '');
      expect(links).toContain('field-observed');
      expect(links).toContain('field-population_remaining-value');
      for (const id of links) await expect(page.locator(`[id="${id}"]`).count()).resolves.toBe(1);
      await expect(page.locator('#figure-population_remaining').getAttribute('open')).resolves.not.toBeNull();
      await look('new-report-problems');

      await setField(page, 'observed', '2024-05');
      await setField(page, 'population_remaining.value', '');
      await openBox(page, 'electricity');
      await setField(page, 'electricity.state', 'intermittent');
      await press(page, 'Preview');
      // What a reader sees, so innerText (rendered text), not textContent.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point.
      const preview = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      for (const words of [
        'Report on Bakhmut, May 2024',
        'Donetsk oblast, Ukraine',
        'SYNTHETIC: written in the desk forms browser test.',
        'Electricity',
        'Synthetic desk source',
      ]) {
        expect(preview).toContain(words);
      }
      await look('preview');

      await press(page, 'Edit');
      await expect(page.locator('#field-place').inputValue()).resolves.toBe('bakhmut');
      await expect(page.locator('#field-observed').inputValue()).resolves.toBe('2024-05');
      await expect(page.locator('#field-electricity-state').inputValue()).resolves.toBe('intermittent');
      await expect(page.locator('#field-summary-text').inputValue()).resolves.toBe(
        'SYNTHETIC: written in the desk forms browser test.',
      );
      expect(await page.locator('details.figure-box[open]').evaluateAll((ds) => ds.map((d) => d.id))).toEqual(
        ['figure-electricity'],
      );
      await look('edit');

      for (const [name, path] of [
        ['draft', '/desk/drafts'],
        ['import', '/desk/import'],
        ['places', '/desk/places'],
        ['new-place', '/desk/places/new'],
      ] as const) {
        await page.goto(`${base()}${path}`, { waitUntil: 'load' });
        await look(name);
      }
    } finally {
      await context.close();
    }
    expect(findings).toEqual({ overflow: {}, violations: {} });
  }, 180_000);
});
