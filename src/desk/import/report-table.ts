// A spreadsheet of reports, as the desk's import reads it: a CSV file of the columns the
// exports write (docs/desk.md#importing-reports-from-a-spreadsheet), named in English, Dutch
// or Ukrainian (src/desk/import/columns.ts), with or without the HXL hashtag row, one row per
// figure; counts and dates as people write them in the language of the column names.
// Rows with the same Report are one report; a row with none is a report of its own. What it
// builds then passes the same validation as the API's JSON; this only reads the table, and
// says which row and column each problem of the file is in.

import { type ImportLanguage, importLanguages } from '../../domain/languages.ts';
import { nearest } from '../../domain/nearest.ts';
import { readCsv, startsLikeFormula } from '../../render/csv.ts';
import { type ReportField, reportColumn } from '../../render/hxl-csv.ts';
import { readCount } from '../../words/figures.ts';
import { columnNamed, dateOrderOf, type SpreadsheetColumn, spreadsheetColumns } from './columns.ts';
import { type DateOrder, readSpreadsheetDate } from './dates.ts';

/** The most reports one file may hold: a day's work of a newsroom, checked at once. */
export const maxImportReports = 100;

/**
 * The columns every report needs that every export has. The rest a new report needs (its
 * summary, its source's language) are asked of the rows that lack them, since a file of
 * exported rows only has no need of them.
 */
const requiredColumns = [
  'Place slug',
  'Indicator',
  'Observed',
  'Verification',
  'Source',
  'Source kind',
] as const;

export type TableProblem =
  | { kind: 'encoding'; found: 'utf-16' | 'not-utf-8' }
  | { kind: 'empty' }
  | { kind: 'unclosedQuote'; row: number }
  | { kind: 'unknownColumn'; column: string; suggestions: readonly string[] }
  | { kind: 'duplicateColumn'; column: string }
  | { kind: 'missingColumn'; column: string }
  | { kind: 'tooManyReports'; count: number; limit: number }
  /** A cell a spreadsheet would run as a formula. */
  | { kind: 'formula'; row: number; column: string }
  /** A cell of the whole report that differs from the report's first row. */
  | { kind: 'differs'; row: number; column: string; firstRow: number }
  /** A date that reads as two days (ISO each), in a file whose column names do not say which. */
  | {
      kind: 'ambiguousDate';
      row: number;
      column: string;
      written: string;
      dayFirst: string;
      monthFirst: string;
    };

/** A report as the table states it, for the schema to judge, and the rows it came from. */
export interface TableReport {
  input: { figures: Record<string, unknown>[] } & Record<string, unknown>;
  /** The row of each figure, in the order of `input.figures`; rows count from 1, as a spreadsheet does. */
  rows: number[];
  /** What the Report column names it by: an id when the row was exported, else any label. */
  label: string | undefined;
}

/**
 * The reports of a table, with the problems of its cells that do not keep it from being read
 * (a formula, a report's cell that differs between its rows), or the problems that do.
 */
export type TableReading =
  | {
      ok: true;
      reports: TableReport[];
      problems: TableProblem[];
      /** A column by the name the file gives it: a problem names its cell as the writer sees it. */
      nameOf: (column: SpreadsheetColumn) => string;
    }
  | { ok: false; problems: TableProblem[] };

/** The text of an uploaded file: UTF-8, with or without a byte order mark. */
export function decodeTable(bytes: Uint8Array): { text: string } | { problem: TableProblem } {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    return { problem: { kind: 'encoding', found: 'utf-16' } };
  }
  try {
    // TextDecoder drops a UTF-8 byte order mark itself.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { problem: { kind: 'encoding', found: 'not-utf-8' } };
  }
}

/** A tag as HXL compares it: lower case, no spaces, attributes in any order. */
function comparableTag(tag: string): string {
  const [hashtag = '', ...attributes] = tag.toLowerCase().replace(/\s+/g, '').split('+');
  return [hashtag, ...attributes.sort()].join('+');
}

const byTag = new Map(spreadsheetColumns.map((c) => [comparableTag(c.tag), c]));
const columnCandidates = spreadsheetColumns.flatMap((c) =>
  importLanguages.flatMap((language) => {
    const name = c.names[language];
    return name === undefined ? [] : [{ value: name, names: [name, c.tag] }];
  }),
);

