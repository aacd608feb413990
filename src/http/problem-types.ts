// The problem types this service answers with. Each `type` URI resolves to
// /problems/{name}, which serves the entry below.

export const problemTypes = {
  'invalid-body': {
    title: 'The request body is invalid',
    description:
      'The body parsed as JSON but broke a rule of the schema. `errors` lists each field as a JSON Pointer with the rule it broke. Nothing was stored.',
  },
  'invalid-request': {
    title: 'A query or path parameter is invalid',
    description:
      'A query parameter, path parameter or header broke a rule. `errors` names each one. Values are never clamped or ignored.',
  },
  'bad-request': {
    title: 'The request could not be read',
    description: 'For example, the body is not well-formed JSON. Nothing was stored.',
  },
  'unsupported-media-type': {
    title: 'Unsupported media type',
    description: 'Write endpoints accept only application/json bodies.',
  },
  'payload-too-large': {
    title: 'The body is too large',
    description: 'Write requests are limited to 64 KiB. Split a large batch into several.',
  },
  unauthenticated: {
    title: 'Authentication required',
    description: 'Send a write token as `Authorization: Bearer <token>`.',
  },
  forbidden: {
    title: 'Insufficient scope',
    description: 'The token is valid but lacks the scope this endpoint needs (report, moderate or admin).',
  },
  'rate-limited': {
    title: 'Too many writes',
    description:
      'Writes are limited per token. Wait for the Retry-After seconds, then send the same request with the same Idempotency-Key: nothing is stored twice.',
  },
  'not-found': {
    title: 'Not found',
    description: 'No such place, report or endpoint.',
  },
  'method-not-allowed': {
    title: 'Method not allowed',
    description:
      'The path is served, but not with this method. The `Allow` header lists the methods it is served with.',
  },
  conflict: {
    title: 'Conflict',
    description:
      'The request conflicts with what is stored: an Idempotency-Key reused with another body, or moderation of a report that is already superseded or retracted.',
  },
  unavailable: {
    title: 'Storage unavailable',
    description:
      'Storage failed even after retries. Nothing of the request is visible. Wait for Retry-After seconds and send it again with the same Idempotency-Key.',
  },
  internal: {
    title: 'Internal error',
    description: 'The service failed. The request id identifies the failure in the logs.',
  },
} as const;

export type ProblemType = keyof typeof problemTypes;
