import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { localDaySql, TASK_COLUMNS, type TaskRow } from '@dondoc/persistence';
import type { Actor } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { taskScope } from './task-scope.js';

export type TaskExportRow = TaskRow & {
  directive_number: string;
  lead_agency_name: string | null;
  /** In the official agency order (the administrator's), then by name. */
  coordinating_agency_names: string[];
  /** The latest progress report (of the period, when one is given); null when none. */
  latest_percent: number | null;
  latest_narrative: string | null;
  latest_at: Date | null;
};

/** The tasks of an export, as the caller may see them (scope in the query); the order is the caller's. */
@Injectable()
export class TaskExportRowsQuery {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * With `periodId`, each task's progress is the latest report made for that reporting period, else the
   * latest made within the period's dates (local days); without, the latest report.
   */
  async visible(actor: Actor, ids: readonly string[], periodId?: string): Promise<Map<string, TaskExportRow>> {
    const scope = taskScope(actor, periodId ? 3 : 2);
    const latest = periodId
      ? `FROM progress_reports pr, reporting_periods rp
          WHERE rp.id = $2::uuid AND pr.task_id = t.id
            AND (pr.period_id = $2::uuid OR ${localDaySql('pr.created_at')} BETWEEN rp.starts_on AND rp.ends_on)
          ORDER BY (pr.period_id IS NOT DISTINCT FROM $2::uuid) DESC, pr.created_at DESC, pr.id DESC`
      : `FROM progress_reports pr WHERE pr.task_id = t.id ORDER BY pr.created_at DESC, pr.id DESC`;
    const rows: TaskExportRow[] = await this.db.query(
      `SELECT ${TASK_COLUMNS}, d.number AS directive_number, la.name AS lead_agency_name,
              COALESCE((SELECT array_agg(a.name ORDER BY a.sort_order NULLS LAST, a.name, a.code)
                          FROM agencies a WHERE a.id = ANY(t.coordinating_agency_ids)), '{}') AS coordinating_agency_names,
              pg.percent AS latest_percent, pg.narrative AS latest_narrative, pg.created_at AS latest_at
         FROM tasks t
         JOIN directives d ON d.id = t.directive_id
         LEFT JOIN agencies la ON la.id = t.lead_agency_id
         LEFT JOIN LATERAL (SELECT pr.percent, pr.narrative, pr.created_at ${latest} LIMIT 1) pg ON TRUE
        WHERE t.id = ANY($1::uuid[]) AND ${scope.sql}`,
      [[...ids], ...(periodId ? [periodId] : []), ...scope.params],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
