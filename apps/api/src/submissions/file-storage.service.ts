import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Classification } from '@dondoc/workflow';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiError } from '../common/api-error.js';
import { FileCipherError, openSealedFile, sealFile } from './file-cipher.js';
import { checkFileType, cleanFileName } from './file-type-check.js';

/** A file as multer hands it over (memory storage). */
export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** An uploaded file checked and written, ready for its row. */
export interface StoredFile {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** Of the content as uploaded (never of the sealed bytes). */
  sha256: string;
  storageKey: string;
  /** The key that sealed it; null: stored in clear. */
  encryptionKeyId: string | null;
}

/** What reading a file back needs of its row (`attachments` or `part_files`). */
export interface StoredFileRef {
  storage_key: string;
  encryption_key_id: string | null;
}

/** Files of a task at this level are sealed at rest; an unclassified task's stay in clear. */
export function sealsFilesOf(classification: Classification): boolean {
  return classification !== 'normal';
}

/**
 * Files live on disk under server-generated keys; the uploaded name never touches the file system. Files
 * of classified tasks are sealed (AES-256-GCM, file-cipher.ts) with the configured key ring's current key.
 */
@Injectable()
export class FileStorageService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The key new files are sealed with. */
  get currentKeyId(): string {
    return this.config.fileKeys.currentKeyId;
  }

  async put(
    content: Buffer,
    seal = false,
  ): Promise<{ storageKey: string; sha256: string; encryptionKeyId: string | null }> {
    const storageKey = randomUUID();
    const sha256 = createHash('sha256').update(content).digest('hex');
    const sealed = seal ? sealFile(content, this.config.fileKeys) : undefined;
    const dir = join(this.config.storageDir, storageKey.slice(0, 2));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, storageKey), sealed?.sealed ?? content, { flag: 'wx', mode: 0o600 });
    return { storageKey, sha256, encryptionKeyId: sealed?.keyId ?? null };
  }

  /**
   * Checks every upload's type first (415 before anything is written), then writes them, sealed when the
   * task is classified; a failed write removes what was written. The caller removes the files (`removeAll`)
   * when the row that should name them is not made.
   */
  async checkAndPut(uploads: readonly UploadedFile[], classification: Classification): Promise<StoredFile[]> {
    const checked: { upload: UploadedFile; mime: string; name: string }[] = [];
    for (const upload of uploads) {
      const name = cleanFileName(upload.originalname);
      const verdict = await checkFileType(name, upload.buffer);
      if (!verdict.ok) throw new ApiError(415, 'FILE_TYPE_NOT_ALLOWED', verdict.reason);
      checked.push({ upload, mime: verdict.mime, name });
    }
    const stored: StoredFile[] = [];
    try {
      for (const { upload, mime, name } of checked) {
        const put = await this.put(upload.buffer, sealsFilesOf(classification));
        stored.push({ fileName: name, mimeType: mime, sizeBytes: upload.size, ...put });
      }
      return stored;
    } catch (err) {
      await this.removeAll(stored);
      throw err;
    }
  }

  /**
   * Inside the upload's transaction, the task row locked: a task classified since its files were written in
   * clear refuses them (the files are removed by the caller), so no clear file of a classified task gets a row.
   * The client uploads again and the files are sealed.
   */
  confirmSealed(classification: Classification, stored: readonly StoredFile[]): void {
    if (sealsFilesOf(classification) && stored.some((f) => f.encryptionKeyId === null)) {
      throw new ApiError(
        409,
        'VERSION_CONFLICT',
        'Nhiệm vụ vừa được xác định độ mật; hãy tải tệp lên lại / The task was classified while you were uploading; upload the files again',
      );
    }
  }

  async removeAll(files: readonly Pick<StoredFile, 'storageKey'>[]): Promise<void> {
    await Promise.all(files.map((f) => this.remove(f.storageKey)));
  }

  /**
   * The content to send: a clear file streamed from disk; a sealed one opened whole (uploads are held in
   * memory too), its tag checked before any byte leaves, so a download never carries bytes of an altered file.
   */
  async open(file: StoredFileRef): Promise<Readable> {
    if (file.encryption_key_id === null) return createReadStream(this.pathOf(file.storage_key));
    return Readable.from([await this.read(file)], { objectMode: false });
  }

  /** The whole content as uploaded, opened and checked when sealed. */
  async read(file: StoredFileRef): Promise<Buffer> {
    const bytes = await readFile(this.pathOf(file.storage_key));
    if (file.encryption_key_id === null) return bytes;
    try {
      const { plain, keyId } = openSealedFile(bytes, this.config.fileKeys);
      // The header is authenticated: a row naming another key means the file under this key was swapped.
      if (keyId !== file.encryption_key_id) {
        throw new FileCipherError('integrity', `The stored file is sealed with "${keyId}", its row names another key`);
      }
      return plain;
    } catch (err) {
      throw err instanceof FileCipherError ? unreadable(err) : err;
    }
  }

  async remove(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }

  private pathOf(storageKey: string): string {
    if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw new Error('bad storage key');
    return join(this.config.storageDir, storageKey.slice(0, 2), storageKey);
  }
}

/** A server-side failure with a stable code: the cause (which key, what failed) goes to the log with it. */
function unreadable(err: FileCipherError): ApiError {
  const error =
    err.reason === 'unknown-key'
      ? new ApiError(
          500,
          'FILE_KEY_UNKNOWN',
          'Không mở được tệp: khóa mã hóa của tệp không còn trong cấu hình / The file is sealed with a key the server no longer holds',
        )
      : new ApiError(
          500,
          'FILE_INTEGRITY_FAILED',
          'Tệp lưu trữ không qua được kiểm tra toàn vẹn / The stored file failed its integrity check',
        );
  error.cause = err;
  return error;
}
