// The words of the desk's import, in every language the service speaks: its pages, and what
// each problem of a file means and what to do instead. A problem of a field is worded as the
// desk words it (src/desk/forms/words.ts); these are the problems only a file can have.

import type { ImportLanguage, Language } from '../../domain/languages.ts';
import { formatPartialDate } from '../../words/figures.ts';
import { ukrainianCount } from '../../words/messages.ts';
import { deskIssueText } from '../forms/words.ts';
import type { ImportProblem } from './report-import.ts';
import type { TableProblem } from './report-table.ts';

export interface ImportWords {
  link: string;
  heading: string;
  intro: string;
  columnsIntro: string;
  /** The languages column names may be in, and how dates and numbers may be written. */
  writtenIntro: string;
  templatesIntro: string;
  fileLabel: string;
  fileHint: string;
  check: string;
  problemsHeading: string;
  problemsIntro: string;
  row: string;
  rows: string;
  column: string;
  problem: string;
  place: string;
  observed: string;
  figures: string;
  wholeFile: string;
  checkHeading: string;
  checkIntro: (count: number) => string;
  reportsCaption: string;
  alreadyCaption: string;
  alreadyIntro: string;
  warningsCaption: string;
  confirm: (rows: string) => string;
  publish: string;
  publishedHeading: (count: number) => string;
  importedBefore: (when: string) => string;
  nothingNew: string;
  another: string;
  tooLarge: (megabytes: number) => string;
  noFile: string;
  table: (problem: TableProblem) => string;
  changesPublished: (report: string) => string;
}

