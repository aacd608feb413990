// What each problem and warning means at the desk, in the terms of what the writer typed or
// chose, in every language the desk speaks. The API words a problem for programs and JSON
// (src/words/validation.ts): codes to write, pointers, "12.000 is 12 in JSON". The desk
// reads numbers as people write them and offers lists, so where those words would mislead
// a reporter it has its own; elsewhere it says what the API says. The problems only a
// form has (a name that several places share, two languages for one field) are here too.

import { type Language, ownNames, type SourceLanguage } from '../../domain/languages.ts';
import type { Warning } from '../../domain/plausibility.ts';
import type { IssueWords, ValidationIssue } from '../../problems.ts';
import { issueDetail } from '../../words/validation.ts';
import { warningFinding } from '../../words/warnings.ts';
import type { KnownPlace } from './place-field.ts';

/** A problem the desk's form finds itself, before the rules of a report are applied. */
export type FormProblemWords =
  | { kind: 'severalPlaces'; written: string; places: readonly KnownPlace[] }
  | { kind: 'noPlace'; written: string; nearest: readonly KnownPlace[] }
  | { kind: 'twoLanguages'; chosen: SourceLanguage; written: string };

export interface FormProblem {
  /** The field it is shown beside. */
  field: string;
  /** Where in the report the form builds, when the rules would find a problem there too: theirs is not shown. */
  pointer?: string;
  words: FormProblemWords;
}

interface ProblemWords {
  or: string;
  /** A list left on "Choose…". */
  choose: string;
  number: string;
  /** A value of a shape no field of the desk's can hold. */
  unreadable: string;
  chooseLanguage: string;
  languageCode: string;
  date: string;
  rangeHigh: string;
  rangeQualifier: string;
  periodSince: string;
  quoteInOriginal: string;
  countryCode: string;
  englishName: string;
  /** What to look at in a number far from the current one. */
  numberHint: string;
  unknownIndicator: (written: string | undefined, suggestions: string) => string;
  unknownPlace: (written: string, suggestions: string) => string;
  sinceAfterObserved: (since: string, observed: string) => string;
  severalPlaces: (written: string, places: string) => string;
  noPlace: (written: string, nearest: string) => string;
  twoLanguages: (chosen: string, written: string) => string;
}

const en: ProblemWords = {
  or: 'or',
  choose: 'Choose one from the list.',
  number: 'Write a number, in digits.',
  unreadable: 'This cannot be read as it is written: write it as the hint says.',
  chooseLanguage:
    'Choose a language from the list; for one it does not have, choose “Other language” and write its code.',
  languageCode: 'Write a language’s code, such as "hu" for Hungarian or "crh" for Crimean Tatar.',
  date: 'Write a year, a month or a day: 2022, 2022-09 or 2022-09-15.',
  rangeHigh: 'This must be more than the number: the number is the low end of the range.',
  rangeQualifier:
    'For a range, choose “exactly” or “about” for how the source put it: its two ends already say at least and at most.',
  periodSince:
    'Leave this empty for a count of the observed period only: a start belongs to a running total.',
  quoteInOriginal: 'The quote must be words of the original text, exactly as they stand there.',
  countryCode: 'Write the country’s two-letter code, such as "UA".',
  englishName: 'Write the place’s name in English: it is the one name every place must have.',
  numberHint: 'check it against the source (12.000 and 12,000 are both read as twelve thousand here)',
  unknownIndicator: (written, suggestions) =>
    `${written === undefined ? 'An indicator is required.' : `"${written}" is not an indicator.`}${suggestions ? ` Did you mean ${suggestions}?` : ''}`,
  unknownPlace: (written, suggestions) =>
    `No place is called "${written}"${suggestions ? `; did you mean ${suggestions}?` : '.'}`,
  sinceAfterObserved: (since, observed) =>
    `A state cannot hold since ${since} when it was observed in ${observed}: write a date no later than the observed date.`,
  severalPlaces: (written, places) =>
    `"${written}" is the name of more than one place: ${places}. Write the slug of the one you mean.`,
  noPlace: (written, nearest) =>
    `No place is called "${written}"${nearest ? `; did you mean ${nearest}?` : '.'} Type one of its names, or pick it from the list.`,
  twoLanguages: (chosen, written) =>
    `${chosen} is chosen in the list and "${written}" is written here: empty this field, or choose “Other language” in the list.`,
};

