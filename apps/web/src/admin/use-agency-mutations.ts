import type { CreateAgencyRequest, UpdateAgencyRequest } from '@dondoc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/**
 * Registering, changing and ordering agencies. Each refreshes the admin list and the pickers' list
 * (`GET /api/agencies`), which follows the same official order.
 */
export function useAgencyMutations() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.adminAgencies }),
      queryClient.invalidateQueries({ queryKey: queryKeys.agencies }),
    ]);

  const create = useMutation({
    mutationFn: (body: CreateAgencyRequest) => unwrap(typedApi.POST('/api/admin/agencies', { body })),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateAgencyRequest }) =>
      unwrap(typedApi.PATCH('/api/admin/agencies/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
  const setOrder = useMutation({
    mutationFn: (agencyIds: string[]) => unwrap(typedApi.PUT('/api/admin/agencies/order', { body: { agencyIds } })),
    onSuccess: (agencies) => {
      queryClient.setQueryData(queryKeys.adminAgencies, agencies);
      return refresh();
    },
  });
  return { create, update, setOrder };
}
