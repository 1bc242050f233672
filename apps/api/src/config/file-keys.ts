import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { FILE_KEY_BYTES, FILE_KEY_ID, type FileKeyRing } from '../submissions/file-cipher.js';

/** The id of the key `npm start` keeps under DATA_DIR when FILE_ENCRYPTION_KEYS is unset (runtime/secrets.ts). */
export const LOCAL_FILE_KEY_ID = 'local';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// An empty value (`FILE_ENCRYPTION_KEYS=` in a .env, `${X:-}` in compose) is the same as unset.
const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * `FILE_ENCRYPTION_KEYS`: comma-separated `id:base64key`, each key 32 bytes. The messages name ids and
 * lengths, never a key.
 */
export const fileKeysSchema = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .transform((text, ctx) => {
      const keys = new Map<string, Buffer>();
      for (const [i, entry] of text.split(',').entries()) {
        const at = entry.indexOf(':');
        const id = entry.slice(0, Math.max(at, 0)).trim();
        const encoded = entry.slice(at + 1).trim();
        if (at < 0 || !FILE_KEY_ID.test(id)) {
          ctx.addIssue({
            code: 'custom',
            message: `entry ${i + 1} must be id:base64key, the id 1-64 letters, digits, '.', '_' or '-'`,
          });
          return z.NEVER;
        }
        const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
        if (key?.length !== FILE_KEY_BYTES) {
          ctx.addIssue({
            code: 'custom',
            message:
              `key "${id}" must be ${FILE_KEY_BYTES} bytes in base64 (44 characters, e.g. from \`openssl rand -base64 32\`)` +
              (key ? `; it is ${key.length} bytes` : '; it is not base64'),
          });
          return z.NEVER;
        }
        if (keys.has(id)) {
          ctx.addIssue({ code: 'custom', message: `key id "${id}" appears twice` });
          return z.NEVER;
        }
        keys.set(id, key);
      }
      return keys;
    })
    .optional(),
);

/** `FILE_ENCRYPTION_KEY_ID`: the key of the ring new files are sealed with. */
export const fileKeyIdSchema = z.preprocess(
  unsetIfEmpty,
  z.string().trim().regex(FILE_KEY_ID, "must be 1-64 letters, digits, '.', '_' or '-'").optional(),
);

interface FileKeyEnv {
  NODE_ENV: string;
  FILE_ENCRYPTION_KEYS?: ReadonlyMap<string, Buffer>;
  FILE_ENCRYPTION_KEY_ID?: string;
}

/**
 * The two variables together, as `VARIABLE: problem` lines: a current id the ring holds; both required in
 * production.
 */
export function fileKeyEnvIssues(env: FileKeyEnv): string[] {
  const { FILE_ENCRYPTION_KEYS: keys, FILE_ENCRYPTION_KEY_ID: current } = env;
  const issues: string[] = [];
  if (env.NODE_ENV === 'production' && !keys) issues.push('FILE_ENCRYPTION_KEYS: required in production');
  if (keys && !current) {
    issues.push(
      'FILE_ENCRYPTION_KEY_ID: required with FILE_ENCRYPTION_KEYS (the id of the key new files are sealed with)',
    );
  }
  if (current && !keys) issues.push('FILE_ENCRYPTION_KEY_ID: set, but FILE_ENCRYPTION_KEYS is not');
  if (current && keys && !keys.has(current)) {
    issues.push(
      `FILE_ENCRYPTION_KEY_ID: "${current}" is not in FILE_ENCRYPTION_KEYS (its ids: ${[...keys.keys()].join(', ')})`,
    );
  }
  return issues;
}

/**
 * The ring: the configured one; else the key `npm start` keeps under DATA_DIR (`local`); else, for an
 * embedder that gives neither (tests, benches), a key of this process alone, so files it seals are
 * unreadable after it stops. Never the last two in production (parseEnv requires the variables there).
 */
export function fileKeyRingOf(env: FileKeyEnv, localKey?: Buffer): FileKeyRing {
  if (env.FILE_ENCRYPTION_KEYS && env.FILE_ENCRYPTION_KEY_ID) {
    return { currentKeyId: env.FILE_ENCRYPTION_KEY_ID, keys: env.FILE_ENCRYPTION_KEYS };
  }
  if (env.NODE_ENV === 'production') throw new Error('FILE_ENCRYPTION_KEYS is required in production');
  if (localKey) return { currentKeyId: LOCAL_FILE_KEY_ID, keys: new Map([[LOCAL_FILE_KEY_ID, localKey]]) };
  const id = `process-${randomBytes(4).toString('hex')}`;
  return { currentKeyId: id, keys: new Map([[id, randomBytes(FILE_KEY_BYTES)]]) };
}
