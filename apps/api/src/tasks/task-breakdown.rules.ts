import type { TaskSummaryDto } from '@dondoc/contracts';
import { relationOf, type Actor, type DeadlineStatus, type TaskState } from '@dondoc/workflow';
import { ApiError } from '../common/api-error.js';

/** A task a committee below may still break down: given and not yet closed or sent up. */
const BREAKABLE: readonly TaskState[] = ['assigned', 'in_progress'];

/**
 * Whether `actor` may register a sub-task under `parent` due on `dueDate` (issue 20): the parent is given to
 * the actor's committee (its lead is the agency standing for it) and is under way, and the sub-task is due no
 * later than the parent unless the reason is recorded. Throws the refusal; answers the exception to record.
 */
export function checkBreakdown(
  parent: {
    state: TaskState;
    lead_agency_id: string | null;
    coordinating_agency_ids: string[];
    due_date: string | null;
  },
  actor: Actor,
  sub: { dueDate?: string | null; dueException?: string },
): string | null {
  const membership = { leadAgencyId: parent.lead_agency_id, coordinatingAgencyIds: parent.coordinating_agency_ids };
  if (actor.role !== 'office' || relationOf(membership, actor) !== 'lead') {
    throw new ApiError(
      403,
      'NOT_PARENT_LEAD',
      'Chỉ Văn phòng cấp ủy được giao chủ trì nhiệm vụ mới chia nhỏ nhiệm vụ đó / Only the Office of the committee the task is given to breaks it down',
    );
  }
  if (!BREAKABLE.includes(parent.state)) {
    throw new ApiError(
      409,
      'PARENT_NOT_OPEN',
      'Nhiệm vụ cấp trên không còn đang thực hiện / The task above is not under way',
    );
  }
  const reason = sub.dueException?.trim() || null;
  const after = parent.due_date !== null && (!sub.dueDate || sub.dueDate > parent.due_date);
  if (after && !reason) {
    throw new ApiError(
      400,
      'DUE_AFTER_PARENT',
      `Hạn của nhiệm vụ con không được sau hạn nhiệm vụ cấp trên (${parent.due_date}) nếu không nêu lý do / A sub-task is due no later than its parent (${parent.due_date}) unless dueException says why`,
    );
  }
  return after ? reason : null;
}

/** Worst first: the one the parent shows. */
const WORST: readonly DeadlineStatus[] = ['overdue', 'late', 'due_soon', 'not_due', 'on_time'];

export interface RollUp {
  total: number;
  open: number;
  approved: number;
  cancelled: number;
  /** Mean progress of the sub-tasks not cancelled (approved counts 100), rounded; null without any. */
  percent: number | null;
  worstDeadlineStatus: DeadlineStatus | null;
  onTime: number;
  late: number;
  overdue: number;
}

/** The parent's figures from its sub-tasks as the reader sees them (live, or as a past report rebuilt them). */
export function rollUp(
  subTasks: readonly Pick<TaskSummaryDto, 'state' | 'deadlineStatus' | 'progressPercent'>[],
): RollUp {
  const live = subTasks.filter((t) => t.state !== 'cancelled');
  const statuses = live.map((t) => t.deadlineStatus).filter((s): s is DeadlineStatus => s != null);
  const count = (s: DeadlineStatus) => statuses.filter((x) => x === s).length;
  return {
    total: subTasks.length,
    open: live.filter((t) => t.state !== 'approved').length,
    approved: live.filter((t) => t.state === 'approved').length,
    cancelled: subTasks.length - live.length,
    percent: live.length
      ? Math.round(
          live.reduce((n, t) => n + (t.state === 'approved' ? 100 : (t.progressPercent ?? 0)), 0) / live.length,
        )
      : null,
    worstDeadlineStatus: WORST.find((s) => statuses.includes(s)) ?? null,
    onTime: count('on_time'),
    late: count('late'),
    overdue: count('overdue'),
  };
}
