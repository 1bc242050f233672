import type { ConfirmDirectiveImportRequest, ConfirmDirectiveImportResponse } from '@dondoc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/**
 * Saves the edited proposal as the directive and its drafted tasks; resolves once the board's lists and
 * the directive list have been refetched, so the board opened next shows them.
 */
export function useConfirmDirectiveImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmDirectiveImportRequest) =>
      api<ConfirmDirectiveImportResponse>('/directives/import/confirm', { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.tasks }),
        queryClient.invalidateQueries({ queryKey: queryKeys.directives }),
      ]),
  });
}
