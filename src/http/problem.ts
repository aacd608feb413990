// The one error path: every failure leaves the service as application/problem+json
// (RFC 9457), or as the same problem in a small HTML page when a browser asks for HTML.
// onError branches on error classes, never on messages.

import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Conflict, InvalidInput, NotFound, type ValidationIssue } from '../domain/errors.ts';
import { renderErrorPage } from '../render/html/error-page.tsx';
import { StorageUnavailable } from '../store/retrying-kv.ts';
import { Forbidden, PayloadTooLarge, RateLimited, Unauthenticated, UnsupportedMediaType } from './errors.ts';
import { htmlHeaders, negotiateLanguage, pageSite, wantsHtml } from './html.ts';
import { type ProblemType, problemTypes } from './problem-types.ts';

interface Problem {
  type: ProblemType;
  status: ContentfulStatusCode;
  detail: string;
  errors?: readonly ValidationIssue[];
  headers?: Record<string, string>;
}

export function problemResponse(c: Context, problem: Problem): Response {
  const { title } = problemTypes[problem.type];
  // A fresh Response drops headers set by earlier middleware, so the request id is set again.
  const requestId = c.get('requestId');
  const headers = { ...(requestId ? { 'x-request-id': requestId } : {}), ...problem.headers };
  // A browser opening a page gets the same problem as a small page: same status, same words.
  if (wantsHtml(c.req.header('accept'))) {
    const lang = c.req.query('lang');
    const language = negotiateLanguage(lang, c.req.header('accept-language'));
    const page = renderErrorPage(
      { status: problem.status, title, detail: problem.detail },
      pageSite(c.req.url, lang),
      language,
    );
    return new Response(page, {
      status: problem.status,
      headers: {
        'content-type': 'text/html; charset=UTF-8',
        ...htmlHeaders(language),
        vary: 'Accept, Accept-Language',
        ...headers,
      },
    });
  }
  const body = {
    type: new URL(`/problems/${problem.type}`, c.req.url).href,
    title,
    status: problem.status,
    detail: problem.detail,
    instance: new URL(c.req.url).pathname,
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', vary: 'Accept', ...headers },
  });
}

function describe(error: unknown): Problem {
  if (error instanceof InvalidInput) {
    const status = error.location === 'body' ? 422 : 400;
    const type = error.location === 'body' ? 'invalid-body' : 'invalid-request';
    const fields = error.issues.map((i) => `${i.pointer || '/'} (${i.rule})`).join(', ');
    return { type, status, detail: `invalid ${error.location}: ${fields}`, errors: error.issues };
  }
  if (error instanceof NotFound) return { type: 'not-found', status: 404, detail: error.detail };
  if (error instanceof Conflict) return { type: 'conflict', status: 409, detail: error.detail };
  if (error instanceof Unauthenticated) {
    return {
      type: 'unauthenticated',
      status: 401,
      detail: 'a valid bearer token is required',
      headers: { 'www-authenticate': 'Bearer realm="humanitarian-status"' },
    };
  }
  if (error instanceof Forbidden) {
    return { type: 'forbidden', status: 403, detail: `this token lacks the "${error.scope}" scope` };
  }
  if (error instanceof RateLimited) {
    return {
      type: 'rate-limited',
      status: 429,
      detail: `too many writes with this token; retry after ${error.retryAfterSeconds} seconds with the same Idempotency-Key`,
      headers: { 'retry-after': String(error.retryAfterSeconds) },
    };
  }
  if (error instanceof UnsupportedMediaType) {
    return { type: 'unsupported-media-type', status: 415, detail: error.detail };
  }
  if (error instanceof PayloadTooLarge) {
    return { type: 'payload-too-large', status: 413, detail: `the body exceeds ${error.limit} bytes` };
  }
  if (error instanceof StorageUnavailable) {
    return {
      type: 'unavailable',
      status: 503,
      detail:
        'storage did not answer in time; nothing of this request is visible. Retry with the same Idempotency-Key',
      headers: { 'retry-after': '5' },
    };
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own 4xx, such as malformed JSON from its validator.
    return { type: 'bad-request', status: error.status, detail: error.message };
  }
  return { type: 'internal', status: 500, detail: 'the service failed; the request id identifies it' };
}

export const onError: ErrorHandler = (error, c) => {
  const problem = describe(error);
  if (problem.status >= 500) {
    console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), error: String(error) }));
  }
  return problemResponse(c, problem);
};

/** 404 for a path nothing serves; 405 with Allow for a path served with other methods. */
export function notFound(methodsFor: (path: string) => string[]): NotFoundHandler {
  return function notFoundHandler(c) {
    const { pathname } = new URL(c.req.url);
    const allowed = methodsFor(pathname);
    if (allowed.length > 0) {
      return problemResponse(c, {
        type: 'method-not-allowed',
        status: 405,
        detail: `${c.req.method} is not served at ${pathname}; it is served with ${allowed.join(', ')}`,
        headers: { allow: allowed.join(', ') },
      });
    }
    return problemResponse(c, { type: 'not-found', status: 404, detail: `nothing at ${pathname}` });
  };
}
