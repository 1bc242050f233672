import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConfig, createApp, parseEnv, runMigrations, seedDemoProvince, type AppConfig } from '@dondoc/api';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { OpenApiValidator, type OpenApiDocument } from './openapi-validator.js';

export const DEMO_PASSWORD = 'demo12345';

export function testDatabaseUrl(): string {
  const url = process.env.DONDOC_TEST_DATABASE_URL;
  if (!url) throw new Error('DONDOC_TEST_DATABASE_URL is not set: run the suites through `npm test`');
  return url;
}

let prepared: Promise<void> | undefined;

/** Migrations and the demo province, once per database (both are idempotent across suites). */
export function prepareDatabase(): Promise<void> {
  prepared ??= (async () => {
    await runMigrations(testDatabaseUrl());
    await seedDemoProvince(testDatabaseUrl(), { password: DEMO_PASSWORD, now: new Date() });
  })();
  return prepared;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
let validator: Promise<OpenApiValidator> | undefined;

/**
 * supertest, with every answer checked against the served OpenAPI document (openapi-validator.ts):
 * a response the document does not describe fails the request's test.
 */
function validatedAgent(agent: ReturnType<typeof request>, check: OpenApiValidator): ReturnType<typeof request> {
  return new Proxy(agent, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !HTTP_METHODS.has(prop) || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => request.Test).apply(target, args).expect((res) => {
          const problem = check.check(res);
          if (problem) throw new Error(`OpenAPI: ${problem}`);
        });
    },
  });
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  db: pg.Pool;
  token(username: string): Promise<string>;
  as(username: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  await prepareDatabase();
  const raw = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const config: AppConfig = {
    ...buildConfig(raw, {
      databaseUrl: testDatabaseUrl(),
      jwtSecret: 'test-secret-that-is-long-enough-0123456789',
      embedded: false,
    }),
    storageDir: mkdtempSync(join(tmpdir(), 'dondoc-files-')),
  };
  const app = await createApp(config);
  await app.init();
  const server = app.getHttpServer();
  validator ??= request(server)
    .get('/api/docs/openapi.json')
    .then((res) => new OpenApiValidator(res.body as OpenApiDocument));
  const check = await validator;
  const db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 });
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    const cached = tokens.get(username);
    if (cached) return cached;
    const res = await request(server).post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    tokens.set(username, res.body.accessToken);
    return res.body.accessToken as string;
  };
  return {
    app,
    http: validatedAgent(request(server), check),
    config,
    db,
    token,
    as: async (username) => ({ Authorization: `Bearer ${await token(username)}` }),
    close: async () => {
      await db.end();
      await app.close();
      rmSync(config.storageDir, { recursive: true, force: true });
    },
  };
}
