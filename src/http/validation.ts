// Request validation with zod through Hono's validator. Every failure becomes one problem
// naming each field (as a JSON Pointer) and the rule it broke: InvalidBody for the body,
// InvalidRequest for the query, path and headers.

import { zValidator } from '@hono/zod-validator';
import * as z from 'zod';
import { issuesFromZod } from '../domain/issues.ts';
import { BadRequest, InvalidBody, InvalidRequest } from '../problems.ts';

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
  if (!(result.error instanceof z.ZodError)) throw new BadRequest('invalid request');
  const issues = issuesFromZod(result.error, result.data);
  const location = Object.hasOwn(locationOf, result.target) ? locationOf[result.target as Target] : 'query';
  throw location === 'body' ? new InvalidBody(issues) : new InvalidRequest(issues, location);
}

/** Hono's validator for `target`, failing with a problem that names every field. */
export function valid<T extends z.ZodType, Tgt extends Target>(target: Tgt, schema: T) {
  return zValidator(target, schema, validationHook);
}