/** A hashtag row: every cell it has starts with "#". */
function isHashtagRow(record: readonly string[] | undefined): boolean {
  const cells = (record ?? []).map((cell) => cell.trim()).filter((cell) => cell !== '');
  return cells.length > 0 && cells.every((cell) => cell.startsWith('#'));
}

const blank = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

/** The columns of a file, by position, and what its column names say of it. */
interface Columns {
  columns: (SpreadsheetColumn | undefined)[];
  nameOf: (column: SpreadsheetColumn) => string;
  dates: DateOrder;
}

/**
 * The languages every column name of the file is in; columns known by their hashtags may be
 * named anything, and say nothing.
 */
function languagesOf(header: readonly string[]): ImportLanguage[] {
  return header.reduce<ImportLanguage[]>((languages, name) => {
    const named = columnNamed(name);
    return named ? languages.filter((l) => named.languages.includes(l)) : languages;
  }, importLanguages.slice());
}

/** The known column of each position, or the problems of the header. */
function columnsOf(
  header: readonly string[],
  tags: readonly string[] | undefined,
  records: readonly string[][],
): Columns | { problems: TableProblem[] } {
  const languages = languagesOf(header);
  const [language = 'en'] = languages;
  const written = new Map<SpreadsheetColumn, string>();
  const nameOf = (column: SpreadsheetColumn) =>
    written.get(column) || column.names[language] || column.header;
  const problems: TableProblem[] = [];
  const columns = header.map((cell, i) => {
    const tag = tags?.[i]?.trim();
    const name = cell.trim();
    // A column with no name and nothing in it is a spreadsheet's trailing delimiter.
    if (!name && !tag && records.every((r) => !r[i]?.trim())) return undefined;
    const column = tag ? byTag.get(comparableTag(tag)) : columnNamed(name)?.column;
    if (!column) {
      const shown = tag || name;
      problems.push({ kind: 'unknownColumn', column: shown, suggestions: nearest(shown, columnCandidates) });
      return undefined;
    }
    if (written.has(column)) problems.push({ kind: 'duplicateColumn', column: nameOf(column) });
    written.set(column, name);
    return column;
  });
  for (const required of requiredColumns) {
    const column = spreadsheetColumns.find((c) => c.header === required);
    if (column && !written.has(column) && !problems.some((p) => p.kind === 'unknownColumn')) {
      problems.push({ kind: 'missingColumn', column: nameOf(column) });
    }
  }
  return problems.length > 0 ? { problems } : { columns, nameOf, dates: dateOrderOf(languages) };
}

// A number such as -5 starts like a formula and is not one.
const signedNumber = /^[+-]\d[\d.,\s]*$/;

/**
 * A cell as written: an export's apostrophe before a formula character taken off again, and
 * line breaks as reports keep them (a line feed; a carriage return is a control character).
 */
function cellText(cell: string): { text: string } | { formula: true } {
  const text = cell.trim().replace(/\r\n?/g, '\n');
  if (text.startsWith("'") && startsLikeFormula(text.slice(1))) return { text: text.slice(1) };
  if (startsLikeFormula(text) && !signedNumber.test(text)) return { formula: true };
  return { text };
}

/** Puts `value` at a JSON Pointer of `target`, making the objects on the way. */
function place(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = pointer.split('/').slice(1);
  const last = parts.pop();
  if (last === undefined) return;
  let at = target;
  for (const part of parts) {
    const next = at[part];
    if (typeof next !== 'object' || next === null) at[part] = {};
    at = at[part] as Record<string, unknown>;
  }
  at[last] = value;
}

/**
 * A cell as its column holds it: a count or a date as people write them, else the text; a
 * date that reads as two days is both of them.
 */
function cellValue(
  column: SpreadsheetColumn,
  text: string,
  dates: DateOrder,
): string | number | { dayFirst: string; monthFirst: string } {
  if (column.cells === 'count') return readCount(text);
  if (column.cells === 'date') {
    const reading = readSpreadsheetDate(text, dates);
    return 'date' in reading ? reading.date : reading.ambiguous;
  }
  return text;
}

/** A since date (a utility's, or a running total's) without a qualifier is as exact as the date is written. */
function completeFigure(figure: Record<string, unknown>): Record<string, unknown> {
  const since = figure.since as Record<string, unknown> | undefined;
  if (since && since.date !== undefined && since.qualifier === undefined) {
    return { ...figure, since: { ...since, qualifier: 'exact' } };
  }
  if (since && since.date === undefined) {
    // A qualifier alone states no date: the schema says the date is missing.
    return { ...figure, since: { ...since } };
  }
  return figure;
}

