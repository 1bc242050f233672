import { isPartRung, RECIPIENTS, type Audience, type Rung, type TaskState } from '@dondoc/workflow';
import { SYSTEM_ACTOR, type TaskChange } from './task-change.writer.js';

/** A scheduled action as its firing needs it. */
export interface FiringAction {
  id: string;
  task_id: string;
  rung: Rung;
  offset: string;
  level: number;
  job_id: string;
  /** Who the row says is told (the named chain's step); the rule's row for the rung when absent. */
  audiences?: readonly string[];
  target_id?: string | null;
  /** A contribution's coordinator, for its rungs. */
  target_agency_id?: string | null;
}

function knownAudiences(rung: Rung, row: readonly string[] | undefined): Audience[] {
  const known = new Set<string>([
    'assignee',
    'responsible_leader',
    'agency_head',
    'monitoring_officer',
    'office',
    'standing_committee',
    'lead_agency',
    'coordinating_agencies',
    'target_agency',
  ]);
  // Rows written before the named chain said 'lead_agency' where the rule now names people.
  const base = row && row.length ? row : RECIPIENTS[rung];
  return base.filter((a): a is Audience => known.has(a));
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
    historyEvent: isPartRung(a.rung)
      ? a.rung.toUpperCase()
      : a.rung === 'overdue' || a.rung === 'escalate'
        ? 'ESCALATED'
        : 'REMINDED',
    set: a.level > 0 ? { escalationLevel: { atLeast: a.level } } : undefined,
    audiences: knownAudiences(a.rung, a.audiences),
    targetAgencyId: a.target_agency_id ?? null,
    data: {
      rung: a.rung,
      offset: a.offset,
      level: a.level,
      actionId: a.id,
      latenessMs: fired.latenessMs,
      ...(a.target_id ? { targetId: a.target_id } : {}),
    },
    notificationData: {
      rung: a.rung,
      offset: a.offset,
      level: a.level,
      late: fired.late,
      ...(a.target_id ? { targetId: a.target_id } : {}),
    },
    dedupeKey: a.job_id,
    firedAction: { id: a.id, firedAt: fired.at, latenessMs: fired.latenessMs },
    at: fired.backdated ? fired.at : undefined,
  };
}
