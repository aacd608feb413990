// CSV per RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a line
// break, quotes doubled. Text cells that a spreadsheet would run as a formula (starting
// with =, +, -, @, a tab or a carriage return) get a leading apostrophe, as OWASP
// recommends: a report's text must never become a formula on an analyst's machine.
// Numbers are written as numbers, so a negative longitude stays a number.

export type CsvCell = string | number | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

function textCell(text: string): string {
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvCell(cell: CsvCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return textCell(cell);
}

export function renderCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
