// The whole product on a throwaway database, for the scripts that drive Chromium outside Jest
// (scripts/screenshots.mjs, test/bench/board-chromium.mjs): creates `<prefix>_<pid>` on the PostgreSQL
// server named by DATABASE_URL, migrates and seeds the demo province, starts the built API (which serves
// the built board) on a free loopback port, and drops the database again on close.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { buildConfig, createApp, parseEnv, runMigrations, seedDemoProvince } from '@dondoc/api';
import { chromium } from 'playwright-core';

export const DEMO_PASSWORD = 'demo12345';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export async function startStack({ prefix, afterSeed } = { prefix: 'dondoc_tmp' }) {
  const webDir = resolve('apps/web/dist');
  if (!existsSync(join(webDir, 'index.html'))) throw new Error(`${webDir}/index.html is missing: run npm run build`);
  const server =
    process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const storageDir = mkdtempSync(join(tmpdir(), `${prefix}-files-`));
  let app;
  let db;
  const close = async () => {
    await app?.close().catch(() => undefined);
    await db?.end().catch(() => undefined);
    // app.close() resolves while the API's pool may still be hanging up; a DROP ... FORCE that terminated
    // one of those backends would make its pool emit an unhandled 'error' and kill this process.
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin
        .query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name])
        .catch(() => ({ rows: [{ n: 0 }] }));
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    rmSync(storageDir, { recursive: true, force: true });
  };
  try {
    await runMigrations(databaseUrl);
    await seedDemoProvince(databaseUrl, { password: DEMO_PASSWORD, now: new Date(), districts: false });
    db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    if (afterSeed) await afterSeed(db);
    const raw = parseEnv({
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      WEB_DIR: webDir,
      STORAGE_DIR: storageDir,
      SEED_DEMO: 'false',
      // Scripts sign the same accounts in again and again; the limit is the API suites' business.
      LOGIN_LIMIT_PER_ACCOUNT: '100000',
      LOGIN_LIMIT_PER_ADDRESS: '100000',
    });
    const config = buildConfig(raw, { databaseUrl, jwtSecret: randomBytes(32).toString('hex'), embedded: false });
    app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address();
    return { baseUrl: `http://127.0.0.1:${port}`, databaseUrl, db, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Playwright gives every launch a fresh temporary profile (its own --user-data-dir), removed on close. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export async function signIn(page, username) {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="board"][data-ready="true"]').waitFor({ state: 'visible', timeout: 60_000 });
}
