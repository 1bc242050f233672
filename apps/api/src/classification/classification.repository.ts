import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ClassifiedDefaultGroup } from '../config/app-config.js';

export type ClassifiedItem = { kind: 'task'; id: string } | { kind: 'directive'; id: string };

export interface AccessRow {
  user_id: string;
  full_name: string;
  role: string;
  agency_id: string | null;
  position: string | null;
  active: boolean;
  granted_at: Date;
}

const column = (item: ClassifiedItem) => (item.kind === 'task' ? 'task_id' : 'directive_id');

/** The need-to-know lists (`classified_access`); who may change them is the service's rule. */
@Injectable()
export class ClassificationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(item: ClassifiedItem, m: EntityManager | DataSource = this.db): Promise<AccessRow[]> {
    return m.query(
      `SELECT ca.user_id, u.full_name, u.role, u.agency_id, u.position, u.active, ca.granted_at
         FROM classified_access ca JOIN users u ON u.id = ca.user_id
        WHERE ca.${column(item)} = $1
        ORDER BY u.role, u.full_name, u.id`,
      [item.id],
    );
  }

  async isOnList(item: ClassifiedItem, userId: string, m: EntityManager | DataSource = this.db): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM classified_access WHERE ${column(item)} = $1 AND user_id = $2`,
      [item.id, userId],
    );
    return rows.length > 0;
  }

  /**
   * The users a new list names by default (`CLASSIFIED_DEFAULT_ACCESS`), active ones only, of the item's committee
   * (`organisationId`: the committee above is not told of a secret below it by default).
   */
  async defaultUserIds(
    groups: readonly ClassifiedDefaultGroup[],
    organisationId: string,
    m: EntityManager | DataSource = this.db,
  ): Promise<string[]> {
    if (!groups.length) return [];
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM users WHERE active AND organisation_id = $2 AND (
          (role = 'standing_committee' AND 'standing_committee' = ANY($1::text[]))
       OR (role = 'standing_committee' AND position = 'standing_board' AND 'standing_board' = ANY($1::text[]))
       OR (role = 'office' AND 'office' = ANY($1::text[]))
       OR (role = 'inspector' AND 'inspector' = ANY($1::text[])))`,
      [groups, organisationId],
    );
    return rows.map((r) => r.id);
  }

  /** The accounts behind `ids` (to check who may be named), whatever their state. */
  users(
    ids: readonly string[],
    m: EntityManager | DataSource = this.db,
  ): Promise<{ id: string; role: string; agency_id: string | null; active: boolean }[]> {
    return m.query(`SELECT id, role, agency_id, active FROM users WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Adds these users to the list (those already on it stay as they were). */
  async add(m: EntityManager, item: ClassifiedItem, userIds: readonly string[], grantedBy: string): Promise<void> {
    if (!userIds.length) return;
    await m.query(
      `INSERT INTO classified_access (${column(item)}, user_id, granted_by)
       SELECT $1, u, $3 FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`,
      [item.id, [...new Set(userIds)], grantedBy],
    );
  }

  /** Makes the list exactly `userIds`; says who was added and who removed. */
  async replace(
    m: EntityManager,
    item: ClassifiedItem,
    userIds: readonly string[],
    grantedBy: string,
  ): Promise<{ added: string[]; removed: string[] }> {
    const held: { user_id: string }[] = await m.query(
      `SELECT user_id FROM classified_access WHERE ${column(item)} = $1 FOR UPDATE`,
      [item.id],
    );
    const before = new Set(held.map((r) => r.user_id));
    const after = new Set(userIds);
    const added = [...after].filter((u) => !before.has(u));
    const removed = [...before].filter((u) => !after.has(u));
    if (removed.length) {
      await m.query(`DELETE FROM classified_access WHERE ${column(item)} = $1 AND user_id = ANY($2::uuid[])`, [
        item.id,
        removed,
      ]);
    }
    await this.add(m, item, added, grantedBy);
    return { added: added.sort(), removed: removed.sort() };
  }

  /** A task newly classified starts with its directive's list too (when the directive has one). */
  async copyDirectiveList(m: EntityManager, taskId: string, directiveId: string, grantedBy: string): Promise<void> {
    await m.query(
      `INSERT INTO classified_access (task_id, user_id, granted_by)
       SELECT $1, user_id, $3 FROM classified_access WHERE directive_id = $2 ON CONFLICT DO NOTHING`,
      [taskId, directiveId, grantedBy],
    );
  }
}
