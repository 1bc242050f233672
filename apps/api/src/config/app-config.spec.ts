import { buildConfig, ConfigError, parseEnv } from './app-config.js';

describe('configuration', () => {
  it('names every bad variable', () => {
    expect(() => parseEnv({ PORT: 'abc', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      parseEnv({ PORT: 'abc', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => parseEnv({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('seeds the demo by default only on the embedded database', () => {
    const raw = parseEnv({});
    expect(buildConfig(raw, { databaseUrl: 'postgres://x', jwtSecret: 's', embedded: true }).seedDemo).toBe(true);
    expect(buildConfig(raw, { databaseUrl: 'postgres://x', jwtSecret: 's', embedded: false }).seedDemo).toBe(false);
    expect(
      buildConfig(parseEnv({ SEED_DEMO: 'true' }), { databaseUrl: 'x', jwtSecret: 's', embedded: false }).seedDemo,
    ).toBe(true);
  });

  it('splits the CORS allow-list and converts the upload limit to bytes', () => {
    const c = buildConfig(parseEnv({ CORS_ORIGINS: 'https://a.example, https://b.example', MAX_UPLOAD_MB: '2' }), {
      databaseUrl: 'x',
      jwtSecret: 's',
      embedded: false,
    });
    expect(c.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.maxUploadBytes).toBe(2 * 1024 * 1024);
  });

  it('reads the default sub-deadline of a contribution and names a bad one', () => {
    const at = (env: NodeJS.ProcessEnv) =>
      buildConfig(parseEnv(env), { databaseUrl: 'x', jwtSecret: 's', embedded: false }).contributionDefaultDaysBefore;
    expect(at({})).toBe(5);
    expect(at({ CONTRIBUTION_DEFAULT_DAYS_BEFORE: '10' })).toBe(10);
    expect(() => parseEnv({ CONTRIBUTION_DEFAULT_DAYS_BEFORE: '-1' })).toThrow(/CONTRIBUTION_DEFAULT_DAYS_BEFORE/);
  });
});
