// What each broken rule of an input means, and what to write instead, in every language
// the service speaks: the `detail` of each entry of a problem's `errors`, in the language
// of the request's Accept-Language. The rules themselves stay as they are (`rule` is for
// programs); only these words change with the reader.

import type { Language } from '../domain/languages.ts';
import type { IssueWords, ValidationIssue } from '../problems.ts';
import { ukrainianCount } from './messages.ts';
import { warningDetail } from './warnings.ts';

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`);

function list(values: readonly string[], or: string): string {
  const q = quoted(values);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${or} ${q.at(-1)}`;
}

/** The rules the model states in words of its own, with their Dutch. */
const dutchRules: Record<string, string> = {
  'must not contain control characters other than tab and newline':
    'mag geen stuurtekens bevatten behalve tab en nieuwe regel',
  'must be well-formed Unicode (no lone surrogates)': 'moet geldige Unicode zijn (geen losse surrogaten)',
  'must include an English name ("en")': 'moet een Engelse naam hebben ("en")',
  'must not name the same indicator twice': 'mag dezelfde indicator niet twee keer noemen',
  'must be words of summary.original.text exactly as they stand there':
    'moet letterlijk in summary.original.text staan, precies zoals het daar staat',
  'must be a well-formed BCP 47 language tag': 'moet een geldige BCP 47-taalcode zijn, zoals "nl"',
  'must be a BCP 47 language tag such as "nl"': 'moet een BCP 47-taalcode zijn, zoals "nl"',
  'must be 1-64 characters of a-z, 0-9 and -': 'moet 1 tot 64 tekens a-z, 0-9 en - zijn',
  'must be a report id (26-character ULID)': 'moet een melding-id zijn (een ULID van 26 tekens)',
  'must be YYYY, YYYY-MM or YYYY-MM-DD': 'moet JJJJ, JJJJ-MM of JJJJ-MM-DD zijn',
  'must name a real calendar date': 'moet een bestaande datum zijn',
  'must be an ISO 3166-1 alpha-2 code': 'moet een ISO 3166-1 alpha-2-code zijn, zoals "UA"',
  'must be a p-code such as "UA14"': 'moet een p-code zijn, zoals "UA14"',
  'must contain a visible character': 'moet een zichtbaar teken bevatten',
  'must not contain bidi embedding, override or isolate characters (U+202A-U+202E, U+2066-U+2069)':
    'mag geen tekens voor schrijfrichting bevatten (U+202A-U+202E, U+2066-U+2069)',
  'must be a whole number': 'moet een geheel getal zijn',
  'must be YYYY-MM-DD or an RFC 3339 date-time': 'moet JJJJ-MM-DD of een RFC 3339-tijd zijn',
  'since must not be after until': 'since mag niet na until liggen',
};

const englishTypes: Record<string, string> = {
  number: 'a number, without quotes or thousands separators (12000)',
  int: 'a whole number, without quotes or thousands separators (12000)',
  string: 'text in double quotes',
  object: 'an object, in { }',
  array: 'a list, in [ ]',
  boolean: 'true or false',
};

const dutchTypes: Record<string, string> = {
  number: 'een getal, zonder aanhalingstekens of scheidingstekens voor duizendtallen (12000)',
  int: 'een geheel getal, zonder aanhalingstekens of scheidingstekens voor duizendtallen (12000)',
  string: 'tekst tussen dubbele aanhalingstekens',
  object: 'een object, tussen { }',
  array: 'een lijst, tussen [ ]',
  boolean: 'true of false',
};

const englishFormats: Record<string, string> = {
  url: 'a web address starting with http:// or https://',
  datetime: 'a UTC time such as 2024-03-15T12:00:00.000Z',
  date: 'a date such as 2024-03-15',
};

const dutchFormats: Record<string, string> = {
  url: 'een webadres dat begint met http:// of https://',
  datetime: 'een UTC-tijd zoals 2024-03-15T12:00:00.000Z',
  date: 'een datum zoals 2024-03-15',
};

