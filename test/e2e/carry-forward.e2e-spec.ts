import { makeTask } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type State = 'drafted' | 'assigned' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';

describe("the monthly program carried forward: next month's program from this month's unfinished items", () => {
  let t: TestApp;
  const tag = `${process.pid}${Date.now().toString(36)}`;
  const oldNumber = `CTr-T11-${tag}`;
  const newNumber = `CTr-T12-${tag}`;
  let programId: string;
  const items = new Map<State, string>();

  const events = async (taskId: string) =>
    (
      await t.db.query<{ event: string; from_state: string; to_state: string; data: Record<string, unknown> }>(
        `SELECT event, from_state, to_state, data FROM task_events WHERE task_id = $1 ORDER BY id`,
        [taskId],
      )
    ).rows;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.http
      .post('/api/directives')
      .set(await t.as('vanphong'))
      .send({
        number: oldNumber,
        kind: 'monthly_program',
        title: 'Chương trình chỉ đạo tháng 11/2030 của Ban Thường vụ',
        issuedOn: '2030-11-01',
      })
      .expect(201);
    programId = res.body.id;
    for (const state of ['drafted', 'assigned', 'in_progress', 'submitted', 'approved', 'cancelled'] as const) {
      items.set(state, (await makeTask(t.db, { state, directive: oldNumber, dueDate: '2030-11-30' })).id);
    }
  });
  afterAll(() => t.close());

  it('refuses who may not, what is not a monthly program, and what does not exist', async () => {
    const body = { number: `X-${tag}`, title: 'Không', issuedOn: '2030-12-01' };
    for (const who of ['ban-tuyen-giao', 'thuongvu', 'kiemtra']) {
      await t.http
        .post(`/api/directives/${programId}/carry-forward`)
        .set(await t.as(who))
        .send(body)
        .expect(403);
    }
    await t.http
      .post(`/api/directives/00000000-0000-4000-8000-000000000000/carry-forward`)
      .set(await t.as('vanphong'))
      .send(body)
      .expect(404);
    const conclusion = await t.http
      .post('/api/directives')
      .set(await t.as('vanphong'))
      .send({ number: `KL-${tag}`, kind: 'conclusion', title: 'Kết luận', issuedOn: '2030-11-01' })
      .expect(201);
    const refused = await t.http
      .post(`/api/directives/${conclusion.body.id}/carry-forward`)
      .set(await t.as('vanphong'))
      .send(body)
      .expect(409);
    expect(refused.body.code).toBe('NOT_MONTHLY_PROGRAM');
    const made = await t.db.query(`SELECT 1 FROM directives WHERE number = $1`, [body.number]);
    expect(made.rows).toHaveLength(0);
  });

  it('makes a draft of every unfinished item, linked both ways, and nothing of the finished ones', async () => {
    const versionsBefore = await t.db.query<{ id: string; version: number; state: string }>(
      `SELECT id, version, state FROM tasks WHERE directive_id = $1`,
      [programId],
    );
    const res = await t.http
      .post(`/api/directives/${programId}/carry-forward`)
      .set(await t.as('vanphong'))
      .send({ number: newNumber, title: 'Chương trình chỉ đạo tháng 12/2030', issuedOn: '2030-12-01' })
      .expect(201);
    expect(res.body.directive).toMatchObject({ number: newNumber, kind: 'monthly_program', issuedOn: '2030-12-01' });
    const carried = res.body.tasks as { fromTaskId: string; task: Record<string, unknown> }[];
    const unfinished = (['drafted', 'assigned', 'in_progress', 'submitted'] as const).map((s) => items.get(s));
    expect(carried.map((c) => c.fromTaskId).sort()).toEqual([...unfinished].sort());
    for (const c of carried) {
      expect(c.task).toMatchObject({
        directiveId: res.body.directive.id,
        state: 'drafted',
        // Proposed: the end of the month after the item's own; the Office edits it.
        dueDate: '2030-12-31',
        deadlineText: 'Tháng 12/2030',
      });
      const row = await t.db.query(
        `SELECT n.carried_from_task_id, n.title = o.title AND n.description = o.description
                AND n.deliverable_type = o.deliverable_type AND n.field = o.field AND n.lead_agency_id = o.lead_agency_id
                AND n.coordinating_agency_ids = o.coordinating_agency_ids AS same
           FROM tasks n JOIN tasks o ON o.id = n.carried_from_task_id WHERE n.id = $1`,
        [c.task.id],
      );
      expect(row.rows[0]).toEqual({ carried_from_task_id: c.fromTaskId, same: true });
      expect(await events(c.task.id as string)).toEqual([
        { event: 'CREATE', from_state: null, to_state: 'drafted', data: { carriedFromTaskId: c.fromTaskId } },
      ]);
      // The old item says where it went, and stays as it was.
      const old = await events(c.fromTaskId);
      const last = old[old.length - 1];
      const before = versionsBefore.rows.find((r) => r.id === c.fromTaskId)!;
      expect(last).toEqual({
        event: 'CARRIED_FORWARD',
        from_state: before.state,
        to_state: before.state,
        data: { toTaskId: c.task.id, toDirectiveId: res.body.directive.id },
      });
    }
    for (const done of ['approved', 'cancelled'] as const) {
      expect((await events(items.get(done)!)).some((e) => e.event === 'CARRIED_FORWARD')).toBe(false);
    }
    const after = await t.db.query<{ id: string; version: number; state: string }>(
      `SELECT id, version, state FROM tasks WHERE directive_id = $1`,
      [programId],
    );
    expect(after.rows.map((r) => [r.id, r.state]).sort()).toEqual(
      versionsBefore.rows.map((r) => [r.id, r.state]).sort(),
    );
  });

  it('answers 409 to the same carry-forward again, and makes nothing twice', async () => {
    const again = await t.http
      .post(`/api/directives/${programId}/carry-forward`)
      .set(await t.as('vanphong'))
      .send({ number: newNumber, title: 'Chương trình chỉ đạo tháng 12/2030', issuedOn: '2030-12-01' })
      .expect(409);
    expect(again.body.code).toBe('DUPLICATE');
    const count = await t.db.query<{ n: number; events: number }>(
      `SELECT count(*)::int AS n,
              (SELECT count(*)::int FROM task_events e JOIN tasks o ON o.id = e.task_id
                WHERE o.directive_id = $2 AND e.event = 'CARRIED_FORWARD') AS events
         FROM tasks t JOIN directives d ON d.id = t.directive_id WHERE d.number = $1`,
      [newNumber, programId],
    );
    expect(count.rows[0]).toEqual({ n: 4, events: 4 });
  });

  it('leaves the drafts to the Office: hidden from agencies until edited and assigned as usual', async () => {
    const res = await t.db.query<{ id: string; version: number }>(
      `SELECT t.id, t.version FROM tasks t JOIN directives d ON d.id = t.directive_id WHERE d.number = $1 ORDER BY t.code LIMIT 1`,
      [newNumber],
    );
    const draft = res.rows[0];
    await t.http
      .get(`/api/tasks/${draft.id}`)
      .set(await t.as('ban-tuyen-giao'))
      .expect(404);
    const edited = await t.http
      .patch(`/api/tasks/${draft.id}`)
      .set(await t.as('vanphong'))
      .send({ expectedVersion: draft.version, dueDate: '2030-12-20', deadlineText: 'trước ngày 20/12/2030' })
      .expect(200);
    await t.http
      .post(`/api/tasks/${draft.id}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'ASSIGN', expectedVersion: edited.body.version })
      .expect(200);
    await t.http
      .get(`/api/tasks/${draft.id}`)
      .set(await t.as('ban-tuyen-giao'))
      .expect(200);
  });
});
