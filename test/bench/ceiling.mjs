// The ceiling: what this PostgreSQL and Redis can do at all, with no Node in the way.
// 1. pgbench running exactly the SQL of one transition as the service sends it (the read of the task, then
//    the one statement: conditional update, history insert, outbox rows, schedule, notifications), recorded
//    from the service and inlined with typed literals; each transaction STARTs a fresh `assigned` task, picked
//    through a sequence. 1, 4 and 8 clients, extended protocol (as node-postgres sends parameters).
// 2. redis-benchmark for the commands a BullMQ delayed job costs (job hash, delayed zset, event stream, the
//    three in one Lua call as BullMQ's addDelayedJob does, the ZREM of a promotion).
// Prints JSON lines; never fails on a number.
// Usage: npm run build && node test/bench/ceiling.mjs [--quick] [--seconds 10] [--clients 1,4,8]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pgUtils from 'pg/lib/utils.js';
import {
  agencyUser,
  arg,
  bulkAssignedTasks,
  emit,
  instrumentPg,
  nestApp,
  privateRedis,
  QUICK,
  round,
  throwawayDb,
} from './lib.mjs';
import { TransitionTaskUseCase } from '@dondoc/api';

const SECONDS = Number(arg('seconds', QUICK ? 2 : 10));
const CLIENTS = String(arg('clients', '1,4,8')).split(',').map(Number);
const TASKS = Number(arg('tasks', QUICK ? 15_000 : 120_000));
const REDIS_N = Number(arg('redis-requests', QUICK ? 10_000 : 100_000));

function exec(cmd, args) {
  return new Promise((resolve) => {
    const c = spawn(cmd, args);
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('exit', (code) => resolve({ code, out, err }));
    c.on('error', (e) => resolve({ code: -1, out, err: String(e) }));
  });
}

/** `$n` placeholders replaced by typed literals (types as the server infers them for the statement). */
async function inline(pool, text, params, keep) {
  await pool.query(`DEALLOCATE ALL`);
  const client = await pool.connect();
  let types;
  try {
    await client.query(`PREPARE bench_probe AS ${text}`);
    types = (
      await client.query(`SELECT parameter_types::text[] AS t FROM pg_prepared_statements WHERE name = 'bench_probe'`)
    ).rows[0].t;
    await client.query('DEALLOCATE bench_probe');
  } finally {
    client.release();
  }
  return text.replace(/\$(\d+)\b/g, (_, n) => {
    const i = Number(n) - 1;
    if (keep[i]) return keep[i];
    const v = pgUtils.prepareValue(params[i]);
    return v === null ? `NULL::${types[i]}` : `${pgUtils.escapeLiteral(String(v))}::${types[i]}`;
  });
}

