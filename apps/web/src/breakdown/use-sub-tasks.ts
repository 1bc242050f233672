import type { TaskBreakdownDto } from '@dondoc/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/**
 * The tasks a committee below broke this one into, with the parent's figures rolled up from them. Under the
 * tasks key, so a live change to any task refreshes it with the board.
 */
export function useSubTasks(taskId: string) {
  return useQuery({
    queryKey: queryKeys.subTasks(taskId),
    queryFn: ({ signal }) => api<TaskBreakdownDto>(`/tasks/${taskId}/sub-tasks`, { signal }),
    staleTime: 15_000,
  });
}
