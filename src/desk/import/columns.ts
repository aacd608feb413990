// The columns of a spreadsheet of reports as the desk's import knows them: the exports'
// columns (src/render/hxl-csv.ts, in English, with their HXL hashtags), and for each column
// the import reads its name in every language a file's column names are read in, what its
// cells hold, and the order the templates list them in. A column is known by any of its
// names, without regard to case or spaces; the language its names are in says how the file
// writes its dates.

import { type ImportLanguage, importLanguages } from '../../domain/languages.ts';
import { importColumns, type TableColumn } from '../../render/hxl-csv.ts';
import type { DateOrder } from './dates.ts';

/** What a column's cells hold: a count and a date are read as people write them. */
export type CellKind = 'text' | 'count' | 'date';

export interface SpreadsheetColumn extends TableColumn {
  /** Its name in each language; a column only the exports write (derived by the service) is named in English only. */
  names: Partial<Record<ImportLanguage, string>> & { en: string };
  cells: CellKind;
}

interface Definition {
  names: Record<Exclude<ImportLanguage, 'en'>, string>;
  cells?: CellKind;
}

/**
 * Every column the import reads, by its name in the exports, in the order the templates
 * list them: the report's cells, then the figure's.
 */
const definitions: Record<string, Definition> = {
  Report: { names: { nl: 'Melding', uk: 'Звіт' } },
  'Place slug': { names: { nl: 'Plaatscode', uk: 'Код місця' } },
  Observed: { names: { nl: 'Waargenomen', uk: 'Дата спостереження' }, cells: 'date' },
  Summary: { names: { nl: 'Samenvatting', uk: 'Короткий зміст' } },
  'Summary language': { names: { nl: 'Taal van de samenvatting', uk: 'Мова короткого змісту' } },
  Source: { names: { nl: 'Bron', uk: 'Джерело' } },
  'Source kind': { names: { nl: 'Soort bron', uk: 'Тип джерела' } },
  'Source role': { names: { nl: 'Rol van de bron', uk: 'Роль джерела' } },
  'Source URL': { names: { nl: 'URL van de bron', uk: 'URL джерела' } },
  'Source language': { names: { nl: 'Taal van de bron', uk: 'Мова джерела' } },
  Verification: { names: { nl: 'Verificatie', uk: 'Перевірка' } },
  Indicator: { names: { nl: 'Indicator', uk: 'Показник' } },
  Value: { names: { nl: 'Getal', uk: 'Число' }, cells: 'count' },
  Qualifier: { names: { nl: 'Nauwkeurigheid', uk: 'Точність' } },
  High: { names: { nl: 'Bovengrens', uk: 'Верхня межа' }, cells: 'count' },
  Basis: { names: { nl: 'Basis', uk: 'Основа' } },
  State: { names: { nl: 'Toestand', uk: 'Стан' } },
  Since: { names: { nl: 'Sinds', uk: 'Відколи' }, cells: 'date' },
  'Since qualifier': { names: { nl: 'Nauwkeurigheid van sinds', uk: 'Точність дати відколи' } },
  Text: { names: { nl: 'Tekst', uk: 'Текст' } },
  'Text language': { names: { nl: 'Taal van de tekst', uk: 'Мова тексту' } },
  Quote: { names: { nl: 'Citaat', uk: 'Цитата' } },
  Note: { names: { nl: 'Toelichting', uk: 'Примітка' } },
};

/**
 * How the writers of each language order a date: Dutch and Ukrainian day first; English
 * either way, so an English file settles nothing (src/desk/import/dates.ts).
 */
export const dateOrders: Record<ImportLanguage, DateOrder> = {
  en: 'either',
  nl: 'day-first',
  uk: 'day-first',
};

/** Every column an import knows, with its names and what its cells hold. */
export const spreadsheetColumns: readonly SpreadsheetColumn[] = importColumns.map((column) => {
  const definition = definitions[column.header];
  return {
    ...column,
    names: { en: column.header, ...definition?.names },
    cells: definition?.cells ?? 'text',
  };
});

/** The columns a template lists, in its order. */
export const templateColumns: readonly SpreadsheetColumn[] = Object.keys(definitions).flatMap(
  (header) => spreadsheetColumns.find((c) => c.header === header) ?? [],
);

/** A name as a column is known by it: without regard to case, spaces or Unicode form. */
export function comparableName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

/** A column and the languages a name of it is in. */
export interface NamedColumn {
  column: SpreadsheetColumn;
  languages: ImportLanguage[];
}

const byName = new Map<string, NamedColumn>();
for (const column of spreadsheetColumns) {
  for (const language of importLanguages) {
    const name = column.names[language];
    if (name === undefined) continue;
    const key = comparableName(name);
    const known = byName.get(key) ?? { column, languages: [] };
    byName.set(key, { column, languages: [...known.languages, language] });
  }
}

/** The column a header names, and the languages that name is in. */
export function columnNamed(header: string): NamedColumn | undefined {
  return byName.get(comparableName(header));
}

/** How a file whose column names are in `languages` orders its dates: day first only when every one of them does. */
export function dateOrderOf(languages: readonly ImportLanguage[]): DateOrder {
  return languages.length > 0 && languages.every((l) => dateOrders[l] === 'day-first')
    ? 'day-first'
    : 'either';
}