const english: ImportWords = {
  link: 'Import a spreadsheet',
  heading: 'Import a spreadsheet',
  intro:
    'Upload a CSV file of up to 100 reports: one row per figure, in the columns of the exports (an exported file can be edited and imported back). Every row is checked, and nothing is published until you have seen the problems and warnings of each row.',
  columnsIntro:
    'Each report needs Place slug, Indicator, Observed, Verification, Source, Source kind, Source language, Summary and Summary language; each figure its Value and Qualifier, or its State. A count may say its Basis (total or period), a range its High (Value is then the low bound), and a total since when it counts in Since. Rows with the same Report are one report; a row without one is a report of its own.',
  writtenIntro:
    'Columns may be named in English, Dutch or Ukrainian. Dates may be written 2026-12-05, 5-12-2026, 05.12.2026 or 5/12/2026 (day first), as a month (12-2026 or 2026-12) or as a year. In a file with English column names, a date whose day could be its month (05/12/2026) is refused: write it year first, 2026-12-05. Numbers may be written 12000, 12,000, 12.000 or 12 000.',
  templatesIntro:
    'Start from a template, with the column names in your language and an example row to overwrite:',
  fileLabel: 'CSV file',
  fileHint: 'UTF-8, with commas or semicolons between fields; the row of HXL hashtags may be there or not.',
  check: 'Check the file',
  problemsHeading: 'This file cannot be imported yet',
  problemsIntro:
    'Nothing was published. Fix these in the spreadsheet, save it as CSV (UTF-8), and upload it again.',
  row: 'Row',
  rows: 'Rows',
  column: 'Column',
  problem: 'Problem',
  place: 'Place',
  observed: 'Observed',
  figures: 'Figures',
  wholeFile: 'the whole file',
  checkHeading: 'Check before publishing',
  checkIntro: (count) =>
    `${count === 1 ? 'One report' : `${count} reports`} will be published, all at once. Nothing is published yet.`,
  reportsCaption: 'Reports to publish',
  alreadyCaption: 'Already published',
  alreadyIntro:
    'These rows state reports that are published already, as they stand: they are left as they are.',
  warningsCaption: 'Please look again',
  confirm: (rows) => `I have checked ${rows}, and the figures stand`,
  publish: 'Publish all',
  publishedHeading: (count) => (count === 1 ? 'One report published' : `${count} reports published`),
  importedBefore: (when) =>
    `These reports were imported before, on ${when}: nothing was stored again. They are:`,
  nothingNew: 'Every report in this file is published already: nothing was stored.',
  another: 'Import another file',
  tooLarge: (megabytes) =>
    `This file is larger than ${megabytes} MB. Split it into files of at most 100 reports each.`,
  noFile: 'Choose a CSV file to upload.',
  table: (p) => {
    switch (p.kind) {
      case 'encoding':
        return p.found === 'utf-16'
          ? 'This file is UTF-16 ("Unicode text"). Save it as "CSV UTF-8 (comma delimited)" and upload it again.'
          : 'This file is not UTF-8. Save it as "CSV UTF-8 (comma delimited)" and upload it again.';
      case 'empty':
        return 'This file has no reports: it needs a row of column names, then a row per figure.';
      case 'unclosedQuote':
        return `A quoted cell opened on row ${p.row} is never closed: add the closing quote (").`;
      case 'unknownColumn':
        return `"${p.column}" is not a column of reports${p.suggestions.length ? `; did you mean ${p.suggestions.map((s) => `"${s}"`).join(' or ')}?` : ''}. Rename it, or delete it.`;
      case 'duplicateColumn':
        return `The column "${p.column}" is there twice: keep one.`;
      case 'missingColumn':
        return `The column "${p.column}" is missing: every report needs it.`;
      case 'tooManyReports':
        return `This file holds ${p.count} reports; at most ${p.limit} are imported at once. Split it.`;
      case 'formula':
        return 'This cell starts like a spreadsheet formula (=, +, - or @): write the text without it, or put an apostrophe first.';
      case 'differs':
        return `This differs from row ${p.firstRow}, which states the same report: a report has one value here. Leave it empty, or write the same.`;
      case 'ambiguousDate':
        return `"${p.written}" can be ${formatPartialDate(p.dayFirst, 'en')} (day first) or ${formatPartialDate(p.monthFirst, 'en')} (month first), and this file's column names do not say which (Dutch or Ukrainian ones say day first). Write it year first: ${p.dayFirst} or ${p.monthFirst} (in a spreadsheet, in a cell formatted as text, so that it stays as written).`;
    }
  },
  changesPublished: (report) =>
    `This row changes report ${report}, which is published already. A published report changes only by a correction: correct it at its page, or remove its Report id to publish a new report.`,
};

