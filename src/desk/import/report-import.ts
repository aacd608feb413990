// Importing a spreadsheet of reports at the desk: every row checked as the API checks a
// report, each problem and warning told by its row and column, and the reports published
// all or nothing. A report the file names by the id of a stored one (an exported row) is
// left as it is when the file agrees with it, and refused where the file changes it: a
// published report changes only by a correction. Importing the same reports again stores
// nothing (src/desk/once.ts).

import { withBasis } from '../../domain/counts.ts';
import { reportIdPattern } from '../../domain/ids.ts';
import { issuesFromZod, valueAt } from '../../domain/issues.ts';
import { type Report, type ReportInput, reportInput } from '../../domain/model.ts';
import type { Warning } from '../../domain/plausibility.ts';
import { InvalidBody, type ValidationIssue } from '../../problems.ts';
import type { Clock } from '../../services/clock.ts';
import { publishReports } from '../../services/publishing.ts';
import type { StatusStore } from '../../store/status-store.ts';
import type { Writers } from '../../writers/stubs.ts';
import { once } from '../once.ts';
import type { SpreadsheetColumn } from './columns.ts';
import { columnOf, readReportTable, type TableProblem, type TableReport } from './report-table.ts';

/** Where in the file: its row (counted from 1, as a spreadsheet does) and column. */
export interface Cell {
  row: number;
  column: string | undefined;
}

export type ImportProblem =
  | { kind: 'table'; problem: TableProblem }
  | ({ kind: 'field'; issue: ValidationIssue } & Cell)
  /** The file changes a report that is published already. */
  | ({ kind: 'changesPublished'; report: string } & Cell);

/** The row and column a problem is in, where it is in one; else it is the whole file's. */
export function cellOfProblem(problem: ImportProblem): Partial<Cell> {
  if (problem.kind !== 'table') return { row: problem.row, column: problem.column };
  const p = problem.problem;
  return { ...('row' in p ? { row: p.row } : {}), ...('column' in p ? { column: p.column } : {}) };
}

export interface ImportWarning extends Cell {
  warning: Warning;
}

export interface ImportedReport {
  rows: number[];
  report: Pick<Report, 'id' | 'place' | 'observed' | 'figures'>;
}

export interface ImportCheck {
  problems: ImportProblem[];
  warnings: ImportWarning[];
  /** What would be published, as it would be stored. */
  reports: ImportedReport[];
  /** Reports the file names that are stored already, as the file states them. */
  alreadyPublished: ImportedReport[];
}

/** A column by the name the file gives it. */
type ColumnNames = (column: SpreadsheetColumn) => string;

/** The row and column of a pointer into one report of the file. */
function cellOf(report: TableReport, pointer: string, nameOf: ColumnNames): Cell {
  const figure = /^\/figures\/(\d+)(\/.*)?$/.exec(pointer);
  const first = report.rows[0] ?? 0;
  const named = (column: SpreadsheetColumn | undefined) => column && nameOf(column);
  if (figure) {
    return {
      row: report.rows[Number(figure[1])] ?? first,
      column: named(columnOf('figure', figure[2] ?? '/indicator')),
    };
  }
  return {
    row: first,
    column: named(pointer === '/figures' ? columnOf('figure', '/indicator') : columnOf('report', pointer)),
  };
}

/** Each value of `value` that is not an object, by its pointer. */
function leaves(value: unknown, at = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object') return [[at, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${at}/${key}`));
}

const at = (value: unknown, pointer: string) => valueAt(value, pointer.split('/').slice(1));

const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? a.normalize('NFC') === b.normalize('NFC') : a === b;

/**
 * Where the file states a stored report otherwise than it stands; a cell left empty states
 * nothing. A count stored before counts stated their basis is compared with the basis its
 * indicator assumes, which is what the export wrote for it.
 */
function changesTo(stored: Report, report: TableReport, nameOf: ColumnNames): ImportProblem[] {
  const { figures, ...whole } = report.input;
  const changes = leaves(whole)
    .filter(([pointer, value]) => !same(at(stored, pointer), value))
    .map(([pointer]) => cellOf(report, pointer, nameOf));
  const storedFigures = stored.figures.map(withBasis);
  figures.forEach((figure, i) => {
    const storedFigure = storedFigures.find((f) => f.indicator === figure.indicator);
    for (const [pointer, value] of leaves(figure)) {
      if (!storedFigure || !same(at(storedFigure, pointer), value)) {
        changes.push(cellOf(report, `/figures/${i}${storedFigure ? pointer : '/indicator'}`, nameOf));
      }
    }
  });
  return changes.map((cell) => ({ kind: 'changesPublished', report: stored.id, ...cell }));
}

interface Checked extends ImportCheck {
  inputs: ReportInput[];
}

