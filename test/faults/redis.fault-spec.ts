import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { deadlineInstant, localDate } from '@dondoc/workflow';
import { makeTask } from '../e2e/support/fixtures.js';
import { TestRedis } from '../e2e/support/redis-server.js';
import { startTestApp, testDatabaseUrl, type TestApp } from '../e2e/support/test-app.js';
import { report, until, type Figures } from './support/figures.js';

/**
 * Redis killed and restarted, and flushed, while transitions keep coming and reminders are pending:
 * every reminder and escalation of a task still open fires exactly once, none fires for a cancelled
 * task after its cancellation. A redis-server of the test's own: the machine's Redis is never touched.
 */

// Seconds instead of days: reminders 6 s and 3 s before the end of the due date, escalation 3 s after.
const POLICY = {
  ESCALATION_REMIND_BEFORE: 'PT6S,PT3S',
  ESCALATION_ESCALATE_AFTER: 'PT3S',
  ESCALATION_REVIEW_AFTER: 'PT3S',
};
const RUNGS_PER_TASK = 4;
const LOOPS = 3;

describe('Redis faults during a stream of transitions with pending reminders', () => {
  let redis: TestRedis;
  let t: TestApp;
  let worker: RunningWorker | undefined;
  const today = localDate(new Date());
  const deadline = deadlineInstant(today).getTime();

  beforeAll(async () => {
    redis = await TestRedis.start();
    t = await startTestApp({ REDIS_URL: redis.url, ...POLICY });
    await t.token('vanphong');
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });
  afterAll(async () => {
    await t?.close();
    await redis?.down();
  });

  /** A worker whose clock stands `ms` before the deadline: the ladder fires from ms − 6 s to ms + 3 s from now. */
  const startWorkerBefore = async (ms: number, prefix: string) => {
    worker = await startWorker(
      workerConfigFromEnv({
        WORKING_CALENDAR: 'off',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `${prefix}${process.pid}`,
        CLOCK_OFFSET_MS: String(deadline - ms - Date.now()),
        RELAY_INTERVAL_MS: '100',
        RECONCILE_INTERVAL_SECONDS: '1',
        JOB_BACKOFF_MS: '100',
        LOG_LEVEL: 'silent',
      }),
    );
  };

  /**
   * Assigns fresh tasks due today from LOOPS loops (every fifth is cancelled again a little later) while
   * `faults` runs; returns what was acknowledged.
   */
  async function stream(faults: (progress: () => number, ids: () => string[]) => Promise<void>) {
    const tally = { attempted: 0, acknowledged: 0, failed: 0 };
    const open = new Set<string>();
    const cancelled = new Set<string>();
    const written: { taskId: string; version: number; event: string }[] = [];
    let running = true;
    const send = async (id: string, event: string, version: number) => {
      tally.attempted++;
      const started = Date.now();
      const res = await t.http
        .post(`/api/tasks/${id}/transitions`)
        .set(await t.as('vanphong'))
        .timeout(20_000)
        .send({ event, expectedVersion: version, comment: `${event} trong lúc Redis gặp sự cố` });
      // Redis holds only triggers: transitions answer promptly whether it is up or not.
      expect(Date.now() - started).toBeLessThan(10_000);
      if (res.status !== 200) {
        tally.failed++;
        throw new Error(`${event} ${id}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      tally.acknowledged++;
      written.push({ taskId: id, version: res.body.version, event });
      return res.body.version as number;
    };
    const loop = async (n: number) => {
      for (let i = 0; running; i++) {
        const task = await makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao', dueDate: today });
        const v = await send(task.id, 'ASSIGN', task.version);
        open.add(task.id);
        if ((i + n) % 5 === 4) {
          await send(task.id, 'CANCEL', v);
          open.delete(task.id);
          cancelled.add(task.id);
        }
      }
    };
    const loops = Array.from({ length: LOOPS }, (_, n) => loop(n));
    try {
      await faults(
        () => tally.acknowledged,
        () => [...open, ...cancelled],
      );
    } finally {
      running = false;
      await Promise.all(loops);
    }
    return { tally, open: [...open], cancelled: [...cancelled], written };
  }

  /** Waits for every action of the open tasks to fire, then counts. */
  async function settle(name: string, s: Awaited<ReturnType<typeof stream>>, extra: Record<string, unknown>) {
    const ids = [...s.open, ...s.cancelled];
    await until(
      'every action of every open task to fire',
      async () => {
        const r = await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM scheduled_actions
            WHERE task_id = ANY($1::uuid[]) AND status = 'done'`,
          [s.open],
        );
        return r.rows[0].n >= s.open.length * RUNGS_PER_TASK;
      },
      120_000,
      200,
    );
    const fired = await t.db.query<{ task_id: string; key: string; n: number }>(
      `SELECT task_id, data->>'rung' || ':' || (data->>'offset') AS key, count(*)::int AS n FROM task_events
        WHERE task_id = ANY($1::uuid[]) AND event IN ('REMINDED', 'ESCALATED') GROUP BY 1, 2`,
      [ids],
    );
    const openSet = new Set(s.open);
    const found = fired.rows.filter((r) => openSet.has(r.task_id)).length;
    const expected = s.open.length * RUNGS_PER_TASK;
    const doubledHistory = fired.rows.reduce((n, r) => n + r.n - 1, 0);
    const doubledNotes = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications WHERE task_id = ANY($1::uuid[])
        GROUP BY user_id, dedupe_key HAVING count(*) > 1) d`,
      [ids],
    );
    // A reminder of a cancelled task written after its cancellation counts as a wrong (extra) one.
    const afterCancel = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM task_events r JOIN task_events c ON c.task_id = r.task_id AND c.event = 'CANCEL'
        WHERE r.task_id = ANY($1::uuid[]) AND r.event IN ('REMINDED', 'ESCALATED') AND r.id > c.id`,
      [s.cancelled],
    );
    const history = await t.db.query<{ key: string }>(
      `SELECT task_id || '/' || task_version || '/' || event AS key FROM task_events
        WHERE task_id = ANY($1::uuid[]) AND event IN ('ASSIGN', 'CANCEL')`,
      [ids],
    );
    const stored = new Set(history.rows.map((r) => r.key));
    const transitionsLost = s.written.filter((w) => !stored.has(`${w.taskId}/${w.version}/${w.event}`)).length;
    const figures: Figures = {
      attempted: s.tally.attempted,
      acknowledged: s.tally.acknowledged,
      found,
      duplicated: doubledHistory + doubledNotes.rows[0].n + afterCancel.rows[0].n,
      lost: expected - found + transitionsLost,
    };
    report(name, figures, {
      openTasks: s.open.length,
      cancelledTasks: s.cancelled.length,
      actionsDue: expected,
      actionsFired: fired.rows.length,
      transitionsLost,
      ...extra,
    });
    expect(s.tally.failed).toBe(0);
    expect(s.open.length).toBeGreaterThan(5);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
  }

  it('Redis killed and restarted twice: no reminder or escalation lost or doubled', async () => {
    await startWorkerBefore(12_000, 'rk');
    const kills: { downAt: number; downFor: number }[] = [];
    const started = Date.now();
    const s = await stream(async (progress, ids) => {
      for (const kill of [0, 1]) {
        // Once while every action is still ahead, once after the first have fired.
        if (kill === 0) await until('a few acknowledged transitions', () => progress() >= 6, 60_000, 20);
        else await until('the first reminders to fire', async () => firedAny(ids()), 60_000, 50);
        const downAt = Date.now() - started;
        await redis.down();
        // Transitions go on while Redis is away; bring it back after a few more.
        const mark = progress();
        await until('transitions while Redis is down', () => progress() >= mark + 4, 60_000, 20);
        await redis.up();
        kills.push({ downAt, downFor: Date.now() - started - downAt });
      }
    });
    await settle('redis-killed-restarted', s, { kills, seconds: Math.round((Date.now() - started) / 1000) });
  }, 240_000);

  it('Redis FLUSHALL twice (before and during the firing window): no reminder or escalation lost or doubled', async () => {
    await startWorkerBefore(12_000, 'rf');
    const flushes: number[] = [];
    const started = Date.now();
    const flush = async () => {
      const c = redis.client();
      try {
        await c.flushall();
      } finally {
        c.disconnect();
      }
      flushes.push(Date.now() - started);
    };
    const s = await stream(async (progress, ids) => {
      await until('a few acknowledged transitions', () => progress() >= 8, 60_000, 20);
      // The relay has handed the first tasks' jobs to Redis: flush them.
      await until('jobs in Redis', async () => dispatchedAny(ids()), 60_000, 50);
      await flush();
      await until('the first reminders to fire', async () => firedAny(ids()), 60_000, 50);
      await flush();
    });
    await settle('redis-flushall', s, { flushes, seconds: Math.round((Date.now() - started) / 1000) });
  }, 240_000);

  const firedAny = async (ids: string[]) =>
    (
      await t.db.query(`SELECT 1 FROM scheduled_actions WHERE task_id = ANY($1::uuid[]) AND status = 'done' LIMIT 1`, [
        ids,
      ])
    ).rows.length > 0;
  const dispatchedAny = async (ids: string[]) =>
    (
      await t.db.query(
        `SELECT 1 FROM scheduled_actions WHERE task_id = ANY($1::uuid[]) AND status = 'pending' AND dispatched_at IS NOT NULL LIMIT 1`,
        [ids],
      )
    ).rows.length > 0;
});
