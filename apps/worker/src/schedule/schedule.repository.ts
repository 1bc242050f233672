import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface PendingAction {
  id: string;
  job_id: string;
  rung: string;
  due_at: Date;
  request_id: string | null;
}

/** An undispatched outbox row; `payload` follows `OutboxPayload` (libs/contracts) for rows written since v1. */
export interface OutboxEvent {
  id: string;
  task_id: string | null;
  kind: string;
  request_id: string | null;
  payload: unknown;
}

@Injectable()
export class ScheduleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  undispatched(limit: number): Promise<PendingAction[]> {
    return this.db.query(
      `SELECT id, job_id, rung, due_at, request_id FROM scheduled_actions
        WHERE status = 'pending' AND dispatched_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  async markDispatched(ids: string[]): Promise<void> {
    if (ids.length)
      // Re-dispatching (reconciler) writes nothing for rows already marked.
      await this.db.query(
        `UPDATE scheduled_actions SET dispatched_at = now() WHERE id = ANY($1::bigint[]) AND dispatched_at IS NULL`,
        [ids],
      );
  }

  /** Jobs made obsolete by a change (cancelled after they were handed to Redis). */
  obsolete(limit: number): Promise<{ id: string; job_id: string }[]> {
    return this.db.query(
      `SELECT id, job_id FROM scheduled_actions
        WHERE status = 'cancelled' AND dispatched_at IS NOT NULL AND removed_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  async markRemoved(ids: string[]): Promise<void> {
    if (ids.length)
      await this.db.query(`UPDATE scheduled_actions SET removed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Keyset pages over every pending action, for the reconciler. */
  pendingAfter(afterId: string, limit: number): Promise<PendingAction[]> {
    return this.db.query(
      `SELECT id, job_id, rung, due_at, request_id FROM scheduled_actions
        WHERE status = 'pending' AND id > $1::bigint ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
  }

  /** The outbox rows the relay has not published yet, oldest first, with the payload it publishes from. */
  undispatchedEvents(limit: number): Promise<OutboxEvent[]> {
    return this.db.query(
      `SELECT id, task_id, kind, request_id, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  async markEventsDispatched(ids: string[]): Promise<void> {
    if (ids.length) await this.db.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }
}
