import { notificationHeadline } from '@dondoc/contracts';
import {
  audiencesOf,
  CLASSIFIED_TITLE,
  type Audience,
  type ChangeKind,
  type Classification,
  type Rung,
  type TaskState,
} from '@dondoc/workflow';
import type { DataSource, EntityManager } from 'typeorm';
import type { CalendarStore } from '../calendar/calendar.store.js';
import { taskColumns, type TaskRow } from './task-row.js';

type Db = DataSource | EntityManager;

/** Who makes a change: a signed-in user, or the system (the worker's reminders, with no user). */
export interface ChangeActor {
  userId: string | null;
  role: string;
  agencyId: string | null;
}

export const SYSTEM_ACTOR: ChangeActor = Object.freeze({ userId: null, role: 'system', agencyId: null });

/** A row of the schedule a change adds; the worker's relay turns it into a BullMQ job. */
export interface ScheduledActionInput {
  rung: Rung;
  offset: string;
  version: number;
  level: number;
  audiences: readonly string[];
  job_id: string;
  due_at: string;
  /** The part (contribution, milestone, reporting period) a part's rung belongs to. */
  target_id?: string | null;
}

/** What a change does to the task's pending actions: which rungs end, which actions begin. */
export interface ScheduleChange {
  cancelRungs: Rung[];
  /** Limits `cancelRungs` to the actions of one part (a moved sub-deadline cancels that contribution's only). */
  cancelTargetId?: string;
  /** Limits `cancelRungs` to the actions of these parts (milestones moved or removed together). */
  cancelTargetIds?: string[];
  /** Pending actions cancelled by id, whatever their rung (a calendar change moves them one by one). */
  cancelActionIds?: string[];
  add: ScheduledActionInput[];
}

/** The columns of the task a change may set. */
export interface TaskRowUpdate {
  state?: TaskState;
  leadAgencyId?: string | null;
  coordinatingAgencyIds?: string[];
  dueDate?: string | null;
  deadlineVersion?: number;
  revision?: number;
  completedAt?: Date | null;
  title?: string;
  description?: string;
  deliverableType?: string;
  field?: string;
  deadlineText?: string | null;
  /** A deadline of N working days, fixed as a date at ASSIGN; null when the deadline is a date. */
  deadlineWorkingDays?: number | null;
  deadlineFrom?: 'assigned' | 'received' | null;
  continuous?: boolean;
  /**
   * Only with the calendar change that moves it: otherwise the writer derives it from `dueDate` on the calendar in
   * force, so no change of deadline can leave it behind.
   */
  effectiveDueDate?: string | null;
  searchText?: string;
  assigneeUserId?: string | null;
  responsibleLeaderUserId?: string | null;
  monitoringUserId?: string | null;
  decidingAuthority?: string;
  isKey?: boolean;
  progressPercent?: number | null;
  progressAt?: Date | null;
  /** Keep the first deadline when this change moves it. */
  keepOriginalDueDate?: boolean;
  escalationLevel?: { atLeast: number } | { reset: true };
  classification?: Classification;
  contentReference?: string | null;
}

export interface TaskChange {
  kind: ChangeKind;
  taskId: string;
  actor: ChangeActor;
  /**
   * The state the change was decided on: the change applies only while the task is still in it (the
   * recipient rule depends on it too). The new state is `set.state`, or this one.
   */
  from: TaskState;
  /**
   * Optimistic concurrency: the change applies only while the task is still this version; the version
   * then goes up by one. Required for any change of state, lead or deadline (typeorm #2848:
   * `@VersionColumn` makes no write conditional, so the condition is ours).
   */
  expect?: { version: number };
  set?: TaskRowUpdate;
  /** The history row's event, when it is not the change kind (a reminder is recorded as REMINDED). */
  historyEvent?: string;
  comment?: string | null;
  data?: Record<string, unknown>;
  /** Makes the change happen once: a second change with the same key writes nothing (a job delivered twice). */
  dedupeKey?: string;
  schedule?: ScheduleChange;
  /** The scheduled action this change carries out, marked done with it. */
  firedAction?: { id: string; firedAt: Date; latenessMs: number };
  submissionDecision?: { submissionId: string; decision: 'approved' | 'returned'; comment: string | null };
  /** Extra data for the notification (the history row's data goes to the history only). */
  notificationData?: Record<string, unknown>;
  /** For REASSIGN: the agency the task was taken from, told through `previous_lead_agency`. */
  previousLeadAgencyId?: string | null;
  /** The agency a part's change is about (a coordinator's contribution), told through `target_agency`. */
  targetAgencyId?: string | null;
  /** Who is told, when not the recipient rule's row for the kind: a fired action's own row (the named chain). */
  audiences?: readonly Audience[];
  requestId?: string | null;
  /** When the change happened, if not now: the demo seed writes a past history through the same door. */
  at?: Date;
}

