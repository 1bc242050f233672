import type { BulkRefusal, BulkTaskActionRequest, ErrorCode } from '@dondoc/contracts';
import type { TaskChange, TaskRow } from '@dondoc/persistence';
import {
  applyEvent,
  canEditDraft,
  isValidCalendarDate,
  localDate,
  refusalFor,
  STATE_LABELS,
  type Actor,
  type EscalationPolicy,
  type TaskEvent,
  type WorkingCalendar,
  isRecordOnly,
} from '@dondoc/workflow';
import { toFacts } from './task-summary.js';
import { transitionChange } from './transition-change.js';
import { RECORD_ONLY_REASON } from '../classification/classification-rules.js';

/** What a decision needs besides the task: who, when, which agencies are active. */
export interface BulkContext {
  actor: Actor;
  now: Date;
  /** The calendar in force (a batch assignment plans the deadline ladders on it). */
  calendar: WorkingCalendar;
  isActiveAgency: (id: string) => boolean;
  requestId: string | null;
}

/** The task as the batch found it (locked), with what a transition needs to know of it. */
export interface BulkTaskState {
  row: TaskRow;
  pendingSubmission: { id: string; submittedAt: Date } | null;
  /** Its directive's escalation policy, merged over the province's. */
  policy: EscalationPolicy;
}

export type BulkDecision = { ok: true; change: TaskChange } | { ok: false; refusal: BulkRefusal };

const refuse = (taskId: string, code: ErrorCode, message: string): BulkDecision => ({
  ok: false,
  refusal: { taskId, code, message },
});

function versionConflict(taskId: string, expected: number, row: TaskRow): BulkDecision {
  return refuse(
    taskId,
    'VERSION_CONFLICT',
    `Nhiệm vụ ${row.code} đã thay đổi (phiên bản ${expected}, nay là ${row.version}, "${STATE_LABELS[row.state].vi}") / ` +
      `Task ${row.code} changed since it was loaded (version ${expected}, now ${row.version})`,
  );
}

/**
 * One item of a batch, decided exactly as the single endpoint decides it (same order of checks, same
 * codes): role, then version, then the workflow's refusal, then the agency. A task the caller may not see
 * is NOT_FOUND, never told apart from one that does not exist.
 */
export function decideBulkItem(
  req: BulkTaskActionRequest,
  item: { taskId: string; expectedVersion: number },
  task: BulkTaskState | undefined,
  ctx: BulkContext,
): BulkDecision {
  const { taskId, expectedVersion } = item;
  if (!task) return refuse(taskId, 'NOT_FOUND', 'Không tìm thấy nhiệm vụ / Task not found');
  const { row } = task;
  if (req.action === 'set-due-date') {
    const filed = { organisationId: row.organisation_id };
    if (!canEditDraft({ state: 'drafted', ...filed }, ctx.actor))
      return refuse(taskId, 'FORBIDDEN', "Only the task's own Office edits it");
    if (!canEditDraft({ state: row.state, ...filed }, ctx.actor)) {
      return refuse(
        taskId,
        'TASK_NOT_EDITABLE',
        `Nhiệm vụ ${row.code} đã được giao, không sửa hạn ở đây / Task ${row.code} is no longer a draft`,
      );
    }
    if (expectedVersion !== row.version) return versionConflict(taskId, expectedVersion, row);
    if (!isValidCalendarDate(req.dueDate)) {
      return refuse(
        taskId,
        'INVALID_DUE_DATE',
        refusalFor('INVALID_DUE_DATE', { type: 'ASSIGN', state: row.state }).message,
      );
    }
    return { ok: true, change: dueDateChange(row, req.dueDate, ctx) };
  }
  const event: TaskEvent =
    req.action === 'assign'
      ? {
          type: 'ASSIGN',
          // The draft's own lead and deadline when the batch names none.
          leadAgencyId: req.leadAgencyId ?? row.lead_agency_id ?? undefined,
          // A deadline in working days is fixed now, as a single assignment does.
          dueDate:
            req.dueDate ??
            row.due_date ??
            (row.deadline_working_days
              ? ctx.calendar.addWorkingDays(localDate(ctx.now), row.deadline_working_days)
              : undefined),
          comment: req.comment,
        }
      : { type: 'CANCEL', comment: req.comment };
  return decideTransition(task, event, expectedVersion, ctx);
}

/** A transition of one task (ASSIGN, CANCEL) as the writer's change, or the single endpoint's refusal. */
export function decideTransition(
  task: BulkTaskState,
  event: TaskEvent,
  expectedVersion: number,
  ctx: BulkContext,
): BulkDecision {
  const { row } = task;
  // Tuyệt mật: the bulk's reason is not kept on it (its reasons stay with the content, outside the system).
  if (isRecordOnly(row.classification)) event = { ...event, comment: RECORD_ONLY_REASON };
  const result = applyEvent(
    toFacts(row, { hasPendingSubmission: task.pendingSubmission !== null || isRecordOnly(row.classification) }),
    ctx.actor,
    event,
    ctx.now,
  );
  if (!result.ok && result.refusal.code === 'FORBIDDEN_ROLE') {
    return refuse(row.id, 'FORBIDDEN_ROLE', result.refusal.message);
  }
  if (expectedVersion !== row.version) return versionConflict(row.id, expectedVersion, row);
  if (!result.ok) {
    return refuse(row.id, result.refusal.code, `${row.code}: ${result.refusal.messageVi} / ${result.refusal.message}`);
  }
  if (event.type === 'ASSIGN' && result.task.leadAgencyId && !ctx.isActiveAgency(result.task.leadAgencyId)) {
    return refuse(
      row.id,
      'UNKNOWN_AGENCY',
      `${row.code}: cơ quan chủ trì không tồn tại hoặc đã ngừng hoạt động / the lead agency does not exist or is disabled`,
    );
  }
  return {
    ok: true,
    change: transitionChange({
      taskId: row.id,
      actor: ctx.actor,
      event,
      result,
      before: { version: row.version, leadAgencyId: row.lead_agency_id, completedAt: row.completed_at },
      pendingSubmission: task.pendingSubmission,
      now: ctx.now,
      policy: task.policy,
      calendar: ctx.calendar,
      requestId: ctx.requestId,
    }),
  };
}

/** The draft edit PATCH /api/tasks/:id writes when only the deadline changes. */
function dueDateChange(row: TaskRow, dueDate: string, ctx: BulkContext): TaskChange {
  return {
    kind: 'EDIT',
    taskId: row.id,
    actor: ctx.actor,
    from: 'drafted',
    expect: { version: row.version },
    set: { dueDate },
    data: { changed: ['dueDate'] },
    requestId: ctx.requestId,
  };
}

/** The agencies a batch must find active: the one it names, or each draft's own lead when it names none. */
export function leadsToCheck(req: BulkTaskActionRequest, rows: readonly (TaskRow | undefined)[]): string[] {
  if (req.action !== 'assign') return [];
  if (req.leadAgencyId) return [req.leadAgencyId];
  return [...new Set(rows.flatMap((r) => (r?.lead_agency_id ? [r.lead_agency_id] : [])))];
}

/** Ids sent twice: the batch would decide one task twice on the same version. */
export function duplicateIds(items: readonly { taskId: string }[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const { taskId } of items) (seen.has(taskId) ? dupes : seen).add(taskId);
  return [...dupes];
}
