import type { Actor, Position, Role } from '@dondoc/workflow';

export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
  /** Head, deputy or officer of an agency; Thường trực or member of the Standing Committee. */
  position: Position | null;
  /** The agency lets its officers work on all its tasks. */
  officersActOnAll: boolean;
  /** The committee the person works in, its path of codes and the agency standing for it above (see `Actor`). */
  organisationId: string;
  organisationPath: string;
  organisationAgencyId: string | null;
  sessionId: string;
}

export function toActor(user: AuthUser): Actor {
  return {
    userId: user.id,
    role: user.role,
    agencyId: user.agencyId,
    position: user.position,
    officersActOnAll: user.officersActOnAll,
    organisationId: user.organisationId,
    organisationPath: user.organisationPath,
    organisationAgencyId: user.organisationAgencyId,
  };
}
