import type { RoleName } from '@dondoc/contracts';
import { useMemo } from 'react';
import { useAdminUsers } from '../admin/use-admin-users';
import { usePeople } from '../people/use-people';

export interface LogPerson {
  id: string;
  fullName: string;
  role: string;
}

/**
 * The people the "who" filter offers: every account for the administrator (GET /api/admin/users), the people
 * directory for the inspector (the API gives each only the list its role may read).
 */
export function useLogPeople(role: RoleName | undefined): LogPerson[] {
  const admin = role === 'admin';
  const directory = usePeople({}, role === 'inspector');
  const accounts = useAdminUsers(admin);
  return useMemo(
    () =>
      [...(admin ? (accounts.data ?? []) : directory.people)]
        .map((p) => ({ id: p.id, fullName: p.fullName, role: p.role }))
        .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
    [admin, accounts.data, directory.people],
  );
}
