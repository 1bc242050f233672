import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject, Logger } from '@nestjs/common';
import { DIRECTIVE_IMPORT_MAX_BYTES, type ApiErrorBody, type ErrorCode } from '@dondoc/contracts';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiError } from './api-error.js';
import { loggableError } from './loggable-error.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Every error leaves as `{statusCode, code, message}`; stacks and driver messages stay in the log. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception, req.path);
    body.requestId = typeof req.id === 'string' ? req.id : undefined;
    // For the metrics middleware: outcomes labelled by stable code.
    res.locals.errorCode = body.code;
    if (body.statusCode >= 500) {
      this.logger.error({ err: loggableError(exception), requestId: body.requestId, path: req.path }, 'request failed');
    }
    if (res.headersSent) return;
    // A 429 says how long to wait (login throttling, auth/login-throttle.ts), in seconds.
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, path: string): ApiErrorBody {
    if (exception instanceof ApiError) {
      return {
        statusCode: exception.getStatus(),
        code: exception.code,
        message: exception.message,
        details: exception.details,
      };
    }
    // Nest 12 wraps body-parser's errors in an HttpException and keeps the original as `cause`.
    const parserError = (exception instanceof HttpException ? exception.cause : exception) as
      { type?: string } | undefined;
    if (parserError?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' };
    }
    if (parserError?.type === 'entity.too.large') {
      const limit = (parserError as { limit?: unknown }).limit;
      return tooLarge(typeof limit === 'number' ? limit : undefined, 'Nội dung yêu cầu', 'The request body');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      // A failed health check (terminus): keep its per-dependency details, which hold no secrets.
      if (status === 503 && typeof response === 'object' && response && 'details' in response) {
        const details = (response as { details: Record<string, { status?: string }> }).details;
        const down = Object.keys(details).filter((k) => details[k]?.status === 'down');
        return {
          statusCode: 503,
          code: 'SERVICE_UNAVAILABLE',
          message: `Not ready: ${down.join(', ') || 'a dependency is down'}`,
          details,
        };
      }
      // multer's file-size limit: say which limit, for the route that has it.
      if (status === 413) {
        const limit = /\/directives\/import$/.test(path) ? DIRECTIVE_IMPORT_MAX_BYTES : this.config.maxUploadBytes;
        return tooLarge(limit, 'Tệp', 'A file');
      }
      const message =
        typeof response === 'object' && response && 'message' in response
          ? String(response.message)
          : exception.message;
      return {
        statusCode: status,
        code: STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED'),
        message,
      };
    }
    if (isConnectionLost(exception)) {
      return {
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'The database connection was lost; try again (a change is either made whole or not at all)',
      };
    }
    const e = exception as { status?: number };
    if (e?.status && e.status >= 400 && e.status < 500) {
      return {
        statusCode: e.status,
        code: STATUS_CODES[e.status] ?? 'VALIDATION_FAILED',
        message: 'The request could not be read',
      };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error; it has been logged' };
  }
}

/**
 * PostgreSQL went away mid-request (restart, failover, terminated backend) or its database is not there (a read
 * replica being rebuilt, 3D000): a retryable 503, not a 500.
 */
function isConnectionLost(exception: unknown): boolean {
  const err = exception as { code?: string; driverError?: { code?: string; message?: string }; message?: string };
  const code = err?.driverError?.code ?? err?.code;
  if (code && /^(57P0[123]|08\d{3}|3D000)$/.test(code)) return true;
  const message = `${err?.driverError?.message ?? ''} ${err?.message ?? ''}`;
  return /Connection terminated|not queryable|ECONNRESET|ECONNREFUSED|terminating connection/.test(message);
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 100) / 100} MB`;
}

/** A 413 that says the limit, in Vietnamese then English, and gives it in bytes. */
function tooLarge(limitBytes: number | undefined, whatVi: string, whatEn: string): ApiErrorBody {
  if (limitBytes === undefined) {
    return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `${whatVi} quá lớn / ${whatEn} is too large` };
  }
  const limit = megabytes(limitBytes);
  return {
    statusCode: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: `${whatVi} vượt quá giới hạn ${limit} / ${whatEn} is larger than the ${limit} limit`,
    details: { limitBytes },
  };
}
