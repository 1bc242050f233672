import { TASK_PAGE_MAX, type Page, type TaskStateName, type TaskSummaryDto } from '@dondoc/contracts';
import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { usePollInterval } from '../live/live-status';
import { columnsShown, type ColumnsShown } from './column-pages';
import type { BoardFilters } from './use-board-filters';
import { serverFilters } from './use-board-tasks';

/**
 * Cards a column reads at first and at each "more": a screen shows a handful, and a board of thousands of
 * tasks then reads hundreds, not all of them.
 */
export const COLUMN_PAGE = 100;
/**
 * A column counts its cards up to this many and then says "1000+": an agency of a province has hundreds of
 * thousands of approved tasks, and counting them all took a second of the board's load (1M tasks).
 */
export const COLUMN_COUNT_UP_TO = 1000;
// Swimlanes group every card of a column by agency or directive: a first page would split the lanes.
const LANES_LIMIT = TASK_PAGE_MAX;

/** Loading and error state of the board's reads, whichever hook made them. */
export interface BoardQuery {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface ColumnTasks extends BoardQuery {
  /** Undefined until every column has its first page. */
  data: ColumnsShown | undefined;
  /** Reads the column's next cards; a no-op while it is reading. */
  loadMore: (state: TaskStateName) => void;
  loadingMore: ReadonlySet<TaskStateName>;
}

/**
 * The kanban board's cards: one request per column, for its first cards and its count, narrowed by the
 * server (scope, search, filters, the lead agency, "needs attention").
 */
export function useColumnTasks(filters: BoardFilters, states: readonly TaskStateName[], enabled: boolean): ColumnTasks {
  const pollInterval = usePollInterval();
  const narrowing = {
    ...serverFilters(filters),
    // The board's agency filter is the lead agency (the list's also matches coordinating agencies).
    agencyId: undefined,
    lead: filters.agencyId || undefined,
    attention: filters.attention ? ('true' as const) : undefined,
  };
  // By value: the URL changes for other reasons too (an opened task), and those must not reread the columns.
  const base = JSON.stringify(narrowing);
  // How far each column has been read; new filters start every column again from its first page.
  const [read, setRead] = useState<{ base: string; limits: Partial<Record<TaskStateName, number>> }>({
    base,
    limits: {},
  });
  const limits = useMemo(() => (read.base === base ? read.limits : {}), [read, base]);
  const lanes = filters.lanes !== 'none';

  const queries = states.map((state) => {
    const query = lanes
      ? { ...narrowing, state, limit: LANES_LIMIT }
      : { ...narrowing, state, limit: limits[state] ?? COLUMN_PAGE, countUpTo: COLUMN_COUNT_UP_TO };
    return {
      queryKey: queryKeys.taskList(query),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(typedApi.GET('/api/tasks', { params: { query }, signal })),
      enabled,
      placeholderData: keepPreviousData,
      refetchInterval: pollInterval,
    };
  });
  const combine = useCallback(
    (results: UseQueryResult<Page<TaskSummaryDto>>[]) => {
      const pages = results.map((r, i) => (r.data ? { state: states[i], ...r.data } : undefined));
      const complete = pages.every((p) => p !== undefined);
      return {
        data: complete && pages.length ? columnsShown(pages) : undefined,
        isPending: results.some((r) => r.isPending),
        isError: results.some((r) => r.isError),
        isFetching: results.some((r) => r.isFetching),
        error: results.find((r) => r.error)?.error ?? null,
        refetch: () => Promise.all(results.map((r) => r.refetch())),
        loadingMore: new Set(states.filter((_, i) => results[i].isPlaceholderData)),
      };
    },
    [states],
  );
  const combined = useQueries({ queries, combine });
  // Idempotent: called again before the next page arrives (the list calls it on every render near its
  // end), it reads no further than one page past what this render saw.
  const loadMore = useCallback(
    (state: TaskStateName) => {
      if (combined.loadingMore.has(state)) return;
      const seen = limits[state] ?? COLUMN_PAGE;
      setRead((r) => {
        const from = r.base === base ? r.limits : {};
        if ((from[state] ?? COLUMN_PAGE) !== seen) return r;
        return { base, limits: { ...from, [state]: Math.min(TASK_PAGE_MAX, seen + COLUMN_PAGE) } };
      });
    },
    [base, limits, combined.loadingMore],
  );
  return { ...combined, loadMore };
}
