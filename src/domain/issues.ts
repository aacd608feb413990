// Zod's issues as the service's validation issues: each field as a JSON Pointer, the rule it
// broke in a word or two, and the rule as data (`words`), from which its detail is worded
// in the reader's language when the problem is answered. An unknown indicator names the
// nearest of the registry. Pure; used by request validation and by the check of a
// corrected report.

import type { $ZodError, $ZodIssue } from 'zod/v4/core';
import { type IssueWords, pointerOf, type ValidationIssue } from '../problems.ts';
import { indicatorRegistry } from './indicators.ts';
import { pageLanguages } from './languages.ts';
import { nearest } from './nearest.ts';

/** Whether the input holds anything at `path`; zod does not report the input it saw. */
function isPresent(input: unknown, path: readonly PropertyKey[]): boolean {
  let value: unknown = input;
  for (const key of path) {
    // A primitive where the path goes on was reshaped by preprocessing (a lone query value).
    if (value === null || typeof value !== 'object') return value !== undefined;
    if (!Object.hasOwn(value, key)) return false;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value !== undefined;
}

const missingValueCodes: readonly string[] = ['invalid_type', 'invalid_value', 'invalid_union'];

function ruleOf(issue: $ZodIssue, input: unknown): string {
  if (missingValueCodes.includes(issue.code) && !isPresent(input, issue.path)) return 'required';
  switch (issue.code) {
    case 'invalid_type':
      return `type ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `at least ${issue.minimum} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `minimum ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `at most ${issue.maximum} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `maximum ${issue.maximum}`;
    case 'invalid_value':
      return 'one of the allowed values';
    case 'invalid_union':
      // A discriminated union names the discriminator (here: an unknown indicator).
      return 'discriminator' in issue && issue.discriminator
        ? 'one of the allowed values'
        : 'one of the allowed shapes';
    case 'invalid_format':
      // Patterns carry their rule as the message ("must be a whole number").
      return issue.format === 'regex' ? issue.message : `format ${issue.format}`;
    case 'invalid_key':
      return 'valid key';
    default:
      return issue.message;
  }
}

/** The input's value at `path`, when there is one. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const indicatorCandidates = indicatorRegistry.map((i) => ({
  value: i.id,
  names: [i.id, ...pageLanguages.map((language) => i.label[language])],
}));

/** An unknown indicator, named with the nearest in the registry, by id or by label. */
function unknownIndicator(path: readonly PropertyKey[], written: unknown): ValidationIssue {
  const suggestions = typeof written === 'string' ? nearest(written, indicatorCandidates) : [];
  const words: IssueWords = {
    kind: 'unknownIndicator',
    written: typeof written === 'string' ? written : undefined,
    suggestions,
  };
  return {
    pointer: pointerOf(path),
    rule: 'known indicator',
    detail: `${typeof written === 'string' ? `"${written}" is not an indicator` : 'an indicator is required'}`,
    ...(suggestions.length ? { suggestions } : {}),
    words,
  };
}

/** The rule as data, for its words in the reader's language (src/words/validation.ts). */
function wordsOf(issue: $ZodIssue, input: unknown): IssueWords {
  if (missingValueCodes.includes(issue.code) && !isPresent(input, issue.path)) return { kind: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return { kind: 'type', expected: issue.expected };
    case 'too_small':
    case 'too_big': {
      // An empty text is a field left empty, however long the text may be.
      if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
        return { kind: 'required' };
      }
      const bound = issue.code === 'too_small' ? 'min' : 'max';
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      return issue.origin === 'string' || issue.origin === 'array'
        ? { kind: 'length', bound, limit, unit: issue.origin === 'string' ? 'characters' : 'items' }
        : { kind: 'range', bound, limit };
    }
    case 'invalid_value':
      return { kind: 'oneOf', options: issue.values.map(String) };
    case 'invalid_format':
      // A pattern states its rule in its message ("must be a whole number").
      return issue.format === 'regex'
        ? { kind: 'rule', message: issue.message }
        : { kind: 'format', format: issue.format };
    case 'invalid_union':
      return { kind: 'shape' };
    case 'invalid_key': {
      // A record key (a language tag naming a place) carries its rule in the inner issue.
      const [inner] = issue.issues;
      return { kind: 'rule', message: inner?.message ?? issue.message };
    }
    case 'custom':
      // A rule that words itself as data (src/domain/written-text.ts) says so in `params`.
      return (issue.params?.words as IssueWords | undefined) ?? { kind: 'rule', message: issue.message };
    default:
      return { kind: 'rule', message: issue.message };
  }
}

export function issuesFromZod(error: $ZodError, input: unknown): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: pointerOf([...path, key]),
        rule: 'unknown field',
        detail: `"${key}" is not a field here`,
        words: { kind: 'unknownField', field: key },
      }));
    }
    if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'indicator') {
      const at = path.at(-1) === 'indicator' ? path : [...path, 'indicator'];
      return [unknownIndicator(at, valueAt(input, at))];
    }
    return [
      {
        pointer: pointerOf(path),
        rule: ruleOf(issue, input),
        detail: issue.message,
        words: wordsOf(issue, input),
      },
    ];
  });
}
