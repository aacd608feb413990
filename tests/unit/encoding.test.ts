import { describe, expect, it } from 'vitest';
import { fnv1a32, fnv1a64 } from '../../src/digest.ts';
import {
  fromBase64,
  fromBase64Url,
  textFromBase64Url,
  textToBase64Url,
  toBase64,
  toBase64Url,
} from '../../src/encoding.ts';

// Bytes whose base64 uses "+" and "/", and needs padding.
const bytes = Uint8Array.of(0xfb, 0xff, 0xbf, 0x00, 0x10);

describe('base64 and base64url', () => {
  it('write bytes as RFC 4648 gives them', () => {
    expect(toBase64(bytes)).toBe('+/+/ABA=');
    expect(toBase64Url(bytes)).toBe('-_-_ABA');
  });

  it('read back the bytes they wrote', () => {
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it('write bytes of any length, past what one call can spread', () => {
    const large = Uint8Array.from({ length: 100_000 }, (_, i) => i % 251);
    expect(fromBase64(toBase64(large))).toEqual(large);
  });

  it('carry UTF-8 text through base64url', () => {
    expect(textFromBase64Url(textToBase64Url('Zuid-Kivu — Goma ✓'))).toBe('Zuid-Kivu — Goma ✓');
  });

  it('refuse base64 where base64url is asked for, and bytes that are not UTF-8 as text', () => {
    expect(() => fromBase64Url('+/+/ABA')).toThrow();
    expect(() => textFromBase64Url(toBase64Url(Uint8Array.of(0xff, 0xfe)))).toThrow();
  });
});

describe('FNV-1a', () => {
  it('gives the reference values of 32 and 64 bits', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(fnv1a64('')).toBe(0xcbf29ce484222325n);
    expect(fnv1a64('a')).toBe(0xaf63dc4c8601ec8cn);
    expect(fnv1a64('foobar')).toBe(0x85944171f73967e8n);
  });
});
