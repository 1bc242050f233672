import type { EscalationPolicy } from '@dondoc/workflow';
import { applyEvent, isRecordOnly, type Actor, type TaskEvent } from '@dondoc/workflow';
import { ApiError } from '../common/api-error.js';
import { RECORD_ONLY_REASON } from '../classification/classification-rules.js';
import type { ChangeTransaction } from '../task-changes/task-changes.service.js';
import { toFacts } from './task-summary.js';
import { transitionChange } from './transition-change.js';

/** Cancelling a task broken down asks what becomes of the work below it (issue 20). */
export const openSubTasks = (n: number) =>
  new ApiError(
    409,
    'OPEN_SUB_TASKS',
    `Còn ${n} nhiệm vụ con chưa hoàn thành: hãy chọn hủy theo (subTasks: "cancel") hay giữ lại ("keep") / ${n} sub-tasks are still open: say whether they are cancelled with it (subTasks: "cancel") or kept ("keep")`,
  );

/**
 * Cancels, in the parent's transaction and through the writer, the open tasks below a cancelled one: each as its
 * own committee's cancellation, recorded as done by whoever cancelled the parent, with the parent named.
 */
export async function cancelSubTasks(
  tx: ChangeTransaction,
  ids: readonly string[],
  actor: Actor,
  parent: { code: string; comment: string },
  now: Date,
  policy: EscalationPolicy,
  requestId: string | null,
): Promise<number> {
  let cancelled = 0;
  for (const id of ids) {
    const row = await tx.lock(id);
    if (!row || row.state === 'approved' || row.state === 'cancelled') continue;
    // The parent's canceller acts here as the sub-task's own committee would: the rules still decide the move.
    const onBehalf: Actor = { ...actor, organisationId: row.organisation_id, organisationAgencyId: null };
    const comment = isRecordOnly(row.classification)
      ? RECORD_ONLY_REASON
      : `Hủy theo nhiệm vụ cấp trên ${parent.code}: ${parent.comment}`;
    const event: TaskEvent = { type: 'CANCEL', comment };
    const result = applyEvent(toFacts(row), onBehalf, event, now);
    if (!result.ok) continue;
    const written = await tx.apply(
      transitionChange({
        taskId: id,
        actor: onBehalf,
        event,
        result,
        before: { version: row.version, leadAgencyId: row.lead_agency_id, completedAt: row.completed_at },
        pendingSubmission: null,
        now,
        policy,
        requestId,
      }),
    );
    if (written) cancelled += 1;
  }
  return cancelled;
}
