// Reading a write's body, before any schema sees it. Writes take JSON in UTF-8 only: another
// media type or charset is a 415, bytes that are not UTF-8 a 400 (never stored with U+FFFD
// in their place), and so are malformed JSON and an object that names one key twice (JSON
// parsers keep either the first or the last, so the writer's meaning is unknown). Keys
// that name JavaScript's object machinery and nesting deeper than any valid body are
// refused before recursive code could run on them.

import type { MiddlewareHandler } from 'hono';
import { BadRequest, InvalidBody, pointerOf, UnsupportedMediaType } from '../problems.ts';

/** A media type and its charset, however spaced ("application/json ; charset=utf-8"). */
export function mediaTypeOf(header: string): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters
    .map((p) => p.split('=').map((side) => side.trim()))
    .find(([name]) => name === 'charset')?.[1]
    ?.replace(/^"(.*)"$/, '$1');
  return { type, charset };
}

export const utf8 = new Set(['utf-8', 'utf8']);

// zod's records skip "__proto__" without a word, which would drop input silently.
const machineryKeys = new Set(['__proto__', 'constructor', 'prototype']);

// No valid body is nested more than a few levels.
const maxNesting = 16;

/** The first problem in a body's shape: a machinery key, or nesting beyond the limit. */
function findShapeProblem(body: unknown): { path: PropertyKey[]; rule: string; detail: string } | undefined {
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value: body, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= maxNesting) {
      return { path, rule: `nested at most ${maxNesting} levels`, detail: 'the body is nested too deeply' };
    }
    for (const key of Object.keys(value)) {
      if (machineryKeys.has(key)) {
        return {
          path: [...path, key],
          rule: 'not a reserved key',
          detail: `"${key}" is not accepted as a key`,
        };
      }
      pending.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}

type Frame =
  | { kind: 'object'; keys: Set<string>; key: string | undefined }
  | { kind: 'array'; index: number };

/** Where well-formed JSON text names one key twice in one object, as a JSON Pointer. */
export function duplicateKey(text: string): { pointer: string; key: string } | undefined {
  const stack: Frame[] = [];
  const path = (): PropertyKey[] =>
    stack.flatMap((f): PropertyKey[] =>
      f.kind === 'array' ? [f.index] : f.key === undefined ? [] : [f.key],
    );
  let expectingKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const top = stack.at(-1);
    if (char === '{') {
      stack.push({ kind: 'object', keys: new Set(), key: undefined });
      expectingKey = true;
    } else if (char === '[') {
      stack.push({ kind: 'array', index: 0 });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      if (top?.kind === 'array') top.index++;
      else expectingKey = true;
    } else if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (expectingKey && top?.kind === 'object') {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) return { pointer: pointerOf([...path().slice(0, -1), key]), key };
        top.keys.add(key);
        top.key = key;
        expectingKey = false;
      }
      i = end;
    }
  }
  return undefined;
}

/**
 * Where JSON.parse stopped, as a person finds it in an editor: line and column (from 1),
 * and what it expected there. The parser's message names the offset; without one (the text
 * ended too soon) the place is the end of the text.
 */
export function malformedJson(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? text.length);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1) ?? '').length + 1;
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  return `Malformed JSON in request body at line ${line}, column ${column}: ${reason || 'unexpected end'}. Check for a missing or extra comma, quote or bracket there.`;
}

/**
 * Writes take JSON in UTF-8 only. The body is read and checked here, before the validator
 * sees it (Hono keeps what was read for the validator).
 */
export function requireJsonBody(): MiddlewareHandler {
  return async function requireJsonBodyMiddleware(c, next) {
    const { type, charset } = mediaTypeOf(c.req.header('content-type') ?? '');
    if (type !== 'application/json') throw new UnsupportedMediaType('send the body as application/json');
    if (charset !== undefined && !utf8.has(charset)) {
      throw new UnsupportedMediaType(`send the body as UTF-8 application/json, not ${charset}`);
    }
    // Hono's validator reads the media type itself, and only unspaced: it is given it so.
    const headers = new Headers(c.req.raw.headers);
    headers.set('content-type', 'application/json; charset=utf-8');
    const bytes = await c.req.arrayBuffer();
    c.req.raw = new Request(c.req.raw, { headers, body: bytes });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new BadRequest('The request body is not valid UTF-8');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new BadRequest(malformedJson(text, error));
    }
    const duplicate = duplicateKey(text);
    if (duplicate) {
      throw new BadRequest(
        `The request body names "${duplicate.key}" twice in one object, at ${duplicate.pointer}`,
      );
    }
    const problem = findShapeProblem(body);
    if (problem) {
      throw new InvalidBody([
        { pointer: pointerOf(problem.path), rule: problem.rule, detail: problem.detail },
      ]);
    }
    await next();
  };
}
