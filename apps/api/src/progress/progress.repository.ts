import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface ProgressReportRow {
  id: string;
  task_id: string;
  period_id: string | null;
  period_label: string | null;
  percent: number;
  narrative: string;
  agency_id: string;
  reported_by: string;
  reported_by_name: string | null;
  created_at: Date;
}

export interface PartFileRow {
  id: string;
  owner_id: string;
  task_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  storage_key: string;
  /** The key that sealed the stored file; null: in clear. */
  encryption_key_id: string | null;
}

export interface NewPartFile {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  encryptionKeyId: string | null;
}

/** An open period asking this task, with whether its row has a report already. */
export interface PeriodAskRow {
  period_id: string;
  label: string;
  due_date: string;
  reported: boolean;
}

const REPORT_COLUMNS = `pr.id, pr.task_id, pr.period_id, rp.label AS period_label, pr.percent, pr.narrative, pr.agency_id,
  pr.reported_by, u.full_name AS reported_by_name, pr.created_at`;
const REPORT_FROM = `progress_reports pr
  LEFT JOIN reporting_periods rp ON rp.id = pr.period_id
  LEFT JOIN users u ON u.id = pr.reported_by`;

/**
 * Progress reports and their files. What a report does to its task (percentage, history, notifications) is
 * written by the task-change writer in the same transaction.
 */
@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A task's reports, newest first. */
  forTask(taskId: string): Promise<ProgressReportRow[]> {
    return this.db.query(
      `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE pr.task_id = $1 ORDER BY pr.created_at DESC, pr.id DESC`,
      [taskId],
    );
  }

  findReport(id: string): Promise<ProgressReportRow | undefined> {
    return this.db
      .query<ProgressReportRow[]>(`SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE pr.id = $1`, [id])
      .then((r) => r[0]);
  }

  filesOf(reportIds: string[]): Promise<PartFileRow[]> {
    if (!reportIds.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT id, owner_id, task_id, file_name, mime_type, size_bytes, storage_key, encryption_key_id FROM part_files
        WHERE owner_kind = 'progress_report' AND owner_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [reportIds],
    );
  }

  findFile(reportId: string, fileId: string): Promise<PartFileRow | undefined> {
    return this.db
      .query<PartFileRow[]>(
        `SELECT id, owner_id, task_id, file_name, mime_type, size_bytes, storage_key, encryption_key_id FROM part_files
          WHERE id = $1 AND owner_kind = 'progress_report' AND owner_id = $2`,
        [fileId, reportId],
      )
      .then((r) => r[0]);
  }

  /** The open periods that ask this task for a report. */
  openPeriodsAsking(taskId: string, m: DataSource | EntityManager = this.db): Promise<PeriodAskRow[]> {
    return m.query(
      `SELECT rp.id AS period_id, rp.label, rp.due_date::text AS due_date, rpt.report_id IS NOT NULL AS reported
         FROM reporting_period_tasks rpt JOIN reporting_periods rp ON rp.id = rpt.period_id
        WHERE rpt.task_id = $1 AND rp.closed_at IS NULL
        ORDER BY rp.due_date, rp.opened_at, rp.id`,
      [taskId],
    );
  }

  /** The period's row for this task, the period locked (a closing Office waits for the report, or wins). */
  async lockPeriodAsk(
    m: EntityManager,
    periodId: string,
    taskId: string,
  ): Promise<{ closed: boolean; asked: boolean } | undefined> {
    const rows: { closed: boolean; asked: boolean }[] = await m.query(
      `SELECT rp.closed_at IS NOT NULL AS closed,
              EXISTS (SELECT 1 FROM reporting_period_tasks WHERE period_id = rp.id AND task_id = $2) AS asked
         FROM reporting_periods rp WHERE rp.id = $1 FOR SHARE`,
      [periodId, taskId],
    );
    return rows[0];
  }

  async insertReport(
    m: EntityManager,
    r: {
      taskId: string;
      periodId: string | null;
      percent: number;
      narrative: string;
      agencyId: string;
      userId: string;
    },
    files: NewPartFile[],
  ): Promise<{ id: string; created_at: Date }> {
    const rows: { id: string; created_at: Date }[] = await m.query(
      `INSERT INTO progress_reports (task_id, period_id, percent, narrative, agency_id, reported_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
      [r.taskId, r.periodId, r.percent, r.narrative, r.agencyId, r.userId],
    );
    const report = rows[0];
    if (files.length) {
      await m.query(
        `INSERT INTO part_files (task_id, owner_kind, owner_id, file_name, mime_type, size_bytes, sha256, storage_key, uploaded_by,
                                 encryption_key_id)
         SELECT $1, 'progress_report', $2, f.file_name, f.mime_type, f.size_bytes, f.sha256, f.storage_key, $3, f.encryption_key_id
           FROM jsonb_to_recordset($4::jsonb)
                AS f(file_name text, mime_type text, size_bytes int, sha256 text, storage_key text,
                     encryption_key_id text)`,
        [
          r.taskId,
          report.id,
          r.userId,
          JSON.stringify(
            files.map((f) => ({
              file_name: f.fileName,
              mime_type: f.mimeType,
              size_bytes: f.sizeBytes,
              sha256: f.sha256,
              storage_key: f.storageKey,
              encryption_key_id: f.encryptionKeyId,
            })),
          ),
        ],
      );
    }
    return report;
  }

  /**
   * Marks the report in the periods it answers: the named open period (the latest report for it wins), or,
   * with none named, every open period whose row for this task is still waiting. Returns those periods.
   */
  async answerPeriods(m: EntityManager, taskId: string, reportId: string, periodId: string | null): Promise<string[]> {
    // A SELECT around the UPDATE: TypeORM hands an UPDATE's rows back as [rows, count].
    const rows: { period_id: string; due_date: string }[] = await m.query(
      periodId
        ? `WITH u AS (UPDATE reporting_period_tasks rpt SET report_id = $2
             FROM reporting_periods rp
            WHERE rpt.period_id = $3 AND rpt.task_id = $1 AND rp.id = rpt.period_id AND rp.closed_at IS NULL
           RETURNING rpt.period_id, rp.due_date::text AS due_date) SELECT * FROM u`
        : `WITH u AS (UPDATE reporting_period_tasks rpt SET report_id = $2
             FROM reporting_periods rp
            WHERE rpt.task_id = $1 AND rpt.report_id IS NULL AND rp.id = rpt.period_id AND rp.closed_at IS NULL
           RETURNING rpt.period_id, rp.due_date::text AS due_date) SELECT * FROM u`,
      periodId ? [taskId, reportId, periodId] : [taskId, reportId],
    );
    // The earliest due first: it names the report's period when the report named none.
    return rows
      .sort((a, b) => a.due_date.localeCompare(b.due_date) || a.period_id.localeCompare(b.period_id))
      .map((r) => r.period_id);
  }

  /** A report that answered a period without naming it is recorded as that period's. */
  async setReportPeriod(m: EntityManager, reportId: string, periodId: string): Promise<void> {
    await m.query(`UPDATE progress_reports SET period_id = $2 WHERE id = $1`, [reportId, periodId]);
  }
}
