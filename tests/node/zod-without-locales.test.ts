// The bundle's zod (src/zod-without-locales/, put in place of 'zod' by wrangler.toml's
// [alias]) must hold every value the service takes from zod, or the Worker would break where
// the tests, which import zod itself, pass. Every `z.name` in src/ that zod exports as a
// value is checked, and each is zod's own, not a copy.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as zod from 'zod';
import * as lean from '../../src/zod-without-locales/index.ts';

const src = resolve(import.meta.dirname, '../../src');

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** Every name the code reads of the namespace `z`, types included. */
const namesUsed = new Set(
  filesUnder(src)
    .filter((path) => /\.tsx?$/.test(path) && !path.includes('zod-without-locales'))
    .flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/\bz\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1] ?? ''),
    ),
);

describe('the bundle’s zod', () => {
  it('holds every value the service takes from zod, as zod’s own', () => {
    const values = [...namesUsed].filter((name) => name in zod);
    expect(values.length).toBeGreaterThan(15);
    // @hono/zod-openapi extends zod's base type with .openapi().
    for (const name of [...values, 'ZodType']) {
      expect(lean, `z.${name}`).toHaveProperty(name);
      expect(Reflect.get(lean, name), `z.${name}`).toBe(Reflect.get(zod, name));
    }
    expect(lean.default).toBe(lean.z);
  });

  it('leaves out zod’s translations, which are most of its bytes', () => {
    expect(lean).not.toHaveProperty('locales');
    expect(lean).not.toHaveProperty('core');
    expect(zod).toHaveProperty('locales');
  });

  it('validates as zod does, in English', () => {
    const schema = lean.z.strictObject({ count: lean.z.int().min(0) });
    const result = schema.safeParse({ count: -1, extra: true });
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(zod.ZodError);
    expect(result.error?.issues.map((i) => i.message)).toEqual(
      zod
        .strictObject({ count: zod.int().min(0) })
        .safeParse({ count: -1, extra: true })
        .error?.issues.map((i) => i.message),
    );
  });
});
