import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiOperation } from '@nestjs/swagger';
import type { ErrorCode } from '@dondoc/contracts';
import type { ZodObject, ZodType } from 'zod';

/** A JSON Schema (2020-12, as OpenAPI 3.1 takes it) written by hand, for what zod does not describe. */
export type JsonSchema = Record<string, unknown>;

/** One operation of the API, described once beside its handler; openapi-document.ts turns it into OpenAPI. */
export interface EndpointSpec {
  summary: string;
  description?: string;
  /** Reachable without a bearer token (sign-in, health, the ticketed event stream). */
  public?: boolean;
  /** Also opened with a single-use stream ticket in `?ticket=` (EventSource cannot send headers). */
  ticket?: boolean;
  /** The JSON body, validated by the same zod schema. */
  body?: ZodType;
  /** A multipart body: its parts (files as binary strings). */
  multipart?: { properties: Record<string, JsonSchema>; required?: string[] };
  /** Query parameters, one per key of the same zod schema the handler validates with. */
  query?: ZodObject;
  /** Path parameters that are not UUIDs. */
  params?: Record<string, JsonSchema>;
  /** The success answer: a zod schema for JSON, or media types for files and streams; none for 204. */
  ok: {
    status?: 200 | 201 | 204;
    description?: string;
    schema?: ZodType;
    media?: Record<string, JsonSchema>;
    headers?: Record<string, { description: string; schema: JsonSchema }>;
  };
  /** Errors this operation answers besides the ones every operation of its kind can (see openapi-document.ts). */
  errors?: Partial<Record<number, ErrorCode[]>>;
}

export const ENDPOINT_EXTENSION = 'x-dondoc-endpoint';
const specs = new Map<string, EndpointSpec>();

/** Describes an operation for the OpenAPI document: summary, security, parameters, bodies, answers and errors. */
export function ApiEndpoint(spec: EndpointSpec): MethodDecorator {
  const key = `endpoint-${specs.size + 1}`;
  specs.set(key, spec);
  return applyDecorators(
    ApiOperation({ summary: spec.summary, description: spec.description }),
    ApiExtension(ENDPOINT_EXTENSION, key),
  );
}

export function endpointSpec(key: unknown): EndpointSpec | undefined {
  return typeof key === 'string' ? specs.get(key) : undefined;
}
