import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../api/query-keys';
import { sessionStore } from '../auth/session-store';
import { setLive } from './live-status';

/**
 * Other people's changes without a reload: the server's event stream (GET /api/events) says which
 * task changed, and the scoped queries are refetched. While the stream is down the lists poll.
 */
export function useLiveUpdates(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const token = sessionStore.token();
    if (!token) return;
    // EventSource cannot send headers: the token goes in the query string (the server redacts it in logs).
    const source = new EventSource(`/api/events?access_token=${encodeURIComponent(token)}`);
    const refreshTasks = (taskId?: string) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks', 'list'] });
      if (taskId) void queryClient.invalidateQueries({ queryKey: queryKeys.task(taskId) });
    };
    source.addEventListener('ready', () => setLive(true));
    source.addEventListener('task.changed', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { taskId?: string };
      refreshTasks(data.taskId);
    });
    source.addEventListener('notification', () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    });
    // Missed events while Redis was away: refetch everything visible.
    source.addEventListener('resync', () => refreshTasks());
    // EventSource reconnects by itself; until 'ready' comes again the lists poll.
    source.onerror = () => setLive(false);
    return () => {
      source.close();
      setLive(false);
    };
  }, [enabled, queryClient]);
}
