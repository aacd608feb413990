// The template of a spreadsheet to import, in each language columns are named in: every
// column the import reads, named in that language, and one example row written as people of
// that language write it (its date, its number, its words), saved as a spreadsheet of that
// language's locale opens it. The example names a place that does not exist, so that a
// template imported unchanged is refused until its writer names theirs. Pure.

import type { ImportLanguage } from '../../domain/languages.ts';
import { type CsvDelimiter, renderCsv } from '../../render/csv.ts';
import { templateColumns } from './columns.ts';

interface Example {
  place: string;
  summary: string;
  source: string;
  value: string;
  /** A day, "2026-12-05", as people of the language write it. */
  date: (iso: string) => string;
  /**
   * Excel in a locale whose decimal mark is a comma separates fields with semicolons, and
   * opens a file of commas as one column.
   */
  delimiter: CsvDelimiter;
}

const yearOf = (iso: string) => iso.slice(0, 4);
const monthOf = (iso: string) => iso.slice(5, 7);
const dayOf = (iso: string) => iso.slice(8, 10);

const examples: Record<ImportLanguage, Example> = {
  en: {
    place: 'your-place',
    summary: 'About 12,000 residents remain in the city, the city council said.',
    source: 'City council',
    value: '12,000',
    date: (iso) => iso,
    delimiter: ',',
  },
  nl: {
    place: 'uw-plaats',
    summary: 'Er wonen nog ongeveer 12.000 mensen in de stad, meldt de gemeente.',
    source: 'Gemeente',
    value: '12.000',
    // As Excel in a Dutch locale writes a date: 5-12-2026.
    date: (iso) => `${Number(dayOf(iso))}-${Number(monthOf(iso))}-${yearOf(iso)}`,
    delimiter: ';',
  },
  uk: {
    place: 'vashe-misto',
    summary: 'У місті залишається близько 12 000 мешканців, повідомила міська рада.',
    source: 'Міська рада',
    value: '12 000',
    date: (iso) => `${dayOf(iso)}.${monthOf(iso)}.${yearOf(iso)}`,
    delimiter: ';',
  },
};

/** The file name a template is saved as. */
export const templateFileName = (language: ImportLanguage) => `reports-template.${language}.csv`;

/**
 * The template in `language`, its example observed on `today` ("2026-12-05"), with a byte
 * order mark: without one, Excel reads UTF-8 as the locale's own code page.
 */
export function renderImportTemplate(language: ImportLanguage, today: string): string {
  const example = examples[language];
  const cells: Record<string, string> = {
    Report: '1',
    'Place slug': example.place,
    Observed: example.date(today),
    Summary: example.summary,
    'Summary language': language,
    Source: example.source,
    'Source kind': 'official',
    'Source language': language,
    Verification: 'unconfirmed',
    Indicator: 'population_remaining',
    Value: example.value,
    Qualifier: 'approximately',
  };
  const rows = [templateColumns.map((c) => c.names[language]), templateColumns.map((c) => cells[c.header])];
  return `\uFEFF${renderCsv(rows, example.delimiter)}`;
}
