import { randomUUID } from 'node:crypto';
import { actionJobId } from '@dondoc/workflow';
import { agencyId, makeTask } from './support/fixtures.js';
import { sleep } from './support/wait.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LEAD = 'ban-tuyen-giao';
const COORD = 'ban-dan-van';
const UNRELATED = 'ban-noi-chinh';
const DUE = '2031-06-30';
const REASON = 'Cần thêm thời gian lấy ý kiến các huyện, thị, thành ủy.';

type Body = Record<string, unknown>;
type TaskRef = { id: string; version: number };

describe('extension requests (xin gia hạn)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A task assigned through the API, so its deadline ladder is in `scheduled_actions` like any real one. */
  const assigned = async (dueDate = DUE): Promise<TaskRef> => {
    const task = await makeTask(t.db, { state: 'drafted', lead: LEAD, coordinating: [COORD], dueDate });
    const res = await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'ASSIGN', expectedVersion: task.version });
    expect(res.status).toBe(200);
    return { id: task.id, version: res.body.version as number };
  };

  const ask = async (taskId: string, body: Body, who = LEAD) =>
    t.http
      .post(`/api/tasks/${taskId}/extension-requests`)
      .set(await t.as(who))
      .send(body);

  const decide = async (requestId: string, body: Body, who = 'thuongvu', app = t) =>
    app.http
      .post(`/api/extension-requests/${requestId}/decision`)
      .set(await app.as(who))
      .send(body);

  /** An open request made through the API by the lead agency. */
  const opened = async (task: TaskRef, requestedDueDate = '2031-09-30'): Promise<string> => {
    const res = await ask(task.id, { requestedDueDate, reason: REASON });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  const taskRow = async (id: string) =>
    (
      await t.db.query<{
        state: string;
        version: number;
        due_date: string;
        original_due_date: string | null;
        deadline_version: number;
        escalation_level: number;
      }>(
        `SELECT state, version, due_date::text, original_due_date::text, deadline_version, escalation_level
           FROM tasks WHERE id = $1`,
        [id],
      )
    ).rows[0];

  const actions = async (taskId: string) =>
    (
      await t.db.query<{ rung: string; offset: string; version: number; status: string; job_id: string; due_at: Date }>(
        `SELECT rung, "offset", version, status, job_id, due_at FROM scheduled_actions WHERE task_id = $1 ORDER BY id`,
        [taskId],
      )
    ).rows;

  const extensionEvents = async (taskId: string) =>
    (
      await t.db.query<{
        event: string;
        from_state: string;
        to_state: string;
        actor_role: string;
        comment: string;
        data: Record<string, unknown>;
        task_version: number;
      }>(
        `SELECT event, from_state, to_state, actor_role, comment, data, task_version FROM task_events
          WHERE task_id = $1 AND event LIKE 'EXTENSION_%' ORDER BY id`,
        [taskId],
      )
    ).rows;

  /** Who received notifications of this kind about the task, by username. */
  const recipients = async (taskId: string, kind: string) =>
    (
      await t.db.query<{ username: string }>(
        `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.task_id = $1 AND n.kind = $2 ORDER BY u.username`,
        [taskId, kind],
      )
    ).rows.map((r) => r.username);

  const usernames = async (where: string, params: unknown[] = []) =>
    (
      await t.db.query<{ username: string }>(
        `SELECT username FROM users WHERE active AND ${where} ORDER BY username`,
        params,
      )
    ).rows.map((r) => r.username);

  const requestCount = async (taskId: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM extension_requests WHERE task_id = $1`, [taskId])).rows[0].n;

  it('lead asks, the Standing Committee grants: new deadline, first deadline kept, ladder rebuilt, history, notices', async () => {
    const task = await assigned();
    const before = await taskRow(task.id);
    const oldLadder = await actions(task.id);
    expect(oldLadder.map((a) => `${a.rung}:${a.offset}:${a.status}`)).toEqual([
      'remind_before:P14D:pending',
      'remind_before:P3D:pending',
      'overdue:PT0S:pending',
      'escalate:P7D:pending',
    ]);
    const leadUser = (await t.db.query(`SELECT id FROM users WHERE username = $1`, [LEAD])).rows[0].id;

    const asked = await ask(task.id, { requestedDueDate: '2031-09-30', reason: `  ${REASON}  ` });
    expect(asked.status).toBe(201);
    expect(asked.body).toEqual({
      id: expect.any(String),
      taskId: task.id,
      requestedDueDate: '2031-09-30',
      grantedDueDate: null,
      currentDueDate: DUE,
      reason: REASON,
      status: 'open',
      requestedBy: leadUser,
      requestedByName: expect.any(String),
      decidedBy: null,
      decidedByName: null,
      decidedAt: null,
      decisionComment: null,
      createdAt: expect.any(String),
    });
    const requestId: string = asked.body.id;

    // Asking moves nothing: same version, same deadline, same ladder; one history row, notices to the deciders.
    expect(await taskRow(task.id)).toEqual(before);
    expect(await actions(task.id)).toEqual(oldLadder);
    expect(await extensionEvents(task.id)).toEqual([
      {
        event: 'EXTENSION_REQUESTED',
        from_state: 'assigned',
        to_state: 'assigned',
        actor_role: 'agency',
        comment: REASON,
        data: { requestId, requestedDueDate: '2031-09-30', currentDueDate: DUE },
        task_version: before.version,
      },
    ]);
    expect(await recipients(task.id, 'EXTENSION_REQUESTED')).toEqual(
      await usernames(`role IN ('standing_committee', 'office')`),
    );

    // Someone's escalation from the old deadline: a grant to a future date clears it.
    await t.db.query(`UPDATE tasks SET escalation_level = 1 WHERE id = $1`, [task.id]);

    const granted = await decide(requestId, { decision: 'grant', comment: 'Đồng ý gia hạn đến hết quý III.' });
    expect(granted.status).toBe(200);
    expect(granted.body.request).toMatchObject({
      id: requestId,
      status: 'granted',
      grantedDueDate: '2031-09-30',
      decisionComment: 'Đồng ý gia hạn đến hết quý III.',
      decidedBy: expect.any(String),
      decidedAt: expect.any(String),
    });
    expect(granted.body.task).toMatchObject({
      id: task.id,
      state: 'assigned',
      dueDate: '2031-09-30',
      version: before.version + 1,
      escalationLevel: 0,
    });

    const after = await taskRow(task.id);
    expect(after).toEqual({
      state: 'assigned',
      version: before.version + 1,
      due_date: '2031-09-30',
      original_due_date: DUE,
      deadline_version: before.deadline_version + 1,
      escalation_level: 0,
    });

    // The old ladder is cancelled; a full new one waits for the new deadline version.
    const ladder = await actions(task.id);
    const old = ladder.filter((a) => a.version === before.deadline_version);
    const fresh = ladder.filter((a) => a.version === after.deadline_version);
    expect(old.map((a) => a.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(ladder).toHaveLength(8);
    // The deadline instant is 00:00 Asia/Ho_Chi_Minh after the due day: 2031-09-30T17:00Z.
    expect(
      fresh.map((a) => ({ rung: a.rung, offset: a.offset, status: a.status, dueAt: a.due_at.toISOString() })),
    ).toEqual([
      { rung: 'remind_before', offset: 'P14D', status: 'pending', dueAt: '2031-09-16T17:00:00.000Z' },
      { rung: 'remind_before', offset: 'P3D', status: 'pending', dueAt: '2031-09-27T17:00:00.000Z' },
      { rung: 'overdue', offset: 'PT0S', status: 'pending', dueAt: '2031-09-30T17:00:00.000Z' },
      { rung: 'escalate', offset: 'P7D', status: 'pending', dueAt: '2031-10-07T17:00:00.000Z' },
    ]);
    for (const a of fresh) {
      expect(a.job_id).toBe(actionJobId(task.id, a.rung as 'overdue', a.offset, after.deadline_version));
    }

    expect((await extensionEvents(task.id)).map((e) => [e.event, e.from_state, e.to_state, e.comment, e.data])).toEqual(
      [
        ['EXTENSION_REQUESTED', 'assigned', 'assigned', REASON, expect.any(Object)],
        [
          'EXTENSION_GRANTED',
          'assigned',
          'assigned',
          'Đồng ý gia hạn đến hết quý III.',
          { requestId, from: DUE, to: '2031-09-30', requested: '2031-09-30', deadlineVersion: after.deadline_version },
        ],
      ],
    );
    const leadId = await agencyId(t.db, LEAD);
    // The recipient rule: the lead, its coordinators and the Office hear of a grant.
    expect(await recipients(task.id, 'EXTENSION_GRANTED')).toEqual(
      await usernames(
        `(agency_id = $1 OR agency_id = ANY((SELECT coordinating_agency_ids FROM tasks WHERE id = $2)::uuid[]) OR role = 'office')`,
        [leadId, task.id],
      ),
    );

    // The lead agency reads the decision in its inbox.
    const inbox = await t.http
      .get('/api/notifications')
      .set(await t.as(LEAD))
      .expect(200);
    expect(
      inbox.body.items.filter((n: { taskId: string }) => n.taskId === task.id).map((n: { kind: string }) => n.kind),
    ).toContain('EXTENSION_GRANTED');

    // A second extension moves the deadline again but never the first deadline.
    const second = await opened({ id: task.id, version: after.version }, '2031-12-31');
    await decide(second, { decision: 'grant', comment: 'Gia hạn lần cuối.' }).then((r) => expect(r.status).toBe(200));

    // Everyone who reads the task sees the requests, newest first, and the first deadline.
    for (const who of ['vanphong', COORD, 'kiemtra']) {
      const detail = await t.http
        .get(`/api/tasks/${task.id}`)
        .set(await t.as(who))
        .expect(200);
      expect(detail.body).toMatchObject({ dueDate: '2031-12-31', originalDueDate: DUE });
      expect(
        detail.body.extensionRequests.map((r: { id: string; status: string; currentDueDate: string }) => [
          r.id,
          r.status,
          r.currentDueDate,
        ]),
      ).toEqual([
        [second, 'granted', '2031-09-30'],
        [requestId, 'granted', DUE],
      ]);
      expect(detail.body.extensionRequests[1]).toMatchObject({
        reason: REASON,
        requestedDueDate: '2031-09-30',
        decisionComment: 'Đồng ý gia hạn đến hết quý III.',
        decidedByName: expect.any(String),
      });
      expect(detail.body.history.map((h: { event: string }) => h.event)).toEqual([
        'ASSIGN',
        'EXTENSION_REQUESTED',
        'EXTENSION_GRANTED',
        'EXTENSION_REQUESTED',
        'EXTENSION_GRANTED',
      ]);
    }
    const pending = (await actions(task.id)).filter((a) => a.status === 'pending');
    expect(pending).toHaveLength(4);
    expect(new Set(pending.map((a) => a.version))).toEqual(new Set([before.deadline_version + 2]));
  });

  it('a task never extended shows its due date as the first deadline and no requests', async () => {
    const task = await assigned('2031-03-31');
    const detail = await t.http
      .get(`/api/tasks/${task.id}`)
      .set(await t.as(LEAD))
      .expect(200);
    expect(detail.body).toMatchObject({ dueDate: '2031-03-31', originalDueDate: '2031-03-31', extensionRequests: [] });
  });

  it('refusing leaves the deadline and the schedule alone, records the decision and tells the lead agency', async () => {
    const task = await assigned();
    await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await t.as(LEAD))
      .send({ event: 'START', expectedVersion: task.version })
      .expect(200);
    const requestId = await opened(task);
    const before = await taskRow(task.id);
    const ladder = await actions(task.id);

    const refused = await decide(requestId, {
      decision: 'refuse',
      comment: 'Không đủ căn cứ; đề nghị đẩy nhanh tiến độ.',
    });
    expect(refused.status).toBe(200);
    expect(refused.body.request).toMatchObject({ status: 'refused', decidedAt: expect.any(String) });
    expect(refused.body.task).toMatchObject({ dueDate: DUE, version: before.version, state: 'in_progress' });
    expect(await taskRow(task.id)).toEqual(before);
    expect(await actions(task.id)).toEqual(ladder);
    expect((await extensionEvents(task.id)).map((e) => [e.event, e.from_state, e.to_state, e.comment, e.data])).toEqual(
      [
        ['EXTENSION_REQUESTED', 'in_progress', 'in_progress', REASON, expect.any(Object)],
        [
          'EXTENSION_REFUSED',
          'in_progress',
          'in_progress',
          'Không đủ căn cứ; đề nghị đẩy nhanh tiến độ.',
          { requestId, requestedDueDate: '2031-09-30' },
        ],
      ],
    );
    const leadId = await agencyId(t.db, LEAD);
    // The recipient rule: the lead and the Office hear of a refusal.
    expect(await recipients(task.id, 'EXTENSION_REFUSED')).toEqual(
      await usernames(`(agency_id = $1 OR role = 'office')`, [leadId]),
    );

    // A refused request is closed: the agency may ask again.
    await opened(task, '2031-08-31');
    expect(await requestCount(task.id)).toBe(2);
  });

  it('allows one open request per task at a time, even when two arrive together', async () => {
    const task = await assigned();
    const first = await opened(task);
    const again = await ask(task.id, { requestedDueDate: '2031-10-31', reason: REASON });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EXTENSION_ALREADY_OPEN');
    expect(await requestCount(task.id)).toBe(1);
    await decide(first, { decision: 'refuse', comment: 'Không đồng ý.' }).then((r) => expect(r.status).toBe(200));

    const other = await assigned();
    const both = await Promise.all([
      ask(other.id, { requestedDueDate: '2031-09-30', reason: REASON }),
      ask(other.id, { requestedDueDate: '2031-10-31', reason: REASON }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('EXTENSION_ALREADY_OPEN');
    expect(await requestCount(other.id)).toBe(1);
  });

  it.each<[string, Body, string]>([
    ['the same date as the current deadline', { requestedDueDate: DUE, reason: REASON }, 'INVALID_DUE_DATE'],
    ['an earlier date', { requestedDueDate: '2031-05-31', reason: REASON }, 'INVALID_DUE_DATE'],
    ['a date decades away', { requestedDueDate: '2099-06-30', reason: REASON }, 'INVALID_DUE_DATE'],
    ['a day that does not exist', { requestedDueDate: '2031-09-31', reason: REASON }, 'VALIDATION_FAILED'],
    ['a Vietnamese-style date', { requestedDueDate: '30/09/2031', reason: REASON }, 'VALIDATION_FAILED'],
    ['a timestamp', { requestedDueDate: '2031-09-30T00:00:00Z', reason: REASON }, 'VALIDATION_FAILED'],
    ['no date', { reason: REASON }, 'VALIDATION_FAILED'],
    ['no reason', { requestedDueDate: '2031-09-30' }, 'VALIDATION_FAILED'],
    ['a blank reason', { requestedDueDate: '2031-09-30', reason: '   ' }, 'COMMENT_REQUIRED'],
    ['a reason that is not text', { requestedDueDate: '2031-09-30', reason: 42 }, 'VALIDATION_FAILED'],
    [
      'an unknown field',
      { requestedDueDate: '2031-09-30', reason: REASON, dueDate: '2031-09-30' },
      'VALIDATION_FAILED',
    ],
  ])('refuses a request with %s (400), writing nothing', async (_what, body, code) => {
    const task = await assigned();
    const res = await ask(task.id, body);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
    expect(await requestCount(task.id)).toBe(0);
    expect(await extensionEvents(task.id)).toEqual([]);
  });

  it.each<[string, Body, string]>([
    ['an unknown decision', { decision: 'approve', comment: 'Đồng ý.' }, 'VALIDATION_FAILED'],
    ['no comment', { decision: 'grant' }, 'VALIDATION_FAILED'],
    ['a blank comment', { decision: 'refuse', comment: '  ' }, 'COMMENT_REQUIRED'],
    ['an unknown field', { decision: 'grant', comment: 'Đồng ý.', newDueDate: '2032-01-01' }, 'VALIDATION_FAILED'],
    ['a date that is not one', { decision: 'grant', comment: 'Đồng ý.', dueDate: '2032-02-30' }, 'VALIDATION_FAILED'],
  ])('refuses a decision with %s (400), writing nothing', async (_what, body, code) => {
    const task = await assigned();
    const requestId = await opened(task);
    const before = await taskRow(task.id);
    const res = await decide(requestId, body);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
    expect(await taskRow(task.id)).toEqual(before);
    const r = await t.db.query(`SELECT status FROM extension_requests WHERE id = $1`, [requestId]);
    expect(r.rows[0].status).toBe('open');
  });

  it('is asked for only while the work is under way', async () => {
    for (const state of ['submitted', 'approved', 'cancelled'] as const) {
      const task = await makeTask(t.db, { state, lead: LEAD, coordinating: [COORD] });
      const res = await ask(task.id, { requestedDueDate: '2031-09-30', reason: REASON });
      expect({ state, status: res.status, code: res.body.code }).toEqual({
        state,
        status: 409,
        code: 'INVALID_TRANSITION',
      });
    }
    // Drafts are the Office's working copy: the agency cannot see them at all.
    const draft = await makeTask(t.db, { state: 'drafted', lead: LEAD, coordinating: [COORD] });
    expect((await ask(draft.id, { requestedDueDate: '2031-09-30', reason: REASON })).status).toBe(404);
  });

  it('lets only the lead agency ask: coordinating 403, unrelated 404, other roles 403', async () => {
    const task = await assigned();
    const body = { requestedDueDate: '2031-09-30', reason: REASON };
    const answers: Record<string, unknown> = {};
    for (const who of [COORD, UNRELATED, 'vanphong', 'thuongvu', 'kiemtra', 'admin']) {
      const res = await ask(task.id, body, who);
      answers[who] = `${res.status} ${res.body.code}`;
    }
    expect(answers).toEqual({
      [COORD]: '403 FORBIDDEN_ROLE',
      [UNRELATED]: '404 NOT_FOUND',
      vanphong: '403 FORBIDDEN_ROLE',
      thuongvu: '403 FORBIDDEN_ROLE',
      kiemtra: '403 FORBIDDEN_ROLE',
      admin: '403 FORBIDDEN',
    });
    expect(await requestCount(task.id)).toBe(0);
    expect((await t.http.post(`/api/tasks/${task.id}/extension-requests`).send(body)).status).toBe(401);
    expect((await ask(randomUUID(), body)).status).toBe(404);
    expect((await ask('not-a-uuid', body)).status).toBe(404);
  });

  it('lets only the Standing Committee decide: the Office 403 unless configured, agencies 403 or 404, inspector 403', async () => {
    const task = await assigned();
    const requestId = await opened(task);
    const body = { decision: 'grant', comment: 'Đồng ý.' };
    const answers: Record<string, unknown> = {};
    for (const who of ['vanphong', 'kiemtra', 'admin', LEAD, COORD, UNRELATED]) {
      const res = await decide(requestId, body, who);
      answers[who] = `${res.status} ${res.body.code}`;
    }
    expect(answers).toEqual({
      vanphong: '403 FORBIDDEN_ROLE',
      kiemtra: '403 FORBIDDEN_ROLE',
      admin: '403 FORBIDDEN',
      [LEAD]: '403 FORBIDDEN_ROLE',
      [COORD]: '403 FORBIDDEN_ROLE',
      [UNRELATED]: '404 NOT_FOUND',
    });
    expect((await t.db.query(`SELECT status FROM extension_requests WHERE id = $1`, [requestId])).rows[0].status).toBe(
      'open',
    );
    expect((await decide(randomUUID(), body)).status).toBe(404);
    expect((await decide('not-a-uuid', body)).status).toBe(404);

    // A province that delegates the decision to the Office (EXTENSIONS_OFFICE_MAY_DECIDE=true).
    const delegating = await startTestApp({ EXTENSIONS_OFFICE_MAY_DECIDE: 'true' });
    try {
      expect(delegating.config.extensionsOfficeMayDecide).toBe(true);
      expect((await decide(requestId, body, 'kiemtra', delegating)).status).toBe(403);
      expect((await decide(requestId, body, LEAD, delegating)).status).toBe(403);
      const res = await decide(requestId, body, 'vanphong', delegating);
      expect(res.status).toBe(200);
      expect(res.body.request).toMatchObject({ status: 'granted' });
      expect(res.body.task).toMatchObject({ dueDate: '2031-09-30' });
      const events = await extensionEvents(task.id);
      expect(events.at(-1)).toMatchObject({ event: 'EXTENSION_GRANTED', actor_role: 'office' });
    } finally {
      await delegating.close();
    }
  });

  it('decides a request once: deciding again answers 409, even when two decisions arrive together', async () => {
    const task = await assigned();
    const requestId = await opened(task);
    await decide(requestId, { decision: 'grant', comment: 'Đồng ý.' }).then((r) => expect(r.status).toBe(200));
    const after = await taskRow(task.id);
    for (const decision of ['grant', 'refuse']) {
      const res = await decide(requestId, { decision, comment: 'Lần nữa.' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'EXTENSION_ALREADY_DECIDED' });
    }
    expect(await taskRow(task.id)).toEqual(after);

    const other = await assigned();
    const otherRequest = await opened(other);
    const before = await taskRow(other.id);
    const both = await Promise.all([
      decide(otherRequest, { decision: 'grant', comment: 'Đồng ý.' }),
      decide(otherRequest, { decision: 'refuse', comment: 'Không đồng ý.' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('EXTENSION_ALREADY_DECIDED');
    const decided = (await extensionEvents(other.id)).filter((e) => e.event !== 'EXTENSION_REQUESTED');
    expect(decided).toHaveLength(1);
    const winner = both.find((r) => r.status === 200)!.body.request.status as string;
    expect((await taskRow(other.id)).deadline_version).toBe(before.deadline_version + (winner === 'granted' ? 1 : 0));
  });

  it('does not grant on a task that has been closed, nor shorten a deadline moved since the request', async () => {
    const task = await assigned();
    const requestId = await opened(task);
    await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'CANCEL', expectedVersion: task.version, comment: 'Không cần thiết nữa' })
      .expect(200);
    const closed = await decide(requestId, { decision: 'grant', comment: 'Đồng ý.' });
    expect({ status: closed.status, code: closed.body.code }).toEqual({ status: 409, code: 'INVALID_TRANSITION' });
    // ... but the request can still be closed by a refusal.
    expect((await decide(requestId, { decision: 'refuse', comment: 'Nhiệm vụ đã hủy.' })).status).toBe(200);

    const moved = await assigned();
    const movedRequest = await opened(moved, '2031-09-30');
    // As the writer moves a deadline: with the day it ends (a Friday, a working day).
    await t.db.query(`UPDATE tasks SET due_date = '2031-10-31', effective_due_date = '2031-10-31' WHERE id = $1`, [
      moved.id,
    ]);
    const outdated = await decide(movedRequest, { decision: 'grant', comment: 'Đồng ý.' });
    expect({ status: outdated.status, code: outdated.body.code }).toEqual({ status: 409, code: 'EXTENSION_OUTDATED' });
    expect((await taskRow(moved.id)).due_date).toBe('2031-10-31');
  });

  it('grants another date than the one asked, with a comment: the deadline moves there and the request says so', async () => {
    const task = await assigned();
    const requestId = await opened(task, '2031-09-30');
    const res = await decide(requestId, {
      decision: 'grant',
      comment: 'Đồng ý gia hạn, nhưng chỉ đến hết tháng 7.',
      dueDate: '2031-07-31',
    });
    expect(res.status).toBe(200);
    expect(res.body.request).toMatchObject({
      status: 'granted',
      requestedDueDate: '2031-09-30',
      grantedDueDate: '2031-07-31',
    });
    expect(res.body.task.dueDate).toBe('2031-07-31');
    const row = await taskRow(task.id);
    expect({ due: row.due_date, first: row.original_due_date }).toEqual({ due: '2031-07-31', first: DUE });
    const history = await t.db.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM task_events WHERE task_id = $1 AND event = 'EXTENSION_GRANTED'`,
      [task.id],
    );
    expect(history.rows[0].data).toMatchObject({ to: '2031-07-31', requested: '2031-09-30' });
  });

  it('refuses a chosen date that does not extend, or a date with a refusal, and changes nothing', async () => {
    const task = await assigned();
    const requestId = await opened(task, '2031-09-30');
    const before = await taskRow(task.id);
    const shorter = await decide(requestId, { decision: 'grant', comment: 'Đồng ý.', dueDate: DUE });
    expect({ status: shorter.status, code: shorter.body.code }).toEqual({ status: 400, code: 'INVALID_DUE_DATE' });
    const refusal = await decide(requestId, { decision: 'refuse', comment: 'Không.', dueDate: '2031-08-31' });
    expect({ status: refusal.status, code: refusal.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await taskRow(task.id)).toEqual(before);
    const open = await t.db.query<{ status: string; granted_due_date: string | null }>(
      `SELECT status, granted_due_date::text FROM extension_requests WHERE id = $1`,
      [requestId],
    );
    expect(open.rows[0]).toEqual({ status: 'open', granted_due_date: null });
  });

  describe('a grant racing a transition', () => {
    /** Both requests wait on a row lock the test holds, then race for it: exactly one may win. */
    it('held at the same row: one wins, the other answers 409 VERSION_CONFLICT and writes nothing', async () => {
      const task = await assigned();
      const requestId = await opened(task);
      const before = await taskRow(task.id);
      const ladder = await actions(task.id);
      const lock = await t.db.connect();
      let results: Awaited<ReturnType<typeof decide>>[];
      try {
        await lock.query('BEGIN');
        await lock.query(`SELECT 1 FROM tasks WHERE id = $1 FOR UPDATE`, [task.id]);
        const pid = (await lock.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0].pid;
        const racing = Promise.all([
          decide(requestId, { decision: 'grant', comment: 'Đồng ý.' }),
          t.http
            .post(`/api/tasks/${task.id}/transitions`)
            .set(await t.as(LEAD))
            .send({ event: 'START', expectedVersion: task.version })
            .then((r) => r),
        ]);
        // Both have read version `task.version` and now wait at their conditional UPDATE: the first
        // behind our lock, the second behind the first (PostgreSQL queues waiters on the tuple).
        const end = Date.now() + 20_000;
        for (;;) {
          const waiting = await t.db.query<{ n: number }>(
            `WITH direct AS (SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid)))
             SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE pid IN (SELECT pid FROM direct) OR pg_blocking_pids(pid) && ARRAY(SELECT pid FROM direct)`,
            [pid],
          );
          if (waiting.rows[0].n >= 2) break;
          if (Date.now() > end) throw new Error('the two requests never reached the lock');
          await sleep(20);
        }
        await lock.query('ROLLBACK');
        results = await racing;
      } catch (e) {
        await lock.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        lock.release();
      }
      const [grant, start] = results;
      expect([grant.status, start.status].sort()).toEqual([200, 409]);
      const loser = grant.status === 409 ? grant : start;
      expect(loser.body.code).toBe('VERSION_CONFLICT');
      const after = await taskRow(task.id);
      expect(after.version).toBe(before.version + 1);
      const status = (await t.db.query(`SELECT status FROM extension_requests WHERE id = $1`, [requestId])).rows[0]
        .status;
      if (grant.status === 200) {
        expect(after).toMatchObject({ state: 'assigned', due_date: '2031-09-30' });
        expect(status).toBe('granted');
      } else {
        // The grant lost: the request is still open and nothing of the grant was written.
        expect(after).toMatchObject({ state: 'in_progress', due_date: DUE, deadline_version: before.deadline_version });
        expect(status).toBe('open');
        expect((await extensionEvents(task.id)).map((e) => e.event)).toEqual(['EXTENSION_REQUESTED']);
        expect(await actions(task.id)).toEqual(ladder);
      }
    });

    it('raced freely against a cancellation: exactly one of the two succeeds every time', async () => {
      for (let i = 0; i < 5; i++) {
        const task = await assigned();
        const requestId = await opened(task);
        const office = await t.as('vanphong');
        const [grant, cancel] = await Promise.all([
          decide(requestId, { decision: 'grant', comment: 'Đồng ý.' }),
          t.http
            .post(`/api/tasks/${task.id}/transitions`)
            .set(office)
            .send({ event: 'CANCEL', expectedVersion: task.version, comment: 'Không cần thiết nữa' })
            .then((r) => r),
        ]);
        expect([grant.status, cancel.status].sort()).toEqual([200, 409]);
        const after = await taskRow(task.id);
        if (grant.status === 200) {
          expect(after).toMatchObject({ state: 'assigned', due_date: '2031-09-30' });
          expect(cancel.body.code).toBe('VERSION_CONFLICT');
        } else {
          expect(after).toMatchObject({ state: 'cancelled', due_date: DUE });
          expect(['VERSION_CONFLICT', 'INVALID_TRANSITION']).toContain(grant.body.code);
          expect((await actions(task.id)).every((a) => a.status === 'cancelled')).toBe(true);
        }
      }
    });
  });

  describe("the deciders' queue: GET /extension-requests", () => {
    type QueueItem = { id: string; status: string; task: { id: string; code: string }; requestedAt: string };
    const queue = async (who: string, query = '') => {
      const res = await t.http.get(`/api/extension-requests${query}`).set(await t.as(who));
      expect(res.status).toBe(200);
      return res.body as { items: QueueItem[]; total: number; limit: number; offset: number };
    };
    /** Whole queue, all pages: other tests of this file leave requests open too. */
    const requestIds = async (who: string, status = 'open') =>
      (await queue(who, `?status=${status}&limit=500`)).items.map((i) => i.id);
    const openCount = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM extension_requests WHERE status = 'open'`)).rows[0].n;

    it('lists open requests oldest first with the task essentials; decided ones leave it', async () => {
      const first = await assigned();
      const second = await assigned('2031-07-31');
      const firstId = await opened(first, '2031-09-30');
      const secondId = await opened(second, '2031-10-31');
      const code = async (id: string) =>
        (await t.db.query(`SELECT code, title FROM tasks WHERE id = $1`, [id])).rows[0] as {
          code: string;
          title: string;
        };
      const leadUser = (await t.db.query(`SELECT id FROM users WHERE username = $1`, [LEAD])).rows[0].id;

      const page = await queue('thuongvu');
      expect(page).toMatchObject({ limit: 100, offset: 0, total: await openCount() });
      const ids = page.items.map((i) => i.id);
      expect(ids).toContain(firstId);
      expect(ids.indexOf(firstId)).toBeLessThan(ids.indexOf(secondId));
      const times = page.items.map((i) => i.requestedAt);
      expect([...times].sort()).toEqual(times);
      expect(page.items.find((i) => i.id === firstId)).toEqual({
        id: firstId,
        status: 'open',
        task: {
          id: first.id,
          ...(await code(first.id)),
          state: 'assigned',
          leadAgencyId: await agencyId(t.db, LEAD),
          dueDate: DUE,
        },
        currentDueDate: DUE,
        requestedDueDate: '2031-09-30',
        reason: REASON,
        requestedBy: leadUser,
        requestedByName: expect.any(String),
        requestedAt: expect.any(String),
      });
      // The explicit status is the default.
      expect((await queue('thuongvu', '?status=open')).items.map((i) => i.id)).toEqual(ids);

      expect(
        (await decide(firstId, { decision: 'grant', dueDate: '2031-08-31', comment: 'Gia hạn đến hết tháng 8.' }))
          .status,
      ).toBe(200);
      expect((await decide(secondId, { decision: 'refuse', comment: 'Không đủ lý do.' })).status).toBe(200);
      const open = await requestIds('thuongvu');
      expect(open).not.toContain(firstId);
      expect(open).not.toContain(secondId);
      expect(await requestIds('thuongvu', 'granted')).toContain(firstId);
      expect(await requestIds('thuongvu', 'refused')).toContain(secondId);
      expect(await requestIds('thuongvu', 'granted')).not.toContain(secondId);
    });

    it('pages with limit and offset, and refuses an unknown status', async () => {
      await opened(await assigned());
      await opened(await assigned());
      const all = await requestIds('vanphong');
      expect(all.length).toBeGreaterThanOrEqual(2);
      const p1 = await queue('vanphong', '?limit=1');
      const p2 = await queue('vanphong', '?limit=1&offset=1');
      expect(p1.items.map((i) => i.id)).toEqual(all.slice(0, 1));
      expect(p2.items.map((i) => i.id)).toEqual(all.slice(1, 2));
      expect(p2.total).toBe(all.length);
      const bad = await t.http.get('/api/extension-requests?status=pending').set(await t.as('thuongvu'));
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });

    it('shows each caller the requests of the tasks they see: agencies their own, the others all, admin none', async () => {
      const ours = await assigned();
      const oursId = await opened(ours);
      const theirs = await makeTask(t.db, { state: 'drafted', lead: UNRELATED, coordinating: [], dueDate: DUE });
      const assignedTheirs = await t.http
        .post(`/api/tasks/${theirs.id}/transitions`)
        .set(await t.as('vanphong'))
        .send({ event: 'ASSIGN', expectedVersion: theirs.version });
      expect(assignedTheirs.status).toBe(200);
      const theirsAsk = await ask(theirs.id, { requestedDueDate: '2031-09-30', reason: REASON }, UNRELATED);
      expect(theirsAsk.status).toBe(201);
      const theirsId: string = theirsAsk.body.id;

      for (const who of ['thuongvu', 'vanphong', 'kiemtra']) {
        const ids = await requestIds(who);
        expect({ who, ours: ids.includes(oursId), theirs: ids.includes(theirsId) }).toEqual({
          who,
          ours: true,
          theirs: true,
        });
      }
      // The lead and the coordinating agency see the task, so its request; the other agency does not.
      for (const [who, seesOurs, seesTheirs] of [
        [LEAD, true, false],
        [COORD, true, false],
        [UNRELATED, false, true],
      ] as const) {
        const page = await queue(who, '?limit=500');
        const ids = page.items.map((i) => i.id);
        expect({ who, ours: ids.includes(oursId), theirs: ids.includes(theirsId) }).toEqual({
          who,
          ours: seesOurs,
          theirs: seesTheirs,
        });
        // Counted in the query, under the same scope.
        const visible = await t.db.query(
          `SELECT count(*)::int AS n FROM extension_requests er JOIN tasks t ON t.id = er.task_id
            WHERE er.status = 'open' AND t.state <> 'drafted'
              AND (t.lead_agency_id = $1 OR $1 = ANY(t.coordinating_agency_ids))`,
          [await agencyId(t.db, who)],
        );
        expect(page.total).toBe(visible.rows[0].n);
      }
      const admin = await t.http.get('/api/extension-requests').set(await t.as('admin'));
      expect(admin.status).toBe(403);
      expect((await t.http.get('/api/extension-requests')).status).toBe(401);
    });
  });

  describe('openExtensionRequest on task summaries', () => {
    const detail = async (id: string, who = 'thuongvu') => {
      const res = await t.http.get(`/api/tasks/${id}`).set(await t.as(who));
      expect(res.status).toBe(200);
      return res.body as { openExtensionRequest: unknown; extensionRequests: { id: string; createdAt: string }[] };
    };
    const listed = async (id: string, who = 'thuongvu') => {
      const res = await t.http.get('/api/tasks?limit=10000').set(await t.as(who));
      expect(res.status).toBe(200);
      return (res.body.items as { id: string; openExtensionRequest: unknown }[]).find((i) => i.id === id);
    };

    it('appears when asked, on the list and the detail, and goes when granted', async () => {
      const task = await assigned();
      expect((await detail(task.id)).openExtensionRequest).toBeNull();
      expect((await listed(task.id))?.openExtensionRequest).toBeNull();

      const requestId = await opened(task, '2031-09-30');
      const createdAt = (await detail(task.id)).extensionRequests[0].createdAt;
      const expected = { id: requestId, requestedDueDate: '2031-09-30', requestedAt: createdAt };
      for (const who of ['thuongvu', LEAD, COORD]) {
        expect((await detail(task.id, who)).openExtensionRequest).toEqual(expected);
        expect((await listed(task.id, who))?.openExtensionRequest).toEqual(expected);
      }

      const granted = await decide(requestId, {
        decision: 'grant',
        dueDate: '2031-08-15',
        comment: 'Đồng ý một phần.',
      });
      expect(granted.status).toBe(200);
      expect(granted.body.task.openExtensionRequest).toBeNull();
      expect((await detail(task.id)).openExtensionRequest).toBeNull();
      expect((await listed(task.id))?.openExtensionRequest).toBeNull();
    });

    it('stays on the answer of a transition made while the request is open (the card keeps its badge)', async () => {
      const task = await assigned();
      const requestId = await opened(task, '2031-10-31');
      const { version } = (await detail(task.id, LEAD)) as unknown as { version: number };
      const started = await t.http
        .post(`/api/tasks/${task.id}/transitions`)
        .set(await t.as(LEAD))
        .send({ event: 'START', expectedVersion: version });
      expect(started.status).toBe(200);
      expect(started.body.state).toBe('in_progress');
      expect(started.body.openExtensionRequest).toMatchObject({ id: requestId, requestedDueDate: '2031-10-31' });
    });

    it('goes when refused', async () => {
      const task = await assigned();
      const requestId = await opened(task);
      expect((await listed(task.id))?.openExtensionRequest).toMatchObject({ id: requestId });
      const refused = await decide(requestId, { decision: 'refuse', comment: 'Không đồng ý.' });
      expect(refused.status).toBe(200);
      expect(refused.body.task.openExtensionRequest).toBeNull();
      expect((await detail(task.id)).openExtensionRequest).toBeNull();
      expect((await listed(task.id))?.openExtensionRequest).toBeNull();
    });
  });
});
