import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TaskState } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { clearance, userSubtreeSql } from '../tasks/task-scope.js';

export interface PeriodRow {
  id: string;
  organisation_id: string;
  kind: 'month' | 'quarter' | 'half_year' | 'year' | 'custom';
  label: string;
  starts_on: string;
  ends_on: string;
  due_date: string;
  opened_at: Date;
  closed_at: Date | null;
  asked: number;
  reported: number;
}

export interface PeriodAgencyRow {
  agency_id: string;
  agency_name: string;
  asked: number;
  reported: number;
}

export interface PeriodTaskRow {
  task_id: string;
  code: string;
  title: string;
  state: TaskState;
  agency_id: string;
  agency_name: string;
  report_id: string | null;
  percent: number | null;
  narrative: string | null;
  reported_at: Date | null;
}

/** A task a period asks (or urges again), locked, with the facts its change needs. */
export interface AskedTaskRow {
  task_id: string;
  state: TaskState;
}

/** Tasks a period asks: work under way or waiting for a decision, with a lead agency. */
export const ASKED_STATES: readonly TaskState[] = ['assigned', 'in_progress', 'submitted'];

const PERIOD_COLUMNS = `rp.id, rp.organisation_id, rp.kind, rp.label, rp.starts_on::text AS starts_on, rp.ends_on::text AS ends_on,
  rp.due_date::text AS due_date, rp.opened_at, rp.closed_at`;

/**
 * Reporting periods and the tasks they ask. An agency sees a period only through its own rows
 * (`agencyId` set): its counts, its tasks; the Office, the Standing Committee and the inspector see all.
 * Whoever reads, a classified task is counted and shown only to the people on its access list (`userId`).
 */
