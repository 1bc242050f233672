import type { CreateUserRequest, UpdateUserRequest } from '@dondoc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/** Creating, changing and resetting accounts; each refreshes the list (and the shared agency-free user views). */
export function useAccountMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.adminUsers });

  const create = useMutation({
    mutationFn: (body: CreateUserRequest) => unwrap(typedApi.POST('/api/admin/users', { body })),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) =>
      unwrap(typedApi.PATCH('/api/admin/users/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
  const resetPassword = useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      unwrap(typedApi.POST('/api/admin/users/{id}/reset-password', { params: { path: { id } }, body: { password } })),
  });
  return { create, update, resetPassword };
}
