// CSV per RFC 4180, written and read. Written: CRLF line ends, fields quoted when they hold a comma, a quote or a line
// break, quotes doubled. Text cells that a spreadsheet may run as a formula get a leading
// apostrophe, as OWASP recommends: a report's text must never become a formula on an
// analyst's machine. Numbers are written as numbers, so a negative longitude stays a number
// (only text is neutralised; a cell's type, not its first character, tells). Read: as
// spreadsheets save it, with CRLF or LF line ends, quoted fields holding line breaks, and a
// comma, semicolon (Excel in a Dutch locale) or tab between fields.

export type CsvCell = string | number | undefined;

export type CsvDelimiter = ',' | ';' | '\t';

// OWASP's list of formula starts (=, +, -, @, a tab, a carriage return), with the fullwidth
// and small forms of the four signs: a spreadsheet may fold those onto the signs themselves,
// as NFKC does (an East Asian input method writes them), and run "＝HYPERLINK(…)" as well.
// Every CSV the service writes, and the desk's import, go by this one list.
const formulaStarts = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
  '\uFE66',
  '\uFE62',
  '\uFE63',
  '\uFE6B',
]);

/** Whether a spreadsheet may read this text as a formula: by its first character. */
export const startsLikeFormula = (text: string): boolean => formulaStarts.has(text.charAt(0));

function textCell(text: string, delimiter: CsvDelimiter): string {
  const safe = startsLikeFormula(text) ? `'${text}` : text;
  const quoted = safe.includes('"') || safe.includes(delimiter) || /[\r\n]/.test(safe);
  return quoted ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvCell(cell: CsvCell, delimiter: CsvDelimiter = ','): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return textCell(cell, delimiter);
}

/** Rows with commas between fields, or another delimiter (a semicolon, as Excel writes in a locale whose decimal mark is a comma). */
export function renderCsv(rows: readonly (readonly CsvCell[])[], delimiter: CsvDelimiter = ','): string {
  return rows.map((row) => `${row.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`).join('');
}

/** The delimiter the first line uses most, outside quotes; a comma when it uses none. */
function delimiterOf(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as CsvDelimiter)) {
      counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
    }
  }
  const [best = ','] = [...counts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])[0] ?? [];
  return best;
}

export type CsvReading =
  | { ok: true; records: string[][] }
  /** A quoted field opened on record `record` (counted from 1) and never closed. */
  | { ok: false; unclosedQuoteAt: number };

/**
 * The records of a CSV text, each a list of fields. A quote in the middle of an unquoted
 * field is kept as a character, as spreadsheets read it; a quoted field never closed is the
 * one thing that cannot be read, since the rest of the file would be one field.
 */
export function readCsv(text: string): CsvReading {
  const delimiter = delimiterOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let quoteOpenedAt = 0;
  let atFieldStart = true;
  const endField = () => {
    record.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && atFieldStart) {
      quoted = true;
      quoteOpenedAt = records.length + 1;
      atFieldStart = false;
    } else if (char === delimiter) endField();
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += char;
      atFieldStart = false;
    }
  }
  if (quoted) return { ok: false, unclosedQuoteAt: quoteOpenedAt };
  if (field !== '' || record.length > 0) endRecord();
  return { ok: true, records };
}
