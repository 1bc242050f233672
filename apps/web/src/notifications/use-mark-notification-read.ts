import type { NotificationPage } from '@dondoc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/**
 * Marks one notification read. The badge drops at once (the person is already on their way to the
 * task); the server's count replaces the guess when the list is refetched.
 */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/notifications/${id}/read`, { method: 'POST' }),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.notifications });
      const before = queryClient.getQueryData<NotificationPage>(queryKeys.notifications);
      if (before) {
        const readAt = new Date().toISOString();
        queryClient.setQueryData<NotificationPage>(queryKeys.notifications, {
          ...before,
          unread: Math.max(0, before.unread - 1),
          items: before.items.map((n) => (n.id === id ? { ...n, readAt } : n)),
        });
      }
      return { before };
    },
    onError: (_error, _id, context) => {
      if (context?.before) queryClient.setQueryData(queryKeys.notifications, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