export interface AppliedChange {
  task: TaskRow;
  /** The history row written; null when `dedupeKey` found the change already made. */
  eventId: string | null;
  /** The users whose notification this change wrote. */
  recipients: string[];
}

export interface NewTask {
  code: string;
  title: string;
  description: string;
  deliverableType: string;
  field: string;
  leadAgencyId: string | null;
  coordinatingAgencyIds: string[];
  dueDate: string | null;
  deadlineText: string | null;
  deadlineWorkingDays?: number | null;
  deadlineFrom?: 'assigned' | 'received' | null;
  continuous?: boolean;
  searchText: string;
  decidingAuthority?: string;
  isKey?: boolean;
  /** A recurring series' instance: its series and period, unique together. */
  seriesId?: string | null;
  periodKey?: string | null;
  /** The monthly program's item this one carries forward. */
  carriedFromTaskId?: string | null;
  /** The task above that this one breaks down (issue 20), and why it may be due after it, when it is. */
  parentTaskId?: string | null;
  dueException?: string | null;
  /** A level above the directive's; the task is never below it. */
  classification?: Classification;
  contentReference?: string | null;
  /**
   * A classified task starts with its directive's access list unless this is false (the caller gives the list:
   * a carried item keeps its own).
   */
  inheritAccess?: boolean;
}

const LEVELS = `ARRAY['normal','confidential','secret','top_secret']`;
/** The title a tuyệt mật task carries in place of its content (SQL literal). */
const RECORD_ONLY_TITLE = `'Nhiệm vụ tuyệt mật'`;

const STATE_OR_DEADLINE: readonly (keyof TaskRowUpdate)[] = ['state', 'leadAgencyId', 'dueDate', 'deadlineVersion'];

/** Placeholder numbering for one statement. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown, cast = ''): string {
    this.values.push(v);
    return `$${this.values.length}${cast}`;
  }
}

function setClauses(set: TaskRowUpdate, p: Params): string[] {
  const out: string[] = [];
  const col = (name: string, v: unknown, cast = '') => out.push(`${name} = ${p.add(v, cast)}`);
  if (set.state !== undefined) col('state', set.state);
  if (set.leadAgencyId !== undefined) col('lead_agency_id', set.leadAgencyId, '::uuid');
  if (set.coordinatingAgencyIds !== undefined) col('coordinating_agency_ids', set.coordinatingAgencyIds, '::uuid[]');
  // SET reads the old row, so the first deadline survives however many moves follow.
  if (set.keepOriginalDueDate) out.push('original_due_date = COALESCE(t.original_due_date, t.due_date)');
  if (set.dueDate !== undefined) col('due_date', set.dueDate, '::date');
  if (set.deadlineVersion !== undefined) col('deadline_version', set.deadlineVersion, '::int');
  if (set.revision !== undefined) col('revision', set.revision, '::int');
  if (set.completedAt !== undefined) col('completed_at', set.completedAt, '::timestamptz');
  if (set.title !== undefined) col('title', set.title);
  if (set.description !== undefined) col('description', set.description);
  if (set.deliverableType !== undefined) col('deliverable_type', set.deliverableType);
  if (set.field !== undefined) col('field', set.field);
  if (set.deadlineText !== undefined) col('deadline_text', set.deadlineText);
  if (set.effectiveDueDate !== undefined) col('effective_due_date', set.effectiveDueDate, '::date');
  if (set.deadlineWorkingDays !== undefined) col('deadline_working_days', set.deadlineWorkingDays, '::smallint');
  if (set.deadlineFrom !== undefined) col('deadline_from', set.deadlineFrom);
  if (set.continuous !== undefined) col('continuous', set.continuous, '::boolean');
  if (set.searchText !== undefined) col('search_text', set.searchText);
  if (set.assigneeUserId !== undefined) col('assignee_user_id', set.assigneeUserId, '::uuid');
  if (set.responsibleLeaderUserId !== undefined)
    col('responsible_leader_user_id', set.responsibleLeaderUserId, '::uuid');
  if (set.monitoringUserId !== undefined) col('monitoring_user_id', set.monitoringUserId, '::uuid');
  if (set.decidingAuthority !== undefined) col('deciding_authority', set.decidingAuthority);
  if (set.isKey !== undefined) col('is_key', set.isKey, '::boolean');
  if (set.progressPercent !== undefined) col('progress_percent', set.progressPercent, '::smallint');
  if (set.progressAt !== undefined) col('progress_at', set.progressAt, '::timestamptz');
  if (set.classification !== undefined) col('classification', set.classification);
  if (set.contentReference !== undefined) col('content_reference', set.contentReference);
  if (set.escalationLevel) {
    out.push(
      'reset' in set.escalationLevel
        ? 'escalation_level = 0'
        : `escalation_level = GREATEST(t.escalation_level, ${p.add(set.escalationLevel.atLeast, '::int')})`,
    );
  }
  return out;
}

/**
 * The one writer of task changes. Every change to a task (transitions, draft edits, submissions,
 * comments, extension requests and decisions, reminders and escalations, new tasks) is written here, in
 * one statement: the task row (conditional on its version when state or deadline change), one history
 * row, the schedule rows, the notifications to the people the recipient rule names, and one outbox row
 * carrying the change and its recipients for the relay and the live stream. Run it inside the caller's
 * transaction (`db` an EntityManager) when the change comes with rows of its own (a comment, a request).
 */
