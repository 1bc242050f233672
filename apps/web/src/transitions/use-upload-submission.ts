import type { SubmissionDto } from '@dondoc/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { apiUpload } from '../api/api-client';

export interface SubmissionUpload {
  note: string;
  files: readonly File[];
}

/**
 * Uploads a deliverable (a note and files) for the task's current round, with its progress (0 to 1;
 * null when no upload is under way or the last one failed). The SUBMIT that follows refreshes the task.
 */
export function useUploadSubmission(taskId: string) {
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: ({ note, files }: SubmissionUpload) => {
      const form = new FormData();
      if (note) form.append('note', note);
      for (const file of files) form.append('files', file);
      setProgress(0);
      return apiUpload<SubmissionDto>(`/tasks/${taskId}/submissions`, form, setProgress);
    },
    onError: () => setProgress(null),
  });
  return { ...mutation, progress };
}
