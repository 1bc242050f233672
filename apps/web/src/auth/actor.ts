import type { UserDto } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';

/**
 * The signed-in person as libs/workflow's rules see them: with their place in the agency or the Committee
 * (an officer works only on the tasks assigned to them, the Thường trực decides what is theirs) and, for an
 * agency, whether its head lets officers work on every task it leads. The same facts the server's actor has.
 */
export function actorOf(
  user: Pick<UserDto, 'id' | 'role' | 'agencyId' | 'position'>,
  officersActOnAll: boolean | undefined,
): Actor {
  return {
    userId: user.id,
    role: user.role,
    agencyId: user.agencyId,
    position: user.position ?? null,
    officersActOnAll: officersActOnAll === true,
  };
}

/** Whether the agency's setting matters to what this person may do (only an officer's work depends on it). */
export function needsAgencySettings(user: Pick<UserDto, 'role' | 'agencyId' | 'position'>): boolean {
  return user.role === 'agency' && !!user.agencyId && user.position === 'officer';
}
