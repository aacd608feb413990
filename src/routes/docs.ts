// The contract: the OpenAPI 3.1 document generated from the routes' zod schemas, and an
// interactive reference of it at /docs.

import { Scalar } from '@scalar/hono-api-reference';
import { openApiDocument } from '../contract/openapi-document.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { ContractRoutes } from '../http/contract-routes.ts';
import { noQuery } from '../http/queries.ts';
import { valid } from '../http/validation.ts';

export const openApiPath = '/api/v1/openapi.json';

export const apiDescription = `Reported conditions of places hit by war or disaster: electricity, gas and water, residents remaining, civilians killed. Every figure keeps its qualifier (exact, approximately, at least, at most), its source and its verification status; reports are corrected or retracted, never silently changed or deleted.

Reads are public (CORS for any origin), cached with ETag and Cache-Control. Writes need a bearer token with the right scope and accept an Idempotency-Key. Every error is application/problem+json (RFC 9457).

Within v1, fields, endpoints, indicators, enum values at the end of their lists and problem types may be added; nothing is removed, renamed or changes meaning. Clients must ignore fields they do not know.`;

const tags = [
  { name: 'Places', description: 'Current status per place' },
  { name: 'History', description: 'Reports, newest first, with their fate' },
  { name: 'Changes', description: 'Every new report, correction and retraction, in order, to keep a copy' },
  { name: 'Writing', description: 'Publishing, correcting and retracting reports' },
  { name: 'Feeds', description: 'Atom, RSS, JSON Feed and OPML' },
  { name: 'Exports', description: 'HXL-tagged CSV and GeoJSON for dashboards and maps' },
  { name: 'Indicators', description: 'What a report may carry' },
  { name: 'Service', description: 'Health' },
];

/** Adds the document and the reference to the root app, after every route is mounted. */
export function serveContract(app: ContractRoutes<AppEnv>) {
  // Generating the document walks every schema; it is the same until the next deploy, so
  // each isolate builds it once. The server URL is relative: the document serves any origin.
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get(openApiPath, valid('query', noQuery), (c) => {
    document ??= openApiDocument(app.declared, {
      info: { title: 'Humanitarian status feed', version: '1.0.0', description: apiDescription },
      servers: [{ url: '/' }],
      tags,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A write token; its scopes (report, moderate, admin) decide what it may write.',
        },
      },
    });
    return c.json(document);
  });
  app.get(
    '/docs',
    valid('query', noQuery),
    Scalar((c) => ({
      url: openApiPath,
      pageTitle: 'Humanitarian status feed API',
      nonce: c.get('secureHeadersNonce'),
    })),
  );
}
