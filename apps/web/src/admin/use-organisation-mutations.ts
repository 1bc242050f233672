import type { CreateOrganisationRequest, UpdateOrganisationRequest } from '@dondoc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/**
 * Making and renaming committees. Each refreshes the tree and both agency lists: a new committee brings the agency
 * standing for it among its parent's, and a rename renames that agency too.
 */
export function useOrganisationMutations() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.organisations }),
      queryClient.invalidateQueries({ queryKey: queryKeys.adminAgencies }),
      queryClient.invalidateQueries({ queryKey: queryKeys.agencies }),
    ]);
  const create = useMutation({
    mutationFn: (body: CreateOrganisationRequest) => unwrap(typedApi.POST('/api/admin/organisations', { body })),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrganisationRequest }) =>
      unwrap(typedApi.PATCH('/api/admin/organisations/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
  return { create, update };
}