@Injectable()
export class ReportingPeriodsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The new period, or undefined when the same kind and dates exist already. */
  async insert(
    m: EntityManager,
    p: { kind: string; label: string; startsOn: string; endsOn: string; dueDate: string; openedBy: string },
  ): Promise<string | undefined> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO reporting_periods (kind, label, starts_on, ends_on, due_date, opened_by)
       VALUES ($1, $2, $3::date, $4::date, $5::date, $6)
       ON CONFLICT (organisation_id, kind, starts_on, ends_on) DO NOTHING RETURNING id`,
      [p.kind, p.label, p.startsOn, p.endsOn, p.dueDate, p.openedBy],
    );
    return rows[0]?.id;
  }

  /**
   * Asks every open task with a lead agency, in one statement: the tasks are locked (no transition moves one
   * between this and its PROGRESS_REQUESTED change) and each gets its period row with its lead agency.
   */
  askOpenTasks(
    m: EntityManager,
    periodId: string,
  ): Promise<(AskedTaskRow & { escalation_policy: Record<string, unknown> | null })[]> {
    return m.query(
      `WITH open AS (
         SELECT t.id, t.state, t.lead_agency_id, t.directive_id FROM tasks t
          WHERE t.state = ANY($2::text[]) AND t.lead_agency_id IS NOT NULL
            -- The committee's own tasks: each committee asks its own agencies.
            AND t.organisation_id = (SELECT rp.organisation_id FROM reporting_periods rp WHERE rp.id = $1)
          ORDER BY t.id
          FOR UPDATE OF t),
       asked AS (
         INSERT INTO reporting_period_tasks (period_id, task_id, agency_id)
         SELECT $1, id, lead_agency_id FROM open
         RETURNING task_id)
       SELECT o.id AS task_id, o.state, d.escalation_policy
         FROM open o JOIN asked a ON a.task_id = o.id JOIN directives d ON d.id = o.directive_id
        ORDER BY o.id`,
      [periodId, ASKED_STATES],
    );
  }

  /** The period locked against a concurrent close (or a second close); undefined when it does not exist. */
  async lock(m: EntityManager, id: string): Promise<PeriodRow | undefined> {
    const rows: PeriodRow[] = await m.query(
      `SELECT ${PERIOD_COLUMNS}, 0 AS asked, 0 AS reported FROM reporting_periods rp WHERE rp.id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  async close(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE reporting_periods SET closed_at = now() WHERE id = $1 AND closed_at IS NULL`, [id]);
  }

  /**
   * The period's tasks still waiting for a report, still open, locked for their change; `cleared`: whether the user
   * may be told of it (a classified task only to those on its list).
   */
  missingTasks(m: EntityManager, periodId: string, userId: string): Promise<(AskedTaskRow & { cleared: boolean })[]> {
    return m.query(
      `SELECT t.id AS task_id, t.state, ${clearance('t', '$3::uuid')} AS cleared
         FROM reporting_period_tasks rpt JOIN tasks t ON t.id = rpt.task_id
        WHERE rpt.period_id = $1 AND rpt.report_id IS NULL AND t.state = ANY($2::text[])
        ORDER BY t.id
        FOR UPDATE OF t`,
      [periodId, ASKED_STATES, userId],
    );
  }

  /**
   * Periods with their counts; for an agency, only those asking it and only its own rows counted. "Its own" is
   * what it leads now, not when the period opened: a task reassigned since belongs to its new lead.
   */
  list(agencyId: string | null, userId: string): Promise<PeriodRow[]> {
    return this.db.query(
      `SELECT ${PERIOD_COLUMNS}, c.asked, c.reported
         FROM reporting_periods rp
         ${agencyId ? 'JOIN' : 'LEFT JOIN'} LATERAL (
           SELECT count(*)::int AS asked, count(rpt.report_id)::int AS reported
             FROM reporting_period_tasks rpt JOIN tasks t ON t.id = rpt.task_id
            WHERE rpt.period_id = rp.id AND ($1::uuid IS NULL OR t.lead_agency_id = $1) AND ${clearance('t', '$2::uuid')}
           HAVING $1::uuid IS NULL OR count(*) > 0) c ON TRUE
        WHERE ${userSubtreeSql('rp.organisation_id', '$2::uuid')}
        ORDER BY rp.closed_at IS NOT NULL, rp.due_date DESC, rp.opened_at DESC`,
      [agencyId, userId],
    );
  }

  /** One period as the caller may see it; undefined when it does not exist or asks nothing of the agency. */
  async find(id: string, agencyId: string | null, userId: string): Promise<PeriodRow | undefined> {
    const rows: PeriodRow[] = await this.db.query(
      `SELECT ${PERIOD_COLUMNS}, c.asked, c.reported
         FROM reporting_periods rp
         JOIN LATERAL (
           SELECT count(*)::int AS asked, count(rpt.report_id)::int AS reported
             FROM reporting_period_tasks rpt JOIN tasks t ON t.id = rpt.task_id
            WHERE rpt.period_id = rp.id AND ($2::uuid IS NULL OR t.lead_agency_id = $2)
              AND ${clearance('t', '$3::uuid')}) c ON TRUE
        WHERE rp.id = $1 AND ($2::uuid IS NULL OR c.asked > 0) AND ${userSubtreeSql('rp.organisation_id', '$3::uuid')}`,
      [id, agencyId, userId],
    );
    return rows[0];
  }

  byAgency(periodId: string, agencyId: string | null, userId: string): Promise<PeriodAgencyRow[]> {
    return this.db.query(
      `SELECT t.lead_agency_id AS agency_id, a.name AS agency_name, count(*)::int AS asked,
              count(rpt.report_id)::int AS reported
         FROM reporting_period_tasks rpt JOIN tasks t ON t.id = rpt.task_id JOIN agencies a ON a.id = t.lead_agency_id
        WHERE rpt.period_id = $1 AND ($2::uuid IS NULL OR t.lead_agency_id = $2) AND ${clearance('t', '$3::uuid')}
        GROUP BY t.lead_agency_id, a.name, a.sort_order
        ORDER BY count(*) - count(rpt.report_id) DESC, a.sort_order NULLS LAST, a.name`,
      [periodId, agencyId, userId],
    );
  }

  /** Each asked task with the report that answers the period (the latest one named for it). */
  tasks(periodId: string, agencyId: string | null, userId: string): Promise<PeriodTaskRow[]> {
    return this.db.query(
      `SELECT rpt.task_id, t.code, t.title, t.state, t.lead_agency_id AS agency_id, a.name AS agency_name,
              pr.id AS report_id, pr.percent, pr.narrative, pr.created_at AS reported_at
         FROM reporting_period_tasks rpt
         JOIN tasks t ON t.id = rpt.task_id
         JOIN agencies a ON a.id = t.lead_agency_id
         LEFT JOIN progress_reports pr ON pr.id = rpt.report_id
        WHERE rpt.period_id = $1 AND ($2::uuid IS NULL OR t.lead_agency_id = $2) AND ${clearance('t', '$3::uuid')}
        ORDER BY a.name, t.code`,
      [periodId, agencyId, userId],
    );
  }
}
