// Reading a write's body, before the validator sees it. Writes take JSON in UTF-8 only: another
// media type or charset, or a Content-Type that names its charset twice, is a 415, bytes that
// are not UTF-8 a 400 (never stored with U+FFFD in their place), and so are malformed JSON and
// an object that names one key twice (JSON parsers keep either the first or the last, so the
// writer's meaning is unknown). A number in a whole-number field that JSON.parse reads as
// another whole number than the one written (0.99999999999999999 as 1, 1e-400 as 0) is a 422
// at that field: only the text still says what was written. Keys that name JavaScript's object
// machinery and nesting deeper than any valid body are refused before recursive code could
// run on them.

import type { MiddlewareHandler } from 'hono';
import type * as z from 'zod';
import { issuesFromZod, valueAt } from '../domain/issues.ts';
import {
  BadRequest,
  InvalidBody,
  pointerOf,
  UnsupportedMediaType,
  type ValidationIssue,
} from '../problems.ts';

/**
 * A media type and its charset, however spaced ("application/json ; charset=utf-8"). A charset
 * named twice is a 415 even when both say the same: RFC 6838 (section 4.3) makes a repeated
 * parameter an error, readers differ on which one counts (the first or the last), and two
 * equal ones still come from a sender that built the header wrong. Refusing every repetition
 * is one rule, with no values to compare.
 */
export function mediaTypeOf(header: string): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const charsets = parameters
    .map((p) => p.split('=').map((side) => side.trim()))
    .filter(([name]) => name === 'charset')
    .map(([, value]) => value?.replace(/^"(.*)"$/, '$1'));
  if (charsets.length > 1) throw new UnsupportedMediaType('name the charset once in Content-Type');
  return { type, charset: charsets[0] };
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

/**
 * Whether JSON.parse keeps a JSON number literal as written, when it reads it as the whole
 * number `read`. 1000, 1e3 and 1000.0 all say one thousand, which a double holds exactly, so
 * they are kept; 0.99999999999999999 is read as 1, 1e-400 as 0 and 9007199254740993 as
 * 9007199254740992, and nothing after parsing can tell. Negative zero is not kept either: a
 * count has no sign, and JavaScript keeps this one, which JSON.stringify drops and
 * Intl.NumberFormat shows ("-0"), so one count would read two ways.
 */
export function keptAsWritten(written: string, read: number): boolean {
  if (Object.is(read, -0)) return false;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] =
    /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(written) ?? [];
  const digits = `${whole}${fraction}`.replace(/^0+/, '');
  if (digits === '') return true;
  const significant = digits.replace(/0+$/, '');
  const scale = Number(exponent) - fraction.length + digits.length - significant.length;
  if (scale < 0) return false;
  // `read` is below 1.8e308: a number of more digits than 309 never equals it, so none is built.
  return BigInt(`${sign}${significant}${'0'.repeat(Math.min(scale, 309))}`) === BigInt(read);
}

/** A number of a JSON text that JSON.parse reads as a whole number other than the one written. */
export interface RoundedNumber {
  path: PropertyKey[];
  written: string;
  read: number;
}

type Frame =
  | { kind: 'object'; keys: Set<string>; key: string | undefined }
  | { kind: 'array'; index: number };

// Outside a string, in JSON that parsed, these characters are a number's and no other's.
const numberCharacter = /[\d.eE+-]/;

/**
 * What JSON.parse does not keep of well-formed JSON text, found in one pass: the first key
 * an object names twice (as a JSON Pointer), and each number it reads as a whole number
 * other than the one written, with its path.
 */
export function lostInParsing(text: string): {
  duplicate: { pointer: string; key: string } | undefined;
  rounded: RoundedNumber[];
} {
  const stack: Frame[] = [];
  const rounded: RoundedNumber[] = [];
  const path = (): PropertyKey[] =>
    stack.flatMap((f): PropertyKey[] =>
      f.kind === 'array' ? [f.index] : f.key === undefined ? [] : [f.key],
    );
  let expectingKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    const top = stack.at(-1);
    if (char === '-' || (char >= '0' && char <= '9')) {
      let end = i + 1;
      while (numberCharacter.test(text[end] ?? '')) end++;
      const written = text.slice(i, end);
      const read = Number(written);
      if (Number.isInteger(read) && !keptAsWritten(written, read))
        rounded.push({ path: path(), written, read });
      i = end - 1;
    } else if (char === '{') {
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
        if (top.keys.has(key)) {
          return { duplicate: { pointer: pointerOf([...path().slice(0, -1), key]), key }, rounded };
        }
        top.keys.add(key);
        top.key = key;
        expectingKey = false;
      }
      i = end;
    }
  }
  return { duplicate: undefined, rounded };
}

/**
 * The rounded numbers of `body` that stand in whole-number fields of `schema`, each as an
 * issue, with the body's other issues; none when no such field holds one. The parsed number
 * cannot tell a whole-number field from one that takes fractions, where a rounded number is
 * kept as ever (a coordinate): so a fraction is put in each place, and the fields the schema
 * then refuses as not whole are the ones.
 */
async function roundedWholeNumbers(
  schema: z.ZodType,
  body: unknown,
  rounded: readonly RoundedNumber[],
): Promise<ValidationIssue[]> {
  if (rounded.length === 0) return [];
  const probe = structuredClone(body);
  for (const { path } of rounded) {
    const holder = valueAt(probe, path.slice(0, -1));
    const key = path.at(-1);
    if (key !== undefined && typeof holder === 'object' && holder !== null) {
      (holder as Record<PropertyKey, unknown>)[key] = 0.5;
    }
  }
  const result = await schema.safeParseAsync(probe);
  if (result.success) return [];
  const wholeFields = new Set(
    result.error.issues
      .filter((issue) => issue.code === 'invalid_type' && issue.expected === 'int')
      .map((issue) => pointerOf(issue.path)),
  );
  const refused = rounded.filter(({ path }) => wholeFields.has(pointerOf(path)));
  if (refused.length === 0) return [];
  const probed = new Set(rounded.map(({ path }) => pointerOf(path)));
  return [
    ...refused.map(({ path, written, read }): ValidationIssue => {
      const readAs = BigInt(read).toString();
      return {
        pointer: pointerOf(path),
        rule: 'exact whole number',
        detail: `${written} would be read as ${readAs}, not as written`,
        words: { kind: 'roundedNumber', written, read: readAs },
      };
    }),
    ...issuesFromZod(result.error, probe).filter((issue) => !probed.has(issue.pointer)),
  ];
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
 * sees it (Hono keeps what was read for the validator); `schema`, the body's, says which
 * fields take only whole numbers.
 */
export function requireJsonBody(schema: z.ZodType): MiddlewareHandler {
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
    const { duplicate, rounded } = lostInParsing(text);
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
    const roundedIssues = await roundedWholeNumbers(schema, body, rounded);
    if (roundedIssues.length > 0) throw new InvalidBody(roundedIssues);
    await next();
  };
}