export class TaskChangeWriter {
  /** `calendars`: needed by a writer that sets deadlines (the day each ends on the calendar is derived here). */
  constructor(private readonly calendars?: CalendarStore) {}

  /** The change with the day its new deadline ends on the working calendar, when it sets a deadline. */
  private async withEffectiveDueDate(db: Db, set: TaskRowUpdate): Promise<TaskRowUpdate> {
    if (set.dueDate === undefined || set.effectiveDueDate !== undefined) return set;
    if (set.dueDate === null) return { ...set, effectiveDueDate: null };
    if (!this.calendars) throw new Error('task-change writer: a change of deadline needs the calendar store');
    const calendar = await this.calendars.current(db);
    return { ...set, effectiveDueDate: calendar.effectiveDueDate(set.dueDate) };
  }

  /**
   * Locks the task for a change decided on what the caller read: undefined when it is no longer that
   * version. Two changes of one task then queue up, and the second sees the first.
   */
  async lock(db: EntityManager, taskId: string, expectedVersion?: number): Promise<TaskRow | undefined> {
    const rows: TaskRow[] = await db.query(
      `SELECT ${taskColumns('t')} FROM tasks t WHERE t.id = $1 AND ($2::int IS NULL OR t.version = $2) FOR UPDATE`,
      [taskId, expectedVersion ?? null],
    );
    return rows[0];
  }