/** Checks a file's reports as a dry run: nothing is stored. */
async function checkTable(
  store: StatusStore,
  writers: Writers,
  text: string,
  clock: Clock,
): Promise<Checked> {
  const table = readReportTable(text);
  const empty = { warnings: [], reports: [], alreadyPublished: [], inputs: [] };
  if (!table.ok) return { ...empty, problems: table.problems.map((problem) => ({ kind: 'table', problem })) };

  const problems: ImportProblem[] = table.problems.map((problem) => ({ kind: 'table', problem }));
  // A cell with a problem of its own is not also said to be missing.
  const known = new Set(problems.map((p) => JSON.stringify(cellOfProblem(p))));
  const fresh: { report: TableReport; input: ReportInput }[] = [];
  const alreadyPublished: ImportedReport[] = [];
  // The reports the file names by the id of a stored one, read at once.
  const storedReports = await Promise.all(
    table.reports.map((r) =>
      r.label && reportIdPattern.test(r.label) ? store.getReport(r.label) : Promise.resolve(undefined),
    ),
  );
  for (const [i, report] of table.reports.entries()) {
    const stored = storedReports[i];
    if (stored) {
      // An exported row: compared with the report as it stands, cell by cell.
      const changes = changesTo(stored, report, table.nameOf);
      problems.push(...changes);
      if (changes.length === 0) alreadyPublished.push({ rows: report.rows, report: stored });
      continue;
    }
    const checked = reportInput.safeParse(report.input);
    if (checked.success) fresh.push({ report, input: checked.data });
    else {
      for (const issue of issuesFromZod(checked.error, report.input)) {
        const cell = cellOf(report, issue.pointer, table.nameOf);
        if (!known.has(JSON.stringify(cell))) problems.push({ kind: 'field', issue, ...cell });
      }
    }
  }

  const inputs = fresh.map((f) => f.input);
  const at = (i: number) => `/${i}`;
  const located = (pointer: string): Cell => {
    const [, index = '', rest = ''] = /^\/(\d+)(.*)$/.exec(pointer) ?? [];
    const report = fresh[Number(index)]?.report;
    return report ? cellOf(report, rest, table.nameOf) : { row: 0, column: undefined };
  };
  try {
    const { reports, warnings } = await publishReports(store, writers, inputs, clock, {
      dryRun: true,
      pointerPrefix: at,
    });
    return {
      problems,
      warnings: warnings.map((warning) => ({ warning, ...located(warning.pointer) })),
      reports: reports.map((report, i) => ({ rows: fresh[i]?.report.rows ?? [], report })),
      alreadyPublished,
      inputs,
    };
  } catch (error) {
    if (!(error instanceof InvalidBody)) throw error;
    for (const issue of error.issues) problems.push({ kind: 'field', issue, ...located(issue.pointer) });
    return { ...empty, alreadyPublished, problems };
  }
}

/** What a file would publish, with its problems and warnings; nothing is stored. */
export async function previewImport(
  store: StatusStore,
  writers: Writers,
  text: string,
  clock: Clock,
): Promise<ImportCheck> {
  const { inputs: _, ...check } = await checkTable(store, writers, text, clock);
  return check;
}

export type ImportOutcome =
  | { kind: 'refused'; check: ImportCheck; unconfirmed: boolean }
  | { kind: 'published'; reports: ImportedReport[]; alreadyPublished: ImportedReport[] }
  /** The same reports were imported before: nothing was stored again. */
  | { kind: 'imported-before'; reports: ImportedReport[]; at: string };

/**
 * Publishes a file's reports, all or nothing, when it has no problem and every warning's
 * code is confirmed; once, however often the same reports are imported.
 */
export async function publishImport(
  store: StatusStore,
  writers: Writers,
  text: string,
  confirmed: ReadonlySet<string>,
  clock: Clock,
  publishedBy: string,
): Promise<ImportOutcome> {
  const { inputs, ...check } = await checkTable(store, writers, text, clock);
  const unconfirmed = check.warnings.some((w) => !confirmed.has(w.warning.code));
  if (check.problems.length > 0 || unconfirmed) return { kind: 'refused', check, unconfirmed };
  if (inputs.length === 0)
    return { kind: 'published', reports: [], alreadyPublished: check.alreadyPublished };

  const published = await once(
    writers,
    `desk import\n${JSON.stringify(inputs)}`,
    async (clock) => {
      const { reports } = await publishReports(store, writers, inputs, clock, { confirmed, publishedBy });
      return reports.map((report, i) => ({
        rows: check.reports[i]?.rows ?? [],
        report: { id: report.id, place: report.place, observed: report.observed, figures: report.figures },
      }));
    },
    // Imported again after every report of the earlier import was withdrawn: published anew.
    // While any of them stands, nothing is, so that no report is published twice.
    async (imported) => {
      const withdrawn = await Promise.all(imported.map(({ report }) => store.getRetraction(report.id)));
      return withdrawn.some((retraction) => retraction === undefined);
    },
  );
  if (published.repeat) return { kind: 'imported-before', reports: published.value, at: published.at };
  return { kind: 'published', reports: published.value, alreadyPublished: check.alreadyPublished };
}
