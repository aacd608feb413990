// Reading a desk form's body, before any field is read. A form comes as a browser sends it:
// form-urlencoded or multipart, in UTF-8 (every desk page is UTF-8, so its forms are). Another
// media type or charset is a 415, and percent-encoded bytes that are not UTF-8 a 400: a
// field is never read with U+FFFD in place of what was written. A multipart form's one
// field of its own, the import's file, is checked as UTF-8 where it is read.

import type { MiddlewareHandler } from 'hono';
import { mediaTypeOf, utf8 } from '../../http/json-body.ts';
import { BadRequest, UnsupportedMediaType } from '../../problems.ts';

const formTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** Whether every name and value of a form-urlencoded body decodes as UTF-8. */
function isUtf8Form(body: string): boolean {
  try {
    for (const part of body.split(/[&=]/)) decodeURIComponent(part.replaceAll('+', ' '));
    return true;
  } catch {
    return false;
  }
}

export function requireFormBody(): MiddlewareHandler {
  return async function requireFormBodyMiddleware(c, next) {
    if (c.req.method !== 'POST') return next();
    const { type, charset } = mediaTypeOf(c.req.header('content-type') ?? '');
    if (!formTypes.has(type)) {
      throw new UnsupportedMediaType('send the form as a browser does: form-urlencoded or multipart');
    }
    if (charset !== undefined && !utf8.has(charset)) {
      throw new UnsupportedMediaType(`send the form in UTF-8, not ${charset}`);
    }
    if (type === 'application/x-www-form-urlencoded') {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      let body: string;
      try {
        body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      } catch {
        throw new BadRequest('the form is not valid UTF-8');
      }
      if (!isUtf8Form(body)) throw new BadRequest('the form is not valid UTF-8');
      // Hono reads the form from the charset-less media type; the bytes are read again.
      const headers = new Headers(c.req.raw.headers);
      headers.set('content-type', type);
      c.req.raw = new Request(c.req.raw, { headers, body: bytes });
    }
    return next();
  };
}
