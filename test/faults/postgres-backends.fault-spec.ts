import pg from 'pg';
import { makeTask } from '../e2e/support/fixtures.js';
import { startTestApp, testDatabaseUrl, type TestApp } from '../e2e/support/test-app.js';
import { report, until, type Figures } from './support/figures.js';

/**
 * PostgreSQL "restarts" under the API's feet: the test database's other backends (the API's pool, the
 * fixtures' pool) are terminated with pg_terminate_backend several times while a stream of transitions
 * runs. The machine's PostgreSQL itself is never restarted: other work uses it.
 */

const TASKS = 24;
const LOOPS = 8;
const KILLS = 6;
const REQUEST_TIMEOUT_MS = 20_000;
const PATH = [
  { event: 'ASSIGN', as: 'vanphong', to: 'assigned' },
  { event: 'START', as: 'ban-tuyen-giao', to: 'in_progress' },
  { event: 'SUBMIT', as: 'ban-tuyen-giao', to: 'submitted' },
  { event: 'APPROVE', as: 'thuongvu', to: 'approved' },
] as const;
const STATES = ['drafted', ...PATH.map((p) => p.to)];

describe('PostgreSQL backends terminated in the middle of a stream of transitions', () => {
  let t: TestApp;
  let checker: pg.Client;

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '10' });
    // Its idle connections are terminated too: a pool without a listener would throw.
    t.db.on('error', () => undefined);
    checker = new pg.Client({ connectionString: testDatabaseUrl(), application_name: 'dondoc-fault-checker' });
    await checker.connect();
  });
  afterAll(async () => {
    await checker?.end();
    await t?.close();
  });

  const terminate = async () =>
    (
      await checker.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      )
    ).rows[0].n;

  it('loses no acknowledged transition, hangs no request, and recovers without a restart', async () => {
    const ids: string[] = [];
    for (let i = 0; i < TASKS; i++) {
      const task = await makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao', withPendingSubmission: true });
      ids.push(task.id);
    }
    for (const who of new Set(PATH.map((p) => p.as))) await t.token(who);

    const tally = { attempted: 0, acknowledged: 0, failed: 0, hung: 0, conflicts: 0 };
    const failures = new Map<string, number>();
    const acknowledged: { taskId: string; version: number; event: string }[] = [];
    const stored = async (id: string) =>
      (await checker.query<{ state: string; version: number }>(`SELECT state, version FROM tasks WHERE id = $1`, [id]))
        .rows[0];

    const queue = [...ids];
    let streaming = true;
    const drive = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        let { state, version } = await stored(id);
        for (let tries = 0; state !== 'approved'; tries++) {
          if (tries > 40) throw new Error(`task ${id} stuck in ${state}`);
          const step = PATH[STATES.indexOf(state)];
          tally.attempted++;
          let status: number | string;
          let body: { version?: number; state?: string; code?: string } = {};
          try {
            const res = await t.http
              .post(`/api/tasks/${id}/transitions`)
              .set(await t.as(step.as))
              .timeout(REQUEST_TIMEOUT_MS)
              .send({ event: step.event, expectedVersion: version });
            status = res.status;
            body = res.body;
          } catch (e) {
            const err = e as { timeout?: number; code?: string };
            if (err.timeout) tally.hung++;
            status = err.code ?? 'error';
          }
          if (status === 200) {
            tally.acknowledged++;
            acknowledged.push({ taskId: id, version: body.version!, event: step.event });
            expect(body.state).toBe(step.to);
            ({ state, version } = { state: body.state!, version: body.version! });
            continue;
          }
          // Either the write did not happen, or it did and its answer was lost: read what is stored.
          if (status === 409) tally.conflicts++;
          else {
            tally.failed++;
            const key = `${status} ${body.code ?? ''}`.trim();
            failures.set(key, (failures.get(key) ?? 0) + 1);
          }
          ({ state, version } = await stored(id));
        }
      }
    };
    const loops = Array.from({ length: LOOPS }, drive);
    const all = Promise.all(loops).finally(() => {
      streaming = false;
    });

    // Terminate every backend of the test database but the checker's, each time after some progress.
    const kills: number[] = [];
    for (let k = 0; k < KILLS && streaming; k++) {
      const mark = tally.attempted;
      await until('the stream to move on', () => !streaming || tally.attempted >= mark + 6, 60_000, 20);
      if (streaming) kills.push(await terminate());
    }
    await all;

    expect(tally.hung).toBe(0);
    expect(kills.length).toBeGreaterThanOrEqual(3);

    // Recovered without a restart: new work goes through at once.
    const fresh = await makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao' });
    const after = await until(
      'the API to answer a transition after the last termination',
      async () => {
        const res = await t.http
          .post(`/api/tasks/${fresh.id}/transitions`)
          .set(await t.as('vanphong'))
          .timeout(REQUEST_TIMEOUT_MS)
          .send({ event: 'ASSIGN', expectedVersion: fresh.version });
        return res.status === 200 && res;
      },
      30_000,
    );
    expect(after.body.state).toBe('assigned');
    await t.http
      .get('/api/tasks?limit=5')
      .set(await t.as('vanphong'))
      .expect(200);

    const history = await checker.query<{ task_id: string; task_version: number; event: string; n: number }>(
      `SELECT task_id, task_version, event, count(*)::int AS n FROM task_events
        WHERE task_id = ANY($1::uuid[]) GROUP BY 1, 2, 3`,
      [ids],
    );
    const rows = new Map(history.rows.map((r) => [`${r.task_id}/${r.task_version}/${r.event}`, r.n]));
    const found = acknowledged.filter((a) => rows.has(`${a.taskId}/${a.version}/${a.event}`)).length;
    const duplicated = history.rows.reduce((n, r) => n + r.n - 1, 0);
    const final = await checker.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM tasks WHERE id = ANY($1::uuid[]) GROUP BY state`,
      [ids],
    );
    const figures: Figures = {
      attempted: tally.attempted,
      acknowledged: tally.acknowledged,
      found,
      duplicated,
      lost: tally.acknowledged - found,
    };
    report('postgres-backends-terminated', figures, {
      terminations: kills,
      failedRequests: tally.failed,
      failures: Object.fromEntries(failures),
      conflicts: tally.conflicts,
      hung: tally.hung,
      historyRows: history.rows.length,
    });
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
    // Every task reached the end of its path, and its history holds each step once.
    expect(final.rows).toEqual([{ state: 'approved', n: TASKS }]);
    expect(history.rows.length).toBe(TASKS * PATH.length);
  }, 300_000);
});
