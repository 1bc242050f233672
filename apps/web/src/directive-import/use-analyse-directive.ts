import type { DirectiveImportProposal } from '@dondoc/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, apiUpload } from '../api/api-client';

/** What the Office hands in: a file (.txt, .docx, text .pdf) or pasted text. */
export type DirectiveSource = { file: File } | { text: string };

/**
 * Sends a directive to be read into a proposal (nothing is saved), with the file's upload progress
 * (0 to 1; null when no file is on its way).
 */
export function useAnalyseDirective() {
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (source: DirectiveSource) => {
      if ('text' in source) {
        return api<DirectiveImportProposal>('/directives/import', { method: 'POST', body: { text: source.text } });
      }
      const form = new FormData();
      form.append('file', source.file);
      setProgress(0);
      return apiUpload<DirectiveImportProposal>('/directives/import', form, setProgress);
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}
