// A spreadsheet of reports, as the desk's import reads it: a CSV file of the columns the
// exports write (docs/desk.md#importing-reports-from-a-spreadsheet), with or without the HXL hashtag row, one row per figure.
// Rows with the same Report are one report; a row with none is a report of its own. What it
// builds then passes the same validation as the API's JSON; this only reads the table, and
// says which row and column each problem of the file is in.

import { nearest } from '../../domain/nearest.ts';
import { readCsv } from '../../render/csv.ts';
import { importColumns, type ReportField, reportColumn, type TableColumn } from '../../render/hxl-csv.ts';
import { readCount } from '../../words/figures.ts';

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
  | { kind: 'differs'; row: number; column: string; firstRow: number };

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
  | { ok: true; reports: TableReport[]; problems: TableProblem[] }
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

const byHeader = new Map(importColumns.map((c) => [c.header.toLowerCase(), c]));
const byTag = new Map(importColumns.map((c) => [comparableTag(c.tag), c]));
const columnCandidates = importColumns.map((c) => ({ value: c.header, names: [c.header, c.tag] }));

/** A hashtag row: every cell it has starts with "#". */
function isHashtagRow(record: readonly string[] | undefined): boolean {
  const cells = (record ?? []).map((cell) => cell.trim()).filter((cell) => cell !== '');
  return cells.length > 0 && cells.every((cell) => cell.startsWith('#'));
}

const blank = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

/** The known column of each position, or the problems of the header. */
function columnsOf(
  header: readonly string[],
  tags: readonly string[] | undefined,
  records: readonly string[][],
): { columns: (TableColumn | undefined)[] } | { problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const seen = new Set<string>();
  const columns = header.map((name, i) => {
    const tag = tags?.[i]?.trim();
    const written = name.trim();
    // A column with no name and nothing in it is a spreadsheet's trailing delimiter.
    if (!written && !tag && records.every((r) => !r[i]?.trim())) return undefined;
    const column = tag ? byTag.get(comparableTag(tag)) : byHeader.get(written.toLowerCase());
    if (!column) {
      const shown = tag || written;
      problems.push({ kind: 'unknownColumn', column: shown, suggestions: nearest(shown, columnCandidates) });
      return undefined;
    }
    if (seen.has(column.header)) problems.push({ kind: 'duplicateColumn', column: column.header });
    seen.add(column.header);
    return column;
  });
  for (const required of requiredColumns) {
    if (!seen.has(required) && !problems.some((p) => p.kind === 'unknownColumn')) {
      problems.push({ kind: 'missingColumn', column: required });
    }
  }
  return problems.length > 0 ? { problems } : { columns };
}

// Text a spreadsheet would run as a formula; a number such as -5 is not one.
const formulaStart = /^[=+\-@\t\r]/;
const signedNumber = /^[+-]\d[\d.,\s]*$/;

/**
 * A cell as written: an export's apostrophe before a formula character taken off again, and
 * line breaks as reports keep them (a line feed; a carriage return is a control character).
 */
function cellText(cell: string): { text: string } | { formula: true } {
  const text = cell.trim().replace(/\r\n?/g, '\n');
  if (/^'[=+\-@\t\r]/.test(text)) return { text: text.slice(1) };
  if (formulaStart.test(text) && !signedNumber.test(text)) return { formula: true };
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

/** The cells of a count's numbers: its value, and a range's high bound. */
const countCells: readonly string[] = ['/value', '/high'];

/** A figure's cell, typed as the schema expects: a count's numbers as numbers people write. */
function figureValue(field: ReportField, text: string): unknown {
  return countCells.includes(field.pointer) ? readCount(text) : text;
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
  cells: Map<TableColumn, string>;
}

/** The rows of one report, in file order, keyed by its Report column or by the row itself. */
function groupRows(rows: readonly Row[], reportColumnOf: TableColumn | undefined): Row[][] {
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

  const problems: TableProblem[] = [];
  const rows: Row[] = data.map(({ cells, number }) => {
    const read = new Map<TableColumn, string>();
    known.columns.forEach((column, i) => {
      if (!column?.reads) return;
      const cell = cellText(cells[i] ?? '');
      if ('formula' in cell) problems.push({ kind: 'formula', row: number, column: column.header });
      else if (cell.text !== '') read.set(column, cell.text);
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
      for (const [column, text] of row.cells) {
        const field = column.reads;
        if (!field || field === reportColumn) continue;
        if (field.level === 'figure') {
          place(figure, field.pointer, figureValue(field, text));
          continue;
        }
        // A later row may leave the report's cells empty, or repeat them; never change them.
        if (row === first) place(input, field.pointer, text);
        else if (first?.cells.get(column) !== text) {
          problems.push({
            kind: 'differs',
            row: row.number,
            column: column.header,
            firstRow: first?.number ?? 0,
          });
        }
      }
      figures.push(completeFigure(figure));
    }
    return {
      input: { ...input, figures },
      rows: group.map((r) => r.number),
      label: reportColumnOf ? first?.cells.get(reportColumnOf) : undefined,
    };
  });
  return { ok: true, reports, problems };
}

/**
 * The column of a field a problem names, by its pointer in the report or in a figure: the
 * column of the field itself, or of the first field under it ("/source" is the Source).
 */
export function columnOf(level: ReportField['level'], pointer: string): string | undefined {
  const fields = importColumns.filter((c) => c.reads && c.reads !== reportColumn && c.reads.level === level);
  const column =
    fields.find((c) => c.reads?.pointer === pointer) ??
    fields.find((c) => c.reads?.pointer.startsWith(`${pointer}/`)) ??
    fields.find((c) => pointer.startsWith(`${c.reads?.pointer}/`));
  return column?.header;
}
