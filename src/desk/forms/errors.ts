// Where each problem of a report belongs in the desk's form: a JSON Pointer into the report
// the form built, turned into the name of the field that holds it, so that the form shows
// each problem beside its field, in the reader's language and the desk's terms
// (src/desk/forms/words.ts). Other forms of the desk (the place form) say where their
// problems belong and share the wording (errorsAt).

import type { Language } from '../../domain/languages.ts';
import type { ValidationIssue } from '../../problems.ts';
import { languageFieldOf } from './language-field.ts';
import { languageFields } from './report-form.ts';
import { reportFields as f, figureField } from './report-form-fields.ts';
import { deskIssueText, type FormProblem, formProblemText } from './words.ts';

const topLevel: Record<string, string> = {
  '/place': f.place,
  '/observed': f.observed,
  '/summary/text': f.summaryText,
  '/summary/language': f.summaryLanguage,
  '/summary/original/text': f.originalText,
  '/summary/original/language': f.originalLanguage,
  '/source/name': f.sourceName,
  '/source/role': f.sourceRole,
  '/source/kind': f.sourceKind,
  '/source/language': f.sourceLanguage,
  '/source/url': f.sourceUrl,
  '/source/via': f.sourceVia,
  '/verification': f.verification,
  '/reason': f.reason,
};

const figurePart: Record<string, string> = {
  state: 'state',
  value: 'value',
  high: 'high',
  qualifier: 'qualifier',
  basis: 'basis',
  note: 'note',
  quote: 'quote',
  text: 'text',
  language: 'language',
  since: 'since',
  'since/date': 'since',
  'since/qualifier': 'sinceQualifier',
  'source/name': 'sourceName',
  'source/role': 'sourceRole',
  'source/kind': 'sourceKind',
};

/** The form field a pointer names, or '' for a problem of the whole report. */
function fieldOf(pointer: string, figures: readonly { indicator: string }[]): string {
  const direct = topLevel[pointer];
  if (direct) return direct;
  const figure = /^\/figures\/(\d+)(?:\/(.+))?$/.exec(pointer);
  const indicator = figure && figures[Number(figure[1])]?.indicator;
  if (!indicator) return '';
  const part = figure[2] ? figurePart[figure[2]] : undefined;
  return part ? figureField(indicator, part) : indicator;
}

/** The report form's lists to choose from, besides each figure's (`choiceParts`). */
const choiceFields: ReadonlySet<string> = new Set([f.sourceKind, f.verification, ...languageFields]);
const choiceParts: ReadonlySet<string> = new Set([
  'state',
  'qualifier',
  'sinceQualifier',
  'basis',
  'sourceKind',
  'language',
]);

/** Whether a field of the report form is a list, where a problem is one of what was chosen. */
function isChoice(field: string): boolean {
  const [, part] = field.split(/\.(.*)/);
  return choiceFields.has(field) || (part !== undefined && choiceParts.has(part));
}

/**
 * Each problem's words, in `language`, by the field `fieldOf` says it belongs to; `isChoice`
 * says which fields are lists to choose from.
 */
export function errorsAt(
  issues: readonly ValidationIssue[],
  fieldOf: (issue: ValidationIssue) => string,
  language: Language,
  choice: (field: string) => boolean = () => false,
): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = fieldOf(issue);
    byField[field] = [...(byField[field] ?? []), deskIssueText(issue, language, choice(field))];
  }
  return byField;
}

/**
 * Each problem of a report's form, in `language`, by the field it belongs to: the rules'
 * `issues`, and the `problems` the form found itself, which stand for the rules' at their
 * pointer. `values` are the form's, to tell a language chosen from one written as a code.
 */
export function errorsByField(
  issues: readonly ValidationIssue[],
  figures: readonly { indicator: string }[],
  language: Language,
  values: Record<string, string> = {},
  problems: readonly FormProblem[] = [],
): Record<string, string[]> {
  const explained = new Set(problems.map((p) => p.pointer));
  const placed = (issue: ValidationIssue) => {
    const field = fieldOf(issue.pointer, figures);
    return languageFields.includes(field) ? languageFieldOf(values, field) : field;
  };
  const byField = errorsAt(
    issues.filter((issue) => !explained.has(issue.pointer)),
    placed,
    language,
    isChoice,
  );
  for (const problem of problems) {
    byField[problem.field] = [...(byField[problem.field] ?? []), formProblemText(problem.words, language)];
  }
  return byField;
}
