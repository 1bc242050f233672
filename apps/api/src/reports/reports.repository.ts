import { Injectable } from '@nestjs/common';
import type { ReportQuery } from '@dondoc/contracts';
import { CLASSIFICATIONS, CLASSIFIED_DIRECTIVE_TITLE, type Actor, type Classification } from '@dondoc/workflow';
import { localDaySql } from '@dondoc/persistence';
import pLimit, { type LimitFunction } from 'p-limit';
import { DataSource } from 'typeorm';
import {
  COUNTED_STATES,
  factsCte,
  factStatus,
  figureSums,
  latenessSums,
  statusColumns,
  type CalendarSql,
  type LatenessCounts,
  SqlParams,
  type FigureCounts,
  type KeyFigureCounts,
  type ReportWindow,
} from './report-facts.sql.js';
import { ROW_SECURITY_SQL, rowSecurityParams, underRowSecurity } from '../tasks/row-security.js';
import { ReportsDatabase } from './reports-database.js';
import { clearance, directiveClearance, taskScope } from '../tasks/task-scope.js';

/** What a reader not on a classified directive's list reads in place of its title. */
export const DIRECTIVE_MASK = CLASSIFIED_DIRECTIVE_TITLE.vi;

/** A row of `figureSums`: the figures over all counted tasks and over key tasks (`key_*`). */
export type Counts = FigureCounts & KeyFigureCounts;

export type GroupedCounts<K extends string> = Counts & Record<K, string>;

export interface AgencyCountsRow extends Counts, LatenessCounts {
  agency_id: string;
  agency_code: string;
  agency_name: string;
  /** The agency's place in the official order; null when not placed. */
  agency_sort_order: number | null;
}

export interface OrganisationCountsRow extends Counts, LatenessCounts {
  organisation_id: string;
  code: string;
  name: string;
  kind: string;
  own: boolean;
}

/** A person's tasks; `user_id` null for the tasks with no one named. */
export interface PersonCountsRow extends Counts {
  user_id: string | null;
  full_name: string | null;
}

export interface DirectiveCountsRow extends Counts, LatenessCounts {
  directive_id: string;
  number: string;
  title: string;
  /** Null when the reader is not on the directive's list. */
  classification: Classification | null;
}

/** One task as it stood at the report's moment, with its names and its deadline status then. */
export interface ReportTaskRow {
  id: string;
  code: string;
  title: string;
  /** The task's level: a document listing it carries the stamp of the highest. */
  classification: Classification;
  directive_id: string;
  directive_number: string;
  field: string;
  deliverable_type: string;
  lead_agency_id: string | null;
  lead_agency_name: string | null;
  state: string;
  due_date: string | null;
  original_due_date: string | null;
  /** The day the deadline in force ends on the working calendar then. */
  effective_due_date: string | null;
  extended: boolean;
  done_day: string | null;
  status: 'not_due' | 'due_soon' | 'overdue' | 'on_time' | 'late' | null;
  days_overdue: number | null;
  working_days_overdue: number | null;
  is_key: boolean;
}

/** A task of the documents with its latest progress report then (of the period, when one is given). */
export interface ReportTaskProgressRow extends ReportTaskRow {
  progress_percent: number | null;
  progress_narrative: string | null;
  progress_at: Date | null;
}

/** A coordinating agency's contributions (see `ReportCoordinationFigures`). */
export interface CoordinationCountsRow {
  agency_id: string;
  agency_code: string;
  agency_name: string;
  agency_sort_order: number | null;
  requested: number;
  submitted: number;
  on_time: number;
  late: number;
  overdue: number;
  not_due: number;
  accepted: number;
}

/** A lead agency's milestones (see `ReportMilestoneFigures`). */
export interface MilestoneCountsRow {
  agency_id: string;
  agency_code: string;
  agency_name: string;
  agency_sort_order: number | null;
  total: number;
  done_on_time: number;
  done_late: number;
  missed: number;
  upcoming: number;
}

export interface EscalationRow extends ReportTaskRow {
  escalation_level: number;
  last_reminder_at: Date | null;
  total: number;
}

export interface ReviewRow extends ReportTaskRow {
  submitted_at: Date;
  waiting_days: number;
  returns: number;
  total: number;
  average_waiting: string;
  longest_waiting: number;
}

/** An agency a document is addressed to. */
export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  sortOrder: number | null;
}

/** A page of a list; without one, the whole list (for snapshots and documents). */
export interface Page {
  limit: number;
  offset: number;
}