  /** Applies one change; undefined when the task is not the expected version or state any more (or is gone). */
  async apply(db: Db, c: TaskChange): Promise<AppliedChange | undefined> {
    const set = await this.withEffectiveDueDate(db, c.set ?? {});
    if (!c.expect && STATE_OR_DEADLINE.some((k) => set[k] !== undefined)) {
      throw new Error(`task-change writer: ${c.kind} changes state or deadline without an expected version`);
    }
    const p = new Params();
    const id = p.add(c.taskId, '::uuid');
    const ctes: string[] = [];

    // cur: the task as the change found it (locked); upd: the task after the change.
    // $1 the task, $2 its expected version (the benchmarks' recorded statement relies on this order).
    const version = c.expect ? ` AND t.version = ${p.add(c.expect.version, '::int')}` : '';
    ctes.push(`cur AS (SELECT t.id, t.state AS old_state FROM tasks t
      WHERE t.id = ${id}${version} AND t.state = ${p.add(c.from)}
      FOR UPDATE)`);
    const clauses = setClauses(set, p);
    if (c.expect) clauses.push('version = t.version + 1');
    const at = p.add(c.at ?? null, '::timestamptz');
    if (clauses.length) {
      clauses.push(`updated_at = COALESCE(${at}, now())`);
      ctes.push(`upd AS (UPDATE tasks t SET ${clauses.join(', ')} FROM cur WHERE t.id = cur.id
        RETURNING t.*, cur.old_state)`);
    } else {
      ctes.push(`upd AS (SELECT t.*, cur.old_state FROM tasks t JOIN cur ON cur.id = t.id)`);
    }

    const actorId = p.add(c.actor.userId, '::uuid');
    const dedupe = p.add(c.dedupeKey ?? null, '::text');
    ctes.push(`ev AS (
      INSERT INTO task_events (task_id, event, from_state, to_state, actor_user_id, actor_role, actor_agency_id,
                               comment, data, task_version, dedupe_key, at)
      SELECT upd.id, ${p.add(c.historyEvent ?? c.kind)}, upd.old_state, upd.state, ${actorId}, ${p.add(c.actor.role)},
             ${p.add(c.actor.agencyId, '::uuid')}, ${p.add(c.comment ?? null, '::text')}, ${p.add(JSON.stringify(c.data ?? {}), '::jsonb')},
             upd.version, ${dedupe}, COALESCE(${at}, now())
        FROM upd
      ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING id)`);

    if (c.schedule?.cancelRungs.length) {
      ctes.push(`cancelled AS (
        UPDATE scheduled_actions SET status = 'cancelled', updated_at = now()
         WHERE task_id = ${id} AND status = 'pending' AND rung = ANY(${p.add(c.schedule.cancelRungs, '::text[]')})
           ${c.schedule.cancelTargetId ? `AND target_id = ${p.add(c.schedule.cancelTargetId, '::uuid')}` : ''}
           ${c.schedule.cancelTargetIds ? `AND target_id = ANY(${p.add(c.schedule.cancelTargetIds, '::uuid[]')})` : ''}
           AND EXISTS (SELECT 1 FROM ev)
        RETURNING id)`);
    }
    if (c.schedule?.cancelActionIds?.length) {
      ctes.push(`cancelled_ids AS (
        UPDATE scheduled_actions SET status = 'cancelled', updated_at = now()
         WHERE task_id = ${id} AND status = 'pending' AND id = ANY(${p.add(c.schedule.cancelActionIds, '::bigint[]')})
           AND EXISTS (SELECT 1 FROM ev)
        RETURNING id)`);
    }
    if (c.schedule?.add.length) {
      ctes.push(`scheduled AS (
        INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at, request_id, target_id)
        SELECT ${id}, a.rung, a."offset", a.version, a.level, a.audiences, a.job_id, a.due_at, ${p.add(c.requestId ?? null, '::text')}, a.target_id
          FROM ev, jsonb_to_recordset(${p.add(JSON.stringify(c.schedule.add), '::jsonb')})
               AS a(rung text, "offset" text, version int, level int, audiences text[], job_id text, due_at timestamptz, target_id uuid)
        ON CONFLICT (job_id) DO NOTHING
        RETURNING id)`);
    }
    if (c.firedAction) {
      // Done even when the history row existed already: the action has happened either way.
      ctes.push(`fired AS (
        UPDATE scheduled_actions SET status = 'done', fired_at = ${p.add(c.firedAction.firedAt, '::timestamptz')},
               lateness_ms = ${p.add(c.firedAction.latenessMs, '::bigint')}, attempts = attempts + 1, updated_at = now()
         WHERE id = ${p.add(c.firedAction.id, '::bigint')} AND EXISTS (SELECT 1 FROM upd)
        RETURNING id)`);
    }
    if (c.submissionDecision) {
      const d = c.submissionDecision;
      ctes.push(`dec AS (
        UPDATE submissions SET decision = ${p.add(d.decision)}, decision_comment = ${p.add(d.comment, '::text')},
               decided_by = ${actorId}, decided_at = COALESCE(${at}, now())
         WHERE id = ${p.add(d.submissionId, '::uuid')} AND decision IS NULL AND EXISTS (SELECT 1 FROM ev)
        RETURNING id)`);
    }

    const states = { from: c.from, to: set.state ?? c.from };
    const ruled = audiencesOf(c.kind, states);
    // An override may narrow or reorder the rule's row, but agencies still hear nothing of a draft.
    // A fired action's own row names the chain's step; drafts never reach an agency whatever the row says.
    const audiences = p.add(c.audiences && states.to !== 'drafted' ? c.audiences : ruled, '::text[]');
    const heads = `u.position IN ('head','deputy')`;
    const kind = p.add(c.kind);
    // The title names the task; the body carries what the author said (a return's comment, say). A classified
    // task is named by its code only and told only to the people on its access list.
    ctes.push(`notified AS (
      INSERT INTO notifications (user_id, task_id, kind, title, body, data, dedupe_key, created_at)
      SELECT u.id, upd.id, ${kind}, ${p.add(notificationHeadline(c.kind))} || ' — ' || upd.code || ': ' ||
               CASE WHEN upd.classification = 'normal' THEN upd.title ELSE ${p.add(CLASSIFIED_TITLE.vi)} END,
             CASE WHEN upd.classification = 'normal' THEN COALESCE(${p.add(c.comment ?? null, '::text')}, '') ELSE '' END,
             ${p.add(JSON.stringify(c.notificationData ?? {}), '::jsonb')},
             COALESCE(${dedupe}, 'change-' || ev.id), COALESCE(${at}, now())
        FROM upd CROSS JOIN ev
        JOIN users u ON u.active AND u.id IS DISTINCT FROM ${actorId}
         AND (upd.classification = 'normal'
              OR EXISTS (SELECT 1 FROM classified_access ca WHERE ca.task_id = upd.id AND ca.user_id = u.id)) AND (
             -- The task's own committee's Office and Standing Committee: other committees' hear nothing of it.
             ('office' = ANY(${audiences}) AND u.role = 'office' AND u.organisation_id = upd.organisation_id)
          OR ('standing_committee' = ANY(${audiences}) AND u.role = 'standing_committee'
              AND u.organisation_id = upd.organisation_id)
          -- A committee below that the task names (through the agency standing for it) hears it at its Office.
          OR (u.role = 'office' AND u.organisation_id IN (SELECT o.id FROM organisations o
                WHERE o.agency_id IS NOT NULL AND (
                      ('lead_agency' = ANY(${audiences}) AND o.agency_id = upd.lead_agency_id)
                   OR ('coordinating_agencies' = ANY(${audiences}) AND o.agency_id = ANY(upd.coordinating_agency_ids)))))
          OR ('monitoring_officer' = ANY(${audiences}) AND u.role = 'office' AND u.id = COALESCE(upd.monitoring_user_id,
                (SELECT ag.monitoring_user_id FROM agencies ag WHERE ag.id = upd.lead_agency_id)))
          OR (u.role = 'agency' AND (
                ('lead_agency' = ANY(${audiences}) AND u.agency_id = upd.lead_agency_id)
             OR ('previous_lead_agency' = ANY(${audiences}) AND u.agency_id = ${p.add(c.previousLeadAgencyId ?? null, '::uuid')})
             OR ('coordinating_agencies' = ANY(${audiences}) AND u.agency_id = ANY(upd.coordinating_agency_ids))
             OR ('target_agency' = ANY(${audiences}) AND u.agency_id = ${p.add(c.targetAgencyId ?? null, '::uuid')})
             OR (u.agency_id = upd.lead_agency_id AND (
                   ('agency_head' = ANY(${audiences}) AND ${heads})
                OR ('assignee' = ANY(${audiences}) AND (u.id = upd.assignee_user_id OR (upd.assignee_user_id IS NULL AND ${heads})))
                OR ('responsible_leader' = ANY(${audiences})
                    AND (u.id = upd.responsible_leader_user_id OR (upd.responsible_leader_user_id IS NULL AND ${heads}))))))))
      ON CONFLICT (user_id, dedupe_key) DO NOTHING
      RETURNING user_id)`);
    ctes.push(`ob AS (
      INSERT INTO outbox (task_id, kind, payload, request_id)
      SELECT upd.id, ${kind}, jsonb_build_object('v', 1, 'change', ${kind}::text, 'taskId', upd.id, 'taskVersion', upd.version,
               'recipients', COALESCE((SELECT jsonb_agg(n.user_id) FROM notified n), '[]'::jsonb)),
             ${p.add(c.requestId ?? null, '::text')}
        FROM upd CROSS JOIN ev
      RETURNING id)`);

    const rows: (TaskRow & { event_id: string | null; recipients: string[] | null })[] = await db.query(
      `WITH ${ctes.join(',\n')}
       SELECT ${taskColumns('upd')}, (SELECT id::text FROM ev) AS event_id,
              (SELECT array_agg(n.user_id::text) FROM notified n) AS recipients
         FROM upd`,
      p.values,
    );
    const row = rows[0];
    if (!row) return undefined;
    const { event_id, recipients, ...task } = row;
    return { task, eventId: event_id, recipients: recipients ?? [] };
  }

