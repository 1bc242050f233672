import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { useUploadSubmission, type SubmissionUpload } from '../transitions/use-upload-submission';

/**
 * Files (and a note) handed in while the work goes on, without submitting: the same upload the submit
 * dialog makes, after which the panel and the board's lists are fetched again to show them.
 */
export function useUploadWorkingFiles(taskId: string) {
  const client = useQueryClient();
  const upload = useUploadSubmission(taskId);
  const send = async (input: SubmissionUpload) => {
    try {
      return await upload.mutateAsync(input);
    } finally {
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.task(taskId) }),
        client.invalidateQueries({ queryKey: ['tasks', 'list'] }),
      ]);
    }
  };
  return { send, progress: upload.progress, isPending: upload.isPending, error: upload.error, reset: upload.reset };
}