function pageSql(p: SqlParams, page?: Page): string {
  return page ? ` LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}` : '';
}

export interface AveragesRow {
  assign_to_submit_days: string | null;
  assign_to_submit_count: number;
  submit_to_decision_days: string | null;
  submit_to_decision_count: number;
  returns_total: number;
  tasks_returned: number;
  submitted_tasks: number;
}

/** Raw SQL for every report view; each reads the same `facts` CTE, so all views agree on every task. */
@Injectable()
export class ReportsRepository {
  /**
   * Report statements running at once: half the connection pool. Each holds a connection for its whole run,
   * seconds on a big province (test/bench/scale.mjs: 10-50 s with 1,000,000 tasks); the dashboard asks for nine
   * views and then twelve past summaries at once, which took every connection, so that its own requests and
   * everyone else's failed waiting for one ("timeout exceeded when trying to connect"). The rest wait here.
   */
  private readonly slots: LimitFunction;

  private readonly db: DataSource;

  constructor(database: ReportsDatabase) {
    this.db = database.source;
    const pool = (this.db.options as { extra?: { max?: number } }).extra?.max ?? 10;
    // A replica's pool is the reports' alone; the primary's is shared with every other request.
    this.slots = pLimit(database.replica ? pool : Math.max(1, Math.floor(pool / 2)));
  }

  /**
   * One report statement in a read-only transaction without JIT: these queries are planned as costly
   * (whole-table aggregates), so PostgreSQL would spend longer compiling them (0.5-1 s measured with
   * 100,000 tasks) than running them (tens of milliseconds).
   */
  private run<T>(actor: Actor, sql: string, params: unknown[]): Promise<T[]> {
    return this.slots(() =>
      this.db.transaction(async (m) => {
        await m.query(`SET TRANSACTION READ ONLY`);
        await m.query(`SET LOCAL jit = off`);
        // A committee below the top reads its figures under row security: the database holds its line too.
        if (underRowSecurity(actor)) await m.query(ROW_SECURITY_SQL, rowSecurityParams(actor));
        return m.query<T[]>(sql, params);
      }),
    );
  }

