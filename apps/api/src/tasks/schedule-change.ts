import {
  DEADLINE_RUNGS,
  deadlineLadder,
  scheduledActionRow,
  type ScheduleChange,
  type ScheduledActionInput,
} from '@dondoc/persistence';
import {
  planReviewReminder,
  PART_RUNGS,
  type Effect,
  type EscalationPolicy,
  type PlanningCalendar,
  type Rung,
} from '@dondoc/workflow';

// The deadline ladder lives in @dondoc/persistence (the worker's recurring instances use it too); the API's
// modules keep importing it from here.
export { DEADLINE_RUNGS, deadlineLadder, policyFor } from '@dondoc/persistence';

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
  calendar: PlanningCalendar | undefined,
): ScheduleChange {
  const cancel = new Set<Rung>();
  const add: ScheduledActionInput[] = [];
  for (const e of effects) {
    switch (e.kind) {
      case 'schedule_deadline_actions':
        DEADLINE_RUNGS.forEach((r) => cancel.add(r));
        add.push(...deadlineLadder(taskId, e.dueDate, e.deadlineVersion, policy, needed(calendar)));
        break;
      case 'cancel_scheduled_actions':
        // A closed task's parts stop too: their sub-deadlines and milestones no longer call on anyone.
        [...DEADLINE_RUNGS, 'review_reminder' as const, ...PART_RUNGS].forEach((r) => cancel.add(r));
        break;
      case 'schedule_review_reminder':
        add.push(scheduledActionRow(taskId, planReviewReminder(now, policy, needed(calendar)), nextVersion));
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

/** Effects that plan dates need the calendar: a caller that did not read it for one is a bug. */
function needed(calendar: PlanningCalendar | undefined): PlanningCalendar {
  if (!calendar) throw new Error('scheduleChange: this transition plans dates and needs the working calendar');
  return calendar;
}

/** The transitions whose effects plan dates (a deadline ladder, a review reminder): they read the calendar. */
export const DATE_PLANNING_EVENTS: ReadonlySet<string> = new Set(['ASSIGN', 'REASSIGN', 'SUBMIT']);
