import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@dondoc/contracts';

/** The one exception our code throws on purpose: a status, a stable code, a message a person can act on. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiErrorBody['details'],
  ) {
    super({ statusCode: status, code, message, details }, status);
  }

  static notFound(what = 'Resource'): ApiError {
    return new ApiError(404, 'NOT_FOUND', `${what} not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): ApiError {
    return new ApiError(403, 'FORBIDDEN', message);
  }
}
