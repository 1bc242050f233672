import type { SaveCalendarYearRequest } from '@dondoc/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { deleteCalendarYear, getCalendar, putCalendarYear } from './calendar-requests';

export const calendarKeys = {
  all: ['calendar'] as const,
  span: (from: number, to: number) => ['calendar', from, to] as const,
};

/** The calendar of the years `from`..`to`; changes rarely, so it stays fresh for a while. */
export function useCalendar(from: number | null, to: number | null) {
  return useQuery({
    queryKey: calendarKeys.span(from ?? 0, to ?? 0),
    queryFn: ({ signal }) => unwrap(getCalendar(typedApi, from ?? 0, to ?? 0, signal)),
    enabled: from !== null && to !== null,
    staleTime: 5 * 60_000,
  });
}

/** A change moves effective deadlines and reminders: the calendar and every task view are read again. */
function useRefreshAfterChange() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: calendarKeys.all }),
      qc.invalidateQueries({ queryKey: queryKeys.tasks }),
    ]);
}

export function useSaveCalendarYear(year: number) {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (body: SaveCalendarYearRequest) => unwrap(putCalendarYear(typedApi, year, body)),
    onSuccess: refresh,
  });
}

export function useWithdrawCalendarYear(year: number) {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: () => unwrap(deleteCalendarYear(typedApi, year)),
    onSuccess: refresh,
  });
}
