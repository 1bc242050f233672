import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { taskScope } from '../tasks/task-scope.js';
import type { ExtensionQueueRow, ExtensionRequestRow } from './extension-dto.js';
import type { ExtensionQueueQuery } from './extension-queue.query.js';

const REQUEST_COLUMNS = `er.id, er.task_id, er.requested_by, rb.full_name AS requested_by_name,
  er.current_due_date::text AS current_due_date, er.requested_due_date::text AS requested_due_date,
  er.granted_due_date::text AS granted_due_date, er.reason,
  er.status, er.decided_by, db.full_name AS decided_by_name, er.decided_at, er.decision_comment, er.created_at`;
const REQUEST_FROM = `extension_requests er
  LEFT JOIN users rb ON rb.id = er.requested_by
  LEFT JOIN users db ON db.id = er.decided_by`;

/** Whether an error is the unique index that allows one open request per task. */
export function isOpenRequestClash(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  return code === '23505' && constraint === 'extension_requests_one_open';
}

/**
 * The extension requests themselves. What a request or a decision does to its task (history, deadline,
 * schedule, notifications) is written by the task-change writer in the same transaction.
 */
@Injectable()
export class ExtensionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findById(id: string, m: DataSource | EntityManager = this.db): Promise<ExtensionRequestRow | undefined> {
    const rows: ExtensionRequestRow[] = await m.query(
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE er.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Every extension request of a task, newest first. */
  forTask(taskId: string): Promise<ExtensionRequestRow[]> {
    return this.db.query(
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE er.task_id = $1 ORDER BY er.created_at DESC`,
      [taskId],
    );
  }

  /**
   * The requests of the tasks the actor may see, oldest first (the longest waiting is decided first). Scope is
   * the task's: a request is seen exactly by those who see its task.
   */
  async queue(actor: Actor, query: ExtensionQueueQuery): Promise<{ rows: ExtensionQueueRow[]; total: number }> {
    const scope = taskScope(actor, 2);
    const where = `er.status = $1 AND ${scope.sql}`;
    const params = [query.status, ...scope.params];
    const n = params.length;
    const [rows, counted] = await Promise.all([
      this.db.query<ExtensionQueueRow[]>(
        `SELECT er.id, er.status, er.task_id, t.code AS task_code, t.title AS task_title, t.state AS task_state,
                t.lead_agency_id, t.due_date::text AS task_due_date,
                er.current_due_date::text AS current_due_date, er.requested_due_date::text AS requested_due_date,
                er.reason, er.requested_by, rb.full_name AS requested_by_name, er.created_at
           FROM extension_requests er
           JOIN tasks t ON t.id = er.task_id
           LEFT JOIN users rb ON rb.id = er.requested_by
          WHERE ${where}
          ORDER BY er.created_at, er.id
          LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, query.limit, query.offset],
      ),
      this.db
        .query<{ n: string }[]>(
          `SELECT count(*) AS n FROM extension_requests er JOIN tasks t ON t.id = er.task_id WHERE ${where}`,
          params,
        )
        .then((r) => Number(r[0].n)),
    ]);
    return { rows, total: counted };
  }

  async hasOpen(m: EntityManager, taskId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM extension_requests WHERE task_id = $1 AND status = 'open'`, [
      taskId,
    ]);
    return rows.length > 0;
  }

  async insert(
    m: EntityManager,
    r: { taskId: string; requestedBy: string; currentDueDate: string; requestedDueDate: string; reason: string },
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO extension_requests (task_id, requested_by, current_due_date, requested_due_date, reason)
       VALUES ($1, $2, $3::date, $4::date, $5) RETURNING id`,
      [r.taskId, r.requestedBy, r.currentDueDate, r.requestedDueDate, r.reason],
    );
    return rows[0].id;
  }

  /** Locks the request; false when it has been decided already (or no longer exists). */
  async lockOpen(m: EntityManager, id: string): Promise<boolean> {
    const rows: { status: string }[] = await m.query(`SELECT status FROM extension_requests WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows[0]?.status === 'open';
  }

  async decide(
    m: EntityManager,
    id: string,
    status: 'granted' | 'refused',
    deciderId: string,
    comment: string,
    grantedDueDate: string | null = null,
  ): Promise<void> {
    await m.query(
      `UPDATE extension_requests
          SET status = $2, decided_by = $3, decided_at = now(), decision_comment = $4, granted_due_date = $5::date
        WHERE id = $1 AND status = 'open'`,
      [id, status, deciderId, comment, grantedDueDate],
    );
  }
}