const dutch: ImportWords = {
  link: 'Een spreadsheet importeren',
  heading: 'Een spreadsheet importeren',
  intro:
    'Upload een CSV-bestand met hoogstens 100 meldingen: één rij per cijfer, in de kolommen van de exports (een geëxporteerd bestand kan worden bewerkt en weer geïmporteerd). Elke rij wordt gecontroleerd, en niets wordt gepubliceerd voordat u de problemen en waarschuwingen van elke rij hebt gezien.',
  columnsIntro:
    'Elke melding heeft Place slug, Indicator, Observed, Verification, Source, Source kind, Source language, Summary en Summary language nodig; elk cijfer zijn Value en Qualifier, of zijn State. Een aantal kan zijn Basis noemen (total of period), een bereik zijn High (Value is dan de ondergrens) en een totaal in Since sinds wanneer het telt. Rijen met dezelfde Report zijn één melding; een rij zonder is een melding op zich.',
  writtenIntro:
    'Kolommen mogen Engelse, Nederlandse of Oekraïense namen hebben. Een datum mag worden geschreven als 2026-12-05, 5-12-2026, 05.12.2026 of 5/12/2026 (dag eerst), als maand (12-2026 of 2026-12) of als jaar. In een bestand met Engelse kolomnamen wordt een datum geweigerd waarvan de dag ook de maand kan zijn (05/12/2026): schrijf die met het jaar eerst, 2026-12-05. Een getal mag worden geschreven als 12000, 12.000, 12,000 of 12 000.',
  templatesIntro:
    'Begin met een sjabloon, met de kolomnamen in uw taal en een voorbeeldrij om te overschrijven:',
  fileLabel: 'CSV-bestand',
  fileHint:
    'UTF-8, met komma’s of puntkomma’s tussen de velden; de rij met HXL-hashtags mag er zijn of niet.',
  check: 'Het bestand controleren',
  problemsHeading: 'Dit bestand kan nog niet worden geïmporteerd',
  problemsIntro:
    'Er is niets gepubliceerd. Verbeter dit in de spreadsheet, sla hem op als CSV (UTF-8) en upload hem opnieuw.',
  row: 'Rij',
  rows: 'Rijen',
  column: 'Kolom',
  problem: 'Probleem',
  place: 'Plaats',
  observed: 'Waargenomen',
  figures: 'Cijfers',
  wholeFile: 'het hele bestand',
  checkHeading: 'Controleren voor publicatie',
  checkIntro: (count) =>
    `${count === 1 ? 'Eén melding wordt' : `${count} meldingen worden`} gepubliceerd, alle tegelijk. Er is nog niets gepubliceerd.`,
  reportsCaption: 'Te publiceren meldingen',
  alreadyCaption: 'Al gepubliceerd',
  alreadyIntro: 'Deze rijen noemen meldingen die al zo gepubliceerd zijn: ze blijven zoals ze zijn.',
  warningsCaption: 'Kijk nog eens',
  confirm: (rows) => `Ik heb ${rows} gecontroleerd, en de cijfers kloppen`,
  publish: 'Alles publiceren',
  publishedHeading: (count) => (count === 1 ? 'Eén melding gepubliceerd' : `${count} meldingen gepubliceerd`),
  importedBefore: (when) =>
    `Deze meldingen zijn eerder geïmporteerd, op ${when}: er is niets opnieuw opgeslagen. Het zijn:`,
  nothingNew: 'Elke melding in dit bestand is al gepubliceerd: er is niets opgeslagen.',
  another: 'Nog een bestand importeren',
  tooLarge: (megabytes) =>
    `Dit bestand is groter dan ${megabytes} MB. Verdeel het over bestanden van hoogstens 100 meldingen.`,
  noFile: 'Kies een CSV-bestand om te uploaden.',
  table: (p) => {
    switch (p.kind) {
      case 'encoding':
        return p.found === 'utf-16'
          ? 'Dit bestand is UTF-16 ("Unicode-tekst"). Sla het op als "CSV UTF-8 (door komma’s gescheiden)" en upload het opnieuw.'
          : 'Dit bestand is geen UTF-8. Sla het op als "CSV UTF-8 (door komma’s gescheiden)" en upload het opnieuw.';
      case 'empty':
        return 'Dit bestand heeft geen meldingen: het heeft een rij kolomnamen nodig, en dan een rij per cijfer.';
      case 'unclosedQuote':
        return `Een cel tussen aanhalingstekens op rij ${p.row} wordt nooit gesloten: voeg het sluitende aanhalingsteken (") toe.`;
      case 'unknownColumn':
        return `"${p.column}" is geen kolom van meldingen${p.suggestions.length ? `; bedoelt u ${p.suggestions.map((s) => `"${s}"`).join(' of ')}?` : ''}. Geef hem een andere naam, of verwijder hem.`;
      case 'duplicateColumn':
        return `De kolom "${p.column}" staat er twee keer: houd er één.`;
      case 'missingColumn':
        return `De kolom "${p.column}" ontbreekt: elke melding heeft hem nodig.`;
      case 'tooManyReports':
        return `Dit bestand bevat ${p.count} meldingen; er worden er hoogstens ${p.limit} tegelijk geïmporteerd. Verdeel het.`;
      case 'formula':
        return 'Deze cel begint als een formule (=, +, - of @): schrijf de tekst zonder, of zet er een apostrof voor.';
      case 'differs':
        return `Dit verschilt van rij ${p.firstRow}, die dezelfde melding noemt: een melding heeft hier één waarde. Laat het leeg, of schrijf hetzelfde.`;
      case 'ambiguousDate':
        return `"${p.written}" kan ${formatPartialDate(p.dayFirst, 'nl')} zijn (dag eerst) of ${formatPartialDate(p.monthFirst, 'nl')} (maand eerst), en de kolomnamen van dit bestand zeggen niet welke (Nederlandse of Oekraïense zeggen dag eerst). Schrijf de datum met het jaar eerst: ${p.dayFirst} of ${p.monthFirst} (in een spreadsheet in een cel met de opmaak tekst, zodat hij blijft zoals geschreven).`;
    }
  },
  changesPublished: (report) =>
    `Deze rij verandert melding ${report}, die al gepubliceerd is. Een gepubliceerde melding verandert alleen door een correctie: corrigeer hem op zijn pagina, of haal zijn Report-id weg om een nieuwe melding te publiceren.`,
};

