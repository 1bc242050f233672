import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface MilestoneRow {
  id: string;
  task_id: string;
  label: string;
  due_date: string;
  version: number;
  done_at: Date | null;
}

const COLUMNS = `id, task_id, label, due_date::text AS due_date, version, done_at`;

@Injectable()
export class MilestonesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async ofTask(taskId: string, m: EntityManager = this.db.manager): Promise<MilestoneRow[]> {
    return m.query(
      `SELECT ${COLUMNS} FROM milestones WHERE task_id = $1 AND removed_at IS NULL ORDER BY due_date, created_at, id`,
      [taskId],
    );
  }

  /** The task a milestone belongs to, for the caller's visibility check. */
  async taskOf(id: string): Promise<string | undefined> {
    const rows: { task_id: string }[] = await this.db.query(
      `SELECT task_id FROM milestones WHERE id = $1 AND removed_at IS NULL`,
      [id],
    );
    return rows[0]?.task_id;
  }

  async insert(m: EntityManager, taskId: string, label: string, dueDate: string): Promise<MilestoneRow> {
    const rows: MilestoneRow[] = await m.query(
      `INSERT INTO milestones (task_id, label, due_date) VALUES ($1, $2, $3::date) RETURNING ${COLUMNS}`,
      [taskId, label, dueDate],
    );
    return rows[0];
  }

  async update(m: EntityManager, id: string, label: string, dueDate: string, bump: boolean): Promise<MilestoneRow> {
    const rows: MilestoneRow[] = await m.query(
      // Through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH u AS (UPDATE milestones SET label = $2, due_date = $3::date, version = version + CASE WHEN $4 THEN 1 ELSE 0 END
        WHERE id = $1 RETURNING *) SELECT ${COLUMNS} FROM u`,
      [id, label, dueDate, bump],
    );
    return rows[0];
  }

  async remove(m: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await m.query(`UPDATE milestones SET removed_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async markDone(m: EntityManager, id: string, userId: string, at: Date): Promise<MilestoneRow | undefined> {
    const rows: MilestoneRow[] = await m.query(
      `WITH u AS (UPDATE milestones SET done_at = $3, done_by = $2 WHERE id = $1 AND done_at IS NULL AND removed_at IS NULL
       RETURNING *) SELECT ${COLUMNS} FROM u`,
      [id, userId, at],
    );
    return rows[0];
  }
}
