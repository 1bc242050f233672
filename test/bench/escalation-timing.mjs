// Escalation timing (issue targets: firing lateness p99 < 50 ms, max < 1 s for 10,000 actions; reconcile
// 100,000 pending actions after FLUSHALL in < 10 s). Prints figures; never fails on a number.
// Usage: npm run build && node test/bench/escalation-timing.mjs [--actions 10000] [--spread 120] [--reconcile 100000]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { runMigrations, seedDemoProvince } from '@dondoc/api';
import { startWorker, workerConfigFromEnv, ReconcilerService } from '@dondoc/worker';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const ACTIONS = arg('actions', 10_000);
const SPREAD_S = arg('spread', 120);
const RECONCILE = arg('reconcile', 100_000);
const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `dondoc_bench_${process.pid}`;
const port = 20000 + (process.pid % 20000);

const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(server);
url.pathname = `/${dbName}`;
const dbUrl = url.toString();
const redis = spawn(
  'redis-server',
  [
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    mkdtempSync(join(tmpdir(), 'bench-redis-')),
    ...(process.env.BENCH_REDIS_HZ ? ['--hz', process.env.BENCH_REDIS_HZ] : []),
  ],
  { stdio: 'ignore' },
);
await new Promise((r) => setTimeout(r, 500));
const db = new pg.Pool({ connectionString: dbUrl, max: 4 });
const pct = (s, q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];

try {
  await runMigrations(dbUrl);
  await seedDemoProvince(dbUrl, { password: 'bench-password', now: new Date() });
  const task = (await db.query(`SELECT id, deadline_version FROM tasks WHERE state = 'in_progress' LIMIT 1`)).rows[0];
  await db.query(`UPDATE scheduled_actions SET status = 'cancelled' WHERE status = 'pending'`);
  await db.query(`UPDATE tasks SET state = 'assigned' WHERE id = $1`, [task.id]);

  // 1. Firing lateness of ACTIONS actions spread over SPREAD_S seconds, starting 10 s from now.
  const start = Date.now() + 10_000;
  await db.query(
    `INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at)
     SELECT $1, 'remind_before', 'PT' || g || 'S', $2, 0, '{lead_agency}', 'bench-' || g, to_timestamp(($3::bigint + (g * $4::bigint) / $5::bigint) / 1000.0)
       FROM generate_series(1, $5::int) g`,
    [task.id, task.deadline_version, start, SPREAD_S * 1000, ACTIONS],
  );
  const worker = await startWorker(
    workerConfigFromEnv({
      DATABASE_URL: dbUrl,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      LOG_LEVEL: 'silent',
      RECONCILE_INTERVAL_SECONDS: '86400',
    }),
  );
  const deadline = start + SPREAD_S * 1000 + 60_000;
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM scheduled_actions WHERE job_id LIKE 'bench-%' AND status <> 'pending'`,
    );
    if (rows[0].n >= ACTIONS || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const late = (
    await db.query(
      `SELECT lateness_ms FROM scheduled_actions WHERE job_id LIKE 'bench-%' AND status = 'done' ORDER BY lateness_ms`,
    )
  ).rows.map((r) => r.lateness_ms);
  // Where the lateness comes from: BullMQ's own delay (processedOn - timestamp - delay) vs ours.
  const { Queue } = await import('bullmq');
  const q = new Queue('escalations', { connection: { host: '127.0.0.1', port }, prefix: 'dondoc' });
  const completed = await q.getJobs(['completed'], 0, ACTIONS);
  const queueLate = completed
    .filter((j) => j.processedOn && j.id?.startsWith('bench-'))
    .map((j) => j.processedOn - j.timestamp - (j.opts?.delay ?? 0))
    .sort((a, b) => a - b);
  await q.close();
  console.log(
    JSON.stringify({
      bench: 'firing lateness (BullMQ part: processedOn - timestamp - delay)',
      jobs: queueLate.length,
      p50ms: pct(queueLate, 0.5),
      p99ms: pct(queueLate, 0.99),
      maxMs: queueLate.at(-1),
    }),
  );
  console.log(
    JSON.stringify({
      bench: 'firing lateness',
      actions: ACTIONS,
      fired: late.length,
      spreadSeconds: SPREAD_S,
      p50ms: pct(late, 0.5),
      p99ms: pct(late, 0.99),
      maxMs: late.at(-1),
      target: 'p99 < 50 ms, max < 1000 ms',
    }),
  );

  // 2. Reconcile RECONCILE pending actions (far in the future) after FLUSHALL.
  await db.query(
    `INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at, dispatched_at)
     SELECT $1, 'remind_before', 'P' || g || 'D', $2, 0, '{lead_agency}', 'rec-' || g, now() + interval '30 days', now()
       FROM generate_series(1, $3::int) g`,
    [task.id, task.deadline_version, RECONCILE],
  );
  const r = new Redis({ port });
  await r.flushall();
  const t0 = Date.now();
  const result = await worker.app.get(ReconcilerService).reconcile();
  const ms = Date.now() - t0;
  const jobs = await r.zcard('dondoc:escalations:delayed');
  r.disconnect();
  console.log(
    JSON.stringify({
      bench: 'reconcile after FLUSHALL',
      pending: result.actions,
      ms,
      jobsInRedis: jobs,
      actionsPerSecond: Math.round(result.actions / (ms / 1000)),
      target: '< 10000 ms for 100,000',
    }),
  );
  await worker.close();
} finally {
  await db.end();
  redis.kill('SIGKILL');
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
