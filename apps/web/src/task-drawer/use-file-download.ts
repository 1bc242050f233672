import type { AttachmentDto } from '@dondoc/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '../api/api-client';

/** Saves one file of the task: it is behind the session's token, so a plain link would be refused. */
export function useFileDownload(taskId: string, file: AttachmentDto) {
  return useMutation({ mutationFn: () => apiDownload(`/tasks/${taskId}/files/${file.id}`, file.fileName) });
}
