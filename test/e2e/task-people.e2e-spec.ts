import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { deadlineInstant, localDate } from '@dondoc/workflow';
import { agencyId, makeTask } from './support/fixtures.js';
import { pdf } from './support/files.js';
import { TestRedis } from './support/redis-server.js';
import { until } from './support/wait.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The demo's agency with officers: its own account is its head, cv1 and cv2 its officers.
const LEAD = 'bcsd-ubnd';
const CV1 = 'bcsd-ubnd.cv1';
const CV2 = 'bcsd-ubnd.cv2';
const COORD = 'ban-dan-van';
const OTHER_HEAD = 'ban-noi-chinh';

interface Summary {
  id: string;
  version: number;
  state: string;
  assigneeUserId: string | null;
  responsibleLeaderUserId: string | null;
  monitoringUserId: string | null;
  decidingAuthority: string;
  isKey: boolean;
  allowedEvents: string[];
}

describe('the people of a task: "6 rõ" inside the agency and at the Office (real PostgreSQL and Redis)', () => {
  let redis: TestRedis;
  let t: TestApp;
  const workers: RunningWorker[] = [];
  const user: Record<string, string> = {};
  let leadId: string;

  const userId = async (username: string) =>
    (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username])).rows[0].id;
  const notified = async (taskId: string, kind: string) =>
    (
      await t.db.query<{ user_id: string }>(
        `SELECT user_id FROM notifications WHERE task_id = $1 AND kind = $2 ORDER BY user_id`,
        [taskId, kind],
      )
    ).rows.map((r) => r.user_id);
  const usersOfRole = async (role: string) =>
    (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE role = $1 AND active ORDER BY id`, [role])).rows.map(
      (r) => r.id,
    );
  const people = async (who: string, taskId: string, body: Record<string, unknown>) =>
    t.http
      .patch(`/api/tasks/${taskId}/people`)
      .set(await t.as(who))
      .send(body);
  const transition = async (who: string, taskId: string, body: Record<string, unknown>) =>
    t.http
      .post(`/api/tasks/${taskId}/transitions`)
      .set(await t.as(who))
      .send(body);
  const version = async (taskId: string) =>
    (await t.db.query<{ version: number }>(`SELECT version FROM tasks WHERE id = $1`, [taskId])).rows[0].version;
  const snapshot = async (taskId: string) =>
    (
      await t.db.query(
        `SELECT t.*, (SELECT count(*) FROM task_events e WHERE e.task_id = t.id) AS events,
                (SELECT count(*) FROM notifications n WHERE n.task_id = t.id) AS notes
           FROM tasks t WHERE t.id = $1`,
        [taskId],
      )
    ).rows[0] as Record<string, unknown>;

  beforeAll(async () => {
    redis = await TestRedis.start();
    // Its own database: the in-process worker's first pass then has only this suite's actions to fire (on the
    // shared one it fires every suite's past-due actions, and the ladder's few seconds can run out under load).
    t = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: `p${process.pid}` }, { ownDatabase: true });
    for (const u of [LEAD, CV1, CV2, COORD, OTHER_HEAD, 'vanphong', 'thuongvu']) user[u] = await userId(u);
    leadId = await agencyId(t.db, LEAD);
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
    await t.db.query(`UPDATE agencies SET officers_act_on_all = false, monitoring_user_id = NULL WHERE id = $1`, [
      leadId,
    ]);
  });

  afterAll(async () => {
    await t.close();
    await redis.down();
  });

  it('a head assigns a task to an officer: recorded, told, and only that officer works on it', async () => {
    const task = await makeTask(t.db, { state: 'assigned', lead: LEAD, coordinating: [COORD] });
    const named = await people(LEAD, task.id, {
      assigneeUserId: user[CV1],
      responsibleLeaderUserId: user[LEAD],
      comment: 'Giao đồng chí Trang chủ trì tham mưu.',
    });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ assigneeUserId: user[CV1], responsibleLeaderUserId: user[LEAD] });
    const ev = await t.db.query(
      `SELECT event, data, comment, actor_user_id FROM task_events WHERE task_id = $1 AND event = 'PEOPLE_SET'`,
      [task.id],
    );
    expect(ev.rows).toEqual([
      {
        event: 'PEOPLE_SET',
        data: { assigneeUserId: user[CV1], responsibleLeaderUserId: user[LEAD] },
        comment: 'Giao đồng chí Trang chủ trì tham mưu.',
        actor_user_id: user[LEAD],
      },
    ]);
    // The officer is told; the head named themself as leader and is never told of their own change.
    expect(await notified(task.id, 'PEOPLE_SET')).toEqual([user[CV1]]);

    // The other officer sees the task but may not work on it.
    const seen = await t.http.get(`/api/tasks/${task.id}`).set(await t.as(CV2));
    expect(seen.status).toBe(200);
    expect(seen.body.allowedEvents).toEqual([]);
    const refused = await transition(CV2, task.id, { event: 'START', expectedVersion: await version(task.id) });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN_ROLE');

    // The assigned officer starts, uploads and submits.
    const v = await version(task.id);
    expect((await transition(CV1, task.id, { event: 'START', expectedVersion: v })).status).toBe(200);
    await t.http
      .post(`/api/tasks/${task.id}/submissions`)
      .set(await t.as(CV1))
      .field('note', 'Dự thảo kế hoạch')
      .attach('files', pdf(), 'du-thao.pdf')
      .expect(201);
    const cv2Upload = await t.http
      .post(`/api/tasks/${task.id}/submissions`)
      .set(await t.as(CV2))
      .field('note', 'x')
      .attach('files', pdf(), 'x.pdf');
    expect(cv2Upload.status).toBe(403);
    const submitted = await transition(CV1, task.id, { event: 'SUBMIT', expectedVersion: await version(task.id) });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');

    // Việc của tôi: the officer's own tasks.
    const mine = await t.http.get('/api/tasks?assignee=me&limit=1000').set(await t.as(CV1));
    expect(mine.body.items.map((x: Summary) => x.id)).toContain(task.id);
    const theirs = await t.http.get('/api/tasks?assignee=me&limit=1000').set(await t.as(CV2));
    expect(theirs.body.items.map((x: Summary) => x.id)).not.toContain(task.id);
  });

  it('lets officers work on every task once the head allows it, and only the head may allow it', async () => {
    const task = await makeTask(t.db, { state: 'assigned', lead: LEAD });
    expect(
      (
        await t.http
          .patch(`/api/agencies/${leadId}/settings`)
          .set(await t.as(CV2))
          .send({ officersActOnAll: true })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.http
          .patch(`/api/agencies/${leadId}/settings`)
          .set(await t.as(OTHER_HEAD))
          .send({ officersActOnAll: true })
      ).status,
    ).toBe(404);
    expect((await transition(CV2, task.id, { event: 'START', expectedVersion: await version(task.id) })).status).toBe(
      403,
    );
    const allowed = await t.http
      .patch(`/api/agencies/${leadId}/settings`)
      .set(await t.as(LEAD))
      .send({ officersActOnAll: true });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ agencyId: leadId, officersActOnAll: true, monitoringUserId: null });
    expect((await transition(CV2, task.id, { event: 'START', expectedVersion: await version(task.id) })).status).toBe(
      200,
    );
  });

  it('keeps each key to its side, checks the people named, and changes nothing when refused', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD] });
    const before = await snapshot(task.id);
    const cases: [string, Record<string, unknown>, number, string][] = [
      // Only the lead's head or deputy names its people; only the Office the rest.
      [CV1, { assigneeUserId: user[CV1] }, 403, 'FORBIDDEN_ROLE'],
      ['vanphong', { assigneeUserId: user[CV1] }, 403, 'FORBIDDEN_ROLE'],
      [COORD, { assigneeUserId: user[COORD] }, 403, 'FORBIDDEN_ROLE'],
      [LEAD, { isKey: true }, 403, 'FORBIDDEN_ROLE'],
      [LEAD, { decidingAuthority: 'office' }, 403, 'FORBIDDEN_ROLE'],
      ['thuongvu', { monitoringUserId: user.vanphong }, 403, 'FORBIDDEN_ROLE'],
      [OTHER_HEAD, { assigneeUserId: user[OTHER_HEAD] }, 404, 'NOT_FOUND'],
      // A person from another agency, an officer as leader, an agency user as monitoring officer.
      [LEAD, { assigneeUserId: user[COORD] }, 400, 'UNKNOWN_USER'],
      [LEAD, { responsibleLeaderUserId: user[CV1] }, 400, 'UNKNOWN_USER'],
      ['vanphong', { monitoringUserId: user[CV1] }, 400, 'UNKNOWN_USER'],
      [LEAD, { assigneeUserId: '00000000-0000-4000-8000-000000000000' }, 400, 'UNKNOWN_USER'],
      [LEAD, {}, 400, 'VALIDATION_FAILED'],
      [LEAD, { assigneeUserId: 'cv1' }, 400, 'VALIDATION_FAILED'],
      ['vanphong', { decidingAuthority: 'chairman' }, 400, 'VALIDATION_FAILED'],
      ['vanphong', { isKey: true, extra: 1 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [who, body, status, code] of cases) {
      const res = await people(who, task.id, body);
      expect({ who, body, status: res.status, code: res.body.code }).toEqual({ who, body, status, code });
    }
    expect(await snapshot(task.id)).toEqual(before);
  });

  it('has approval follow the deciding authority the Office sets, and counts key tasks apart in the list', async () => {
    const task = await makeTask(t.db, { state: 'submitted', lead: LEAD });
    const set = await people('vanphong', task.id, {
      decidingAuthority: 'office',
      isKey: true,
      monitoringUserId: user.vanphong,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ decidingAuthority: 'office', isKey: true, monitoringUserId: user.vanphong });
    const committee = await transition('thuongvu', task.id, {
      event: 'APPROVE',
      expectedVersion: await version(task.id),
    });
    expect(committee.status).toBe(403);
    const keyOnly = await t.http.get('/api/tasks?key=true&limit=10000').set(await t.as('vanphong'));
    expect(keyOnly.body.items.map((x: Summary) => x.id)).toContain(task.id);
    expect(keyOnly.body.items.every((x: Summary) => x.isKey)).toBe(true);
    const watching = await t.http.get('/api/tasks?monitor=me&limit=10000').set(await t.as('vanphong'));
    expect(watching.body.items.map((x: Summary) => x.id)).toContain(task.id);
    const approved = await transition('vanphong', task.id, {
      event: 'APPROVE',
      expectedVersion: await version(task.id),
    });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');
    // A closed task is no longer staffed.
    expect((await people('vanphong', task.id, { isKey: false })).status).toBe(409);
  });

  it("clears the agency's people when the task moves to another agency", async () => {
    const task = await makeTask(t.db, { state: 'assigned', lead: LEAD });
    await people(LEAD, task.id, { assigneeUserId: user[CV1], responsibleLeaderUserId: user[LEAD] }).then((r) =>
      expect(r.status).toBe(200),
    );
    const moved = await transition('vanphong', task.id, {
      event: 'REASSIGN',
      leadAgencyId: await agencyId(t.db, 'ban-to-chuc'),
      expectedVersion: await version(task.id),
      comment: 'Chuyển cơ quan chủ trì',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ assigneeUserId: null, responsibleLeaderUserId: null });
  });

  it('reminds along the named chain: the officer, then the leader, then the head and the monitoring officer', async () => {
    // A directive whose ladder runs in seconds: reminders 6 s and 4 s before, escalation 2 s after.
    const number = `NG-${process.pid}/TU`;
    await t.db.query(
      `INSERT INTO directives (number, kind, title, created_by, escalation_policy)
       VALUES ($1, 'conclusion', 'Kết luận thử người thực hiện', $2,
               '{"remindBefore": ["PT6S", "PT4S"], "escalateAfter": "PT2S"}'::jsonb)`,
      [number, user.vanphong],
    );
    await t.db.query(`UPDATE agencies SET monitoring_user_id = $2 WHERE id = $1`, [leadId, user.vanphong]);
    const today = localDate(new Date());
    const deadline = deadlineInstant(today).getTime();
    const task = await makeTask(t.db, { state: 'drafted', lead: LEAD, dueDate: today, directive: number });
    const assigned = await transition('vanphong', task.id, {
      event: 'ASSIGN',
      leadAgencyId: leadId,
      dueDate: today,
      expectedVersion: task.version,
    });
    expect(assigned.status).toBe(200);
    // A deputy as the leader: a second account of the agency, made for this test.
    const deputy = (
      await t.db.query<{ id: string }>(
        `INSERT INTO users (username, full_name, role, agency_id, password_hash, position)
         VALUES ($1, 'Phó trưởng ban thử', 'agency', $2, 'x', 'deputy') RETURNING id`,
        [`pho-${process.pid}`, leadId],
      )
    ).rows[0].id;
    expect((await people(LEAD, task.id, { assigneeUserId: user[CV1], responsibleLeaderUserId: deputy })).status).toBe(
      200,
    );

    workers.push(
      await startWorker(
        workerConfigFromEnv({
          WORKING_CALENDAR: 'off',
          DATABASE_URL: t.config.databaseUrl,
          REDIS_URL: redis.url,
          QUEUE_PREFIX: `p${process.pid}`,
          CLOCK_OFFSET_MS: String(deadline - 8000 - Date.now()),
          RELAY_INTERVAL_MS: '100',
          JOB_BACKOFF_MS: '100',
          LOG_LEVEL: 'silent',
        }),
      ),
    );
    const fired = await until('the ladder to fire', async () => {
      const r = await t.db.query<{ rung: string; offset: string; status: string }>(
        `SELECT rung, "offset", status FROM scheduled_actions WHERE task_id = $1 AND rung <> 'review_reminder' ORDER BY due_at`,
        [task.id],
      );
      return r.rows.length === 4 && r.rows.every((a) => a.status === 'done') && r.rows;
    });
    expect(fired.map((a) => `${a.rung} ${a.offset}`)).toEqual([
      'remind_before PT6S',
      'remind_before PT4S',
      'overdue PT0S',
      'escalate PT2S',
    ]);
    const reminders = await t.db.query<{ user_id: string; offset: string }>(
      `SELECT user_id, data->>'offset' AS offset FROM notifications WHERE task_id = $1 AND kind = 'remind_before' ORDER BY 2 DESC, 1`,
      [task.id],
    );
    // The first reminder tells the officer alone; the second the officer and the leader.
    expect(reminders.rows.filter((r) => r.offset === 'PT6S').map((r) => r.user_id)).toEqual([user[CV1]]);
    expect(
      reminders.rows
        .filter((r) => r.offset === 'PT4S')
        .map((r) => r.user_id)
        .sort(),
    ).toEqual([user[CV1], deputy].sort());
    // Overdue: the officer, the leader, the agency's head and the Office (its monitoring officer among them);
    // the other officer hears nothing.
    const office = await usersOfRole('office');
    expect(await notified(task.id, 'overdue')).toEqual([user[CV1], deputy, user[LEAD], ...office].sort());
    expect(await notified(task.id, 'escalate')).toEqual(
      [user[CV1], deputy, user[LEAD], ...office, ...(await usersOfRole('standing_committee'))].sort(),
    );
    expect((await notified(task.id, 'overdue')).includes(user[CV2])).toBe(false);
  });
});
