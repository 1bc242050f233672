import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class IncidentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  open(): Promise<
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
        WHERE i.resolved_at IS NULL ORDER BY i.created_at DESC`,
    );
  }

  async resolve(id: string, userId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `WITH r AS (UPDATE incidents SET resolved_at = now(), resolved_by = $2 WHERE id = $1::bigint AND resolved_at IS NULL RETURNING id)
       SELECT id FROM r`,
      [id, userId],
    );
    return rows.length === 1;
  }
}
