import type {
  CreateReportingPeriodRequest,
  ProgressReportDto,
  ReportingPeriodDetailDto,
  ReportingPeriodDto,
  ReportingPeriodListDto,
  ReportingPeriodRemindDto,
  TaskProgressDto,
} from '@dondoc/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, apiDownload, apiUpload } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/** Under the task's key: whatever refreshes the task (a live event, a transition) refreshes its progress too. */
export const progressKeys = {
  task: (taskId: string) => [...queryKeys.task(taskId), 'progress'] as const,
  periods: ['reporting-periods'] as const,
  period: (id: string) => ['reporting-periods', id] as const,
};

export function useTaskProgress(taskId: string) {
  return useQuery({
    queryKey: progressKeys.task(taskId),
    queryFn: ({ signal }) => api<TaskProgressDto>(`/tasks/${taskId}/progress`, { signal }),
  });
}

export interface ProgressInput {
  percent: number;
  narrative: string;
  periodId: string | null;
  files: File[];
}

/** Báo cáo tiến độ: multipart, so files ride along; then the task, its list rows and the periods are fetched again. */
export function useReportProgress(taskId: string) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (input: ProgressInput) => {
      const form = new FormData();
      form.append('percent', String(input.percent));
      form.append('narrative', input.narrative);
      if (input.periodId) form.append('periodId', input.periodId);
      for (const f of input.files) form.append('files', f, f.name);
      setProgress(0);
      return apiUpload<ProgressReportDto>(`/tasks/${taskId}/progress`, form, setProgress);
    },
    onSettled: async () => {
      setProgress(null);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.task(taskId) }),
        client.invalidateQueries({ queryKey: ['tasks', 'list'] }),
        client.invalidateQueries({ queryKey: progressKeys.periods }),
      ]);
    },
  });
  return { ...mutation, progress };
}

export function downloadProgressFile(reportId: string, file: { id: string; fileName: string }): Promise<void> {
  return apiDownload(`/progress-reports/${reportId}/files/${file.id}`, file.fileName);
}

export function useReportingPeriods() {
  return useQuery({
    queryKey: progressKeys.periods,
    queryFn: ({ signal }) => api<ReportingPeriodListDto>('/reporting-periods', { signal }),
  });
}

export function useReportingPeriod(id: string | null) {
  return useQuery({
    queryKey: progressKeys.period(id ?? ''),
    queryFn: ({ signal }) => api<ReportingPeriodDetailDto>(`/reporting-periods/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useOpenPeriod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportingPeriodRequest) =>
      api<ReportingPeriodDetailDto>('/reporting-periods', { method: 'POST', body }),
    onSuccess: async (created) => {
      client.setQueryData(progressKeys.period(created.id), created);
      await client.invalidateQueries({ queryKey: progressKeys.periods });
    },
  });
}

export function usePeriodAction(id: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: progressKeys.periods });
  const remind = useMutation({
    mutationFn: () => api<ReportingPeriodRemindDto>(`/reporting-periods/${id}/remind`, { method: 'POST' }),
    onSettled: refresh,
  });
  const close = useMutation({
    mutationFn: () => api<ReportingPeriodDto>(`/reporting-periods/${id}/close`, { method: 'POST' }),
    onSettled: refresh,
  });
  return { remind, close };
}
