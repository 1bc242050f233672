import { type PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { ApiError } from './api-error.js';

/** Validates and whitelists input with the shared contract schema; unknown fields are refused. */
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const details = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(body)',
      message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
    }));
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      `Invalid input: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
      details,
    );
  }
}
