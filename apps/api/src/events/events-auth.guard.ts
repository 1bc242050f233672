import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { ApiError } from '../common/api-error.js';
import { bearerTokenOf, streamTicketOf } from './access-token.js';

/**
 * A live session by the bearer header, as the global guard checks it, or by a stream ticket in `?ticket=`
 * (EventSource cannot send headers; the ticket is single use and lives a minute). Every role may open the
 * stream: what it then receives is filtered event by event.
 */
@Injectable()
export class EventsAuthGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const token = bearerTokenOf(req);
    const ticket = token ? undefined : streamTicketOf(req);
    if (!token && !ticket) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first');
    const user = token ? await this.auth.authenticate(token) : await this.auth.redeemStreamTicket(ticket!);
    if (!user) {
      throw new ApiError(
        401,
        'UNAUTHENTICATED',
        token
          ? 'Your session has ended; sign in again'
          : 'This stream ticket is used, expired or unknown; ask for a new one',
      );
    }
    req.user = user;
    return true;
  }
}
