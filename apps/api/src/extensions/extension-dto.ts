import type { ExtensionQueueItemDto, ExtensionRequestDto, ExtensionRequestStatus } from '@dondoc/contracts';
import type { TaskState } from '@dondoc/workflow';

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

/** A queue row: the request joined with the task facts a decider reads before opening it. */
export interface ExtensionQueueRow {
  id: string;
  status: ExtensionRequestStatus;
  task_id: string;
  task_code: string;
  task_title: string;
  task_state: TaskState;
  lead_agency_id: string | null;
  task_due_date: string | null;
  current_due_date: string;
  requested_due_date: string;
  reason: string;
  requested_by: string;
  requested_by_name: string | null;
  created_at: Date;
}

export function toExtensionQueueItemDto(r: ExtensionQueueRow): ExtensionQueueItemDto {
  return {
    id: r.id,
    status: r.status,
    task: {
      id: r.task_id,
      code: r.task_code,
      title: r.task_title,
      state: r.task_state,
      leadAgencyId: r.lead_agency_id,
      dueDate: r.task_due_date,
    },
    currentDueDate: r.current_due_date,
    requestedDueDate: r.requested_due_date,
    reason: r.reason,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedAt: r.created_at.toISOString(),
  };
}
