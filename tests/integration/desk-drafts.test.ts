// "Draft from text" at the desk: the seed article in, the report form out, filled in with
// its figures, each shown beside its words, marked in the text; publishing it is the desk's
// own preview and publish. Nothing is stored by drafting.

import { describe, expect, it } from 'vitest';
import article from '../../seeds/sources/000_6889800fbbf13951.txt?raw';
import { call, json, send } from '../support/api.ts';
import { manual, postForm, signIn } from '../support/desk.ts';
import { createPlace } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

const decoded = (html: string) =>
  html.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&').replaceAll('&lt;', '<');

describe('Draft from text', () => {
  it('is linked from the desk, and asks for the text, its language, the place and the date', async () => {
    const { cookie } = await signIn(testTokens.reporter.token);
    const desk = await (await call('/desk', { ...manual, headers: { cookie } })).text();
    expect(desk).toContain('href="/desk/drafts"');
    const page = await call('/desk/drafts', { ...manual, headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const name of ['text', 'language', 'place', 'observed']) expect(html).toContain(`name="${name}"`);
  });

  it('fills in the report form with the figures of the seed article, each beside its words', async () => {
    await createPlace('desk-drafts-bakhmut', { en: 'Bakhmut (synthetic)' });
    const { cookie, formToken } = await signIn(testTokens.reporter.token);
    const response = await postForm(
      '/desk/drafts',
      { formToken, text: article, language: 'nl', place: 'desk-drafts-bakhmut', observed: '2022-11' },
      { origin: 'http://status.test', 'sec-fetch-site': 'same-origin', cookie },
    );
    expect(response.status).toBe(200);
    const html = decoded(await response.text());
    expect(html).toContain('action="/desk/reports/preview"');
    expect(html).toMatch(/name="population_baseline\.value"[^>]*value="80000"/);
    expect(html).toMatch(/name="population_remaining\.value"[^>]*value="12000"/);
    expect(html).toMatch(/name="civilian_deaths\.value"[^>]*value="120"/);
    expect(html).toMatch(/name="civilian_deaths\.sourceName"[^>]*value="Aleksandr Martsjenko"/);
    expect(html).toMatch(/name="electricity\.since"[^>]*value="2022-09"/);
    expect(html).toContain('<mark id="quote-');
    expect(html).toContain(
      'Van de bijna 80.000 oorspronkelijke inwoners blijven er slechts 12.000 over.</mark>',
    );
  });

  it('refuses a text in a language it does not read, on the same page', async () => {
    const { cookie, formToken } = await signIn(testTokens.reporter.token);
    const response = await postForm(
      '/desk/drafts',
      { formToken, text: 'Quelques mots.', language: 'fr' },
      { origin: 'http://status.test', 'sec-fetch-site': 'same-origin', cookie },
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('This text cannot be drafted yet');
    // The language's problem heads the form, naming the languages it reads.
    const alert = /<div class="form-problem" role="alert">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(alert).toContain('uk');
    expect(html).toContain('name="text"');
  });
});

describe('a text with more figures than a draft lists', () => {
  it('lists the first ones, at the desk and in the API, and says how many more were found', async () => {
    const text = Array.from({ length: 230 }, (_, i) => `SYNTHETIC: ${i + 2} civilians were killed.`).join(
      ' ',
    );
    const { cookie, formToken } = await signIn(testTokens.reporter.token);
    const page = await postForm(
      '/desk/drafts',
      { formToken, text, language: 'en' },
      { origin: 'http://status.test', 'sec-fetch-site': 'same-origin', cookie },
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('30 more figures were found after these and not listed');
    const api = await send('POST', '/api/v1/drafts', { text, language: 'en' }, { as: 'reporter' });
    expect(api.status).toBe(200);
    const drafted = await json<{ candidates: unknown[]; omitted: number }>(api);
    expect(drafted.candidates).toHaveLength(200);
    expect(drafted.omitted).toBe(30);
  });
});
