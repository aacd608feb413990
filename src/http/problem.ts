// The one error path: every failure leaves the service as application/problem+json
// (RFC 9457), or as the same problem in a small HTML page when a browser asks for HTML.
// What each problem says comes from its class (src/problems.ts); onError branches on
// classes only, never on messages.

import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  BadRequest,
  CrossSiteForm,
  InternalError,
  MethodNotAllowed,
  NotFound,
  Problem,
} from '../problems.ts';
import { renderErrorPage } from '../render/html/error-page.tsx';
import { issueText } from '../words/validation.ts';
import { htmlHeaders, negotiateLanguage, pageSite, wantsHtml } from './html.ts';

export function problemResponse(c: Context, problem: Problem): Response {
  const { type, status, title } = problem.kind;
  // A fresh Response drops headers set by earlier middleware, so the request id is set again.
  const requestId = c.get('requestId');
  const headers = { ...(requestId ? { 'x-request-id': requestId } : {}), ...problem.headers };
  // A browser opening a page gets the same problem as a small page: same status, same words.
  if (wantsHtml(c.req.header('accept'))) {
    const lang = c.req.query('lang');
    const language = negotiateLanguage(lang, c.req.header('accept-language'));
    const issues = problem.errors?.map((issue) => issueText(issue, language));
    // The pages' only query parameter is ?lang=: a problem with it is a language they lack.
    const unknownLanguage = problem.errors?.some((issue) => issue.pointer === '/lang') ?? false;
    const page = renderErrorPage(
      { status, type, detail: problem.detail, ...(issues ? { issues } : {}), unknownLanguage },
      pageSite(c.req.url, lang),
      language,
    );
    return new Response(page, {
      status,
      headers: {
        'content-type': 'text/html; charset=UTF-8',
        ...htmlHeaders(language),
        vary: 'Accept, Accept-Language',
        ...headers,
      },
    });
  }
  // Each field's detail is worded in the reader's language; the rest is the problem type's.
  const language = negotiateLanguage(undefined, c.req.header('accept-language'));
  const errors = problem.errors?.map((issue) => {
    const { words: _, ...sent } = issue;
    return { ...sent, detail: issueText(issue, language) };
  });
  const body = {
    type: new URL(`/problems/${type}`, c.req.url).href,
    title,
    status,
    detail: problem.detail,
    instance: new URL(c.req.url).pathname,
    ...(errors ? { errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      ...(errors ? { 'content-language': language } : {}),
      vary: 'Accept, Accept-Language',
      ...headers,
    },
  });
}

function asProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  // Hono's own 4xx, from its middleware; its only 403 is the csrf middleware's.
  if (error instanceof HTTPException && error.status === 403) return new CrossSiteForm();
  if (error instanceof HTTPException && error.status < 500) return new BadRequest(error.message);
  return new InternalError();
}

export const onError: ErrorHandler = (error, c) => {
  const problem = asProblem(error);
  if (problem.kind.status >= 500) {
    console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), error: String(error) }));
  }
  return problemResponse(c, problem);
};

/** 404 for a path nothing serves; 405 with Allow for a path served with other methods. */
export function notFound(methodsFor: (path: string) => string[]): NotFoundHandler {
  return function notFoundHandler(c) {
    const { pathname } = new URL(c.req.url);
    const allowed = methodsFor(pathname);
    const problem =
      allowed.length > 0
        ? new MethodNotAllowed(c.req.method, pathname, allowed)
        : new NotFound(`nothing at ${pathname}`);
    return problemResponse(c, problem);
  };
}
