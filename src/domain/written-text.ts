// Rules for text as people write it now, checked on the way in (places, reports,
// corrections, retractions), never on what is read back: a fact stored under earlier rules
// stays readable. Text made only of invisible characters is empty; a name may not carry
// bidi controls; a language tag must be well formed, and is kept in its canonical case,
// so that "nl-be" and "nl-BE" are one key.

import type { z } from 'zod';

// Characters that show nothing by themselves: controls, format characters (zero-width spaces
// and joiners, marks), separators, and the fillers and blanks that render as empty space.
const invisible =
  /[\p{Cc}\p{Cf}\p{Z}\p{Variation_Selector}\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0]|\u034F/gu;

// Embeddings, overrides and isolates reorder the generated text around a name wherever it is
// shown ("Bakhmut\u202E: at least 120" reads backwards after the name).
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;

function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

type Path = readonly PropertyKey[];

/** Names of places and of people: the fields shown inside generated sentences and titles. */
const isName = (path: Path) => path.at(-2) === 'names' || path.at(-1) === 'name' || path.at(-1) === 'role';

const isLanguage = (path: Path) => path.at(-1) === 'language';

function checkString(value: string, path: Path, ctx: z.RefinementCtx): void {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', path: [...path], message });
  if (value !== '' && value.replace(invisible, '') === '') issue('must contain a visible character');
  if (isName(path) && bidiControls.test(value)) {
    issue('must not contain bidi embedding, override or isolate characters (U+202A-U+202E, U+2066-U+2069)');
  }
  if (isLanguage(path) && canonicalTag(value) === undefined)
    issue('must be a well-formed BCP 47 language tag');
}

function checkNameKeys(names: Record<string, unknown>, path: Path, ctx: z.RefinementCtx): void {
  const seen = new Map<string, string>();
  for (const key of Object.keys(names)) {
    const canonical = canonicalTag(key);
    if (canonical === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, key],
        message: 'must be a well-formed BCP 47 language tag',
      });
      continue;
    }
    const first = seen.get(canonical);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, key],
        message: `names the same language as "${first}"`,
        params: { words: { kind: 'sameLanguage', first } },
      });
    }
    seen.set(canonical, key);
  }
}

/** Checks every text of a parsed input; the issues name each field. */
export function checkWrittenText(value: unknown, ctx: z.RefinementCtx, path: Path = []): void {
  if (typeof value === 'string') {
    checkString(value, path, ctx);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) checkWrittenText(item, ctx, [...path, i]);
  } else if (value !== null && typeof value === 'object') {
    if (path.at(-1) === 'names') checkNameKeys(value as Record<string, unknown>, path, ctx);
    for (const [key, item] of Object.entries(value)) checkWrittenText(item, ctx, [...path, key]);
  }
}

/** The input with every language tag (values named `language`, keys of `names`) in canonical form. */
export function withCanonicalLanguages<T>(value: T, path: Path = []): T {
  if (typeof value === 'string') return (isLanguage(path) ? (canonicalTag(value) ?? value) : value) as T;
  if (Array.isArray(value)) return value.map((item, i) => withCanonicalLanguages(item, [...path, i])) as T;
  if (value === null || typeof value !== 'object') return value;
  const names = path.at(-1) === 'names';
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      names ? (canonicalTag(key) ?? key) : key,
      withCanonicalLanguages(item, [...path, key]),
    ]),
  ) as T;
}
