import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiError } from '../common/api-error.js';
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
  sha256: string;
  storageKey: string;
}

/** Files live on disk under server-generated keys; the uploaded name never touches the file system. */
@Injectable()
export class FileStorageService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async put(content: Buffer): Promise<{ storageKey: string; sha256: string }> {
    const storageKey = randomUUID();
    const sha256 = createHash('sha256').update(content).digest('hex');
    const dir = join(this.config.storageDir, storageKey.slice(0, 2));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, storageKey), content, { flag: 'wx', mode: 0o600 });
    return { storageKey, sha256 };
  }

  /**
   * Checks every upload's type first (415 before anything is written), then writes them; a failed write removes
   * what was written. The caller removes the files (`removeAll`) when the row that should name them is not made.
   */
  async checkAndPut(uploads: readonly UploadedFile[]): Promise<StoredFile[]> {
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
        const { storageKey, sha256 } = await this.put(upload.buffer);
        stored.push({ fileName: name, mimeType: mime, sizeBytes: upload.size, sha256, storageKey });
      }
      return stored;
    } catch (err) {
      await this.removeAll(stored);
      throw err;
    }
  }

  async removeAll(files: readonly Pick<StoredFile, 'storageKey'>[]): Promise<void> {
    await Promise.all(files.map((f) => this.remove(f.storageKey)));
  }

  open(storageKey: string): ReadStream {
    if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw new Error('bad storage key');
    return createReadStream(join(this.config.storageDir, storageKey.slice(0, 2), storageKey));
  }

  async remove(storageKey: string): Promise<void> {
    await rm(join(this.config.storageDir, storageKey.slice(0, 2), storageKey), { force: true });
  }
}
