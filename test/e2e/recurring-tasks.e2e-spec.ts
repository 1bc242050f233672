import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { localDate, nextPeriod, periodDueDate, periodLabel, periodOf } from '@dondoc/workflow';
import { Queue } from 'bullmq';
import { agencyId } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { until } from './support/wait.js';
import { startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';

/** The instant a local (Asia/Ho_Chi_Minh) calendar day begins, plus `ms`. */
const localStart = (day: string, ms = 0) => Date.parse(`${day}T00:00:00+07:00`) + ms;

describe('recurring tasks: a series, its instance now and the worker making the next period', () => {
  let redis: TestRedis;
  let t: TestApp;
  const workers: RunningWorker[] = [];
  const prefix = `rec${process.pid}`;
  const today = localDate(new Date());
  const thisMonth = periodOf(today, 'month');
  const nextMonth = nextPeriod(thisMonth);
  let directive: { id: string; number: string };
  let lead: string;
  let coordinator: string;

  /** A worker whose clock reads `at` (epoch ms) now, ticking every 200 ms. */
  const workerAt = async (at: number) => {
    const w = await startWorker(
      workerConfigFromEnv({
        WORKING_CALENDAR: 'off',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        CLOCK_OFFSET_MS: String(at - Date.now()),
        RELAY_INTERVAL_MS: '100',
        RECURRENCE_INTERVAL_MS: '200',
        LOG_LEVEL: 'silent',
      }),
    );
    workers.push(w);
    return w;
  };
  const ticks = async () => {
    const q = new Queue('recurrence', { connection: { url: redis.url }, prefix });
    try {
      return (await q.getJobCounts('completed')).completed;
    } finally {
      await q.close();
    }
  };

  const instances = async (seriesId: string, who = 'vanphong') =>
    (
      await t.http
        .get(`/api/series/${seriesId}/instances`)
        .set(await t.as(who))
        .expect(200)
    ).body as {
      series: { active: boolean; instanceCount: number };
      instances: { period: { key: string; label: string; dueDate: string }; task: Record<string, unknown> }[];
    };

  const history = async (taskId: string) =>
    (
      await t.db.query<{ event: string; actor_role: string; to_state: string }>(
        `SELECT event, actor_role, to_state FROM task_events WHERE task_id = $1 ORDER BY id`,
        [taskId],
      )
    ).rows;

  beforeAll(async () => {
    redis = await TestRedis.start();
    t = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: prefix });
    lead = await agencyId(t.db, 'ban-tuyen-giao');
    coordinator = await agencyId(t.db, 'ban-dan-van');
    const number = `${process.pid}${Date.now().toString(36)}-KL/TU`;
    const res = await t.http
      .post('/api/directives')
      .set(await t.as('vanphong'))
      .send({ number, kind: 'conclusion', title: 'Kết luận thử nghiệm về báo cáo định kỳ', issuedOn: today })
      .expect(201);
    directive = { id: res.body.id, number };
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  });

  afterAll(async () => {
    await t.close();
    await redis.down();
  });

  let seriesId: string;
  let firstTaskId: string;

  it("creates the series and the open period's instance at once: assigned, due, the lead told and reminded", async () => {
    const res = await t.http
      .post(`/api/directives/${directive.id}/series`)
      .set(await t.as('vanphong'))
      .send({
        title: 'Báo cáo tình hình thực hiện nhiệm vụ',
        description: 'Báo cáo hằng tháng gửi Thường trực Tỉnh ủy',
        deliverableType: 'bao_cao',
        field: 'party_building',
        leadAgencyId: lead,
        coordinatingAgencyIds: [coordinator],
        frequency: 'month',
        // The month's last day, whatever the month: the current period is always still open.
        dueDay: 31,
        startsOn: today,
      })
      .expect(201);
    seriesId = res.body.id;
    expect(res.body).toMatchObject({
      code: `${directive.number}-DK1`,
      frequency: 'month',
      dueDay: 31,
      active: true,
      instanceCount: 1,
      nextPeriod: { key: nextMonth.key, label: periodLabel(nextMonth), dueDate: nextMonth.endsOn },
    });

    const list = await instances(seriesId);
    expect(list.instances).toHaveLength(1);
    const [first] = list.instances;
    expect(first.period).toMatchObject({
      key: thisMonth.key,
      label: periodLabel(thisMonth),
      dueDate: thisMonth.endsOn,
    });
    expect(first.task).toMatchObject({
      code: `${directive.number}-DK1-${thisMonth.key}`,
      state: 'assigned',
      dueDate: periodDueDate(thisMonth, 31),
      deadlineVersion: 1,
      leadAgencyId: lead,
      coordinatingAgencyIds: [coordinator],
    });
    firstTaskId = first.task.id as string;
    const row = await t.db.query(`SELECT series_id, period_key FROM tasks WHERE id = $1`, [firstTaskId]);
    expect(row.rows[0]).toEqual({ series_id: seriesId, period_key: thisMonth.key });
    expect(await history(firstTaskId)).toEqual([
      { event: 'CREATE', actor_role: 'system', to_state: 'drafted' },
      { event: 'ASSIGN', actor_role: 'system', to_state: 'assigned' },
    ]);

    // The lead agency is told, and its deadline has its ladder (version 1, as an Office ASSIGN would give).
    const told = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.task_id = $1 AND n.kind = 'ASSIGN' AND u.agency_id = $2`,
      [firstTaskId, lead],
    );
    expect(told.rows[0].n).toBeGreaterThan(0);
    const ladder = await t.db.query<{ rung: string; version: number }>(
      `SELECT rung, version FROM scheduled_actions WHERE task_id = $1 AND status = 'pending' ORDER BY due_at`,
      [firstTaskId],
    );
    expect(ladder.rows.map((r) => r.rung)).toEqual(expect.arrayContaining(['overdue', 'escalate']));
    expect(ladder.rows.every((r) => r.version === 1)).toBe(true);
  });

  it('lets who may read it see it, and no one else', async () => {
    const asLead = await instances(seriesId, 'ban-tuyen-giao');
    expect(asLead.instances.map((i) => i.task.id)).toEqual([firstTaskId]);
    const listed = await t.http
      .get(`/api/directives/${directive.id}/series`)
      .set(await t.as('ban-to-chuc'))
      .expect(200);
    expect(listed.body).toEqual([]);
    await t.http
      .get(`/api/series/${seriesId}/instances`)
      .set(await t.as('ban-to-chuc'))
      .expect(404);
    const forLead = await t.http
      .get(`/api/directives/${directive.id}/series`)
      .set(await t.as('ban-tuyen-giao'))
      .expect(200);
    expect(forLead.body.map((s: { id: string }) => s.id)).toEqual([seriesId]);
    await t.http
      .post(`/api/directives/${directive.id}/series`)
      .set(await t.as('ban-tuyen-giao'))
      .send({
        title: 'Không được',
        deliverableType: 'bao_cao',
        field: 'party_building',
        leadAgencyId: lead,
        frequency: 'month',
        dueDay: 25,
        startsOn: today,
      })
      .expect(403);
    await t.http
      .patch(`/api/series/${seriesId}`)
      .set(await t.as('thuongvu'))
      .send({ active: false })
      .expect(403);
    await t.http
      .get(`/api/series/00000000-0000-4000-8000-000000000000/instances`)
      .set(await t.as('vanphong'))
      .expect(404);
  });

  it("the worker's tick makes the next period's instance once the clock has passed into it", async () => {
    await workerAt(localStart(nextMonth.startsOn, 3_600_000));
    const list = await until('the next period to be created', async () => {
      const l = await instances(seriesId);
      return l.instances.length === 2 && l;
    });
    const second = list.instances[1];
    expect(second.period.key).toBe(nextMonth.key);
    expect(second.task).toMatchObject({
      code: `${directive.number}-DK1-${nextMonth.key}`,
      state: 'assigned',
      dueDate: nextMonth.endsOn,
      deadlineVersion: 1,
    });
    expect(await history(second.task.id as string)).toEqual([
      { event: 'CREATE', actor_role: 'system', to_state: 'drafted' },
      { event: 'ASSIGN', actor_role: 'system', to_state: 'assigned' },
    ]);
    // More ticks, another worker beside it: still one instance per period.
    const before = await ticks();
    await workerAt(localStart(nextMonth.startsOn, 3_600_000));
    await until('two more ticks', async () => (await ticks()) >= before + 2);
    expect((await instances(seriesId)).instances).toHaveLength(2);
  });

  it('stops when the Office stops it', async () => {
    const res = await t.http
      .patch(`/api/series/${seriesId}`)
      .set(await t.as('vanphong'))
      .send({ active: false })
      .expect(200);
    expect(res.body).toMatchObject({ active: false, nextPeriod: null });
    const later = nextPeriod(nextMonth);
    const before = await ticks();
    await workerAt(localStart(later.startsOn, 3_600_000));
    await until('two more ticks', async () => (await ticks()) >= before + 2);
    expect((await instances(seriesId)).instances.map((i) => i.period.key)).toEqual([thisMonth.key, nextMonth.key]);
  });
});
