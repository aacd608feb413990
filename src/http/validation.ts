// Request validation with zod through Hono's validator. Every failure becomes one
// InvalidInput naming each field (as a JSON Pointer) and the rule it broke.

import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { InvalidInput, pointerOf, type ValidationIssue } from '../domain/errors.ts';
import { UnsupportedMediaType } from './errors.ts';

function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `type ${issue.expected}`;
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
      return issue.note === 'No matching discriminator'
        ? 'one of the allowed values'
        : 'one of the allowed shapes';
    case 'invalid_format':
      return `format ${issue.format}`;
    case 'invalid_key':
      return 'valid key';
    default:
      return issue.message;
  }
}

export function issuesFromZod(
  error: z.core.$ZodError,
  prefix: readonly PropertyKey[] = [],
): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: pointerOf([...path, key]),
        rule: 'unknown field',
        detail: `"${key}" is not a field here`,
      }));
    }
    return [{ pointer: pointerOf(path), rule: ruleOf(issue), detail: issue.message }];
  });
}

type Target = 'json' | 'query' | 'param';
const locationOf = { json: 'body', query: 'query', param: 'path' } as const;

/** Hono's validator for `target`, failing with an InvalidInput that names every field. */
export function valid<T extends z.ZodType, Tgt extends Target>(target: Tgt, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw new InvalidInput(issuesFromZod(result.error), locationOf[target]);
  });
}

const jsonMediaType = /^application\/json\s*(;|$)/i;

/** Writes take JSON only: anything else is 415, before the validator would see an empty body. */
export function requireJsonBody(): MiddlewareHandler {
  return async function requireJsonBodyMiddleware(c, next) {
    if (!jsonMediaType.test(c.req.header('content-type') ?? '')) throw new UnsupportedMediaType();
    await next();
  };
}
