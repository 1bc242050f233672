import type { NotificationPage } from '@dondoc/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { usePollInterval } from '../live/live-status';

/** How many of the newest notifications the panel lists; the unread count covers all of them. */
export const NOTIFICATION_PAGE_SIZE = 30;

/** The caller's newest notifications and unread count; live events invalidate it, polling covers a dead stream. */
export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) =>
      api<NotificationPage>('/notifications', { query: { limit: NOTIFICATION_PAGE_SIZE, offset: 0 }, signal }),
    refetchInterval: usePollInterval(),
  });
}
