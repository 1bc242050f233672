import type { ScheduledActionInput } from '@dondoc/persistence';
import {
  planDeadlineActions,
  planPartActions,
  planReviewReminder,
  type EscalationPolicy,
  type Rung,
  type TaskState,
  type WorkingCalendar,
} from '@dondoc/workflow';

/** A pending action as the calendar change reads it, with the date of the part it belongs to. */
export interface PendingActionOnCalendar {
  id: string;
  rung: Rung;
  offset: string;
  version: number;
  level: number;
  audiences: string[];
  jobId: string;
  dueAt: string;
  targetId: string | null;
  /** The contribution's sub-deadline, the milestone's or the reporting period's due date. */
  targetDue: string | null;
}

export interface TaskOnCalendar {
  id: string;
  state: TaskState;
  due_date: string | null;
  effective_due_date: string | null;
  deadline_version: number;
  policy: EscalationPolicy;
  /** When the submission awaiting a decision came in (the review reminder counts from it). */
  submitted_at: Date | null;
  actions: PendingActionOnCalendar[];
}

export interface Recalendared {
  /** The day the deadline now ends on, when it moved. */
  effectiveDueDate?: string | null;
  cancel: string[];
  add: ScheduledActionInput[];
  /** For the history: each moved action, from and to. */
  moved: { rung: Rung; offset: string; from: string; to: string }[];
}

/** A job id of the calendar revision: the moved action is a new job, the old one is removed by the relay. */
export function recalendaredJobId(jobId: string, revision: number): string {
  return `${jobId.replace(/-c\d+$/, '')}-c${revision}`;
}

/** When the action would fire on `calendar`: null when it is not the calendar's to say (a stale version). */
function plannedAt(task: TaskOnCalendar, a: PendingActionOnCalendar, calendar: WorkingCalendar): Date | null {
  const pick = (plans: { rung: string; offset: string; dueAt: Date }[]) =>
    plans.find((p) => p.rung === a.rung && p.offset === a.offset)?.dueAt ?? null;
  switch (a.rung) {
    case 'remind_before':
    case 'overdue':
    case 'escalate':
      if (!task.due_date || a.version !== task.deadline_version) return null;
      return pick(planDeadlineActions(task.due_date, task.policy, calendar));
    case 'review_reminder':
      return task.submitted_at ? planReviewReminder(task.submitted_at, task.policy, calendar).dueAt : null;
    case 'contribution_remind':
    case 'contribution_overdue':
    case 'contribution_escalate':
      return a.targetDue ? pick(planPartActions('contribution', a.targetDue, task.policy, calendar)) : null;
    case 'milestone_remind':
    case 'milestone_overdue':
      return a.targetDue ? pick(planPartActions('milestone', a.targetDue, task.policy, calendar)) : null;
    case 'progress_remind':
      return a.targetDue ? pick(planPartActions('progress', a.targetDue, task.policy, calendar)) : null;
  }
}

/**
 * What a new calendar changes of one task: the day its deadline ends, and each pending action whose time the
 * calendar now puts elsewhere (cancelled, and planned again as a job of this calendar revision).
 */
export function recalendar(task: TaskOnCalendar, calendar: WorkingCalendar): Recalendared {
  const out: Recalendared = { cancel: [], add: [], moved: [] };
  if (task.due_date) {
    const effective = calendar.effectiveDueDate(task.due_date);
    if (effective !== task.effective_due_date) out.effectiveDueDate = effective;
  }
  for (const a of task.actions) {
    const at = plannedAt(task, a, calendar);
    if (!at || at.getTime() === Date.parse(a.dueAt)) continue;
    out.cancel.push(a.id);
    out.add.push({
      rung: a.rung,
      offset: a.offset,
      version: a.version,
      level: a.level,
      audiences: a.audiences,
      job_id: recalendaredJobId(a.jobId, calendar.revision),
      due_at: at.toISOString(),
      target_id: a.targetId,
    });
    out.moved.push({ rung: a.rung, offset: a.offset, from: new Date(a.dueAt).toISOString(), to: at.toISOString() });
  }
  return out;
}
