import type { SetMilestonesRequest } from '@dondoc/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { postMilestoneDone } from './milestone-requests';

export const milestoneKeys = { ofTask: (taskId: string) => ['milestones', taskId] as const };

/** A task's milestones, each with its own deadline status. */
export function useMilestones(taskId: string, version: number) {
  return useQuery({
    // The task's version in the key: any change to the task (a milestone reached, a live event) refetches.
    queryKey: [...milestoneKeys.ofTask(taskId), version],
    queryFn: ({ signal }) =>
      unwrap(typedApi.GET('/api/tasks/{id}/milestones', { params: { path: { id: taskId } }, signal })),
  });
}

/** Writes refresh the panel and the board (the card shows the next milestone). */
function useRefresh(taskId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: milestoneKeys.ofTask(taskId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.task(taskId) }),
      queryClient.invalidateQueries({ queryKey: ['tasks', 'list'] }),
    ]);
}

export function useSetMilestones(taskId: string) {
  const refresh = useRefresh(taskId);
  return useMutation({
    mutationFn: (body: SetMilestonesRequest) =>
      unwrap(typedApi.PUT('/api/tasks/{id}/milestones', { params: { path: { id: taskId } }, body })),
    onSettled: refresh,
  });
}

export function useMarkMilestoneDone(taskId: string) {
  const refresh = useRefresh(taskId);
  return useMutation({
    mutationFn: (milestoneId: string) => unwrap(postMilestoneDone(typedApi, milestoneId)),
    onSettled: refresh,
  });
}
