import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConfig, createApp, parseEnv, runMigrations, seedDemoProvince, type AppConfig } from '@dondoc/api';
import { DEFAULT_CALENDAR_SETTINGS } from '@dondoc/workflow';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { OpenApiValidator, type OpenApiDocument } from './openapi-validator.js';

export const DEMO_PASSWORD = 'demo12345';
export const CALENDAR_OFF = { ...DEFAULT_CALENDAR_SETTINGS, enabled: false };

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
    // The suites' demo judges deadlines by calendar days (WORKING_CALENDAR=off, as `startTestApp` by default): the
    // figures they expect do not then depend on the weekday the suite runs on.
    await seedDemoProvince(testDatabaseUrl(), {
      password: DEMO_PASSWORD,
      now: new Date(),
      calendar: CALENDAR_OFF,
      districts: false,
    });
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

let own = 0;

/** Drops a database of the suites', if it is there. */
async function dropDatabase(name: string): Promise<void> {
  const c = new pg.Client({ connectionString: testDatabaseUrl() });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

/**
 * A stand-in for a read replica: a copy of the database as it is now that refuses writes, as a hot standby does,
 * and does not follow the primary afterwards, so a suite can tell which of the two a read came from.
 */
async function replicaOf(primaryUrl: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const primary = new URL(primaryUrl).pathname.slice(1);
  const name = `${primary}_replica`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${primary}`);
    await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
  } finally {
    await admin.end();
  }
  const url = new URL(primaryUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => dropDatabase(name) };
}

/**
 * A database of the suite's own, migrated and seeded, dropped by `close`: for a suite whose changes reach every
 * open task of the database (a calendar change reschedules them all), so the shared one stays as the others left it.
 */
async function ownDatabase(calendar: boolean, districts: boolean): Promise<{ url: string; drop(): Promise<void> }> {
  const shared = new URL(testDatabaseUrl());
  const name = `${shared.pathname.slice(1)}_own${++own}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  await seedDemoProvince(url.toString(), {
    password: DEMO_PASSWORD,
    now: new Date(),
    calendar: calendar ? DEFAULT_CALENDAR_SETTINGS : CALENDAR_OFF,
    districts,
  });
  return {
    url: url.toString(),
    drop: () => dropDatabase(name),
  };
}

export async function startTestApp(
  env: Record<string, string> = {},
  options: { ownDatabase?: boolean; demoDistricts?: boolean; reportsReplica?: boolean } = {},
): Promise<TestApp> {
  const ownDb =
    options.ownDatabase || options.reportsReplica
      ? await ownDatabase(env.WORKING_CALENDAR === 'on', options.demoDistricts ?? false)
      : undefined;
  const replica = ownDb && options.reportsReplica ? await replicaOf(ownDb.url) : undefined;
  if (!ownDb) await prepareDatabase();
  const databaseUrl = ownDb?.url ?? testDatabaseUrl();
  // The working calendar is off unless a suite turns it on (WORKING_CALENDAR: 'on'): most suites' timings and
  // figures are in calendar days and must not depend on the day they run.
  const raw = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKING_CALENDAR: 'off',
    ...env,
    ...(replica ? { REPORTS_DATABASE_URL: replica.url } : {}),
  });
  const config: AppConfig = {
    ...buildConfig(raw, {
      databaseUrl,
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
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
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
      await replica?.drop();
      await ownDb?.drop();
    },
  };
}
