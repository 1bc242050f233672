import type { ExtensionRequestDto, ExtensionRequestStatus } from '@dondoc/contracts';

/** An `extension_requests` row as the repository's SQL returns it (dates as text, names joined). */
export interface ExtensionRequestRow {
  id: string;
  task_id: string;
  requested_by: string;
  requested_by_name: string | null;
  current_due_date: string;
  requested_due_date: string;
  granted_due_date: string | null;
  reason: string;
  status: ExtensionRequestStatus;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  created_at: Date;
}

export function toExtensionRequestDto(r: ExtensionRequestRow): ExtensionRequestDto {
  return {
    id: r.id,
    taskId: r.task_id,
    requestedDueDate: r.requested_due_date,
    grantedDueDate: r.granted_due_date,
    currentDueDate: r.current_due_date,
    reason: r.reason,
    status: r.status,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decisionComment: r.decision_comment,
    createdAt: r.created_at.toISOString(),
  };
}
