import type { TaskDetailDto } from '@dondoc/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/** One task with its history, submissions, comments and extension requests; live events refresh it. */
export function useTaskDetail(taskId: string | null) {
  return useQuery({
    queryKey: queryKeys.task(taskId ?? ''),
    queryFn: ({ signal }) => api<TaskDetailDto>(`/tasks/${encodeURIComponent(taskId ?? '')}`, { signal }),
    enabled: Boolean(taskId),
  });
}
