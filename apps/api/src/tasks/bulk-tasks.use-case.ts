import { CalendarStore } from '@dondoc/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { BulkRefusal, BulkTaskActionRequest, BulkTaskActionResponse } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService, type ChangeTransaction } from '../task-changes/task-changes.service.js';
import {
  decideBulkItem,
  duplicateIds,
  leadsToCheck,
  type BulkDecision,
  type BulkTaskState,
} from './bulk-task-decision.js';
import { policyFor } from './schedule-change.js';
import { toSummary, summaryViewOf } from './task-summary.js';
import { TasksRepository } from './tasks.repository.js';

export function bulkRefused(refusals: BulkRefusal[]): ApiError {
  return new ApiError(
    409,
    'BULK_REFUSED',
    `Không thực hiện được với ${refusals.length} nhiệm vụ; không nhiệm vụ nào bị thay đổi / ` +
      `${refusals.length} task(s) refused; nothing was changed`,
    { refusals },
  );
}

/**
 * The Office's bulk assign, deadline move or cancel: every task locked and decided first, in one
 * transaction; one refusal and the transaction rolls back, so nothing changes.
 */
@Injectable()
export class BulkTasksUseCase {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly agencies: AgenciesRepository,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
  ) {}

  async execute(user: AuthUser, req: BulkTaskActionRequest, requestId: string | null): Promise<BulkTaskActionResponse> {
    const dupes = duplicateIds(req.items);
    if (dupes.length) {
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        `Nhiệm vụ bị chọn hai lần / Task(s) listed twice: ${dupes.join(', ')}`,
        [{ path: 'items', message: `duplicate taskId: ${dupes.join(', ')}` }],
      );
    }
    const actor = toActor(user);
    const now = new Date();
    const written = await this.changes.transaction(async (tx) => {
      const states = await this.lockAll(
        tx,
        actor,
        req.items.map((i) => i.taskId),
      );
      const inactive = new Set(
        await this.agencies.unknownIds(
          leadsToCheck(
            req,
            states.map((s) => s?.row),
          ),
          // Only the actor's own committee's tasks pass the rules: its agencies are the ones they may name.
          user.organisationId,
        ),
      );
      const calendar = await this.calendars.current(tx.manager);
      const ctx = { actor, now, requestId, calendar, isActiveAgency: (id: string) => !inactive.has(id) };
      const decisions: BulkDecision[] = req.items.map((item, i) => decideBulkItem(req, item, states[i], ctx));
      const refusals = decisions.flatMap((d) => (d.ok ? [] : [d.refusal]));
      if (refusals.length) throw bulkRefused(refusals);
      const rows = [];
      for (const [i, d] of decisions.entries()) {
        if (!d.ok) continue;
        const applied = await tx.apply(d.change);
        // Locked above, so only a writer bug gets here; still all or nothing.
        if (!applied) {
          throw bulkRefused([{ taskId: req.items[i].taskId, code: 'VERSION_CONFLICT', message: 'Changed meanwhile' }]);
        }
        rows.push(applied.task);
      }
      return rows;
    });
    return { tasks: written.map((r) => toSummary(r, actor, now, summaryViewOf(this.config, this.calendars))) };
  }

  /**
   * Locks every task (in id order, so two batches over the same tasks queue instead of deadlocking), then
   * reads each as the caller may see it: undefined for a task out of scope or gone.
   */
  private async lockAll(tx: ChangeTransaction, actor: Actor, ids: string[]): Promise<(BulkTaskState | undefined)[]> {
    for (const id of [...ids].sort()) await tx.lock(id);
    const states: (BulkTaskState | undefined)[] = [];
    for (const id of ids) {
      const row = await this.tasks.findVisible(actor, id, tx.manager);
      states.push(
        row && {
          row,
          pendingSubmission: row.pending_submission_id
            ? { id: row.pending_submission_id, submittedAt: row.pending_submitted_at ?? new Date() }
            : null,
          policy: policyFor(this.config.escalation, row.escalation_policy),
        },
      );
    }
    return states;
  }
}
