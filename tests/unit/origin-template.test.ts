import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkup } from '../../src/render/escape.ts';
import {
  fillStoredTemplate,
  fillTemplate,
  isPlainOrigin,
  originTemplate,
  storedTemplate,
} from '../../src/render/origin-template.ts';

// A renderer as the feed renderers are: the origin in links, user text escaped beside it.
const page = (text: string) => (origin: string) =>
  `<a href="${escapeMarkup(`${origin}/reports/1`)}">${escapeMarkup(text)}</a>{"url":${JSON.stringify(`${origin}/x`)}}`;

describe('answers rendered with the origin left out', () => {
  it('give, filled with any plain origin, what rendering at that origin gives', () => {
    const origins = fc.constantFrom(
      'https://status.example.org',
      'http://127.0.0.1:8787',
      'http://[::1]:8787',
      'https://a.workers.dev',
    );
    fc.assert(
      fc.property(fc.string(), origins, (text, origin) => {
        expect(fillTemplate(originTemplate(page(text)), origin)).toBe(page(text)(origin));
      }),
    );
  });

  it('leave a stand-in origin that a report quotes as text', () => {
    const quoted = 'see https://origin-one.invalid and https://origin-two.invalid';
    const parts = originTemplate(page(quoted));
    expect(parts).toHaveLength(3);
    expect(fillTemplate(parts, 'https://status.example.org')).toBe(
      page(quoted)('https://status.example.org'),
    );
  });

  it('are stored as bytes that, filled without decoding, are the answer in UTF-8', () => {
    const utf8 = new TextEncoder();
    const part = fc.string({ unit: 'grapheme' }).filter((p) => !p.includes('\u0000'));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const stored = storedTemplate(parts);
        expect(stored).toBeDefined();
        const filled = fillStoredTemplate(new Uint8Array(utf8.encode(stored ?? '')), 'http://[::1]:8787');
        expect(new TextDecoder().decode(filled)).toBe(fillTemplate(parts, 'http://[::1]:8787'));
      }),
    );
    expect(storedTemplate(['a\u0000b', 'c'])).toBeUndefined();
  });

  it('refuse a renderer that does more with the origin than write it', () => {
    expect(() => originTemplate((origin) => origin.toUpperCase())).toThrow();
  });

  it.each([
    ['https://status.example.org', true],
    ['http://localhost:8787', true],
    ['http://[::1]:8787', true],
    ['https://exa"mple.org', false],
    ['https://example.org/path', false],
    ['null', false],
  ])('takes %s as a plain origin: %s', (origin, plain) => {
    expect(isPlainOrigin(origin)).toBe(plain);
  });
});