const reports = (n: number) => ukrainianCount(n, ['звіт', 'звіти', 'звітів']);

const ukrainian: ImportWords = {
  link: 'Імпортувати таблицю',
  heading: 'Імпортувати таблицю',
  intro:
    'Завантажте файл CSV, у якому до 100 звітів: один рядок на цифру, у стовпцях експорту (експортований файл можна відредагувати й імпортувати назад). Кожен рядок перевіряється, і нічого не публікується, доки ви не побачите проблеми й попередження кожного рядка.',
  columnsIntro:
    'Кожному звіту потрібні Place slug, Indicator, Observed, Verification, Source, Source kind, Source language, Summary і Summary language; кожній цифрі — її Value і Qualifier або її State. Для кількості можна вказати Basis (total або period), для діапазону — High (тоді Value — нижня межа), а для наростального підсумку — з якого часу рахують, у Since. Рядки з однаковим Report — один звіт; рядок без нього — окремий звіт.',
  writtenIntro:
    'Стовпці можна називати англійською, нідерландською або українською. Дати можна писати 2026-12-05, 5-12-2026, 05.12.2026 або 5/12/2026 (спершу день), як місяць (12-2026 або 2026-12) або як рік. У файлі з англійськими назвами стовпців дату, у якій день може бути місяцем (05/12/2026), не прийнято: напишіть її, почавши з року, 2026-12-05. Числа можна писати 12000, 12,000, 12.000 або 12 000.',
  templatesIntro:
    'Почніть із шаблону, з назвами стовпців вашою мовою і рядком-прикладом, який треба переписати:',
  fileLabel: 'Файл CSV',
  fileHint:
    'UTF-8, поля розділено комами або крапками з комою; рядок із хештегами HXL може бути, а може й не бути.',
  check: 'Перевірити файл',
  problemsHeading: 'Цей файл ще не можна імпортувати',
  problemsIntro:
    'Нічого не опубліковано. Виправте це в таблиці, збережіть її як CSV (UTF-8) і завантажте знову.',
  row: 'Рядок',
  rows: 'Рядки',
  column: 'Стовпець',
  problem: 'Проблема',
  place: 'Населений пункт',
  observed: 'Дата спостереження',
  figures: 'Цифри',
  wholeFile: 'увесь файл',
  checkHeading: 'Перевірте перед публікацією',
  checkIntro: (count) => `Буде опубліковано ${reports(count)}, усі одночасно. Нічого ще не опубліковано.`,
  reportsCaption: 'Звіти до публікації',
  alreadyCaption: 'Уже опубліковано',
  alreadyIntro: 'Ці рядки наводять звіти, які вже опубліковано саме так: вони залишаються без змін.',
  warningsCaption: 'Перевірте ще раз',
  confirm: (rows) => `Я перевірив(-ла): ${rows}; цифри правильні`,
  publish: 'Опублікувати все',
  publishedHeading: (count) => `Опубліковано ${reports(count)}`,
  importedBefore: (when) => `Ці звіти вже імпортували раніше, ${when}: нічого не збережено вдруге. Ось вони:`,
  nothingNew: 'Усі звіти в цьому файлі вже опубліковано: нічого не збережено.',
  another: 'Імпортувати інший файл',
  tooLarge: (megabytes) =>
    `Цей файл більший за ${megabytes} МБ. Розділіть його на файли, у кожному з яких щонайбільше 100 звітів.`,
  noFile: 'Виберіть файл CSV для завантаження.',
  table: (p) => {
    switch (p.kind) {
      case 'encoding':
        return p.found === 'utf-16'
          ? 'Цей файл у кодуванні UTF-16 ("текст Юнікод"). Збережіть його як "CSV UTF-8 (розділювач — кома)" і завантажте знову.'
          : 'Цей файл не в кодуванні UTF-8. Збережіть його як "CSV UTF-8 (розділювач — кома)" і завантажте знову.';
      case 'empty':
        return 'У цьому файлі немає звітів: потрібен рядок із назвами стовпців, а потім по рядку на кожну цифру.';
      case 'unclosedQuote':
        return `Клітинку в лапках, відкриту в рядку ${p.row}, ніде не закрито: додайте закривальні лапки (").`;
      case 'unknownColumn':
        return `"${p.column}" — не стовпець звітів${p.suggestions.length ? `; можливо, ви мали на увазі ${p.suggestions.map((s) => `"${s}"`).join(' чи ')}?` : ''}. Перейменуйте або видаліть його.`;
      case 'duplicateColumn':
        return `Стовпець "${p.column}" є двічі: залиште один.`;
      case 'missingColumn':
        return `Немає стовпця "${p.column}": він потрібен кожному звіту.`;
      case 'tooManyReports':
        return `У цьому файлі ${reports(p.count)}; за один раз імпортується щонайбільше ${p.limit}. Розділіть його.`;
      case 'formula':
        return 'Ця клітинка починається як формула таблиці (=, +, - або @): напишіть текст без цього знака або поставте на початку апостроф.';
      case 'differs':
        return `Це відрізняється від рядка ${p.firstRow}, який наводить той самий звіт: у звіту тут одне значення. Залиште клітинку порожньою або напишіть те саме.`;
      case 'ambiguousDate':
        return `"${p.written}" може бути ${formatPartialDate(p.dayFirst, 'uk')} (спершу день) або ${formatPartialDate(p.monthFirst, 'uk')} (спершу місяць), а назви стовпців цього файлу не кажуть, що саме (нідерландські чи українські означають «спершу день»). Напишіть дату, почавши з року: ${p.dayFirst} або ${p.monthFirst} (у таблиці — у клітинці з текстовим форматом, щоб вона лишилася так, як написано).`;
    }
  },
  changesPublished: (report) =>
    `Цей рядок змінює звіт ${report}, який уже опубліковано. Опублікований звіт змінюється лише виправленням: виправте його на його сторінці або приберіть його Report id, щоб опублікувати новий звіт.`,
};

export const importWords: Record<Language, ImportWords> = { en: english, nl: dutch, uk: ukrainian };

/** Each language a template is offered in, by its own name, as every reader looks for it. */
export const templateLanguageNames: Record<ImportLanguage, string> = {
  en: 'English',
  nl: 'Nederlands',
  uk: 'Українська',
};

/** What a problem of an import means and what to do instead, in `language`. */
export function importProblemText(problem: ImportProblem, language: Language): string {
  const words = importWords[language];
  switch (problem.kind) {
    case 'table':
      return words.table(problem.problem);
    case 'field':
      return deskIssueText(problem.issue, language);
    case 'changesPublished':
      return words.changesPublished(problem.report);
  }
}
