import type { BulkTaskActionRequest } from '@dondoc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/** POST /api/tasks/bulk: all or nothing; afterwards every task list refetches. */
export function useBulkAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkTaskActionRequest) => unwrap(typedApi.POST('/api/tasks/bulk', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tasks }),
  });
}
