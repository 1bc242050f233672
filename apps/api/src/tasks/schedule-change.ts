import { notificationTitle, type NotificationKind } from '@dondoc/contracts';
import {
  actionJobId,
  planDeadlineActions,
  planReviewReminder,
  type Effect,
  type EscalationPolicy,
  type NotifyAudience,
  type PlannedAction,
  type Rung,
  type TaskEventType,
} from '@dondoc/workflow';
import type { ScheduleChange } from './tasks.repository.js';

const DEADLINE_RUNGS: Rung[] = ['remind_before', 'overdue', 'escalate'];

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
  const add: ScheduleChange['add'] = [];
  const push = (a: PlannedAction, version: number) =>
    add.push({
      rung: a.rung,
      offset: a.offset,
      version,
      level: a.level,
      audiences: a.audiences,
      job_id: actionJobId(taskId, a.rung, a.offset, version),
      due_at: a.dueAt.toISOString(),
    });
  for (const e of effects) {
    switch (e.kind) {
      case 'schedule_deadline_actions':
        DEADLINE_RUNGS.forEach((r) => cancel.add(r));
        for (const a of planDeadlineActions(e.dueDate, policy)) push(a, e.deadlineVersion);
        break;
      case 'cancel_scheduled_actions':
        [...DEADLINE_RUNGS, 'review_reminder' as const].forEach((r) => cancel.add(r));
        break;
      case 'schedule_review_reminder':
        push(planReviewReminder(now, policy), nextVersion);
        break;
      case 'clear_review_reminder':
        cancel.add('review_reminder');
        break;
      case 'record_submission_decision':
      case 'notify':
        break;
    }
  }
  return { cancelRungs: [...cancel], add };
}

/** One notification per transition, to the union of the audiences its effects name. */
export function notificationFor(
  event: TaskEventType,
  task: { code: string; title: string },
  effects: readonly Effect[],
): { kind: NotificationKind; title: string; audiences: NotifyAudience[] } | null {
  const audiences = [...new Set(effects.flatMap((e) => (e.kind === 'notify' ? [e.audience] : [])))];
  if (!audiences.length) return null;
  return { kind: event, title: notificationTitle(event, task), audiences };
}
