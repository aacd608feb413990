// The OpenAPI 3.1 document, built from the routes' declarations (src/http/contract-routes.ts)
// with zod's own JSON Schema (OpenAPI 3.1's schemas are JSON Schema 2020-12). A schema with an
// `id` in its metadata becomes a component, referred to wherever it is used; a request is
// described as it is read (zod's input), an answer as it is written (zod's output).

import type { RouteConfig } from '@hono/zod-openapi';
import * as z from 'zod';

type JsonObject = Record<string, unknown>;
type Io = 'input' | 'output';

/** What the document says besides its paths. */
export interface DocumentHead {
  info: JsonObject;
  servers: JsonObject[];
  tags: JsonObject[];
  securitySchemes: Record<string, JsonObject>;
}

/** The parts of a declaration the document copies as they are. */
const operationFields = ['tags', 'summary', 'description', 'security', 'operationId', 'deprecated'] as const;

/**
 * The zod schemas of one direction (requests or answers), converted together so that the
 * components they share are converted once. `add` hands out an object that `convert` fills.
 */
class SchemaSet {
  private readonly schemas: [z.ZodType, JsonObject][] = [];

  constructor(private readonly io: Io) {}

  add(schema: unknown): unknown {
    if (!(schema instanceof z.ZodType)) return schema;
    const target: JsonObject = {};
    this.schemas.push([schema, target]);
    return target;
  }

  /** Fills every schema handed out; answers the components, by id, as `$defs` refers to them. */
  convert(): Record<string, JsonObject> {
    const all = z.object(Object.fromEntries(this.schemas.map(([schema], index) => [String(index), schema])));
    const { properties = {}, $defs = {} } = z.toJSONSchema(all, {
      target: 'draft-2020-12',
      io: this.io,
      unrepresentable: 'any',
    }) as { properties?: Record<string, JsonObject>; $defs?: Record<string, JsonObject> };
    for (const [index, [, target]] of this.schemas.entries()) Object.assign(target, properties[index]);
    return $defs;
  }
}

/** Points `$defs` references at the document's components, renaming those `renamed` names. */
function referToComponents<T>(value: T, renamed: ReadonlyMap<string, string>): T {
  const text = JSON.stringify(value).replaceAll(
    /"#\/\$defs\/([^"]+)"/g,
    (_, id: string) => `"#/components/schemas/${renamed.get(id) ?? id}"`,
  );
  return JSON.parse(text) as T;
}

/** A zod object's fields, by name; none for anything else. */
function fieldsOf(schema: unknown): [string, z.ZodType][] {
  return schema instanceof z.ZodObject ? Object.entries(schema.shape as Record<string, z.ZodType>) : [];
}

/** A parameter's or an answer header's description of one field of a zod object. */
function fieldOf(field: z.ZodType, set: SchemaSet): JsonObject {
  return {
    required: !field.safeParse(undefined).success,
    ...(field.description ? { description: field.description } : {}),
    schema: set.add(field),
  };
}

function parameters(request: RouteConfig['request'], set: SchemaSet): JsonObject[] {
  const places = [
    ['path', request?.params],
    ['query', request?.query],
    ['header', request?.headers],
  ] as const;
  return places.flatMap(([place, schema]) =>
    fieldsOf(schema).map(([name, field]) => ({
      name,
      in: place,
      ...fieldOf(field, set),
      // OpenAPI requires every path parameter.
      ...(place === 'path' ? { required: true } : {}),
    })),
  );
}

function contentOf(content: object | undefined, set: SchemaSet) {
  if (!content) return undefined;
  return Object.fromEntries(
    Object.entries(content as Record<string, { schema?: unknown }>).map(([type, { schema }]) => [
      type,
      { schema: set.add(schema) },
    ]),
  );
}

function responsesOf(responses: RouteConfig['responses'], set: SchemaSet): JsonObject {
  return Object.fromEntries(
    Object.entries(responses).map(([status, answer]) => {
      const { description, headers, content } = answer as {
        description: string;
        headers?: unknown;
        content?: object;
      };
      const headerFields = fieldsOf(headers).map(([name, field]) => [name, fieldOf(field, set)]);
      return [
        status,
        {
          description,
          ...(headerFields.length ? { headers: Object.fromEntries(headerFields) } : {}),
          ...(content ? { content: contentOf(content, set) } : {}),
        },
      ];
    }),
  );
}

/** The OpenAPI 3.1 document of `routes`. */
export function openApiDocument(routes: readonly RouteConfig[], head: DocumentHead): JsonObject {
  const requests = new SchemaSet('input');
  const answers = new SchemaSet('output');
  const operations = routes.map((route) => {
    const { request } = route;
    const params = parameters(request, requests);
    const body = request?.body;
    const operation: JsonObject = {
      ...Object.fromEntries(
        operationFields.filter((field) => field in route).map((field) => [field, route[field]]),
      ),
      ...(params.length ? { parameters: params } : {}),
      ...(body
        ? {
            requestBody: {
              required: body.required ?? false,
              ...(body.description ? { description: body.description } : {}),
              content: contentOf(body.content, requests),
            },
          }
        : {}),
      responses: responsesOf(route.responses, answers),
    };
    return { route, operation };
  });
  const requestComponents = requests.convert();
  const answerComponents = answers.convert();
  // A component a request and an answer both use may read otherwise than it is written (a
  // default, for one): then the request's is a component of its own, `{id}Input`.
  const renamed = new Map(
    Object.entries(requestComponents)
      .filter(
        ([id, schema]) =>
          id in answerComponents && JSON.stringify(schema) !== JSON.stringify(answerComponents[id]),
      )
      .map(([id]) => [id, `${id}Input`]),
  );
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const { route, operation } of operations) {
    const { responses, ...asked } = operation;
    const described = {
      ...referToComponents(asked, renamed),
      responses: referToComponents(responses, new Map()),
    };
    paths[route.path] = { ...paths[route.path], [route.method]: described };
  }
  const requestOnly = Object.entries(requestComponents).filter(
    ([id]) => !(id in answerComponents) || renamed.has(id),
  );
  const components = {
    ...referToComponents(
      Object.fromEntries(requestOnly.map(([id, schema]) => [renamed.get(id) ?? id, schema])),
      renamed,
    ),
    ...referToComponents(answerComponents, new Map()),
  };
  return {
    openapi: '3.1.0',
    info: head.info,
    servers: head.servers,
    tags: head.tags,
    components: {
      schemas: components,
      securitySchemes: head.securitySchemes,
    },
    paths,
  };
}
