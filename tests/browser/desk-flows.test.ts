// The desk's flows in a real browser, as a reporter does them with no developer beside them:
// Debian's Chromium, driven by playwright-core, against a local Worker seeded by `npm start`,
// at phone (390 px) and desktop (1280 px) width. A report written by keyboard alone from the
// desk's home through its preview to its public page; the whole report corrected (its
// summary changed, a figure added); withdrawn with one button; a Dutch and a Ukrainian
// spreadsheet imported with their own column names and dates; a reporter invited, signed in
// with their own token, publishing, revoked, and their session ended. Every desk page is
// checked with axe-core (no serious or critical violation) and kept as a screenshot in
// screenshots/desk/, with what axe found and the form's height in screenshots/desk/findings.txt.
// Each width writes about places of its own, so the two never collide.

import { mkdirSync, writeFileSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chromiumArgs, executablePath } from './chromium.ts';
import { type SeededWorker, startSeededWorker } from './server.ts';

const port = Number(process.env.DESK_FLOWS_TEST_PORT ?? 8795);
const screenshots = new URL('../../screenshots/desk/', import.meta.url);
const adminToken = 'local-dev-token';

const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
type Size = keyof typeof viewports;

let worker: SeededWorker | undefined;
let browser: Browser | undefined;
/** What the run measured, printed at its end: axe's findings, the form's height. */
const findings: string[] = [];

function base(): string {
  if (!worker) throw new Error('the Worker did not start');
  return worker.base;
}

function launched(): Browser {
  if (!browser) throw new Error('Chromium did not start');
  return browser;
}

/** A SYNTHETIC place of its own for each width and flow, named in three languages. */
const placeOf = (size: Size, flow: string) => ({
  slug: `flows-${flow}-${size}`,
  en: `Flowtown ${flow} ${size} (synthetic)`,
  nl: `Stroomdorp ${flow} ${size} (synthetisch)`,
  uk: `Потокове ${flow} ${size} (синтетичне)`,
});

async function addPlace(place: ReturnType<typeof placeOf>): Promise<void> {
  const response = await fetch(`${base()}/api/v1/places/${place.slug}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      names: { en: place.en, nl: place.nl, uk: place.uk },
      country: { code: 'XX', name: 'Synthetic country' },
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`PUT ${place.slug}: ${response.status} ${await response.text()}`);
}

/** A page's rendered text, its white space made single spaces. */
async function mainText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ').replace(/ :/g, ':');
}

/**
 * A desk page as it stands: axe-core's violations (every one printed, serious and critical
 * ones failing the test) and its screenshot.
 */
async function deskPage(page: Page, name: string, size: Size): Promise<void> {
  const found = await axeViolations(page, `${name} (${size})`);
  findings.push(
    `axe ${name} (${size}): ${found.length === 0 ? 'no violation' : found.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`,
  );
  await page.screenshot({ path: new URL(`${name}-${size}.png`, screenshots).pathname, fullPage: true });
  expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

/** Whether `target` has the keyboard's focus. */
const focused = (target: Locator) =>
  target.evaluate((element) => element === element.ownerDocument.activeElement);

/**
 * Moves the focus to `target` with the Tab key alone (Shift+Tab when it is behind the
 * focus), as a writer at a keyboard does, first opening (by its summary, with Enter) a
 * closed box that holds it.
 */
async function tabTo(page: Page, target: Locator): Promise<void> {
  // A box's own summary shows while the box is closed: only a box around that box hides it.
  const { closedBox, isSummary } = await target.evaluate((element) => {
    const isSummary = element.tagName === 'SUMMARY';
    const box = (isSummary ? element.parentElement?.parentElement : element)?.closest('details');
    return { closedBox: box !== null && box !== undefined && !box.open, isSummary };
  });
  if (closedBox) {
    const around = isSummary ? 'xpath=../ancestor::details[1]/summary' : 'xpath=ancestor::details[1]/summary';
    await tabTo(page, target.locator(around));
    await page.keyboard.press('Enter');
  }
  // Tab forward to a control after the focus, Shift+Tab back to one before it: past the
  // page's last stop the focus leaves the page, and a headless browser never gives it back.
  const before = await target.evaluate((element) => {
    const active = element.ownerDocument.activeElement;
    return (
      active !== null &&
      Boolean(active.compareDocumentPosition(element) & element.DOCUMENT_POSITION_PRECEDING)
    );
  });
  const key = before ? 'Shift+Tab' : 'Tab';
  // The longest form has a few hundred stops.
  for (let presses = 0; presses < 600; presses++) {
    if (await focused(target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target}`);
}

/** Types into a field reached by Tab, over what it held. */
async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Chooses an option of a list by its words, with the arrow keys. */
async function choose(page: Page, select: Locator, words: string): Promise<void> {
  await tabTo(page, select);
  const { options, selected } = await select.evaluate(
    (list: { options: ArrayLike<{ text: string }>; selectedIndex: number }) => ({
      options: Array.from(list.options, (o) => o.text.trim()),
      selected: list.selectedIndex,
    }),
  );
  const wanted = options.indexOf(words);
  if (wanted < 0) throw new Error(`no option "${words}" in ${options.join(' | ')}`);
  const key = wanted > selected ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(wanted - selected); i++) await page.keyboard.press(key);
  expect(await select.evaluate((list: { selectedIndex: number }) => list.selectedIndex)).toBe(wanted);
}

