import type { TaskSummaryDto } from '@dondoc/contracts';
import type { TaskRow } from '@dondoc/persistence';
import {
  allowedEvents,
  daysOverdue,
  deadlineStatus,
  localDate,
  type Actor,
  type TaskFacts,
  type WorkingCalendar,
} from '@dondoc/workflow';

/** How a task is shown: the due-soon window, and the working calendar its lateness is counted on. */
export interface SummaryView {
  dueSoonDays: number;
  calendar: WorkingCalendar;
}

/** The view every service shows tasks in: the configured due-soon window and the calendar this process last read. */
export function summaryViewOf(
  config: { dueSoonDays: number },
  calendars: { snapshot(): WorkingCalendar },
): SummaryView {
  return { dueSoonDays: config.dueSoonDays, calendar: calendars.snapshot() };
}

/**
 * Working days past the effective deadline (to approval for approved work): 0 when not past it, null without a
 * deadline or when cancelled.
 */
export function workingDaysOverdue(
  row: Pick<TaskRow, 'state' | 'due_date' | 'effective_due_date' | 'completed_at'>,
  now: Date,
  calendar: WorkingCalendar,
): number | null {
  const end = row.effective_due_date ?? row.due_date;
  if (!end || row.state === 'cancelled') return null;
  const asOf = localDate(row.state === 'approved' ? (row.completed_at ?? now) : now);
  return asOf > end ? calendar.workingDaysBetween(end, asOf) : 0;
}

export function toFacts(
  row: Omit<TaskFactsRow, 'effective_due_date' | 'next_milestone'>,
  extra: Partial<TaskFacts> = {},
): TaskFacts {
  return {
    state: row.state,
    organisationId: row.organisation_id,
    leadAgencyId: row.lead_agency_id,
    coordinatingAgencyIds: row.coordinating_agency_ids,
    dueDate: row.due_date,
    deadlineVersion: row.deadline_version,
    revision: row.revision,
    completedAt: row.completed_at,
    assigneeUserId: row.assignee_user_id,
    decidingAuthority: row.deciding_authority,
    continuous: row.continuous ?? false,
    ...extra,
  };
}

/** The facts of a row that the fields depending on today, the calendar and the reader are computed from. */
export type TaskFactsRow = Pick<
  TaskRow,
  | 'state'
  | 'organisation_id'
  | 'lead_agency_id'
  | 'coordinating_agency_ids'
  | 'due_date'
  | 'effective_due_date'
  | 'deadline_version'
  | 'revision'
  | 'completed_at'
  | 'assignee_user_id'
  | 'deciding_authority'
  | 'continuous'
  | 'next_milestone'
>;

/** What a card shows that the row alone does not decide: it depends on today, the calendar and the reader. */
export type ViewedFields = Pick<
  TaskSummaryDto,
  'deadlineStatus' | 'daysOverdue' | 'workingDaysOverdue' | 'allowedEvents' | 'nextMilestone'
>;

export function viewedFields(row: TaskFactsRow, actor: Actor, now: Date, view: SummaryView): ViewedFields {
  const facts = toFacts(row);
  const { dueSoonDays } = view;
  // Lateness is judged against the day the deadline ends on the calendar (a Sunday deadline ends on Monday).
  const judged = { ...facts, dueDate: row.effective_due_date ?? row.due_date };
  return {
    deadlineStatus: deadlineStatus(judged, now, { dueSoonDays }),
    daysOverdue: daysOverdue(judged, now),
    workingDaysOverdue: workingDaysOverdue(row, now, view.calendar),
    allowedEvents: allowedEvents(facts, actor),
    nextMilestone: nextMilestoneOf(row, facts, now, dueSoonDays),
  };
}

export function toSummary(row: TaskRow, actor: Actor, now: Date, view: SummaryView): TaskSummaryDto {
  const viewed = viewedFields(row, actor, now, view);
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
    effectiveDueDate: row.effective_due_date ?? row.due_date,
    deadlineWorkingDays: row.deadline_working_days ?? null,
    deadlineFrom: row.deadline_from ?? null,
    continuous: row.continuous ?? false,
    deadlineStatus: viewed.deadlineStatus,
    daysOverdue: viewed.daysOverdue,
    workingDaysOverdue: viewed.workingDaysOverdue,
    escalationLevel: row.escalation_level,
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
    allowedEvents: viewed.allowedEvents,
    openExtensionRequest: openExtensionOf(row),
    assigneeUserId: row.assignee_user_id ?? null,
    responsibleLeaderUserId: row.responsible_leader_user_id ?? null,
    monitoringUserId: row.monitoring_user_id ?? null,
    decidingAuthority: row.deciding_authority ?? 'standing_committee',
    isKey: row.is_key ?? false,
    progressPercent: row.progress_percent ?? null,
    progressAt: row.progress_at ? new Date(row.progress_at).toISOString() : null,
    nextMilestone: viewed.nextMilestone,
    contributions: row.contributions_summary ?? null,
    seriesId: row.series_id ?? null,
    periodKey: row.period_key ?? null,
    carriedFromTaskId: row.carried_from_task_id ?? null,
    parentTaskId: row.parent_task_id ?? null,
    classification: row.classification ?? 'normal',
    contentReference: row.content_reference ?? null,
  };
}

/** A milestone's deadline status is the task's rule applied to the milestone's date while the task is open. */
function nextMilestoneOf(
  row: Pick<TaskRow, 'next_milestone'>,
  facts: TaskFacts,
  now: Date,
  dueSoonDays: number,
): TaskSummaryDto['nextMilestone'] {
  const m = row.next_milestone;
  if (!m) return null;
  return {
    id: m.id,
    label: m.label,
    dueDate: m.dueDate,
    deadlineStatus:
      facts.state === 'approved' || facts.state === 'cancelled'
        ? null
        : deadlineStatus({ state: facts.state, dueDate: m.dueDate, completedAt: null }, now, { dueSoonDays }),
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
