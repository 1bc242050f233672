import type { TaskRow } from '@dondoc/persistence';
import type { Actor, EscalationPolicy } from '@dondoc/workflow';
import { ApiError } from '../common/api-error.js';
import type { ChangeTransaction } from '../task-changes/task-changes.service.js';
import { milestoneActions } from './milestones.service.js';
import type { MilestoneRow } from './milestones.repository.js';

export interface MilestoneInput {
  label: string;
  dueDate: string;
}

/** Refuses milestones after the task's own deadline, before anything is written. */
export function checkMilestoneDates(
  dueDate: string | null | undefined,
  milestones: readonly MilestoneInput[],
  index?: number,
): void {
  for (const m of milestones) {
    if (dueDate && m.dueDate > dueDate) {
      const which = index === undefined ? '' : `Nhiệm vụ ${index + 1}: `;
      throw new ApiError(
        400,
        'MILESTONE_DATE_INVALID',
        `${which}mốc "${m.label}" (${m.dueDate}) sau hạn của nhiệm vụ (${dueDate}) (a milestone after the task's deadline)`,
      );
    }
  }
}

/**
 * The milestones a new task comes with (typed by the Office, or proposed by an import), written with their
 * MILESTONES_SET history row and their schedule in the caller's transaction.
 */
export async function addInitialMilestones(
  tx: ChangeTransaction,
  task: TaskRow,
  milestones: readonly MilestoneInput[],
  actor: Actor,
  policy: EscalationPolicy,
  requestId: string | null,
): Promise<void> {
  if (!milestones.length) return;
  const rows: MilestoneRow[] = await tx.manager.query(
    `INSERT INTO milestones (task_id, label, due_date)
     SELECT $1, x.label, x.due_date FROM jsonb_to_recordset($2::jsonb) AS x(label text, due_date date)
     RETURNING id, task_id, label, due_date::text AS due_date, version, done_at`,
    [task.id, JSON.stringify(milestones.map((m) => ({ label: m.label, due_date: m.dueDate })))],
  );
  rows.sort((a, b) => a.due_date.localeCompare(b.due_date));
  const calendar = await tx.calendar();
  await tx.apply({
    kind: 'MILESTONES_SET',
    taskId: task.id,
    actor,
    from: task.state,
    data: { milestones: rows.map((m) => ({ id: m.id, label: m.label, dueDate: m.due_date })) },
    schedule: { cancelRungs: [], add: rows.flatMap((m) => milestoneActions(m, policy, calendar)) },
    requestId,
  });
}
