import type {
  AcceptContribution,
  ContributionDto,
  ContributionListDto,
  RequestContribution,
  ReturnContribution,
} from '@dondoc/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiDownload, apiUpload } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { useTaskMutation } from '../task-drawer/use-task-mutation';

/** Under the task's own key, so every write on the task (and a live event about it) refreshes it too. */
export const contributionsKey = (taskId: string) => [...queryKeys.task(taskId), 'contributions'] as const;

export function useContributions(taskId: string) {
  return useQuery({
    queryKey: contributionsKey(taskId),
    queryFn: ({ signal }) => api<ContributionListDto>(`/tasks/${taskId}/contributions`, { signal }),
  });
}

/** Đề nghị phối hợp (or a changed ask): the lead agency or the Office. */
export function useAskContribution(taskId: string) {
  return useTaskMutation(taskId, ({ agencyId, ...body }: RequestContribution & { agencyId: string }) =>
    api<ContributionDto>(`/tasks/${taskId}/contributions/${agencyId}`, { method: 'PUT', body }),
  );
}

/** Gửi nội dung phối hợp: the coordinator's note and files. */
export function useSubmitContribution(taskId: string, contributionId: string) {
  return useTaskMutation(taskId, ({ note, files }: { note: string; files: File[] }) => {
    const form = new FormData();
    form.append('note', note);
    for (const f of files) form.append('files', f);
    return apiUpload<ContributionDto>(`/contributions/${contributionId}/versions`, form);
  });
}

export function useAcceptContribution(taskId: string, contributionId: string) {
  return useTaskMutation(taskId, (body: AcceptContribution) =>
    api<ContributionDto>(`/contributions/${contributionId}/accept`, { method: 'POST', body }),
  );
}

export function useReturnContribution(taskId: string, contributionId: string) {
  return useTaskMutation(taskId, (body: ReturnContribution) =>
    api<ContributionDto>(`/contributions/${contributionId}/return`, { method: 'POST', body }),
  );
}

export function useContributionFileDownload(contributionId: string) {
  return useMutation({
    mutationFn: (file: { id: string; fileName: string }) =>
      apiDownload(`/contributions/${contributionId}/files/${file.id}`, file.fileName),
  });
}
