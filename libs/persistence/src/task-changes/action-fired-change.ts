import type { Rung, TaskState } from '@dondoc/workflow';
import { SYSTEM_ACTOR, type TaskChange } from './task-change.writer.js';

/** A scheduled action as its firing needs it. */
export interface FiringAction {
  id: string;
  task_id: string;
  rung: Rung;
  offset: string;
  level: number;
  job_id: string;
}

/**
 * The change a reminder, an overdue or an escalation writes when it fires, for the worker and the demo seed:
 * the level reached, a REMINDED/ESCALATED history row, the notifications, the action marked done. Keyed by
 * the job id, so a second delivery writes nothing again.
 */
export function actionFiredChange(
  a: FiringAction,
  state: TaskState,
  fired: { at: Date; latenessMs: number; late: boolean; backdated?: boolean },
): TaskChange {
  return {
    kind: a.rung,
    taskId: a.task_id,
    actor: SYSTEM_ACTOR,
    from: state,
    historyEvent: a.rung === 'overdue' || a.rung === 'escalate' ? 'ESCALATED' : 'REMINDED',
    set: a.level > 0 ? { escalationLevel: { atLeast: a.level } } : undefined,
    data: { rung: a.rung, offset: a.offset, level: a.level, actionId: a.id, latenessMs: fired.latenessMs },
    notificationData: { rung: a.rung, offset: a.offset, level: a.level, late: fired.late },
    dedupeKey: a.job_id,
    firedAction: { id: a.id, firedAt: fired.at, latenessMs: fired.latenessMs },
    at: fired.backdated ? fired.at : undefined,
  };
}