  /** Any agency, active or not: a report on a past quarter may name an agency disabled since. */
  async agency(id: string): Promise<{ id: string; code: string; name: string } | undefined> {
    const rows: { id: string; code: string; name: string }[] = await this.db.query(
      `SELECT id, code, name FROM agencies WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Any user, active or not: a report on a past quarter may name an officer who has left since. */

  async userExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM users WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** The directive as the user may see it: a classified one not naming them on its list does not exist for them. */
  async directive(
    id: string,
    userId: string,
  ): Promise<{ id: string; number: string; title: string; classification: Classification } | undefined> {
    const rows: { id: string; number: string; title: string; classification: Classification }[] = await this.db.query(
      `SELECT d.id, d.number, d.title, d.classification FROM directives d
        WHERE d.id = $1 AND ${directiveClearance('d', '$2::uuid')}`,
      [id, userId],
    );
    return rows[0];
  }

  /**
   * The classified tasks matching the filters then that the actor's role would see: how many its need-to-know
   * lists keep from it (`hidden`, any state), and the highest level among the counted ones it is cleared for
   * (`level`: the stamp its documents carry).
   */
  async classified(
    actor: Actor,
    query: ReportQuery,
    w: ReportWindow,
  ): Promise<{ hidden: number; level: Classification }> {
    const p = new SqlParams();
    const { cte } = factsCte(actor, query, w, p, { classifiedOnly: true, undated: true });
    const cleared = clearance('f', `${p.add(actor.userId)}::uuid`);
    const levels = p.add(CLASSIFICATIONS);
    const rows: { hidden: number; rank: number | null }[] = await this.run(
      actor,
      `WITH ${cte}
       SELECT (count(*) FILTER (WHERE NOT ${cleared}))::int AS hidden,
              max(array_position(${levels}::text[], f.classification))
                FILTER (WHERE ${cleared} AND f.state IN ${COUNTED_STATES}) AS rank
         FROM facts f`,
      p.values,
    );
    const rank = rows[0]?.rank;
    return { hidden: rows[0]?.hidden ?? 0, level: rank ? CLASSIFICATIONS[rank - 1] : 'normal' };
  }

  /**
   * The earliest deadline any task has or had (in force or first), bounding the span of the working calendar a
   * report reads; null when no task has one.
   */
  async earliestDeadline(): Promise<string | null> {
    const rows: { d: string | null }[] = await this.db.query(
      `SELECT LEAST(min(due_date), min(original_due_date))::text AS d FROM tasks`,
    );
    return rows[0]?.d ?? null;
  }

  async summary(
    actor: Actor,
    query: ReportQuery,
    w: ReportWindow,
    dueSoonDays: number,
  ): Promise<Counts & { drafted: number; cancelled: number }> {
    const p = new SqlParams();
    const { cte } = factsCte(actor, query, w, p);
    const rows: (Counts & { drafted: number; cancelled: number })[] = await this.run(
      actor,
      `WITH ${cte},
       g AS (SELECT ${statusColumns(p.add(w.day), p.add(dueSoonDays))}, count(*)::int AS n FROM facts f GROUP BY 1, 2, 3, 4)
       SELECT ${figureSums()},
              COALESCE(sum(g.n) FILTER (WHERE g.status = 'drafted'), 0)::int AS drafted,
              COALESCE(sum(g.n) FILTER (WHERE g.status = 'cancelled'), 0)::int AS cancelled
         FROM g`,
      p.values,
    );
    return rows[0];
  }

  async byAgency(actor: Actor, query: ReportQuery, w: ReportWindow, dueSoonDays: number): Promise<AgencyCountsRow[]> {
    const p = new SqlParams();
    const { cte, calendar } = factsCte(actor, query, w, p);
    return this.run(
      actor,
      `WITH ${cte}, ${grouped('f.lead_agency_id', p.add(w.day), p.add(dueSoonDays), calendar)}
       SELECT a.id AS agency_id, a.code AS agency_code, a.name AS agency_name, a.sort_order AS agency_sort_order,
              ${figureSums()}, ${latenessSums()}
         FROM g JOIN agencies a ON a.id = g.k
        GROUP BY a.id ORDER BY a.sort_order NULLS LAST, a.name, a.code`,
      p.values,
    );
  }

  /**
   * Grouped by the committee directly below `base` that each task's committee lies in (the task's own when it is
   * `base`'s): the province's table by district, each district counted with its subtree.
   */
  async byOrganisation(
    actor: Actor,
    query: ReportQuery,
    w: ReportWindow,
    dueSoonDays: number,
    base: string,
  ): Promise<OrganisationCountsRow[]> {
    const p = new SqlParams();
    const { cte, calendar } = factsCte(actor, { ...query, organisationId: base, subtree: 'true' }, w, p);
    const b = `${p.add(base)}::uuid`;
    // Grouped by each task's own committee first (a few hundred groups), then each committee's groups summed into
    // the row of the committee directly below the base that holds it (the base's own: its row). A lookup of that
    // committee per task was a subquery a task: 466 ms at 20,000 tasks.
    return this.run(
      actor,
      `WITH ${cte}, ${grouped('f.organisation_id', p.add(w.day), p.add(dueSoonDays), calendar)},
       lineage AS (
         SELECT o.id AS org, COALESCE(c.id, ${b}) AS child
           FROM organisations o
           LEFT JOIN organisations c ON c.parent_id = ${b} AND o.path <@ c.path
          WHERE o.path <@ (SELECT bo.path FROM organisations bo WHERE bo.id = ${b}))
       SELECT o.id AS organisation_id, o.code, o.name, o.kind, o.id = ${b} AS own, ${figureSums()}, ${latenessSums()}
         -- Every committee directly below gets its row, a district without work too.
         FROM organisations o
         LEFT JOIN (SELECT m.child, g.* FROM g JOIN lineage m ON m.org = g.k) g ON g.child = o.id
        WHERE o.id = ${b} OR o.parent_id = ${b}
        GROUP BY o.id ORDER BY o.id <> ${b}, o.sort_order, o.code`,
      p.values,
    );
  }

  /** Grouped by the handling officer (`assignee`) or the monitoring officer (`monitor`) then; null: no one. */
  async byPerson(
    by: 'assignee' | 'monitor',
    actor: Actor,
    query: ReportQuery,
    w: ReportWindow,
    dueSoonDays: number,
  ): Promise<PersonCountsRow[]> {
    const p = new SqlParams();
    const { cte, calendar } = factsCte(actor, query, w, p, { people: true });
    const key = by === 'assignee' ? 'f.assignee_user_id' : 'f.monitor_user_id';
    return this.run(
      actor,
      `WITH ${cte}, ${grouped(key, p.add(w.day), p.add(dueSoonDays), calendar)}
       SELECT g.k AS user_id, u.full_name, ${figureSums()}
         FROM g LEFT JOIN users u ON u.id = g.k
        GROUP BY g.k, u.full_name`,
      p.values,
    );
  }

  async byDirective(
    actor: Actor,
    query: ReportQuery,
    w: ReportWindow,
    dueSoonDays: number,
  ): Promise<DirectiveCountsRow[]> {
    const p = new SqlParams();
    const { cte, calendar } = factsCte(actor, query, w, p);
    // Cleared for a task is not cleared for its directive: a classified directive's title needs its own list.
    const cleared = directiveClearance('d', `${p.add(actor.userId)}::uuid`);
    const title = `CASE WHEN ${cleared} THEN d.title ELSE ${p.add(DIRECTIVE_MASK)} END`;
    return this.run(
      actor,
      `WITH ${cte}, ${grouped('f.directive_id', p.add(w.day), p.add(dueSoonDays), calendar)}
       SELECT d.id AS directive_id, d.number, ${title} AS title,
              -- Its level only for those its list names; the access log looks up the rest by id.
              CASE WHEN ${cleared} THEN d.classification END AS classification, ${figureSums()}, ${latenessSums()}
         FROM g JOIN directives d ON d.id = g.k
        GROUP BY d.id ORDER BY d.issued_on NULLS LAST, d.number`,
      p.values,
    );
  }

  async byColumn<K extends 'field' | 'deliverable_type'>(
    column: K,
    actor: Actor,
    query: ReportQuery,
    w: ReportWindow,
    dueSoonDays: number,
  ): Promise<GroupedCounts<K>[]> {
    const p = new SqlParams();
    const { cte, calendar } = factsCte(actor, query, w, p);
    return this.run(
      actor,
      `WITH ${cte}, ${grouped(`f.${column}`, p.add(w.day), p.add(dueSoonDays), calendar)}
       SELECT g.k AS ${column}, ${figureSums()} FROM g GROUP BY g.k`,
      p.values,
    );
  }

  /** Every counted task with its status then, for the task list and the documents; optionally only `ids`. */
  async tasks(
    actor: Actor,
    query: ReportQuery,
    w: ReportWindow,
    dueSoonDays: number,
    statuses?: readonly string[],
    ids?: readonly string[],
  ): Promise<ReportTaskRow[]> {
    const p = new SqlParams();
    // A selection is a filter of the facts themselves, so that a past day reads only the history of those tasks.
    const { cte, calendar } = factsCte(actor, query, w, p, { ids });
    const day = p.add(w.day);
    const soon = p.add(dueSoonDays);
    const filter = statuses ? ` AND x.status = ANY(${p.add(statuses)}::text[])` : '';
    return this.run(
      actor,
      `WITH ${cte}, x AS (${taskSelect(day, soon, calendar)} WHERE f.state IN ${COUNTED_STATES})
       SELECT * FROM x WHERE TRUE${filter}
        ORDER BY x.directive_number, x.code`,
      p.values,
    );
  }

  /**
   * The counted tasks then with each one's latest progress report made by then: with `periodId`, the
   * latest made for that period, else the latest made within the period's dates (local days); without,
   * the latest of all. Progress reports are never changed, so their `created_at` dates them.
   */
  async tasksWithProgress(
    actor: Actor,
    query: ReportQuery,
    w: ReportWindow,
    dueSoonDays: number,
    periodId?: string,
    opts: { withCancelled?: boolean } = {},
  ): Promise<ReportTaskProgressRow[]> {
    const p = new SqlParams();
    const { cte, until, calendar } = factsCte(actor, query, w, p);
    // A roll-up counts the cancelled sub-tasks too (apart): one statement instead of a second one for their number.
    const states = opts.withCancelled ? `(${COUNTED_STATES.slice(1, -1)},'cancelled')` : COUNTED_STATES;
    const day = p.add(w.day);
    const soon = p.add(dueSoonDays);
    const period = periodId ? `${p.add(periodId)}::uuid` : null;
    const latest = period
      ? `FROM progress_reports pr, reporting_periods rp
          WHERE rp.id = ${period} AND pr.task_id = x.id AND pr.created_at < ${until()}
            AND (pr.period_id = ${period} OR ${localDaySql('pr.created_at')} BETWEEN rp.starts_on AND rp.ends_on)
          ORDER BY (pr.period_id IS NOT DISTINCT FROM ${period}) DESC, pr.created_at DESC, pr.id DESC`
      : `FROM progress_reports pr WHERE pr.task_id = x.id AND pr.created_at < ${until()}
          ORDER BY pr.created_at DESC, pr.id DESC`;
    return this.run(
      actor,
      `WITH ${cte}, x AS (${taskSelect(day, soon, calendar)} WHERE f.state IN ${states})
       SELECT x.*, pg.percent AS progress_percent, pg.narrative AS progress_narrative, pg.created_at AS progress_at
         FROM x LEFT JOIN LATERAL (SELECT pr.percent, pr.narrative, pr.created_at ${latest} LIMIT 1) pg ON TRUE
        ORDER BY x.directive_number, x.code`,
      p.values,
    );
  }

  /** A reporting period's label, for the documents that read progress for it. */
  async period(id: string): Promise<{ id: string; label: string } | undefined> {
    const rows: { id: string; label: string }[] = await this.db.query(
      `SELECT id, label FROM reporting_periods WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * Contributions asked of coordinating agencies on the counted tasks, by coordinating agency (with
   * `agencyId`, that agency's only; the other filters choose the tasks). Live from the contributions
   * and their versions; in the past folded from the history: a contribution is asked when its last
   * CONTRIBUTION_REQUESTED/REMOVED by then is a request (whose `dueDate` is the sub-deadline), submitted
   * at its first CONTRIBUTION_SUBMITTED, accepted when its last decision or submission is an acceptance.
   */
  async coordination(actor: Actor, query: ReportQuery, w: ReportWindow): Promise<CoordinationCountsRow[]> {
    const p = new SqlParams();
    const { agencyId, ...taskQuery } = query;
    const { cte, until } = factsCte(actor, taskQuery, w, p, { undated: true });
    const counted = `SELECT f.id FROM facts f WHERE f.state IN ${COUNTED_STATES}`;
    // A function: `until()` adds its parameter on first use, and the live statement must not have it.
    const ofThis = () => `e.task_id = r.task_id AND e.data->>'contributionId' = r.cid AND e.at < ${until()}`;
    // The first submission in a lateral join, not a scalar subquery: `c` is inlined, and a subquery in its
    // column ran once for every figure that reads `first_at` (four times a contribution).
    const parts = w.live
      ? `c AS (
           SELECT c.agency_id, c.due_date, c.status = 'accepted' AS accepted, v.first_at
             FROM contributions c
             LEFT JOIN LATERAL (SELECT min(v.submitted_at) AS first_at FROM contribution_versions v
                                 WHERE v.contribution_id = c.id) v ON TRUE
            WHERE c.task_id IN (${counted}))`
      : `r AS (
           SELECT DISTINCT ON (e.data->>'contributionId') e.task_id, e.data->>'contributionId' AS cid,
                  (e.data->>'agencyId')::uuid AS agency_id, e.event, (e.data->>'dueDate')::date AS due_date
             FROM task_events e
            WHERE e.event IN ('CONTRIBUTION_REQUESTED','CONTRIBUTION_REMOVED') AND e.at < ${until()}
              AND e.task_id IN (${counted})
            ORDER BY e.data->>'contributionId', e.at DESC, e.id DESC),
         c AS (
           SELECT r.agency_id, r.due_date, s.first_at, COALESCE(d.event = 'CONTRIBUTION_ACCEPTED', false) AS accepted
             FROM r
             LEFT JOIN LATERAL (SELECT min(e.at) AS first_at FROM task_events e
                                 WHERE e.event = 'CONTRIBUTION_SUBMITTED' AND ${ofThis()}) s ON TRUE
             LEFT JOIN LATERAL (SELECT e.event FROM task_events e
                                 WHERE e.event IN ('CONTRIBUTION_SUBMITTED','CONTRIBUTION_ACCEPTED','CONTRIBUTION_RETURNED')
                                   AND ${ofThis()} ORDER BY e.at DESC, e.id DESC LIMIT 1) d ON TRUE
            WHERE r.event = 'CONTRIBUTION_REQUESTED')`;
    const day = p.add(w.day);
    const agency = agencyId ? ` AND c.agency_id = ${p.add(agencyId)}::uuid` : '';
    return this.run(
      actor,
      `WITH ${cte}, ${parts},
       x AS (
         SELECT c.agency_id, c.accepted, c.first_at IS NOT NULL AS submitted,
                c.first_at IS NOT NULL AND (c.due_date IS NULL OR ${localDaySql('c.first_at')} <= c.due_date) AS on_time,
                c.first_at IS NULL AND c.due_date < ${day}::date AS overdue
           FROM c WHERE TRUE${agency})
       SELECT a.id AS agency_id, a.code AS agency_code, a.name AS agency_name, a.sort_order AS agency_sort_order,
              count(*)::int AS requested,
              (count(*) FILTER (WHERE x.submitted))::int AS submitted,
              (count(*) FILTER (WHERE x.on_time))::int AS on_time,
              (count(*) FILTER (WHERE x.submitted AND NOT x.on_time))::int AS late,
              (count(*) FILTER (WHERE x.overdue))::int AS overdue,
              (count(*) FILTER (WHERE NOT x.submitted AND NOT x.overdue))::int AS not_due,
              (count(*) FILTER (WHERE x.accepted))::int AS accepted
         FROM x JOIN agencies a ON a.id = x.agency_id
        GROUP BY a.id`,
      p.values,
    );
  }

  /**
   * Milestones in force on the counted tasks, by the task's lead agency then. Live from the milestones
   * not removed; in the past, the list of the last MILESTONES_SET by then, each done at its first
   * MILESTONE_DONE by then.
   */
  async milestones(actor: Actor, query: ReportQuery, w: ReportWindow): Promise<MilestoneCountsRow[]> {
    const p = new SqlParams();
    const { cte, until } = factsCte(actor, query, w, p, { undated: true });
    const parts = w.live
      ? `m AS (
           SELECT f.lead_agency_id AS agency_id, m.due_date, m.done_at
             FROM milestones m JOIN facts f ON f.id = m.task_id
            WHERE f.state IN ${COUNTED_STATES} AND m.removed_at IS NULL)`
      : // `facts` read once, in the join: read twice, PostgreSQL would store all of it first. The lists of the
        // tasks not counted (or not seen) are dropped by the join; their index makes reading them all cheap.
        `ms AS (
           SELECT DISTINCT ON (e.task_id) e.task_id, e.data->'milestones' AS list
             FROM task_events e
            WHERE e.event = 'MILESTONES_SET' AND e.at < ${until()}
            ORDER BY e.task_id, e.at DESC, e.id DESC),
         m AS (
           SELECT f.lead_agency_id AS agency_id, (ml->>'dueDate')::date AS due_date, d.at AS done_at
             FROM ms JOIN facts f ON f.id = ms.task_id AND f.state IN ${COUNTED_STATES}
            CROSS JOIN LATERAL jsonb_array_elements(ms.list) ml
             LEFT JOIN LATERAL (SELECT min(e.at) AS at FROM task_events e
                                 WHERE e.task_id = ms.task_id AND e.event = 'MILESTONE_DONE'
                                   AND e.data->>'milestoneId' = ml->>'id' AND e.at < ${until()}) d ON TRUE)`;
    const day = p.add(w.day);
    return this.run(
      actor,
      `WITH ${cte}, ${parts},
       x AS (
         SELECT m.agency_id, m.done_at IS NOT NULL AS done,
                m.done_at IS NOT NULL AND ${localDaySql('m.done_at')} <= m.due_date AS on_time,
                m.due_date < ${day}::date AS past
           FROM m)
       SELECT a.id AS agency_id, a.code AS agency_code, a.name AS agency_name, a.sort_order AS agency_sort_order,
              count(*)::int AS total,
              (count(*) FILTER (WHERE x.on_time))::int AS done_on_time,
              (count(*) FILTER (WHERE x.done AND NOT x.on_time))::int AS done_late,
              (count(*) FILTER (WHERE NOT x.done AND x.past))::int AS missed,
              (count(*) FILTER (WHERE NOT x.done AND NOT x.past))::int AS upcoming
         FROM x JOIN agencies a ON a.id = x.agency_id
        GROUP BY a.id`,
      p.values,
    );
  }

  /** How many of `ids` the actor may see (any state): a selection must be seen in full, or it is refused. */
  async visibleCount(actor: Actor, ids: readonly string[]): Promise<number> {
    const scope = taskScope(actor, 2);
    const rows: { n: number }[] = await this.run(
      actor,
      `SELECT count(*)::int AS n FROM tasks t WHERE t.id = ANY($1::uuid[]) AND ${scope.sql}`,
      [ids, ...scope.params],
    );
    return rows[0].n;
  }

  /** Agencies with their place in the official order, for documents addressed to each. */
  async agencies(ids: readonly string[]): Promise<AgencyRef[]> {
    return this.db.query(`SELECT id, code, name, sort_order AS "sortOrder" FROM agencies WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
  }

  /**
   * Unfinished work past its deadline with the level it had reached and its last reminder. The level is
   * the row's when live; in the past it is the level of the last ESCALATED event, unless a later grant
   * moved the deadline (a grant starts the ladder again).
   */
  async escalations(
    actor: Actor,
    query: ReportQuery,
    w: ReportWindow,
    dueSoonDays: number,
    page?: Page,
  ): Promise<EscalationRow[]> {
    const p = new SqlParams();
    const { cte, until, calendar } = factsCte(actor, query, w, p);
    const day = p.add(w.day);
    const soon = p.add(dueSoonDays);
    return this.run(
      actor,
      `WITH ${cte}, x AS (${taskSelect(day, soon, calendar, ', f.live_level')}
                 WHERE f.state IN ('assigned','in_progress','submitted') AND f.eff_due_date < ${day}::date)
       SELECT x.*, COALESCE(x.live_level, r.level, 0) AS escalation_level, r.last_reminder_at,
              count(*) OVER ()::int AS total
         FROM x
         LEFT JOIN LATERAL (
           SELECT max(e.at) FILTER (WHERE e.event IN ('REMINDED','ESCALATED')) AS last_reminder_at,
                  (array_agg(CASE WHEN e.event = 'ESCALATED' THEN COALESCE((e.data->>'level')::int, 0) ELSE 0 END
                             ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.event IN ('ESCALATED','EXTENSION_GRANTED')))[1] AS level
             FROM task_events e
            WHERE e.task_id = x.id AND e.at < ${until()} AND e.event IN ('REMINDED','ESCALATED','EXTENSION_GRANTED')) r ON TRUE
        ORDER BY escalation_level DESC, x.days_overdue DESC, x.directive_number, x.code${pageSql(p, page)}`,
      p.values,
    );
  }

  /** Work waiting for the Standing Committee then, longest wait first. */
  async reviewQueue(
    actor: Actor,
    query: ReportQuery,
    w: ReportWindow,
    dueSoonDays: number,
    page?: Page,
  ): Promise<ReviewRow[]> {
    const p = new SqlParams();
    const { cte, until, calendar } = factsCte(actor, query, w, p);
    const day = p.add(w.day);
    const soon = p.add(dueSoonDays);
    return this.run(
      actor,
      `WITH ${cte}, x AS (${taskSelect(day, soon, calendar)} WHERE f.state = 'submitted'),
       q AS (
       SELECT x.*, s.submitted_at, s.returns,
              ${day}::date - ${localDaySql('s.submitted_at')} AS waiting_days
         FROM x
         JOIN LATERAL (
           SELECT max(s.submitted_at) AS submitted_at,
                  count(*) FILTER (WHERE s.decision = 'returned' AND s.decided_at < ${until()})::int AS returns
             FROM submissions s WHERE s.task_id = x.id AND s.submitted_at < ${until()}) s ON s.submitted_at IS NOT NULL)
       SELECT q.*, count(*) OVER ()::int AS total, (avg(q.waiting_days) OVER ())::text AS average_waiting,
              (max(q.waiting_days) OVER ())::int AS longest_waiting
         FROM q ORDER BY q.submitted_at, q.code${pageSql(p, page)}`,
      p.values,
    );
  }

  /**
   * Assignment to first submission (first ASSIGN event, first submission), each decided submission's
   * time to decision, and returns, all up to the report's moment, over the counted tasks.
   */
  async averages(actor: Actor, query: ReportQuery, w: ReportWindow): Promise<AveragesRow> {
    const p = new SqlParams();
    const { cte, until } = factsCte(actor, query, w, p, { undated: true });
    const rows: AveragesRow[] = await this.run(
      actor,
      `WITH ${cte},
       sub AS (
         SELECT s.task_id, min(s.submitted_at) AS first_at,
                count(*) FILTER (WHERE s.decision = 'returned' AND s.decided_at < ${until()})::int AS returns,
                sum(extract(epoch FROM s.decided_at - s.submitted_at)) FILTER (WHERE s.decided_at < ${until()}) AS decide_s,
                count(*) FILTER (WHERE s.decided_at < ${until()})::int AS decided
           FROM submissions s
          WHERE s.submitted_at < ${until()} AND s.task_id IN (SELECT f.id FROM facts f WHERE f.state IN ${COUNTED_STATES})
          GROUP BY s.task_id)
       SELECT round((avg(extract(epoch FROM sub.first_at - asg.at)) FILTER (WHERE asg.at <= sub.first_at) / 86400)::numeric, 1)::text
                AS assign_to_submit_days,
              (count(*) FILTER (WHERE asg.at <= sub.first_at))::int AS assign_to_submit_count,
              round((sum(sub.decide_s) / NULLIF(sum(sub.decided), 0) / 86400)::numeric, 1)::text AS submit_to_decision_days,
              COALESCE(sum(sub.decided), 0)::int AS submit_to_decision_count,
              COALESCE(sum(sub.returns), 0)::int AS returns_total,
              (count(*) FILTER (WHERE sub.returns > 0))::int AS tasks_returned,
              count(*)::int AS submitted_tasks
         FROM sub
         -- Only submitted tasks need their first assignment: one index probe each, not a scan of every ASSIGN.
         LEFT JOIN LATERAL (
           SELECT min(e.at) AS at FROM task_events e
            WHERE e.task_id = sub.task_id AND e.event = 'ASSIGN' AND e.at < ${until()}) asg ON TRUE`,
      p.values,
    );
    return rows[0];
  }
}

/**
 * `g`: the counted tasks grouped by `key` (as `k`) and their statuses, for `figureSums`; with the lateness of each
 * group for `latenessSums`: tasks overdue or approved late (`late_n`), their calendar days late from the day the
 * deadline ends to the report's day (to the approval day for approved work) and their working days late.
 */
function grouped(key: string, day: string, soon: string, calendar: CalendarSql): string {
  // OFFSET 0: each status and lateness worked out once per task; inlined, every later mention of a column would
  // compute it again (the statuses in both lateness columns, each lateness in three aggregates).
  return `s AS (
    SELECT ${key} AS k, ${statusColumns(day, soon)}, f.eff_due_date AS due, COALESCE(f.done_day, ${day}::date) AS upto
      FROM facts f WHERE f.state IN ${COUNTED_STATES} OFFSET 0),
  l AS (
    SELECT s.*, CASE WHEN s.status IN ('overdue','late') AND s.upto > s.due THEN s.upto - s.due END AS cd,
           CASE WHEN s.status IN ('overdue','late') AND s.upto > s.due THEN ${calendar.workingDays('s.due', 's.upto')} END AS wd
      FROM s OFFSET 0),
  g AS (
    SELECT l.k, l.status, l.status_original, l.extended, l.is_key, count(*)::int AS n,
           count(l.cd)::int AS late_n, sum(l.cd) AS late_cd_sum, max(l.cd) AS late_cd_max,
           sum(l.wd) AS late_wd_sum, max(l.wd) AS late_wd_max
      FROM l GROUP BY 1, 2, 3, 4, 5)`;
}

/**
 * One task then, with names and its deadline status and days overdue (to the report's day for unfinished work, to
 * the submission day for approved work), as `deadlineStatus`/`daysOverdue` do, counted from the day the deadline
 * ends on the calendar then: in calendar days (`days_overdue`) and in working days (`working_days_overdue`).
 */
function taskSelect(day: string, soon: string, calendar: CalendarSql, extra = ''): string {
  const upto = `COALESCE(f.done_day, ${day}::date)`;
  return `SELECT f.id, f.code, f.title, f.classification, f.directive_id, d.number AS directive_number, f.field, f.deliverable_type,
          f.lead_agency_id, a.name AS lead_agency_name, f.state, f.due_date::text AS due_date,
          f.original_due_date::text AS original_due_date, f.eff_due_date::text AS effective_due_date,
          f.extended, f.done_day::text AS done_day,
          ${factStatus('f.eff_due_date', day, soon)} AS status,
          CASE WHEN f.eff_due_date IS NULL THEN NULL
               ELSE GREATEST(0, ${upto} - f.eff_due_date) END AS days_overdue,
          CASE WHEN f.eff_due_date IS NULL THEN NULL WHEN ${upto} <= f.eff_due_date THEN 0
               ELSE ${calendar.workingDays('f.eff_due_date', upto)} END AS working_days_overdue,
          f.is_key${extra}
     FROM facts f
     JOIN directives d ON d.id = f.directive_id
     LEFT JOIN agencies a ON a.id = f.lead_agency_id`;
}
