import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { notificationTextSql } from '@dondoc/persistence';
import { DataSource } from 'typeorm';
import { clearance } from '../tasks/task-scope.js';

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
    // A task raised since its notification was written is named by its code only, like those written after, and
    // only to the people on its list: to anyone else its notifications are gone, as if never written.
    const text = notificationTextSql('n', 't');
    const mine = `n.user_id = $1 AND (n.task_id IS NULL OR ${clearance('t', '$1::uuid')})`;
    const [rows, counts] = await Promise.all([
      this.db.query<NotificationRow[]>(
        `SELECT n.id, n.task_id, n.kind, ${text.title} AS title, ${text.body} AS body, n.data, n.created_at, n.read_at
           FROM notifications n LEFT JOIN tasks t ON t.id = n.task_id
          WHERE ${mine} ORDER BY n.created_at DESC, n.id LIMIT $2 OFFSET $3`,
        [userId, limit, offset],
      ),
      this.db.query<{ total: number; unread: number }[]>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread
           FROM notifications n LEFT JOIN tasks t ON t.id = n.task_id WHERE ${mine}`,
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
