import { useQuery } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/** Every account with its e-mail and status (GET /api/admin/users, administrators only). */
export function useAdminUsers(enabled = true) {
  return useQuery({
    queryKey: queryKeys.adminUsers,
    queryFn: ({ signal }) => unwrap(typedApi.GET('/api/admin/users', { signal })),
    enabled,
  });
}
