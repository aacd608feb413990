// The problem catalogue: every way a request can fail, declared once. Each error class
// states its problem type, status, title and description; the one error path (onError in
// src/http/problem.ts), the /problems/{name} pages and the OpenAPI responses are all derived
// from the classes below. Services, the store and the HTTP layer throw them; nothing
// classifies an error by its message.

import type { Warning } from './domain/plausibility.ts';

/**
 * What a broken rule is, as data, so that its `detail` is worded in the reader's language
 * (src/words/validation.ts) when the problem is answered.
 */
export type IssueWords =
  | { kind: 'required' }
  | { kind: 'type'; expected: string }
  | { kind: 'length'; bound: 'min' | 'max'; limit: number; unit: 'characters' | 'items' }
  | { kind: 'range'; bound: 'min' | 'max'; limit: number }
  | { kind: 'oneOf'; options: readonly string[] }
  | { kind: 'format'; format: string }
  | { kind: 'shape' }
  | { kind: 'unknownField'; field: string; suggestions?: readonly string[] }
  | { kind: 'unknownIndicator'; written: string | undefined; suggestions: readonly string[] }
  | { kind: 'unknownPlace'; written: string; suggestions: readonly string[] }
  | { kind: 'future'; date: string }
  | { kind: 'sinceAfterObserved'; since: string; observed: string }
  | { kind: 'sameLanguage'; first: string }
  /** A whole number that JSON would read as another: `written` as in the body, `read` as parsed. */
  | { kind: 'roundedNumber'; written: string; read: string }
  /** A figure that looks like a slip, which the writer has not confirmed. */
  | { kind: 'warning'; warning: Warning }
  /** A rule the model states in words of its own ("must name a real calendar date"). */
  | { kind: 'rule'; message: string };

export interface ValidationIssue {
  /** Where the problem is, as a JSON Pointer into the input ("/figures/0/value"). */
  pointer: string;
  /** The rule the value broke, in a word or two ("integer", "unknown place"). */
  rule: string;
  /** What is wrong and what to write instead, in English; see `words`. */
  detail: string;
  /** Known values near what was written, nearest first, where the value was unknown. */
  suggestions?: string[];
  /** The rule as data, for `detail` in the reader's language; never sent as such. */
  words?: IssueWords;
}

/** A path into an input as a JSON Pointer (RFC 6901). */
export function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The name of every problem type; the pages word each title in every language. */
export type ProblemType =
  | 'invalid-body'
  | 'unconfirmed-warnings'
  | 'invalid-request'
  | 'bad-request'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'unauthenticated'
  | 'forbidden'
  | 'cross-site-form'
  | 'rate-limited'
  | 'too-many-attempts'
  | 'not-found'
  | 'method-not-allowed'
  | 'conflict'
  | 'unavailable'
  | 'internal';

export interface ProblemKind {
  /** The name in its type URI, /problems/{type}. */
  type: ProblemType;
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  title: string;
  description: string;
}

/** An error that answers as one problem type. */
export abstract class Problem extends Error {
  static readonly kind: ProblemKind;

  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
  }

  get kind(): ProblemKind {
    return (this.constructor as typeof Problem).kind;
  }

  /** Headers the answer carries besides the body (Retry-After, Allow, WWW-Authenticate). */
  get headers(): Record<string, string> {
    return {};
  }

  /** For invalid input: each field and the rule it broke. */
  get errors(): readonly ValidationIssue[] | undefined {
    return undefined;
  }
}

const fieldList = (issues: readonly ValidationIssue[]) =>
  issues.map((i) => `${i.pointer || '/'} (${i.rule})`).join(', ');

/** Input that broke a rule; `issues` names each field. */
abstract class InvalidInput extends Problem {
  constructor(
    readonly issues: readonly ValidationIssue[],
    location: string,
  ) {
    super(`invalid ${location}: ${fieldList(issues)}`);
  }

  override get errors() {
    return this.issues;
  }
}

export class InvalidBody extends InvalidInput {
  static override readonly kind: ProblemKind = {
    type: 'invalid-body',
    status: 422,
    title: 'The request body is invalid',
    description:
      'The body parsed as JSON but broke a rule of the schema. `errors` lists each field as a JSON Pointer with the rule it broke. Nothing was stored.',
  };

  constructor(issues: readonly ValidationIssue[]) {
    super(issues, 'body');
  }
}

export class UnconfirmedWarnings extends InvalidInput {
  static override readonly kind: ProblemKind = {
    type: 'unconfirmed-warnings',
    status: 422,
    title: 'The report needs a second look',
    description:
      "The body is valid, but a figure looks like a slip: above its whole or the population, ten times the current figure or less, or observed long before the place's newest figures. `errors` lists each warning: its pointer, its code as the rule, and what it found. Nothing was stored. Check the figures; if they stand, send the request again with the header `Confirm-Warnings` naming the codes (or try it first with `?dryRun=true`).",
  };

  constructor(issues: readonly ValidationIssue[]) {
    super(issues, 'body, to confirm');
  }
}

export class InvalidRequest extends InvalidInput {
  static override readonly kind: ProblemKind = {
    type: 'invalid-request',
    status: 400,
    title: 'A query or path parameter is invalid',
    description:
      'A query parameter, path parameter or header broke a rule. `errors` names each one. Values are never clamped or ignored.',
  };