function english(words: IssueWords): string {
  switch (words.kind) {
    case 'required':
      return 'This field is required: write a value for it.';
    case 'type':
      return `Write ${englishTypes[words.expected] ?? words.expected}.`;
    case 'length':
      return `Write ${words.bound === 'min' ? 'at least' : 'at most'} ${words.limit} ${words.unit === 'items' ? (words.limit === 1 ? 'item' : 'items') : words.limit === 1 ? 'character' : 'characters'}.`;
    case 'range':
      return `Write a number ${words.bound === 'min' ? 'of at least' : 'of at most'} ${words.limit}.`;
    case 'oneOf':
      return `Write one of ${list(words.options, 'or')}.`;
    case 'format':
      return `Write ${englishFormats[words.format] ?? `a valid ${words.format}`}.`;
    case 'shape':
      return 'This has none of the shapes allowed here: see the schema at /api/v1/openapi.json.';
    case 'unknownField':
      return `"${words.field}" is not a field here: leave it out${words.suggestions?.length ? `, or write ${list(words.suggestions, 'or')}` : ''}.`;
    case 'unknownIndicator':
      return `${words.written === undefined ? 'An indicator is required.' : `"${words.written}" is not an indicator.`}${words.suggestions.length ? ` Did you mean ${list(words.suggestions, 'or')}?` : ''} GET /api/v1/indicators lists them.`;
    case 'unknownPlace':
      return `No place with slug "${words.written}"${words.suggestions.length ? `; did you mean ${list(words.suggestions, 'or')}?` : '.'} Write the slug of a place, as in /places/{slug}.`;
    case 'future':
      return `${words.date} is after today: write the date the conditions held, which cannot be in the future.`;
    case 'sinceAfterObserved':
      return `A state cannot hold since ${words.since} when it was observed in ${words.observed}: write a "since" date no later than the observed date.`;
    case 'sameLanguage':
      return `This names the same language as "${words.first}": write each language once.`;
    case 'roundedNumber':
      return `${words.written} cannot be kept exactly as written: it would be read as ${words.read}. Write the whole number itself.`;
    case 'warning':
      return `${warningDetail(words.warning, 'en')}.`;
    case 'rule':
      return `This ${words.message}.`;
  }
}

function dutch(words: IssueWords): string {
  switch (words.kind) {
    case 'required':
      return 'Dit veld is verplicht: vul een waarde in.';
    case 'type':
      return `Schrijf ${dutchTypes[words.expected] ?? words.expected}.`;
    case 'length':
      return `Schrijf ${words.bound === 'min' ? 'ten minste' : 'hoogstens'} ${words.limit} ${words.unit === 'items' ? (words.limit === 1 ? 'onderdeel' : 'onderdelen') : words.limit === 1 ? 'teken' : 'tekens'}.`;
    case 'range':
      return `Schrijf een getal van ${words.bound === 'min' ? 'ten minste' : 'hoogstens'} ${words.limit}.`;
    case 'oneOf':
      return `Schrijf een van ${list(words.options, 'of')}.`;
    case 'format':
      return `Schrijf ${dutchFormats[words.format] ?? `een geldige ${words.format}`}.`;
    case 'shape':
      return 'Dit heeft geen van de vormen die hier mogen: zie het schema in /api/v1/openapi.json.';
    case 'unknownField':
      return `"${words.field}" is hier geen veld: laat het weg${words.suggestions?.length ? `, of schrijf ${list(words.suggestions, 'of')}` : ''}.`;
    case 'unknownIndicator':
      return `${words.written === undefined ? 'Een indicator is verplicht.' : `"${words.written}" is geen indicator.`}${words.suggestions.length ? ` Bedoelt u ${list(words.suggestions, 'of')}?` : ''} GET /api/v1/indicators geeft ze alle.`;
    case 'unknownPlace':
      return `Geen plaats met slug "${words.written}"${words.suggestions.length ? `; bedoelt u ${list(words.suggestions, 'of')}?` : '.'} Schrijf de slug van een plaats, zoals in /places/{slug}.`;
    case 'future':
      return `${words.date} ligt na vandaag: schrijf de datum waarop de situatie zo was; die kan niet in de toekomst liggen.`;
    case 'sinceAfterObserved':
      return `Een toestand kan niet gelden sinds ${words.since} als hij in ${words.observed} is waargenomen: schrijf een "since"-datum die niet later is dan de waarneming.`;
    case 'sameLanguage':
      return `Dit noemt dezelfde taal als "${words.first}": schrijf elke taal één keer.`;
    case 'roundedNumber':
      return `${words.written} kan niet precies zo bewaard worden: het zou gelezen worden als ${words.read}. Schrijf het gehele getal zelf.`;
    case 'warning':
      return `${warningDetail(words.warning, 'nl')}.`;
    case 'rule': {
      const rule = dutchRules[words.message];
      return rule ? `Dit ${rule}.` : `Dit veld voldoet niet aan de regel: ${words.message}.`;
    }
  }
}

/** The same rules in Ukrainian: a test holds that it has every rule Dutch has. */
const ukrainianRules: Record<string, string> = {
  'must not contain control characters other than tab and newline':
    'не може містити керівних символів, крім табуляції та нового рядка',
  'must be well-formed Unicode (no lone surrogates)': 'має бути коректним Юнікодом (без одиночних сурогатів)',
  'must include an English name ("en")': 'має містити англійську назву ("en")',
  'must not name the same indicator twice': 'не може називати той самий показник двічі',
  'must be words of summary.original.text exactly as they stand there':
    'має бути словами з summary.original.text — дослівно так, як вони там стоять',
  'must be a well-formed BCP 47 language tag': 'має бути коректним кодом мови BCP 47, наприклад "uk"',
  'must be a BCP 47 language tag such as "nl"': 'має бути кодом мови BCP 47, наприклад "uk"',
  'must be 1-64 characters of a-z, 0-9 and -': 'має складатися з 1–64 символів a-z, 0-9 і -',
  'must be a report id (26-character ULID)': 'має бути ідентифікатором звіту (ULID із 26 символів)',
  'must be YYYY, YYYY-MM or YYYY-MM-DD': 'має мати вигляд РРРР, РРРР-ММ або РРРР-ММ-ДД',
  'must name a real calendar date': 'має бути справжньою календарною датою',
  'must be an ISO 3166-1 alpha-2 code': 'має бути кодом ISO 3166-1 alpha-2, наприклад "UA"',
  'must be a p-code such as "UA14"': 'має бути P-кодом, наприклад "UA14"',
  'must contain a visible character': 'має містити хоча б один видимий символ',
  'must not contain bidi embedding, override or isolate characters (U+202A-U+202E, U+2066-U+2069)':
    'не може містити символів керування напрямком письма (U+202A-U+202E, U+2066-U+2069)',
  'must be a whole number': 'має бути цілим числом',
  'must be YYYY-MM-DD or an RFC 3339 date-time': 'має мати вигляд РРРР-ММ-ДД або бути часом RFC 3339',
  'since must not be after until': 'since не може бути пізніше за until',
};

