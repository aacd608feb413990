// A spreadsheet's date as people write it, read as the partial date the model stores
// (src/domain/dates.ts): ISO (2026-12-05, 2026-12, 2026), day first with dashes, dots or
// slashes (5-12-2026, 05.12.2026, 5/12/2026), and a month with its year (12-2026). Whether
// 05/12/2026 is 5 December or 12 May is a convention of the writer, not of the date: the
// file's column names say whose (src/desk/import/columns.ts); where they do not settle it,
// a date that reads as two days is refused rather than guessed, since a figure observed on
// the wrong day is a wrong figure.

import { isCalendarDate } from '../../domain/dates.ts';

/**
 * How the writers of a file order a date's day and month: `day-first` always (Dutch,
 * Ukrainian), or `either` (English: 5/12/2026 is 5 December in London, 12 May in New York).
 */
export type DateOrder = 'day-first' | 'either';

export type DateReading =
  /** A partial date, or text that is no date of any form, for the schema to refuse in its words. */
  | { date: string }
  /** Two real days, each ISO, and nothing in the file to say which is meant. */
  | { ambiguous: { dayFirst: string; monthFirst: string } };

const yearFirst = /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$/;
const yearLast = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const monthYear = /^(\d{1,2})[-/.](\d{4})$/;

const two = (part: string) => part.padStart(2, '0');
const iso = (year: string, month?: string, day?: string) =>
  [year, month && two(month), day && two(day)].filter(Boolean).join('-');

/** Reads `text` as a date written in a file whose writers order dates as `order` says. */
export function readSpreadsheetDate(text: string, order: DateOrder): DateReading {
  const year = yearFirst.exec(text);
  if (year) {
    const [, y = '', , month, day] = year;
    return { date: iso(y, month, day) };
  }
  const month = monthYear.exec(text);
  if (month) return { date: iso(month[2] ?? '', month[1]) };
  const full = yearLast.exec(text);
  if (!full) return { date: text };
  const [, first = '', separator, second = '', y = ''] = full;
  const dayFirst = iso(y, second, first);
  const monthFirst = iso(y, first, second);
  // Dots are written day first by everyone who writes them.
  if (order === 'day-first' || separator === '.' || dayFirst === monthFirst) return { date: dayFirst };
  const readings = [dayFirst, monthFirst].filter(isCalendarDate);
  if (readings.length === 2) return { ambiguous: { dayFirst, monthFirst } };
  // One reading is no day at all (13/05/2026, 05/13/2026): the other is meant.
  return { date: readings[0] ?? dayFirst };
}
