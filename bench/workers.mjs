// What every Miniflare the benchmark starts shares: the write token, the compatibility date
// and the writers (Durable Objects) as wrangler.toml declares them.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const benchToken = 'bench-token';
export const apiTokens = JSON.stringify([
  { name: 'bench', sha256: createHash('sha256').update(benchToken).digest('hex'), scopes: ['report'] },
]);

export const compatibilityDate = /compatibility_date = "([^"]+)"/.exec(
  readFileSync('wrangler.toml', 'utf8'),
)?.[1];

const writerClasses = {
  PLACE_WRITER: 'PlaceWriter',
  ALL_PLACES_WRITER: 'AllPlacesWriter',
  IDEMPOTENCY_KEEPER: 'IdempotencyKeeper',
};

/**
 * The writers' bindings; `scriptName` names the worker that defines them when it is another.
 * @param {string} [scriptName]
 */
export function writerBindings(scriptName) {
  return Object.fromEntries(
    Object.entries(writerClasses).map(([binding, className]) => [
      binding,
      { className, useSQLite: true, ...(scriptName ? { scriptName } : {}) },
    ]),
  );
}
