// Shared pieces of the benchmark suite (test/bench/run.mjs and the benches it runs): a throwaway database
// per bench, a private redis-server, bulk tasks, percentiles, and the capture of the SQL that one
// transition sends (so the raw references replay exactly the service's statements).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
// BENCH_API_MODULE: another build of the API (a copy of apps/api/dist, e.g. before a change), for before/after
// figures measured in the same session.
const { buildConfig, createApp, parseEnv, runMigrations, seedDemoProvince } = await import(
  process.env.BENCH_API_MODULE ?? '@dondoc/api'
);

export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const PASSWORD = 'bench-password';
export const AGENCY = 'ban-tuyen-giao';
export const POOL_SIZE = 10; // the API's DB_POOL_SIZE default; every raw reference uses the same

export const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
export const QUICK = process.argv.includes('--quick');

export const pct = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null;
export const round = (x, d = 2) => (x == null || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
export const median = (xs) =>
  pct(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
export const emit = (o) => console.log(JSON.stringify({ ...o, load1: round(loadavg()[0]) }));
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A database of its own, migrated and seeded with the demo province; `drop()` removes it. */
export async function throwawayDb(tag) {
  const name = `dondoc_bench_${tag}_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  await runMigrations(dbUrl);
  await seedDemoProvince(dbUrl, { password: PASSWORD, now: new Date() });
  const pool = new pg.Pool({ connectionString: dbUrl, max: POOL_SIZE });
  return {
    name,
    url: dbUrl,
    pool,
    async drop() {
      // A pool left open somewhere (the app's own, closing late) hears "terminating connection due to
      // administrator command" from the FORCE below: expected at this point, not a crash.
      process.on('uncaughtException', (err) => {
        if (err?.code !== '57P01') throw err;
      });
      await pool.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end().catch(() => undefined);
    },
  };
}

/** A redis-server of our own (no persistence), so nothing touches the machine's Redis. */
export async function privateRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    await sleep(100);
    const ok = await new Promise((resolve) => {
      const c = spawn('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' });
      c.on('exit', (code) => resolve(code === 0));
    });
    if (ok) break;
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop() {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `count` tasks in state `assigned`, led by AGENCY, no coordinating agencies, due 2030-12-31, modelled on
 * makeTask() in test/e2e/support/fixtures.ts. Returns their ids in insertion order.
 */
export async function bulkAssignedTasks(pool, count, prefix = 'BENCH') {
  const { rows } = await pool.query(
    `INSERT INTO tasks (directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                        coordinating_agency_ids, due_date, deadline_text, state, search_text, created_by, deadline_version)
     SELECT (SELECT id FROM directives WHERE number = '07-CTr/TU'), $2 || '-' || g, 'Kế hoạch thử tải ' || g, '',
            'ke_hoach', 'economy', (SELECT id FROM agencies WHERE code = $3), '{}', DATE '2030-12-31', 'quý IV-2030',
            'assigned', lower($2 || '-' || g), (SELECT id FROM users WHERE username = 'vanphong'), 1
       FROM generate_series(1, $1::int) g
     RETURNING id`,
    [count, `${prefix}-${randomBytes(3).toString('hex')}`, AGENCY],
  );
  await pool.query('ANALYZE tasks');
  return rows.map((r) => r.id);
}

export async function agencyUser(pool) {
  const { rows } = await pool.query(
    `SELECT u.id, u.username, u.full_name, u.role, u.agency_id FROM users u JOIN agencies a ON a.id = u.agency_id
      WHERE a.code = $1 AND u.active ORDER BY u.username LIMIT 1`,
    [AGENCY],
  );
  const r = rows[0];
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    role: r.role,
    agencyId: r.agency_id,
    sessionId: 'bench',
  };
}

/**
 * Counts every statement any pg client in this process sends (TypeORM's driver is this same `pg`), and
 * optionally records their text and parameters.
 */
export function instrumentPg() {
  const state = { count: 0, record: null };
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, cb) {
    state.count++;
    if (state.record) {
      const text = typeof config === 'string' ? config : config?.text;
      const params = Array.isArray(values) ? values : config?.values;
      state.record.push({ text, params: params ? [...params] : [] });
    }
    return original.call(this, config, values, cb);
  };
  return {
    state,
    restore() {
      pg.Client.prototype.query = original;
    },
  };
}

/** The Nest application exactly as production builds it (not listening unless asked). */
export async function nestApp(dbUrl, redisUrl, extraEnv = {}) {
  const jwtSecret = randomBytes(32).toString('hex');
  const raw = parseEnv({
    JWT_SECRET: jwtSecret,
    FILE_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    FILE_ENCRYPTION_KEY_ID: 'bench',
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'warn',
    WEB_DIR: '',
    SEED_DEMO: 'false',
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'bench-files-')),
    LOGIN_LIMIT_PER_ACCOUNT: '100000',
    LOGIN_LIMIT_PER_ADDRESS: '100000',
    ...extraEnv,
  });
  const config = buildConfig(raw, { databaseUrl: dbUrl, jwtSecret, embedded: false });
  return { app: await createApp(config), config };
}

/**
 * Replays recorded statements for another task: every string parameter (and the text) has the recorded
 * task's id replaced by the new one (job ids and dedupe keys embed it).
 */
export function retarget(recorded, fromId, toId) {
  return recorded.map(({ text, params }) => ({
    text,
    params: params.map((p) => (typeof p === 'string' ? p.split(fromId).join(toId) : p)),
  }));
}

export async function machineFacts(pool) {
  const q = async (sql) => (await pool.query(sql)).rows[0];
  const redisVersion = await new Promise((resolve) => {
    const c = spawn('redis-server', ['--version']);
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('exit', () => resolve(/v=(\S+)/.exec(out)?.[1] ?? out.trim()));
    c.on('error', () => resolve(null));
  });
  return {
    postgres: (await q('SHOW server_version')).server_version,
    synchronousCommit: (await q('SHOW synchronous_commit')).synchronous_commit,
    fsync: (await q('SHOW fsync')).fsync,
    sharedBuffers: (await q('SHOW shared_buffers')).shared_buffers,
    maxConnections: Number((await q('SHOW max_connections')).max_connections),
    redis: redisVersion,
  };
}

/**
 * A closed loop: `inFlight` workers, each sending `send(item)` for the next item taken from `items` (an array,
 * consumed) until `seconds` have passed or the items run out. `send` resolves with the answer's HTTP status;
 * the time of each 200 counts. Returns the figures and how many requests were sent (for per-request costs).
 */
export async function closedLoop(items, inFlight, seconds, send) {
  const lat = [];
  const statuses = {};
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  let ranOut = false;
  const worker = async () => {
    while (performance.now() < until) {
      const item = items.shift();
      if (item === undefined) {
        ranOut = true;
        return;
      }
      const start = performance.now();
      const status = await send(item);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 200) lat.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  return {
    sent: Object.values(statuses).reduce((a, b) => a + b, 0),
    figures: {
      perSecond: round(lat.length / elapsed, 0),
      ok: lat.length,
      statuses,
      ...latencyFigures(lat),
      ...(ranOut ? { ranOutOfTasks: true } : {}),
    },
  };
}

/** p50, p99 and the maximum of request times in ms (sorts `lat` in place). */
export function latencyFigures(lat) {
  lat.sort((a, b) => a - b);
  return { p50ms: round(pct(lat, 0.5)), p99ms: round(pct(lat, 0.99)), maxMs: round(lat.at(-1)) };
}