  constructor(issues: readonly ValidationIssue[], location: 'query' | 'path' | 'header') {
    super(issues, location);
  }
}

export class BadRequest extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'bad-request',
    status: 400,
    title: 'The request could not be read',
    description: 'For example, the body is not well-formed JSON. Nothing was stored.',
  };
}

export class UnsupportedMediaType extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'unsupported-media-type',
    status: 415,
    title: 'Unsupported media type',
    description:
      "Write endpoints accept only application/json bodies in UTF-8, and the desk's forms only what a browser sends (form-urlencoded or multipart, in UTF-8).",
  };
}

export class PayloadTooLarge extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'payload-too-large',
    status: 413,
    title: 'The body is too large',
    description:
      'Write requests are limited to 64 KiB, and a draft from text to what its longest text takes in any script. Split a large batch into several.',
  };

  constructor(limit: number) {
    super(`the body exceeds ${limit} bytes`);
  }
}

export class Unauthenticated extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'unauthenticated',
    status: 401,
    title: 'Authentication required',
    description: 'Send a write token as `Authorization: Bearer <token>`.',
  };

  constructor() {
    super('a valid bearer token is required');
  }

  override get headers() {
    return { 'www-authenticate': 'Bearer realm="humanitarian-status"' };
  }
}

export class Forbidden extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'forbidden',
    status: 403,
    title: 'Insufficient scope',
    description: 'The token is valid but lacks the scope this endpoint needs (report, moderate or admin).',
  };

  constructor(scope: string) {
    super(`this token lacks the "${scope}" scope`);
  }
}

export class CrossSiteForm extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'cross-site-form',
    status: 403,
    title: 'The form came from another site',
    description:
      "A form of the desk was sent from a page of another site, as its Origin or Sec-Fetch-Site header said. Nothing was done: a page elsewhere must never act with a writer's session. Open the desk on this site, and send the form from there.",
  };

  constructor() {
    super('a form of the desk must be sent from a page of this site');
  }
}

export class RateLimited extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'rate-limited',
    status: 429,
    title: 'Too many writes',
    description:
      'Writes are limited per token. Wait for the Retry-After seconds, then send the same request with the same Idempotency-Key: nothing is stored twice.',
  };

  constructor(readonly retryAfterSeconds: number) {
    super(
      `too many writes with this token; retry after ${retryAfterSeconds} seconds with the same Idempotency-Key`,
    );
  }

  override get headers() {
    return { 'retry-after': String(this.retryAfterSeconds) };
  }
}

export class TooManyAttempts extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'too-many-attempts',
    status: 429,
    title: 'Too many wrong credentials',
    description:
      'Too many unknown tokens or invitation links came from this address, or this token was refused too often. After a few, each one doubles the wait (up to 15 minutes); until Retry-After seconds have passed, every attempt from the address, a right one too, and every use of that token is refused.',
  };

  constructor(readonly retryAfterSeconds: number) {
    super(
      `too many unknown tokens from this address or of this token; retry after ${retryAfterSeconds} seconds`,
    );
  }

  override get headers() {
    return { 'retry-after': String(this.retryAfterSeconds) };
  }
}

export class NotFound extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'not-found',
    status: 404,
    title: 'Not found',
    description: 'No such place, report or endpoint.',
  };
}

export class MethodNotAllowed extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'method-not-allowed',
    status: 405,
    title: 'Method not allowed',
    description:
      'The path is served, but not with this method. The `Allow` header lists the methods it is served with.',
  };

  constructor(
    method: string,
    path: string,
    readonly allowed: readonly string[],
  ) {
    super(`${method} is not served at ${path}; it is served with ${allowed.join(', ')}`);
  }

  override get headers() {
    return { allow: this.allowed.join(', ') };
  }
}

export class Conflict extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'conflict',
    status: 409,
    title: 'Conflict',
    description:
      'The request conflicts with what is stored: an Idempotency-Key reused with another body, or moderation of a report that is already superseded or retracted.',
  };
}

export class StorageUnavailable extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'unavailable',
    status: 503,
    title: 'Storage unavailable',
    description:
      'Storage failed even after retries. Nothing of the request is visible. Wait for Retry-After seconds and send it again with the same Idempotency-Key.',
  };

  constructor(
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(
      'storage did not answer in time; nothing of this request is visible. Retry with the same Idempotency-Key',
      options,
    );
  }

  override get headers() {
    return { 'retry-after': '5' };
  }
}

export class InternalError extends Problem {
  static override readonly kind: ProblemKind = {
    type: 'internal',
    status: 500,
    title: 'Internal error',
    description: 'The service failed. The request id identifies the failure in the logs.',
  };

  constructor() {
    super('the service failed; the request id identifies it');
  }
}

/** Every problem type, in the order the /problems pages and the OpenAPI document list them. */
export const problemCatalogue: readonly ProblemKind[] = [
  InvalidBody,
  UnconfirmedWarnings,
  InvalidRequest,
  BadRequest,
  UnsupportedMediaType,
  PayloadTooLarge,
  Unauthenticated,
  Forbidden,
  CrossSiteForm,
  RateLimited,
  TooManyAttempts,
  NotFound,
  MethodNotAllowed,
  Conflict,
  StorageUnavailable,
  InternalError,
].map((problem) => problem.kind);
