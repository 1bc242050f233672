import type { CreateReportSnapshotRequest, ReportSnapshotDto, ReportSnapshotPage } from '@dondoc/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { reportKeys } from './report-query-keys';

export function useSnapshots() {
  return useQuery({
    queryKey: reportKeys.snapshots,
    queryFn: ({ signal }) => api<ReportSnapshotPage>('/reports/snapshots', { query: { limit: 50 }, signal }),
  });
}

/** One frozen snapshot; it never changes, so it is never refetched. */
export function useSnapshot(id: string) {
  return useQuery({
    queryKey: reportKeys.snapshot(id),
    queryFn: ({ signal }) => api<ReportSnapshotDto>(`/reports/snapshots/${encodeURIComponent(id)}`, { signal }),
    enabled: Boolean(id),
    staleTime: Infinity,
  });
}

export function useFreezeSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportSnapshotRequest) =>
      api<ReportSnapshotDto>('/reports/snapshots', { method: 'POST', body }),
    onSuccess: (snapshot) => {
      client.setQueryData(reportKeys.snapshot(snapshot.id), snapshot);
      void client.invalidateQueries({ queryKey: reportKeys.snapshots, exact: true });
    },
  });
}
