import { WorkingCalendar } from '@dondoc/workflow';
import { useMemo } from 'react';
import { officialYearsOf, yearSpan } from './calendar-model';
import { useCalendar } from './use-calendar';

/**
 * libs/workflow's WorkingCalendar for the years these dates fall in (and the next, where a late-December
 * deadline rolls to), built from GET /api/calendar: its settings and each year's official schedule; computed
 * holidays fill the years without one. Null while loading or when there is no date.
 */
export function useWorkingCalendar(dates: readonly (string | null | undefined)[]): WorkingCalendar | null {
  const span = yearSpan(dates);
  const query = useCalendar(span?.from ?? null, span?.to ?? null);
  const data = query.data;
  return useMemo(() => {
    if (!data) return null;
    const { enabled, weekendDays, rollToWorkingDay, workdayStart } = data.settings;
    return new WorkingCalendar({ enabled, weekendDays, rollToWorkingDay, workdayStart }, officialYearsOf(data));
  }, [data]);
}
