import type { ScheduleChange, ScheduledActionInput } from '@dondoc/persistence';
import {
  actionJobId,
  isValidPolicy,
  mergePolicy,
  planDeadlineActions,
  planReviewReminder,
  PART_RUNGS,
  type Effect,
  type EscalationPolicy,
  type PlannedAction,
  type Rung,
} from '@dondoc/workflow';

export const DEADLINE_RUNGS: readonly Rung[] = ['remind_before', 'overdue', 'escalate'];

function row(taskId: string, a: PlannedAction, version: number): ScheduledActionInput {
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
): ScheduledActionInput[] {
  return planDeadlineActions(dueDate, policy).map((a) => row(taskId, a, deadlineVersion));
}

/**
 * Turns a transition's effects into rows of the schedule, written in the same statement as the task:
 * the worker's relay later makes BullMQ jobs of them, so nothing here waits on Redis.
 */
export function scheduleChange(
  taskId: string,
  effects: readonly Effect[],
  nextVersion: number,
  now: Date,
  policy: EscalationPolicy,
): ScheduleChange {
  const cancel = new Set<Rung>();
  const add: ScheduledActionInput[] = [];
  for (const e of effects) {
    switch (e.kind) {
      case 'schedule_deadline_actions':
        DEADLINE_RUNGS.forEach((r) => cancel.add(r));
        add.push(...deadlineLadder(taskId, e.dueDate, e.deadlineVersion, policy));
        break;
      case 'cancel_scheduled_actions':
        // A closed task's parts stop too: their sub-deadlines and milestones no longer call on anyone.
        [...DEADLINE_RUNGS, 'review_reminder' as const, ...PART_RUNGS].forEach((r) => cancel.add(r));
        break;
      case 'schedule_review_reminder':
        add.push(row(taskId, planReviewReminder(now, policy), nextVersion));
        break;
      case 'clear_review_reminder':
        cancel.add('review_reminder');
        break;
      case 'record_submission_decision':
        break;
    }
  }
  return { cancelRungs: [...cancel], add };
}

/** The configured ladder with the directive's overrides (an invalid override is ignored). */
export function policyFor(configured: EscalationPolicy, override: Record<string, unknown> | null): EscalationPolicy {
  return override && isValidPolicy({ ...configured, ...override }) ? mergePolicy(configured, override) : configured;
}
