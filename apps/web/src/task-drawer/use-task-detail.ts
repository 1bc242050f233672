import { useQuery } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/** One task with its history, submissions, comments and extension requests; live events refresh it. */
export function useTaskDetail(taskId: string | null) {
  return useQuery({
    queryKey: queryKeys.task(taskId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(typedApi.GET('/api/tasks/{id}', { params: { path: { id: taskId ?? '' } }, signal })),
    enabled: Boolean(taskId),
  });
}
