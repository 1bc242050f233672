import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { deadlineInstant, localDate } from '@dondoc/workflow';
import { agencyId, directiveId, makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { until } from './support/wait.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LEAD = 'ban-tuyen-giao';
const COORD = 'ban-dan-van';
const OUTSIDER = 'ban-noi-chinh';

interface Milestone {
  id: string;
  label: string;
  dueDate: string;
  doneAt: string | null;
  status: string;
}

describe('milestones (mốc) of a task: set, moved, reached, reminded (real PostgreSQL and Redis)', () => {
  let redis: TestRedis;
  let t: TestApp;
  const workers: RunningWorker[] = [];

  const put = async (who: string, taskId: string, milestones: Record<string, unknown>[]) =>
    t.http
      .put(`/api/tasks/${taskId}/milestones`)
      .set(await t.as(who))
      .send({ milestones });
  const list = async (who: string, taskId: string) =>
    t.http.get(`/api/tasks/${taskId}/milestones`).set(await t.as(who));
  const actions = async (taskId: string) =>
    (
      await t.db.query<{ rung: string; status: string; target_id: string; version: number; job_id: string }>(
        `SELECT rung, status, target_id, version, job_id FROM scheduled_actions
          WHERE task_id = $1 AND target_id IS NOT NULL ORDER BY due_at, id`,
        [taskId],
      )
    ).rows;
  const notified = async (taskId: string, kind: string) =>
    (
      await t.db.query<{ user_id: string }>(
        `SELECT user_id FROM notifications WHERE task_id = $1 AND kind = $2 ORDER BY user_id`,
        [taskId, kind],
      )
    ).rows.map((r) => r.user_id);
  const rowsOf = async (taskId: string) =>
    (
      await t.db.query(
        `SELECT (SELECT json_agg(m ORDER BY m.id) FROM milestones m WHERE m.task_id = $1) AS milestones,
                (SELECT count(*) FROM task_events WHERE task_id = $1) AS events,
                (SELECT count(*) FROM scheduled_actions WHERE task_id = $1) AS actions,
                (SELECT version FROM tasks WHERE id = $1) AS version`,
        [taskId],
      )
    ).rows[0] as Record<string, unknown>;

  beforeAll(async () => {
    redis = await TestRedis.start();
    // Its own database: the in-process worker's first pass then has only this suite's actions to fire (on the
    // shared one it fires every suite's past-due actions, and the ladder's few seconds can run out under load).
    t = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: `m${process.pid}` }, { ownDatabase: true });
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  });

  afterAll(async () => {
    await t.close();
    await redis.down();
  });

  it('sets, moves, removes and reaches milestones, each change one history row and a schedule of its own', async () => {
    const task = await makeTask(t.db, {
      state: 'in_progress',
      lead: LEAD,
      coordinating: [COORD],
      dueDate: '2030-06-30',
    });
    const set = await put(LEAD, task.id, [
      { label: 'Hoàn thành dự thảo', dueDate: '2030-03-31' },
      { label: 'Xin ý kiến các cơ quan', dueDate: '2030-04-30' },
    ]);
    expect(set.status).toBe(200);
    const [draft, consult] = set.body.items as Milestone[];
    expect([draft.label, consult.label]).toEqual(['Hoàn thành dự thảo', 'Xin ý kiến các cơ quan']);
    expect(set.body.items.map((m: Milestone) => m.status)).toEqual(['open', 'open']);
    // Two reminders and an overdue each, pending, keyed by the milestone and its version.
    let planned = await actions(task.id);
    expect(planned.filter((a) => a.target_id === draft.id).map((a) => a.rung)).toEqual([
      'milestone_remind',
      'milestone_remind',
      'milestone_overdue',
    ]);
    expect(planned.every((a) => a.status === 'pending' && a.version === 1)).toBe(true);

    // Move the first, drop the second, add a third.
    const moved = await put(LEAD, task.id, [
      { id: draft.id, label: 'Hoàn thành dự thảo', dueDate: '2030-04-15' },
      { label: 'Trình Thường trực', dueDate: '2030-05-31' },
    ]);
    expect(moved.status).toBe(200);
    expect(moved.body.items.map((m: Milestone) => [m.label, m.dueDate])).toEqual([
      ['Hoàn thành dự thảo', '2030-04-15'],
      ['Trình Thường trực', '2030-05-31'],
    ]);
    planned = await actions(task.id);
    const ofDraft = planned.filter((a) => a.target_id === draft.id);
    expect(ofDraft.filter((a) => a.status === 'cancelled').map((a) => a.version)).toEqual([1, 1, 1]);
    expect(ofDraft.filter((a) => a.status === 'pending').map((a) => a.version)).toEqual([2, 2, 2]);
    expect(planned.filter((a) => a.target_id === consult.id).every((a) => a.status === 'cancelled')).toBe(true);

    // The card shows the next one.
    const summary = await t.http.get(`/api/tasks/${task.id}`).set(await t.as(LEAD));
    expect(summary.body.nextMilestone).toMatchObject({
      id: draft.id,
      label: 'Hoàn thành dự thảo',
      dueDate: '2030-04-15',
    });

    const done = await t.http
      .post(`/api/milestones/${draft.id}/done`)
      .set(await t.as(LEAD))
      .send({ note: 'Đã có dự thảo lần 1' });
    expect(done.status).toBe(200);
    expect((done.body.items as Milestone[]).find((m) => m.id === draft.id)?.status).toBe('done_on_time');
    expect((await actions(task.id)).filter((a) => a.target_id === draft.id && a.status === 'pending')).toEqual([]);
    const again = await t.http
      .post(`/api/milestones/${draft.id}/done`)
      .set(await t.as(LEAD))
      .send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MILESTONE_ALREADY_DONE');

    const events = await t.db.query<{ event: string; data: Record<string, unknown>; comment: string | null }>(
      `SELECT event, data, comment FROM task_events WHERE task_id = $1 AND event LIKE 'MILESTONE%' ORDER BY id`,
      [task.id],
    );
    expect(events.rows.map((e) => e.event)).toEqual(['MILESTONES_SET', 'MILESTONES_SET', 'MILESTONE_DONE']);
    expect((events.rows[1].data.milestones as { label: string }[]).map((m) => m.label)).toEqual([
      'Hoàn thành dự thảo',
      'Trình Thường trực',
    ]);
    expect(events.rows[2]).toMatchObject({ data: { milestoneId: draft.id }, comment: 'Đã có dự thảo lần 1' });
    // The Office hears of it through the agency's monitoring officer only (the demo names one for this agency).
    const monitor = (
      await t.db.query<{ monitoring_user_id: string | null }>(
        `SELECT monitoring_user_id FROM agencies WHERE code = $1`,
        [LEAD],
      )
    ).rows[0].monitoring_user_id;
    expect(await notified(task.id, 'MILESTONE_DONE')).toEqual(monitor ? [monitor] : []);
  });

  it('lets the Office and the lead see and set milestones; the coordinator sees them; others are refused, nothing written', async () => {
    const task = await makeTask(t.db, {
      state: 'in_progress',
      lead: LEAD,
      coordinating: [COORD],
      dueDate: '2030-06-30',
    });
    const first = await put('vanphong', task.id, [{ label: 'Mốc 1', dueDate: '2030-03-31' }]);
    expect(first.status).toBe(200);
    const id = (first.body.items as Milestone[])[0].id;
    expect((await list(COORD, task.id)).status).toBe(200);
    expect((await list('kiemtra', task.id)).status).toBe(200);
    expect((await list(OUTSIDER, task.id)).status).toBe(404);
    const before = await rowsOf(task.id);
    const refused: [string, () => Promise<{ status: number; body: { code?: string } }>, number, string][] = [
      [COORD, () => put(COORD, task.id, []), 403, 'FORBIDDEN_ROLE'],
      ['thuongvu', () => put('thuongvu', task.id, []), 403, 'FORBIDDEN_ROLE'],
      ['kiemtra', () => put('kiemtra', task.id, []), 403, 'FORBIDDEN_ROLE'],
      [OUTSIDER, () => put(OUTSIDER, task.id, []), 404, 'NOT_FOUND'],
      ['admin', () => put('admin', task.id, []), 403, 'FORBIDDEN'],
      [
        COORD,
        async () =>
          t.http
            .post(`/api/milestones/${id}/done`)
            .set(await t.as(COORD))
            .send({}),
        403,
        'FORBIDDEN_ROLE',
      ],
      [
        OUTSIDER,
        async () =>
          t.http
            .post(`/api/milestones/${id}/done`)
            .set(await t.as(OUTSIDER))
            .send({}),
        404,
        'NOT_FOUND',
      ],
      // Bad input: after the deadline, an unknown id, the same id twice, an empty label, a date that is none.
      [LEAD, () => put(LEAD, task.id, [{ label: 'Muộn', dueDate: '2030-07-01' }]), 400, 'MILESTONE_DATE_INVALID'],
      [
        LEAD,
        () => put(LEAD, task.id, [{ id: '00000000-0000-4000-8000-000000000000', label: 'X', dueDate: '2030-03-01' }]),
        404,
        'NOT_FOUND',
      ],
      [
        LEAD,
        () =>
          put(LEAD, task.id, [
            { id, label: 'A', dueDate: '2030-03-01' },
            { id, label: 'B', dueDate: '2030-03-02' },
          ]),
        400,
        'VALIDATION_FAILED',
      ],
      [LEAD, () => put(LEAD, task.id, [{ label: '  ', dueDate: '2030-03-01' }]), 400, 'VALIDATION_FAILED'],
      [LEAD, () => put(LEAD, task.id, [{ label: 'X', dueDate: '2030-02-30' }]), 400, 'VALIDATION_FAILED'],
      [LEAD, () => put(LEAD, task.id, [{ label: 'X', dueDate: '31/03/2030' }]), 400, 'VALIDATION_FAILED'],
    ];
    for (const [who, call, status, code] of refused) {
      const res = await call();
      expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status, code });
    }
    expect(await rowsOf(task.id)).toEqual(before);

    // A closed task's milestones are settled.
    const approved = await makeTask(t.db, { state: 'approved', lead: LEAD });
    expect((await put('vanphong', approved.id, [])).status).toBe(409);
  });

  it("stores the milestones an import proposes, and refuses one after its task's deadline before creating anything", async () => {
    const lead = await agencyId(t.db, LEAD);
    const number = `MOC-${process.pid}/TU`;
    const body = (milestone: string) => ({
      directive: { number, kind: 'action_program', title: 'Chương trình thử mốc', issuedOn: '2021-01-15' },
      assign: true,
      tasks: [
        {
          title: 'Xây dựng đề án',
          deliverableType: 'de_an',
          field: 'economy',
          leadAgencyId: lead,
          dueDate: '2031-06-30',
          deadlineText: 'quý I và quý II-2031',
          milestones: [{ label: 'Mốc 31/03/2031', dueDate: milestone }],
        },
      ],
    });
    const late = await t.http
      .post('/api/directives/import/confirm')
      .set(await t.as('vanphong'))
      .send(body('2031-07-31'));
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('MILESTONE_DATE_INVALID');
    expect((await t.db.query(`SELECT 1 FROM directives WHERE number = $1`, [number])).rowCount).toBe(0);

    const ok = await t.http
      .post('/api/directives/import/confirm')
      .set(await t.as('vanphong'))
      .send(body('2031-03-31'));
    expect(ok.status).toBe(201);
    const taskId = ok.body.taskIds[0] as string;
    const ms = await list(LEAD, taskId);
    expect(ms.body.items.map((m: Milestone) => [m.label, m.dueDate, m.status])).toEqual([
      ['Mốc 31/03/2031', '2031-03-31', 'open'],
    ]);
    const events = await t.db.query<{ event: string }>(`SELECT event FROM task_events WHERE task_id = $1 ORDER BY id`, [
      taskId,
    ]);
    expect(events.rows.map((e) => e.event)).toEqual(['CREATE', 'MILESTONES_SET', 'ASSIGN']);
    expect((await actions(taskId)).map((a) => a.rung)).toEqual([
      'milestone_remind',
      'milestone_remind',
      'milestone_overdue',
    ]);
    // The same through POST /api/tasks.
    const created = await t.http
      .post('/api/tasks')
      .set(await t.as('vanphong'))
      .send({
        directiveId: await directiveId(t.db, number),
        title: 'Sơ kết',
        deliverableType: 'bao_cao',
        field: 'economy',
        dueDate: '2031-12-31',
        milestones: [{ label: 'Báo cáo 6 tháng', dueDate: '2031-06-30' }],
        isKey: true,
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      isKey: true,
      nextMilestone: { label: 'Báo cáo 6 tháng', dueDate: '2031-06-30' },
    });
  });

  it('reminds before a milestone and marks it overdue on time, to the named chain', async () => {
    // A directive whose ladder runs in seconds.
    const office = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanphong'`);
    const number = `MOC2-${process.pid}/TU`;
    await t.db.query(
      `INSERT INTO directives (number, kind, title, created_by, escalation_policy)
       VALUES ($1, 'conclusion', 'Kết luận thử mốc', $2, '{"remindBefore": ["PT4S"], "escalateAfter": "PT2S"}'::jsonb)`,
      [number, office.rows[0].id],
    );
    const today = localDate(new Date());
    const deadline = deadlineInstant(today).getTime();
    const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD, dueDate: '2030-12-31', directive: number });
    const set = await put(LEAD, task.id, [{ label: 'Mốc hôm nay', dueDate: today }]);
    expect(set.status).toBe(200);
    const milestone = (set.body.items as Milestone[])[0];
    workers.push(
      await startWorker(
        workerConfigFromEnv({
          WORKING_CALENDAR: 'off',
          DATABASE_URL: t.config.databaseUrl,
          REDIS_URL: redis.url,
          QUEUE_PREFIX: `m${process.pid}`,
          CLOCK_OFFSET_MS: String(deadline - 6000 - Date.now()),
          RELAY_INTERVAL_MS: '100',
          JOB_BACKOFF_MS: '100',
          LOG_LEVEL: 'silent',
        }),
      ),
    );
    const fired = await until('the milestone’s reminder and overdue', async () => {
      const r = await t.db.query<{ rung: string; status: string; fired_at: Date | null; due_at: Date }>(
        `SELECT rung, status, fired_at, due_at FROM scheduled_actions WHERE target_id = $1 ORDER BY due_at`,
        [milestone.id],
      );
      return r.rows.length === 2 && r.rows.every((a) => a.status === 'done') && r.rows;
    });
    expect(fired.map((a) => a.rung)).toEqual(['milestone_remind', 'milestone_overdue']);
    // Never before its time on the worker's clock, which is the time it records.
    for (const a of fired) expect(a.fired_at!.getTime()).toBeGreaterThanOrEqual(a.due_at.getTime());
    const head = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [LEAD])).rows[0].id;
    const monitor = (
      await t.db.query<{ monitoring_user_id: string | null }>(
        `SELECT monitoring_user_id FROM agencies WHERE code = $1`,
        [LEAD],
      )
    ).rows[0].monitoring_user_id;
    // No officer named: the agency's head hears of the reminder; the overdue reaches the monitoring officer too.
    expect(await notified(task.id, 'milestone_remind')).toEqual([head]);
    expect(await notified(task.id, 'milestone_overdue')).toEqual([head, ...(monitor ? [monitor] : [])].sort());
    const events = await t.db.query<{ event: string }>(
      `SELECT event FROM task_events WHERE task_id = $1 AND event LIKE 'MILESTONE%' AND event <> 'MILESTONES_SET' ORDER BY id`,
      [task.id],
    );
    expect(events.rows.map((e) => e.event)).toEqual(['MILESTONE_REMIND', 'MILESTONE_OVERDUE']);
    // The task's own escalation level is untouched: a milestone's lateness is its own.
    const level = await t.db.query<{ escalation_level: number }>(`SELECT escalation_level FROM tasks WHERE id = $1`, [
      task.id,
    ]);
    expect(level.rows[0].escalation_level).toBe(0);
  });
});
