import type { TaskSummaryDto } from '@dondoc/contracts';

export interface CardParts {
  progress: number | null;
  milestone: TaskSummaryDto['nextMilestone'];
  contributions: { total: number; submitted: number; accepted: number } | null;
  officer: string | null;
}

/** What the card and the list show of a task's parts; null when there is nothing to show. */
export function partsOf(
  task: Pick<TaskSummaryDto, 'progressPercent' | 'nextMilestone' | 'contributions' | 'assigneeUserId'>,
  names: ReadonlyMap<string, string>,
): CardParts | null {
  const progress = task.progressPercent ?? null;
  const milestone = task.nextMilestone ?? null;
  const contributions = task.contributions && task.contributions.total > 0 ? task.contributions : null;
  // An id the caller cannot resolve (another agency's officer) is left out rather than shown raw.
  const officer = task.assigneeUserId ? (names.get(task.assigneeUserId) ?? null) : null;
  if (progress === null && !milestone && !contributions && !officer) return null;
  return { progress, milestone, contributions, officer };
}

/** "31/03" from "2031-03-31": the card's room is short, the full date is in its title. */
export function shortDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}
