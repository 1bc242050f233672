import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clearance, userSubtreeSql } from '../tasks/task-scope.js';

/** Failed escalation steps; one on a classified task exists only for the people on its access list. */
@Injectable()
export class IncidentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  open(userId: string): Promise<
    {
      id: string;
      task_id: string;
      code: string;
      rung: string;
      due_at: Date;
      attempts: number;
      message: string;
      created_at: Date;
    }[]
  > {
    return this.db.query(
      `SELECT i.id::text, i.task_id, t.code, a.rung, a.due_at, a.attempts, i.message, i.created_at
         FROM incidents i JOIN scheduled_actions a ON a.id = i.action_id JOIN tasks t ON t.id = i.task_id
        WHERE i.resolved_at IS NULL AND ${clearance('t', '$1::uuid')} AND ${userSubtreeSql('t.organisation_id', '$1::uuid')}
        ORDER BY i.created_at DESC`,
      [userId],
    );
  }

  async resolve(id: string, userId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `WITH r AS (
         UPDATE incidents i SET resolved_at = now(), resolved_by = $2
           FROM tasks t
          WHERE i.id = $1::bigint AND i.resolved_at IS NULL AND t.id = i.task_id AND ${clearance('t', '$2::uuid')}
            -- The task's own committee's Office closes it.
            AND t.organisation_id = (SELECT u.organisation_id FROM users u WHERE u.id = $2)
         RETURNING i.id)
       SELECT id FROM r`,
      [id, userId],
    );
    return rows.length === 1;
  }
}
