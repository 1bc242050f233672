import request from 'supertest';
import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { deadlineInstant, localDate } from '@dondoc/workflow';
import { agencyId, makeTask } from './support/fixtures.js';
import { pdf } from './support/files.js';
import { TestRedis } from './support/redis-server.js';
import { until } from './support/wait.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LEAD = 'ban-tuyen-giao';
const COORD = 'ban-dan-van';
const COORD2 = 'ban-to-chuc';
const OUTSIDER = 'ban-noi-chinh';

interface Contribution {
  id: string;
  agencyId: string;
  agencyName: string;
  status: string;
  version: number;
  dueDate: string | null;
  deadlineStatus: string | null;
  versions: {
    seq: number;
    note: string;
    decision: string | null;
    decisionComment: string | null;
    files: { id: string; fileName: string }[];
  }[];
}

describe('coordinating agencies’ contributions (real PostgreSQL, a redis-server of its own)', () => {
  let redis: TestRedis;
  let t: TestApp;
  const workers: RunningWorker[] = [];
  let ids: Record<string, string>;

  /** The active users of an agency, or of a role. */
  const usersOf = async (who: string) =>
    (
      await t.db.query<{ id: string }>(
        `SELECT u.id FROM users u LEFT JOIN agencies a ON a.id = u.agency_id
          WHERE u.active AND (a.code = $1 OR (u.agency_id IS NULL AND u.role = $1)) ORDER BY u.id`,
        [who],
      )
    ).rows.map((r) => r.id);

  /** Who got a notification of this kind on this task. */
  const notified = async (taskId: string, kind: string) =>
    (
      await t.db.query<{ user_id: string }>(
        `SELECT user_id FROM notifications WHERE task_id = $1 AND kind = $2 ORDER BY user_id`,
        [taskId, kind],
      )
    ).rows.map((r) => r.user_id);

  const history = async (taskId: string) =>
    (
      await t.db.query<{ event: string; data: Record<string, unknown>; comment: string | null }>(
        `SELECT event, data, comment FROM task_events WHERE task_id = $1 AND event <> 'CREATE' ORDER BY id`,
        [taskId],
      )
    ).rows;

  const ask = async (who: string, taskId: string, agency: string, body: Record<string, unknown>) =>
    t.http
      .put(`/api/tasks/${taskId}/contributions/${agency}`)
      .set(await t.as(who))
      .send(body);

  const list = async (who: string, taskId: string) =>
    (await t.http.get(`/api/tasks/${taskId}/contributions`).set(await t.as(who))).body as { items: Contribution[] };

  beforeAll(async () => {
    redis = await TestRedis.start();
    // Its own database: the in-process worker's first pass then has only this suite's actions to fire (on the
    // shared one it fires every suite's past-due actions, and the ladder's few seconds can run out under load).
    t = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: `c${process.pid}` }, { ownDatabase: true });
    ids = {
      [LEAD]: await agencyId(t.db, LEAD),
      [COORD]: await agencyId(t.db, COORD),
      [COORD2]: await agencyId(t.db, COORD2),
      [OUTSIDER]: await agencyId(t.db, OUTSIDER),
    };
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  });

  afterAll(async () => {
    await t.close();
    await redis.down();
  });

  it('goes through request, submission, return, resubmission and acceptance, telling the right people each time', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD, COORD2] });
    const coordUsers = await usersOf(COORD);
    const leadUsers = await usersOf(LEAD);

    // The lead asks; the coordinator, and only it, hears of it; the sub-deadline's ladder is scheduled.
    const asked = await ask(LEAD, task.id, ids[COORD], { request: 'Góp ý dự thảo kế hoạch', dueDate: '2030-11-30' });
    expect(asked.status).toBe(200);
    const c = asked.body as Contribution;
    expect(c).toMatchObject({
      agencyId: ids[COORD],
      status: 'requested',
      version: 1,
      dueDate: '2030-11-30',
      deadlineStatus: 'not_due',
      versions: [],
    });
    expect(c.agencyName).toBeTruthy();
    expect(await notified(task.id, 'CONTRIBUTION_REQUESTED')).toEqual(coordUsers);
    const rungs = async () =>
      (
        await t.db.query<{ rung: string; offset: string; version: number; status: string }>(
          `SELECT rung, "offset", version, status FROM scheduled_actions WHERE target_id = $1 ORDER BY version, due_at`,
          [c.id],
        )
      ).rows;
    expect(await rungs()).toEqual([
      { rung: 'contribution_remind', offset: 'P14D', version: 1, status: 'pending' },
      { rung: 'contribution_remind', offset: 'P3D', version: 1, status: 'pending' },
      { rung: 'contribution_overdue', offset: 'PT0S', version: 1, status: 'pending' },
      { rung: 'contribution_escalate', offset: 'P7D', version: 1, status: 'pending' },
    ]);

    // The Office moves the sub-deadline: a new version, the old ladder cancelled.
    const moved = await ask('vanphong', task.id, ids[COORD], {
      request: 'Góp ý dự thảo kế hoạch (bổ sung)',
      dueDate: '2030-12-10',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: c.id,
      version: 2,
      dueDate: '2030-12-10',
      request: 'Góp ý dự thảo kế hoạch (bổ sung)',
    });
    const after = await rungs();
    expect(after.filter((r) => r.version === 1).every((r) => r.status === 'cancelled')).toBe(true);
    expect(after.filter((r) => r.version === 2).map((r) => `${r.rung}:${r.status}`)).toEqual([
      'contribution_remind:pending',
      'contribution_remind:pending',
      'contribution_overdue:pending',
      'contribution_escalate:pending',
    ]);
    // A second coordinator, asked with the default date (task due 2030-12-31, 5 days before).
    const other = await ask(LEAD, task.id, ids[COORD2], { request: 'Số liệu cán bộ' });
    expect(other.status).toBe(200);
    expect(other.body.dueDate).toBe('2030-12-26');

    // Who sees what.
    expect((await list(LEAD, task.id)).items.map((i) => i.agencyId).sort()).toEqual([ids[COORD], ids[COORD2]].sort());
    expect((await list('thuongvu', task.id)).items).toHaveLength(2);
    expect((await list('kiemtra', task.id)).items).toHaveLength(2);
    expect((await list(COORD, task.id)).items.map((i) => i.agencyId)).toEqual([ids[COORD]]);
    expect((await list(COORD2, task.id)).items.map((i) => i.agencyId)).toEqual([ids[COORD2]]);
    await t.http
      .get(`/api/tasks/${task.id}/contributions`)
      .set(await t.as(OUTSIDER))
      .expect(404);
    const mine = await t.http
      .get('/api/contributions?mine=1')
      .set(await t.as(COORD))
      .expect(200);
    expect(mine.body.items.map((i: Contribution) => i.id)).toContain(c.id);
    expect(mine.body.items.every((i: Contribution) => i.agencyId === ids[COORD])).toBe(true);
    const awaited = await t.http
      .get('/api/contributions?asLead=1')
      .set(await t.as(LEAD))
      .expect(200);
    expect(awaited.body.items.filter((i: { taskId: string }) => i.taskId === task.id)).toHaveLength(2);
    const outsiderList = await t.http
      .get('/api/contributions')
      .set(await t.as(OUTSIDER))
      .expect(200);
    expect(outsiderList.body.items.some((i: { taskId: string }) => i.taskId === task.id)).toBe(false);

    // The lead cannot hand in a coordinator's contribution; an outsider does not see it at all.
    await t.http
      .post(`/api/contributions/${c.id}/versions`)
      .set(await t.as(LEAD))
      .field('note', 'x')
      .expect(403);
    await t.http
      .post(`/api/contributions/${c.id}/versions`)
      .set(await t.as(OUTSIDER))
      .field('note', 'x')
      .expect(404);
    await t.http
      .post(`/api/contributions/${c.id}/versions`)
      .set(await t.as(COORD2))
      .field('note', 'x')
      .expect(404);

    // The coordinator hands in a note and a file; the lead agency is told.
    const sent = await t.http
      .post(`/api/contributions/${c.id}/versions`)
      .set(await t.as(COORD))
      .field('note', 'Ý kiến góp ý lần 1')
      .attach('files', pdf(), 'gop-y.pdf')
      .expect(201);
    expect(sent.body).toMatchObject({
      status: 'submitted',
      versions: [{ seq: 1, note: 'Ý kiến góp ý lần 1', decision: null }],
    });
    const file = (sent.body as Contribution).versions[0].files[0];
    expect(file.fileName).toBe('gop-y.pdf');
    expect(await notified(task.id, 'CONTRIBUTION_SUBMITTED')).toEqual(leadUsers);
    const stored = await t.db.query(`SELECT owner_kind FROM part_files WHERE id = $1`, [file.id]);
    expect(stored.rows).toEqual([{ owner_kind: 'contribution_version' }]);
    // A second submission while the first awaits a decision is stale.
    await t.http
      .post(`/api/contributions/${c.id}/versions`)
      .set(await t.as(COORD))
      .field('note', 'lần nữa')
      .expect(409);

    // Its file: the lead and the coordinator download it; other agencies do not see it.
    const got = await t.http
      .get(`/api/contributions/${c.id}/files/${file.id}`)
      .set(await t.as(LEAD))
      .expect(200);
    expect(Buffer.compare(got.body as Buffer, pdf())).toBe(0);
    await t.http
      .get(`/api/contributions/${c.id}/files/${file.id}`)
      .set(await t.as(COORD))
      .expect(200);
    await t.http
      .get(`/api/contributions/${c.id}/files/${file.id}`)
      .set(await t.as(COORD2))
      .expect(404);
    await t.http
      .get(`/api/contributions/${c.id}/files/${file.id}`)
      .set(await t.as(OUTSIDER))
      .expect(404);

    // Only the lead decides: not the Office, not the coordinator, not the Standing Committee.
    for (const who of ['vanphong', COORD, 'thuongvu']) {
      const r = await t.http
        .post(`/api/contributions/${c.id}/accept`)
        .set(await t.as(who))
        .send({});
      expect([who, r.status, r.body.code]).toEqual([who, 403, 'FORBIDDEN_ROLE']);
    }
    await t.http
      .post(`/api/contributions/${c.id}/accept`)
      .set(await t.as(OUTSIDER))
      .send({})
      .expect(404);
    // A return says why.
    const bare = await t.http
      .post(`/api/contributions/${c.id}/return`)
      .set(await t.as(LEAD))
      .send({ comment: '  ' });
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('COMMENT_REQUIRED');
    expect((await list(LEAD, task.id)).items.find((i) => i.id === c.id)?.status).toBe('submitted');

    const returned = await t.http
      .post(`/api/contributions/${c.id}/return`)
      .set(await t.as(LEAD))
      .send({ comment: 'Cần bổ sung số liệu' })
      .expect(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      versions: [{ seq: 1, decision: 'returned', decisionComment: 'Cần bổ sung số liệu' }],
    });
    expect(await notified(task.id, 'CONTRIBUTION_RETURNED')).toEqual(coordUsers);

    const again = await t.http
      .post(`/api/contributions/${c.id}/versions`)
      .set(await t.as(COORD))
      .field('note', 'Ý kiến góp ý lần 2, đã bổ sung')
      .expect(201);
    expect(again.body.status).toBe('submitted');
    expect((again.body as Contribution).versions.map((v) => v.seq)).toEqual([1, 2]);

    const accepted = await t.http
      .post(`/api/contributions/${c.id}/accept`)
      .set(await t.as(LEAD))
      .send({})
      .expect(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      versions: [{ seq: 1 }, { seq: 2, decision: 'accepted' }],
    });
    expect(accepted.body.deadlineStatus).toBe('on_time');
    expect(await notified(task.id, 'CONTRIBUTION_ACCEPTED')).toEqual(coordUsers);
    // Nothing is owed any more: its reminders stop.
    expect((await rungs()).filter((r) => r.status === 'pending')).toEqual([]);
    // A decided contribution is not decided twice, nor handed in again, nor re-asked.
    await t.http
      .post(`/api/contributions/${c.id}/accept`)
      .set(await t.as(LEAD))
      .send({})
      .expect(409);
    await t.http
      .post(`/api/contributions/${c.id}/versions`)
      .set(await t.as(COORD))
      .field('note', 'x')
      .expect(409);
    expect((await ask(LEAD, task.id, ids[COORD], { request: 'Lại' })).status).toBe(409);

    // Each step is in the task's history with its data; the submissions reached the lead twice in all.
    expect(await notified(task.id, 'CONTRIBUTION_SUBMITTED')).toEqual([...leadUsers, ...leadUsers].sort());
    const steps = (await history(task.id)).map((h) => [h.event, h.data]);
    expect(steps).toEqual([
      [
        'CONTRIBUTION_REQUESTED',
        { contributionId: c.id, agencyId: ids[COORD], dueDate: '2030-11-30', request: 'Góp ý dự thảo kế hoạch' },
      ],
      [
        'CONTRIBUTION_REQUESTED',
        {
          contributionId: c.id,
          agencyId: ids[COORD],
          dueDate: '2030-12-10',
          request: 'Góp ý dự thảo kế hoạch (bổ sung)',
        },
      ],
      [
        'CONTRIBUTION_REQUESTED',
        { contributionId: other.body.id, agencyId: ids[COORD2], dueDate: '2030-12-26', request: 'Số liệu cán bộ' },
      ],
      ['CONTRIBUTION_SUBMITTED', { contributionId: c.id, agencyId: ids[COORD], seq: 1 }],
      ['CONTRIBUTION_RETURNED', { contributionId: c.id, agencyId: ids[COORD], seq: 1 }],
      ['CONTRIBUTION_SUBMITTED', { contributionId: c.id, agencyId: ids[COORD], seq: 2 }],
      ['CONTRIBUTION_ACCEPTED', { contributionId: c.id, agencyId: ids[COORD], seq: 2 }],
    ]);

    // The lead submits the task while the second coordinator's contribution is missing: only with a reason.
    const lead = await t.as(LEAD);
    await t.http.post(`/api/tasks/${task.id}/submissions`).set(lead).field('note', 'Dự thảo').expect(201);
    const before = await t.db.query(`SELECT version, state FROM tasks WHERE id = $1`, [task.id]);
    // (Raw agent: the transitions endpoint's document lists this 422 once tasks.controller declares it.)
    const refused = await request(t.app.getHttpServer())
      .post(`/api/tasks/${task.id}/transitions`)
      .set(lead)
      .send({ event: 'SUBMIT', expectedVersion: before.rows[0].version });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CONTRIBUTIONS_MISSING_REASON');
    expect(refused.body.message).toMatch(/phối hợp.*\/.*contributions/);
    expect((await t.db.query(`SELECT version, state FROM tasks WHERE id = $1`, [task.id])).rows).toEqual(before.rows);
    const submitted = await t.http.post(`/api/tasks/${task.id}/transitions`).set(lead).send({
      event: 'SUBMIT',
      expectedVersion: before.rows[0].version,
      comment: 'Ban Tổ chức chưa gửi số liệu, trình trước',
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    const submitRow = (await history(task.id)).find((h) => h.event === 'SUBMIT')!;
    expect(submitRow.comment).toBe('Ban Tổ chức chưa gửi số liệu, trình trước');
    expect(submitRow.data.missingContributions).toEqual([{ agencyId: ids[COORD2], status: 'requested' }]);
    // The Standing Committee sees which contributions were in.
    const seen = (await list('thuongvu', task.id)).items.map((i) => [i.agencyId, i.status]);
    expect(seen.sort()).toEqual(
      [
        [ids[COORD], 'accepted'],
        [ids[COORD2], 'requested'],
      ].sort(),
    );
  });

  it('lets a task with every contribution accepted be submitted without a reason', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD] });
    const c = (await ask(LEAD, task.id, ids[COORD], { request: 'Góp ý' })).body as Contribution;
    await t.http
      .post(`/api/contributions/${c.id}/versions`)
      .set(await t.as(COORD))
      .field('note', 'Đã góp ý')
      .expect(201);
    await t.http
      .post(`/api/contributions/${c.id}/accept`)
      .set(await t.as(LEAD))
      .send({ comment: 'Cảm ơn' })
      .expect(200);
    const lead = await t.as(LEAD);
    await t.http.post(`/api/tasks/${task.id}/submissions`).set(lead).field('note', 'Dự thảo').expect(201);
    await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(lead)
      .send({ event: 'SUBMIT', expectedVersion: task.version })
      .expect(200);
    const row = (await history(task.id)).find((h) => h.event === 'SUBMIT')!;
    expect(row.data.missingContributions).toBeUndefined();
  });

  it('refuses bad input with a clear JSON error and changes nothing', async () => {
    const task = await makeTask(t.db, {
      state: 'in_progress',
      lead: LEAD,
      coordinating: [COORD],
      dueDate: '2030-06-30',
    });
    const count = async () =>
      (
        await t.db.query<{ c: number; e: number; n: number }>(
          `SELECT (SELECT count(*)::int FROM contributions WHERE task_id = $1) AS c,
                  (SELECT count(*)::int FROM task_events WHERE task_id = $1) AS e,
                  (SELECT count(*)::int FROM notifications WHERE task_id = $1) AS n`,
          [task.id],
        )
      ).rows[0];
    const start = await count();
    const cases: [string, string, Record<string, unknown>, number, string][] = [
      ['bad date', ids[COORD], { request: 'x', dueDate: '2030-02-30' }, 400, 'VALIDATION_FAILED'],
      ['not a date', ids[COORD], { request: 'x', dueDate: 'tomorrow' }, 400, 'VALIDATION_FAILED'],
      ['empty request', ids[COORD], { request: '   ' }, 400, 'VALIDATION_FAILED'],
      ['unknown field', ids[COORD], { request: 'x', status: 'accepted' }, 400, 'VALIDATION_FAILED'],
      ['after the task', ids[COORD], { request: 'x', dueDate: '2030-07-01' }, 422, 'CONTRIBUTION_DUE_DATE_INVALID'],
      ['in the past', ids[COORD], { request: 'x', dueDate: '2020-01-01' }, 422, 'CONTRIBUTION_DUE_DATE_INVALID'],
      ['unknown agency', '00000000-0000-4000-8000-000000000000', { request: 'x' }, 422, 'NOT_A_COORDINATOR'],
      ['not a coordinator', ids[OUTSIDER], { request: 'x' }, 422, 'NOT_A_COORDINATOR'],
      ['the lead itself', ids[LEAD], { request: 'x' }, 422, 'NOT_A_COORDINATOR'],
    ];
    for (const [what, agency, body, status, code] of cases) {
      const r = await ask(LEAD, task.id, agency, body);
      expect([what, r.status, r.body.code]).toEqual([what, status, code]);
      expect(typeof r.body.message).toBe('string');
    }
    const pastDue = await ask(LEAD, task.id, ids[COORD], { request: 'x', dueDate: '2020-01-01' });
    expect(pastDue.body.message).toMatch(/Hạn phối hợp .* \/ The contribution’s due date/);
    // Not the lead nor the Office: the coordinator, the Standing Committee, the inspector.
    for (const who of [COORD, 'thuongvu', 'kiemtra']) {
      const r = await ask(who, task.id, ids[COORD], { request: 'x' });
      expect([who, r.status, r.body.code]).toEqual([who, 403, 'FORBIDDEN_ROLE']);
    }
    expect((await ask(OUTSIDER, task.id, ids[COORD], { request: 'x' })).status).toBe(404);
    expect(await count()).toEqual(start);

    // A task not under way takes no contribution requests.
    const draft = await makeTask(t.db, { state: 'drafted', lead: LEAD, coordinating: [COORD] });
    const r = await ask('vanphong', draft.id, ids[COORD], { request: 'x' });
    expect([r.status, r.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    // A contribution no one asked for does not exist.
    await t.http
      .post(`/api/contributions/00000000-0000-4000-8000-000000000000/accept`)
      .set(await t.as(LEAD))
      .send({})
      .expect(404);
    await t.http
      .post(`/api/contributions/not-a-uuid/return`)
      .set(await t.as(LEAD))
      .send({ comment: 'x' })
      .expect(404);
  });

  it('reminds the coordinator before its sub-deadline, then tells the lead when it is overdue and escalated', async () => {
    // A directive whose ladder runs in seconds: reminder 4 s before, escalation 2 s after the sub-deadline.
    const office = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanphong'`);
    const number = `CT-${process.pid}/TU`;
    await t.db.query(
      `INSERT INTO directives (number, kind, title, created_by, escalation_policy)
       VALUES ($1, 'conclusion', 'Kết luận thử phối hợp', $2, '{"remindBefore": ["PT4S"], "escalateAfter": "PT2S"}'::jsonb)`,
      [number, office.rows[0].id],
    );
    const today = localDate(new Date());
    const deadline = deadlineInstant(today).getTime();
    const task = await makeTask(t.db, {
      state: 'in_progress',
      lead: LEAD,
      coordinating: [COORD],
      dueDate: today,
      directive: number,
    });
    // The default sub-deadline falls before today, so it is today.
    const c = (await ask(LEAD, task.id, ids[COORD], { request: 'Góp ý gấp' })).body as Contribution;
    expect(c.dueDate).toBe(today);

    // A worker whose clock stands 6 s before the end of the sub-deadline's day.
    workers.push(
      await startWorker(
        workerConfigFromEnv({
          WORKING_CALENDAR: 'off',
          DATABASE_URL: t.config.databaseUrl,
          REDIS_URL: redis.url,
          QUEUE_PREFIX: `c${process.pid}`,
          CLOCK_OFFSET_MS: String(deadline - 6000 - Date.now()),
          RELAY_INTERVAL_MS: '100',
          JOB_BACKOFF_MS: '100',
          LOG_LEVEL: 'silent',
        }),
      ),
    );
    const fired = await until('the sub-deadline’s ladder to fire', async () => {
      const r = await t.db.query<{ rung: string; status: string; fired_at: Date | null }>(
        `SELECT rung, status, fired_at FROM scheduled_actions WHERE target_id = $1 ORDER BY due_at`,
        [c.id],
      );
      return r.rows.length === 3 && r.rows.every((a) => a.status === 'done') && r.rows;
    });
    expect(fired.map((a) => a.rung)).toEqual(['contribution_remind', 'contribution_overdue', 'contribution_escalate']);
    // In order, each at its time on the worker's clock.
    expect(fired[0].fired_at!.getTime()).toBeLessThanOrEqual(fired[1].fired_at!.getTime());
    expect(fired[1].fired_at!.getTime()).toBeLessThanOrEqual(fired[2].fired_at!.getTime());

    const coordUsers = await usersOf(COORD);
    const leadUsers = await usersOf(LEAD);
    const officeUsers = await usersOf('office');
    expect(await notified(task.id, 'contribution_remind')).toEqual(coordUsers);
    expect(await notified(task.id, 'contribution_overdue')).toEqual([...coordUsers, ...leadUsers].sort());
    expect(await notified(task.id, 'contribution_escalate')).toEqual(
      [...coordUsers, ...leadUsers, ...officeUsers].sort(),
    );
    const events = (await history(task.id)).map((h) => h.event);
    expect(events).toEqual([
      'CONTRIBUTION_REQUESTED',
      'CONTRIBUTION_REMIND',
      'CONTRIBUTION_OVERDUE',
      'CONTRIBUTION_ESCALATE',
    ]);
    // The API's clock is still before the end of the day: the sub-deadline is due, not yet overdue.
    expect((await list(COORD, task.id)).items[0].deadlineStatus).toBe('due_soon');
  });
});
