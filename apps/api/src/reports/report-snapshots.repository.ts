import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportBundle, ReportFilters } from '@dondoc/contracts';
import { DataSource } from 'typeorm';
import { clearance, directiveClearance, userSubtreeSql } from '../tasks/task-scope.js';

export interface SnapshotRow {
  id: string;
  title: string;
  as_of: string;
  live: boolean;
  params: ReportFilters;
  created_by: string;
  created_by_name: string | null;
  created_at: Date;
  figures?: ReportBundle;
}

const COLUMNS = `s.id, s.title, s.as_of::text AS as_of, s.live, s.params, s.created_by, u.full_name AS created_by_name, s.created_at`;

/** Frozen reports: written once, never updated (the table refuses it), listed newest first. */
@Injectable()
export class ReportSnapshotsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(s: {
    title: string;
    asOf: string;
    live: boolean;
    params: ReportFilters;
    figures: ReportBundle;
    createdBy: string;
  }): Promise<SnapshotRow> {
    const rows: SnapshotRow[] = await this.db.query(
      `WITH s AS (
         INSERT INTO report_snapshots (title, as_of, live, params, figures, created_by)
         VALUES ($1, $2::date, $3, $4::jsonb, $5::jsonb, $6) RETURNING *)
       SELECT ${COLUMNS}, s.figures FROM s LEFT JOIN users u ON u.id = s.created_by`,
      [s.title, s.asOf, s.live, JSON.stringify(s.params), JSON.stringify(s.figures), s.createdBy],
    );
    return rows[0];
  }

  /** The frozen reports of the user's committee and those below it (a committee's figures are its own). */
  async list(limit: number, offset: number, userId: string): Promise<{ rows: SnapshotRow[]; total: number }> {
    const mine = userSubtreeSql('s.organisation_id', '$1::uuid');
    const [rows, counted]: [SnapshotRow[], { n: number }[]] = await Promise.all([
      this.db.query(
        `SELECT ${COLUMNS} FROM report_snapshots s LEFT JOIN users u ON u.id = s.created_by WHERE ${mine}
          ORDER BY s.created_at DESC, s.id LIMIT $2 OFFSET $3`,
        [userId, limit, offset],
      ),
      this.db.query(`SELECT count(*)::int AS n FROM report_snapshots s WHERE ${mine}`, [userId]),
    ]);
    return { rows, total: counted[0].n };
  }

  /**
   * Of the tasks and directives a snapshot names, those classified now that the user is not cleared for: raised
   * after the snapshot was frozen, they are no longer the reader's to see.
   */
  async notCleared(
    taskIds: readonly string[],
    directiveIds: readonly string[],
    userId: string,
  ): Promise<{ tasks: Set<string>; directives: Set<string> }> {
    const [tasks, directives]: [{ id: string }[], { id: string }[]] = await Promise.all([
      taskIds.length
        ? this.db.query(`SELECT t.id FROM tasks t WHERE t.id = ANY($1::uuid[]) AND NOT ${clearance('t', '$2::uuid')}`, [
            taskIds,
            userId,
          ])
        : [],
      directiveIds.length
        ? this.db.query(
            `SELECT d.id FROM directives d WHERE d.id = ANY($1::uuid[]) AND NOT ${directiveClearance('d', '$2::uuid')}`,
            [directiveIds, userId],
          )
        : [],
    ]);
    return { tasks: new Set(tasks.map((r) => r.id)), directives: new Set(directives.map((r) => r.id)) };
  }

  async find(id: string, userId: string): Promise<SnapshotRow | undefined> {
    const rows: SnapshotRow[] = await this.db.query(
      `SELECT ${COLUMNS}, s.figures FROM report_snapshots s LEFT JOIN users u ON u.id = s.created_by
        WHERE s.id = $1 AND ${userSubtreeSql('s.organisation_id', '$2::uuid')}`,
      [id, userId],
    );
    return rows[0];
  }
}
