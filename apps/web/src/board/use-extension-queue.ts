import { useQuery } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { usePollInterval } from '../live/live-status';

// Under ['tasks', 'list'] so that live events and every task write (a decision among them) refetch it.
// Its items are requests, not tasks: the board's optimistic patches match by task id and pass them by.
const KEY = ['tasks', 'list', 'extension-queue'] as const;

/** The open extension requests the caller may see, oldest first (the server's order). */
export function useExtensionQueue() {
  const pollInterval = usePollInterval();
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      unwrap(typedApi.GET('/api/extension-requests', { params: { query: { status: 'open', limit: 500 } }, signal })),
    refetchInterval: pollInterval,
  });
}
