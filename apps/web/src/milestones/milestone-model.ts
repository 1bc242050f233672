import type { MilestoneDto, SetMilestonesRequest, TaskSummaryDto } from '@dondoc/contracts';
import { worksOnTask, type Actor } from '@dondoc/workflow';

/** One row of the editor: `id` for a milestone kept (its reminders re-planned if its date moves). */
export interface DraftMilestone {
  key: string;
  id?: string;
  label: string;
  dueDate: string | null;
  /** A reached milestone keeps its date (the server refuses to move it). */
  done: boolean;
}

export type DraftProblem = 'labelRequired' | 'dateRequired' | 'dateInvalid' | 'afterDeadline';

type TaskForMilestones = Pick<TaskSummaryDto, 'state' | 'leadAgencyId' | 'coordinatingAgencyIds' | 'assigneeUserId'>;

const UNDER_WAY = ['assigned', 'in_progress', 'submitted'];

/** The Office plans on any open task (drafts too); the lead's people working on it once it is theirs. */
export function mayPlanMilestones(task: TaskForMilestones, actor: Actor): boolean {
  if (task.state === 'approved' || task.state === 'cancelled') return false;
  if (actor.role === 'office') return true;
  return task.state !== 'drafted' && worksOnTask(task, actor);
}

/** A milestone is marked reached while the task is under way, by the Office or the lead's people on it. */
export function mayMarkMilestoneDone(task: TaskForMilestones, actor: Actor): boolean {
  if (!UNDER_WAY.includes(task.state)) return false;
  return actor.role === 'office' || worksOnTask(task, actor);
}

let nextKey = 0;
export const newDraftKey = () => `new-${++nextKey}`;

export function toDrafts(items: readonly MilestoneDto[]): DraftMilestone[] {
  return items.map((m) => ({ key: m.id, id: m.id, label: m.label, dueDate: m.dueDate, done: m.doneAt !== null }));
}

/**
 * What is wrong with each row, by key (an empty map when the list may be saved). `invalidDates` holds the rows
 * whose date text is not a date yet; `taskDue` is the task's deadline, which no milestone may pass.
 */
export function draftProblems(
  drafts: readonly DraftMilestone[],
  taskDue: string | null,
  invalidDates: ReadonlySet<string> = new Set(),
): Map<string, DraftProblem> {
  const problems = new Map<string, DraftProblem>();
  for (const d of drafts) {
    if (!d.label.trim()) problems.set(d.key, 'labelRequired');
    else if (invalidDates.has(d.key)) problems.set(d.key, 'dateInvalid');
    else if (!d.dueDate) problems.set(d.key, 'dateRequired');
    else if (taskDue && d.dueDate > taskDue) problems.set(d.key, 'afterDeadline');
  }
  return problems;
}

/** The whole list for PUT, in date order (kept ids stay, the rest are new). */
export function toRequest(drafts: readonly DraftMilestone[]): SetMilestonesRequest {
  return {
    milestones: drafts
      .filter((d): d is DraftMilestone & { dueDate: string } => d.dueDate !== null)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .map((d) => ({ ...(d.id ? { id: d.id } : {}), label: d.label.trim(), dueDate: d.dueDate })),
  };
}
