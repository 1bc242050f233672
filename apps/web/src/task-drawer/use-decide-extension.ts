import type { ExtensionDecisionRequest, ExtensionDecisionResponse } from '@dondoc/contracts';
import { api } from '../api/api-client';
import { useTaskMutation } from './use-task-mutation';

/** Grants or refuses one open extension request of the task. */
export function useDecideExtension(taskId: string, requestId: string) {
  return useTaskMutation(taskId, (body: ExtensionDecisionRequest) =>
    api<ExtensionDecisionResponse>(`/extension-requests/${requestId}/decision`, { method: 'POST', body }),
  );
}
