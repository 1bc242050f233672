import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FileStorageService, type StoredFileRef } from './file-storage.service.js';

/** The tables whose rows name stored files. */
const FILE_TABLES = ['attachments', 'part_files'] as const;
type FileTable = (typeof FILE_TABLES)[number];

interface FileToSeal extends StoredFileRef {
  id: string;
  sha256: string;
}

/** What a run did: files sealed that were clear, files moved to the current key, files it could not touch. */
export interface SealingReport {
  sealed: number;
  resealed: number;
  failed: { table: FileTable; id: string; reason: string }[];
}

const BATCH = 100;

/**
 * Brings stored files in line with their tasks' classification and the current key: a clear file of a
 * classified task is sealed, a file sealed under an older key is sealed again under the current one. Each
 * file: the new bytes are written first, then the row names them (only if it still names the old ones),
 * then the old bytes are removed; a run stopped anywhere leaves every row naming a readable file, and the
 * next run carries on.
 */
@Injectable()
export class FileSealingService {
  private readonly logger = new Logger('FileSealing');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: FileStorageService,
  ) {}

  private get currentKeyId(): string {
    return this.storage.currentKeyId;
  }

  /**
   * Seals a task's files now, when its classification has just been raised (call it after that change has
   * committed). Nothing to do for an unclassified task.
   */
  sealTaskFiles(taskId: string): Promise<SealingReport> {
    return this.run(taskId);
  }

  /** `npm run files:reencrypt`: every clear file of a classified task, every file under a non-current key. */
  reencryptAll(): Promise<SealingReport> {
    return this.run(null);
  }

  private async run(taskId: string | null): Promise<SealingReport> {
    const report: SealingReport = { sealed: 0, resealed: 0, failed: [] };
    for (const table of FILE_TABLES) {
      // Keyset pages by id: a file that fails is not met again in this run.
      let after: string | null = null;
      for (;;) {
        const rows: FileToSeal[] = await this.db.query(
          `SELECT f.id, f.storage_key, f.encryption_key_id, f.sha256
             FROM ${table} f JOIN tasks t ON t.id = f.task_id
            WHERE ((f.encryption_key_id IS NULL AND t.classification <> 'normal') OR f.encryption_key_id <> $1)
              AND ($2::uuid IS NULL OR f.task_id = $2) AND ($3::uuid IS NULL OR f.id > $3)
            ORDER BY f.id LIMIT ${BATCH}`,
          [this.currentKeyId, taskId, after],
        );
        for (const row of rows) {
          try {
            const done = await this.reseal(table, row);
            if (done) report[row.encryption_key_id === null ? 'sealed' : 'resealed']++;
          } catch (err) {
            const reason = err instanceof Error ? err.message : String(err);
            report.failed.push({ table, id: row.id, reason });
            this.logger.error({ table, fileId: row.id, err }, 'a stored file could not be sealed');
          }
        }
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1].id;
      }
    }
    return report;
  }

  /** One file: false when its row changed meanwhile (another run got there first). */
  private async reseal(table: FileTable, row: FileToSeal): Promise<boolean> {
    const plain = await this.storage.read(row);
    if (createHash('sha256').update(plain).digest('hex') !== row.sha256) {
      throw new Error('its content does not match the sha256 its row records; left as it is');
    }
    const next = await this.storage.put(plain, true);
    plain.fill(0);
    // A SELECT around the UPDATE: TypeORM hands an UPDATE's rows back as [rows, count].
    const updated: unknown[] = await this.db.query(
      `WITH u AS (UPDATE ${table} SET storage_key = $3, encryption_key_id = $4
                   WHERE id = $1 AND storage_key = $2 RETURNING id)
       SELECT id FROM u`,
      [row.id, row.storage_key, next.storageKey, next.encryptionKeyId],
    );
    if (!updated.length) {
      await this.storage.remove(next.storageKey);
      return false;
    }
    await this.storage.remove(row.storage_key);
    return true;
  }
}
