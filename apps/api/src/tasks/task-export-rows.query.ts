import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TASK_COLUMNS, type TaskRow } from '@dondoc/persistence';
import type { Actor } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { taskScope } from './task-scope.js';

export type TaskExportRow = TaskRow & {
  directive_number: string;
  lead_agency_name: string | null;
  /** In the official agency order (the administrator's), then by name. */
  coordinating_agency_names: string[];
};

/** The tasks of an export, as the caller may see them (scope in the query); the order is the caller's. */
@Injectable()
export class TaskExportRowsQuery {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async visible(actor: Actor, ids: readonly string[]): Promise<Map<string, TaskExportRow>> {
    const scope = taskScope(actor, 2);
    const rows: TaskExportRow[] = await this.db.query(
      `SELECT ${TASK_COLUMNS}, d.number AS directive_number, la.name AS lead_agency_name,
              COALESCE((SELECT array_agg(a.name ORDER BY a.sort_order NULLS LAST, a.name, a.code)
                          FROM agencies a WHERE a.id = ANY(t.coordinating_agency_ids)), '{}') AS coordinating_agency_names
         FROM tasks t
         JOIN directives d ON d.id = t.directive_id
         LEFT JOIN agencies la ON la.id = t.lead_agency_id
        WHERE t.id = ANY($1::uuid[]) AND ${scope.sql}`,
      [[...ids], ...scope.params],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
