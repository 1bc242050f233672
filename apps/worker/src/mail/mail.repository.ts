import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { notificationTextSql } from '@dondoc/persistence';
import { DataSource } from 'typeorm';
import type { MailableNotification } from './mail-message.js';

/** The mail loop's claims on notifications: `emailed_at` set under SKIP LOCKED, so no two workers send one mail. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Up to `limit` unmailed notifications younger than `maxAgeHours` for users with an address, except `skip`. A
   * classified task's mail carries its code only, never its title or what was said (even when its notification was
   * written before the task was raised), and goes only to the people on its access list now: one claimed for
   * someone taken off the list is marked mailed and not returned, so it is never sent.
   */
  claim(limit: number, maxAgeHours: number, skip: string[]): Promise<MailableNotification[]> {
    const text = notificationTextSql('c', 't');
    return this.db.query(
      `WITH claimed AS (
         UPDATE notifications n SET emailed_at = now()
          WHERE n.id IN (
                SELECT c.id FROM notifications c JOIN users u ON u.id = c.user_id
                 WHERE c.emailed_at IS NULL AND u.email IS NOT NULL AND u.active
                   AND c.created_at > now() - $2::float8 * interval '1 hour'
                   AND NOT (c.id = ANY($3::uuid[]))
                 ORDER BY c.created_at
                 LIMIT $1
                   FOR UPDATE OF c SKIP LOCKED)
            AND n.emailed_at IS NULL
          RETURNING n.id, n.user_id, n.task_id, n.kind, n.title, n.body, n.created_at)
       SELECT c.id, c.task_id, c.kind, ${text.title} AS title, ${text.body} AS body, u.email, u.full_name
         FROM claimed c JOIN users u ON u.id = c.user_id LEFT JOIN tasks t ON t.id = c.task_id
        WHERE NOT ${text.classified}
           OR EXISTS (SELECT 1 FROM classified_access ca WHERE ca.task_id = t.id AND ca.user_id = c.user_id)
        ORDER BY c.created_at`,
      [limit, maxAgeHours, skip],
    );
  }

  /** Gives claims back for a later pass (the send failed). */
  async release(ids: string[]): Promise<void> {
    await this.db.query(`UPDATE notifications SET emailed_at = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
