import { describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { call, json } from '../support/api.ts';

type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
  security?: unknown[];
};

async function openApiDocument() {
  const response = await call('/api/v1/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('etag')).toBeTruthy();
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  return json<{ openapi: string; paths: Record<string, Record<string, Operation>>; components: any }>(
    response,
  );
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every endpoint of the API and the feeds', async () => {
    const doc = await openApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /healthz',
        'GET /api/v1/indicators',
        'GET /api/v1/places',
        'GET /api/v1/places/{slug}',
        'PUT /api/v1/places/{slug}',
        'GET /api/v1/places/{slug}/reports',
        'GET /api/v1/reports',
        'GET /api/v1/reports/{id}',
        'POST /api/v1/reports',
        'POST /api/v1/reports/batch',
        'POST /api/v1/reports/{id}/corrections',
        'POST /api/v1/reports/{id}/retraction',
        'GET /api/v1/changes',
        'GET /feeds/{file}',
        'GET /feeds/places/{file}',
        'GET /feeds.opml',
        'GET /exports/status.csv',
        'GET /exports/status.geojson',
        'GET /exports/reports.csv',
      ]),
    );
  });

  it('describes every route the Worker serves, but for pages meant for people', async () => {
    const doc = await openApiDocument();
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const forPeople =
      /^GET (\/|\/places\/\{slug\}|\/reports\/\{id\}|\/assets\/.*|\/docs|\/api\/v1\/openapi\.json|\/problems\/\{type\})$|^(GET|POST) \/desk(\/([a-z.-]+|\{id\}|\{slug\}|\{secret\}))*$/;
    const served = new Set(
      app.routes
        .filter((route) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method))
        .filter((route) => !route.path.includes('*'))
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`)
        .filter((operation) => !forPeople.test(operation)),
    );
    expect([...served].filter((operation) => !documented.has(operation))).toEqual([]);
    expect(served.size).toBeGreaterThanOrEqual(18);
  });

  it('names the parameters the routes validate, and the problems they answer', async () => {
    const doc = await openApiDocument();
    const history = doc.paths['/api/v1/reports']?.get;
    expect(history?.parameters?.map((p) => p.name).sort()).toEqual(
      ['cursor', 'indicator', 'limit', 'since', 'until', 'verification'].sort(),
    );
    const post = doc.paths['/api/v1/reports']?.post;
    expect(post?.security).toEqual([{ bearerAuth: [] }]);
    expect(post?.parameters?.map((p) => `${p.in} ${p.name}`).sort()).toEqual(
      ['query dryRun', 'header idempotency-key', 'header confirm-warnings'].sort(),
    );
    expect(Object.keys(post?.requestBody?.content ?? {})).toEqual(['application/json']);
    expect(Object.keys(post?.responses ?? {}).sort()).toEqual(
      ['200', '201', '400', '401', '403', '409', '413', '415', '422', '429', '503'].sort(),
    );
    expect(post?.responses['422']?.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes the change log: its cursor, its answer and its problems', async () => {
    const doc = await openApiDocument();
    const changes = doc.paths['/api/v1/changes']?.get;
    expect(changes?.parameters?.map((p) => `${p.in} ${p.name}`)).toEqual(['query after']);
    expect(Object.keys(changes?.responses ?? {}).sort()).toEqual(['200', '400', '503']);
    const answer = changes?.responses['200']?.content?.['application/json'] as { schema: any };
    expect(answer.schema.properties.changes.items).toEqual({ $ref: '#/components/schemas/Change' });
    expect([...answer.schema.required].sort()).toEqual(['changes', 'next', 'nextCursor']);
    const kinds = doc.components.schemas.Change.oneOf.map((c: any) => c.properties.kind.const);
    expect(kinds).toEqual(['new', 'correction', 'retraction']);
  });

  it('refers only to components it holds, and holds only what OpenAPI defines in an operation', async () => {
    const doc = await openApiDocument();
    const text = JSON.stringify(doc);
    const refs = new Set([...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] ?? ''));
    expect(refs.size).toBeGreaterThan(5);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas, ref).toHaveProperty([ref.split('/').at(-1) ?? '']);
    }
    const fields = new Set([
      'tags',
      'summary',
      'description',
      'security',
      'parameters',
      'requestBody',
      'responses',
    ]);
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(methods))
        expect(
          Object.keys(operation).filter((key) => !fields.has(key)),
          `${method} ${path}`,
        ).toEqual([]);
  });

  it('describes a request as it is read and an answer as it is written', async () => {
    const doc = await openApiDocument();
    const hxl = doc.paths['/exports/status.csv']?.get?.parameters?.find((p) => p.name === 'hxl') as any;
    expect(hxl).toMatchObject({ in: 'query', required: false, schema: { default: 'true' } });
    const slug = doc.paths['/api/v1/places/{slug}']?.get?.parameters?.find((p) => p.name === 'slug') as any;
    expect(slug).toMatchObject({ in: 'path', required: true, schema: { type: 'string' } });
    const batch = doc.paths['/api/v1/reports/batch']?.post?.requestBody as any;
    expect(batch).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportBatchInput' } } },
    });
  });
});

describe('the interactive reference at /docs', () => {
  it('loads the document, with a script policy that allows only its nonce and the reference bundle', async () => {
    const response = await call('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = response.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)' https:\/\/cdn\.jsdelivr\.net/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    expect(html).toContain('/api/v1/openapi.json');
    expect(html).toContain(`nonce="${nonce}"`);
  });

  it('leaves every other answer under the strictest policy', async () => {
    const response = await call('/api/v1/openapi.json');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
  });
});
