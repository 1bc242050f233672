import type { CreateReportSnapshotRequest, ReportSnapshotDto } from '@dondoc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { reportKeys } from './report-query-keys';

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
