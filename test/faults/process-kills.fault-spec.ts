import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { deadlineInstant, localDate } from '@dondoc/workflow';
import { makeTask } from '../e2e/support/fixtures.js';
import { TestRedis } from '../e2e/support/redis-server.js';
import { DEMO_PASSWORD, startTestApp, testDatabaseUrl, type TestApp } from '../e2e/support/test-app.js';
import { freePort, report, sleep, until, type Figures } from './support/figures.js';

/**
 * The fault-suite versions of test/e2e/worker-crash.e2e-spec.ts and graceful-shutdown.e2e-spec.ts (same
 * approach: built processes, a redis-server of the test's own), reporting the five figures.
 */

const WORKER = resolve(__dirname, '../../apps/worker/dist/main.js');
const API = resolve(__dirname, '../../apps/api/dist/main.js');
const RUNGS_PER_TASK = 4;

describe('processes killed under load', () => {
  let redis: TestRedis;
  let t: TestApp;
  const procs: ChildProcess[] = [];

  beforeAll(async () => {
    for (const f of [WORKER, API]) if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build first`);
    redis = await TestRedis.start();
    t = await startTestApp({
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `fcrash${process.pid}`,
      ESCALATION_REMIND_BEFORE: 'PT2S,PT1S',
      ESCALATION_ESCALATE_AFTER: 'PT1S',
    });
  });
  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    await t?.close();
    await redis?.down();
  });

  it('worker SIGKILL mid-job, twice: every reminder and escalation fires once', async () => {
    const TASKS = 60;
    const today = localDate(new Date());
    const ids: string[] = [];
    let attempted = 0;
    for (let i = 0; i < TASKS; i++) {
      const task = await makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao', dueDate: today });
      attempted++;
      await t.http
        .post(`/api/tasks/${task.id}/transitions`)
        .set(await t.as('vanphong'))
        .send({ event: 'ASSIGN', expectedVersion: task.version })
        .expect(200);
      ids.push(task.id);
    }
    const scheduled = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM scheduled_actions WHERE task_id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
    // Every rung is already due for this clock: each worker is busy with them when it dies.
    const offset = deadlineInstant(today).getTime() + 5000 - Date.now();
    const spawnWorker = () => {
      const p = spawn(process.execPath, [WORKER], {
        env: {
          ...process.env,
          // Timings relative to today: the working calendar would move a deadline falling on a weekend.
          WORKING_CALENDAR: 'off',
          DATABASE_URL: testDatabaseUrl(),
          REDIS_URL: redis.url,
          QUEUE_PREFIX: `fcrash${process.pid}`,
          CLOCK_OFFSET_MS: String(offset),
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
    const done = async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM scheduled_actions WHERE task_id = ANY($1::uuid[]) AND status = 'done'`,
          [ids],
        )
      ).rows[0].n;
    const total = TASKS * RUNGS_PER_TASK;
    const kills: number[] = [];
    for (const threshold of [10, 60]) {
      const w = spawnWorker();
      await until(`${threshold} actions done`, async () => (await done()) >= threshold, 60_000, 10);
      const exited = new Promise((r) => w.once('exit', r));
      w.kill('SIGKILL');
      await exited;
      kills.push(await done());
    }
    expect(kills[kills.length - 1]).toBeLessThan(total);
    spawnWorker();
    await until('every action to be done', async () => (await done()) >= total, 120_000, 100);

    const events = await t.db.query<{ n: number; keys: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT dedupe_key)::int AS keys FROM task_events
        WHERE task_id = ANY($1::uuid[]) AND event IN ('REMINDED', 'ESCALATED')`,
      [ids],
    );
    const doubledNotes = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications WHERE task_id = ANY($1::uuid[])
        GROUP BY user_id, dedupe_key HAVING count(*) > 1) d`,
      [ids],
    );
    const { n, keys } = events.rows[0];
    const figures: Figures = {
      attempted: attempted * RUNGS_PER_TASK,
      acknowledged: scheduled.rows[0].n,
      found: keys,
      duplicated: n - keys + doubledNotes.rows[0].n,
      lost: scheduled.rows[0].n - keys,
    };
    report('worker-sigkill', figures, { tasks: TASKS, doneAtEachKill: kills });
    expect(scheduled.rows[0].n).toBe(total);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
  }, 240_000);

  it('API SIGTERM under load: 0 failed in-flight requests, every acknowledged write stored once', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [API], {
      env: {
        ...process.env,
        // Timings relative to today: the working calendar would move a deadline falling on a weekend.
        WORKING_CALENDAR: 'off',
        NODE_ENV: 'production',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redis.url,
        JWT_SECRET: 'fault-suite-sigterm-secret-0123456789abcdef',
        FILE_ENCRYPTION_KEYS: 'test:6hYP1ILhqotupSGfWhNQuJ0LTKv33n3TpFK4EK3Llaw=',
        FILE_ENCRYPTION_KEY_ID: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        SHUTDOWN_DRAIN_MS: '1000',
        WEB_DIR: '',
        LOGIN_LIMIT_PER_ADDRESS: '1000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    procs.push(child);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await until(
      'the API to start',
      () =>
        fetch(`${base}/api/health/live`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
    );
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      const { accessToken } = (await res.json()) as { accessToken: string };
      return { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    };
    const lead = await login('ban-tuyen-giao');
    const office = await login('vanphong');
    const task = await makeTask(t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    const drafts = await Promise.all(
      Array.from({ length: 200 }, () => makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao' })),
    );

    const tally = { attempted: 0, acknowledged: 0, failed: 0, refused: 0 };
    const failures: string[] = [];
    const comments: string[] = [];
    const assigned: { id: string; version: number }[] = [];
    // Like a load balancer: new requests go to the instance only while it says it is ready.
    let routing = true;
    const balancer = (async () => {
      while (routing) {
        const ready = await fetch(`${base}/api/health/ready`).then(
          (r) => r.status,
          () => 0,
        );
        if (ready !== 200) routing = false;
        else await sleep(50);
      }
    })();
    const loop = async (n: number) => {
      for (let i = 0; routing; i++) {
        const kind = i % 3; // a comment, a transition, a read
        const body = `Ý kiến ${n}-${i}`;
        const draft = kind === 1 ? drafts.pop() : undefined;
        tally.attempted++;
        try {
          const res =
            kind === 0
              ? await fetch(`${base}/api/tasks/${task.id}/comments`, {
                  method: 'POST',
                  headers: lead,
                  body: JSON.stringify({ body }),
                })
              : draft
                ? await fetch(`${base}/api/tasks/${draft.id}/transitions`, {
                    method: 'POST',
                    headers: office,
                    body: JSON.stringify({ event: 'ASSIGN', expectedVersion: draft.version }),
                  })
                : await fetch(`${base}/api/tasks?limit=20`, { headers: lead });
          const json = (await res.json().catch(() => ({}))) as { version?: number };
          if (res.ok) {
            tally.acknowledged++;
            if (kind === 0) comments.push(body);
            if (draft) assigned.push({ id: draft.id, version: json.version! });
          } else {
            tally.failed++;
            failures.push(`${res.status}`);
          }
        } catch (e) {
          if ((e as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') {
            // The listener is closed: the request was never accepted (a balancer sends it elsewhere).
            tally.refused++;
            return;
          }
          tally.failed++;
          failures.push(String((e as { cause?: { code?: string } }).cause?.code ?? e));
        }
      }
    };
    const loops = Array.from({ length: 12 }, (_, n) => loop(n));
    await until('some load', () => tally.acknowledged >= 150, 60_000, 20);
    child.kill('SIGTERM');
    const code = await exited;
    await Promise.all([balancer, ...loops]);

    const stored = await t.db.query<{ body: string; n: number }>(
      `SELECT body, count(*)::int AS n FROM comments WHERE task_id = $1 GROUP BY body`,
      [task.id],
    );
    const byBody = new Map(stored.rows.map((r) => [r.body, r.n]));
    const history = await t.db.query<{ task_id: string; task_version: number; n: number }>(
      `SELECT task_id, task_version, count(*)::int AS n FROM task_events
        WHERE task_id = ANY($1::uuid[]) AND event = 'ASSIGN' GROUP BY 1, 2`,
      [assigned.map((a) => a.id)],
    );
    const byVersion = new Map(history.rows.map((r) => [`${r.task_id}/${r.task_version}`, r.n]));
    const writes = comments.length + assigned.length;
    const found =
      comments.filter((b) => byBody.has(b)).length +
      assigned.filter((a) => byVersion.has(`${a.id}/${a.version}`)).length;
    const duplicated = stored.rows.reduce((n, r) => n + r.n - 1, 0) + history.rows.reduce((n, r) => n + r.n - 1, 0);
    const figures: Figures = {
      attempted: tally.attempted,
      acknowledged: tally.acknowledged,
      found,
      duplicated,
      lost: writes - found,
    };
    report('api-sigterm', figures, {
      acknowledgedWrites: writes,
      failed: tally.failed,
      refusedAfterClose: tally.refused,
      failures,
      exitCode: code,
    });
    expect(code).toBe(0);
    expect(failures).toEqual([]);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
  }, 180_000);
});
