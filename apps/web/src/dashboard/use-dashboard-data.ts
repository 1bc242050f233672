import type {
  ReportAverages,
  ReportBundle,
  ReportByAgency,
  ReportByDirective,
  ReportByField,
  ReportCoordination,
  ReportEscalations,
  ReportMilestones,
  ReportReviewQueue,
  ReportSummary,
} from '@dondoc/contracts';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { reportKeys } from './report-query-keys';
import type { OrganisationScope } from './use-dashboard-params';

/**
 * What the dashboard shows; a snapshot's bundle has the same parts, so both views share one body. The
 * coordinating agencies and milestones are optional: snapshots frozen before they were reported lack them.
 */
export type DashboardData = Pick<
  ReportBundle,
  | 'summary'
  | 'byAgency'
  | 'byDirective'
  | 'byField'
  | 'escalations'
  | 'reviewQueue'
  | 'averages'
  | 'coordination'
  | 'milestones'
>;

// The escalation list on screen stops here; its `total` still counts every item.
export const ESCALATION_PAGE = 50;

/** The live (or "as of") report views, fetched in parallel; `data` is there once every part is. */
export function useDashboardData(asOf: string, enabled = true, scope: OrganisationScope = {}) {
  const query = { asOf: asOf || undefined, ...scope };
  const view = <T>(path: string, extra: Record<string, number> = {}) => ({
    queryKey: reportKeys.view(path, asOf, { ...scope }),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api<T>(`/reports/${path}`, { query: { ...query, ...extra }, signal }),
    // Changing the date keeps the old figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    // Live figures are a monitoring screen left open; a past day does not change. Figures answered while newer
    // ones are computed (a province's, at scale) are asked for again soon.
    refetchInterval: (q: { state: { data?: unknown } }) =>
      asOf ? false : (q.state.data as { refreshing?: boolean } | undefined)?.refreshing ? 3_000 : 60_000,
    enabled,
  });
  return useQueries({
    queries: [
      view<ReportSummary>('summary'),
      view<ReportByAgency>('by-agency'),
      view<ReportByDirective>('by-directive'),
      view<ReportByField>('by-field'),
      view<ReportEscalations>('escalations', { limit: ESCALATION_PAGE }),
      view<ReportReviewQueue>('review-queue', { limit: 1 }),
      view<ReportAverages>('averages'),
      view<ReportCoordination>('coordination'),
      view<ReportMilestones>('milestones'),
    ] as const,
    combine: (results) => {
      const [summary, byAgency, byDirective, byField, escalations, reviewQueue, averages, coordination, milestones] =
        results;
      const data: DashboardData | undefined =
        summary.data &&
        byAgency.data &&
        byDirective.data &&
        byField.data &&
        escalations.data &&
        reviewQueue.data &&
        averages.data &&
        coordination.data &&
        milestones.data
          ? {
              summary: summary.data,
              byAgency: byAgency.data,
              byDirective: byDirective.data,
              byField: byField.data,
              escalations: escalations.data,
              reviewQueue: reviewQueue.data,
              averages: averages.data,
              coordination: coordination.data,
              milestones: milestones.data,
            }
          : undefined;
      return {
        data,
        error: results.find((r) => r.error)?.error ?? null,
        isFetching: results.some((r) => r.isFetching),
        /** Some figures are those of a moment ago; newer ones are being computed. */
        refreshing: results.some((r) => (r.data as { refreshing?: boolean } | undefined)?.refreshing === true),
        isPlaceholder: results.some((r) => r.isPlaceholderData),
        refetch: () => results.forEach((r) => void r.refetch()),
      };
    },
  });
}
