import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationKind } from '@dondoc/contracts';
import type { Actor, Rung, TaskState } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { TASK_COLUMNS, type TaskRow } from '../tasks/task-row.js';
import type { ScheduleChange } from '../tasks/tasks.repository.js';
import type { ExtensionRequestRow } from './extension-dto.js';

const DEADLINE_RUNGS: Rung[] = ['remind_before', 'overdue', 'escalate'];

const REQUEST_COLUMNS = `er.id, er.task_id, er.requested_by, rb.full_name AS requested_by_name,
  er.current_due_date::text AS current_due_date, er.requested_due_date::text AS requested_due_date, er.reason,
  er.status, er.decided_by, db.full_name AS decided_by_name, er.decided_at, er.decision_comment, er.created_at`;
const REQUEST_FROM = `extension_requests er
  LEFT JOIN users rb ON rb.id = er.requested_by
  LEFT JOIN users db ON db.id = er.decided_by`;

/**
 * Every extension request of a task, newest first. A plain function as well as a repository method:
 * TasksService shows these on the task page, and TasksModule cannot import ExtensionsModule (which
 * depends on it) without a cycle.
 */
export function listExtensionRequests(db: DataSource | EntityManager, taskId: string): Promise<ExtensionRequestRow[]> {
  return db.query(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE er.task_id = $1 ORDER BY er.created_at DESC`, [
    taskId,
  ]);
}

interface Notice {
  kind: NotificationKind;
  title: string;
}

export interface CreateExtensionWrite {
  taskId: string;
  /** The task version the checks were made on; the request is refused if the task moved since. */
  expectedVersion: number;
  actor: Actor;
  currentDueDate: string;
  requestedDueDate: string;
  reason: string;
  requestId: string | null;
  notice: Notice;
}

export interface GrantExtensionWrite {
  extensionId: string;
  taskId: string;
  expectedVersion: number;
  actor: Actor;
  comment: string;
  fromDueDate: string;
  toDueDate: string;
  deadlineVersion: number;
  /** The new deadline lies ahead: whatever escalation the old one reached no longer holds. */
  resetEscalation: boolean;
  ladder: ScheduleChange['add'];
  grantableStates: readonly TaskState[];
  requestId: string | null;
  notice: Notice;
}

export interface RefuseExtensionWrite {
  extensionId: string;
  taskId: string;
  actor: Actor;
  comment: string;
  requestId: string | null;
  notice: Notice;
}

export type CreateOutcome = { ok: true; request: ExtensionRequestRow } | { ok: false; reason: 'moved' | 'open' };
export type GrantOutcome =
  { ok: true; request: ExtensionRequestRow; task: TaskRow } | { ok: false; reason: 'decided' | 'moved' };
export type RefuseOutcome =
  { ok: true; request: ExtensionRequestRow; task: TaskRow } | { ok: false; reason: 'decided' };

function isOpenRequestClash(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  return code === '23505' && constraint === 'extension_requests_one_open';
}

@Injectable()
export class ExtensionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findById(id: string, m: DataSource | EntityManager = this.db): Promise<ExtensionRequestRow | undefined> {
    const rows: ExtensionRequestRow[] = await m.query(
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE er.id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * The request, its history row, the notifications and the outbox row in one transaction. The task
   * row is locked so that two requests on one task queue up (the second then sees the first) and a
   * transition cannot slip between the checks and the insert; the unique index on open requests stays
   * the last guard.
   */
  async create(w: CreateExtensionWrite): Promise<CreateOutcome> {
    try {
      return await this.db.transaction(async (m): Promise<CreateOutcome> => {
        const task: { state: TaskState; version: number }[] = await m.query(
          `SELECT state, version FROM tasks WHERE id = $1 AND version = $2 FOR UPDATE`,
          [w.taskId, w.expectedVersion],
        );
        if (!task.length) return { ok: false, reason: 'moved' };
        const open: unknown[] = await m.query(
          `SELECT 1 FROM extension_requests WHERE task_id = $1 AND status = 'open'`,
          [w.taskId],
        );
        if (open.length) return { ok: false, reason: 'open' };
        const inserted: { id: string }[] = await m.query(
          `INSERT INTO extension_requests (task_id, requested_by, current_due_date, requested_due_date, reason)
           VALUES ($1, $2, $3::date, $4::date, $5) RETURNING id`,
          [w.taskId, w.actor.userId, w.currentDueDate, w.requestedDueDate, w.reason],
        );
        const id = inserted[0].id;
        const state = task[0].state;
        await this.history(m, {
          taskId: w.taskId,
          event: 'EXTENSION_REQUESTED',
          state,
          actor: w.actor,
          comment: w.reason,
          data: { requestId: id, requestedDueDate: w.requestedDueDate, currentDueDate: w.currentDueDate },
          version: task[0].version,
        });
        // The Standing Committee decides; the Office follows every deadline, so it hears of it too.
        await this.notify(m, {
          taskId: w.taskId,
          notice: w.notice,
          data: { requestId: id, requestedDueDate: w.requestedDueDate },
          dedupeKey: `extension-${id}-requested`,
          actor: w.actor,
          roles: ['standing_committee', 'office'],
          agencyId: null,
        });
        await this.outbox(m, w.taskId, 'extension_requested', { requestId: id }, w.requestId);
        return { ok: true, request: (await this.findById(id, m))! };
      });
    } catch (e) {
      if (isOpenRequestClash(e)) return { ok: false, reason: 'open' };
      throw e;
    }
  }

  /**
   * A grant in one transaction: the request is locked first (so two deciders queue up and the second
   * sees the first's decision), then the task moves only if it is still the version the decision was
   * based on, in a state where a deadline still matters (typeorm #2848: the conditional UPDATE is ours).
   * Nothing is written before both checks pass, so a refusal leaves no trace.
   */
  async grant(w: GrantExtensionWrite): Promise<GrantOutcome> {
    return this.db.transaction(async (m): Promise<GrantOutcome> => {
      if (!(await this.lockOpen(m, w.extensionId))) return { ok: false, reason: 'decided' };
      const moved: TaskRow[] = await m.query(
        // Wrapped in a CTE because TypeORM returns [rows, count] for a bare UPDATE ... RETURNING.
        // SET sees the old row, so original_due_date keeps the first deadline however many extensions follow.
        `WITH t AS (
           UPDATE tasks SET due_date = $3::date, original_due_date = COALESCE(original_due_date, due_date),
                  deadline_version = $4, version = version + 1,
                  escalation_level = CASE WHEN $5::boolean THEN 0 ELSE escalation_level END, updated_at = now()
            WHERE id = $1 AND version = $2 AND state = ANY($6::text[])
            RETURNING *)
         SELECT ${TASK_COLUMNS} FROM t`,
        [w.taskId, w.expectedVersion, w.toDueDate, w.deadlineVersion, w.resetEscalation, w.grantableStates],
      );
      if (!moved.length) return { ok: false, reason: 'moved' };
      const task = moved[0];
      await this.decide(m, w.extensionId, 'granted', w.actor, w.comment);
      await this.history(m, {
        taskId: w.taskId,
        event: 'EXTENSION_GRANTED',
        state: task.state,
        actor: w.actor,
        comment: w.comment,
        data: { requestId: w.extensionId, from: w.fromDueDate, to: w.toDueDate, deadlineVersion: w.deadlineVersion },
        version: task.version,
      });
      // The old ladder belongs to a deadline that no longer exists; the relay removes its jobs.
      await m.query(
        `UPDATE scheduled_actions SET status = 'cancelled', updated_at = now()
          WHERE task_id = $1 AND status = 'pending' AND rung = ANY($2::text[])`,
        [w.taskId, DEADLINE_RUNGS],
      );
      await m.query(
        `INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at, request_id)
         SELECT $1, a.rung, a."offset", a.version, a.level, a.audiences, a.job_id, a.due_at, $3
           FROM jsonb_to_recordset($2::jsonb)
                AS a(rung text, "offset" text, version int, level int, audiences text[], job_id text, due_at timestamptz)
         ON CONFLICT (job_id) DO NOTHING`,
        [w.taskId, JSON.stringify(w.ladder), w.requestId],
      );
      await this.notify(m, {
        taskId: w.taskId,
        notice: w.notice,
        data: { requestId: w.extensionId, from: w.fromDueDate, to: w.toDueDate },
        dedupeKey: `extension-${w.extensionId}-decided`,
        actor: w.actor,
        roles: [],
        agencyId: task.lead_agency_id,
      });
      await this.outbox(
        m,
        w.taskId,
        'extension_granted',
        { requestId: w.extensionId, dueDate: w.toDueDate },
        w.requestId,
      );
      return { ok: true, request: (await this.findById(w.extensionId, m))!, task };
    });
  }

  /** A refusal records the decision; the task and its schedule stay as they are. */
  async refuse(w: RefuseExtensionWrite): Promise<RefuseOutcome> {
    return this.db.transaction(async (m): Promise<RefuseOutcome> => {
      if (!(await this.lockOpen(m, w.extensionId))) return { ok: false, reason: 'decided' };
      // A share lock: the history row names the state and version the task really had at the decision.
      const rows: TaskRow[] = await m.query(`SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = $1 FOR SHARE`, [
        w.taskId,
      ]);
      const task = rows[0];
      await this.decide(m, w.extensionId, 'refused', w.actor, w.comment);
      const request = (await this.findById(w.extensionId, m))!;
      await this.history(m, {
        taskId: w.taskId,
        event: 'EXTENSION_REFUSED',
        state: task.state,
        actor: w.actor,
        comment: w.comment,
        data: { requestId: w.extensionId, requestedDueDate: request.requested_due_date },
        version: task.version,
      });
      await this.notify(m, {
        taskId: w.taskId,
        notice: w.notice,
        data: { requestId: w.extensionId, requestedDueDate: request.requested_due_date },
        dedupeKey: `extension-${w.extensionId}-decided`,
        actor: w.actor,
        roles: [],
        agencyId: task.lead_agency_id,
      });
      await this.outbox(m, w.taskId, 'extension_refused', { requestId: w.extensionId }, w.requestId);
      return { ok: true, request, task };
    });
  }

  /** Locks the request; false when it has been decided already (or no longer exists). */
  private async lockOpen(m: EntityManager, id: string): Promise<boolean> {
    const rows: { status: string }[] = await m.query(`SELECT status FROM extension_requests WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows[0]?.status === 'open';
  }

  private async decide(
    m: EntityManager,
    id: string,
    status: 'granted' | 'refused',
    actor: Actor,
    comment: string,
  ): Promise<void> {
    await m.query(
      `UPDATE extension_requests SET status = $2, decided_by = $3, decided_at = now(), decision_comment = $4
        WHERE id = $1 AND status = 'open'`,
      [id, status, actor.userId, comment],
    );
  }

  private async history(
    m: EntityManager,
    h: {
      taskId: string;
      event: 'EXTENSION_REQUESTED' | 'EXTENSION_GRANTED' | 'EXTENSION_REFUSED';
      state: TaskState;
      actor: Actor;
      comment: string;
      data: Record<string, unknown>;
      version: number;
    },
  ): Promise<void> {
    // from = to: an extension never moves the task between columns, but it belongs in the same history.
    await m.query(
      `INSERT INTO task_events (task_id, event, from_state, to_state, actor_user_id, actor_role, actor_agency_id, comment, data, task_version)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
      [
        h.taskId,
        h.event,
        h.state,
        h.actor.userId,
        h.actor.role,
        h.actor.agencyId,
        h.comment,
        JSON.stringify(h.data),
        h.version,
      ],
    );
  }

  /** Active users of the given roles or of the given agency, never the actor; once per user and key. */
  private async notify(
    m: EntityManager,
    n: {
      taskId: string;
      notice: Notice;
      data: Record<string, unknown>;
      dedupeKey: string;
      actor: Actor;
      roles: string[];
      agencyId: string | null;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO notifications (user_id, task_id, kind, title, data, dedupe_key)
       SELECT u.id, $1, $2, $3, $4::jsonb, $5 FROM users u
        WHERE u.active AND u.id <> $6 AND (u.role = ANY($7::text[]) OR u.agency_id = $8)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [
        n.taskId,
        n.notice.kind,
        n.notice.title,
        JSON.stringify(n.data),
        n.dedupeKey,
        n.actor.userId,
        n.roles,
        n.agencyId,
      ],
    );
  }

  /** The worker's relay turns this into a `task.changed` event for open boards. */
  private async outbox(
    m: EntityManager,
    taskId: string,
    kind: string,
    payload: Record<string, unknown>,
    requestId: string | null,
  ): Promise<void> {
    await m.query(`INSERT INTO outbox (task_id, kind, payload, request_id) VALUES ($1, $2, $3::jsonb, $4)`, [
      taskId,
      kind,
      JSON.stringify(payload),
      requestId,
    ]);
  }
}
