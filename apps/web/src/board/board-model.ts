import type { RoleName, TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import { daysUntilDue } from '@dondoc/workflow';

/** The lifecycle columns, left to right; "cancelled" only when asked for. */
export const BOARD_STATES: readonly TaskStateName[] = ['drafted', 'assigned', 'in_progress', 'submitted', 'approved'];
export const ALL_STATES: readonly TaskStateName[] = [...BOARD_STATES, 'cancelled'];

/** The board's columns for a role: agencies never see drafts, so theirs would always be empty. */
export function columnsFor(role: RoleName, showCancelled: boolean): readonly TaskStateName[] {
  const states = showCancelled ? ALL_STATES : BOARD_STATES;
  return role === 'agency' ? states.filter((s) => s !== 'drafted') : states;
}

/** The escalation badge is a call to act: it goes once the task is approved or cancelled. */
export function showsEscalation(task: Pick<TaskSummaryDto, 'escalationLevel' | 'state'>): boolean {
  return task.escalationLevel > 0 && task.state !== 'approved' && task.state !== 'cancelled';
}

export type DeadlineTone = 'on-time' | 'in-deadline' | 'late' | 'overdue' | 'not-started';

/**
 * The deadline colour of a card, one rule for the whole board:
 * - red (overdue): not approved and past its deadline, whatever the column;
 * - green (on-time) / orange (late): approved, by whether it was done by the deadline;
 * - blue (in-deadline): being worked on or awaiting review (in_progress, submitted) within the deadline;
 * - grey (not-started): drafted or assigned but not started, cancelled, or with no deadline at all.
 * Overdue wins over "not started" because an unstarted task past its deadline is exactly what the
 * Office must see.
 */
export function deadlineTone(task: TaskSummaryDto): DeadlineTone {
  if (task.state === 'cancelled' || task.dueDate == null) return 'not-started';
  if (task.deadlineStatus === 'overdue') return 'overdue';
  if (task.state === 'approved') return task.deadlineStatus === 'late' ? 'late' : 'on-time';
  if (task.state === 'in_progress' || task.state === 'submitted') return 'in-deadline';
  return 'not-started';
}

export type Countdown =
  | { kind: 'none' }
  | { kind: 'left'; days: number }
  | { kind: 'today' }
  | { kind: 'overdue'; days: number }
  | { kind: 'onTime' }
  | { kind: 'late'; days: number };

/** "còn N ngày" / "quá hạn N ngày" as of today's date in Asia/Ho_Chi_Minh. */
export function countdownOf(task: TaskSummaryDto, now: Date): Countdown {
  if (task.dueDate == null || task.state === 'cancelled') return { kind: 'none' };
  if (task.state === 'approved') {
    const late = task.daysOverdue ?? 0;
    return task.deadlineStatus === 'late' && late > 0 ? { kind: 'late', days: late } : { kind: 'onTime' };
  }
  // Counted to the day the deadline really ends: a deadline on a holiday runs to the next working day.
  const days = daysUntilDue(task.effectiveDueDate ?? task.dueDate, now);
  if (days > 0) return { kind: 'left', days };
  if (days === 0) return { kind: 'today' };
  return { kind: 'overdue', days: -days };
}

/** Needs the Office's eye: past its deadline or escalated, while still owed. */
export function needsAttention(task: TaskSummaryDto): boolean {
  return task.deadlineStatus === 'overdue' || showsEscalation(task);
}

/** Tasks per column in the server's order, except that `pinned` tasks (just moved) come first. */
export function groupByState(
  tasks: readonly TaskSummaryDto[],
  pinned: readonly string[] = [],
): Map<TaskStateName, TaskSummaryDto[]> {
  const groups = new Map<TaskStateName, TaskSummaryDto[]>(ALL_STATES.map((s) => [s, []]));
  const rank = new Map(pinned.map((id, i) => [id, i]));
  const top: TaskSummaryDto[] = [];
  for (const task of tasks) {
    if (rank.has(task.id)) top.push(task);
    else groups.get(task.state)?.push(task);
  }
  top.sort((a, b) => (rank.get(b.id) ?? 0) - (rank.get(a.id) ?? 0));
  for (const task of top) groups.get(task.state)?.unshift(task);
  return groups;
}

/** Whole days a submission has waited for the Standing Committee (updatedAt is the submission). */
export function waitingDays(task: TaskSummaryDto, now: Date): number {
  const since = Date.parse(task.updatedAt);
  return Number.isNaN(since) ? 0 : Math.max(0, Math.floor((now.getTime() - since) / 86_400_000));
}

export function byWaitingTime(a: TaskSummaryDto, b: TaskSummaryDto): number {
  return a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.code.localeCompare(b.code);
}

/** The client-side part of the board's filters (the server does the rest). */
export interface ClientNarrowing {
  agencyId: string;
  attention: boolean;
  view: string;
}

/**
 * What the board shows of the server's answer: the lead agency only (the server's agencyId also matches
 * coordinating agencies), "attention" tasks only, and only submissions, oldest first, on the review queue.
 * The list view uses the same rule, so the two views of one URL never disagree.
 */
export function narrowTasks(items: readonly TaskSummaryDto[], f: ClientNarrowing): readonly TaskSummaryDto[] {
  let list = items;
  if (f.agencyId) list = list.filter((task) => task.leadAgencyId === f.agencyId);
  if (f.attention) list = list.filter(needsAttention);
  if (f.view === 'review') list = list.filter((task) => task.state === 'submitted').sort(byWaitingTime);
  return list;
}
