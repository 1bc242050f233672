import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessAction, AccessedItem, AccessItemKind, Classification } from './accessed-item.js';

/** Who read, and the request that read it. */
export interface AccessRequest {
  userId: string;
  role: string;
  method: string;
  path: string;
  requestId: string | null;
  address: string | null;
}

export interface AccessRead extends AccessedItem {
  action: AccessAction;
}

export interface AccessLogFilter {
  taskId?: string;
  userId?: string;
  /** Instants: from included, until excluded. */
  from?: Date;
  until?: Date;
  action?: AccessAction;
}

export interface AccessLogRow {
  id: string;
  at: Date;
  user_id: string | null;
  full_name: string | null;
  user_role: string | null;
  action: AccessAction;
  item_kind: AccessItemKind;
  task_id: string | null;
  task_code: string | null;
  directive_id: string | null;
  file_id: string | null;
  classification: Classification;
  method: string | null;
  path: string | null;
  request_id: string | null;
  address: string | null;
}

/** `access_log`: append-only (its triggers refuse UPDATE, DELETE and TRUNCATE). */
@Injectable()
export class AccessLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The reads of one request in one statement. A level not given is the database's: the task's, else the
   * task of the file (a deliverable or a part's file), else the directive's. Unclassified items are kept
   * only with `all` (ACCESS_LOG_ALL). Returns how many rows were written.
   */
  async insert(request: AccessRequest, reads: readonly AccessRead[], all: boolean): Promise<number> {
    const rows: unknown[] = await this.db.query(
      `WITH r AS (
         SELECT * FROM unnest($7::text[], $8::text[], $9::uuid[], $10::uuid[], $11::uuid[], $12::text[])
           AS r(action, item_kind, task_id, directive_id, file_id, classification)
       ), resolved AS (
         SELECT r.action, r.item_kind, coalesce(r.task_id, f.task_id) AS task_id, r.directive_id, r.file_id,
                coalesce(r.classification, t.classification, d.classification, 'normal') AS classification
           FROM r
           LEFT JOIN LATERAL (
             SELECT a.task_id FROM attachments a WHERE a.id = r.file_id
             UNION ALL
             SELECT p.task_id FROM part_files p WHERE p.id = r.file_id
             LIMIT 1
           ) f ON r.task_id IS NULL AND r.file_id IS NOT NULL
           LEFT JOIN tasks t ON t.id = coalesce(r.task_id, f.task_id)
           LEFT JOIN directives d ON d.id = r.directive_id AND t.id IS NULL
       )
       INSERT INTO access_log (user_id, user_role, action, item_kind, task_id, directive_id, file_id, classification,
                               method, path, request_id, address)
       SELECT $1, $2, action, item_kind, task_id, directive_id, file_id, classification, $3, $4, $5, $6
         FROM resolved
        WHERE $13 OR classification <> 'normal'
       RETURNING id`,
      [
        request.userId,
        request.role,
        request.method,
        request.path,
        request.requestId,
        request.address,
        reads.map((r) => r.action),
        reads.map((r) => r.kind),
        reads.map((r) => r.taskId ?? null),
        reads.map((r) => r.directiveId ?? null),
        reads.map((r) => r.fileId ?? null),
        reads.map((r) => r.classification ?? null),
        all,
      ],
    );
    return rows.length;
  }

  async list(filter: AccessLogFilter, limit: number, offset: number): Promise<{ rows: AccessLogRow[]; total: number }> {
    const { where, params } = conditions(filter);
    const [rows, count] = await Promise.all([
      this.db.query<AccessLogRow[]>(
        `SELECT l.id::text, l.at, l.user_id, u.full_name, l.user_role, l.action, l.item_kind, l.task_id,
                t.code AS task_code, l.directive_id, l.file_id, l.classification, l.method, l.path, l.request_id,
                l.address
           FROM access_log l
           LEFT JOIN users u ON u.id = l.user_id
           LEFT JOIN tasks t ON t.id = l.task_id
          WHERE ${where}
          ORDER BY l.at DESC, l.id DESC
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, offset],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM access_log l WHERE ${where}`, params),
    ]);
    return { rows, total: count[0].total };
  }
}

function conditions(f: AccessLogFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (f.taskId) add((p) => `l.task_id = ${p}::uuid`, f.taskId);
  if (f.userId) add((p) => `l.user_id = ${p}::uuid`, f.userId);
  if (f.from) add((p) => `l.at >= ${p}::timestamptz`, f.from);
  if (f.until) add((p) => `l.at < ${p}::timestamptz`, f.until);
  if (f.action) add((p) => `l.action = ${p}`, f.action);
  return { where: clauses.length ? clauses.join(' AND ') : 'TRUE', params };
}
