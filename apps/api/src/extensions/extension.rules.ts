import { ofOwnOrganisation, worksOnTask, type Actor, type TaskFacts, type TaskState } from '@dondoc/workflow';

/**
 * Who may ask for and decide extensions, and when. Kept beside the API rather than in libs/workflow
 * because an extension is not a lifecycle event: it never moves the task between columns.
 */

/** Work is under way: the lead agency can still see that it will not make the deadline. */
export const REQUESTABLE_STATES: readonly TaskState[] = ['assigned', 'in_progress'];

/** A grant still moves a live deadline here; a submitted task may yet be returned for revision. */
export const GRANTABLE_STATES: readonly TaskState[] = ['assigned', 'in_progress', 'submitted'];

/** A year typed wrong (2205 for 2025) should be refused, not scheduled; a term of office is five years. */
const MAX_EXTENSION_YEARS = 10;

export function mayRequestExtension(
  task: Pick<TaskFacts, 'leadAgencyId' | 'coordinatingAgencyIds'> & Partial<Pick<TaskFacts, 'assigneeUserId'>>,
  actor: Actor,
): boolean {
  // Coordinating agencies contribute but do not answer for the deadline, so they cannot move it; inside the
  // lead agency, those who work on the task do.
  return worksOnTask(task, actor);
}

/** The task's own Standing Committee decides (or its Office, when the province lets it); never a committee above. */
export function mayDecideExtension(
  task: Pick<TaskFacts, 'organisationId'>,
  actor: Actor,
  officeMayDecide: boolean,
): boolean {
  if (!ofOwnOrganisation(task, actor)) return false;
  return actor.role === 'standing_committee' || (officeMayDecide && actor.role === 'office');
}

/**
 * Why a requested date cannot extend `currentDueDate`, or null when it can. Both are `YYYY-MM-DD`
 * (already checked to be real calendar dates), so they compare as strings.
 */
export function requestedDateProblem(currentDueDate: string, requestedDueDate: string): string | null {
  if (requestedDueDate <= currentDueDate) {
    return `The requested date (${requestedDueDate}) must be later than the current due date (${currentDueDate})`;
  }
  const limit = `${Number(currentDueDate.slice(0, 4)) + MAX_EXTENSION_YEARS}${currentDueDate.slice(4)}`;
  if (requestedDueDate > limit) {
    return `The requested date (${requestedDueDate}) is more than ${MAX_EXTENSION_YEARS} years after the current due date`;
  }
  return null;
}
