import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';

/**
 * A write on one task. Comments, extensions and decisions change what the board shows (deadline,
 * status, counts) as well as the drawer, so both are refetched rather than patched by hand.
 */
export function useTaskMutation<TInput, TResult>(taskId: string, write: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.task(taskId) }),
        queryClient.invalidateQueries({ queryKey: ['tasks', 'list'] }),
      ]),
  });
}
