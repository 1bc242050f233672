import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user.js';
import { requestIdOf } from '../common/request-id.js';
import type { AccessedItem } from './accessed-item.js';
import type { AccessRequest } from './access-log.repository.js';
import { AccessLogService } from './access-log.service.js';
import { withReadScope } from './read-scope.js';
import { RECORDS_ACCESS, type RecordsAccessSpec } from './records-access.metadata.js';

/**
 * On a route marked @RecordsAccess (which binds it), the items of the answer (and those its services noted) are written
 * to the access log after the handler and before the answer is sent. If the record cannot be written, the
 * answer is not sent either (500): a classified read is never unrecorded.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessLog: AccessLogService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<RecordsAccessSpec | undefined>(RECORDS_ACCESS, context.getHandler());
    // Only @RecordsAccess binds this interceptor: bound any other way, it has no rule for what to record, and a
    // read it cannot record is not answered.
    if (!spec) throw new Error('AccessLogInterceptor bound without @RecordsAccess');
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const noted: AccessedItem[] = [];
    // The handler is called inside the scope (Nest binds it to the async context of `handle()`).
    return withReadScope(noted, () => next.handle()).pipe(
      mergeMap(async (result: unknown) => {
        const items = [...(spec.pick?.(result, req) ?? []), ...noted];
        try {
          await this.accessLog.record(
            requestOf(req),
            items.map((item) => ({ ...item, action: item.action ?? spec.action })),
          );
        } catch (err) {
          // The file stays unread: close what the handler opened.
          if (result instanceof StreamableFile) result.getStream().destroy();
          throw err;
        }
        return result;
      }),
    );
  }
}

function requestOf(req: Request & { user?: AuthUser }): AccessRequest {
  if (!req.user) throw new Error('@RecordsAccess on a route without a signed-in user');
  return {
    userId: req.user.id,
    role: req.user.role,
    method: req.method,
    // The query string stays out (a search typed by the reader); the path names what was read.
    path: req.originalUrl.split('?')[0],
    requestId: requestIdOf(req),
    // Express's req.ip follows `trust proxy` (TRUST_PROXY): the client behind the proxy, or the socket's peer.
    address: req.ip ?? null,
  };
}
