import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectiveImportProposal, TaskSummaryDto } from '@dondoc/contracts';
import { agencyId, makeTask } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The Office's bulk actions on a list selection: all or nothing in one transaction, each change through the
 * task-change writer exactly as the single endpoints write it. Real database, real queue.
 */

const CONCLUSION = join(
  __dirname,
  '../../libs/directive-parser/fixtures/provincial-conclusion-28-KL-TU-q4-2020-news.txt',
);
type Auth = { Authorization: string };

let seq = 0;
const uniqueNumber = () => `28-BULK-${process.pid}-${Date.now().toString(36)}${++seq}/TU`;

describe('bulk task actions (POST /api/tasks/bulk)', () => {
  let t: TestApp;
  let office: Auth;
  let lead: string;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' });
    office = await t.as('vanphong');
    lead = await agencyId(t.db, 'ban-tuyen-giao');
  });
  afterAll(() => t?.close());

  /** The 28-KL/TU conclusion imported under a fresh number; rows the parser left without a lead or deadline get ours, except `blank`. */
  async function importConclusion(opts: { blankLeadAt?: number } = {}): Promise<TaskSummaryDto[]> {
    const proposal = (
      await t.http
        .post('/api/directives/import')
        .set(office)
        .send({ text: readFileSync(CONCLUSION, 'utf8') })
        .expect(200)
    ).body as DirectiveImportProposal;
    expect(proposal.tasks).toHaveLength(15);
    const res = await t.http
      .post('/api/directives/import/confirm')
      .set(office)
      .send({
        directive: {
          number: uniqueNumber(),
          kind: proposal.directive.kind,
          title: proposal.directive.title || 'Kết luận',
        },
        tasks: proposal.tasks.map((p, i) => ({
          title: p.title,
          deliverableType: p.deliverableType,
          field: p.field,
          leadAgencyId: i === opts.blankLeadAt ? null : (p.leadAgencyId ?? lead),
          coordinatingAgencyIds: p.coordinatingAgencyIds.filter((c) => c !== (p.leadAgencyId ?? lead)),
          dueDate: p.dueDate ?? '2030-12-31',
        })),
      })
      .expect(201);
    const list = await t.http
      .get('/api/tasks')
      .query({ directiveId: res.body.directive.id, limit: 100 })
      .set(office)
      .expect(200);
    const byId = new Map((list.body.items as TaskSummaryDto[]).map((x) => [x.id, x]));
    return (res.body.taskIds as string[]).map((id) => byId.get(id)!);
  }

  async function snapshot(ids: string[]) {
    const r = await t.db.query(
      `SELECT t.id, t.state, t.version, t.due_date::text, t.lead_agency_id,
              (SELECT count(*)::int FROM task_events e WHERE e.task_id = t.id) AS events,
              (SELECT count(*)::int FROM notifications n WHERE n.task_id = t.id) AS notifications,
              (SELECT count(*)::int FROM outbox o WHERE o.task_id = t.id) AS outbox
         FROM tasks t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id`,
      [ids],
    );
    return r.rows;
  }

  /** What a change left behind for one task: its history events, notification kinds (per user) and outbox kinds. */
  async function trail(id: string) {
    const events = await t.db.query<{ event: string; comment: string | null }>(
      `SELECT event, comment FROM task_events WHERE task_id = $1 ORDER BY id`,
      [id],
    );
    const notes = await t.db.query<{ kind: string; username: string }>(
      `SELECT n.kind, u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.task_id = $1 ORDER BY 1, 2`,
      [id],
    );
    const outbox = await t.db.query<{ kind: string }>(`SELECT kind FROM outbox WHERE task_id = $1 ORDER BY id`, [id]);
    return {
      events: events.rows,
      notifications: notes.rows.map((n) => `${n.kind}:${n.username}`),
      outbox: outbox.rows.map((o) => o.kind),
    };
  }

  const items = (tasks: { id: string; version: number }[]) =>
    tasks.map((x) => ({ taskId: x.id, expectedVersion: x.version }));

  it("assigns an imported conclusion's 15 drafts in one call, writing what 15 single assigns would", async () => {
    const drafts = await importConclusion();
    // The order of the answer is the order of the items, not of the board.
    const order = [...drafts].reverse();
    const res = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'assign', items: items(order), comment: 'Giao theo Kết luận' });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 200, code: undefined });
    const tasks = res.body.tasks as TaskSummaryDto[];
    expect(tasks.map((x) => x.id)).toEqual(order.map((x) => x.id));
    for (const [i, x] of tasks.entries()) {
      expect(x).toMatchObject({
        state: 'assigned',
        version: order[i].version + 1,
        leadAgencyId: order[i].leadAgencyId,
        dueDate: order[i].dueDate,
      });
    }

    // A twin drafted task assigned through the single endpoint: the reference for history, notifications, outbox.
    const twin = await makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao', coordinating: [] });
    await t.http
      .post(`/api/tasks/${twin.id}/transitions`)
      .set(office)
      .send({ event: 'ASSIGN', expectedVersion: twin.version, comment: 'Giao theo Kết luận' })
      .expect(200);
    const reference = await trail(twin.id);
    expect(reference.notifications.length).toBeGreaterThan(0);
    const sameLead = drafts.find((d) => d.leadAgencyId === lead && d.coordinatingAgencyIds.length === 0);
    for (const d of drafts) {
      const got = await trail(d.id);
      expect(got.events).toEqual([
        { event: 'CREATE', comment: null },
        { event: 'ASSIGN', comment: 'Giao theo Kết luận' },
      ]);
      expect(got.outbox).toEqual(['CREATE', ...reference.outbox]);
      expect(got.notifications.length).toBeGreaterThan(0);
    }
    if (sameLead) expect((await trail(sameLead.id)).notifications).toEqual(reference.notifications);
    // Scheduled reminders exist for every assigned task, as a single assign plans them.
    const scheduled = await t.db.query<{ n: number }>(
      `SELECT count(DISTINCT task_id)::int AS n FROM scheduled_actions WHERE task_id = ANY($1::uuid[])`,
      [drafts.map((d) => d.id)],
    );
    expect(scheduled.rows[0].n).toBe(15);
  });

  it('changes nothing when one draft of the batch has no lead agency, and names it', async () => {
    const drafts = await importConclusion({ blankLeadAt: 6 });
    const before = await snapshot(drafts.map((d) => d.id));
    const res = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'assign', items: items(drafts) });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'BULK_REFUSED' });
    expect(res.body.details.refusals).toEqual([
      { taskId: drafts[6].id, code: 'LEAD_AGENCY_REQUIRED', message: expect.any(String) },
    ]);
    expect(await snapshot(drafts.map((d) => d.id))).toEqual(before);
    const assigns = await t.db.query(`SELECT 1 FROM task_events WHERE task_id = ANY($1::uuid[]) AND event = 'ASSIGN'`, [
      drafts.map((d) => d.id),
    ]);
    expect(assigns.rowCount).toBe(0);
  });

  it('refuses the whole batch when one task changed since it was loaded (VERSION_CONFLICT)', async () => {
    const a = await makeTask(t.db, { state: 'drafted' });
    const b = await makeTask(t.db, { state: 'drafted' });
    const before = await snapshot([a.id, b.id]);
    const res = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({
        action: 'assign',
        items: [
          { taskId: a.id, expectedVersion: a.version },
          { taskId: b.id, expectedVersion: b.version + 1 },
        ],
      });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'BULK_REFUSED' });
    expect(res.body.details.refusals).toEqual([
      { taskId: b.id, code: 'VERSION_CONFLICT', message: expect.any(String) },
    ]);
    expect(await snapshot([a.id, b.id])).toEqual(before);
  });

  it('assigns to the lead and deadline the batch names, and refuses an unknown lead for every task', async () => {
    const a = await makeTask(t.db, { state: 'drafted', lead: 'ban-dan-van', coordinating: [] });
    const b = await makeTask(t.db, { state: 'drafted', lead: 'ban-dan-van', coordinating: [] });
    const unknown = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'assign', items: items([a, b]), leadAgencyId: randomUUID() });
    expect(unknown.status).toBe(409);
    expect(unknown.body.details.refusals.map((r: { code: string }) => r.code)).toEqual([
      'UNKNOWN_AGENCY',
      'UNKNOWN_AGENCY',
    ]);
    const res = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'assign', items: items([a, b]), leadAgencyId: lead, dueDate: '2031-03-31' })
      .expect(200);
    expect(res.body.tasks).toEqual([
      expect.objectContaining({ id: a.id, state: 'assigned', leadAgencyId: lead, dueDate: '2031-03-31' }),
      expect.objectContaining({ id: b.id, state: 'assigned', leadAgencyId: lead, dueDate: '2031-03-31' }),
    ]);
  });

  it('moves the deadline of drafts, and refuses a task that is no longer a draft', async () => {
    const a = await makeTask(t.db, { state: 'drafted' });
    const b = await makeTask(t.db, { state: 'drafted' });
    const assigned = await makeTask(t.db, { state: 'assigned' });
    const refused = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'set-due-date', items: items([a, assigned, b]), dueDate: '2031-06-30' });
    expect(refused.status).toBe(409);
    expect(refused.body.details.refusals).toEqual([
      { taskId: assigned.id, code: 'TASK_NOT_EDITABLE', message: expect.any(String) },
    ]);
    const res = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'set-due-date', items: items([a, b]), dueDate: '2031-06-30' })
      .expect(200);
    expect(res.body.tasks).toEqual([
      expect.objectContaining({ id: a.id, state: 'drafted', dueDate: '2031-06-30', version: a.version + 1 }),
      expect.objectContaining({ id: b.id, state: 'drafted', dueDate: '2031-06-30', version: b.version + 1 }),
    ]);
    expect((await trail(a.id)).events).toEqual([{ event: 'EDIT', comment: null }]);
  });

  it('cancels with the one reason, and requires a reason', async () => {
    const a = await makeTask(t.db, { state: 'drafted' });
    const b = await makeTask(t.db, { state: 'in_progress' });
    const none = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'cancel', items: items([a, b]) });
    expect({ status: none.status, code: none.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const res = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'cancel', items: items([a, b]), comment: 'Nội dung đã được lồng ghép vào kế hoạch khác' })
      .expect(200);
    expect(res.body.tasks.map((x: TaskSummaryDto) => x.state)).toEqual(['cancelled', 'cancelled']);
    for (const x of [a, b]) {
      expect((await trail(x.id)).events).toEqual([
        { event: 'CANCEL', comment: 'Nội dung đã được lồng ghép vào kế hoạch khác' },
      ]);
    }
    // Cancelling again: the single endpoint's refusal for a cancelled task.
    const again = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'cancel', items: [{ taskId: a.id, expectedVersion: a.version + 1 }], comment: 'Lần nữa' });
    expect(again.body.details.refusals).toEqual([
      { taskId: a.id, code: 'INVALID_TRANSITION', message: expect.any(String) },
    ]);
  });

  it('refuses every role but the Office, changing nothing', async () => {
    const a = await makeTask(t.db, { state: 'drafted' });
    const before = await snapshot([a.id]);
    for (const user of ['thuongvu', 'kiemtra', 'admin', 'ban-tuyen-giao']) {
      const res = await t.http
        .post('/api/tasks/bulk')
        .set(await t.as(user))
        .send({ action: 'cancel', items: items([a]), comment: 'Hủy' });
      expect({ user, status: res.status, code: res.body.code }).toEqual({ user, status: 403, code: 'FORBIDDEN' });
    }
    const anon = await t.http.post('/api/tasks/bulk').send({ action: 'cancel', items: items([a]), comment: 'Hủy' });
    expect(anon.status).toBe(401);
    expect(await snapshot([a.id])).toEqual(before);
  });

  it('names a task that does not exist as NOT_FOUND and refuses ids sent twice', async () => {
    const a = await makeTask(t.db, { state: 'drafted' });
    const ghost = randomUUID();
    const res = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'cancel', items: [...items([a]), { taskId: ghost, expectedVersion: 1 }], comment: 'Hủy' });
    expect(res.status).toBe(409);
    expect(res.body.details.refusals).toEqual([{ taskId: ghost, code: 'NOT_FOUND', message: expect.any(String) }]);
    const twice = await t.http
      .post('/api/tasks/bulk')
      .set(office)
      .send({ action: 'cancel', items: [...items([a]), ...items([a])], comment: 'Hủy' });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await snapshot([a.id]))[0]).toMatchObject({ state: 'drafted', version: a.version });
  });
});
