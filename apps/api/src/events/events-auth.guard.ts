import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { ApiError } from '../common/api-error.js';
import { accessTokenOf } from './access-token.js';

/**
 * The global guard's check (a valid, live session), also for a token in `?access_token=`. Every role
 * may open the stream: what it then receives is filtered event by event.
 */
@Injectable()
export class EventsAuthGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const token = accessTokenOf(req);
    if (!token) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first');
    const user = await this.auth.authenticate(token);
    if (!user) throw new ApiError(401, 'UNAUTHENTICATED', 'Your session has ended; sign in again');
    req.user = user;
    return true;
  }
}
