import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { localDate } from '@dondoc/workflow';
import { agencyId, makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { until } from './support/wait.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Reporting periods (kỳ báo cáo): the Office opens one, every open task's lead agency is asked, some report,
 * the due-date reminder reaches only the rest, the Office urges them again and closes the period.
 */
describe('reporting periods', () => {
  let redis: TestRedis;
  let t: TestApp;
  const workers: RunningWorker[] = [];
  const today = localDate(new Date());
  // A period due today reminds at 08:00 local; the worker's clock stands just after it (or at now, if later).
  const remindAt = Date.parse(`${today}T08:00:00+07:00`);

  const worker = async () => {
    const w = await startWorker(
      workerConfigFromEnv({
        WORKING_CALENDAR: 'off',
        DATABASE_URL: t.config.databaseUrl,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `rp${process.pid}`,
        CLOCK_OFFSET_MS: String(Math.max(0, remindAt + 2000 - Date.now())),
        RELAY_INTERVAL_MS: '100',
        JOB_BACKOFF_MS: '100',
        LOG_LEVEL: 'silent',
      }),
    );
    workers.push(w);
    return w;
  };

  // Periods are unique by kind and dates across the database other suites share: dates of our own.
  const custom = (day: number) => ({
    kind: 'custom',
    startsOn: `2020-02-${String(day).padStart(2, '0')}`,
    endsOn: `2020-02-${String(day + 1).padStart(2, '0')}`,
    dueDate: today,
  });

  const actions = (periodId: string, taskId: string) =>
    t.db.query<{ rung: string; status: string; version: number; due_at: Date }>(
      `SELECT rung, status, version, due_at FROM scheduled_actions WHERE target_id = $1 AND task_id = $2`,
      [periodId, taskId],
    );

  const eventsOf = (taskId: string, event: string) =>
    t.db.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM task_events WHERE task_id = $1 AND event = $2 ORDER BY id`,
      [taskId, event],
    );

  /** Users of the agency told of this task's change of this kind. */
  const toldAgencies = async (taskId: string, kind: string) => {
    const r = await t.db.query<{ code: string }>(
      `SELECT DISTINCT a.code FROM notifications n JOIN users u ON u.id = n.user_id JOIN agencies a ON a.id = u.agency_id
        WHERE n.task_id = $1 AND n.kind = $2 ORDER BY a.code`,
      [taskId, kind],
    );
    return r.rows.map((x) => x.code);
  };

  let tasks: Record<'a' | 'b' | 'c' | 'drafted' | 'approved', { id: string; version: number }>;
  let period: { id: string };
  let closing: { id: string };

  beforeAll(async () => {
    redis = await TestRedis.start();
    // Its own database: the in-process worker's first pass then has only this suite's actions to fire (on the
    // shared one it fires every suite's past-due actions, and the ladder's few seconds can run out under load).
    t = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: `rp${process.pid}` }, { ownDatabase: true });
    tasks = {
      a: await makeTask(t.db, { state: 'in_progress', lead: 'ban-tuyen-giao', coordinating: ['ban-dan-van'] }),
      b: await makeTask(t.db, { state: 'assigned', lead: 'ban-to-chuc', coordinating: ['ban-dan-van'] }),
      c: await makeTask(t.db, { state: 'submitted', lead: 'ban-noi-chinh', coordinating: ['ban-dan-van'] }),
      drafted: await makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao' }),
      approved: await makeTask(t.db, { state: 'approved', lead: 'ban-tuyen-giao' }),
    };
  });

  afterAll(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
    // Leave no pending reminder to the suites that share the database.
    await t.db.query(`UPDATE reporting_periods SET closed_at = now() WHERE closed_at IS NULL`);
    await t.close();
    await redis.down();
  });

  it('opens a period: every open task is asked of its lead agency, with a reminder on the due date', async () => {
    const office = await t.as('vanphong');
    const res = await t.http.post('/api/reporting-periods').set(office).send(custom(3)).expect(201);
    period = res.body;
    expect(res.body).toMatchObject({
      kind: 'custom',
      label: 'Từ 03/02/2020 đến 04/02/2020',
      dueDate: today,
      closedAt: null,
    });
    const mine = (res.body.tasks as { taskId: string; report: unknown }[]).filter((x) =>
      Object.values(tasks).some((k) => k.id === x.taskId),
    );
    expect(mine.map((x) => x.taskId).sort()).toEqual([tasks.a.id, tasks.b.id, tasks.c.id].sort());
    expect(mine.every((x) => x.report === null)).toBe(true);
    expect(res.body.missing).toBe(res.body.asked);

    for (const task of [tasks.a, tasks.b, tasks.c]) {
      // Other suites open periods of their own meanwhile, and every period asks every open task: count ours.
      const ours = (await eventsOf(task.id, 'PROGRESS_REQUESTED')).rows.filter((r) => r.data.periodId === period.id);
      expect(ours).toEqual([{ data: { periodId: period.id, dueDate: today } }]);
      const planned = await actions(period.id, task.id);
      expect(planned.rows).toEqual([
        { rung: 'progress_remind', status: 'pending', version: 1, due_at: new Date(remindAt) },
      ]);
    }
    expect(await toldAgencies(tasks.a.id, 'PROGRESS_REQUESTED')).toEqual(['ban-tuyen-giao']);
    expect(await toldAgencies(tasks.b.id, 'PROGRESS_REQUESTED')).toEqual(['ban-to-chuc']);
    for (const task of [tasks.drafted, tasks.approved]) {
      expect((await eventsOf(task.id, 'PROGRESS_REQUESTED')).rows).toEqual([]);
    }
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM reporting_period_tasks WHERE period_id = $1`, [
      period.id,
    ]);
    expect(rows.rows[0].n).toBe(res.body.asked);

    // The same period again is refused whole, and only the Office opens one.
    const again = await t.http.post('/api/reporting-periods').set(office).send(custom(3)).expect(409);
    expect(again.body.code).toBe('PERIOD_EXISTS');
    for (const who of ['ban-tuyen-giao', 'thuongvu', 'kiemtra']) {
      await t.http
        .post('/api/reporting-periods')
        .set(await t.as(who))
        .send(custom(20))
        .expect(403);
    }
    const bad: object[] = [
      { kind: 'month', year: 2026, number: 13 },
      { kind: 'quarter', year: 2026 },
      { kind: 'custom', startsOn: '2020-03-10', endsOn: '2020-03-01' },
      { kind: 'week', year: 2026 },
      { ...custom(20), dueDate: '2020-01-01' },
    ];
    for (const body of bad) {
      const r = await t.http.post('/api/reporting-periods').set(office).send(body).expect(400);
      expect(['VALIDATION_FAILED', 'INVALID_DUE_DATE']).toContain(r.body.code);
    }
    // None of the refused bodies made a period (other suites' periods lie elsewhere in time).
    const periods = await t.db.query(
      `SELECT count(*)::int AS n FROM reporting_periods WHERE starts_on = '2020-02-20' AND ends_on = '2020-02-21'`,
    );
    expect(periods.rows[0].n).toBe(0);
  });

  it('records the reports that answer it; the due-date reminder reaches only those who have not reported', async () => {
    // A second period, closed before its reminders are due: they are skipped.
    closing = (
      await t.http
        .post('/api/reporting-periods')
        .set(await t.as('vanphong'))
        .send(custom(6))
        .expect(201)
    ).body;

    // A reports without naming the period: it answers every open period still waiting for it.
    const a = await t.http
      .post(`/api/tasks/${tasks.a.id}/progress`)
      .set(await t.as('ban-tuyen-giao'))
      .send({ percent: 40, narrative: 'Đã hoàn thành dự thảo lần 1.' })
      .expect(201);
    expect([period.id, closing.id]).toContain(a.body.periodId);
    // C names the period.
    const c = await t.http
      .post(`/api/tasks/${tasks.c.id}/progress`)
      .set(await t.as('ban-noi-chinh'))
      .send({ percent: 90, narrative: 'Đã trình, chờ Thường trực cho ý kiến.', periodId: period.id })
      .expect(201);
    expect(c.body).toMatchObject({ periodId: period.id, periodLabel: 'Từ 03/02/2020 đến 04/02/2020' });
    const cEvent = await eventsOf(tasks.c.id, 'PROGRESS_REPORTED');
    expect(cEvent.rows.map((r) => r.data)).toEqual([
      { reportId: c.body.id, percent: 90, periodId: period.id, files: 0 },
    ]);
    // A report for a period that does not ask the task is refused.
    const late = await makeTask(t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    const refused = await t.http
      .post(`/api/tasks/${late.id}/progress`)
      .set(await t.as('ban-tuyen-giao'))
      .send({ percent: 5, narrative: 'Mới bắt đầu.', periodId: period.id })
      .expect(400);
    expect(refused.body.code).toBe('TASK_NOT_IN_PERIOD');

    // Close the second one: its pending reminders must not fire.
    const closed = await t.http
      .post(`/api/reporting-periods/${closing.id}/close`)
      .set(await t.as('vanphong'))
      .expect(200);
    expect(closed.body.closedAt).toEqual(expect.any(String));
    await t.http
      .post(`/api/reporting-periods/${closing.id}/close`)
      .set(await t.as('vanphong'))
      .expect(409);
    const toClosed = await t.http
      .post(`/api/tasks/${tasks.b.id}/progress`)
      .set(await t.as('ban-to-chuc'))
      .send({ percent: 5, narrative: 'Cho kỳ đã đóng.', periodId: closing.id })
      .expect(409);
    expect(toClosed.body.code).toBe('PERIOD_CLOSED');
    await t.http
      .post(`/api/reporting-periods/${closing.id}/remind`)
      .set(await t.as('vanphong'))
      .expect(409);

    await worker();
    const fired = await until('the reminders of our tasks to fire', async () => {
      const r = await t.db.query<{ task_id: string; target_id: string; status: string }>(
        // Our two periods only: other suites open periods of their own that ask these tasks too.
        `SELECT task_id, target_id, status FROM scheduled_actions
          WHERE rung = 'progress_remind' AND task_id = ANY($1::uuid[]) AND target_id = ANY($2::uuid[])
          ORDER BY target_id, task_id`,
        [
          [tasks.a.id, tasks.b.id, tasks.c.id],
          [period.id, closing.id],
        ],
      );
      return r.rows.every((x) => x.status !== 'pending') && r.rows;
    });
    const status = (p: string, task: string) => fired.find((x) => x.target_id === p && x.task_id === task)?.status;
    expect(status(period.id, tasks.a.id)).toBe('skipped');
    expect(status(period.id, tasks.b.id)).toBe('done');
    expect(status(period.id, tasks.c.id)).toBe('skipped');
    for (const task of [tasks.a, tasks.b, tasks.c]) expect(status(closing.id, task.id)).toBe('skipped');

    expect((await eventsOf(tasks.b.id, 'PROGRESS_REMIND')).rows).toHaveLength(1);
    expect((await eventsOf(tasks.a.id, 'PROGRESS_REMIND')).rows).toHaveLength(0);
    expect((await eventsOf(tasks.c.id, 'PROGRESS_REMIND')).rows).toHaveLength(0);
    expect(await toldAgencies(tasks.b.id, 'progress_remind')).toEqual(['ban-to-chuc']);
    expect(await toldAgencies(tasks.a.id, 'progress_remind')).toEqual([]);
  });

  it('shows who has and has not reported, per agency; an agency sees only its own rows', async () => {
    const detail = await t.http
      .get(`/api/reporting-periods/${period.id}`)
      .set(await t.as('thuongvu'))
      .expect(200);
    const row = (task: string) =>
      (detail.body.tasks as { taskId: string; report: { percent: number; narrative: string } | null }[]).find(
        (x) => x.taskId === task,
      );
    expect(row(tasks.a.id)?.report).toMatchObject({ percent: 40, narrative: 'Đã hoàn thành dự thảo lần 1.' });
    expect(row(tasks.b.id)?.report).toBeNull();
    expect(row(tasks.c.id)?.report).toMatchObject({ percent: 90 });
    const agencies = detail.body.agencies as { agencyId: string; asked: number; reported: number; missing: number }[];
    const of = async (code: string) => {
      const id = await agencyId(t.db, code);
      return agencies.find((x) => x.agencyId === id);
    };
    expect((await of('ban-to-chuc'))?.missing).toBeGreaterThanOrEqual(1);
    expect((await of('ban-noi-chinh'))?.reported).toBeGreaterThanOrEqual(1);
    expect((await of('ban-tuyen-giao'))?.reported).toBeGreaterThanOrEqual(1);
    const sum = (k: 'asked' | 'reported' | 'missing') => agencies.reduce((n, x) => n + x[k], 0);
    expect([sum('asked'), sum('reported'), sum('missing')]).toEqual([
      detail.body.asked,
      detail.body.reported,
      detail.body.missing,
    ]);
    expect(agencies.every((x) => x.asked === x.reported + x.missing)).toBe(true);

    const own = await agencyId(t.db, 'ban-to-chuc');
    const asAgency = await t.http
      .get(`/api/reporting-periods/${period.id}`)
      .set(await t.as('ban-to-chuc'))
      .expect(200);
    expect(asAgency.body.agencies.map((x: { agencyId: string }) => x.agencyId)).toEqual([own]);
    expect(asAgency.body.tasks.every((x: { agencyId: string }) => x.agencyId === own)).toBe(true);
    expect(asAgency.body.tasks.map((x: { taskId: string }) => x.taskId)).toContain(tasks.b.id);
    expect(asAgency.body.asked).toBe(asAgency.body.agencies[0].asked);
    const list = await t.http
      .get('/api/reporting-periods')
      .set(await t.as('ban-to-chuc'))
      .expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([period.id, closing.id]));
    expect(list.body.items.find((p: { id: string }) => p.id === period.id).asked).toBe(asAgency.body.asked);
    const all = await t.http
      .get('/api/reporting-periods')
      .set(await t.as('kiemtra'))
      .expect(200);
    expect(all.body.items.find((p: { id: string }) => p.id === period.id)).toMatchObject({
      asked: detail.body.asked,
      reported: detail.body.reported,
    });
    await t.http
      .get('/api/reporting-periods')
      .set(await t.as('admin'))
      .expect(403);
    // An agency no period asks anything of does not see it.
    const lonely = await t.db.query<{ id: string }>(
      `INSERT INTO agencies (code, name, kind) VALUES ($1, 'Cơ quan không có nhiệm vụ', 'ban') RETURNING id`,
      [`khong-nv-${process.pid}`],
    );
    await t.db.query(
      `INSERT INTO users (username, full_name, password_hash, role, agency_id, position)
       SELECT $1, 'Không nhiệm vụ', password_hash, 'agency', $2, 'head' FROM users WHERE username = 'ban-to-chuc'`,
      [`khong-nv-${process.pid}`, lonely.rows[0].id],
    );
    await t.http
      .get(`/api/reporting-periods/${period.id}`)
      .set(await t.as(`khong-nv-${process.pid}`))
      .expect(404);
    const none = await t.http
      .get('/api/reporting-periods')
      .set(await t.as(`khong-nv-${process.pid}`))
      .expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('urges now those still missing, once a day, and stops once closed', async () => {
    const office = await t.as('vanphong');
    const first = await t.http.post(`/api/reporting-periods/${period.id}/remind`).set(office).expect(200);
    expect(first.body.reminded).toBeGreaterThanOrEqual(1);
    const b = await eventsOf(tasks.b.id, 'PROGRESS_REQUESTED');
    const ofPeriod = (rows: { data: Record<string, unknown> }[]) =>
      rows.map((r) => r.data).filter((d) => d.periodId === period.id);
    expect(ofPeriod(b.rows)).toEqual([
      { periodId: period.id, dueDate: today },
      { periodId: period.id, dueDate: today, again: true },
    ]);
    // A has reported: asked once, never urged.
    expect(ofPeriod((await eventsOf(tasks.a.id, 'PROGRESS_REQUESTED')).rows)).toEqual([
      { periodId: period.id, dueDate: today },
    ]);
    const again = await t.http.post(`/api/reporting-periods/${period.id}/remind`).set(office).expect(200);
    expect(again.body).toEqual({ reminded: 0, alreadyToday: first.body.reminded });
    await t.http
      .post(`/api/reporting-periods/${period.id}/remind`)
      .set(await t.as('ban-to-chuc'))
      .expect(403);

    // B reports: it is no longer missing.
    await t.http
      .post(`/api/tasks/${tasks.b.id}/progress`)
      .set(await t.as('ban-to-chuc'))
      .send({ percent: 15, narrative: 'Đã lập tổ biên tập.' })
      .expect(201);
    const detail = await t.http.get(`/api/reporting-periods/${period.id}`).set(office).expect(200);
    expect(detail.body.tasks.find((x: { taskId: string }) => x.taskId === tasks.b.id).report).toMatchObject({
      percent: 15,
    });
    await t.http.post(`/api/reporting-periods/${period.id}/close`).set(office).expect(200);
    const after = await t.http.post(`/api/reporting-periods/${period.id}/remind`).set(office).expect(409);
    expect(after.body.code).toBe('PERIOD_CLOSED');
  });

  it('follows a task reassigned after the period opened: the new lead answers for it, the former one no longer sees it', async () => {
    const task = await makeTask(t.db, { state: 'assigned', lead: 'ban-dan-van', coordinating: [] });
    const opened = await t.http
      .post('/api/reporting-periods')
      .set(await t.as('vanphong'))
      .send({ kind: 'custom', startsOn: '2071-01-01', endsOn: '2071-01-31', dueDate: '2071-02-05' })
      .expect(201);
    const moved = await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await t.as('vanphong'))
      .send({
        event: 'REASSIGN',
        leadAgencyId: await agencyId(t.db, 'ban-to-chuc'),
        expectedVersion: task.version,
        comment: 'Chuyển cơ quan chủ trì',
      });
    expect(moved.status).toBe(200);
    await t.http
      .post(`/api/tasks/${task.id}/progress`)
      .set(await t.as('ban-to-chuc'))
      .send({ percent: 60, narrative: 'Nội dung riêng của Ban Tổ chức', periodId: opened.body.id })
      .expect(201);
    const former = await t.http.get(`/api/reporting-periods/${opened.body.id}`).set(await t.as('ban-dan-van'));
    const seen = former.status === 200 ? (former.body.tasks as { taskId: string }[]).map((x) => x.taskId) : [];
    expect(seen).not.toContain(task.id);
    expect(JSON.stringify(former.body)).not.toContain('Nội dung riêng của Ban Tổ chức');
    const current = await t.http
      .get(`/api/reporting-periods/${opened.body.id}`)
      .set(await t.as('ban-to-chuc'))
      .expect(200);
    const row = (current.body.tasks as { taskId: string; report: { percent: number } | null }[]).find(
      (x) => x.taskId === task.id,
    );
    expect(row?.report).toMatchObject({ percent: 60 });
    await t.http
      .post(`/api/reporting-periods/${opened.body.id}/close`)
      .set(await t.as('vanphong'))
      .send({})
      .expect(200);
  });
});