interface Row {
  number: number;
  /** Each cell's value as its column holds it. */
  cells: Map<SpreadsheetColumn, unknown>;
}

/** The rows of one report, in file order, keyed by its Report column or by the row itself. */
function groupRows(rows: readonly Row[], reportColumnOf: SpreadsheetColumn | undefined): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const label = reportColumnOf ? row.cells.get(reportColumnOf) : undefined;
    const key = label ? `label:${label}` : `row:${row.number}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

/** Reads a table of reports; every problem of the file at once, or its reports. */
export function readReportTable(text: string): TableReading {
  const csv = readCsv(text);
  if (!csv.ok) return { ok: false, problems: [{ kind: 'unclosedQuote', row: csv.unclosedQuoteAt }] };
  const numbered = csv.records.map((cells, i) => ({ cells, number: i + 1 })).filter((r) => !blank(r.cells));
  const [header, ...rest] = numbered;
  if (!header) return { ok: false, problems: [{ kind: 'empty' }] };
  const hashtags = isHashtagRow(rest[0]?.cells) ? rest[0]?.cells : undefined;
  const data = hashtags ? rest.slice(1) : rest;
  if (data.length === 0) return { ok: false, problems: [{ kind: 'empty' }] };
  const known = columnsOf(
    header.cells,
    hashtags,
    data.map((r) => r.cells),
  );
  if ('problems' in known) return { ok: false, problems: known.problems };
  const { nameOf } = known;

  const problems: TableProblem[] = [];
  const rows: Row[] = data.map(({ cells, number }) => {
    const read = new Map<SpreadsheetColumn, unknown>();
    known.columns.forEach((column, i) => {
      if (!column?.reads) return;
      const cell = cellText(cells[i] ?? '');
      if ('formula' in cell) problems.push({ kind: 'formula', row: number, column: nameOf(column) });
      else if (cell.text !== '') {
        const value = cellValue(column, cell.text, known.dates);
        if (typeof value === 'object') {
          problems.push({
            kind: 'ambiguousDate',
            row: number,
            column: nameOf(column),
            written: cell.text,
            ...value,
          });
        } else read.set(column, value);
      }
    });
    return { number, cells: read };
  });
  const reportColumnOf = known.columns.find((c) => c?.reads === reportColumn);
  const groups = groupRows(rows, reportColumnOf);
  if (groups.length > maxImportReports) {
    return {
      ok: false,
      problems: [{ kind: 'tooManyReports', count: groups.length, limit: maxImportReports }],
    };
  }

  const reports = groups.map((group): TableReport => {
    const [first] = group;
    const input: Record<string, unknown> = {};
    const figures: Record<string, unknown>[] = [];
    for (const row of group) {
      const figure: Record<string, unknown> = {};
      for (const [column, value] of row.cells) {
        const field = column.reads;
        if (!field || field === reportColumn) continue;
        if (field.level === 'figure') {
          place(figure, field.pointer, value);
          continue;
        }
        // A later row may leave the report's cells empty, or repeat them; never change them.
        if (row === first) place(input, field.pointer, value);
        else if (first?.cells.get(column) !== value) {
          problems.push({
            kind: 'differs',
            row: row.number,
            column: nameOf(column),
            firstRow: first?.number ?? 0,
          });
        }
      }
      figures.push(completeFigure(figure));
    }
    const label = reportColumnOf ? first?.cells.get(reportColumnOf) : undefined;
    return {
      input: { ...input, figures },
      rows: group.map((r) => r.number),
      label: typeof label === 'string' ? label : undefined,
    };
  });
  return { ok: true, reports, problems, nameOf };
}

/**
 * The column of a field a problem names, by its pointer in the report or in a figure: the
 * column of the field itself, or of the first field under it ("/source" is the Source).
 */
export function columnOf(level: ReportField['level'], pointer: string): SpreadsheetColumn | undefined {
  const fields = spreadsheetColumns.filter(
    (c) => c.reads && c.reads !== reportColumn && c.reads.level === level,
  );
  const column =
    fields.find((c) => c.reads?.pointer === pointer) ??
    fields.find((c) => c.reads?.pointer.startsWith(`${pointer}/`)) ??
    fields.find((c) => pointer.startsWith(`${c.reads?.pointer}/`));
  return column;
}
