import type { ReportSnapshotPage } from '@dondoc/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { reportKeys } from './report-query-keys';

export function useSnapshots() {
  return useQuery({
    queryKey: reportKeys.snapshots,
    queryFn: ({ signal }) => api<ReportSnapshotPage>('/reports/snapshots', { query: { limit: 50 }, signal }),
  });
}
