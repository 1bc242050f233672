import { daysUntilDue, localDate } from './local-date.js';
import type { TaskFacts } from './task.model.js';

export type DeadlineStatus = 'not_due' | 'due_soon' | 'overdue' | 'on_time' | 'late';

export const DEFAULT_DUE_SOON_DAYS = 7;

export function deadlineStatus(
  task: Pick<TaskFacts, 'state' | 'dueDate' | 'completedAt'>,
  now: Date,
  options?: { dueSoonDays?: number },
): DeadlineStatus | null {
  if (task.dueDate == null || task.state === 'cancelled') return null;
  if (task.state === 'approved') {
    // Same-format ISO dates compare correctly as strings.
    return localDate(task.completedAt ?? now) <= task.dueDate ? 'on_time' : 'late';
  }
  const window = options?.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!Number.isInteger(window) || window < 0)
    throw new RangeError(`dueSoonDays must be a whole number >= 0, got ${window}`);
  const days = daysUntilDue(task.dueDate, now);
  if (days < 0) return 'overdue';
  return days <= window ? 'due_soon' : 'not_due';
}

/**
 * Whole calendar days past the deadline, in Asia/Ho_Chi_Minh: for unfinished work as of `now`, for
 * approved work as of its approval. 0 when not past it; null without a deadline or when cancelled.
 */
export function daysOverdue(task: Pick<TaskFacts, 'state' | 'dueDate' | 'completedAt'>, now: Date): number | null {
  if (task.dueDate == null || task.state === 'cancelled') return null;
  const asOf = task.state === 'approved' ? (task.completedAt ?? now) : now;
  return Math.max(0, -daysUntilDue(task.dueDate, asOf));
}
