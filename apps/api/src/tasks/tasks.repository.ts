import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TaskListQuery } from '@dondoc/contracts';
import { foldVietnamese } from '@dondoc/persistence';
import type { Actor, Effect, Rung, TaskEventType, TaskState } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { TASK_COLUMNS, taskColumns, type TaskRow } from './task-row.js';
import { taskScope } from './task-scope.js';

export interface TaskDetailRow extends TaskRow {
  description: string;
  escalation_policy: Record<string, unknown> | null;
  directive_number: string;
  directive_title: string;
  pending_submission_id: string | null;
  pending_submitted_at: Date | null;
}

export interface TransitionWrite {
  taskId: string;
  expectedVersion: number;
  fromState: TaskState;
  toState: TaskState;
  event: TaskEventType;
  leadAgencyId: string | null;
  dueDate: string | null;
  deadlineVersion: number;
  revision: number;
  completedAt: Date | null;
  actor: Actor;
  comment: string | null;
  data: Record<string, unknown>;
  effects: Effect[];
  decision: { submissionId: string; decision: 'approved' | 'returned'; comment: string | null } | null;
  requestId: string | null;
  schedule: ScheduleChange;
  notification: { kind: string; title: string; audiences: string[] } | null;
}

/** What a change does to the task's pending actions: which rungs end, which actions begin. */
export interface ScheduleChange {
  cancelRungs: Rung[];
  add: {
    rung: Rung;
    offset: string;
    version: number;
    level: number;
    audiences: string[];
    job_id: string;
    due_at: string;
  }[];
}

/** `%`, `_` and `\` typed by a person are literal characters in a search, not patterns. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL twin of `deadlineStatus()` in libs/workflow, used only to filter; $today is the local date. */
function deadlineStatusSql(today: string, dueSoon: string): string {
  return `CASE
    WHEN t.due_date IS NULL OR t.state = 'cancelled' THEN NULL
    WHEN t.state = 'approved' THEN
      CASE WHEN (COALESCE(t.completed_at, now()) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= t.due_date THEN 'on_time' ELSE 'late' END
    WHEN ${today}::date > t.due_date THEN 'overdue'
    WHEN t.due_date - ${today}::date <= ${dueSoon}::int THEN 'due_soon'
    ELSE 'not_due' END`;
}

