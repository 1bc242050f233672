import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { foldVietnamese, type ContributionStatus, type TaskListQuery } from '@dondoc/contracts';
import {
  deadlineStatusNarrowingSql,
  TASK_COLUMNS,
  taskCode,
  taskDeadlineStatusSql,
  type TaskRow,
} from '@dondoc/persistence';
import { CLASSIFIED_DIRECTIVE_TITLE, type Actor, type Classification } from '@dondoc/workflow';
import type { PoolClient } from 'pg';
import Cursor from 'pg-cursor';
import { DataSource, type EntityManager } from 'typeorm';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { liveSessionParams, liveSessionSql } from '../auth/session-in-read.js';
import { taskCardColumns } from './task-card.sql.js';
import type { TaskFactsRow } from './task-summary.js';
import { directiveClearance, directiveLevelClearance, taskScope } from './task-scope.js';
import { readUnderRowSecurity, ROW_SECURITY_SQL, rowSecurityParams, underRowSecurity } from './row-security.js';

/** What a reader not on a classified directive's list reads in place of its title (SQL literal). */
// A SQL literal: the title is a constant of ours, never user input.
const DIRECTIVE_MASK = `'${CLASSIFIED_DIRECTIVE_TITLE.vi}'`;

export interface TaskDetailRow extends TaskRow {
  description: string;
  escalation_policy: Record<string, unknown> | null;
  directive_number: string;
  directive_title: string;
  pending_submission_id: string | null;
  pending_submitted_at: Date | null;
  /** The task's contributions by agency, when the read was asked for them ({@link TaskReadOptions}). */
  contributions?: { agency_id: string; status: ContributionStatus }[];
}

/** What a task's read brings besides the task: the contributions, for a SUBMIT (one statement, not two). */
export interface TaskReadOptions {
  contributions?: boolean;
}

/** Cards read from the cursor at a time: measured 145-160 ms for 10,000 cards at 250 or 1,000, 205-225 ms all at once. */
const CARD_BATCH = 500;

/** A card as PostgreSQL builds it, with the facts the rest of it is computed from. */
export interface TaskCardRow extends TaskFactsRow {
  card: string;
  id: string;
  classification: Classification;
}

/** A task with its directive's number and title and its pending submission; `$1` the task, `$2` the reader. */
function visibleTaskSql(scopeSql: string, opts: TaskReadOptions = {}): string {
  const contributions = opts.contributions
    ? `, (SELECT COALESCE(json_agg(json_build_object('agency_id', c.agency_id, 'status', c.status) ORDER BY c.agency_id),
                         '[]'::json)
           FROM contributions c WHERE c.task_id = t.id) AS contributions`
    : '';
  // Cleared for the task is not cleared for its directive: a classified directive's title needs its own list.
  return `SELECT ${TASK_COLUMNS}, t.description, d.number AS directive_number,
            CASE WHEN ${directiveLevelClearance('d', '$2::uuid')} THEN d.title ELSE ${DIRECTIVE_MASK} END AS directive_title,
            d.escalation_policy,
            s.id AS pending_submission_id, s.submitted_at AS pending_submitted_at${contributions}
       FROM tasks t
       JOIN directives d ON d.id = t.directive_id
       LEFT JOIN LATERAL (
         SELECT id, submitted_at FROM submissions
          WHERE task_id = t.id AND revision = t.revision AND decision IS NULL
          ORDER BY seq DESC LIMIT 1) s ON TRUE
      WHERE t.id = $1 AND ${scopeSql}`;
}

