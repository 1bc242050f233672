// Escalation timing (issue targets: firing lateness p99 < 25 ms and max < 250 ms for 10,000 actions, on a
// Redis configured as production runs it, `--hz 100`; reconcile of 100,000 pending actions after FLUSHALL in
// < 5 s). Prints figures; never fails on a number.
// Usage: npm run build && node test/bench/escalation-timing.mjs [--actions 10000] [--spread 120]
//          [--reconcile 100000] [--hz 100] [--tasks 2000]   (BENCH_REDIS_HZ=10: Redis' default hz;
//          BENCH_WORKER_<VAR>=value: the worker's <VAR>, e.g. BENCH_WORKER_WAKE_AT_DUE=off;
//          BENCH_DEBUG=1: the worst lateness per second of each part on stderr)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { runMigrations, seedDemoProvince } from '@dondoc/api';
import { startWorker, workerConfigFromEnv, ReconcilerService } from '@dondoc/worker';
import { bulkAssignedTasks, freePort, pct, round, sleep } from './lib.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const ACTIONS = arg('actions', 10_000);
const SPREAD_S = arg('spread', 120);
const RECONCILE = arg('reconcile', 100_000);
// The tasks the actions belong to, round robin. Five actions a task by default, a ladder's worth (two
// reminders, overdue, escalation, review): a task's firings queue behind its row lock one after another,
// so `--tasks 1` (10,000 reminders of one task within two minutes) measures that queue, not the timers.
const TASKS = arg('tasks', Math.max(1, Math.round(ACTIONS / 5)));
// docker/compose.yml runs Redis with `--hz 100`: the granularity at which a blocked worker's BZPOPMIN times
// out at a delayed job's due time. Redis' own default is 10.
const HZ = arg('hz', Number(process.env.BENCH_REDIS_HZ ?? 100));
const WORKER_ENV = Object.fromEntries(
  Object.entries(process.env)
    .filter(([k]) => k.startsWith('BENCH_WORKER_'))
    .map(([k, v]) => [k.slice('BENCH_WORKER_'.length), v]),
);
const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `dondoc_bench_escalation_${process.pid}`;
const load = () => loadavg().map((x) => round(x));
const emit = (o) => console.log(JSON.stringify({ ...o, redisHz: HZ, load: load() }));
/**
 * CPU seconds so far of this process (the worker runs in it), of redis-server and of this database's
 * PostgreSQL backends (read from /proc: PostgreSQL on this machine; a backend that exited meanwhile is missed).
 */
async function cpuNow() {
  const info = await redis.info('cpu');
  const field = (name) => Number(new RegExp(`${name}:(\\S+)`).exec(info)?.[1] ?? 0);
  const backends = new Map();
  for (const { pid } of (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [dbName])).rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      backends.set(pid, (Number(f[11]) + Number(f[12])) / 100); // utime + stime, in clock ticks of 1/100 s
    } catch {
      // not on this machine, or gone
    }
  }
  const { user, system } = process.cpuUsage();
  return { node: (user + system) / 1e6, redis: field('used_cpu_user') + field('used_cpu_sys'), backends };
}
const cpuSince = (a, b) => {
  let pg = 0;
  for (const [pid, s] of b.backends) pg += s - (a.backends.get(pid) ?? 0);
  return { node: b.node - a.node, redis: b.redis - a.redis, postgres: pg };
};

const summary = (sorted) => ({
  p50ms: pct(sorted, 0.5),
  p99ms: pct(sorted, 0.99),
  maxMs: sorted.length ? sorted[sorted.length - 1] : null,
});

