import type { DeadlineStatusName } from '@dondoc/contracts';
import { TASK_STATES } from '@dondoc/workflow';

/**
 * SQL text that calls the functions of migration 1732900000000 (`dondoc_deadline_status`,
 * `dondoc_local_day`), so no query spells the deadline-status rule out again. Every argument is SQL
 * expression text (a column, a placeholder such as `$3`, a literal), never a value: bind values as
 * parameters.
 */

/** The calendar date of a timestamptz expression in Asia/Ho_Chi_Minh, as `localDate()` in libs/workflow. */
export function localDaySql(timestamptz: string): string {
  return `dondoc_local_day((${timestamptz})::timestamptz)`;
}

export interface DeadlineStatusArgs {
  /** The task's state (text). */
  state: string;
  /** The deadline in force (date), NULL when none. */
  dueDate: string;
  /**
   * The local day the work was approved (date), e.g. `localDaySql('t.completed_at')`; NULL counts as
   * `today`, as `deadlineStatus()` counts `now` when `completedAt` is null.
   */
  doneDay: string;
  /** The local date the status is for (date): today's, or a report's day. Never NULL. */
  today: string;
  /** The due-soon window in days (int). */
  dueSoonDays: string;
}

/**
 * `deadlineStatus()` of libs/workflow as a SQL expression: NULL (no deadline, or cancelled), 'on_time',
 * 'late', 'overdue', 'due_soon' or 'not_due'.
 */
export function deadlineStatusCall({ state, dueDate, doneDay, today, dueSoonDays }: DeadlineStatusArgs): string {
  return `dondoc_deadline_status((${state})::text, (${dueDate})::date, (${doneDay})::date, (${today})::date, (${dueSoonDays})::int)`;
}

/**
 * The status of a row of `tasks` (alias `t` by default) as of the local date `today`: the common case,
 * e.g. `taskDeadlineStatusSql(p(today), p(dueSoonDays))`.
 */
export function taskDeadlineStatusSql(today: string, dueSoonDays: string, alias = 't'): string {
  return deadlineStatusCall({
    state: `${alias}.state`,
    // The day the deadline ends on the working calendar (the writer keeps it); a row written before has none.
    dueDate: `COALESCE(${alias}.effective_due_date, ${alias}.due_date)`,
    doneDay: localDaySql(`${alias}.completed_at`),
    today,
    dueSoonDays,
  });
}

const UNFINISHED_STATUSES: readonly DeadlineStatusName[] = ['not_due', 'due_soon', 'overdue'];

/**
 * Conditions on the task row's own indexed columns that every task with one of `statuses` meets, to be added
 * beside the status filter itself (`taskDeadlineStatusSql(...) = ANY(...)`), never instead of it: they let
 * PostgreSQL start from an index range instead of judging every task of the scope. They hold because the day a
 * deadline ends is never before the deadline (`effective_due_date >= due_date`: a day off moves it later), so
 * overdue means `due_date < today` and due soon `due_date <= today + due_soon_days`; approved work alone is on
 * time or late, and every other status is of unfinished work. At 1M tasks the Office's overdue list of one field
 * read 173,000 tasks of three states without them, and 20,000 with them (test/bench/scale.mjs).
 */
export function deadlineStatusNarrowingSql(
  statuses: readonly DeadlineStatusName[],
  today: string,
  dueSoonDays: string,
  param: (value: unknown) => string,
  alias = 't',
): string[] {
  if (statuses.length === 0) return [];
  const unfinished = statuses.filter((s) => UNFINISHED_STATUSES.includes(s));
  const conditions = [`${alias}.due_date IS NOT NULL`];
  if (unfinished.length === 0) conditions.push(`${alias}.state = 'approved'`);
  else if (unfinished.length === statuses.length) {
    conditions.push(
      `${alias}.state = ANY(${param(TASK_STATES.filter((s) => s !== 'approved' && s !== 'cancelled'))}::text[])`,
    );
    if (!unfinished.includes('not_due')) {
      conditions.push(
        unfinished.includes('due_soon')
          ? `${alias}.due_date <= (${today})::date + (${dueSoonDays})::int`
          : `${alias}.due_date < (${today})::date`,
      );
    }
  } else conditions.push(`${alias}.state <> 'cancelled'`);
  return conditions;
}
