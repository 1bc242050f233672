import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { actionFiredChange, SYSTEM_ACTOR, TaskChangeWriter } from '@dondoc/persistence';
import { isActionRelevant } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';
import { RelayService } from '../schedule/relay.service.js';
import { ActionsRepository } from './actions.repository.js';

export type FireOutcome = 'fired' | 'skipped' | 'ignored';

/** What happens when a scheduled action's time comes: re-read everything, act once, or not at all. */
@Injectable()
export class EscalationService {
  private readonly logger = new Logger(EscalationService.name);
  private readonly writer = new TaskChangeWriter();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly relay: RelayService,
    private readonly actions: ActionsRepository,
  ) {}

  async fire(actionId: string, now = new Date()): Promise<{ outcome: FireOutcome; latenessMs?: number }> {
    const result = await this.db.transaction(async (m) => {
      const a = await this.actions.lockWithTask(m, actionId);
      if (!a || a.status !== 'pending') return { outcome: 'ignored' as const };
      const latenessMs = Math.max(0, now.getTime() - a.due_at.getTime());
      const relevant = isActionRelevant(
        { rung: a.rung, version: a.version },
        { state: a.state, deadlineVersion: a.deadline_version, version: a.task_version },
        a.part_version === null ? null : { version: a.part_version, settled: a.part_settled === true },
      );
      if (!relevant) {
        await this.writer.skipAction(m, a.id, now);
        return { outcome: 'skipped' as const, latenessMs };
      }
      const late = latenessMs > this.config.lateAfterMs;
      await this.writer.apply(m, actionFiredChange(a, a.state, { at: now, latenessMs, late }));
      if (late) this.logger.warn(`action ${a.job_id} fired ${Math.round(latenessMs / 1000)} s late`);
      return { outcome: 'fired' as const, latenessMs };
    });
    // Committed: the relay tells the recipients now rather than at its next tick. A firing schedules and
    // cancels nothing, so only the outbox needs the pass.
    if (result.outcome === 'fired') this.relay.kick('events');
    return result;
  }

  /** Out of attempts: an incident the Office sees, never only a log line. */
  async recordFailure(actionId: string, error: string, final: boolean): Promise<void> {
    const opened = await this.db.transaction(async (m) => {
      // The action, then its task, in the order fire() locks them: two actions of one task failing for good
      // at once would otherwise deadlock (each holding the key-share lock its incident row takes on the task).
      const a = final ? await this.actions.lockWithTask(m, actionId) : undefined;
      await this.writer.recordActionFailure(m, actionId, error, final);
      if (!a) return false;
      const taskId = await this.writer.openIncident(
        m,
        actionId,
        `Không thực hiện được bước nhắc việc sau nhiều lần thử: ${error.slice(0, 500)}`,
      );
      if (!taskId) return false;
      await this.writer.apply(m, {
        kind: 'INCIDENT',
        taskId,
        actor: SYSTEM_ACTOR,
        from: a.state,
        data: { actionId },
        notificationData: { actionId },
        dedupeKey: `incident-${actionId}`,
      });
      return true;
    });
    if (opened) this.relay.kick('events');
  }
}
