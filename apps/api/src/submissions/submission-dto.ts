import type { SubmissionDto } from '@dondoc/contracts';
import type { FileRow, SubmissionRow } from './submissions.repository.js';

export function toSubmissionDtos(taskId: string, submissions: SubmissionRow[], files: FileRow[]): SubmissionDto[] {
  return submissions.map((s) => ({
    id: s.id,
    seq: s.seq,
    revision: s.revision,
    note: s.note,
    submittedBy: s.submitted_by_name ?? s.submitted_by,
    submittedAt: s.submitted_at.toISOString(),
    decision: s.decision,
    decisionComment: s.decision_comment,
    decidedBy: s.decided_by_name ?? s.decided_by,
    decidedAt: s.decided_at ? s.decided_at.toISOString() : null,
    files: files
      .filter((f) => f.submission_id === s.id)
      .map((f) => ({
        id: f.id,
        fileName: f.file_name,
        mimeType: f.mime_type,
        sizeBytes: f.size_bytes,
        sha256: f.sha256,
        downloadUrl: `/api/tasks/${taskId}/files/${f.id}`,
      })),
  }));
}
