import { ApiBody } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';

/** Publishes the contract's zod schema as the OpenAPI request body, so the docs cannot drift from validation. */
export function ApiZodBody(schema: ZodType): MethodDecorator {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return ApiBody({ schema: json });
}
