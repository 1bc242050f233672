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

/** A pending action as the reconciler reads it: whether the relay has handed it over yet, too. */
export interface ReconcileAction extends PendingAction {
  undispatched: boolean;
}

/**
 * `due_at` as whole milliseconds, rounded up: a job is never due before its action (the column keeps
 * microseconds, a Date does not), and a number is cheaper to read than a timestamp's text.
 */
const ACTION_COLUMNS = `id, job_id, rung, ceil(extract(epoch FROM due_at) * 1000)::float8 AS due_ms, request_id`;
type ActionRow = Omit<PendingAction, 'due_at'> & { due_ms: number };
// Spelled out: a rest/spread copy of each row costs more than reading it (100,000 rows per reconcile).
const toAction = (r: ActionRow): PendingAction => ({
  id: r.id,
  job_id: r.job_id,
  rung: r.rung,
  due_at: new Date(r.due_ms),
  request_id: r.request_id,
});

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

  async undispatched(limit: number): Promise<PendingAction[]> {
    const rows: ActionRow[] = await this.db.query(
      `SELECT ${ACTION_COLUMNS} FROM scheduled_actions
        WHERE status = 'pending' AND dispatched_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows.map(toAction);
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
  async pendingAfter(afterId: string, limit: number): Promise<ReconcileAction[]> {
    const rows: (ActionRow & { undispatched: boolean })[] = await this.db.query(
      `SELECT ${ACTION_COLUMNS}, dispatched_at IS NULL AS undispatched FROM scheduled_actions
        WHERE status = 'pending' AND id > $1::bigint ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => {
      const a = toAction(r) as ReconcileAction;
      a.undispatched = r.undispatched;
      return a;
    });
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
