import type { ReportSummary } from '@dondoc/contracts';
import { useQueries } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { reportKeys } from './report-query-keys';
import type { OrganisationScope } from './use-dashboard-params';

export const SERIES_MONTHS = 12;

export interface SeriesPoint {
  day: string;
  onTime: number;
  late: number;
  notDue: number;
  dueSoon: number;
  overdue: number;
  total: number;
  completionRate: number | null;
}

/** The last day of each of the `months` months before `until`'s month, then `until` itself; oldest first. */
export function monthEnds(until: string, months: number): string[] {
  const [y, m] = until.split('-').map(Number) as [number, number];
  const days: string[] = [];
  for (let back = months - 1; back >= 1; back--) {
    // Day 0 of month m - back + 1 is the last day of month m - back (Date.UTC rolls the year over).
    const end = new Date(Date.UTC(y, m - back, 0));
    days.push(end.toISOString().slice(0, 10));
  }
  days.push(until);
  return days;
}

/**
 * Completion over time. The reports API has no time series, so the chart asks `summary` at a handful
 * of days (month ends of the last year, and the day shown), in parallel; each answer is rebuilt by the
 * server from the task history. The past does not change, so those answers are kept for long.
 */
export function useCompletionSeries(until: string, scope: OrganisationScope = {}) {
  const days = monthEnds(until, SERIES_MONTHS);
  return useQueries({
    queries: days.map((day) => ({
      queryKey: reportKeys.view('summary', day, { ...scope }),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<ReportSummary>('/reports/summary', { query: { asOf: day, ...scope }, signal }),
      staleTime: 10 * 60_000,
    })),
    combine: (results) => ({
      points: results.flatMap((r): SeriesPoint[] => {
        if (!r.data) return [];
        const f = r.data.figures;
        return [
          {
            day: r.data.asOf,
            onTime: f.onTime,
            late: f.late,
            notDue: f.notDue,
            dueSoon: f.dueSoon,
            overdue: f.overdue,
            total: f.total,
            completionRate: f.completionRate,
          },
        ];
      }),
      pending: results.some((r) => r.isPending),
      failed: results.some((r) => r.isError),
    }),
  });
}
