import type { ContributionStatus } from '@dondoc/contracts';
import {
  actsForAgency,
  ofOwnOrganisation,
  relationOf,
  worksOnTask,
  type Actor,
  type TaskFacts,
  type TaskState,
} from '@dondoc/workflow';

/**
 * Who may do what with a coordinating agency's contribution, and which sub-deadline it gets. Kept beside
 * the API, as for extensions: a contribution never moves the task between columns.
 */

type Membership = Pick<TaskFacts, 'leadAgencyId' | 'coordinatingAgencyIds'> &
  Partial<Pick<TaskFacts, 'assigneeUserId' | 'organisationId'>>;

/** The task is live: work is asked for or under review. */
export const CONTRIBUTION_TASK_STATES: readonly TaskState[] = ['assigned', 'in_progress', 'submitted'];

/** The lead agency (those of it who work on the task) or the task's own Office asks a coordinator and sets its date. */
export function mayAskContribution(task: Membership, actor: Actor): boolean {
  return (actor.role === 'office' && ofOwnOrganisation(task, actor)) || worksOnTask(task, actor);
}

/** Only the lead agency judges what a coordinator sends it; the Office follows up but does not decide. */
export function mayDecideContribution(task: Membership, actor: Actor): boolean {
  return worksOnTask(task, actor);
}

/** Any user of the coordinating agency hands in its contribution (the Office, for an agency standing for a committee). */
export function maySubmitContribution(contributionAgencyId: string, actor: Actor): boolean {
  return actsForAgency(contributionAgencyId, actor);
}

/** Whether the actor sees every contribution of a task it can see (else only its agency's own). */
export function seesAllContributions(task: Membership, actor: Actor): boolean {
  if (actor.role === 'office' || actor.role === 'standing_committee' || actor.role === 'inspector') return true;
  return actor.role === 'agency' && relationOf(task, actor) === 'lead';
}

export function maySeeContribution(task: Membership, contributionAgencyId: string, actor: Actor): boolean {
  return seesAllContributions(task, actor) || actsForAgency(contributionAgencyId, actor);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The sub-deadline: the one given, or the task's due date less the configured days but not before today.
 * Either must lie between today and the task's due date; otherwise the reason, in Vietnamese and English.
 */
export function contributionDueDate(
  given: string | undefined,
  taskDueDate: string | null,
  today: string,
  defaultDaysBefore: number,
): { ok: true; dueDate: string } | { ok: false; message: string } {
  let dueDate = given;
  if (dueDate === undefined) {
    if (!taskDueDate) {
      return {
        ok: false,
        message:
          'Nhiệm vụ chưa có thời hạn: hãy nêu hạn phối hợp / The task has no due date: give the contribution’s due date',
      };
    }
    const proposed = addDays(taskDueDate, -defaultDaysBefore);
    dueDate = proposed < today ? today : proposed;
  }
  if (dueDate < today) {
    return {
      ok: false,
      message: `Hạn phối hợp (${dueDate}) đã qua (hôm nay ${today}) / The contribution’s due date ${dueDate} is in the past (today is ${today})`,
    };
  }
  if (taskDueDate && dueDate > taskDueDate) {
    return {
      ok: false,
      message: `Hạn phối hợp (${dueDate}) sau hạn của nhiệm vụ (${taskDueDate}) / The contribution’s due date ${dueDate} is after the task’s due date ${taskDueDate}`,
    };
  }
  return { ok: true, dueDate };
}

/** What the lead's SUBMIT records when it goes up without every contribution accepted. */
export function missingContributions(
  rows: readonly { agency_id: string; status: ContributionStatus }[],
): { agencyId: string; status: ContributionStatus }[] {
  return rows.filter((r) => r.status !== 'accepted').map((r) => ({ agencyId: r.agency_id, status: r.status }));
}