/**
 * Presses Enter on a link or button reached by Tab, and waits for the page it opens (which
 * may have the same address: a form that answers where it was sent).
 */
async function follow(page: Page, target: Locator, url: string | RegExp): Promise<void> {
  await tabTo(page, target);
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await page.keyboard.press('Enter');
  await navigated;
  await page.waitForURL(url);
  await page.waitForLoadState('load');
}

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: true });
const link = (page: Page, name: string | RegExp) => page.getByRole('link', { name, exact: true });

/** Confirms, by keyboard, every warning the page asks to look at again. */
async function confirmWarnings(page: Page): Promise<void> {
  const boxes = page.getByRole('checkbox', { name: /I have checked/ });
  for (const box of await boxes.all()) {
    await tabTo(page, box);
    await page.keyboard.press('Space');
  }
}

async function signIn(page: Page, token: string): Promise<void> {
  await typeInto(page, page.getByLabel('Write token', { exact: true }), token);
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await page.keyboard.press('Enter');
  await navigated;
  await page.waitForURL(`${base()}/desk`);
}

interface Written {
  place: string;
  observed: string;
  value: string;
  summary: string;
  source: string;
}

/**
 * The new-report form filled in by keyboard: the place by one of its names in another
 * language, one count, the summary, the source (kind and languages chosen from their lists,
 * which start at "Choose…") and the verification.
 */
async function fillReport(page: Page, report: Written): Promise<void> {
  // Each figure's fields share their labels ("Number", "Name"), as do the summary's and the
  // source's languages: those are found by their ids, the ones the error summary links to.
  const field = (name: string) => page.locator(`#field-${name}`);
  await typeInto(page, page.getByLabel('Place', { exact: true }), report.place);
  await typeInto(page, page.getByLabel('Observed', { exact: true }), report.observed);
  await typeInto(page, field('population_remaining-value'), report.value);
  await choose(page, field('population_remaining-qualifier'), 'almost, about, roughly');
  await typeInto(page, field('summary-text'), report.summary);
  await choose(page, field('summary-language'), 'English');
  await typeInto(page, field('source-name'), report.source);
  await choose(page, field('source-kind'), 'NGO');
  await choose(page, field('source-language'), 'Українська');
  await choose(page, page.getByLabel('Verification', { exact: true }), 'Corroborated');
}

/** Opens the desk's home (the sign-in page without a session). */
async function home(page: Page): Promise<void> {
  await page.goto(`${base()}/desk`, { waitUntil: 'load' });
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  worker = await startSeededWorker(port, 120_000);
  for (const size of Object.keys(viewports) as Size[]) {
    for (const flow of ['write', 'nl', 'uk', 'people']) await addPlace(placeOf(size, flow));
  }
  browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await worker?.stop();
  // Kept beside the screenshots too: a passing run's output is silent (vitest.config.ts).
  const summary = `desk flows in Chromium:\n  ${findings.join('\n  ')}\n`;
  writeFileSync(new URL('findings.txt', screenshots), summary);
  console.log(summary);
}, 30_000);