  /**
   * New drafts of a directive, each with its CREATE history row and an outbox row for open boards, in one
   * statement. Drafts tell nobody (the recipient rule's CREATE row is empty).
   */
  async create(
    db: Db,
    directiveId: string,
    tasks: NewTask[],
    actor: ChangeActor,
    options: {
      data?: Record<string, unknown>;
      requestId?: string | null;
      at?: Date;
      /**
       * A recurring series' instances: a task that exists already (same series and period, or code) is left
       * alone and not returned, so two workers or a retried job make it once.
       */
      skipExisting?: boolean;
    } = {},
  ): Promise<TaskRow[]> {
    const calendar = tasks.some((t) => t.dueDate) ? await this.calendarFor(db) : undefined;
    const input = tasks.map((t, ord) => ({
      ord,
      code: t.code,
      title: t.title,
      description: t.description,
      deliverable_type: t.deliverableType,
      field: t.field,
      lead_agency_id: t.leadAgencyId,
      coordinating_agency_ids: [...new Set(t.coordinatingAgencyIds)],
      due_date: t.dueDate,
      effective_due_date: t.dueDate && calendar ? calendar.effectiveDueDate(t.dueDate) : null,
      deadline_working_days: t.deadlineWorkingDays ?? null,
      deadline_from: t.deadlineWorkingDays ? (t.deadlineFrom ?? 'assigned') : null,
      continuous: t.continuous ?? false,
      deadline_text: t.deadlineText,
      search_text: t.searchText,
      deciding_authority: t.decidingAuthority ?? 'standing_committee',
      is_key: t.isKey ?? false,
      series_id: t.seriesId ?? null,
      period_key: t.periodKey ?? null,
      carried_from_task_id: t.carriedFromTaskId ?? null,
      parent_task_id: t.parentTaskId ?? null,
      due_exception: t.dueException ?? null,
      classification: t.classification ?? 'normal',
      content_reference: t.contentReference ?? null,
      inherit_access: t.inheritAccess ?? true,
    }));
    return db.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(ord int, code text, title text, description text,
           deliverable_type text, field text, lead_agency_id uuid, coordinating_agency_ids uuid[], due_date date,
           effective_due_date date, deadline_working_days smallint, deadline_from text, continuous boolean,
           deadline_text text, search_text text, deciding_authority text, is_key boolean, series_id uuid,
           period_key text, carried_from_task_id uuid, parent_task_id uuid, due_exception text, classification text,
           content_reference text, inherit_access boolean)),
       lv AS (
         SELECT x.*, CASE WHEN array_position(${LEVELS}, x.classification) > array_position(${LEVELS}, d.classification)
                          THEN x.classification ELSE d.classification END AS level
           FROM input x, directives d WHERE d.id = $2),
       ins AS (
         INSERT INTO tasks (directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                            coordinating_agency_ids, due_date, effective_due_date, deadline_working_days, deadline_from,
                            continuous, deadline_text, search_text, deciding_authority, is_key,
                            series_id, period_key, carried_from_task_id, parent_task_id, due_exception,
                            classification, content_reference, created_by, created_at, updated_at)
         -- Tuyệt mật keeps the record only: the content never enters the system, whoever asks.
         SELECT $2, code, CASE WHEN level = 'top_secret' THEN ${RECORD_ONLY_TITLE} ELSE title END,
                CASE WHEN level = 'top_secret' THEN '' ELSE description END, deliverable_type, field, lead_agency_id,
                coordinating_agency_ids, due_date, effective_due_date, deadline_working_days, deadline_from, continuous,
                deadline_text, CASE WHEN level = 'top_secret' THEN code ELSE search_text END, deciding_authority, is_key,
                series_id, period_key, carried_from_task_id, parent_task_id, due_exception, level, content_reference,
                $3, COALESCE($8::timestamptz, now()), COALESCE($8::timestamptz, now())
           FROM lv ORDER BY ord
         ${options.skipExisting ? 'ON CONFLICT DO NOTHING' : ''}
         RETURNING *),
       acc AS (
         INSERT INTO classified_access (task_id, user_id, granted_by)
         SELECT ins.id, ca.user_id, $3 FROM ins JOIN input USING (code) JOIN classified_access ca ON ca.directive_id = $2
          WHERE ins.classification <> 'normal' AND input.inherit_access
         ON CONFLICT DO NOTHING
         RETURNING id),
       ev AS (
         INSERT INTO task_events (task_id, event, from_state, to_state, actor_user_id, actor_role, actor_agency_id,
                                  data, task_version, at)
         SELECT ins.id, 'CREATE', NULL, ins.state, $3, $4, $5, $6::jsonb, ins.version, ins.created_at FROM ins
         RETURNING id),
       ob AS (
         INSERT INTO outbox (task_id, kind, payload, request_id)
         SELECT ins.id, 'CREATE', jsonb_build_object('v', 1, 'change', 'CREATE', 'taskId', ins.id,
                  'taskVersion', ins.version, 'recipients', '[]'::jsonb), $7
           FROM ins
         RETURNING id)
       SELECT ${taskColumns('ins')} FROM ins JOIN input USING (code) ORDER BY input.ord`,
      [
        JSON.stringify(input),
        directiveId,
        actor.userId,
        actor.role,
        actor.agencyId,
        JSON.stringify(options.data ?? {}),
        options.requestId ?? null,
        options.at ?? null,
      ],
    );
  }

  private async calendarFor(db: Db) {
    if (!this.calendars) throw new Error('task-change writer: a task with a deadline needs the calendar store');
    return this.calendars.current(db);
  }

  /**
   * A task just classified: the notifications already written about it keep their headline and its code only, as
   * the ones written from now on (`apply`); nothing said about it stays in anyone's inbox or outgoing mail.
   */
  async redactNotifications(db: Db, taskId: string): Promise<void> {
    await db.query(
      `UPDATE notifications n SET title = split_part(n.title, ' — ', 1) || ' — ' || t.code || ': ' || $2, body = ''
         FROM tasks t WHERE t.id = $1 AND n.task_id = t.id`,
      [taskId, CLASSIFIED_TITLE.vi],
    );
  }

  /** A fired action that no longer applies (the task moved on): recorded, no history, nobody told. */
  async skipAction(db: Db, actionId: string, firedAt: Date): Promise<void> {
    await db.query(
      `UPDATE scheduled_actions SET status = 'skipped', fired_at = $2, attempts = attempts + 1, updated_at = now() WHERE id = $1`,
      [actionId, firedAt],
    );
  }

  /** A failed attempt of an action; after the last one it is `failed` (and the caller raises an incident). */
  async recordActionFailure(db: Db, actionId: string, error: string, final: boolean): Promise<void> {
    await db.query(
      `UPDATE scheduled_actions SET attempts = attempts + 1, last_error = left($2, 2000),
              status = CASE WHEN $3 AND status = 'pending' THEN 'failed' ELSE status END, updated_at = now()
        WHERE id = $1`,
      [actionId, error, final],
    );
  }

  /** Opens the incident for an action out of attempts; its task id when new, undefined when it existed. */
  async openIncident(db: Db, actionId: string, message: string): Promise<string | undefined> {
    const rows: { task_id: string }[] = await db.query(
      `INSERT INTO incidents (action_id, task_id, message)
       SELECT id, task_id, $2 FROM scheduled_actions WHERE id = $1
       ON CONFLICT (action_id) DO NOTHING RETURNING task_id`,
      [actionId, message],
    );
    return rows[0]?.task_id;
  }
}
