import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@dondoc/workflow';
import type { AuthUser } from './auth-user.js';

export const PUBLIC_KEY = 'dondoc:public';
export const ROLES_KEY = 'dondoc:roles';

/** No token needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Which roles may call the handler. Handlers without this (or @Public) are refused: deny by default. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const ALL_ROLES: Role[] = ['office', 'standing_committee', 'agency', 'inspector', 'admin'];
/** Roles that work with tasks (admin manages accounts, not tasks). */
export const TASK_READERS: Role[] = ['office', 'standing_committee', 'agency', 'inspector'];

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!req.user) throw new Error('CurrentUser used on a public route');
  return req.user;
});