describe.each(Object.keys(viewports) as Size[])('the desk at %s width', (size) => {
  let context: BrowserContext | undefined;
  let page: Page;
  let reportPath = '';
  let correctionPath = '';
  const place = placeOf(size, 'write');

  beforeAll(async () => {
    context = await launched().newContext({ viewport: viewports[size], bypassCSP: true, locale: 'en-GB' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('writes a report by keyboard from the desk’s home, previews, edits and publishes it', async () => {
    await home(page);
    expect(page.url()).toBe(`${base()}/desk/sign-in`);
    await deskPage(page, 'sign-in', size);
    await signIn(page, adminToken);
    await deskPage(page, 'home', size);

    await follow(page, link(page, 'New report'), `${base()}/desk/reports/new`);
    const form = page.locator('main form');
    const closedBoxes = await page.evaluate<number>("document.querySelectorAll('form details').length");
    const height = Math.round(await form.evaluate((element) => element.getBoundingClientRect().height));
    findings.push(`new-report form (${size}): ${height} px tall, ${closedBoxes} closed figure boxes`);
    if (size === 'phone' && closedBoxes > 0) {
      // With every figure closed, a phone scrolls through at most 1,500 px of form. Before
      // the figures are boxes that open, the height is only recorded above.
      expect(height).toBeLessThanOrEqual(1500);
    }
    await deskPage(page, 'new-report', size);

    const written: Written = {
      // the place by its Ukrainian name
      place: place.uk,
      observed: '2026-11',
      value: '12.000',
      summary: `SYNTHETIC: about 12,000 residents remain (${size}, first draft).`,
      source: 'Synthetic desk-flow NGO',
    };
    await fillReport(page, written);
    await follow(page, button(page, 'Preview'), `${base()}/desk/reports/preview`);
    await deskPage(page, 'preview', size);
    let preview = await mainText(page);
    expect(preview).toContain('Residents remaining: about 12,000');
    expect(preview).toContain('November 2026');
    expect(preview).toContain('Corroborated');
    expect(preview).toContain('Synthetic desk-flow NGO');

    const edit = page.getByRole('button', { name: /Edit|Bewerk/ });
    if ((await edit.count()) > 0) {
      // The preview shows everything that will be published, and Edit returns the form as written.
      expect(preview).toContain(place.en);
      expect(preview).toContain(written.summary);
      await follow(page, edit.first(), /\/desk\/reports/);
      expect(await page.locator('#field-summary-text').inputValue()).toBe(written.summary);
      expect(await page.locator('#field-population_remaining-value').inputValue()).toBe(written.value);
      written.summary = `SYNTHETIC: about 12,000 residents remain (${size}, edited).`;
      await typeInto(page, page.locator('#field-summary-text'), written.summary);
      await follow(page, button(page, 'Preview'), `${base()}/desk/reports/preview`);
      preview = await mainText(page);
      expect(preview).toContain(written.summary);
    }
    // Without an Edit button (before the preview shows everything), the report is published as
    // first written: the place and the summary are then checked on the public page alone.

    await confirmWarnings(page);
    await follow(page, button(page, 'Publish'), /\/reports\/[0-9A-Z]{26}$/);
    reportPath = new URL(page.url()).pathname;
    const published = await mainText(page);
    expect(published).toContain(`Report on ${place.en}, November 2026`);
    expect(published).toContain('Residents remaining: about 12,000');
    expect(published).toContain(written.summary);
    expect(published).toContain('Verification: Corroborated');
  }, 180_000);

  it('corrects the summary and adds a figure through “Correct the whole report”', async () => {
    expect(reportPath).not.toBe('');
    await follow(
      page,
      link(page, 'Correct or retract this report at the desk'),
      `${base()}/desk${reportPath}`,
    );
    await deskPage(page, 'report', size);
    await follow(
      page,
      link(page, 'Correct the whole report'),
      `${base()}/desk${reportPath}/whole-correction`,
    );
    await deskPage(page, 'whole-correction', size);
    const summary = `SYNTHETIC: corrected at ${size} width; at least 40 civilians were killed.`;
    await typeInto(page, page.locator('#field-summary-text'), summary);
    await typeInto(page, page.locator('#field-civilian_deaths-value'), '40');
    await choose(page, page.locator('#field-civilian_deaths-qualifier'), 'more than, at least');
    await typeInto(
      page,
      page.getByLabel('Reason (shown to every reader)', { exact: true }),
      'SYNTHETIC: the source added the number of civilians killed.',
    );
    await follow(page, button(page, 'Publish the correction'), /\/reports\/[0-9A-Z]{26}$|whole-correction/);
    if (page.url().endsWith('/whole-correction')) {
      // warnings to look at again: confirmed, and sent again
      await deskPage(page, 'whole-correction-warnings', size);
      await confirmWarnings(page);
      await follow(page, button(page, 'Publish the correction'), /\/reports\/[0-9A-Z]{26}$/);
    }
    correctionPath = new URL(page.url()).pathname;
    expect(correctionPath).not.toBe(reportPath);
    const text = await mainText(page);
    expect(text).toContain('This report corrects');
    expect(text).toContain(summary);
    expect(text).toContain('Civilians killed: at least 40');
    expect(text).toContain('Residents remaining: about 12,000');
    expect(text).toContain('SYNTHETIC: the source added the number of civilians killed.');
  }, 120_000);

  it('withdraws the report with one button, and its public page says so', async () => {
    expect(correctionPath).not.toBe('');
    await follow(
      page,
      link(page, 'Correct or retract this report at the desk'),
      `${base()}/desk${correctionPath}`,
    );
    await deskPage(page, 'report-corrected', size);
    await typeInto(
      page,
      page.getByLabel('Reason (shown to every reader)', { exact: true }),
      'SYNTHETIC: withdrawn in the desk-flow test.',
    );
    await follow(page, button(page, 'Withdraw it'), `${base()}${correctionPath}`);
    const text = await mainText(page);
    expect(text).toContain('Retracted.');
    expect(text).toContain('Reason: SYNTHETIC: withdrawn in the desk-flow test.');
    // The one button withdrew the report it corrected too. Its page, which this browser keeps
    // for a minute (max-age), is read afresh.
    await expect
      .poll(async () => (await fetch(`${base()}${reportPath}`)).text(), { timeout: 15_000 })
      .toContain('Retracted.');
  }, 120_000);

  it.each([
    {
      language: 'nl',
      template: 'Nederlands',
      names: ['Plaatscode', 'Indicator', 'Getal', 'Nauwkeurigheid', 'Waargenomen', 'Verificatie', 'Bron'],
      more: ['Soort bron', 'Taal van de bron', 'Samenvatting', 'Taal van de samenvatting'],
      value: '12.000',
      observed: '5-12-2026',
      bom: '',
    },
    {
      language: 'uk',
      template: 'Українська',
      names: ['Код місця', 'Показник', 'Число', 'Точність', 'Дата спостереження', 'Перевірка', 'Джерело'],
      more: ['Тип джерела', 'Мова джерела', 'Короткий зміст', 'Мова короткого змісту'],
      value: '12 000',
      observed: '05.12.2026',
      // as Excel saves "CSV UTF-8"
      bom: '\uFEFF',
    },
  ])(
    'imports a $language file with its own column names and a date written $observed',
    async (file) => {
      const importPlace = placeOf(size, file.language);
      await home(page);
      await follow(page, link(page, 'Import a spreadsheet'), `${base()}/desk/import`);
      await deskPage(page, 'import', size);
      // the template in the file's language is offered, and downloads
      const template = page.locator('main').getByRole('link', { name: file.template, exact: true });
      const templateHref = await template.getAttribute('href');
      expect(templateHref).toBe(`/desk/import/template.${file.language}.csv`);
      const download = await page.request.get(`${base()}${templateHref}`);
      expect(download.status()).toBe(200);
      expect(await download.text()).toContain(file.names[0]);

      const row = [
        importPlace.slug,
        'population_remaining',
        file.value,
        'approximately',
        file.observed,
        'unconfirmed',
        'SYNTHETIC import source',
        'ngo',
        file.language,
        `SYNTHETIC: imported from a ${file.language} file at ${size} width.`,
        file.language,
      ];
      const csv = `${file.bom}${[[...file.names, ...file.more].join(';'), row.join(';')].join('\r\n')}\r\n`;
      await page.getByLabel('CSV file', { exact: true }).setInputFiles({
        name: `meldingen-${file.language}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await follow(page, button(page, 'Check the file'), /\/desk\/import\/check/);
      await deskPage(page, `import-check-${file.language}`, size);
      const check = await mainText(page);
      expect(check).not.toContain('is not a column');
      expect(check).toContain('One report will be published');
      expect(check).toContain('5 December 2026');
      await confirmWarnings(page);
      await follow(page, button(page, 'Publish all'), `${base()}/desk/import`);
      await deskPage(page, `import-published-${file.language}`, size);
      expect(await page.locator('h1').textContent()).toBe('One report published');

      const listed = await fetch(`${base()}/api/v1/places/${importPlace.slug}/reports`);
      const { reports } = (await listed.json()) as { reports: { id: string }[] };
      expect(reports).toHaveLength(1);
      const stored = await (await fetch(`${base()}/api/v1/reports/${reports[0]?.id}`)).json();
      expect(stored).toMatchObject({
        observed: '2026-12-05',
        source: { language: file.language },
        figures: [{ indicator: 'population_remaining', value: 12_000 }],
      });
    },
    120_000,
  );

  it('invites a reporter who signs in with their own token, publishes, and is revoked, which ends their session', async () => {
    const reporter = `SYNTHETIC reporter ${size}`;
    await home(page);
    await follow(page, link(page, 'People'), `${base()}/desk/people`);
    await deskPage(page, 'people', size);
    await typeInto(page, page.getByLabel('Name', { exact: true }), reporter);
    expect(await page.getByRole('checkbox', { name: 'write reports' }).isChecked()).toBe(true);
    await follow(page, button(page, 'Make the invitation'), `${base()}/desk/people`);
    await deskPage(page, 'invited', size);
    const invitation = await page.getByLabel('Invitation link', { exact: true }).inputValue();
    expect(invitation).toMatch(/\/desk\/invitations\/[A-Za-z0-9_-]{43}$/);

    // The invitation opened in this browser, the admin signed out, the reporter signed in.
    await page.goto(invitation, { waitUntil: 'load' });
    await deskPage(page, 'invitation', size);
    expect(await mainText(page)).toContain(`This invitation is for ${reporter}.`);
    await follow(page, button(page, 'Accept and show my token'), invitation);
    await deskPage(page, 'token', size);
    const token = await page.getByLabel('Your write token', { exact: true }).inputValue();
    expect(token.length).toBeGreaterThanOrEqual(40);
    await home(page);
    await follow(page, button(page, 'Sign out'), `${base()}/desk/sign-in`);
    await signIn(page, token);
    expect(await mainText(page)).toContain(`Signed in as ${reporter}`);
    expect(await link(page, 'People').count()).toBe(0);

    const reporterPlace = placeOf(size, 'people');
    await follow(page, link(page, 'New report'), `${base()}/desk/reports/new`);
    const written = {
      place: reporterPlace.nl,
      observed: '2026-10',
      value: '9000',
      summary: `SYNTHETIC: written by an invited reporter at ${size} width.`,
      source: 'Synthetic reporter source',
    };
    await fillReport(page, written);
    await follow(page, button(page, 'Preview'), `${base()}/desk/reports/preview`);
    await confirmWarnings(page);
    await follow(page, button(page, 'Publish'), /\/reports\/[0-9A-Z]{26}$/);
    const reporterReport = new URL(page.url()).pathname;
    expect(await mainText(page)).toContain(written.summary);
    await home(page);
    await deskPage(page, 'home-reporter', size);
    const own = page.getByRole('region', { name: 'Your newest reports' });
    expect(await own.locator(`a[href="${reporterReport}"]`).count()).toBe(1);

    // The reporter writes the next report; meanwhile an admin, elsewhere, revokes them.
    await follow(page, link(page, 'New report'), `${base()}/desk/reports/new`);
    await fillReport(page, { ...written, observed: '2026-11', summary: `${written.summary} The next one.` });
    const admin = await launched().newContext({
      viewport: viewports[size],
      bypassCSP: true,
      locale: 'en-GB',
    });
    try {
      const adminPage = await admin.newPage();
      adminPage.setDefaultTimeout(15_000);
      await home(adminPage);
      await signIn(adminPage, adminToken);
      await follow(adminPage, link(adminPage, 'People'), `${base()}/desk/people`);
      const row = adminPage.getByRole('row', { name: new RegExp(reporter) });
      const listed = await row.textContent();
      expect(listed).toContain('active');
      expect(listed).not.toContain('never');
      await follow(adminPage, button(adminPage, `Revoke ${reporter}`), `${base()}/desk/people`);
      expect(await adminPage.getByRole('row', { name: new RegExp(reporter) }).textContent()).toContain(
        'revoked',
      );
      await deskPage(adminPage, 'people-revoked', size);
    } finally {
      await admin.close();
    }

    await follow(page, button(page, 'Preview'), `${base()}/desk/reports/preview`);
    await deskPage(page, 'session-ended', size);
    expect(await mainText(page)).toContain('Your session has ended. Sign in again to go on.');
    await home(page);
    expect(page.url()).toBe(`${base()}/desk/sign-in`);
    // and the token no longer signs in
    await signInRefused(page, token);
  }, 240_000);
});

async function signInRefused(page: Page, token: string): Promise<void> {
  await typeInto(page, page.getByLabel('Write token', { exact: true }), token);
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await page.keyboard.press('Enter');
  await navigated;
  expect(await page.getByRole('alert').textContent()).toContain('That token is not known');
}
