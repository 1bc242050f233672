import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@dondoc/workflow';
import type { Request } from 'express';
import { ApiError } from '../common/api-error.js';
import type { AuthUser } from './auth-user.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { isUnconfirmed, SESSION_IN_READ_KEY, sessionEnded } from './session-in-read.js';

/** Global guard: a valid live session, then the handler's declared roles. No declaration, no access. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(header) : null;
    if (!match) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first');
    const inRead = this.reflector.getAllAndOverride<boolean>(SESSION_IN_READ_KEY, targets) === true;
    const user = await this.auth.authenticate(match[1], inRead);
    if (!user) throw sessionEnded();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    // A refusal is told only to a session the database has confirmed.
    const confirmed =
      roles?.includes(user.role) || !isUnconfirmed(user) ? user : await this.auth.authenticate(match[1]);
    if (!confirmed) throw sessionEnded();
    req.user = confirmed;

    if (!roles || !roles.includes(confirmed.role)) {
      throw new ApiError(403, 'FORBIDDEN', 'Your role may not do this');
    }
    return true;
  }
}
