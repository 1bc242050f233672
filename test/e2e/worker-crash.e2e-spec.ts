import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { deadlineInstant, localDate } from '@dondoc/workflow';
import { makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { sleep } from './support/wait.js';
import { startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';

const WORKER = resolve(__dirname, '../../apps/worker/dist/main.js');
const ACTIONS_PER_TASK = 4;
const TASKS = 50;

describe('a worker killed with SIGKILL while processing', () => {
  let redis: TestRedis;
  let t: TestApp;
  const procs: ChildProcess[] = [];

  const spawnWorker = (clockOffsetMs: number) => {
    const p = spawn(process.execPath, [WORKER], {
      env: {
        ...process.env,
        // Timings relative to today: the working calendar would move a deadline falling on a weekend.
        WORKING_CALENDAR: 'off',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `crash${process.pid}`,
        CLOCK_OFFSET_MS: String(clockOffsetMs),
        RELAY_INTERVAL_MS: '100',
        RECONCILE_INTERVAL_SECONDS: '2',
        WORKER_LOCK_MS: '1500',
        WORKER_STALLED_INTERVAL_MS: '1000',
        WORKER_CONCURRENCY: '4',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    procs.push(p);
    return p;
  };

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: npm test builds it first (pretest)`);
    redis = await TestRedis.start();
    t = await startTestApp({
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `crash${process.pid}`,
      ESCALATION_REMIND_BEFORE: 'PT2S,PT1S',
      ESCALATION_ESCALATE_AFTER: 'PT1S',
    });
  });

  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    await t.close();
    await redis.down();
  });

  it('redelivers its jobs to another worker and every effect happens once', async () => {
    const today = localDate(new Date());
    const ids: string[] = [];
    for (let i = 0; i < TASKS; i++) {
      const task = await makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao', dueDate: today });
      await t.http
        .post(`/api/tasks/${task.id}/transitions`)
        .set(await t.as('vanphong'))
        .send({ event: 'ASSIGN', expectedVersion: task.version })
        .expect(200);
      ids.push(task.id);
    }
    // Every rung is already due for this clock: the first worker is busy with all of them when it dies.
    const offset = deadlineInstant(today).getTime() + 5000 - Date.now();
    const first = spawnWorker(offset);
    const progress = () =>
      t.db.query<{ done: number }>(
        `SELECT count(*) FILTER (WHERE status = 'done')::int AS done FROM scheduled_actions WHERE task_id = ANY($1::uuid[])`,
        [ids],
      );
    for (let i = 0; i < 300 && (await progress()).rows[0].done < 10; i++) await sleep(20);
    first.kill('SIGKILL');
    const atKill = (await progress()).rows[0].done;
    expect(atKill).toBeLessThan(TASKS * ACTIONS_PER_TASK);

    spawnWorker(offset);
    for (let i = 0; i < 300 && (await progress()).rows[0].done < TASKS * ACTIONS_PER_TASK; i++) await sleep(100);
    expect((await progress()).rows[0].done).toBe(TASKS * ACTIONS_PER_TASK);

    const events = await t.db.query<{ n: number; distinct_keys: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT dedupe_key)::int AS distinct_keys FROM task_events
        WHERE task_id = ANY($1::uuid[]) AND event IN ('REMINDED','ESCALATED')`,
      [ids],
    );
    expect(events.rows[0]).toEqual({ n: TASKS * ACTIONS_PER_TASK, distinct_keys: TASKS * ACTIONS_PER_TASK });
    const dupes = await t.db.query(
      `SELECT user_id, dedupe_key FROM notifications WHERE task_id = ANY($1::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1`,
      [ids],
    );
    expect(dupes.rows).toEqual([]);
  });
});
