import {
  actionJobId,
  isValidPolicy,
  mergePolicy,
  planDeadlineActions,
  type EscalationPolicy,
  type PlannedAction,
  type PlanningCalendar,
  type Rung,
} from '@dondoc/workflow';
import type { ScheduledActionInput } from './task-change.writer.js';

/** The rungs of a task's deadline: what a new or moved deadline cancels before scheduling its own. */
export const DEADLINE_RUNGS: readonly Rung[] = ['remind_before', 'overdue', 'escalate'];

/** One planned action of a task as a row of the schedule, keyed by `version`. */
export function scheduledActionRow(taskId: string, a: PlannedAction, version: number): ScheduledActionInput {
  return {
    rung: a.rung,
    offset: a.offset,
    version,
    level: a.level,
    audiences: a.audiences,
    job_id: actionJobId(taskId, a.rung, a.offset, version),
    due_at: a.dueAt.toISOString(),
  };
}

/** The reminders, overdue and escalation of one deadline, keyed by its version. */
export function deadlineLadder(
  taskId: string,
  dueDate: string,
  deadlineVersion: number,
  policy: EscalationPolicy,
  calendar: PlanningCalendar,
): ScheduledActionInput[] {
  return planDeadlineActions(dueDate, policy, calendar).map((a) => scheduledActionRow(taskId, a, deadlineVersion));
}

/** The configured ladder with the directive's overrides (an invalid override is ignored). */
export function policyFor(configured: EscalationPolicy, override: Record<string, unknown> | null): EscalationPolicy {
  return override && isValidPolicy({ ...configured, ...override }) ? mergePolicy(configured, override) : configured;
}

/**
 * The ladder as the ESCALATION_REMIND_BEFORE, _ESCALATE_AFTER and _REVIEW_AFTER variables spell it (each app's
 * configuration validates them first): the API and the worker read it alike.
 */
export function escalationPolicyOf(
  remindBefore: string,
  escalateAfter: string,
  reviewReminderAfter: string,
  dayCounting?: EscalationPolicy['dayCounting'],
): EscalationPolicy {
  const offsets = remindBefore
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  return { remindBefore: offsets, escalateAfter, reviewReminderAfter, ...(dayCounting ? { dayCounting } : {}) };
}