const nl: ProblemWords = {
  or: 'of',
  choose: 'Kies er een uit de lijst.',
  number: 'Schrijf een getal, in cijfers.',
  unreadable: 'Dit is zo niet te lezen: schrijf het zoals de uitleg bij het veld zegt.',
  chooseLanguage:
    'Kies een taal uit de lijst; staat ze er niet in, kies dan “Andere taal” en schrijf haar code.',
  languageCode: 'Schrijf de code van een taal, zoals "hu" voor Hongaars of "crh" voor Krim-Tataars.',
  date: 'Schrijf een jaar, maand of dag: 2022, 2022-09 of 2022-09-15.',
  rangeHigh: 'Dit moet meer zijn dan het getal: het getal is de ondergrens van het bereik.',
  rangeQualifier:
    'Kies bij een bereik “precies” of “ongeveer” voor hoe de bron het zei: de twee grenzen zeggen al ten minste en hoogstens.',
  periodSince:
    'Laat dit leeg bij een telling van alleen de waargenomen periode: een begin hoort bij een lopend totaal.',
  quoteInOriginal:
    'Het citaat moet letterlijk in de oorspronkelijke tekst staan, precies zoals het daar staat.',
  countryCode: 'Schrijf de landcode van twee letters, zoals "UA".',
  englishName: 'Schrijf de naam van de plaats in het Engels: die naam moet elke plaats hebben.',
  numberHint: 'vergelijk het met de bron (12.000 en 12,000 zijn hier allebei twaalfduizend)',
  unknownIndicator: (written, suggestions) =>
    `${written === undefined ? 'Een indicator is verplicht.' : `"${written}" is geen indicator.`}${suggestions ? ` Bedoelt u ${suggestions}?` : ''}`,
  unknownPlace: (written, suggestions) =>
    `Geen plaats heet "${written}"${suggestions ? `; bedoelt u ${suggestions}?` : '.'}`,
  sinceAfterObserved: (since, observed) =>
    `Een toestand kan niet gelden sinds ${since} als hij in ${observed} is waargenomen: schrijf een datum die niet later is dan de waarneming.`,
  severalPlaces: (written, places) =>
    `"${written}" is de naam van meer dan één plaats: ${places}. Schrijf de slug van de plaats die u bedoelt.`,
  noPlace: (written, nearest) =>
    `Geen plaats heet "${written}"${nearest ? `; bedoelt u ${nearest}?` : '.'} Typ een van haar namen, of kies haar uit de lijst.`,
  twoLanguages: (chosen, written) =>
    `In de lijst is ${chosen} gekozen en hier staat "${written}": maak dit veld leeg, of kies “Andere taal” in de lijst.`,
};

const uk: ProblemWords = {
  or: 'або',
  choose: 'Виберіть одне зі списку.',
  number: 'Напишіть число цифрами.',
  unreadable: 'Так це не прочитати: напишіть, як підказує пояснення до поля.',
  chooseLanguage: 'Виберіть мову зі списку; якщо її там немає, виберіть «Інша мова» і напишіть її код.',
  languageCode: 'Напишіть код мови, наприклад "hu" для угорської або "crh" для кримськотатарської.',
  date: 'Напишіть рік, місяць або день: 2022, 2022-09 або 2022-09-15.',
  rangeHigh: 'Це має бути більше за число: число — нижня межа діапазону.',
  rangeQualifier:
    'Для діапазону виберіть «точно» або «близько», як сказало джерело: дві межі вже означають щонайменше і щонайбільше.',
  periodSince:
    'Залиште це поле порожнім для підрахунку лише за період спостереження: початок буває лише в загального підсумку.',
  quoteInOriginal: 'Цитата має бути словами оригінального тексту, точно такими, як там написано.',
  countryCode: 'Напишіть дволітерний код країни, наприклад "UA".',
  englishName: 'Напишіть назву місця англійською: цю назву повинне мати кожне місце.',
  numberHint: 'звірте з джерелом (12.000 і 12,000 тут обидва читаються як дванадцять тисяч)',
  unknownIndicator: (written, suggestions) =>
    `${written === undefined ? 'Потрібен показник.' : `"${written}" — не показник.`}${suggestions ? ` Можливо, ви мали на увазі ${suggestions}?` : ''}`,
  unknownPlace: (written, suggestions) =>
    `Немає місця з назвою "${written}"${suggestions ? `; можливо, ви мали на увазі ${suggestions}?` : '.'}`,
  sinceAfterObserved: (since, observed) =>
    `Стан не може тривати з ${since}, якщо його спостерігали в ${observed}: напишіть дату, не пізнішу за дату спостереження.`,
  severalPlaces: (written, places) =>
    `"${written}" — назва кількох місць: ${places}. Напишіть slug того, яке ви маєте на увазі.`,
  noPlace: (written, nearest) =>
    `Немає місця з назвою "${written}"${nearest ? `; можливо, ви мали на увазі ${nearest}?` : '.'} Введіть одну з його назв або виберіть його зі списку.`,
  twoLanguages: (chosen, written) =>
    `У списку вибрано ${chosen}, а тут написано "${written}": очистьте це поле або виберіть «Інша мова» у списку.`,
};

