import { describe, expect, it } from 'vitest';
import {
  columnNamed,
  dateOrderOf,
  spreadsheetColumns,
  templateColumns,
} from '../../src/desk/import/columns.ts';
import { readSpreadsheetDate } from '../../src/desk/import/dates.ts';
import { readReportTable } from '../../src/desk/import/report-table.ts';
import { renderImportTemplate } from '../../src/desk/import/template.ts';
import { importProblemText } from '../../src/desk/import/words.ts';
import { importLanguages } from '../../src/domain/languages.ts';
import { renderCsv } from '../../src/render/csv.ts';

describe('a date in a spreadsheet', () => {
  it.each([
    ['2026-12-05', '2026-12-05'],
    ['2026-12-5', '2026-12-05'],
    ['2026/12/05', '2026-12-05'],
    ['5-12-2026', '2026-12-05'],
    ['05-12-2026', '2026-12-05'],
    ['05.12.2026', '2026-12-05'],
    ['5.12.2026', '2026-12-05'],
    ['5/12/2026', '2026-12-05'],
    ['12-2026', '2026-12'],
    ['12.2026', '2026-12'],
    ['2026-12', '2026-12'],
    ['2026', '2026'],
  ])('reads %s, written day first, as %s', (written, date) => {
    expect(readSpreadsheetDate(written, 'day-first')).toEqual({ date });
  });

  it.each([
    ['2026-12-05', '2026-12-05'],
    ['2026-12', '2026-12'],
    ['12-2026', '2026-12'],
    ['2026', '2026'],
    // Dots are day first wherever they are written.
    ['05.12.2026', '2026-12-05'],
    // Only one reading is a day.
    ['13/05/2026', '2026-05-13'],
    ['05/13/2026', '2026-05-13'],
    ['25-12-2026', '2026-12-25'],
    // Both readings are the same day.
    ['05/05/2026', '2026-05-05'],
  ])('reads %s as %s where dates may be written either way', (written, date) => {
    expect(readSpreadsheetDate(written, 'either')).toEqual({ date });
  });

  it.each([
    ['05/12/2026', '2026-12-05', '2026-05-12'],
    ['5/12/2026', '2026-12-05', '2026-05-12'],
    ['12-5-2026', '2026-05-12', '2026-12-05'],
  ])('refuses to guess %s where dates may be written either way', (written, dayFirst, monthFirst) => {
    expect(readSpreadsheetDate(written, 'either')).toEqual({ ambiguous: { dayFirst, monthFirst } });
  });

  it('leaves text that is no date as it is, for the schema to refuse', () => {
    expect(readSpreadsheetDate('yesterday', 'day-first')).toEqual({ date: 'yesterday' });
    expect(readSpreadsheetDate('5-12-26', 'day-first')).toEqual({ date: '5-12-26' });
  });
});

describe('the columns of a spreadsheet', () => {
  it('names every column the import reads in every language', () => {
    for (const column of spreadsheetColumns.filter((c) => c.reads)) {
      for (const language of importLanguages) expect(column.names[language], column.header).toBeTruthy();
    }
    expect(templateColumns.map((c) => c.header).sort()).toEqual(
      spreadsheetColumns
        .filter((c) => c.reads)
        .map((c) => c.header)
        .sort(),
    );
  });

  it('gives no two columns the same name, in any language', () => {
    const names = spreadsheetColumns.flatMap((c) =>
      [...new Set(Object.values(c.names))].map((name) => name.toLowerCase().replace(/\s+/g, '')),
    );
    expect(names.length).toBe(new Set(names).size);
  });

  it('knows a column by any of its names, whatever its case and spaces', () => {
    expect(columnNamed('Place slug')?.column.header).toBe('Place slug');
    expect(columnNamed('  PLACESLUG ')?.column.header).toBe('Place slug');
    expect(columnNamed('plaatscode')?.column.header).toBe('Place slug');
    expect(columnNamed('Код  місця')?.column.header).toBe('Place slug');
    expect(columnNamed('ДАТА СПОСТЕРЕЖЕННЯ')).toEqual({
      column: expect.objectContaining({ header: 'Observed' }),
      languages: ['uk'],
    });
    expect(columnNamed('Indicator')?.languages).toEqual(['en', 'nl']);
    expect(columnNamed('Place')?.column.header).toBe('Place');
    expect(columnNamed('Plaats')).toBeUndefined();
  });

  it('reads dates day first when the column names are Dutch or Ukrainian, and only then', () => {
    expect(dateOrderOf(['nl'])).toBe('day-first');
    expect(dateOrderOf(['uk'])).toBe('day-first');
    expect(dateOrderOf(['en'])).toBe('either');
    expect(dateOrderOf(['en', 'nl'])).toBe('either');
    expect(dateOrderOf([])).toBe('either');
  });
});

