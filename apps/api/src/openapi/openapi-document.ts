import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { requestSchemas, responseSchemas, type ErrorCode } from '@dondoc/contracts';
import { z, type ZodType } from 'zod';
import { ENDPOINT_EXTENSION, endpointSpec, type EndpointSpec, type JsonSchema } from './api-endpoint.decorator.js';

const COMPONENTS = '#/components/schemas/';
const ref = (id: string) => ({ $ref: `${COMPONENTS}${id}` });

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'Done; no content',
  400: 'The input is invalid (the message and `details` say what to fix)',
  401: 'No valid bearer token, or the credentials are wrong',
  403: 'The caller may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'The state has moved on (a stale version, a duplicate, a decided request)',
  413: 'Too large: the message says the limit',
  415: 'The file type is not accepted',
  422: 'The file was read but holds nothing usable',
  429: 'Too many attempts: wait `Retry-After` seconds',
  500: 'Unexpected error; it has been logged under the request id',
  503: 'A dependency is unavailable or the server is shutting down; retry',
};

/** JSON Schemas of every named contract (requests as the pipes read them, responses as the API writes them). */
function componentSchemas(): Record<string, JsonSchema> {
  const uri = (id: string) => `${COMPONENTS}${id}`;
  const requests = z.toJSONSchema(requestSchemas, { io: 'input', uri, unrepresentable: 'any' }).schemas;
  const responses = z.toJSONSchema(responseSchemas, { io: 'output', uri, unrepresentable: 'any' }).schemas;
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of [...Object.entries(requests), ...Object.entries(responses)]) {
    if (out[id]) throw new Error(`OpenAPI: two contracts are named ${id}`);
    const { $schema: _s, $id: _i, ...rest } = schema as JsonSchema;
    out[id] = rest;
  }
  return out;
}

/** A schema as a `$ref` when it is a named contract (or an array of one), inline otherwise. */
function schemaOf(schema: ZodType, io: 'input' | 'output'): JsonSchema {
  const registry = io === 'input' ? requestSchemas : responseSchemas;
  const id = registry.get(schema)?.id;
  if (id) return ref(id);
  if (schema instanceof z.ZodArray) return { type: 'array', items: schemaOf(schema.element as ZodType, io) };
  const { $schema: _s, ...inline } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  if ('$defs' in inline) throw new Error('OpenAPI: name the nested contract instead of inlining it');
  return inline;
}

function errorResponses(spec: EndpointSpec, method: string, pathParams: string[]): Record<string, unknown> {
  const byStatus = new Map<number, Set<ErrorCode>>();
  const add = (status: number, ...codes: ErrorCode[]) => {
    const set = byStatus.get(status) ?? new Set<ErrorCode>();
    for (const c of codes) set.add(c);
    byStatus.set(status, set);
  };
  add(500, 'INTERNAL_ERROR');
  add(503, 'SERVICE_UNAVAILABLE');
  if (!spec.public) add(401, 'UNAUTHENTICATED');
  if (!spec.public) add(403, 'FORBIDDEN');
  if (spec.body) add(400, 'VALIDATION_FAILED', 'MALFORMED_JSON');
  // The body parser reads any JSON body sent, before the route: a broken one is refused even where none is expected.
  if (method !== 'get') add(400, 'MALFORMED_JSON');
  if (spec.body || spec.multipart) add(413, 'PAYLOAD_TOO_LARGE');
  if (spec.multipart) add(400, 'VALIDATION_FAILED');
  if (spec.query) add(400, 'VALIDATION_FAILED');
  // A malformed id names nothing the caller may see: 404, like an unknown one (UuidParamPipe).
  if (pathParams.length) add(404, 'NOT_FOUND');
  for (const [status, codes] of Object.entries(spec.errors ?? {})) add(Number(status), ...(codes ?? []));
  const out: Record<string, unknown> = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    out[String(status)] = {
      description: STATUS_TEXT[status] ?? 'Error',
      content: {
        'application/json': {
          schema: { allOf: [ref('ApiError'), { properties: { code: { enum: [...byStatus.get(status)!].sort() } } }] },
        },
      },
    };
  }
  return out;
}

function successResponse(spec: EndpointSpec): Record<string, unknown> {
  const status = spec.ok.status ?? 200;
  const response: Record<string, unknown> = { description: spec.ok.description ?? STATUS_TEXT[status] };
  if (spec.ok.schema) response.content = { 'application/json': { schema: schemaOf(spec.ok.schema, 'output') } };
  if (spec.ok.media) {
    response.content = Object.fromEntries(Object.entries(spec.ok.media).map(([type, schema]) => [type, { schema }]));
  }
  if (spec.ok.headers) response.headers = spec.ok.headers;
  return { [String(status)]: response };
}

function queryParameters(spec: EndpointSpec): JsonSchema[] {
  if (!spec.query) return [];
  const json = z.toJSONSchema(spec.query, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: 'query',
      required: (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

type Operation = Record<string, unknown>;

function describe(path: string, method: string, op: Operation): void {
  const spec = endpointSpec(op[ENDPOINT_EXTENSION]);
  if (!spec) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} has no @ApiEndpoint`);
  delete op[ENDPOINT_EXTENSION];
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  op.summary = spec.summary;
  const parameters = [
    ...pathParams.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: spec.params?.[name] ?? { type: 'string', format: 'uuid' },
    })),
    ...queryParameters(spec),
  ];
  if (parameters.length) op.parameters = parameters;
  else delete op.parameters;
  const content: Record<string, unknown> = {};
  if (spec.body) content['application/json'] = { schema: schemaOf(spec.body, 'input') };
  if (spec.multipart) content['multipart/form-data'] = { schema: { type: 'object', ...spec.multipart } };
  if (Object.keys(content).length) op.requestBody = { required: true, content };
  else delete op.requestBody;
  op.responses = { ...successResponse(spec), ...errorResponses(spec, method, pathParams) };
  op.security = spec.public ? [] : spec.ticket ? [{ bearer: [] }, { streamTicket: [] }] : [{ bearer: [] }];
}

/** The API description served at /api/docs/openapi.json: OpenAPI 3.1, every schema from the zod contracts. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Đôn Đốc API')
      .setDescription(
        'Directive tasks of the Provincial Party Committee: assignment, submission, approval, escalation and reports. ' +
          'Errors are `{statusCode, code, message, details?, requestId}`; clients switch on `code`.',
      )
      .setVersion('0.1.0')
      .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
      .addServer('/', 'This server')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addApiKey(
        { type: 'apiKey', in: 'query', name: 'ticket', description: 'From POST /api/events/tickets; single use, 60 s' },
        'streamTicket',
      )
      .addSecurityRequirements('bearer')
      .build(),
  );
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) describe(path, method, op);
  }
  document.components = { ...document.components, schemas: componentSchemas() };
  return document;
}