const ukrainianTypes: Record<string, string> = {
  number: 'число, без лапок і без розділювачів тисяч (12000)',
  int: 'ціле число, без лапок і без розділювачів тисяч (12000)',
  string: 'текст у подвійних лапках',
  object: "об'єкт у { }",
  array: 'список у [ ]',
  boolean: 'true або false',
};

const ukrainianFormats: Record<string, string> = {
  url: 'вебадресу, що починається з http:// або https://',
  datetime: 'час UTC, наприклад 2024-03-15T12:00:00.000Z',
  date: 'дату, наприклад 2024-03-15',
};

function ukrainian(words: IssueWords): string {
  switch (words.kind) {
    case 'required':
      return 'Це поле обовʼязкове: впишіть значення.';
    case 'type':
      return `Напишіть ${ukrainianTypes[words.expected] ?? words.expected}.`;
    case 'length': {
      const forms =
        words.unit === 'items'
          ? (['елемент', 'елементи', 'елементів'] as const)
          : (['символ', 'символи', 'символів'] as const);
      return `Напишіть ${words.bound === 'min' ? 'щонайменше' : 'щонайбільше'} ${ukrainianCount(words.limit, forms)}.`;
    }
    case 'range':
      return `Напишіть число, ${words.bound === 'min' ? 'не менше' : 'не більше'} за ${words.limit}.`;
    case 'oneOf':
      return `Напишіть одне з: ${list(words.options, 'або')}.`;
    case 'format':
      return `Напишіть ${ukrainianFormats[words.format] ?? `коректне значення ${words.format}`}.`;
    case 'shape':
      return 'Це не має жодної з форм, дозволених тут: див. схему в /api/v1/openapi.json.';
    case 'unknownField':
      return `"${words.field}" — тут не поле: вилучіть його${words.suggestions?.length ? ` або напишіть ${list(words.suggestions, 'чи')}` : ''}.`;
    case 'unknownIndicator':
      return `${words.written === undefined ? 'Потрібно вказати показник.' : `"${words.written}" — не показник.`}${words.suggestions.length ? ` Можливо, ви мали на увазі ${list(words.suggestions, 'чи')}?` : ''} Усі показники: GET /api/v1/indicators.`;
    case 'unknownPlace':
      return `Немає населеного пункту зі слагом "${words.written}"${words.suggestions.length ? `; можливо, ви мали на увазі ${list(words.suggestions, 'чи')}?` : '.'} Напишіть слаг населеного пункту, як у /places/{slug}.`;
    case 'future':
      return `${words.date} — пізніше, ніж сьогодні: напишіть дату, коли тривала ця ситуація; вона не може бути в майбутньому.`;
    case 'sinceAfterObserved':
      return `Стан не може тривати з ${words.since}, якщо його спостерігали ${words.observed}: напишіть дату "since", не пізнішу за дату спостереження.`;
    case 'sameLanguage':
      return `Тут названо ту саму мову, що й "${words.first}": напишіть кожну мову один раз.`;
    case 'roundedNumber':
      return `${words.written} не можна зберегти точно так, як написано: це число прочитали б як ${words.read}. Напишіть саме ціле число.`;
    case 'warning':
      return `${warningDetail(words.warning, 'uk')}.`;
    case 'rule': {
      const rule = ukrainianRules[words.message];
      return rule ? `Це поле ${rule}.` : `Це поле не відповідає правилу: ${words.message}.`;
    }
  }
}

const inLanguage: Record<Language, (words: IssueWords) => string> = {
  en: english,
  nl: dutch,
  uk: ukrainian,
};

/** What a broken rule means and what to write instead, in `language`. */
export function issueDetail(words: IssueWords, language: Language): string {
  return inLanguage[language](words);
}

/** An issue's detail in `language`: from its rule as data, or as written when it has none. */
export function issueText(issue: ValidationIssue, language: Language): string {
  return issue.words ? issueDetail(issue.words, language) : issue.detail;
}

/** The rules with words of their own, per language, for the test that each has every language. */
export const translatedRules: Readonly<Record<Exclude<Language, 'en'>, readonly string[]>> = {
  nl: Object.keys(dutchRules),
  uk: Object.keys(ukrainianRules),
};
