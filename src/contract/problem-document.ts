// The body of every error answer, as a zod schema: for the OpenAPI document and schema/.

import * as z from 'zod';
import type { ValidationIssue } from '../problems.ts';

const validationIssue = z.strictObject({
  pointer: z.string().meta({ description: 'JSON Pointer to the field, in the body, query or path' }),
  rule: z.string().meta({ description: 'The rule it broke, e.g. "required" or "at most 100 items"' }),
  detail: z.string(),
  suggestions: z
    .array(z.string())
    .optional()
    .meta({ description: 'Known values near what was written (places, indicators), nearest first' }),
}) satisfies z.ZodType<ValidationIssue>;

export const problemDocument = z
  .strictObject({
    type: z.url().meta({ description: 'Resolves to a page describing the problem type (/problems/{name})' }),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string(),
    instance: z.string(),
    errors: z.array(validationIssue).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem, the body of every error answer' });
