import { describe, expect, it } from 'vitest';
import { keptAsWritten, lostInParsing, mediaTypeOf } from '../../src/http/json-body.ts';
import { UnsupportedMediaType } from '../../src/problems.ts';
import { readCount } from '../../src/words/figures.ts';
import { issueDetail } from '../../src/words/validation.ts';

const rounded = (text: string) => lostInParsing(text).rounded;

describe('reading the numbers of a JSON body as written', () => {
  it.each([
    ['0.99999999999999999', 1],
    ['1e-400', 0],
    ['1000000000.0000000001', 1_000_000_000],
    ['9007199254740993', 2 ** 53],
    ['-0', -0],
    ['-0.0e5', -0],
    ['40.00000000000000001', 40],
  ])('finds %s, which JSON.parse reads as %d', (written, read) => {
    expect(rounded(`{"figures":[{"value":${written}}]}`)).toEqual([
      { path: ['figures', 0, 'value'], written, read },
    ]);
  });

  it.each(['1000', '1e3', '1E+3', '1000.0', '100000e-2', '0', '0.0', '9007199254740992', '-12'])(
    'keeps %s, which a double holds exactly',
    (written) => {
      expect(keptAsWritten(written, Number(written))).toBe(true);
      expect(rounded(`[${written}]`)).toEqual([]);
    },
  );

  it('leaves fractions to the schema: a whole-number field refuses them, a coordinate keeps them', () => {
    expect(rounded('{"value":1.5,"lat":50.45,"lon":0.1}')).toEqual([]);
  });

  it('reads numbers only where JSON has them, never in strings or keys', () => {
    expect(rounded('{"1e-400":"0.99999999999999999","a":[1,{"b":1e-400}]}')).toEqual([
      { path: ['a', 1, 'b'], written: '1e-400', read: 0 },
    ]);
  });

  it('finds every rounded number of a batch, each at its path', () => {
    const text =
      '{"reports":[{"figures":[{"value":1}]},{"figures":[{"value":2},{"value":2.0000000000000001}]}]}';
    expect(rounded(text)).toEqual([
      { path: ['reports', 1, 'figures', 1, 'value'], written: '2.0000000000000001', read: 2 },
    ]);
  });

  it('still finds a key named twice, in the same pass', () => {
    expect(lostInParsing('{"a":1e-400,"b":{"c":1,"c":2}}')).toEqual({
      duplicate: { pointer: '/b/c', key: 'c' },
      rounded: [{ path: ['a'], written: '1e-400', read: 0 }],
    });
  });

  it('says what a rounded number would be read as, in English, Dutch and Ukrainian', () => {
    const words = { kind: 'roundedNumber', written: '0.99999999999999999', read: '1' } as const;
    expect(issueDetail(words, 'en')).toBe(
      '0.99999999999999999 cannot be kept exactly as written: it would be read as 1. Write the whole number itself.',
    );
    expect(issueDetail(words, 'nl')).toContain('zou gelezen worden als 1');
    expect(issueDetail(words, 'uk')).toContain('прочитали б як 1');
  });
});

describe('a Content-Type with its charset', () => {
  it('is read however spaced and quoted', () => {
    expect(mediaTypeOf('application/json ; charset="UTF-8"')).toEqual({
      type: 'application/json',
      charset: 'utf-8',
    });
    expect(mediaTypeOf('application/json')).toEqual({ type: 'application/json', charset: undefined });
  });

  it.each([
    'application/json; charset=utf-8; charset=latin1',
    'application/json; charset=latin1; charset=utf-8',
    'application/json; charset=utf-8; charset=utf-8',
    'application/json; charset=utf-8; Charset="utf-8"',
  ])('is refused with 415 when it names the charset twice: %s', (header) => {
    expect(() => mediaTypeOf(header)).toThrow(UnsupportedMediaType);
  });
});

describe("the desk's reading of a count", () => {
  it.each(['12.000', '12,000', '12 000', '1.000.000'])('reads %s with its thousands separators', (text) => {
    expect(readCount(text)).toBe(Number(text.replace(/\D/g, '')));
  });

  it.each(['0.500', '0,999', '0.99999999999999999', '1e-400', '1000000000.0000000001', '1.5'])(
    'leaves %s as written, for the schema to refuse',
    (text) => {
      expect(readCount(text)).toBe(text);
    },
  );
});
