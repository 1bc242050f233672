import type { CommentDto } from '@dondoc/contracts';
import { api } from '../api/api-client';
import { useTaskMutation } from './use-task-mutation';

/** Posts a comment on the task; the drawer and the board refresh once it is in. */
export function useAddComment(taskId: string) {
  return useTaskMutation(taskId, (body: string) =>
    api<CommentDto>(`/tasks/${taskId}/comments`, { method: 'POST', body: { body } }),
  );
}