/** `%`, `_` and `\` typed by a person are literal characters in a search, not patterns. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A page of the tasks the actor may see, in board order: each as its card's JSON built by PostgreSQL, with
   * the facts beside it, handed to `onBatch` in order, a batch at a time. Read through a cursor so that each
   * batch is garbage before the next arrives: holding 10,000 rows at once (about 30 MB of strings) made
   * every scavenge copy them, a third of the read's time.
   */
  async eachCard(
    actor: Actor,
    query: TaskListQuery,
    today: string,
    dueSoonDays: number,
    onBatch: (rows: TaskCardRow[]) => void,
  ): Promise<{ read: number; total: number; capped: boolean }> {
    const { sql, params, count } = this.pageSql(taskCardColumns('t'), actor, query, today, dueSoonDays);
    // A cap below the page's own end would say less than the answer shows.
    const cap = query.countUpTo === undefined ? undefined : Math.max(query.countUpTo, query.offset + query.limit);
    const [read, counted] = await Promise.all([
      this.readInBatches(sql, params, onBatch, underRowSecurity(actor) ? rowSecurityParams(actor) : undefined),
      query.offset === 0 ? Promise.resolve(undefined) : count(cap),
    ]);
    const n = counted ?? (read < query.limit ? read : await count(cap));
    const capped = cap !== undefined && n > cap;
    return { read, total: capped ? cap : n, capped };
  }

  /** With `rowSecurity` (the reader's {@link rowSecurityParams}), the read runs under row security. */
  private async readInBatches<Row>(
    sql: string,
    params: unknown[],
    onBatch: (rows: Row[]) => void,
    rowSecurity?: string[],
  ): Promise<number> {
    const runner = this.db.createQueryRunner();
    let client: PoolClient | undefined;
    try {
      client = (await runner.connect()) as PoolClient;
      if (rowSecurity) {
        await client.query('BEGIN');
        await client.query(ROW_SECURITY_SQL, rowSecurity);
      }
      const cursor = client.query(new Cursor<Row>(sql, params));
      let read = 0;
      try {
        for (;;) {
          const rows = await cursor.read(CARD_BATCH);
          if (!rows.length) break;
          read += rows.length;
          onBatch(rows);
        }
      } finally {
        await cursor.close();
      }
      return read;
    } finally {
      // Whatever failed, the connection goes back to the pool out of the transaction and the role with it.
      if (rowSecurity) await client?.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  private pageSql(
    columns: string,
    actor: Actor,
    query: TaskListQuery,
    today: string,
    dueSoonDays: number,
  ): { sql: string; params: unknown[]; count: (upTo?: number) => Promise<number> } {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const scope = taskScope(actor, params.length + 1);
    params.push(...scope.params);
    const where = [scope.sql];
    // One state (a board column) as `=`: PostgreSQL 15 walks an index in order only without `= ANY(...)` on it.
    if (query.state?.length === 1) where.push(`t.state = ${p(query.state[0])}`);
    else if (query.state?.length) where.push(`t.state = ANY(${p(query.state)}::text[])`);
    if (query.directiveId) where.push(`t.directive_id = ${p(query.directiveId)}`);
    if (query.agencyId) {
      const a = p(query.agencyId);
      where.push(`(t.lead_agency_id = ${a} OR ${a} = ANY(t.coordinating_agency_ids))`);
    }
    if (query.field) where.push(`t.field = ${p(query.field)}`);
    if (query.assignee)
      where.push(`t.assignee_user_id = ${p(query.assignee === 'me' ? actor.userId : query.assignee)}::uuid`);
    if (query.monitor) {
      where.push(`COALESCE(t.monitoring_user_id, (SELECT ag.monitoring_user_id FROM agencies ag WHERE ag.id = t.lead_agency_id))
        = ${p(query.monitor === 'me' ? actor.userId : query.monitor)}::uuid`);
    }
    if (query.key) where.push(`t.is_key = ${p(query.key === 'true')}`);
    if (query.lead) where.push(`t.lead_agency_id = ${p(query.lead)}::uuid`);
    if (query.attention) {
      // The board's needsAttention(): overdue, or escalated while still owed.
      where.push(`(${taskDeadlineStatusSql(p(today), p(dueSoonDays))} = 'overdue'
        OR (t.escalation_level > 0 AND t.state NOT IN ('approved', 'cancelled')))`);
    }
    if (query.q) {
      for (const word of foldVietnamese(query.q).split(' ').filter(Boolean)) {
        where.push(`t.search_text LIKE ${p(`%${likeEscape(word)}%`)}`);
      }
    }
    if (query.deadlineStatus?.length) {
      const [day, soon] = [p(today), p(dueSoonDays)];
      where.push(`${taskDeadlineStatusSql(day, soon)} = ANY(${p(query.deadlineStatus)}::text[])`);
      where.push(...deadlineStatusNarrowingSql(query.deadlineStatus, day, soon, p));
    }
    // No count(*) OVER (): it makes PostgreSQL read and sort every matching task for every page. A page
    // shorter than the limit tells the total by itself; otherwise the count runs beside the page.
    const whereSql = where.join(' AND ');
    const countParams = [...params];
    const pageSql = (cols: string) => `SELECT ${cols}
      FROM tasks t WHERE ${whereSql}
      ORDER BY t.due_date NULLS LAST, t.code
      LIMIT ${p(query.limit)} OFFSET ${p(query.offset)}`;
    // Past the first page, the cards are built after OFFSET: PostgreSQL computes the select list of every
    // skipped row too (5,000 cards after 5,000: 65 ms instead of 135). The lateral read keeps the page's
    // order (a nested loop; OFFSET 0 stops it being flattened into a hash join and a sort).
    const sql =
      query.offset === 0
        ? pageSql(columns)
        : `SELECT ${columns}
             FROM (${pageSql('t.id, t.due_date, t.code')}) p
             JOIN LATERAL (SELECT * FROM tasks t WHERE t.id = p.id OFFSET 0) t ON TRUE
            ORDER BY p.due_date NULLS LAST, p.code`;
    // Up to a cap, the count stops at its (cap + 1)th task: an agency's 200,000 approved tasks were a second of
    // heap reads at 1M tasks, for a column that shows "1,000+".
    const count = (upTo?: number): Promise<number> =>
      readUnderRowSecurity(actor, this.db, undefined, (m) =>
        m.query<{ n: string }[]>(
          upTo === undefined
            ? `SELECT count(*) AS n FROM tasks t WHERE ${whereSql}`
            : `SELECT count(*) AS n FROM (SELECT 1 FROM tasks t WHERE ${whereSql} LIMIT ${upTo + 1}) c`,
          countParams,
        ),
      ).then((r) => Number(r[0].n));
    return { sql, params, count };
  }

  /** The task if the actor may see it; undefined otherwise (the caller answers 404 either way). */
  async findVisible(
    actor: Actor,
    id: string,
    manager?: EntityManager,
    opts: TaskReadOptions = {},
  ): Promise<TaskDetailRow | undefined> {
    const scope = taskScope(actor, 3);
    const rows = await readUnderRowSecurity(actor, this.db, manager, (m) =>
      m.query<TaskDetailRow[]>(visibleTaskSql(scope.sql, opts), [id, actor.userId, ...scope.params]),
    );
    return rows[0];
  }

  /**
   * {@link findVisible} and the session check in one statement, for a user the guard took from memory
   * (`SessionCheckedInRead`): whether the session is live, and the task when it is.
   */
  async findVisibleConfirming(
    user: AuthUser,
    id: string,
    manager?: EntityManager,
    opts: TaskReadOptions = {},
  ): Promise<{ sessionLive: boolean; row: TaskDetailRow | undefined }> {
    const actor = toActor(user);
    const scope = taskScope(actor, 3);
    const session = liveSessionSql(3 + scope.params.length);
    const rows = await readUnderRowSecurity(actor, this.db, manager, (m) =>
      m.query<(Partial<TaskDetailRow> & { session_live: boolean })[]>(
        `SELECT live.session_live, x.* FROM (SELECT ${session} AS session_live) live
           LEFT JOIN LATERAL (${visibleTaskSql(scope.sql, opts)}) x ON live.session_live`,
        [id, actor.userId, ...scope.params, ...liveSessionParams(user)],
      ),
    );
    const { session_live: sessionLive, ...row } = rows[0];
    return { sessionLive, row: sessionLive && row.id ? (row as TaskDetailRow) : undefined };
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
      level: number | null;
    }[]
  > {
    return this.db.query(
      `SELECT e.id::text, e.event, e.from_state, e.to_state, e.actor_user_id, u.full_name AS actor_name, e.actor_role,
              e.actor_agency_id, e.comment, e.at, e.task_version,
              CASE WHEN e.event IN ('REMINDED', 'ESCALATED') THEN (e.data->>'level')::int END AS level
         FROM task_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.task_id = $1 ORDER BY e.at, e.id`,
      [taskId],
    );
  }

  /** The sub-tasks of a task the actor may see (issue 20), in code order. */
  subTasks(actor: Actor, parentId: string): Promise<TaskRow[]> {
    const scope = taskScope(actor, 2);
    return this.db.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.parent_task_id = $1 AND ${scope.sql} ORDER BY t.code`,
      [parentId, ...scope.params],
    );
  }

  /** Every open task below this one (sub-tasks, theirs, …), whoever may see them: cancelling it decides for all. */
  async openDescendants(manager: EntityManager, taskId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE below AS (
         SELECT id, state FROM tasks WHERE parent_task_id = $1
         UNION ALL
         SELECT t.id, t.state FROM tasks t JOIN below b ON t.parent_task_id = b.id)
       SELECT id FROM below WHERE state NOT IN ('approved', 'cancelled') ORDER BY id`,
      [taskId],
    );
    return rows.map((r) => r.id);
  }

  /** The directive's number and level, when the user is cleared for it (a new task goes only where they see). */
  async directiveFor(
    directiveId: string,
    userId: string,
  ): Promise<{ number: string; classification: Classification; organisation_id: string } | undefined> {
    const rows: { number: string; classification: Classification; organisation_id: string }[] = await this.db.query(
      `SELECT d.number, d.classification, d.organisation_id FROM directives d
        WHERE d.id = $1 AND ${directiveClearance('d', '$2::uuid')}`,
      [directiveId, userId],
    );
    return rows[0];
  }

  async codesTaken(m: EntityManager, codes: string[]): Promise<string[]> {
    const rows: { code: string }[] = await m.query(`SELECT code FROM tasks WHERE code = ANY($1::text[])`, [codes]);
    return rows.map((r) => r.code);
  }

  /** `<directive number>-<NN>`, the next number among the directive's tasks. */
  async nextCode(m: EntityManager, directiveId: string, number: string): Promise<string> {
    const rows: { n: string }[] = await m.query(`SELECT count(*) + 1 AS n FROM tasks WHERE directive_id = $1`, [
      directiveId,
    ]);
    return taskCode(number, Number(rows[0].n) - 1);
  }
}
