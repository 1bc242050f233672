import type { AddressInfo } from 'node:net';
import {
  ESCALATION_QUEUE,
  startHealthServer,
  WorkerMetrics,
  startWorker,
  workerConfigFromEnv,
  ReconcilerService,
  type RunningWorker,
} from '@dondoc/worker';
import { deadlineInstant, localDate } from '@dondoc/workflow';
import { Queue } from 'bullmq';
import { agencyId, directiveId, makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { sleep, until } from './support/wait.js';
import { startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';

// Seconds instead of days: reminders 4 s and 2 s before the deadline, escalation 2 s after it.
const POLICY = {
  ESCALATION_REMIND_BEFORE: 'PT4S,PT2S',
  ESCALATION_ESCALATE_AFTER: 'PT2S',
  ESCALATION_REVIEW_AFTER: 'PT2S',
};
const RUNGS = ['remind_before:PT4S', 'remind_before:PT2S', 'overdue:PT0S', 'escalate:PT2S'];

describe('escalation engine (real PostgreSQL, a redis-server of its own)', () => {
  let redis: TestRedis;
  let t: TestApp;
  const workers: RunningWorker[] = [];
  const today = localDate(new Date());
  const deadline = deadlineInstant(today).getTime();

  /** A worker whose clock stands `msBeforeDeadline` before the end of today's due date. */
  const worker = async (msBeforeDeadline: number, extra: Record<string, string> = {}) => {
    const w = await startWorker(
      workerConfigFromEnv({
        WORKING_CALENDAR: 'off',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `t${process.pid}`,
        CLOCK_OFFSET_MS: String(deadline - msBeforeDeadline - Date.now()),
        RELAY_INTERVAL_MS: '100',
        JOB_BACKOFF_MS: '100',
        LOG_LEVEL: 'silent',
        ...extra,
      }),
    );
    workers.push(w);
    return w;
  };

  const assign = async (lead = 'ban-tuyen-giao', directive?: string, requestId?: string) => {
    const task = await makeTask(t.db, { state: 'drafted', lead, dueDate: today, directive });
    const res = await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await t.as('vanphong'))
      .set(requestId ? { 'X-Request-Id': requestId } : {})
      .send({ event: 'ASSIGN', expectedVersion: task.version });
    expect(res.status).toBe(200);
    return { id: task.id, version: res.body.version as number };
  };

  const actions = (taskId: string) =>
    t.db.query<{ rung: string; offset: string; status: string; job_id: string; dispatched_at: Date | null }>(
      `SELECT rung, "offset", status, job_id, dispatched_at FROM scheduled_actions WHERE task_id = $1 ORDER BY due_at, id`,
      [taskId],
    );

  const allDone = (taskId: string) =>
    until(`every action of ${taskId} to fire`, async () => {
      const r = await actions(taskId);
      return r.rows.length === 4 && r.rows.every((a) => a.status === 'done') && r.rows;
    });

  beforeAll(async () => {
    redis = await TestRedis.start();
    t = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: `t${process.pid}`, ...POLICY });
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  });

  afterAll(async () => {
    await t.close();
    await redis.down();
  });

  it('fires every rung of the ladder in order, exactly once, for the right recipients', async () => {
    const task = await assign();
    const planned = await actions(task.id);
    expect(planned.rows.map((a) => `${a.rung}:${a.offset}`)).toEqual(RUNGS);
    expect(planned.rows.every((a) => !a.job_id.includes(':'))).toBe(true);

    await worker(6000);
    await allDone(task.id);

    const events = await t.db.query<{ event: string; rung: string }>(
      `SELECT event, data->>'rung' AS rung FROM task_events WHERE task_id = $1 AND event IN ('REMINDED','ESCALATED') ORDER BY id`,
      [task.id],
    );
    expect(events.rows).toEqual([
      { event: 'REMINDED', rung: 'remind_before' },
      { event: 'REMINDED', rung: 'remind_before' },
      { event: 'ESCALATED', rung: 'overdue' },
      { event: 'ESCALATED', rung: 'escalate' },
    ]);
    const level = await t.db.query(`SELECT escalation_level FROM tasks WHERE id = $1`, [task.id]);
    expect(level.rows[0].escalation_level).toBe(2);
    // The task's history says which level each step reached, so two "overdue escalation" lines differ.
    const detail = await t.http
      .get(`/api/tasks/${task.id}`)
      .set(await t.as('vanphong'))
      .expect(200);
    const steps = (detail.body as { history: { event: string; level: number | null }[] }).history
      .filter((h) => h.event === 'REMINDED' || h.event === 'ESCALATED')
      .map((h) => `${h.event}:${h.level}`);
    expect(steps).toEqual(['REMINDED:0', 'REMINDED:0', 'ESCALATED:1', 'ESCALATED:2']);
    expect(
      (detail.body as { history: { event: string; level: number | null }[] }).history
        .filter((h) => h.event !== 'REMINDED' && h.event !== 'ESCALATED')
        .every((h) => h.level === null),
    ).toBe(true);

    const lead = await agencyId(t.db, 'ban-tuyen-giao');
    const recipients = await t.db.query<{ kind: string; who: string; n: number }>(
      `SELECT n.kind, CASE WHEN u.agency_id = $2 THEN 'lead' WHEN u.agency_id IS NOT NULL THEN 'other-agency' ELSE u.role END AS who,
              count(*)::int AS n
         FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.task_id = $1 AND n.kind IN ('remind_before','overdue','escalate')
          AND u.created_at = (SELECT created_at FROM users WHERE username = 'vanphong')
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [task.id, lead],
    );
    // With no officer named, the reminders' named chain (officer, leader, head) comes down to the agency's
    // heads and deputies; its officers hear nothing.
    const users = await t.db.query<{ who: string; n: number }>(
      `SELECT CASE WHEN agency_id = $1 THEN 'lead' ELSE role END AS who, count(*)::int AS n FROM users
        WHERE active AND ((agency_id = $1 AND position IN ('head','deputy')) OR role IN ('office','standing_committee'))
          -- The demo's accounts only: other suites add and disable accounts while this one runs.
          AND created_at = (SELECT created_at FROM users WHERE username = 'vanphong')
        GROUP BY 1`,
      [lead],
    );
    const count = (who: string) => users.rows.find((u) => u.who === who)?.n ?? 0;
    expect(recipients.rows).toEqual(
      [
        { kind: 'escalate', who: 'lead', n: count('lead') },
        { kind: 'escalate', who: 'office', n: count('office') },
        { kind: 'escalate', who: 'standing_committee', n: count('standing_committee') },
        { kind: 'overdue', who: 'lead', n: count('lead') },
        { kind: 'overdue', who: 'office', n: count('office') },
        { kind: 'remind_before', who: 'lead', n: 2 * count('lead') },
      ].filter((r) => r.n > 0),
    );

    // The lead agency sees its reminders through the API.
    // Paged through to the end: the worker also fires other suites' due actions for this agency meanwhile, which
    // can push this task's first notifications past one page.
    let inbox = await t.http
      .get('/api/notifications')
      .query({ limit: 200 })
      .set(await t.as('ban-tuyen-giao'))
      .expect(200);
    const first = inbox;
    const all: { taskId: string; kind: string; id: string }[] = [...inbox.body.items];
    while (all.length < inbox.body.total && inbox.body.items.length > 0) {
      inbox = await t.http
        .get('/api/notifications')
        .query({ limit: 200, offset: all.length })
        .set(await t.as('ban-tuyen-giao'))
        .expect(200);
      all.push(...inbox.body.items);
    }
    inbox = first;
    const mine = all.filter((n) => n.taskId === task.id);
    expect(mine.map((n: { kind: string }) => n.kind)).toEqual([
      'escalate',
      'overdue',
      'remind_before',
      'remind_before',
      'ASSIGN',
    ]);
    expect(inbox.body.unread).toBeGreaterThanOrEqual(5);
    await t.http
      .post(`/api/notifications/${mine[0].id}/read`)
      .set(await t.as('ban-tuyen-giao'))
      .expect(204);
    // Someone else's notification is not theirs to mark.
    await t.http
      .post(`/api/notifications/${mine[1].id}/read`)
      .set(await t.as('ban-dan-van'))
      .expect(404);
  });

  it('fires nothing for a cancelled or approved task', async () => {
    const cancelled = await assign('ban-to-chuc');
    await t.http
      .post(`/api/tasks/${cancelled.id}/transitions`)
      .set(await t.as('thuongvu'))
      .send({ event: 'CANCEL', expectedVersion: cancelled.version, comment: 'Không cần thiết nữa' })
      .expect(200);

    const approved = await assign('ban-noi-chinh');
    const lead = await t.as('ban-noi-chinh');
    const move = (event: string, v: number) =>
      t.http.post(`/api/tasks/${approved.id}/transitions`).send({ event, expectedVersion: v });
    await move('START', approved.version).set(lead).expect(200);
    await t.http.post(`/api/tasks/${approved.id}/submissions`).set(lead).field('note', 'Dự thảo').expect(201);
    await move('SUBMIT', approved.version + 1)
      .set(lead)
      .expect(200);
    await move('APPROVE', approved.version + 2)
      .set(await t.as('thuongvu'))
      .expect(200);

    await worker(-10_000); // every rung's time has passed
    await sleep(1500);
    for (const id of [cancelled.id, approved.id]) {
      const rows = await actions(id);
      expect(rows.rows.length).toBeGreaterThan(0);
      expect(rows.rows.every((a) => a.status === 'cancelled')).toBe(true);
      const fired = await t.db.query(
        `SELECT 1 FROM task_events WHERE task_id = $1 AND event IN ('REMINDED','ESCALATED')`,
        [id],
      );
      expect(fired.rows).toHaveLength(0);
    }
  });

  it('loses nothing when Redis is flushed between scheduling and due time (reconciler)', async () => {
    const w = await worker(8000, { RECONCILE_INTERVAL_SECONDS: '3600' });
    const task = await assign('ban-dan-van');
    await until('the relay to hand the actions to Redis', async () =>
      (await actions(task.id)).rows.every((a) => a.dispatched_at),
    );
    const c = redis.client();
    await c.flushall();
    c.disconnect();
    const repairs = w.app.get(WorkerMetrics).reconcilerRepairs;
    const before = (await repairs.get()).values[0]?.value ?? 0;
    await w.app.get(ReconcilerService).reconcile();
    // Every job of the task was gone, and each was put back once.
    expect(((await repairs.get()).values[0]?.value ?? 0) - before).toBeGreaterThanOrEqual(4);
    await allDone(task.id);
    const events = await t.db.query(
      `SELECT count(*)::int AS n FROM task_events WHERE task_id = $1 AND event IN ('REMINDED','ESCALATED')`,
      [task.id],
    );
    expect(events.rows[0].n).toBe(4);
  });

  it('a worker serves liveness, readiness and Prometheus metrics on its own port', async () => {
    const w = await worker(6000);
    const task = await assign('ban-noi-chinh');
    await allDone(task.id);
    const server = await startHealthServer(w, 0);
    try {
      const { port } = server.address() as AddressInfo;
      const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
      expect((await get('/health/live')).status).toBe(200);
      const ready = await get('/health/ready');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ database: 'up' });
      const text = await (await get('/metrics')).text();
      expect(text).toMatch(/^dondoc_actions_total\{rung="overdue",outcome="fired"\} [1-9]/m);
      expect(text).toMatch(/^dondoc_action_lateness_seconds_count\{rung="escalate"\} [1-9]/m);
      expect(text).toMatch(/^dondoc_queue_jobs\{state="delayed"\} \d+/m);
      expect(text).toContain('dondoc_reconciler_repairs_total');
    } finally {
      server.close();
    }
  });

  it('a transition wakes the relay at once: its jobs reach Redis long before the relay timer', async () => {
    // The timer is a minute; only the API's nudge after commit can hand the new actions over in time.
    await worker(60_000, { RELAY_INTERVAL_MS: '60000', RECONCILE_INTERVAL_SECONDS: '3600' });
    await sleep(1000); // the start-up pass is over
    const task = await assign('ban-to-chuc');
    await until(
      'the actions of the new assignment to be dispatched',
      async () => (await actions(task.id)).rows.every((a) => a.dispatched_at),
      10_000,
    );
  });

  it('two workers: every action fires once, no duplicate notification', async () => {
    await worker(6000);
    await worker(6000);
    const task = await assign('truong-chinh-tri');
    await allDone(task.id);
    const dupes = await t.db.query(
      `SELECT user_id, kind, count(*) FROM notifications WHERE task_id = $1 GROUP BY 1, 2, data->>'offset' HAVING count(*) > 1`,
      [task.id],
    );
    expect(dupes.rows).toEqual([]);
    const events = await t.db.query(
      `SELECT count(*)::int AS n FROM task_events WHERE task_id = $1 AND event IN ('REMINDED','ESCALATED')`,
      [task.id],
    );
    expect(events.rows[0].n).toBe(4);
  });

  it('Redis down: transitions still answer 200, and the jobs run once Redis is back', async () => {
    await worker(6000);
    await redis.down();
    const started = Date.now();
    const task = await assign('dang-uy-quan-su');
    expect(Date.now() - started).toBeLessThan(5000);
    const health = await t.http.get('/api/health').expect(200);
    expect(health.body.details.redis.status).toBe('down');
    await sleep(500);
    await redis.up();
    await allDone(task.id);
  });

  it('an action that keeps failing becomes an incident the Office sees, not a log line', async () => {
    const task = await assign('ban-tuyen-giao');
    // A fault of the test's own making: notifications for this task cannot be written (except the incident's).
    await t.db.query(`
      CREATE OR REPLACE FUNCTION test_refuse_notifications() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.task_id = '${task.id}' AND NEW.kind <> 'INCIDENT' THEN RAISE EXCEPTION 'disk full (simulated)'; END IF;
        RETURN NEW;
      END $$`);
    await t.db.query(`CREATE TRIGGER test_refuse_notifications BEFORE INSERT ON notifications
                      FOR EACH ROW EXECUTE FUNCTION test_refuse_notifications()`);
    try {
      await worker(-10_000, { JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '50' });
      const failed = await until('the actions to fail for good', async () => {
        const r = await actions(task.id);
        return r.rows.every((a) => a.status === 'failed') && r.rows;
      });
      expect(failed).toHaveLength(4);
      const list = await t.http
        .get('/api/incidents')
        .set(await t.as('vanphong'))
        .expect(200);
      const mine = list.body.filter((i: { taskId: string }) => i.taskId === task.id);
      expect(mine).toHaveLength(4);
      expect(mine[0]).toMatchObject({ attempts: 3, message: expect.stringContaining('disk full') });
      const alerts = await t.db.query(
        `SELECT count(DISTINCT dedupe_key)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.task_id = $1 AND n.kind = 'INCIDENT' AND u.role = 'office'`,
        [task.id],
      );
      expect(alerts.rows[0].n).toBe(4);
      await t.http
        .get('/api/incidents')
        .set(await t.as('ban-tuyen-giao'))
        .expect(403);
      await t.http
        .post(`/api/incidents/${mine[0].id}/resolve`)
        .set(await t.as('vanphong'))
        .expect(204);
      await t.http
        .post(`/api/incidents/${mine[0].id}/resolve`)
        .set(await t.as('vanphong'))
        .expect(404);
    } finally {
      await t.db.query(`DROP TRIGGER IF EXISTS test_refuse_notifications ON notifications`);
    }
  });

  it('no rung exists only on paper: each configured rung, and a directive of its own ladder, has a job that fires it', async () => {
    const monthly = await directiveId(t.db, 'CTr-T4/2021');
    await t.db.query(`UPDATE directives SET escalation_policy = $2 WHERE id = $1`, [
      monthly,
      JSON.stringify({ remindBefore: ['PT3S'], escalateAfter: 'PT5S' }),
    ]);
    const queue = new Queue(ESCALATION_QUEUE, { connection: { url: redis.url }, prefix: `t${process.pid}` });
    try {
      const plain = await assign('ban-to-chuc');
      const requestId = `req-${process.pid}-ladder`;
      const own = await assign('ban-dan-van', 'CTr-T4/2021', requestId);
      // A submission waiting for the Standing Committee carries the review reminder.
      const lead = await t.as('ban-to-chuc');
      await t.http
        .post(`/api/tasks/${plain.id}/transitions`)
        .set(lead)
        .send({ event: 'START', expectedVersion: plain.version })
        .expect(200);
      await t.http.post(`/api/tasks/${plain.id}/submissions`).set(lead).field('note', 'Dự thảo').expect(201);
      await t.http
        .post(`/api/tasks/${plain.id}/transitions`)
        .set(lead)
        .send({ event: 'SUBMIT', expectedVersion: plain.version + 1 })
        .expect(200);

      const pending = async (id: string) =>
        (await actions(id)).rows.filter((a) => a.status === 'pending').map((a) => `${a.rung}:${a.offset}`);
      // (Its deadline rungs stay pending too: a submission not approved by the deadline is still overdue.)
      expect(await pending(plain.id)).toContain('review_reminder:PT2S');
      expect(await pending(own.id)).toEqual(['remind_before:PT3S', 'overdue:PT0S', 'escalate:PT5S']);

      // A worker whose clock stands a day behind: it hands every action to Redis and fires none.
      await worker(deadline - Date.now() + 86_400_000);
      const ids = [plain.id, own.id];
      const rows = await until('every pending action to have its job', async () => {
        const r = (await Promise.all(ids.map(actions)))
          .flatMap((x) => x.rows)
          .filter((a) => a.status === 'pending' && (a.rung === 'review_reminder' || !a.job_id.includes(plain.id)));
        return r.length === 4 && r.every((a) => a.dispatched_at) && r;
      });
      const configured = new Set(['remind_before', 'overdue', 'escalate', 'review_reminder']);
      expect(new Set(rows.map((a) => a.rung))).toEqual(configured);
      for (const a of rows) {
        const job = await queue.getJob(a.job_id);
        expect(job?.name).toBe(a.rung);
        expect(await job?.getState()).toBe('delayed');
        // Ids only: the action, and the request that caused it (so logs can be followed into the job).
        expect(Object.keys(job!.data).sort()).toEqual(['actionId', 'requestId']);
        if (!job!.id!.includes(plain.id)) expect(job!.data.requestId).toBe(requestId);
      }

      // Each job, run now, fires its rung.
      for (const a of rows) await (await queue.getJob(a.job_id))!.promote();
      await until('every promoted job to fire', async () => {
        const r = (await Promise.all(ids.map(actions))).flatMap((x) => x.rows);
        return rows.every((p) => r.find((x) => x.job_id === p.job_id)?.status === 'done');
      });
      const fired = await t.db.query<{ rung: string; offset: string }>(
        `SELECT data->>'rung' AS rung, data->>'offset' AS offset FROM task_events
          WHERE task_id = ANY($1::uuid[]) AND event IN ('REMINDED','ESCALATED')`,
        [ids],
      );
      expect(new Set(fired.rows.map((e) => e.rung))).toEqual(configured);
      expect(fired.rows).toHaveLength(rows.length);
      const review = await t.db.query<{ role: string }>(
        `SELECT DISTINCT u.role FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.task_id = $1 AND n.kind = 'review_reminder'`,
        [plain.id],
      );
      expect(review.rows).toEqual([{ role: 'standing_committee' }]);
    } finally {
      await queue.close();
      await t.db.query(`UPDATE directives SET escalation_policy = NULL WHERE id = $1`, [monthly]);
    }
  });
});