/** A SYNTHETIC file of one figure, its columns named in `names`. */
function file(names: readonly string[], cells: readonly string[], delimiter: ',' | ';' = ',') {
  return renderCsv([names, cells], delimiter);
}

const english = [
  'Place slug',
  'Indicator',
  'Value',
  'Qualifier',
  'Observed',
  'Verification',
  'Source',
  'Source kind',
];
const dutch = [
  'Plaatscode',
  'Indicator',
  'Getal',
  'Nauwkeurigheid',
  'Waargenomen',
  'Verificatie',
  'Bron',
  'Soort bron',
];
const ukrainian = [
  'Код місця',
  'Показник',
  'Число',
  'Точність',
  'Дата спостереження',
  'Перевірка',
  'Джерело',
  'Тип джерела',
];
const cells = (value: string, observed: string) => [
  'importville',
  'population_remaining',
  value,
  'approximately',
  observed,
  'unconfirmed',
  'SYNTHETIC source',
  'ngo',
];

function readOne(text: string) {
  const reading = readReportTable(text);
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading;
}

describe('a spreadsheet with its columns named in its writer’s language', () => {
  it.each([
    ['Dutch', dutch, '12.000', '5-12-2026'],
    ['Dutch', dutch, '12000', '05/12/2026'],
    ['Ukrainian', ukrainian, '12 000', '05.12.2026'],
    ['Ukrainian', ukrainian, '12\u00a0000', '5/12/2026'],
    ['English', english, '12,000', '2026-12-05'],
  ])('reads a %s file, its number %s and its date %s', (_, names, value, observed) => {
    const reading = readOne(file(names, cells(value, observed), ';'));
    expect(reading.problems).toEqual([]);
    expect(reading.reports[0]?.input).toMatchObject({
      place: 'importville',
      observed: '2026-12-05',
      figures: [{ indicator: 'population_remaining', value: 12_000, qualifier: 'approximately' }],
    });
  });

  it('refuses a date of an English file that reads as two days, naming the cell, both days and how to write it', () => {
    const reading = readOne(file(english, cells('12000', '05/12/2026')));
    expect(reading.problems).toEqual([
      {
        kind: 'ambiguousDate',
        row: 2,
        column: 'Observed',
        written: '05/12/2026',
        dayFirst: '2026-12-05',
        monthFirst: '2026-05-12',
      },
    ]);
    const [problem] = reading.problems;
    if (!problem) throw new Error('no problem');
    expect(importProblemText({ kind: 'table', problem }, 'en')).toBe(
      '"05/12/2026" can be 5 December 2026 (day first) or 12 May 2026 (month first), and this file\'s column names do not say which (Dutch or Ukrainian ones say day first). Write it year first: 2026-12-05 or 2026-05-12 (in a spreadsheet, in a cell formatted as text, so that it stays as written).',
    );
    expect(importProblemText({ kind: 'table', problem }, 'nl')).toContain(
      '"05/12/2026" kan 5 december 2026 zijn (dag eerst) of 12 mei 2026 (maand eerst)',
    );
  });

  it('reads the hashtag row as before, whatever the column names say', () => {
    const tags = [
      '#loc+code',
      '#indicator+code',
      '#indicator+num',
      '#indicator+qualifier',
      '#date+observed',
      '#status+verification',
      '#meta+source',
      '#meta+source+type',
    ];
    const names = ['Waar', 'Wat', 'Hoeveel', 'Hoe', 'Wanneer', 'Zeker', 'Wie', 'Soort'];
    const reading = readOne(renderCsv([names, tags, cells('12.000', '2026-12-05')]));
    expect(reading.problems).toEqual([]);
    expect(reading.reports[0]?.input).toMatchObject({ observed: '2026-12-05', place: 'importville' });
    // Names that are no column's say nothing of how dates are written.
    expect(readOne(renderCsv([names, tags, cells('12000', '05/12/2026')])).problems).toMatchObject([
      { kind: 'ambiguousDate', column: 'Wanneer' },
    ]);
  });

  it('names the columns of a problem as the file names them', () => {
    const reading = readReportTable(file(dutch.slice(0, -1), cells('12.000', '5-12-2026').slice(0, -1)));
    expect(reading).toEqual({ ok: false, problems: [{ kind: 'missingColumn', column: 'Soort bron' }] });
    const typo = readReportTable(file([...dutch, 'Samenvating'], [...cells('1', '2026'), 'x']));
    expect(typo).toMatchObject({
      ok: false,
      problems: [{ kind: 'unknownColumn', column: 'Samenvating', suggestions: ['Samenvatting'] }],
    });
  });

  it('compares a report’s date between its rows as the date it reads as', () => {
    const second = cells('10', '2026-12-05');
    second[1] = 'civilian_deaths';
    const reading = readOne(
      renderCsv([
        ['Melding', ...dutch],
        ['a', ...cells('12.000', '5-12-2026')],
        ['a', ...second],
      ]),
    );
    expect(reading.problems).toEqual([]);
    expect(reading.reports).toHaveLength(1);
  });
});

