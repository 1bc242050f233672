import type { ScheduledActionInput } from '@dondoc/persistence';
import {
  actionJobId,
  planPartActions,
  type EscalationPolicy,
  type PlanningCalendar,
  type Rung,
} from '@dondoc/workflow';

export const CONTRIBUTION_RUNGS: Rung[] = ['contribution_remind', 'contribution_overdue', 'contribution_escalate'];

/**
 * The reminders, overdue and escalation of a sub-deadline, keyed by the contribution's version. A reminder
 * whose time has already passed when the date is set is left out: the request itself has just told them.
 */
export function contributionLadder(
  contributionId: string,
  dueDate: string,
  version: number,
  policy: EscalationPolicy,
  now: Date,
  calendar: PlanningCalendar,
): ScheduledActionInput[] {
  return planPartActions('contribution', dueDate, policy, calendar)
    .filter((a) => a.rung !== 'contribution_remind' || a.dueAt.getTime() > now.getTime())
    .map((a) => ({
      rung: a.rung,
      offset: a.offset,
      version,
      level: a.level,
      audiences: a.audiences,
      job_id: actionJobId(contributionId, a.rung, a.offset, version),
      due_at: a.dueAt.toISOString(),
      target_id: contributionId,
    }));
}
