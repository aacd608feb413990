// Routes declared by their contract (src/http/contract-routes.ts): each handler runs behind
// the validators of its declared request, and each declaration is kept, at its full path,
// for the OpenAPI document. Declared in a form the validators would not check, a route is
// refused when it is declared, not left unchecked.

import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { openApiDocument } from '../../src/contract/openapi-document.ts';
import { ContractRoutes, createRoute } from '../../src/http/contract-routes.ts';
import { Problem } from '../../src/problems.ts';

const item = createRoute({
  method: 'get',
  path: '/items/{id}',
  summary: 'One item',
  request: {
    params: z.strictObject({ id: z.string().regex(/^\d+$/) }),
    query: z.strictObject({ full: z.enum(['true', 'false']).optional() }),
  },
  responses: {
    200: {
      description: 'The item',
      content: { 'application/json': { schema: z.object({ id: z.string() }) } },
    },
  },
});

function routes() {
  const items = new ContractRoutes().openapi(item, (c) => c.json({ id: c.req.valid('param').id }, 200));
  const root = new ContractRoutes();
  root.route('/api', items);
  root.onError((error, c) =>
    c.json({ status: error instanceof Problem ? error.kind.status : 500, says: error.message }, 418),
  );
  return root;
}

describe('a route declared by its contract', () => {
  it('runs its handler behind the validators of its query and path, the query first', async () => {
    const root = routes();
    expect(await (await root.request('/api/items/7')).json()).toEqual({ id: '7' });
    const badPath = await root.request('/api/items/seven');
    expect(await badPath.json()).toMatchObject({ status: 400, says: expect.stringMatching(/^invalid path/) });
    const both = await root.request('/api/items/seven?full=maybe');
    expect(await both.json()).toMatchObject({ status: 400, says: expect.stringMatching(/^invalid query/) });
    expect((await root.request('/api/items/7?other=1')).status).toBe(418);
  });

  it('is kept at its full path once mounted, and described there', () => {
    const root = routes();
    expect(root.declared.map((route) => `${route.method} ${route.path}`)).toEqual(['get /api/items/{id}']);
    const document = openApiDocument(root.declared, {
      info: {},
      servers: [],
      tags: [],
      securitySchemes: {},
    }) as {
      paths: Record<
        string,
        Record<string, { parameters: { name: string; in: string; required: boolean }[] }>
      >;
    };
    expect(document.paths['/api/items/{id}']?.get?.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
      expect.objectContaining({ name: 'full', in: 'query', required: false }),
    ]);
  });

  it('is refused when its headers or its body are declared in a form the validators would not check', () => {
    const declared = (request: object) =>
      createRoute({ method: 'post', path: '/form', request, responses: { 204: { description: 'Done' } } });
    const form = declared({
      body: { content: { 'application/x-www-form-urlencoded': { schema: z.object({ a: z.string() }) } } },
    });
    expect(() => new ContractRoutes().openapi(form, (c) => c.body(null, 204))).toThrow(/JSON/);
    const headers = declared({ headers: [z.object({ a: z.string() })] });
    expect(() => new ContractRoutes().openapi(headers, (c) => c.body(null, 204))).toThrow(/headers/);
  });

  it('describes a component a request reads otherwise than an answer writes as two components', () => {
    // A default: optional as the request is read, always there as the answer is written.
    const setting = z.object({ level: z.int().default(1) }).meta({ id: 'Setting' });
    const both = createRoute({
      method: 'put',
      path: '/setting',
      request: { body: { required: true, content: { 'application/json': { schema: setting } } } },
      responses: {
        200: { description: 'The setting', content: { 'application/json': { schema: setting } } },
      },
    });
    const routes = new ContractRoutes();
    routes.openapi(both, (c) => c.json({ level: 1 }, 200));
    const document = openApiDocument(routes.declared, {
      info: {},
      servers: [],
      tags: [],
      securitySchemes: {},
    }) as {
      components: { schemas: Record<string, { required?: string[] }> };
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(document.components.schemas.Setting?.required).toEqual(['level']);
    expect(document.components.schemas.SettingInput?.required).toBeUndefined();
    expect(JSON.stringify(document.paths['/setting']?.put?.requestBody)).toContain(
      '#/components/schemas/SettingInput',
    );
    expect(JSON.stringify(document.paths['/setting']?.put?.responses)).toContain(
      '#/components/schemas/Setting"',
    );
  });
});
