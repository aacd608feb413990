// Request validation with zod through Hono's validator. Every failure becomes one problem
// naming each field (as a JSON Pointer) and the rule it broke: InvalidBody for the body,
// InvalidRequest for the query, path and headers.

import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { indicatorRegistry } from '../domain/indicators.ts';
import { nearest } from '../domain/nearest.ts';
import { BadRequest, InvalidBody, InvalidRequest, pointerOf, type ValidationIssue } from '../problems.ts';

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

function ruleOf(issue: z.core.$ZodIssue, input: unknown): string {
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
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const indicatorCandidates = indicatorRegistry.map((i) => ({
  value: i.id,
  names: [i.id, i.label.en, i.label.nl],
}));

/** An unknown indicator, named with the nearest in the registry, by id or by label. */
function unknownIndicator(path: readonly PropertyKey[], written: unknown): ValidationIssue {
  const suggestions = typeof written === 'string' ? nearest(written, indicatorCandidates) : [];
  const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
  return {
    pointer: pointerOf(path),
    rule: 'known indicator',
    detail: `${typeof written === 'string' ? `"${written}" is not an indicator.` : 'An indicator is required.'}${hint} GET /api/v1/indicators lists them.`,
    ...(suggestions.length ? { suggestions } : {}),
  };
}

export function issuesFromZod(error: z.core.$ZodError, input: unknown): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: pointerOf([...path, key]),
        rule: 'unknown field',
        detail: `"${key}" is not a field here`,
      }));
    }
    if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'indicator') {
      const at = path.at(-1) === 'indicator' ? path : [...path, 'indicator'];
      return [unknownIndicator(at, valueAt(input, at))];
    }
    return [{ pointer: pointerOf(path), rule: ruleOf(issue, input), detail: issue.message }];
  });
}

const locationOf = { json: 'body', query: 'query', param: 'path', header: 'header' } as const;
type Target = keyof typeof locationOf;

/** What Hono's zod validators hand their hook; `data` is the input when validation failed. */
interface ValidationResult {
  success: boolean;
  error?: unknown;
  data?: unknown;
  target: string;
}

/** Every validation failure becomes one problem naming each field and its rule. */
export function validationHook(result: ValidationResult): undefined {
  if (result.success) return;
  if (!(result.error instanceof z.core.$ZodError)) throw new BadRequest('invalid request');
  const issues = issuesFromZod(result.error, result.data);
  const location = Object.hasOwn(locationOf, result.target) ? locationOf[result.target as Target] : 'query';
  throw location === 'body' ? new InvalidBody(issues) : new InvalidRequest(issues, location);
}

/** Hono's validator for `target`, failing with a problem that names every field. */
export function valid<T extends z.ZodType, Tgt extends Target>(target: Tgt, schema: T) {
  return zValidator(target, schema, validationHook);
}
