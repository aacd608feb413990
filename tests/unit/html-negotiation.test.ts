import { describe, expect, it } from 'vitest';
import { negotiateLanguage, pageSite, wantsHtml } from '../../src/http/html.ts';

describe('negotiateLanguage', () => {
  it('takes ?lang= first, then the best language of Accept-Language that a page has', () => {
    expect(negotiateLanguage('nl', 'en')).toBe('nl');
    expect(negotiateLanguage('en', 'nl')).toBe('en');
    expect(negotiateLanguage(undefined, 'nl-BE,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(negotiateLanguage(undefined, 'de-DE, en;q=0.5, nl;q=0.4')).toBe('en');
    expect(negotiateLanguage(undefined, 'en;q=0.2, NL;q=0.7')).toBe('nl');
  });

  it('falls back to English for no header, no language it has, a zero weight or nonsense', () => {
    expect(negotiateLanguage(undefined, undefined)).toBe('en');
    expect(negotiateLanguage('fr', 'fr-FR')).toBe('en');
    expect(negotiateLanguage(undefined, 'nl;q=0')).toBe('en');
    expect(negotiateLanguage(undefined, ';;,,q=,nl;q=abc')).toBe('en');
  });
});

describe('wantsHtml', () => {
  it('is true when Accept names HTML, as browsers send it, and false for API clients', () => {
    expect(wantsHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
    expect(wantsHtml('application/json')).toBe(false);
    expect(wantsHtml('*/*')).toBe(false);
    expect(wantsHtml(undefined)).toBe(false);
    expect(wantsHtml('text/html;q=0, application/json')).toBe(false);
  });
});

describe('pageSite', () => {
  it('keeps the language in links only when the reader chose it with ?lang=', () => {
    expect(pageSite('https://status.example.org/places/x?lang=nl', 'nl')).toEqual({
      origin: 'https://status.example.org',
      path: '/places/x',
      languageInUrl: true,
    });
    expect(pageSite('https://status.example.org/', undefined).languageInUrl).toBe(false);
    expect(pageSite('https://status.example.org/?lang=fr', 'fr').languageInUrl).toBe(false);
  });
});
