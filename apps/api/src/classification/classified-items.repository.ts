import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Classification } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { clearance, directiveClearance } from '../tasks/task-scope.js';

export interface ItemFacts {
  classification: Classification;
  /** The committee whose item it is: its Office alone sets the list. */
  organisationId: string;
  leadAgencyId: string | null;
  coordinatingAgencyIds: string[];
  /** A directive's working agencies: the leads and coordinators of its tasks. */
  agencyIds: string[];
}

export interface DirectiveLevelRow {
  id: string;
  number: string;
  classification: Classification;
  content_reference: string | null;
}

/** What changing an item's level needs to read: the directive as the caller is cleared for it, content held. */
@Injectable()
export class ClassifiedItemsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async directive(id: string, userId: string): Promise<ItemFacts | undefined> {
    const rows: { classification: Classification; organisation_id: string; agency_ids: string[] | null }[] =
      await this.db.query(
        `SELECT d.classification, d.organisation_id,
              (SELECT array_agg(DISTINCT a) FROM tasks t, unnest(t.coordinating_agency_ids || t.lead_agency_id) a
                WHERE t.directive_id = d.id AND a IS NOT NULL) AS agency_ids
         FROM directives d WHERE d.id = $1 AND ${directiveClearance('d', '$2::uuid')}`,
        [id, userId],
      );
    const r = rows[0];
    return (
      r && {
        classification: r.classification,
        organisationId: r.organisation_id,
        leadAgencyId: null,
        coordinatingAgencyIds: [],
        agencyIds: r.agency_ids ?? [],
      }
    );
  }

  /** The directive, locked, when the caller is cleared for it. */
  async lockDirective(m: EntityManager, id: string, userId: string): Promise<DirectiveLevelRow | undefined> {
    const rows: DirectiveLevelRow[] = await m.query(
      `SELECT d.id, d.number, d.classification, d.content_reference FROM directives d
        WHERE d.id = $1 AND ${directiveClearance('d', '$2::uuid')} FOR UPDATE`,
      [id, userId],
    );
    return rows[0];
  }

  async directiveLevel(directiveId: string, m: EntityManager | DataSource = this.db): Promise<Classification> {
    const rows: { classification: Classification }[] = await m.query(
      `SELECT classification FROM directives WHERE id = $1`,
      [directiveId],
    );
    return rows[0]?.classification ?? 'normal';
  }

  async setDirectiveLevel(
    m: EntityManager,
    id: string,
    level: Classification,
    contentReference: string | null | undefined,
    recordOnlyTitle: string | null,
  ): Promise<void> {
    await m.query(
      `UPDATE directives SET classification = $2, content_reference = COALESCE($3, content_reference),
              title = COALESCE($4, title), updated_at = now()
        WHERE id = $1`,
      [id, level, contentReference ?? null, recordOnlyTitle],
    );
  }

  /** The directive's tasks below `level`, to be raised with it. */
  tasksBelow(
    m: EntityManager,
    directiveId: string,
    level: Classification,
  ): Promise<{ id: string; classification: Classification }[]> {
    return m.query(
      `SELECT id, classification FROM tasks
        WHERE directive_id = $1
          AND array_position(ARRAY['normal','confidential','secret','top_secret'], classification)
            < array_position(ARRAY['normal','confidential','secret','top_secret'], $2)
        ORDER BY code FOR UPDATE`,
      [directiveId, level],
    );
  }

  /**
   * The tasks among `ids` that hold content a tuyệt mật record may not keep: comments, files, progress narratives,
   * contributions, comments in their history.
   */
  async withContent(ids: readonly string[], m: EntityManager | DataSource = this.db): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await m.query(
      `SELECT t.id FROM tasks t WHERE t.id = ANY($1::uuid[]) AND (
          EXISTS (SELECT 1 FROM comments c WHERE c.task_id = t.id)
       OR EXISTS (SELECT 1 FROM attachments a WHERE a.task_id = t.id)
       OR EXISTS (SELECT 1 FROM part_files f WHERE f.task_id = t.id)
       OR EXISTS (SELECT 1 FROM progress_reports p WHERE p.task_id = t.id)
       OR EXISTS (SELECT 1 FROM contributions c WHERE c.task_id = t.id)
       OR EXISTS (SELECT 1 FROM task_events e WHERE e.task_id = t.id AND e.comment IS NOT NULL))`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** How many of these tasks are classified without the user on their list. */
  async unclearedAmong(
    ids: readonly string[],
    userId: string,
    m: EntityManager | DataSource = this.db,
  ): Promise<number> {
    if (!ids.length) return 0;
    const rows: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM tasks t WHERE t.id = ANY($1::uuid[]) AND NOT ${clearance('t', '$2::uuid')}`,
      [ids, userId],
    );
    return rows[0].n;
  }
}
