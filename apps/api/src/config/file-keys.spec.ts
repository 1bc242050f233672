import { randomBytes } from 'node:crypto';
import { buildConfig, ConfigError, parseEnv } from './app-config.js';

const key = () => randomBytes(32).toString('base64');
const resolved = { databaseUrl: 'postgres://x', jwtSecret: 's', embedded: false };

/** The message parseEnv stops with. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    parseEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('file encryption keys (FILE_ENCRYPTION_KEYS, FILE_ENCRYPTION_KEY_ID)', () => {
  it('reads the ring and the current key', () => {
    const [a, b] = [key(), key()];
    const config = buildConfig(
      parseEnv({ FILE_ENCRYPTION_KEYS: ` k1:${a} , k2:${b}`, FILE_ENCRYPTION_KEY_ID: 'k2' }),
      resolved,
    );
    expect(config.fileKeys.currentKeyId).toBe('k2');
    expect([...config.fileKeys.keys.keys()]).toEqual(['k1', 'k2']);
    expect(config.fileKeys.keys.get('k1')?.toString('base64')).toBe(a);
  });

  it('names a key of the wrong length, and does not repeat it', () => {
    const short = randomBytes(16).toString('base64');
    const message = refusal({ FILE_ENCRYPTION_KEYS: `k1:${short}`, FILE_ENCRYPTION_KEY_ID: 'k1' });
    expect(message).toMatch(/FILE_ENCRYPTION_KEYS: key "k1" must be 32 bytes.*it is 16 bytes/);
    expect(message).not.toContain(short);
    expect(refusal({ FILE_ENCRYPTION_KEYS: 'k1:not base64!', FILE_ENCRYPTION_KEY_ID: 'k1' })).toMatch(
      /key "k1" .*not base64/,
    );
  });

  it('names a malformed entry and a repeated id', () => {
    expect(refusal({ FILE_ENCRYPTION_KEYS: key(), FILE_ENCRYPTION_KEY_ID: 'k1' })).toMatch(
      /FILE_ENCRYPTION_KEYS: entry 1 must be id:base64key/,
    );
    expect(refusal({ FILE_ENCRYPTION_KEYS: `k1:${key()},k1:${key()}`, FILE_ENCRYPTION_KEY_ID: 'k1' })).toMatch(
      /key id "k1" appears twice/,
    );
  });

  it('refuses a current id the ring does not hold, and one without a ring or a ring without one', () => {
    expect(refusal({ FILE_ENCRYPTION_KEYS: `k1:${key()}`, FILE_ENCRYPTION_KEY_ID: 'k2' })).toMatch(
      /FILE_ENCRYPTION_KEY_ID: "k2" is not in FILE_ENCRYPTION_KEYS \(its ids: k1\)/,
    );
    expect(refusal({ FILE_ENCRYPTION_KEYS: `k1:${key()}` })).toMatch(/FILE_ENCRYPTION_KEY_ID: required/);
    expect(refusal({ FILE_ENCRYPTION_KEY_ID: 'k1' })).toMatch(/FILE_ENCRYPTION_KEY_ID: set, but/);
  });

  it('requires both in production', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(refusal(production)).toMatch(/FILE_ENCRYPTION_KEYS: required in production/);
    expect(() =>
      parseEnv({ ...production, FILE_ENCRYPTION_KEYS: `k1:${key()}`, FILE_ENCRYPTION_KEY_ID: 'k1' }),
    ).not.toThrow();
  });

  it('uses the local key outside production when none is configured (empty counts as unset)', () => {
    const local = randomBytes(32);
    const config = buildConfig(parseEnv({ FILE_ENCRYPTION_KEYS: '', FILE_ENCRYPTION_KEY_ID: '' }), {
      ...resolved,
      localFileKey: local,
    });
    expect(config.fileKeys.currentKeyId).toBe('local');
    expect(config.fileKeys.keys.get('local')).toBe(local);
  });
});
