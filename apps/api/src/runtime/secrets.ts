import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../config/app-config.js';

/** Without JWT_SECRET (development only) a random secret is kept under the data directory. */
export async function localJwtSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Without FILE_ENCRYPTION_KEYS (development only) a random file key is kept under the data directory, next
 * to the database it belongs with: files sealed with it are lost with it.
 */
export async function localFileKey(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, 'file-key');
  if (existsSync(file)) {
    const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    if (key.length !== 32) throw new ConfigError(`${file}: not a 32-byte key in base64; restore it from a backup`);
    return key;
  }
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32);
  await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}
