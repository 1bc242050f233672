import type { Actor, Role } from '@dondoc/workflow';

export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
  sessionId: string;
}

export function toActor(user: AuthUser): Actor {
  return { userId: user.id, role: user.role, agencyId: user.agencyId };
}
