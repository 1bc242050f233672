import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Classification } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';

export interface SubmissionRow {
  id: string;
  seq: number;
  revision: number;
  note: string;
  submitted_by: string;
  submitted_by_name: string | null;
  submitted_at: Date;
  decision: 'approved' | 'returned' | null;
  decision_comment: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
}

export interface FileRow {
  id: string;
  submission_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  /** The key that sealed the stored file; null: in clear. */
  encryption_key_id: string | null;
}

export interface NewFile {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  encryptionKeyId: string | null;
}

@Injectable()
export class SubmissionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forTask(taskId: string): Promise<{ submissions: SubmissionRow[]; files: FileRow[] }> {
    const [submissions, files] = await Promise.all([
      this.db.query<SubmissionRow[]>(
        `SELECT s.id, s.seq, s.revision, s.note, s.submitted_by, su.full_name AS submitted_by_name, s.submitted_at,
                s.decision, s.decision_comment, s.decided_by, du.full_name AS decided_by_name, s.decided_at
           FROM submissions s
           LEFT JOIN users su ON su.id = s.submitted_by
           LEFT JOIN users du ON du.id = s.decided_by
          WHERE s.task_id = $1 ORDER BY s.seq`,
        [taskId],
      ),
      this.db.query<FileRow[]>(
        `SELECT id, submission_id, file_name, mime_type, size_bytes, sha256, storage_key, encryption_key_id
           FROM attachments WHERE task_id = $1 ORDER BY created_at, id`,
        [taskId],
      ),
    ]);
    return { submissions, files };
  }

  async findFile(taskId: string, fileId: string): Promise<FileRow | undefined> {
    const rows: FileRow[] = await this.db.query(
      `SELECT id, submission_id, file_name, mime_type, size_bytes, sha256, storage_key, encryption_key_id
         FROM attachments WHERE id = $1 AND task_id = $2`,
      [fileId, taskId],
    );
    return rows[0];
  }

  /** The task's classification (read after the caller locked the task, so it holds until commit). */
  async classificationOf(m: EntityManager, taskId: string): Promise<Classification> {
    const sql = `SELECT classification FROM tasks WHERE id = $1`;
    const rows: { classification: Classification }[] = await m.query(sql, [taskId]);
    return rows[0].classification;
  }

  /**
   * A new deliverable version with its files, only while the task is still in progress at the revision
   * the caller saw (the row lock on the task orders concurrent uploads and transitions). Runs inside the
   * transaction that records the upload as a change of the task.
   */
  async insert(
    m: EntityManager,
    taskId: string,
    revision: number,
    note: string,
    userId: string,
    files: NewFile[],
  ): Promise<{ id: string; seq: number } | undefined> {
    const locked: unknown[] = await m.query(
      `SELECT 1 FROM tasks WHERE id = $1 AND state = 'in_progress' AND revision = $2 FOR UPDATE`,
      [taskId, revision],
    );
    if (!locked.length) return undefined;
    const rows: { id: string; seq: number }[] = await m.query(
      `INSERT INTO submissions (task_id, seq, revision, note, submitted_by)
       VALUES ($1, (SELECT COALESCE(max(seq), 0) + 1 FROM submissions WHERE task_id = $1), $2, $3, $4)
       RETURNING id, seq`,
      [taskId, revision, note, userId],
    );
    for (const f of files) {
      await m.query(
        `INSERT INTO attachments (task_id, submission_id, file_name, mime_type, size_bytes, sha256, storage_key, uploaded_by,
                                  encryption_key_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [taskId, rows[0].id, f.fileName, f.mimeType, f.sizeBytes, f.sha256, f.storageKey, userId, f.encryptionKeyId],
      );
    }
    return rows[0];
  }
}
