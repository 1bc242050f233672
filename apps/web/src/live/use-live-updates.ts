import type { StreamTicketResponse } from '@dondoc/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { sessionStore } from '../auth/session-store';
import { setLive } from './live-status';

/** Waits before opening the stream again after it broke, doubling up to the last. */
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Other people's changes without a reload: the server's event stream (GET /api/events) says which
 * task changed, and the scoped queries are refetched. While the stream is down the lists poll.
 * EventSource cannot send the bearer header, and a token in a URL is kept by logs and histories, so each
 * connection asks for a single-use ticket first; since a ticket opens one stream only, a broken stream is
 * reopened here with a fresh ticket rather than by EventSource's own reconnect.
 */
export function useLiveUpdates(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined' || !sessionStore.token()) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    const refreshTasks = (taskId?: string) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks', 'list'] });
      if (taskId) void queryClient.invalidateQueries({ queryKey: queryKeys.task(taskId) });
    };
    const reopenLater = () => {
      setLive(false);
      if (stopped) return;
      retry = setTimeout(open, RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]);
      failures += 1;
    };
    const open = () => {
      api<StreamTicketResponse>('/events/tickets', { method: 'POST' }).then(({ ticket }) => {
        if (stopped) return;
        const s = new EventSource(`/api/events?ticket=${encodeURIComponent(ticket)}`);
        source = s;
        s.addEventListener('ready', () => {
          failures = 0;
          setLive(true);
          // Whatever changed while the stream was down.
          refreshTasks();
        });
        s.addEventListener('task.changed', (e) => {
          const data = JSON.parse((e as MessageEvent<string>).data) as { taskId?: string };
          refreshTasks(data.taskId);
        });
        s.addEventListener('notification', () => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
        });
        // Missed events while Redis was away: refetch everything visible.
        s.addEventListener('resync', () => refreshTasks());
        s.onerror = () => {
          s.close();
          if (source === s) source = undefined;
          reopenLater();
        };
      }, reopenLater);
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      setLive(false);
    };
  }, [enabled, queryClient]);
}