describe('a cell that starts like a formula', () => {
  const withSource = (source: string) => [...cells('12000', '2026-12-05').slice(0, -2), source, 'ngo'];

  it.each([
    '=',
    '+',
    '-',
    '@',
    '\uFF1D',
    '\uFF0B',
    '\uFF0D',
    '\uFF20',
    '\uFE66',
    '\uFE62',
    '\uFE63',
    '\uFE6B',
  ])('is refused when it starts with %j, as the exports neutralise it', (start) => {
    const written = `${english.join(',')}\r\n${withSource(`${start}HYPERLINK("https://evil.example")`).join(',')}\r\n`;
    expect(readReportTable(written).problems).toEqual([{ kind: 'formula', row: 2, column: 'Source' }]);
  });

  it('is read as text after the apostrophe an export writes before it', () => {
    const reading = readOne(file(english, withSource('\uFF1DSYNTHETIC source')));
    expect(reading.reports[0]?.input).toMatchObject({ source: { name: '\uFF1DSYNTHETIC source' } });
  });
});

describe('the template of a spreadsheet', () => {
  it.each(importLanguages)('in %s reads back as it is, its example observed today', (language) => {
    const template = renderImportTemplate(language, '2026-12-05');
    expect(template.startsWith('\uFEFF')).toBe(true);
    const [header] = template.slice(1).split('\r\n');
    expect(header?.split(language === 'en' ? ',' : ';')).toEqual(
      templateColumns.map((c) => c.names[language]),
    );
    const reading = readOne(template.slice(1));
    expect(reading.problems).toEqual([]);
    expect(reading.reports[0]?.input).toMatchObject({
      observed: '2026-12-05',
      summary: { language },
      source: { kind: 'official', language },
      figures: [{ indicator: 'population_remaining', value: 12_000, qualifier: 'approximately' }],
    });
  });

  it('writes its date and number as people of its language write them', () => {
    expect(renderImportTemplate('nl', '2026-12-05')).toContain(';5-12-2026;');
    expect(renderImportTemplate('nl', '2026-12-05')).toContain(';12.000;');
    expect(renderImportTemplate('uk', '2026-12-05')).toContain(';05.12.2026;');
    expect(renderImportTemplate('uk', '2026-12-05')).toContain(';12 000;');
    expect(renderImportTemplate('en', '2026-12-05')).toContain(',2026-12-05,');
    expect(renderImportTemplate('en', '2026-12-05')).toContain(',"12,000",');
  });
});
