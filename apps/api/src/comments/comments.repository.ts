import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface CommentRow {
  id: string;
  author_id: string;
  author_name: string | null;
  author_role: string;
  body: string;
  created_at: Date;
}

@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  forTask(taskId: string): Promise<CommentRow[]> {
    return this.db.query(
      `SELECT c.id, c.author_id, u.full_name AS author_name, c.author_role, c.body, c.created_at
         FROM comments c LEFT JOIN users u ON u.id = c.author_id
        WHERE c.task_id = $1 ORDER BY c.created_at, c.id`,
      [taskId],
    );
  }

  /** Inside the transaction that records the comment as a change of the task. */
  async insert(
    m: EntityManager,
    c: { taskId: string; authorId: string; authorRole: string; authorAgencyId: string | null; body: string },
  ): Promise<{ id: string; created_at: Date }> {
    const rows: { id: string; created_at: Date }[] = await m.query(
      `INSERT INTO comments (task_id, author_id, author_role, author_agency_id, body) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, created_at`,
      [c.taskId, c.authorId, c.authorRole, c.authorAgencyId, c.body],
    );
    return rows[0];
  }
}