// Everything opened is closed in reverse order in `finally`: the worker (its own pg pool and Redis
// connections) and the bench's pool end, and their connections are closed, before the database is dropped
// WITH (FORCE), so no client hears 57P01 ("terminating connection due to administrator command").
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(server);
url.pathname = `/${dbName}`;
const dbUrl = url.toString();
const port = await freePort();
const redisDir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
const redisServer = spawn(
  'redis-server',
  ['--port', String(port), '--save', '', '--appendonly', 'no', '--dir', redisDir, '--hz', String(HZ)],
  { stdio: 'ignore' },
);
const redis = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 3, retryStrategy: () => null });
redis.on('error', () => undefined); // refused until redis-server listens: the loop below retries
for (let i = 0; ; i++) {
  try {
    await redis.connect();
    await redis.ping();
    break;
  } catch (e) {
    if (i >= 50) throw e;
    redis.disconnect();
    await sleep(100);
  }
}
const db = new pg.Pool({ connectionString: dbUrl, max: 4 });
// An idle client's error is emitted on its pool: without a listener it would be an uncaught exception.
db.on('error', (e) => console.error(`bench pool: ${e.message}`));
let worker;
let queue;

try {
  const hzInUse = Number((await redis.config('GET', 'hz'))[1]);
  await runMigrations(dbUrl);
  await seedDemoProvince(dbUrl, { password: 'bench-password', now: new Date(), districts: false });
  const task = (await db.query(`SELECT id, deadline_version FROM tasks WHERE state = 'in_progress' LIMIT 1`)).rows[0];
  const tasks =
    TASKS > 1
      ? (
          await db.query(`SELECT id, deadline_version FROM tasks WHERE id = ANY($1::uuid[])`, [
            await bulkAssignedTasks(db, TASKS - 1),
          ])
        ).rows.concat(task)
      : [task];
  await db.query(`UPDATE scheduled_actions SET status = 'cancelled' WHERE status = 'pending'`);
  await db.query(`UPDATE tasks SET state = 'assigned' WHERE id = ANY($1::uuid[])`, [tasks.map((t) => t.id)]);

  // 1. Firing lateness of ACTIONS actions spread over SPREAD_S seconds, starting 10 s from now. Due times
  // are whole milliseconds (as the API writes them), so "early" compares like with like.
  const start = Date.now() + 10_000;
  await db.query(
    `INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at)
     SELECT ($1::uuid[])[1 + g % cardinality($1::uuid[])], 'remind_before', 'PT' || g || 'S', ($2::int[])[1 + g % cardinality($1::uuid[])],
            0, '{lead_agency}', 'bench-' || g,
            'epoch'::timestamptz + ($3::bigint + (g * $4::bigint) / $5::bigint) * interval '1 millisecond'
       FROM generate_series(1, $5::int) g`,
    [tasks.map((t) => t.id), tasks.map((t) => t.deadline_version), start, SPREAD_S * 1000, ACTIONS],
  );
  const loadBefore = load();
  worker = await startWorker(
    workerConfigFromEnv({
      DATABASE_URL: dbUrl,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      LOG_LEVEL: 'silent',
      RECONCILE_INTERVAL_SECONDS: '86400',
      // BENCH_WORKER_<VAR>=value sets the worker's <VAR>, for comparisons (BENCH_WORKER_WAKE_AT_DUE=off).
      ...WORKER_ENV,
    }),
  );
  // The worker runs in this process: how long its event loop could not run (GC, the machine's other load).
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  // The firings' cost from the first due time (the start-up's hand-over of the jobs to Redis is before).
  await sleep(Math.max(0, start - Date.now()));
  const cpuAtStart = await cpuNow();
  const deadline = start + SPREAD_S * 1000 + 60_000;
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM scheduled_actions WHERE job_id LIKE 'bench-%' AND status <> 'pending'`,
    );
    if (rows[0].n >= ACTIONS || Date.now() > deadline) break;
    await sleep(1000);
  }
  loopDelay.disable();
  const cpu = cpuSince(cpuAtStart, await cpuNow());
  const handled = (
    await db.query(
      `SELECT job_id, status, (extract(epoch FROM due_at) * 1000)::bigint AS due,
              (extract(epoch FROM fired_at) * 1000)::bigint AS fired, lateness_ms
         FROM scheduled_actions WHERE job_id LIKE 'bench-%' AND fired_at IS NOT NULL`,
    )
  ).rows.map((r) => ({
    jobId: r.job_id,
    status: r.status,
    due: Number(r.due),
    fired: Number(r.fired),
    latenessMs: Number(r.lateness_ms),
  }));
  const fired = handled.filter((r) => r.status === 'done');
  // Never before its due time: counted on the database's own timestamps (fired_at is the instant the
  // worker started the job, skipped ones too), not on lateness_ms, which is clamped at 0.
  const early = handled.filter((r) => r.fired < r.due).length;
  const late = fired.map((r) => r.latenessMs).sort((a, b) => a - b);
  // When the tail happened: the worst lateness in each second of the spread (a few bad seconds are the
  // machine; a rising line is a backlog).
  const worst = new Array(Math.ceil(SPREAD_S)).fill(0);
  for (const r of fired) {
    const s = Math.min(worst.length - 1, Math.max(0, Math.floor((r.due - start) / 1000)));
    worst[s] = Math.max(worst[s], r.latenessMs);
  }

  // Where the lateness comes from, per job: BullMQ's own delay (due → processedOn: promotion out of the
  // delayed set, the worker's wake-up and moveToActive), then ours (processedOn → fired_at: the worker's
  // event loop until the processor runs); the processing itself (processedOn → finishedOn: the locked
  // re-read and the one task-change write) is after the firing instant, shown for the pool's sake.
  queue = new Queue('escalations', { connection: { host: '127.0.0.1', port }, prefix: 'dondoc' });
  const jobs = new Map(
    (await queue.getJobs(['completed'], 0, ACTIONS))
      .filter((j) => j.processedOn && j.id?.startsWith('bench-'))
      .map((j) => [j.id, j]),
  );
  const bull = [];
  const ours = [];
  const processing = [];
  let bullEarly = 0;
  for (const r of fired) {
    const j = jobs.get(r.jobId);
    if (!j) continue;
    const dueInRedis = j.timestamp + (j.opts?.delay ?? 0);
    if (j.processedOn < dueInRedis) bullEarly++;
    bull.push(j.processedOn - r.due);
    ours.push(r.fired - j.processedOn);
    if (j.finishedOn) processing.push(j.finishedOn - j.processedOn);
  }
  // BENCH_DEBUG=1: the same per second for each part, on stderr.
  if (process.env.BENCH_DEBUG) {
    const perSecond = (f) => {
      const out = new Array(Math.ceil(SPREAD_S)).fill(0);
      for (const r of fired) {
        const j = jobs.get(r.jobId);
        if (!j) continue;
        const s = Math.min(out.length - 1, Math.max(0, Math.floor((r.due - start) / 1000)));
        out[s] = Math.max(out[s], f(r, j));
      }
      return out.join(',');
    };
    console.error(`bull worst/s: ${perSecond((r, j) => j.processedOn - r.due)}`);
    console.error(`ours worst/s: ${perSecond((r, j) => r.fired - j.processedOn)}`);
    console.error(`processing worst/s: ${perSecond((r, j) => (j.finishedOn ?? 0) - j.processedOn)}`);
  }
  for (const xs of [bull, ours, processing]) xs.sort((a, b) => a - b);
  emit({
    bench: 'firing lateness (BullMQ part: due → processedOn)',
    jobs: bull.length,
    ...summary(bull),
    earlyInRedis: bullEarly,
  });
  emit({ bench: 'firing lateness (ours: processedOn → processor start)', jobs: ours.length, ...summary(ours) });
  emit({
    bench: 'firing processing (processedOn → finishedOn, after the firing instant)',
    jobs: processing.length,
    ...summary(processing),
  });
  emit({
    bench: 'worker event loop delay while firing',
    p50ms: round(loopDelay.percentile(50) / 1e6, 1),
    p99ms: round(loopDelay.percentile(99) / 1e6, 1),
    maxMs: round(loopDelay.max / 1e6, 1),
  });
  // What each firing costs the machine (the firings with the worker's other work meanwhile: relay, checks):
  // when the machine's other load leaves less than this, the firings queue up whatever the timers do.
  const per = (x) => round((x * 1000) / Math.max(1, handled.length), 2);
  emit({
    bench: 'CPU per firing (ms)',
    firings: handled.length,
    node: per(cpu.node),
    postgres: per(cpu.postgres),
    redis: per(cpu.redis),
    total: per(cpu.node + cpu.postgres + cpu.redis),
  });
  emit({ bench: 'firing lateness, worst per second', ms: worst, secondsOver25ms: worst.filter((w) => w >= 25).length });
  emit({
    bench: 'firing lateness',
    actions: ACTIONS,
    fired: late.length,
    early,
    spreadSeconds: SPREAD_S,
    tasks: TASKS,
    workerEnv: WORKER_ENV,
    ...summary(late),
    redisHzInUse: hzInUse,
    loadBefore,
    target: 'p99 < 25 ms, max < 250 ms, early 0',
  });

  // 2. Reconcile RECONCILE pending actions (far in the future) after FLUSHALL, then once more with
  // nothing missing (the periodic pass): the second must add nothing.
  await db.query(
    `INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at, dispatched_at)
     SELECT $1, 'remind_before', 'P' || g || 'D', $2, 0, '{lead_agency}', 'rec-' || g, now() + interval '30 days', now()
       FROM generate_series(1, $3::int) g`,
    [task.id, task.deadline_version, RECONCILE],
  );
  await db.query('ANALYZE scheduled_actions');
  const pending = (await db.query(`SELECT count(*)::int AS n FROM scheduled_actions WHERE status = 'pending'`)).rows[0]
    .n;
  await redis.flushall();
  const reconciler = worker.app.get(ReconcilerService);
  let c0 = await cpuNow();
  let t0 = Date.now();
  const result = await reconciler.reconcile();
  const ms = Date.now() - t0;
  const rounded = (c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, round(v)]));
  const reconcileCpu = rounded(cpuSince(c0, await cpuNow()));
  const inRedis = await redis.zcard('dondoc:escalations:delayed');
  emit({
    bench: 'reconcile after FLUSHALL',
    pending: result.actions,
    pendingInDb: pending,
    ms,
    jobsInRedis: inRedis,
    actionsPerSecond: Math.round(result.actions / (ms / 1000)),
    cpuSeconds: reconcileCpu,
    target: '< 5000 ms for 100,000',
  });
  c0 = await cpuNow();
  t0 = Date.now();
  const again = await reconciler.reconcile();
  const againMs = Date.now() - t0;
  const againCpu = rounded(cpuSince(c0, await cpuNow()));
  emit({
    bench: 'reconcile, nothing missing',
    pending: again.actions,
    ms: againMs,
    jobsInRedis: await redis.zcard('dondoc:escalations:delayed'),
    cpuSeconds: againCpu,
  });
} finally {
  const step = async (what, fn) => {
    try {
      await fn();
    } catch (e) {
      console.error(`closing ${what}: ${e?.message ?? e}`);
    }
  };
  await step('queue', () => queue?.close());
  await step('worker', () => worker?.close());
  // pool.end() resolves once its clients are told to end, not once their connections are closed: the
  // drop below would then terminate them mid-goodbye. Wait for each client's 'remove'.
  await step('pool', async () => {
    let open = db.totalCount;
    const closed = new Promise((resolve) => {
      if (!open) resolve();
      db.on('remove', () => --open <= 0 && resolve());
    });
    await db.end();
    await Promise.race([closed, sleep(5000)]);
  });
  redis.disconnect();
  redisServer.kill('SIGKILL');
  rmSync(redisDir, { recursive: true, force: true });
  await step('database', () => admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  await step('admin', () => admin.end());
}
