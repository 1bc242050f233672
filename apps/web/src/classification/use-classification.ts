import type { DirectiveDto, SetAccessListRequest, SetClassificationRequest, TaskSummaryDto } from '@dondoc/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

export type ClassifiedKind = 'task' | 'directive';

export const accessListKey = (kind: ClassifiedKind, id: string) => ['access-list', kind, id] as const;

/** The need-to-know list of a classified task or directive; asked only once someone opens it. */
export function useAccessList(kind: ClassifiedKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: accessListKey(kind, id),
    queryFn: ({ signal }) => {
      const params = { path: { id } };
      return unwrap(
        kind === 'task'
          ? typedApi.GET('/api/tasks/{id}/access', { params, signal })
          : typedApi.GET('/api/directives/{id}/access', { params, signal }),
      );
    },
    enabled,
  });
}

/**
 * Everything a level or a list changes: who sees the item on the board, the drawer's copy and history, the
 * directive list (a directive's level), and the list itself (a new level may clear people or need them).
 */
function useRefresh(kind: ClassifiedKind, id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: accessListKey(kind, id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tasks }),
      ...(kind === 'directive' ? [queryClient.invalidateQueries({ queryKey: queryKeys.directives })] : []),
    ]);
}

/** PUT …/classification: raising is free, lowering needs a comment (the API checks both). */
export function useSetClassification(kind: ClassifiedKind, id: string) {
  const refresh = useRefresh(kind, id);
  return useMutation({
    mutationFn: (body: SetClassificationRequest): Promise<TaskSummaryDto | DirectiveDto> => {
      const params = { path: { id } };
      return kind === 'task'
        ? unwrap(typedApi.PUT('/api/tasks/{id}/classification', { params, body }))
        : unwrap(typedApi.PUT('/api/directives/{id}/classification', { params, body }));
    },
    onSettled: refresh,
  });
}

/** PUT …/access: the whole list replaces the one in force, which the answer is. */
export function useSetAccessList(kind: ClassifiedKind, id: string) {
  const refresh = useRefresh(kind, id);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetAccessListRequest) => {
      const params = { path: { id } };
      return unwrap(
        kind === 'task'
          ? typedApi.PUT('/api/tasks/{id}/access', { params, body })
          : typedApi.PUT('/api/directives/{id}/access', { params, body }),
      );
    },
    onSuccess: (data) => queryClient.setQueryData(accessListKey(kind, id), data),
    onSettled: refresh,
  });
}
