import { createDataSource } from '@dondoc/persistence';
import type { AppConfig } from '../config/app-config.js';
import { FileSealingService, type SealingReport } from './file-sealing.service.js';
import { FileStorageService } from './file-storage.service.js';

/**
 * `npm run files:reencrypt` (main.ts `files:reencrypt`): seals every clear file of a classified task and moves
 * every file sealed under another key to FILE_ENCRYPTION_KEY_ID's, on a short-lived connection of its own.
 * Safe to run again, and while the API serves.
 */
export async function reencryptStoredFiles(config: AppConfig): Promise<SealingReport> {
  const db = createDataSource({ url: config.databaseUrl, poolSize: 2 });
  await db.initialize();
  try {
    return await new FileSealingService(db, new FileStorageService(config)).reencryptAll();
  } finally {
    await db.destroy();
  }
}
