import {
  compareAgencyOrder,
  compareVietnamese,
  type AgencyDto,
  type DeadlineStatusName,
  type DirectiveDto,
  type TaskSummaryDto,
} from '@dondoc/contracts';
import { ALL_STATES } from '../board/board-model';

export const SORT_KEYS = [
  'code',
  'title',
  'directive',
  'lead',
  'coordinating',
  'due',
  'deadline',
  'overdue',
  'progress',
  'milestone',
  'officer',
  'state',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export interface ListSort {
  key: SortKey;
  dir: SortDir;
}

/** `due:asc` from the URL; anything else is no sort (the server's order), never an error. */
export function parseSort(text: string): ListSort | null {
  const [key, dir = 'asc'] = text.split(':');
  const known = SORT_KEYS.find((k) => k === key);
  if (!known || (dir !== 'asc' && dir !== 'desc')) return null;
  return { key: known, dir };
}

export function formatSort(sort: ListSort | null): string {
  return sort ? `${sort.key}:${sort.dir}` : '';
}

/** A header press: ascending first, then descending, then back to the server's order. */
export function nextSort(current: ListSort | null, key: SortKey): ListSort | null {
  if (current?.key !== key) return { key, dir: 'asc' };
  return current.dir === 'asc' ? { key, dir: 'desc' } : null;
}

// Most urgent first: what the Office chases comes to the top of an ascending sort.
const DEADLINE_RANK: Record<DeadlineStatusName, number> = { overdue: 0, due_soon: 1, not_due: 2, late: 3, on_time: 4 };
const STATE_RANK = new Map(ALL_STATES.map((s, i) => [s, i]));

export interface SortContext {
  /** In the official order (the API answers agencies in it, and a Map keeps the order it was built in). */
  agencies: ReadonlyMap<string, Pick<AgencyDto, 'name'>>;
  directives: ReadonlyMap<string, Pick<DirectiveDto, 'number'>>;
  /** Handling officers' names by id (the officer column); unknown ids sort as empty. */
  people?: ReadonlyMap<string, string>;
}

const ranks = new WeakMap<SortContext['agencies'], Map<string, number>>();
function rankOf(agencies: SortContext['agencies'], id: string): number | null {
  let rank = ranks.get(agencies);
  if (!rank) {
    rank = new Map([...agencies.keys()].map((key, i) => [key, i]));
    ranks.set(agencies, rank);
  }
  return rank.get(id) ?? null;
}

type Value = string | number | { sortOrder: number | null; name: string }[] | null;

function valueOf(task: TaskSummaryDto, key: SortKey, ctx: SortContext): Value {
  const agency = (id: string) => {
    // An agency the registry does not know (yet) goes after the known ones, by name.
    return { sortOrder: rankOf(ctx.agencies, id), name: ctx.agencies.get(id)?.name ?? '' };
  };
  switch (key) {
    case 'code':
      return task.code;
    case 'title':
      return task.title;
    case 'directive':
      return ctx.directives.get(task.directiveId)?.number ?? null;
    case 'lead':
      return task.leadAgencyId ? [agency(task.leadAgencyId)] : null;
    case 'coordinating':
      return task.coordinatingAgencyIds.length ? task.coordinatingAgencyIds.map(agency).sort(compareAgencyOrder) : null;
    case 'due':
      // The day the deadline really ends (a day off moves it to the next working day).
      return task.effectiveDueDate ?? task.dueDate;
    case 'deadline':
      return task.deadlineStatus ? DEADLINE_RANK[task.deadlineStatus] : null;
    case 'overdue':
      return task.daysOverdue;
    case 'state':
      return STATE_RANK.get(task.state) ?? null;
    case 'progress':
      return task.progressPercent ?? null;
    case 'milestone':
      return task.nextMilestone?.dueDate ?? null;
    case 'officer':
      return (task.assigneeUserId && ctx.people?.get(task.assigneeUserId)) || null;
  }
}

function compareValues(a: Exclude<Value, null>, b: Exclude<Value, null>, key: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareAgencyOrder(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (typeof a !== 'string' || typeof b !== 'string') return 0;
  // ISO dates sort as text; names and codes in Vietnamese order ("numeric" puts NV-2 before NV-10).
  if (key === 'due' || key === 'milestone') return a < b ? -1 : a > b ? 1 : 0;
  return compareVietnamese(a, b);
}

/**
 * A sorted copy. Empty values (no deadline, no lead) go last in both directions, since they are not
 * "earlier" or "smaller" than anything; ties keep the task codes in order so the list never jumps.
 */
export function sortTasks(tasks: readonly TaskSummaryDto[], sort: ListSort | null, ctx: SortContext): TaskSummaryDto[] {
  if (!sort) return [...tasks];
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = tasks.map((task) => ({ task, value: valueOf(task, sort.key, ctx) }));
  keyed.sort((x, y) => {
    if (x.value === null || y.value === null) {
      if (x.value === y.value) return compareVietnamese(x.task.code, y.task.code);
      return x.value === null ? 1 : -1;
    }
    return sign * compareValues(x.value, y.value, sort.key) || compareVietnamese(x.task.code, y.task.code);
  });
  return keyed.map((k) => k.task);
}
