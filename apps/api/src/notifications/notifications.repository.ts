import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface NotificationRow {
  id: string;
  task_id: string | null;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forUser(
    userId: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: NotificationRow[]; unread: number; total: number }> {
    const [rows, counts] = await Promise.all([
      this.db.query<NotificationRow[]>(
        `SELECT id, task_id, kind, title, body, data, created_at, read_at FROM notifications
          WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
        [userId, limit, offset],
      ),
      this.db.query<{ total: number; unread: number }[]>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1`,
        [userId],
      ),
    ]);
    return { rows, unread: counts[0].unread, total: counts[0].total };
  }

  /** Only the owner's own notification is marked; anyone else's id is "not found". */
  async markRead(userId: string, id: string): Promise<boolean> {
    const rows = await this.db.query<{ id: string }[]>(
      `WITH u AS (UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id)
       SELECT id FROM u`,
      [id, userId],
    );
    return rows.length === 1;
  }
}
