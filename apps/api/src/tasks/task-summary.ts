import type { TaskSummaryDto } from '@dondoc/contracts';
import type { TaskRow } from '@dondoc/persistence';
import { allowedEvents, daysOverdue, deadlineStatus, type Actor, type TaskFacts } from '@dondoc/workflow';

export function toFacts(row: TaskRow, extra: Partial<TaskFacts> = {}): TaskFacts {
  return {
    state: row.state,
    leadAgencyId: row.lead_agency_id,
    coordinatingAgencyIds: row.coordinating_agency_ids,
    dueDate: row.due_date,
    deadlineVersion: row.deadline_version,
    revision: row.revision,
    completedAt: row.completed_at,
    ...extra,
  };
}

export function toSummary(row: TaskRow, actor: Actor, now: Date, dueSoonDays: number): TaskSummaryDto {
  const facts = toFacts(row);
  return {
    id: row.id,
    code: row.code,
    directiveId: row.directive_id,
    title: row.title,
    deliverableType: row.deliverable_type,
    field: row.field,
    state: row.state,
    version: row.version,
    revision: row.revision,
    deadlineVersion: row.deadline_version,
    leadAgencyId: row.lead_agency_id,
    coordinatingAgencyIds: row.coordinating_agency_ids,
    dueDate: row.due_date,
    deadlineText: row.deadline_text,
    deadlineStatus: deadlineStatus(facts, now, { dueSoonDays }),
    daysOverdue: daysOverdue(facts, now),
    escalationLevel: row.escalation_level,
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
    allowedEvents: allowedEvents(facts, actor),
    openExtensionRequest: openExtensionOf(row),
  };
}

function openExtensionOf(row: TaskRow): TaskSummaryDto['openExtensionRequest'] {
  const open = row.open_extension_request;
  if (!open) return null;
  return {
    id: open.id,
    requestedDueDate: open.requestedDueDate,
    requestedAt: new Date(open.requestedAt).toISOString(),
  };
}
