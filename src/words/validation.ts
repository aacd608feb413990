// What each broken rule of an input means, and what to write instead, in every language
// the service speaks: the `detail` of each entry of a problem's `errors`, in the language
// of the request's Accept-Language. The rules themselves stay as they are (`rule` is for
// programs); only these words change with the reader.

import type { Language } from '../domain/languages.ts';
import type { IssueWords, ValidationIssue } from '../problems.ts';
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
  string: 'text in double quotes',
  object: 'an object, in { }',
  array: 'a list, in [ ]',
  boolean: 'true or false',
};

const dutchTypes: Record<string, string> = {
  number: 'een getal, zonder aanhalingstekens of scheidingstekens voor duizendtallen (12000)',
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
    case 'warning':
      return `${warningDetail(words.warning, 'nl')}.`;
    case 'rule': {
      const rule = dutchRules[words.message];
      return rule ? `Dit ${rule}.` : `Dit veld voldoet niet aan de regel: ${words.message}.`;
    }
  }
}

const inLanguage: Record<Language, (words: IssueWords) => string> = { en: english, nl: dutch };

/** What a broken rule means and what to write instead, in `language`. */
export function issueDetail(words: IssueWords, language: Language): string {
  return inLanguage[language](words);
}

/** An issue's detail in `language`: from its rule as data, or as written when it has none. */
export function issueText(issue: ValidationIssue, language: Language): string {
  return issue.words ? issueDetail(issue.words, language) : issue.detail;
}

/** The rules with words of their own, for the test that each has its Dutch. */
export const translatedRules: readonly string[] = Object.keys(dutchRules);
