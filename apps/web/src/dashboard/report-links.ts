/** A deadline status as the board's filter spells it (libs/workflow `DeadlineStatus`). */
export type BoardDeadline = 'not_due' | 'due_soon' | 'overdue' | 'on_time' | 'late';

export interface BoardLinkFilter {
  agencyId?: string | null;
  directiveId?: string | null;
  field?: string | null;
  /** Several statuses are sent to the API as one comma list, which `/tasks` accepts. */
  deadline?: readonly BoardDeadline[];
}

export const FINISHED: readonly BoardDeadline[] = ['on_time', 'late'];
export const UNFINISHED: readonly BoardDeadline[] = ['not_due', 'due_soon', 'overdue'];

/**
 * The board URL that lists the tasks behind a figure. The names are the board's own short URL names
 * (`board/use-board-filters.ts`: agency, directive, field, deadline); the board reads them as they are.
 */
export function boardLink(filter: BoardLinkFilter): string {
  const params = new URLSearchParams();
  if (filter.directiveId) params.set('directive', filter.directiveId);
  if (filter.agencyId) params.set('agency', filter.agencyId);
  if (filter.field) params.set('field', filter.field);
  if (filter.deadline?.length) params.set('deadline', filter.deadline.join(','));
  const qs = params.toString();
  return qs ? `/?${qs}` : '/';
}

/** Opens one task's drawer on the board. */
export function taskLink(taskId: string): string {
  return `/?task=${encodeURIComponent(taskId)}`;
}

/** The board's review queue (what waits for the Standing Committee). */
export const REVIEW_LINK = '/?view=review';
/** The board's "needs attention" chip: overdue or already escalated. */
export const ATTENTION_LINK = '/?attention=1';
