import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContributionStatus } from '@dondoc/contracts';
import type { Actor, TaskState } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { taskScope } from '../tasks/task-scope.js';

/** A contribution with its agency's name and the task facts its rules and answer need. */
export interface ContributionRow {
  id: string;
  task_id: string;
  agency_id: string;
  agency_name: string;
  request: string;
  due_date: string | null;
  status: ContributionStatus;
  version: number;
  task_code: string;
  task_title: string;
  task_state: TaskState;
  lead_agency_id: string | null;
  task_due_date: string | null;
}

export interface ContributionVersionRow {
  id: string;
  contribution_id: string;
  seq: number;
  note: string;
  submitted_at: Date;
  submitted_by: string;
  submitted_by_name: string | null;
  decision: 'accepted' | 'returned' | null;
  decision_comment: string | null;
  decided_at: Date | null;
}

export interface PartFileRow {
  id: string;
  owner_id: string;
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

const COLUMNS = `c.id, c.task_id, c.agency_id, a.name AS agency_name, c.request, c.due_date::text AS due_date, c.status,
  c.version, t.code AS task_code, t.title AS task_title, t.state AS task_state, t.lead_agency_id,
  t.due_date::text AS task_due_date`;
const FROM = `contributions c JOIN tasks t ON t.id = c.task_id JOIN agencies a ON a.id = c.agency_id`;

/**
 * The contributions, their versions and files. What a change does to its task (history, notifications,
 * schedule) is written by the task-change writer in the same transaction.
 */
@Injectable()
export class ContributionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findById(id: string, m: DataSource | EntityManager = this.db): Promise<ContributionRow | undefined> {
    const rows: ContributionRow[] = await m.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]);
    return rows[0];
  }

  /** A task's contributions, every one or only one agency's, in the order of the coordinators' names. */
  forTask(taskId: string, onlyAgencyId: string | null): Promise<ContributionRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE c.task_id = $1 AND ($2::uuid IS NULL OR c.agency_id = $2)
        ORDER BY a.name, c.id`,
      [taskId, onlyAgencyId],
    );
  }

  /**
   * Contributions across the tasks the actor sees. An agency sees those asked of it and, as lead, those it
   * awaits; `mine` and `asLead` keep one side. Others who see every task see every contribution.
   */
  list(actor: Actor, filter: { mine: boolean; asLead: boolean }): Promise<ContributionRow[]> {
    const scope = taskScope(actor, 1);
    const params: unknown[] = [...scope.params];
    let own = 'TRUE';
    if (actor.role === 'agency') {
      params.push(actor.agencyId);
      const a = `$${params.length}::uuid`;
      const sides = [
        ...(filter.mine || !filter.asLead ? [`c.agency_id = ${a}`] : []),
        ...(filter.asLead || !filter.mine ? [`t.lead_agency_id = ${a}`] : []),
      ];
      own = `(${sides.join(' OR ')})`;
    }
    return this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE ${scope.sql} AND ${own}
        ORDER BY c.due_date NULLS LAST, t.code, a.name
        LIMIT 1000`,
      params,
    );
  }

  versions(contributionIds: string[]): Promise<ContributionVersionRow[]> {
    if (!contributionIds.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT v.id, v.contribution_id, v.seq, v.note, v.submitted_at, v.submitted_by, u.full_name AS submitted_by_name,
              v.decision, v.decision_comment, v.decided_at
         FROM contribution_versions v LEFT JOIN users u ON u.id = v.submitted_by
        WHERE v.contribution_id = ANY($1::uuid[])
        ORDER BY v.contribution_id, v.seq`,
      [contributionIds],
    );
  }

  files(versionIds: string[]): Promise<PartFileRow[]> {
    if (!versionIds.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT id, owner_id, file_name, mime_type, size_bytes, storage_key, encryption_key_id FROM part_files
        WHERE owner_kind = 'contribution_version' AND owner_id = ANY($1::uuid[])
        ORDER BY created_at, id`,
      [versionIds],
    );
  }

  async findFile(contributionId: string, fileId: string): Promise<PartFileRow | undefined> {
    const rows: PartFileRow[] = await this.db.query(
      `SELECT f.id, f.owner_id, f.file_name, f.mime_type, f.size_bytes, f.storage_key, f.encryption_key_id
         FROM part_files f JOIN contribution_versions v ON v.id = f.owner_id
        WHERE f.owner_kind = 'contribution_version' AND f.id = $2 AND v.contribution_id = $1`,
      [contributionId, fileId],
    );
    return rows[0];
  }

  /** The statuses of a task's contributions (for the lead's SUBMIT). */
  statuses(
    taskId: string,
    m: DataSource | EntityManager = this.db,
  ): Promise<{ agency_id: string; status: ContributionStatus }[]> {
    return m.query(`SELECT agency_id, status FROM contributions WHERE task_id = $1 ORDER BY agency_id`, [taskId]);
  }

  /** Locks one contribution (the task is locked first by the caller, always in that order). */
  async lock(
    m: EntityManager,
    where: { id: string } | { taskId: string; agencyId: string },
  ): Promise<
    { id: string; status: ContributionStatus; version: number; due_date: string | null; agency_id: string } | undefined
  > {
    const byId = 'id' in where;
    const rows = await m.query(
      `SELECT id, status, version, due_date::text AS due_date, agency_id FROM contributions
        WHERE ${byId ? 'id = $1' : 'task_id = $1 AND agency_id = $2'} FOR UPDATE`,
      byId ? [where.id] : [where.taskId, where.agencyId],
    );
    return rows[0];
  }

  async insert(
    m: EntityManager,
    c: { taskId: string; agencyId: string; request: string; dueDate: string; createdBy: string },
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO contributions (task_id, agency_id, request, due_date, created_by)
       VALUES ($1, $2, $3, $4::date, $5) RETURNING id`,
      [c.taskId, c.agencyId, c.request, c.dueDate, c.createdBy],
    );
    return rows[0].id;
  }

  async updateAsk(m: EntityManager, id: string, request: string, dueDate: string, version: number): Promise<void> {
    await m.query(
      `UPDATE contributions SET request = $2, due_date = $3::date, version = $4, updated_at = now() WHERE id = $1`,
      [id, request, dueDate, version],
    );
  }

  async setStatus(m: EntityManager, id: string, status: ContributionStatus): Promise<void> {
    await m.query(`UPDATE contributions SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
  }

  /** A new version handed in, with its files: its seq is the next one. */
  async insertVersion(
    m: EntityManager,
    v: { contributionId: string; taskId: string; note: string; submittedBy: string; files: NewPartFile[] },
  ): Promise<{ id: string; seq: number }> {
    const rows: { id: string; seq: number }[] = await m.query(
      `INSERT INTO contribution_versions (contribution_id, seq, note, submitted_by)
       SELECT $1, COALESCE(max(seq), 0) + 1, $2, $3 FROM contribution_versions WHERE contribution_id = $1
       RETURNING id, seq`,
      [v.contributionId, v.note, v.submittedBy],
    );
    const version = rows[0];
    if (v.files.length) {
      await m.query(
        `INSERT INTO part_files (task_id, owner_kind, owner_id, file_name, mime_type, size_bytes, sha256, storage_key, uploaded_by,
                                 encryption_key_id)
         SELECT $1, 'contribution_version', $2, f.file_name, f.mime_type, f.size_bytes, f.sha256, f.storage_key, $3, f.encryption_key_id
           FROM jsonb_to_recordset($4::jsonb)
                AS f(file_name text, mime_type text, size_bytes int, sha256 text, storage_key text,
                     encryption_key_id text)`,
        [
          v.taskId,
          version.id,
          v.submittedBy,
          JSON.stringify(
            v.files.map((f) => ({
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
    return version;
  }

  /** The decision on the latest version (the one awaiting it); its seq. */
  async decideLatest(
    m: EntityManager,
    contributionId: string,
    d: { decision: 'accepted' | 'returned'; comment: string | null; decidedBy: string },
  ): Promise<number | undefined> {
    // Through a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count], a SELECT with rows.
    const rows: { seq: number }[] = await m.query(
      `WITH d AS (
         UPDATE contribution_versions v SET decision = $2, decision_comment = $3, decided_by = $4, decided_at = now()
          WHERE v.contribution_id = $1 AND v.decision IS NULL
            AND v.seq = (SELECT max(seq) FROM contribution_versions WHERE contribution_id = $1)
          RETURNING v.seq)
       SELECT seq FROM d`,
      [contributionId, d.decision, d.comment, d.decidedBy],
    );
    return rows[0]?.seq;
  }
}
