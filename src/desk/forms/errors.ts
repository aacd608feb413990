// Where each problem of a report belongs in the desk's form: a JSON Pointer into the report
// the form built, turned into the name of the field that holds it, so that the form shows
// each problem beside its field, in the reader's language. Other forms of the desk (the
// place form) say where their problems belong and share the wording (errorsAt).

import type { Language } from '../../domain/languages.ts';
import type { ValidationIssue } from '../../problems.ts';
import { issueText } from '../../words/validation.ts';
import { reportFields as f, figureField } from './report-form-fields.ts';

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

/** Each problem's words, in `language`, by the field `fieldOf` says it belongs to. */
export function errorsAt(
  issues: readonly ValidationIssue[],
  fieldOf: (issue: ValidationIssue) => string,
  language: Language,
): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = fieldOf(issue);
    byField[field] = [...(byField[field] ?? []), issueText(issue, language)];
  }
  return byField;
}

/** Each problem of a report's form, in `language`, by the field it belongs to. */
export function errorsByField(
  issues: readonly ValidationIssue[],
  figures: readonly { indicator: string }[],
  language: Language,
): Record<string, string[]> {
  return errorsAt(issues, (issue) => fieldOf(issue.pointer, figures), language);
}
