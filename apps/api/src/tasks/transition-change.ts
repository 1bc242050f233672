import type { TaskChange } from '@dondoc/persistence';
import type { Actor, ApplyResult, EscalationPolicy, TaskEvent, WorkingCalendar } from '@dondoc/workflow';
import { scheduleChange } from './schedule-change.js';

/**
 * The change a decided transition writes, for the API and the demo seed alike: the new state and deadline,
 * the history data, the decision on the pending submission and the schedule the effects ask for.
 */
export function transitionChange(t: {
  taskId: string;
  actor: Actor;
  event: TaskEvent;
  result: Extract<ApplyResult, { ok: true }>;
  /** The task as the decision found it. */
  before: { version: number; leadAgencyId: string | null; completedAt: Date | null };
  pendingSubmission: { id: string; submittedAt: Date } | null;
  now: Date;
  policy: EscalationPolicy;
  /** The calendar in force: needed by the transitions that plan dates (ASSIGN, REASSIGN, SUBMIT). */
  calendar?: WorkingCalendar;
  requestId?: string | null;
  /** When it happened, if not now (the demo seed's past). */
  at?: Date;
}): TaskChange {
  const { event, result, before } = t;
  const comment = event.comment?.trim() || null;
  const decides = event.type === 'APPROVE' || event.type === 'RETURN';
  const moves = event.type === 'ASSIGN' || event.type === 'REASSIGN';
  return {
    kind: event.type,
    taskId: t.taskId,
    actor: t.actor,
    from: result.from,
    expect: { version: before.version },
    set: {
      state: result.to,
      leadAgencyId: result.task.leadAgencyId,
      // Only a move sets the deadline (and its day on the calendar): other transitions leave both alone.
      ...(moves
        ? {
            dueDate: result.task.dueDate,
            effectiveDueDate:
              result.task.dueDate && t.calendar ? t.calendar.effectiveDueDate(result.task.dueDate) : undefined,
          }
        : {}),
      deadlineVersion: result.task.deadlineVersion,
      revision: result.task.revision,
      // Timeliness is judged by when the approved deliverable was handed in, not when it was reviewed.
      completedAt: event.type === 'APPROVE' ? (t.pendingSubmission?.submittedAt ?? t.now) : before.completedAt,
      // The people named inside the agency belong to the agency the task is taken from.
      ...(event.type === 'REASSIGN' ? { assigneeUserId: null, responsibleLeaderUserId: null } : {}),
    },
    comment,
    data: moves
      ? {
          leadAgencyId: result.task.leadAgencyId,
          dueDate: result.task.dueDate,
          previousLeadAgencyId: before.leadAgencyId,
        }
      : {},
    previousLeadAgencyId: event.type === 'REASSIGN' ? before.leadAgencyId : null,
    submissionDecision:
      decides && t.pendingSubmission
        ? {
            submissionId: t.pendingSubmission.id,
            decision: event.type === 'APPROVE' ? 'approved' : 'returned',
            comment,
          }
        : undefined,
    schedule: scheduleChange(t.taskId, result.effects, before.version + 1, t.now, t.policy, t.calendar),
    requestId: t.requestId ?? null,
    at: t.at,
  };
}
