// Routes declared by their contract. A route's declaration (createRoute) holds the zod schemas
// that validate its request and the answers it gives; `openapi(route, handler)` mounts the
// handler behind those validators and keeps the declaration, with its full path, for the
// OpenAPI document (src/contract/openapi-document.ts). The types are @hono/zod-openapi's, and
// so is the way a route is declared, but not its code: that code generates the document with
// a library that was 11 KiB of the bundle in gzip, where zod's own JSON Schema, in
// the bundle anyway, does the same (docs/architecture.md#the-bundle).

import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { type Env, Hono, type MiddlewareHandler, type Schema } from 'hono';
import type { BlankSchema } from 'hono/types';
import { mergePath } from 'hono/utils/url';
import * as z from 'zod';
import { valid } from './validation.ts';

/** A route as the OpenAPI document describes it: its declaration, at its full path. */
export type DeclaredRoute = RouteConfig;

/** A route's declaration; the same object, typed so that `openapi()` knows its request. */
export const createRoute = <P extends string, R extends Omit<RouteConfig, 'path'> & { path: P }>(
  route: R,
): R => route;

/** `/{slug}` as Hono routes it: `/:slug`. */
const routingPath = (path: string) => path.replaceAll(/\/{(.+?)}/g, '/:$1');
/** `/:slug` as OpenAPI writes it: `/{slug}`. */
const documentPath = (path: string) => path.replaceAll(/:([^/]+)/g, '{$1}');

/**
 * The validators of a declared request, in the order @hono/zod-openapi runs them: query,
 * path, headers, then a JSON body. A request part declared in a form they would not check
 * (headers as a list, a body of another media type) is refused when the route is declared.
 */
function validatorsOf(route: RouteConfig): MiddlewareHandler[] {
  const { request } = route;
  const validators: MiddlewareHandler[] = [];
  if (request?.query) validators.push(valid('query', request.query));
  if (request?.params) validators.push(valid('param', request.params));
  if (Array.isArray(request?.headers)) throw new Error(`${route.path}: declare headers as one zod object`);
  if (request?.headers) validators.push(valid('header', request.headers));
  for (const [type, content] of Object.entries(request?.body?.content ?? {})) {
    const schema = content && 'schema' in content ? content.schema : undefined;
    if (type !== 'application/json' || !(schema instanceof z.ZodType))
      throw new Error(`${route.path}: a body is declared as JSON, with a zod schema`);
    validators.push(valid('json', schema));
  }
  return validators;
}

export class ContractRoutes<
  E extends Env = Env,
  S extends Schema = BlankSchema,
  BasePath extends string = '/',
> extends Hono<E, S, BasePath> {
  /** Every route declared here and in the routes mounted here, at its full path. */
  readonly declared: DeclaredRoute[] = [];

  /** Mounts `handler` behind the validators of `route`'s request, and keeps `route`. */
  openapi = ((route: RouteConfig, handler: MiddlewareHandler) => {
    const middleware = [route.middleware ?? []].flat() as MiddlewareHandler[];
    const handlers = [...middleware, ...validatorsOf(route), handler];
    (this as unknown as Hono).on(
      route.method.toUpperCase(),
      routingPath(route.path),
      ...(handlers as [MiddlewareHandler]),
    );
    this.declared.push(route);
    return this;
  }) as unknown as OpenAPIHono<E, S, BasePath>['openapi'];

  override route<
    SubPath extends string,
    SubEnv extends Env,
    SubSchema extends Schema,
    SubBasePath extends string,
  >(path: SubPath, app: Hono<SubEnv, SubSchema, SubBasePath>) {
    const mounted = super.route(path, app);
    if (app instanceof ContractRoutes)
      for (const route of app.declared as DeclaredRoute[])
        this.declared.push({ ...route, path: mergePath(documentPath(path), route.path) });
    return mounted;
  }
}
