import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

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

  open(storageKey: string): ReadStream {
    if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw new Error('bad storage key');
    return createReadStream(join(this.config.storageDir, storageKey.slice(0, 2), storageKey));
  }

  async remove(storageKey: string): Promise<void> {
    await rm(join(this.config.storageDir, storageKey.slice(0, 2), storageKey), { force: true });
  }
}