const problemWords: Record<Language, ProblemWords> = { en, nl, uk };

/** "a", "b" or "c". */
function list(values: readonly string[], or: string): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${or} ${quoted.at(-1)}`;
}

/** A place as a writer tells it from others of its name: "Mykolaivka, Donetsk Oblast (mykolaivka-donetsk)". */
function placeWords(places: readonly KnownPlace[], or: string): string {
  const each = places.map((p) => `${[p.title, p.area].filter(Boolean).join(', ')} (${p.slug})`);
  return each.length <= 1 ? each.join('') : `${each.slice(0, -1).join('; ')} ${or} ${each.at(-1)}`;
}

/** The rules the model states in words of its own that the desk says otherwise, by their words. */
const deskRules: Record<string, (w: ProblemWords, choice: boolean) => string> = {
  'must be a BCP 47 language tag such as "nl"': (w, choice) => (choice ? w.chooseLanguage : w.languageCode),
  'must be a well-formed BCP 47 language tag': (w, choice) => (choice ? w.chooseLanguage : w.languageCode),
  'must be YYYY, YYYY-MM or YYYY-MM-DD': (w) => w.date,
  'must be above value, the low bound of the range': (w) => w.rangeHigh,
  'must be "exact" or "approximately" for a range: its bounds already say at least and at most': (w) =>
    w.rangeQualifier,
  'must be left out of a count for the observed period: since belongs to a running total': (w) =>
    w.periodSince,
  'must be words of summary.original.text exactly as they stand there': (w) => w.quoteInOriginal,
  'must be an ISO 3166-1 alpha-2 code': (w) => w.countryCode,
  'must include an English name ("en")': (w) => w.englishName,
};

/** The rules the desk words itself, for the test that the model still states each so. */
export const deskRuleMessages: readonly string[] = Object.keys(deskRules);

/** What a warning found at the desk, and what to look at, in `language`. */
export function deskWarningDetail(warning: Warning, language: Language): string {
  const finding = warningFinding(warning, language);
  return warning.code === 'far-from-current' ? `${finding}; ${problemWords[language].numberHint}` : finding;
}

/**
 * What a broken rule means at the desk, in `language`; `choice` when the field is a list to
 * choose from, where a value left out or not allowed is one not chosen.
 */
export function deskIssueDetail(words: IssueWords, language: Language, choice = false): string {
  const w = problemWords[language];
  switch (words.kind) {
    case 'required':
    case 'oneOf':
      return choice ? w.choose : issueDetail(words, language);
    case 'type':
      return words.expected === 'number' ? w.number : w.unreadable;
    case 'shape':
      return w.unreadable;
    case 'unknownIndicator':
      return w.unknownIndicator(words.written, list(words.suggestions, w.or));
    case 'unknownPlace':
      return w.unknownPlace(words.written, list(words.suggestions, w.or));
    case 'sinceAfterObserved':
      return w.sinceAfterObserved(words.since, words.observed);
    case 'warning':
      return `${deskWarningDetail(words.warning, language)}.`;
    case 'rule':
      return deskRules[words.message]?.(w, choice) ?? issueDetail(words, language);
    case 'length':
    case 'range':
    case 'format':
    case 'unknownField':
    case 'future':
    case 'sameLanguage':
    case 'roundedNumber':
      return issueDetail(words, language);
  }
}

/** An issue's words at the desk: from its rule as data, or as written when it has none. */
export function deskIssueText(issue: ValidationIssue, language: Language, choice = false): string {
  return issue.words ? deskIssueDetail(issue.words, language, choice) : issue.detail;
}

/** A problem the form found itself, in `language`. */
export function formProblemText(words: FormProblemWords, language: Language): string {
  const w = problemWords[language];
  switch (words.kind) {
    case 'severalPlaces':
      return w.severalPlaces(words.written, placeWords(words.places, w.or));
    case 'noPlace':
      return w.noPlace(words.written, placeWords(words.nearest, w.or));
    case 'twoLanguages':
      return w.twoLanguages(ownNames[words.chosen], words.written);
  }
}
