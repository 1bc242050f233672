import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { DEFAULT_CALENDAR_SETTINGS, WorkingCalendar, localDate } from '@dondoc/workflow';
import { Redis } from 'ioredis';
import { agencyId, directiveId } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { until } from './support/wait.js';

// The API's clock stands on the Friday before Tết 2026 (10:00 in Hà Nội): a deadline of working days is fixed then.
const FRIDAY_BEFORE_TET = Date.parse('2026-02-13T10:00:00+07:00');
const CAL = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS);
/** An action's local day (Asia/Ho_Chi_Minh). */
const dayOf = (at: string | Date) => localDate(new Date(at));

describe('the working calendar (deadlines in working days, reminders on working days, a new day off)', () => {
  let t: TestApp;
  let lead: string;
  let directive: string;

  beforeAll(async () => {
    // Its own database: a calendar change reschedules every open task of the database it runs on.
    t = await startTestApp(
      { WORKING_CALENDAR: 'on', CLOCK_OFFSET_MS: String(FRIDAY_BEFORE_TET - Date.now()) },
      { ownDatabase: true },
    );
    lead = await agencyId(t.db, 'ban-tuyen-giao');
    directive = await directiveId(t.db);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const office = () => t.as('vanphong');

  async function draft(body: Record<string, unknown>, onDirective = directive) {
    const res = await t.http
      .post('/api/tasks')
      .set(await office())
      .send({
        directiveId: onDirective,
        title: `Nhiệm vụ lịch làm việc ${Math.random().toString(36).slice(2)}`,
        deliverableType: 'bao_cao',
        field: 'party_building',
        leadAgencyId: lead,
        ...body,
      })
      .expect(201);
    return res.body as { id: string; version: number; deadlineWorkingDays: number | null };
  }

  async function assign(task: { id: string; version: number }) {
    const res = await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await office())
      .send({ event: 'ASSIGN', expectedVersion: task.version })
      .expect(200);
    return res.body as { id: string; dueDate: string; effectiveDueDate: string; version: number };
  }

  async function pending(taskId: string) {
    const r = await t.db.query<{ id: string; rung: string; offset: string; due_at: Date; job_id: string }>(
      `SELECT id::text, rung, "offset", due_at, job_id FROM scheduled_actions
        WHERE task_id = $1 AND status = 'pending' ORDER BY due_at`,
      [taskId],
    );
    return r.rows;
  }

  it('fixes "trong 10 ngày làm việc" at ASSIGN on the Friday before Tết: the Tết week does not count', async () => {
    const task = await draft({ deadlineWorkingDays: 10, deadlineText: 'trong 10 ngày làm việc kể từ ngày giao' });
    expect(task.deadlineWorkingDays).toBe(10);
    const assigned = await assign(task);
    // Tết 2026 (17/02) takes 16–20/02 off: ten working days from 13/02 end on Friday 06/03.
    expect(assigned.dueDate).toBe('2026-03-06');
    expect(assigned.effectiveDueDate).toBe('2026-03-06');
    const rows = await pending(task.id);
    expect(rows.map((a) => a.rung)).toEqual(['remind_before', 'remind_before', 'overdue', 'escalate']);
    for (const a of rows) expect(CAL.isWorkingDay(dayOf(a.due_at))).toBe(true);
  });

  it('puts reminders on working days at 08:00: counted in working days, or on the working day before a holiday', async () => {
    // Due Friday 04/09/2026; 01/09 and 02/09 are Quốc khánh.
    const byWorkingDays = await assign(await draft({ dueDate: '2026-09-04' }));
    const worked = await pending(byWorkingDays.id);
    const at = (rows: typeof worked, rung: string, offset: string) =>
      rows.find((a) => a.rung === rung && a.offset === offset)!.due_at.toISOString();
    expect(at(worked, 'remind_before', 'P3D')).toBe('2026-08-28T01:00:00.000Z');
    expect(at(worked, 'overdue', 'PT0S')).toBe('2026-09-07T01:00:00.000Z');
    expect(at(worked, 'escalate', 'P7D')).toBe('2026-09-15T01:00:00.000Z');

    // A directive counting its reminders in calendar days: 3 days before is 01/09, a holiday, so 31/08.
    const other = await t.db.query<{ id: string }>(
      `INSERT INTO directives (number, kind, title, issued_on, escalation_policy, created_by)
       SELECT 'LLV-' || floor(random() * 1e9)::text, 'conclusion', 'Kết luận thử lịch', '2026-01-05',
              '{"dayCounting":{"remindBefore":"calendar"}}'::jsonb, id FROM users WHERE username = 'vanphong'
       RETURNING id`,
    );
    const byCalendarDays = await assign(await draft({ dueDate: '2026-09-04' }, other.rows[0].id));
    const counted = await pending(byCalendarDays.id);
    expect(at(counted, 'remind_before', 'P3D')).toBe('2026-08-31T01:00:00.000Z');
    expect(at(counted, 'remind_before', 'P14D')).toBe('2026-08-21T01:00:00.000Z');
    for (const a of [...worked, ...counted]) expect(CAL.isWorkingDay(dayOf(a.due_at))).toBe(true);
  });

  it('a deadline on a day off ends with the next working day, shown beside the stated one', async () => {
    const task = await assign(await draft({ dueDate: '2026-09-02' }));
    expect(task.dueDate).toBe('2026-09-02');
    expect(task.effectiveDueDate).toBe('2026-09-03');
    const overdue = (await pending(task.id)).find((a) => a.rung === 'overdue')!;
    expect(overdue.due_at.toISOString()).toBe('2026-09-04T01:00:00.000Z');
  });

  it('entering a new day off moves the pending actions and the effective deadline; withdrawing it moves them back', async () => {
    const task = await assign(await draft({ dueDate: '2026-10-14' }));
    const before = await pending(task.id);
    const p3 = before.find((a) => a.offset === 'P3D')!;
    expect(dayOf(p3.due_at)).toBe('2026-10-09');

    const year = (
      await t.http
        .get('/api/calendar?from=2026')
        .set(await office())
        .expect(200)
    ).body.years[0];
    const days = [
      ...year.computed,
      { date: '2026-10-09', kind: 'off', name: 'Nghỉ đột xuất' },
      { date: '2026-10-14', kind: 'off', name: 'Nghỉ đột xuất' },
    ];
    const saved = await t.http
      .put('/api/calendar/years/2026')
      .set(await office())
      .send({ days, source: 'Thông báo số 99/TB-VPTU (thử nghiệm)' })
      .expect(200);
    expect(saved.body.rescheduled.tasks).toBeGreaterThanOrEqual(1);
    expect(saved.body.rescheduled.effectiveDueDates).toBeGreaterThanOrEqual(1);
    expect(saved.body.year.official.source).toBe('Thông báo số 99/TB-VPTU (thử nghiệm)');
    expect(saved.body.year.exceptions.map((d: { date: string }) => d.date)).toContain('2026-10-09');

    const detail = (
      await t.http
        .get(`/api/tasks/${task.id}`)
        .set(await office())
        .expect(200)
    ).body;
    expect(detail.dueDate).toBe('2026-10-14');
    expect(detail.effectiveDueDate).toBe('2026-10-15');
    const after = await pending(task.id);
    expect(after.map((a) => dayOf(a.due_at))).not.toContain('2026-10-09');
    expect(after.map((a) => dayOf(a.due_at))).not.toContain('2026-10-14');
    // Working days before Thursday 15/10, the new day off skipped: 13, 12, then 08/10.
    expect(dayOf(after.find((a) => a.offset === 'P3D')!.due_at)).toBe('2026-10-08');
    expect(after.find((a) => a.offset === 'P3D')!.job_id).toMatch(/-c\d+$/);
    const old = await t.db.query(`SELECT status FROM scheduled_actions WHERE id = $1`, [p3.id]);
    expect(old.rows[0].status).toBe('cancelled');
    const history = await t.db.query(
      `SELECT data FROM task_events WHERE task_id = $1 AND event = 'CALENDAR_CHANGED' ORDER BY id`,
      [task.id],
    );
    expect(history.rows[0].data.effectiveDueDate).toEqual({ from: '2026-10-14', to: '2026-10-15' });

    const withdrawn = await t.http
      .delete('/api/calendar/years/2026')
      .set(await office())
      .expect(200);
    expect(withdrawn.body.year.official).toBeNull();
    const back = (
      await t.http
        .get(`/api/tasks/${task.id}`)
        .set(await office())
        .expect(200)
    ).body;
    expect(back.effectiveDueDate).toBe('2026-10-14');
    expect(dayOf((await pending(task.id)).find((a) => a.offset === 'P3D')!.due_at)).toBe('2026-10-09');
  });

  it('refuses a schedule that is not valid, and writes nothing', async () => {
    const count = async () =>
      (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM calendar_entries`)).rows[0].n;
    const n = await count();
    const outside = await t.http
      .put('/api/calendar/years/2027')
      .set(await office())
      .send({ days: [{ date: '2026-12-31', kind: 'off', name: 'Sai năm' }], source: 'Thông báo' })
      .expect(400);
    expect(outside.body.code).toBe('VALIDATION_FAILED');
    const weekday = await t.http
      .put('/api/calendar/years/2027')
      .set(await office())
      .send({ days: [{ date: '2027-03-03', kind: 'work', name: 'Làm bù' }], source: 'Thông báo' })
      .expect(400);
    expect(weekday.body.details[0].path).toBe('days.0.kind');
    await t.http
      .put('/api/calendar/years/2027')
      .set(await office())
      .send({ days: [], source: '' })
      .expect(400);
    await t.http
      .delete('/api/calendar/years/2031')
      .set(await office())
      .expect(404);
    expect(await count()).toBe(n);
  });

  it("the worker's relay moves the jobs in Redis: the old one removed, the calendar revision's one added", async () => {
    const redis = await TestRedis.start();
    const prefix = `cal${process.pid}`;
    let worker: RunningWorker | undefined;
    const client = new Redis(redis.url);
    try {
      worker = await startWorker(
        workerConfigFromEnv({
          DATABASE_URL: t.config.databaseUrl,
          REDIS_URL: redis.url,
          QUEUE_PREFIX: prefix,
          RELAY_INTERVAL_MS: '100',
          RECONCILE_INTERVAL_SECONDS: '3600',
          LOG_LEVEL: 'silent',
        }),
      );
      // A deadline still ahead of the real clock: the worker fires nothing of it during the test.
      const task = await assign(await draft({ dueDate: '2027-11-18' }));
      const p3 = (await pending(task.id)).find((a) => a.offset === 'P3D')!;
      const job = (id: string) => client.exists(`${prefix}:escalations:${id}`);
      await until('the reminder in Redis', async () => (await job(p3.job_id)) === 1, 20_000);

      const year = (
        await t.http
          .get('/api/calendar?from=2027')
          .set(await office())
          .expect(200)
      ).body.years[0];
      await t.http
        .put('/api/calendar/years/2027')
        .set(await office())
        .send({
          days: [...year.computed, { date: dayOf(p3.due_at), kind: 'off', name: 'Nghỉ đột xuất' }],
          source: 'Thông báo thử nghiệm',
        })
        .expect(200);
      const moved = (await pending(task.id)).find((a) => a.offset === 'P3D')!;
      expect(moved.job_id).not.toBe(p3.job_id);
      await until('the old job removed', async () => (await job(p3.job_id)) === 0, 20_000);
      await until('the moved job added', async () => (await job(moved.job_id)) === 1, 20_000);
      await t.http
        .delete('/api/calendar/years/2027')
        .set(await office())
        .expect(200);
    } finally {
      client.disconnect();
      await worker?.close();
      await redis.down();
    }
  }, 90_000);

  it('counts working days between dates and adds them', async () => {
    const span = (
      await t.http
        .get('/api/calendar/span?from=2026-02-13&days=10')
        .set(await office())
        .expect(200)
    ).body;
    expect(span).toMatchObject({ from: '2026-02-13', to: '2026-03-06', workingDays: 10, calendarDays: 21 });
    const back = (
      await t.http
        .get('/api/calendar/span?from=2026-03-06&to=2026-02-13')
        .set(await office())
        .expect(200)
    ).body;
    expect(back.workingDays).toBe(-10);
    await t.http
      .get('/api/calendar/span?from=2026-03-06')
      .set(await office())
      .expect(400);
  });
});
