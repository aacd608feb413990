// The OpenAPI side of routing. Every route is declared with createRoute
// (./contract-routes.ts), so the zod schemas that validate a request are the ones the OpenAPI
// document at /api/v1/openapi.json describes: the contract cannot drift from the code.

import type { RouteConfig } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import * as z from 'zod';
import { problemDocument } from '../contract/problem-document.ts';
import { reportPage } from '../domain/model.ts';
import { warningCodes } from '../domain/plausibility.ts';
import { type ProblemKind, problemCatalogue } from '../problems.ts';
import type { AppEnv } from './app-env.ts';
import { ContractRoutes } from './contract-routes.ts';
import { idempotencyKeyPattern } from './idempotency.ts';

/** A sub-app whose routes appear in the OpenAPI document and fail validation as problems. */
export function openApiRoutes() {
  return new ContractRoutes<AppEnv>();
}

type ProblemStatus = ProblemKind['status'];

/** What an answer with this status means, from the problem catalogue: each type's title. */
const meaningOf = (status: ProblemStatus) =>
  problemCatalogue
    .filter((kind) => kind.status === status)
    .map((kind) => `${kind.title} (${kind.type})`)
    .join('; ');

/** The problem answers a route can give, for its `responses`. */
export function problems(...statuses: ProblemStatus[]): RouteConfig['responses'] {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: meaningOf(status),
        content: { 'application/problem+json': { schema: problemDocument } },
      },
    ]),
  );
}

/** Answers every public GET may give. */
export const readProblems = () => problems(400, 404, 503);

/** Answers every write may give, before its own. */
export const writeProblems = () => problems(400, 401, 403, 413, 415, 422, 429, 503);

export const jsonContent = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/**
 * A JSON answer whose writer stored it serialized, checked against `T`'s schema when it was
 * written: sent as `c.json` would send the value it holds, without parsing it again.
 */
export function storedJson<T>(
  c: Context,
  body: Uint8Array<ArrayBuffer> | string,
  etag?: string,
): TypedResponse<T, 200, 'json'> {
  const headers = { 'content-type': 'application/json', ...(etag ? { etag } : {}) };
  return c.body(body, 200, headers) as unknown as TypedResponse<T, 200, 'json'>;
}

export const cachingHeaders = z.object({
  ETag: z.string().meta({ description: 'Send it back as If-None-Match to get 304 Not Modified' }),
  'Cache-Control': z.string(),
});

/** The answers of a history listing, of all places or of one. */
export const historyResponses = () => ({
  200: {
    description: 'A page of report summaries',
    headers: cachingHeaders,
    content: jsonContent(reportPage),
  },
  ...readProblems(),
});

export const bearerAuth = [{ bearerAuth: [] }];

export const idempotencyHeader = z.object({
  'idempotency-key': z.string().regex(idempotencyKeyPattern).optional().meta({
    description:
      'A client-chosen key (1-255 of A-Z a-z 0-9 . _ : -). A retry with the same key and body replays the first answer and stores nothing new; the same key with another body is 409.',
  }),
});

/** A new report's headers: its Idempotency-Key, and the warnings its writer has seen. */
export const reportWriteHeaders = idempotencyHeader.extend({
  'confirm-warnings': z
    .string()
    .regex(new RegExp(`^\\s*(${warningCodes.join('|')})(\\s*,\\s*(${warningCodes.join('|')}))*\\s*$`))
    .optional()
    .meta({
      description: `The warnings the writer has seen and stands by, by code, comma-separated (${warningCodes.join(', ')}). A warning not named here refuses the write with 422 unconfirmed-warnings.`,
    }),
});
