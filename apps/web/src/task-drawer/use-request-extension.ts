import type { CreateExtensionRequest, ExtensionRequestDto } from '@dondoc/contracts';
import { api } from '../api/api-client';
import { useTaskMutation } from './use-task-mutation';

/** Xin gia hạn: the lead agency asks for a later deadline. */
export function useRequestExtension(taskId: string) {
  return useTaskMutation(taskId, (body: CreateExtensionRequest) =>
    api<ExtensionRequestDto>(`/tasks/${taskId}/extension-requests`, { method: 'POST', body }),
  );
}
