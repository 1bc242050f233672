import type { ReportSnapshotDto } from '@dondoc/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { reportKeys } from './report-query-keys';

/** One frozen snapshot; it never changes, so it is never refetched. */
export function useSnapshot(id: string) {
  return useQuery({
    queryKey: reportKeys.snapshot(id),
    queryFn: ({ signal }) => api<ReportSnapshotDto>(`/reports/snapshots/${encodeURIComponent(id)}`, { signal }),
    enabled: Boolean(id),
    staleTime: Infinity,
  });
}
