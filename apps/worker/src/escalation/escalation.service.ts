import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { notificationTitle, type NotificationKind } from '@dondoc/contracts';
import { isActionRelevant, type Rung, type TaskState } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';
import { NotificationSignal } from '../mail/notification-signal.service.js';

interface ActionRow {
  id: string;
  task_id: string;
  rung: Rung;
  offset: string;
  version: number;
  level: number;
  audiences: string[];
  job_id: string;
  due_at: Date;
  status: string;
  state: TaskState;
  deadline_version: number;
  task_version: number;
  code: string;
  title: string;
}

export type FireOutcome = 'fired' | 'skipped' | 'ignored';

/** What happens when a scheduled action's time comes: re-read everything, act once, or not at all. */
@Injectable()
export class EscalationService {
  private readonly logger = new Logger(EscalationService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly signal: NotificationSignal,
  ) {}

  async fire(actionId: string, now = new Date()): Promise<{ outcome: FireOutcome; latenessMs?: number }> {
    // Filled inside the transaction, announced only once it has committed.
    let notified: { userIds: string[]; taskId: string } | undefined;
    const result = await this.db.transaction(async (m) => {
      // The row lock orders two deliveries of the same job: the second sees status 'done'.
      const rows: ActionRow[] = await m.query(
        `SELECT a.id, a.task_id, a.rung, a."offset", a.version, a.level, a.audiences, a.job_id, a.due_at, a.status,
                t.state, t.deadline_version, t.version AS task_version, t.code, t.title
           FROM scheduled_actions a JOIN tasks t ON t.id = a.task_id
          WHERE a.id = $1 FOR UPDATE OF a`,
        [actionId],
      );
      const a = rows[0];
      if (!a || a.status !== 'pending') return { outcome: 'ignored' as const };
      const latenessMs = Math.max(0, now.getTime() - a.due_at.getTime());
      const relevant = isActionRelevant(
        { rung: a.rung, version: a.version },
        { state: a.state, deadlineVersion: a.deadline_version, version: a.task_version },
      );
      if (!relevant) {
        await m.query(
          `UPDATE scheduled_actions SET status = 'skipped', fired_at = $2, attempts = attempts + 1, updated_at = now() WHERE id = $1`,
          [a.id, now],
        );
        return { outcome: 'skipped' as const, latenessMs };
      }
      const inserted: { user_id: string }[] = await m.query(
        `INSERT INTO notifications (user_id, task_id, kind, title, data, dedupe_key)
         SELECT u.id, t.id, $2, $3, $4::jsonb, $5
           FROM tasks t JOIN users u ON u.active AND (
                ('lead_agency' = ANY($6::text[]) AND u.agency_id = t.lead_agency_id)
             OR ('office' = ANY($6::text[]) AND u.role = 'office')
             OR ('standing_committee' = ANY($6::text[]) AND u.role = 'standing_committee'))
          WHERE t.id = $1
         ON CONFLICT (user_id, dedupe_key) DO NOTHING
         RETURNING user_id`,
        [
          a.task_id,
          a.rung,
          notificationTitle(a.rung as NotificationKind, a),
          JSON.stringify({
            rung: a.rung,
            offset: a.offset,
            level: a.level,
            late: latenessMs > this.config.lateAfterMs,
          }),
          a.job_id,
          a.audiences,
        ],
      );
      if (a.level > 0) {
        await m.query(`UPDATE tasks SET escalation_level = GREATEST(escalation_level, $2) WHERE id = $1`, [
          a.task_id,
          a.level,
        ]);
      }
      await m.query(
        `INSERT INTO task_events (task_id, event, from_state, to_state, actor_role, comment, data, task_version, dedupe_key)
         VALUES ($1, $2, $3, $3, 'system', NULL, $4::jsonb, $5, $6)
         ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`,
        [
          a.task_id,
          a.rung === 'overdue' || a.rung === 'escalate' ? 'ESCALATED' : 'REMINDED',
          a.state,
          JSON.stringify({ rung: a.rung, offset: a.offset, level: a.level, actionId: a.id, latenessMs }),
          a.task_version,
          a.job_id,
        ],
      );
      await m.query(
        `UPDATE scheduled_actions SET status = 'done', fired_at = $2, lateness_ms = $3, attempts = attempts + 1, updated_at = now()
          WHERE id = $1`,
        [a.id, now, latenessMs],
      );
      if (latenessMs > this.config.lateAfterMs) {
        this.logger.warn(`action ${a.job_id} fired ${Math.round(latenessMs / 1000)} s late`);
      }
      notified = { userIds: inserted.map((r) => r.user_id), taskId: a.task_id };
      return { outcome: 'fired' as const, latenessMs };
    });
    if (notified) this.signal.notified(notified.userIds, notified.taskId);
    return result;
  }

  /** Out of attempts: an incident the Office sees, never only a log line. */
  async recordFailure(actionId: string, error: string, final: boolean): Promise<void> {
    let notified: { userIds: string[]; taskId: string } | undefined;
    await this.db.transaction(async (m) => {
      await m.query(
        `UPDATE scheduled_actions SET attempts = attempts + 1, last_error = left($2, 2000),
                status = CASE WHEN $3 AND status = 'pending' THEN 'failed' ELSE status END, updated_at = now()
          WHERE id = $1`,
        [actionId, error, final],
      );
      if (!final) return;
      const inserted: { task_id: string }[] = await m.query(
        `INSERT INTO incidents (action_id, task_id, message)
         SELECT id, task_id, $2 FROM scheduled_actions WHERE id = $1
         ON CONFLICT (action_id) DO NOTHING RETURNING task_id`,
        [actionId, `Không thực hiện được bước nhắc việc sau nhiều lần thử: ${error.slice(0, 500)}`],
      );
      if (!inserted.length) return;
      const office: { user_id: string }[] = await m.query(
        `INSERT INTO notifications (user_id, task_id, kind, title, dedupe_key)
         SELECT u.id, t.id, 'INCIDENT', $2 || ' — ' || t.code || ': ' || t.title, 'incident-' || $3
           FROM tasks t JOIN users u ON u.active AND u.role = 'office' WHERE t.id = $1
         ON CONFLICT (user_id, dedupe_key) DO NOTHING
         RETURNING user_id`,
        [inserted[0].task_id, 'Sự cố nhắc việc cần xử lý', actionId],
      );
      notified = { userIds: office.map((r) => r.user_id), taskId: inserted[0].task_id };
    });
    if (notified) this.signal.notified(notified.userIds, notified.taskId);
  }
}
