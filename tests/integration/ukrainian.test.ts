// Ukrainian as a reader and a writer meet it: the pages, the desk, error pages and the API's
// words, chosen by ?lang=uk or by Accept-Language, with Ukrainian number and date forms.

import { describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { deaths, syntheticReport } from '../support/builders.ts';
import { manual, signIn } from '../support/desk.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const names = { en: 'Mova (synthetic)', uk: 'Мова (синтетичне)' };

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await call(path, { headers: { ...browser, ...headers } });
  return { response, html: await response.text() };
}

describe('a place page in Ukrainian', () => {
  it('is chosen by ?lang=uk and by Accept-Language alike, with Ukrainian numbers, dates and feeds', async () => {
    await createPlace('mova', names);
    await postReport(
      syntheticReport('mova', {
        observed: '2024-03-15',
        figures: [{ indicator: 'population_remaining', value: 12000, qualifier: 'approximately' }, deaths(3)],
      }),
    );
    const byQuery = await page('/places/mova?lang=uk', { 'accept-language': 'nl' });
    const byHeader = await page('/places/mova', { 'accept-language': 'uk-UA, uk;q=0.9, en;q=0.5' });
    for (const { response, html } of [byQuery, byHeader]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-language')).toBe('uk');
      expect(html).toContain('<html lang="uk">');
      expect(html).toContain('Мова (синтетичне)');
      expect(html).toContain('Остання повідомлена ситуація');
      expect(html).toContain('близько 12\u00A0000');
      expect(html).toContain('щонайменше 3 загалом');
      expect(html).toContain('15 березня 2024');
      expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
      expect(html).toContain('href="http://status.test/feeds/uk/places/mova.atom"');
      expect(html).not.toContain('href="http://status.test/feeds/places/mova.atom"');
    }
    expect(byQuery.html).toContain('<a href="/?lang=uk">');
    expect(byQuery.html).toContain(
      '<a href="/places/mova?lang=uk" hreflang="uk" lang="uk" aria-current="true">Українська</a>',
    );
  });
});

describe('the desk in Ukrainian', () => {
  it('signs a writer in and shows the new-report form in Ukrainian', async () => {
    const signInPage = await page('/desk/sign-in?lang=uk');
    expect(signInPage.html).toContain('<html lang="uk">');
    expect(signInPage.html).toContain('Вхід до редакції');
    expect(signInPage.html).toContain('Токен для запису');
    const { cookie } = await signIn();
    const form = await call('/desk/reports/new?lang=uk', { ...manual, headers: { cookie } });
    expect(form.status).toBe(200);
    expect(form.headers.get('content-language')).toBe('uk');
    const html = await form.text();
    expect(html).toContain('Новий звіт');
    expect(html).toContain('Попередній перегляд');
    expect(html).toContain('Загиблі цивільні');
  });
});

describe('errors in Ukrainian', () => {
  it('shows a missing page as a Ukrainian error page', async () => {
    const { response, html } = await page('/places/atlantis', { 'accept-language': 'uk' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-language')).toBe('uk');
    expect(html).toContain('<h1>Не знайдено</h1>');
    expect(html).toContain('До всіх населених пунктів');
  });

  it('words each broken rule of a report in Ukrainian for a reader who asks for it', async () => {
    await createPlace('pomylka', names);
    const response = await send(
      'POST',
      '/api/v1/reports',
      {
        ...syntheticReport('pomylka'),
        figures: [{ indicator: 'civilian_deaths', value: '12', qualifier: 'exact' }],
      },
      { as: 'reporter', headers: { 'accept-language': 'uk' } },
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-language')).toBe('uk');
    const problem = await json(response);
    expect(problem.errors.map((e: { detail: string }) => e.detail)).toContain(
      'Напишіть число, без лапок і без розділювачів тисяч (12000).',
    );
  });

  it('answers an unknown ?lang= with the languages that exist, in the reader language, still 400', async () => {
    await createPlace('movy', names);
    for (const [acceptLanguage, heading] of [
      ['uk', 'Цією мовою сторінки не написано'],
      ['nl', 'Deze pagina’s zijn niet in die taal geschreven'],
      ['', 'These pages are not written in that language'],
    ] as const) {
      const { response, html } = await page('/places/movy?lang=de', { 'accept-language': acceptLanguage });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
      expect(html).toContain(`<h1>${heading}</h1>`);
      for (const [tag, name] of [
        ['en', 'English'],
        ['nl', 'Nederlands'],
        ['uk', 'Українська'],
      ]) {
        expect(html).toContain(
          `<li><a href="/places/movy?lang=${tag}" hreflang="${tag}" lang="${tag}">${name}</a></li>`,
        );
      }
    }
  });
});
