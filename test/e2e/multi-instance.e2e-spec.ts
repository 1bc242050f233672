import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { deadlineInstant, localDate } from '@dondoc/workflow';
import { makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { SseClient } from './support/sse-client.js';
import { freePort, sleep, until } from './support/wait.js';
import { DEMO_PASSWORD, prepareDatabase, testDatabaseUrl } from './support/test-app.js';

const API = resolve(__dirname, '../../apps/api/dist/main.js');
const WORKER = resolve(__dirname, '../../apps/worker/dist/main.js');
const FIRST = 8;
const AFTER_KILL = 4;

/**
 * Production's shape on loopback: two API processes and two worker processes on one PostgreSQL and one
 * Redis. Events raised through either API reach browsers on both; every action fires once; killing one
 * API and one worker (SIGKILL) loses nothing.
 */
describe('two APIs and two workers as separate processes', () => {
  let redis: TestRedis;
  let db: pg.Pool;
  const procs: ChildProcess[] = [];
  const streams: SseClient[] = [];

  const today = localDate(new Date());
  const deadline = deadlineInstant(today).getTime();

  const spawnApi = (port: number) => {
    const p = spawn(process.execPath, [API], {
      env: {
        ...process.env,
        // Timings relative to today: the working calendar would move a deadline falling on a weekend.
        WORKING_CALENDAR: 'off',
        NODE_ENV: 'production',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `multi${process.pid}`,
        JWT_SECRET: 'multi-instance-test-secret-0123456789abcdef',
        FILE_ENCRYPTION_KEYS: 'test:scIBnnfgwcqjrjMYMAa9pJxYMMxHxNqM+e90a7YgURs=',
        FILE_ENCRYPTION_KEY_ID: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        WEB_DIR: '',
        LOGIN_LIMIT_PER_ADDRESS: '1000',
        ESCALATION_REMIND_BEFORE: 'PT4S,PT2S',
        ESCALATION_ESCALATE_AFTER: 'PT2S',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    procs.push(p);
    return p;
  };

  const spawnWorker = (clockOffsetMs: number) => {
    const p = spawn(process.execPath, [WORKER], {
      env: {
        ...process.env,
        // Timings relative to today: the working calendar would move a deadline falling on a weekend.
        WORKING_CALENDAR: 'off',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `multi${process.pid}`,
        CLOCK_OFFSET_MS: String(clockOffsetMs),
        RELAY_INTERVAL_MS: '100',
        RECONCILE_INTERVAL_SECONDS: '2',
        WORKER_LOCK_MS: '1500',
        WORKER_STALLED_INTERVAL_MS: '1000',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    procs.push(p);
    return p;
  };

  const waitLive = async (port: number) => {
    for (let i = 0; i < 200; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`API on ${port} did not start`);
  };

  beforeAll(async () => {
    for (const f of [API, WORKER]) if (!existsSync(f)) throw new Error(`${f} is missing: npm test builds it (pretest)`);
    redis = await TestRedis.start();
    await prepareDatabase();
    db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  });

  afterAll(async () => {
    for (const s of streams) s.close();
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    await db?.end();
    await redis?.down();
  });

  it('delivers every event to clients of either API, fires every action once, and survives a kill of each', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const apiA = spawnApi(portA);
    spawnApi(portB);
    await Promise.all([waitLive(portA), waitLive(portB)]);
    // Both workers' clocks stand 8 s before the end of today's due date: the ladder runs in ~10 s.
    const offset = deadline - 8_000 - Date.now();
    const worker1 = spawnWorker(offset);
    spawnWorker(offset);

    const login = await fetch(`http://127.0.0.1:${portA}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'vanphong', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { Authorization: `Bearer ${accessToken}` };
    const open = async (port: number) => {
      const r = await SseClient.open(port, '/api/events', auth);
      expect(r.status).toBe(200);
      streams.push(r.client!);
      await r.client!.ready();
      return r.client!;
    };
    const [onA, onB] = [await open(portA), await open(portB)];

    const assign = async (port: number) => {
      const task = await makeTask(db, { state: 'drafted', lead: 'ban-tuyen-giao', dueDate: today });
      const res = await fetch(`http://127.0.0.1:${port}/api/tasks/${task.id}/transitions`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ event: 'ASSIGN', expectedVersion: task.version }),
      });
      expect(res.status).toBe(200);
      return task.id;
    };

    const ids: string[] = [];
    for (let i = 0; i < FIRST; i++) ids.push(await assign(i % 2 ? portB : portA));
    // A change made through one API reaches the browsers of both.
    for (const id of ids) {
      await until(`task.changed of ${id} on API A`, () => onA.of('task.changed', id)[0], 15_000);
      await until(`task.changed of ${id} on API B`, () => onB.of('task.changed', id)[0], 15_000);
    }

    // Let the first reminders fire, then kill one of each (no chance to clean up).
    await until(
      'the first reminders',
      async () =>
        (await db.query(`SELECT 1 FROM scheduled_actions WHERE task_id = ANY($1) AND status = 'done' LIMIT 1`, [ids]))
          .rows.length > 0,
      15_000,
    );
    apiA.kill('SIGKILL');
    worker1.kill('SIGKILL');

    for (let i = 0; i < AFTER_KILL; i++) ids.push(await assign(portB));
    for (const id of ids.slice(FIRST)) {
      await until(`task.changed of ${id} on API B after the kill`, () => onB.of('task.changed', id)[0], 15_000);
    }

    const done = await until(
      'every action of every task to fire',
      async () => {
        const r = await db.query<{ status: string; n: number }>(
          `SELECT status, count(*)::int AS n FROM scheduled_actions WHERE task_id = ANY($1) GROUP BY status`,
          [ids],
        );
        const byStatus = Object.fromEntries(r.rows.map((x) => [x.status, x.n]));
        return byStatus.done === ids.length * 4 && Object.keys(byStatus).length === 1 && byStatus;
      },
      40_000,
    );
    expect(done).toEqual({ done: ids.length * 4 });

    // Once each: one history row per action, one notification per recipient and action.
    const events = await db.query<{ task_id: string; n: number }>(
      `SELECT task_id, count(*)::int AS n FROM task_events
        WHERE task_id = ANY($1) AND event IN ('REMINDED','ESCALATED') GROUP BY task_id`,
      [ids],
    );
    expect(events.rows).toHaveLength(ids.length);
    for (const row of events.rows) expect(row.n).toBe(4);
    const dupes = await db.query(
      `SELECT user_id, dedupe_key FROM notifications WHERE task_id = ANY($1) GROUP BY 1, 2 HAVING count(*) > 1`,
      [ids],
    );
    expect(dupes.rows).toEqual([]);
    // The worker's notifications reach the surviving API's clients too.
    await until('a notification event on API B', () => onB.of('notification')[0], 15_000);
  });
});