const db = await throwawayDb('ceiling');
const redis = await privateRedis();
const scratch = mkdtempSync(join(tmpdir(), 'bench-ceiling-'));
try {
  // Record one transition's statements from the service itself.
  const ids = await bulkAssignedTasks(db.pool, TASKS + 1);
  const probe = instrumentPg();
  const { app } = await nestApp(db.url, redis.url);
  await app.init();
  const user = await agencyUser(db.pool);
  const { rows: vr } = await db.pool.query('SELECT version FROM tasks WHERE id = $1', [ids[0]]);
  probe.state.record = [];
  await app.get(TransitionTaskUseCase).execute(user, ids[0], { event: 'START', expectedVersion: vr[0].version }, null);
  const [read, write] = probe.state.record;
  probe.restore();
  await app.close();

  await db.pool.query(`CREATE TABLE bench_ids (n bigint PRIMARY KEY, id uuid NOT NULL)`);
  await db.pool.query(`INSERT INTO bench_ids SELECT ord, id FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, ord)`, [
    ids.slice(1),
  ]);
  await db.pool.query(`CREATE SEQUENCE bench_seq`);
  await db.pool.query(`ANALYZE bench_ids`);
  const pick = `(SELECT id FROM bench_ids WHERE n = (SELECT nextval('bench_seq')))`;
  const readSql = await inline(db.pool, read.text, read.params, { 0: pick });
  const writeSql = await inline(db.pool, write.text, write.params, { 0: ':b_id', 1: ':b_version' });
  const script = join(scratch, 'transition.sql');
  // pgbench reads one SQL command per line unless it ends with `;`-less continuation: flatten the whitespace.
  const flat = (s) => s.replace(/\s+/g, ' ').trim();
  writeFileSync(script, `${flat(readSql)}\n\\gset b_\n${flat(writeSql)};\n`);

  for (const clients of CLIENTS) {
    const before = (await db.pool.query(`SELECT count(*)::int AS n FROM tasks WHERE state = 'in_progress'`)).rows[0].n;
    const r = await exec('pgbench', [
      '-n',
      '-M',
      'extended',
      '-c',
      String(clients),
      '-j',
      String(Math.min(clients, 2)),
      '-T',
      String(SECONDS),
      '-f',
      script,
      db.url,
    ]);
    const after = (await db.pool.query(`SELECT count(*)::int AS n FROM tasks WHERE state = 'in_progress'`)).rows[0].n;
    const num = (re) => {
      const m = re.exec(r.out);
      return m ? Number(m[1]) : null;
    };
    emit({
      bench: 'ceiling-pgbench',
      clients,
      seconds: SECONDS,
      tps: round(num(/tps = ([\d.]+) \(without initial connection time\)/), 0),
      latencyAvgMs: num(/latency average = ([\d.]+) ms/),
      transactions: num(/number of transactions actually processed: (\d+)/),
      failed: num(/number of failed transactions: (\d+)/),
      startedTasks: after - before,
      ok: r.code === 0,
      error: r.code === 0 ? undefined : r.err.trim().split('\n').slice(-3).join(' | '),
    });
  }

  // Redis: the commands of one delayed job.
  const lua =
    "local id = redis.call('INCR', KEYS[1]) " +
    "redis.call('HSET', KEYS[2] .. id, 'name', 'fire', 'data', ARGV[1], 'opts', ARGV[3], 'timestamp', ARGV[2], 'delay', ARGV[2]) " +
    "redis.call('ZADD', KEYS[3], ARGV[2], id) " +
    "redis.call('XADD', KEYS[4], 'MAXLEN', '~', '10000', '*', 'event', 'delayed', 'jobId', id, 'delay', ARGV[2]) " +
    'return id';
  const commands = {
    'HSET job hash': [
      'HSET',
      'bench:job:__rand_int__',
      'name',
      'fire',
      'data',
      '{"actionId":"00000000-0000-0000-0000-000000000000"}',
      'opts',
      '{"delay":86400000,"attempts":5,"backoff":{"type":"exponential","delay":1000},"jobId":"x"}',
      'timestamp',
      '1700000000000',
      'delay',
      '86400000',
    ],
    'ZADD delayed': ['ZADD', 'bench:delayed', '__rand_int__', 'bench:job:__rand_int__'],
    'XADD events': ['XADD', 'bench:events', 'MAXLEN', '~', '10000', '*', 'event', 'delayed', 'jobId', '__rand_int__'],
    'EVAL addDelayedJob-like (INCR+HSET+ZADD+XADD)': [
      'EVAL',
      lua,
      '4',
      'bench:id',
      'bench:lua:',
      'bench:luadelayed',
      'bench:luaevents',
      '{"actionId":"00000000-0000-0000-0000-000000000000"}',
      '86400000',
      '{"attempts":5}',
    ],
    'ZREM (promotion)': ['ZREM', 'bench:delayed', 'bench:job:__rand_int__'],
  };
  for (const clients of [1, 8]) {
    for (const [name, cmd] of Object.entries(commands)) {
      if (QUICK && !name.startsWith('EVAL') && !name.startsWith('HSET')) continue;
      const r = await exec('redis-benchmark', [
        '-p',
        String(redis.port),
        '-n',
        String(REDIS_N),
        '-c',
        String(clients),
        '-r',
        '100000',
        '--csv',
        ...cmd,
      ]);
      // The test's name may hold commas and quotes; the 7 figures at the end of the line do not.
      const line = (r.out.trim().split('\n').at(-1) ?? '').split(',').slice(-7);
      const f = (i) => (line[i] == null ? null : Number(line[i].replace(/"/g, '')));
      emit({
        bench: 'ceiling-redis',
        command: name,
        clients,
        requests: REDIS_N,
        opsPerSecond: round(f(0), 0),
        p50ms: f(3),
        p99ms: f(5),
        ok: r.code === 0,
      });
    }
  }
} finally {
  redis.stop();
  rmSync(scratch, { recursive: true, force: true });
  await db.drop();
}
