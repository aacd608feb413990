import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, readCsv, renderCsv, startsLikeFormula } from '../../src/render/csv.ts';

/** A strict RFC 4180 reader: refuses a quote inside an unquoted field or text after a closing quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  return rows;
}

describe('CSV cells', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      const cell = parseCsv(renderCsv([[attack]]))[0]?.[0];
      expect(cell).toBe(`'${attack}`);
    }
  });

  it.each([
    ['=', 'equals sign'],
    ['+', 'plus sign'],
    ['-', 'hyphen-minus'],
    ['@', 'commercial at'],
    ['\t', 'tab'],
    ['\r', 'carriage return'],
    ['\uFF1D', 'fullwidth equals sign'],
    ['\uFF0B', 'fullwidth plus sign'],
    ['\uFF0D', 'fullwidth hyphen-minus'],
    ['\uFF20', 'fullwidth commercial at'],
    ['\uFE66', 'small equals sign'],
    ['\uFE62', 'small plus sign'],
    ['\uFE63', 'small hyphen-minus'],
    ['\uFE6B', 'small commercial at'],
  ])(
    'puts an apostrophe before text starting with %j (%s), and before no text that only holds it',
    (start) => {
      const attack = `${start}HYPERLINK("http://x","y")`;
      expect(parseCsv(renderCsv([[attack]]))[0]?.[0]).toBe(`'${attack}`);
      expect(startsLikeFormula(attack)).toBe(true);
      expect(parseCsv(renderCsv([[`SYNTHETIC ${start}1`]]))[0]?.[0]).toBe(`SYNTHETIC ${start}1`);
    },
  );

  it('writes semicolons between fields when asked, quoting a cell only for a semicolon, a quote or a line break', () => {
    expect(renderCsv([['12,000', 'a;b', 'say "hi"', 'x']], ';')).toBe('12,000;"a;b";"say ""hi""";x\r\n');
    expect(readCsv(renderCsv([['12,000', 'a;b', 'line\nbreak']], ';'))).toEqual({
      ok: true,
      records: [['12,000', 'a;b', 'line\nbreak']],
    });
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(csvCell(-33.9)).toBe('-33.9');
    expect(csvCell(12000)).toBe('12000');
    expect(csvCell(undefined)).toBe('');
  });

  it('round-trips any text through a strict RFC 4180 reader', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { maxLength: 5 }),
        (rows) => {
          const parsed = parseCsv(renderCsv(rows));
          const expected = rows.map((row) =>
            row.map((cell) => (startsLikeFormula(cell) ? `'${cell}` : cell)),
          );
          expect(parsed).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('reading CSV', () => {
  const header = ['Place slug', 'Indicator', 'Value'];
  const safeText = fc
    .string({ unit: 'grapheme', maxLength: 30 })
    .filter((s) => !startsLikeFormula(s) && !s.startsWith("'"));

  it('reads back every table the exports write, quotes, commas and line breaks in cells included', () => {
    fc.assert(
      fc.property(fc.array(fc.array(safeText, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const read = readCsv(renderCsv([header, ...rows]));
        expect(read).toEqual({ ok: true, records: [header, ...rows] });
      }),
    );
  });

  it('reads what spreadsheets save: LF line ends, semicolons (a Dutch Excel), tabs, no final line end', () => {
    const expected = {
      ok: true,
      records: [
        ['a', 'b'],
        ['1', 'x;y'],
      ],
    };
    expect(readCsv('a,b\n1,x;y')).toEqual(expected);
    expect(readCsv('a;b\r\n1;"x;y"\r\n')).toEqual(expected);
    expect(readCsv('a\tb\n1\tx;y\n')).toEqual(expected);
  });

  it('keeps a quote inside an unquoted cell, and names the row of a quote never closed', () => {
    expect(readCsv('a,b\r\n5" tall,x\r\n')).toEqual({
      ok: true,
      records: [
        ['a', 'b'],
        ['5" tall', 'x'],
      ],
    });
    expect(readCsv('a,b\r\n1,2\r\n"open,3\r\n4,5\r\n')).toEqual({ ok: false, unclosedQuoteAt: 3 });
  });
});
