import type { CreateTaskRequest, TaskSummaryDto } from '@dondoc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/**
 * A sub-task made under the task given to the reader's committee, then assigned at once (its lead and deadline are
 * set): two requests, the second refused on its own if the first's task changed meanwhile. Refreshes the boards and
 * the breakdown.
 */
export function useBreakDown(parentTaskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Omit<CreateTaskRequest, 'parentTaskId'>): Promise<TaskSummaryDto> => {
      const created = await unwrap(typedApi.POST('/api/tasks', { body: { ...body, parentTaskId } }));
      return unwrap(
        typedApi.POST('/api/tasks/{id}/transitions', {
          params: { path: { id: created.id } },
          body: { event: 'ASSIGN', expectedVersion: created.version },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.tasks }),
  });
}
