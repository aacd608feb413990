// npm run schemas: writes schema/{name}.schema.json for every public JSON document, from
// the zod definitions in src/contract/public-documents.ts.

import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemaOf, type PublicDocumentName, publicDocuments } from '../src/contract/public-documents.ts';

mkdirSync('schema', { recursive: true });
for (const name of Object.keys(publicDocuments) as PublicDocumentName[]) {
  writeFileSync(`schema/${name}.schema.json`, `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`);
}
console.log(`schema/: ${Object.keys(publicDocuments).length} JSON Schemas written`);
