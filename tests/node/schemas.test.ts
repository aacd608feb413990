// schema/ must be what `npm run schemas` writes from the zod definitions today.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  jsonSchemaOf,
  type PublicDocumentName,
  publicDocuments,
} from '../../src/contract/public-documents.ts';

const names = Object.keys(publicDocuments) as PublicDocumentName[];

describe('schema/', () => {
  it('holds exactly one JSON Schema per public document', () => {
    expect(readdirSync('schema').sort()).toEqual(names.map((name) => `${name}.schema.json`).sort());
  });

  it.each(names)('%s.schema.json matches the zod definition (run `npm run schemas` if not)', (name) => {
    const onDisk = JSON.parse(readFileSync(`schema/${name}.schema.json`, 'utf8'));
    expect(onDisk).toEqual(jsonSchemaOf(name));
    expect(onDisk.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