@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    actor: Actor,
    query: TaskListQuery,
    today: string,
    dueSoonDays: number,
  ): Promise<{ rows: TaskRow[]; total: number }> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const scope = taskScope(actor, params.length + 1);
    params.push(...scope.params);
    const where = [scope.sql];
    if (query.state?.length) where.push(`t.state = ANY(${p(query.state)}::text[])`);
    if (query.directiveId) where.push(`t.directive_id = ${p(query.directiveId)}`);
    if (query.agencyId) {
      const a = p(query.agencyId);
      where.push(`(t.lead_agency_id = ${a} OR ${a} = ANY(t.coordinating_agency_ids))`);
    }
    if (query.field) where.push(`t.field = ${p(query.field)}`);
    if (query.q) {
      for (const word of foldVietnamese(query.q).split(' ').filter(Boolean)) {
        where.push(`t.search_text LIKE ${p(`%${likeEscape(word)}%`)}`);
      }
    }
    if (query.deadlineStatus?.length) {
      where.push(`(${deadlineStatusSql(p(today), p(dueSoonDays))}) = ANY(${p(query.deadlineStatus)}::text[])`);
    }
    // No count(*) OVER (): it makes PostgreSQL read and sort every matching task for every page. A page
    // shorter than the limit tells the total by itself; otherwise the count runs beside the page.
    const whereSql = where.join(' AND ');
    const countParams = [...params];
    const sql = `SELECT ${TASK_COLUMNS}
      FROM tasks t WHERE ${whereSql}
      ORDER BY t.due_date NULLS LAST, t.code
      LIMIT ${p(query.limit)} OFFSET ${p(query.offset)}`;
    const count = (): Promise<number> =>
      this.db
        .query(`SELECT count(*) AS n FROM tasks t WHERE ${whereSql}`, countParams)
        .then((r: { n: string }[]) => Number(r[0].n));
    const [rows, counted] = await Promise.all([
      this.db.query<TaskRow[]>(sql, params),
      query.offset === 0 ? Promise.resolve(undefined) : count(),
    ]);
    const total = counted ?? (rows.length < query.limit ? rows.length : await count());
    return { rows, total };
  }

  /** The task if the actor may see it; undefined otherwise (the caller answers 404 either way). */
  async findVisible(
    actor: Actor,
    id: string,
    manager: EntityManager = this.db.manager,
  ): Promise<TaskDetailRow | undefined> {
    const scope = taskScope(actor, 2);
    const rows: TaskDetailRow[] = await manager.query(
      `SELECT ${TASK_COLUMNS}, t.description, d.number AS directive_number, d.title AS directive_title, d.escalation_policy,
              s.id AS pending_submission_id, s.submitted_at AS pending_submitted_at
         FROM tasks t
         JOIN directives d ON d.id = t.directive_id
         LEFT JOIN LATERAL (
           SELECT id, submitted_at FROM submissions
            WHERE task_id = t.id AND revision = t.revision AND decision IS NULL
            ORDER BY seq DESC LIMIT 1) s ON TRUE
        WHERE t.id = $1 AND ${scope.sql}`,
      [id, ...scope.params],
    );
    return rows[0];
  }

  /**
   * The whole transition in one statement, hence one transaction: the conditional update (version and
   * state must still be what the decision was based on), the history row, the outbox rows and the
   * decision on the submission (PostgreSQL runs every data-modifying CTE to completion, read or not).
   * Returns undefined when someone else changed the task first.
   */
  async applyTransition(w: TransitionWrite): Promise<TaskRow | undefined> {
    const outbox = w.effects
      .filter((e) => e.kind !== 'record_submission_decision')
      .map((e) => ({ kind: e.kind, payload: e }));
    const rows: TaskRow[] = await this.db.query(
      `WITH upd AS (
         UPDATE tasks SET state = $4, version = version + 1, lead_agency_id = $5, due_date = $6::date,
                deadline_version = $7, revision = $8, completed_at = $9, updated_at = now()
          WHERE id = $1 AND version = $2 AND state = $3
          RETURNING *),
       ev AS (
         INSERT INTO task_events (task_id, event, from_state, to_state, actor_user_id, actor_role, actor_agency_id, comment, data, task_version)
         SELECT upd.id, $10, $3, $4, $11, $12, $13, $14, $15::jsonb, upd.version FROM upd
         RETURNING id),
       ob AS (
         INSERT INTO outbox (task_id, kind, payload, request_id)
         SELECT upd.id, e->>'kind', e->'payload', $16 FROM upd, jsonb_array_elements($17::jsonb) e
         RETURNING id),
       dec AS (
         UPDATE submissions SET decision = $19, decision_comment = $20, decided_by = $11, decided_at = now()
          WHERE id = $18 AND decision IS NULL AND EXISTS (SELECT 1 FROM upd)
          RETURNING id),
       cancelled AS (
         UPDATE scheduled_actions SET status = 'cancelled', updated_at = now()
          WHERE task_id = $1 AND status = 'pending' AND rung = ANY($21::text[]) AND EXISTS (SELECT 1 FROM upd)
          RETURNING id),
       scheduled AS (
         INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at, request_id)
         SELECT upd.id, a.rung, a."offset", a.version, a.level, a.audiences, a.job_id, a.due_at, $16
           FROM upd, jsonb_to_recordset($22::jsonb)
                AS a(rung text, "offset" text, version int, level int, audiences text[], job_id text, due_at timestamptz)
         ON CONFLICT (job_id) DO NOTHING
         RETURNING id),
       notified AS (
         INSERT INTO notifications (user_id, task_id, kind, title, dedupe_key)
         SELECT u.id, upd.id, $23, $24, 'task-' || upd.id || '-v' || upd.version
           FROM upd JOIN users u ON u.active AND u.id <> $11 AND (
                ('lead_agency' = ANY($25::text[]) AND u.agency_id = upd.lead_agency_id)
             OR ('coordinating_agencies' = ANY($25::text[]) AND u.agency_id = ANY(upd.coordinating_agency_ids))
             OR ('office' = ANY($25::text[]) AND u.role = 'office')
             OR ('standing_committee' = ANY($25::text[]) AND u.role = 'standing_committee'))
          WHERE $23::text IS NOT NULL
         ON CONFLICT (user_id, dedupe_key) DO NOTHING
         RETURNING id)
       SELECT ${taskColumns('upd')}
         FROM upd`,
      [
        w.taskId,
        w.expectedVersion,
        w.fromState,
        w.toState,
        w.leadAgencyId,
        w.dueDate,
        w.deadlineVersion,
        w.revision,
        w.completedAt,
        w.event,
        w.actor.userId,
        w.actor.role,
        w.actor.agencyId,
        w.comment,
        JSON.stringify(w.data),
        w.requestId,
        JSON.stringify(outbox),
        w.decision?.submissionId ?? null,
        w.decision?.decision ?? null,
        w.decision?.comment ?? null,
        w.schedule.cancelRungs,
        JSON.stringify(w.schedule.add),
        w.notification?.kind ?? null,
        w.notification?.title ?? null,
        w.notification?.audiences ?? [],
      ],
    );
    return rows[0];
  }

  async history(taskId: string): Promise<
    {
      id: string;
      event: string;
      from_state: string | null;
      to_state: string | null;
      actor_user_id: string | null;
      actor_name: string | null;
      actor_role: string | null;
      actor_agency_id: string | null;
      comment: string | null;
      at: Date;
      task_version: number;
    }[]
  > {
    return this.db.query(
      `SELECT e.id::text, e.event, e.from_state, e.to_state, e.actor_user_id, u.full_name AS actor_name, e.actor_role,
              e.actor_agency_id, e.comment, e.at, e.task_version
         FROM task_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.task_id = $1 ORDER BY e.at, e.id`,
      [taskId],
    );
  }

  async comments(
    taskId: string,
  ): Promise<
    { id: string; author_id: string; author_name: string | null; author_role: string; body: string; created_at: Date }[]
  > {
    return this.db.query(
      `SELECT c.id, c.author_id, u.full_name AS author_name, c.author_role, c.body, c.created_at
         FROM comments c LEFT JOIN users u ON u.id = c.author_id
        WHERE c.task_id = $1 ORDER BY c.created_at, c.id`,
      [taskId],
    );
  }
}
