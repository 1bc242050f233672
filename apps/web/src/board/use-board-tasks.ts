import { FIELD_VALUES, TASK_PAGE_MAX } from '@dondoc/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { usePollInterval } from '../live/live-status';
import { BOARD_STATES } from './board-model';
import type { BoardFilters } from './use-board-filters';

// One request for the whole list: the server's cap on a page, far above a province's load.
const LIMIT = TASK_PAGE_MAX;

/** What the server narrows for every view of the board (scope, search, filters), without state or paging. */
export function serverFilters(filters: BoardFilters) {
  return {
    directiveId: filters.directiveId || undefined,
    agencyId: filters.agencyId || undefined,
    // From the URL: an unknown field is dropped rather than refused by the server.
    field: FIELD_VALUES.find((f) => f === filters.field),
    deadlineStatus: filters.deadlineStatus || undefined,
    q: filters.q.trim() || undefined,
    // "Việc của tôi", "Tôi theo dõi", "Trọng tâm": the server knows who "me" is.
    assignee: filters.mine ? ('me' as const) : undefined,
    monitor: filters.watching ? ('me' as const) : undefined,
    key: filters.key ? ('true' as const) : undefined,
  };
}

/** The tasks the list and the review queue show, narrowed by the server (scope, search, filters). */
export function useBoardTasks(filters: BoardFilters, enabled = true) {
  const pollInterval = usePollInterval();
  const query = useMemo(
    () => ({
      ...serverFilters(filters),
      state:
        filters.view === 'review'
          ? 'submitted'
          : (filters.showCancelled ? [...BOARD_STATES, 'cancelled'] : BOARD_STATES).join(','),
      limit: LIMIT,
    }),
    [filters],
  );
  return useQuery({
    queryKey: queryKeys.taskList(query),
    queryFn: ({ signal }) => unwrap(typedApi.GET('/api/tasks', { params: { query }, signal })),
    enabled,
    // Typing in the search box must not blank the board between answers.
    placeholderData: keepPreviousData,
    refetchInterval: pollInterval,
  });
}
