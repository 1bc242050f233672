import { DATE_MAX, DATE_MIN } from '@dondoc/contracts';
import type { Response } from 'supertest';
import { directiveId, makeTask } from './support/fixtures.js';
import { expectClean, expectError } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Dates PostgreSQL or the deadline arithmetic choke on (year 0000) or that are plainly typos (0001, 9999). */
const OUT_OF_RANGE = ['0000-01-01', '0001-01-01', '9999-12-31', '1989-12-31', '2101-01-01'];

async function refused(test: PromiseLike<Response>, field: string): Promise<void> {
  const res = await test;
  expectClean(res);
  expectError(res, 400, 'VALIDATION_FAILED');
  const details = res.body.details as { path: string; message: string }[];
  expect(details.map((d) => d.path).join(' ')).toContain(field);
  expect(JSON.stringify(details)).toContain(DATE_MIN);
}

describe(`dates outside ${DATE_MIN}..${DATE_MAX} are refused with 400 and change nothing`, () => {
  let t: TestApp;
  let office: { Authorization: string };
  let directive: string;
  const stamp = Date.now().toString(36);

  const taskRow = async (id: string) =>
    (await t.db.query(`SELECT state, version, due_date::text AS due, revision FROM tasks WHERE id = $1`, [id])).rows[0];
  const countEvents = async (id: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM task_events WHERE task_id = $1`, [id])).rows[0].n;
  const count = async (sql: string, params: unknown[]) => (await t.db.query<{ n: number }>(sql, params)).rows[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.as('vanphong');
    directive = await directiveId(t.db);
  });
  afterAll(() => t.close());

  it.each(OUT_OF_RANGE)('POST /api/tasks dueDate %s', async (dueDate) => {
    const title = `Hạn ngoài khoảng ${stamp} ${dueDate}`;
    await refused(
      t.http
        .post('/api/tasks')
        .set(office)
        .send({ directiveId: directive, title, deliverableType: 'ke_hoach', field: 'economy', dueDate }),
      'dueDate',
    );
    expect(await count(`SELECT count(*)::int AS n FROM tasks WHERE title = $1`, [title])).toBe(0);
  });

  it('POST /api/tasks takes both edges of the range', async () => {
    for (const dueDate of [DATE_MIN, DATE_MAX]) {
      const res = await t.http
        .post('/api/tasks')
        .set(office)
        .send({
          directiveId: directive,
          title: `Hạn biên ${stamp} ${dueDate}`,
          deliverableType: 'ke_hoach',
          field: 'economy',
          dueDate,
        });
      expectClean(res);
      expect(res.status).toBe(201);
    }
  });

  it.each(OUT_OF_RANGE)('PATCH /api/tasks/:id dueDate %s', async (dueDate) => {
    const task = await makeTask(t.db, { state: 'drafted' });
    const before = await taskRow(task.id);
    await refused(
      t.http.patch(`/api/tasks/${task.id}`).set(office).send({ expectedVersion: task.version, dueDate }),
      'dueDate',
    );
    expect(await taskRow(task.id)).toEqual(before);
    expect(await countEvents(task.id)).toBe(0);
  });

  it.each(OUT_OF_RANGE)('ASSIGN and REASSIGN with dueDate %s', async (dueDate) => {
    const draft = await makeTask(t.db, { state: 'drafted' });
    const before = await taskRow(draft.id);
    await refused(
      t.http
        .post(`/api/tasks/${draft.id}/transitions`)
        .set(office)
        .send({ event: 'ASSIGN', expectedVersion: draft.version, dueDate }),
      'dueDate',
    );
    expect(await taskRow(draft.id)).toEqual(before);
    expect(await countEvents(draft.id)).toBe(0);

    const assigned = await makeTask(t.db, { state: 'assigned' });
    const was = await taskRow(assigned.id);
    await refused(
      t.http
        .post(`/api/tasks/${assigned.id}/transitions`)
        .set(office)
        .send({ event: 'REASSIGN', expectedVersion: assigned.version, dueDate }),
      'dueDate',
    );
    expect(await taskRow(assigned.id)).toEqual(was);
    expect(await countEvents(assigned.id)).toBe(0);
  });

  it.each(OUT_OF_RANGE)('POST /api/tasks/:id/extension-requests requestedDueDate %s', async (requestedDueDate) => {
    const task = await makeTask(t.db, { state: 'in_progress' });
    const before = await taskRow(task.id);
    await refused(
      t.http
        .post(`/api/tasks/${task.id}/extension-requests`)
        .set(await t.as('ban-tuyen-giao'))
        .send({ requestedDueDate, reason: 'Cần thêm thời gian khảo sát' }),
      'requestedDueDate',
    );
    expect(await count(`SELECT count(*)::int AS n FROM extension_requests WHERE task_id = $1`, [task.id])).toBe(0);
    expect(await taskRow(task.id)).toEqual(before);
  });

  it.each(OUT_OF_RANGE)('POST /api/directives issuedOn %s', async (issuedOn) => {
    const number = `98-KL/TU-${stamp}-${issuedOn}`;
    await refused(
      t.http.post('/api/directives').set(office).send({ number, kind: 'conclusion', title: 'Kết luận thử', issuedOn }),
      'issuedOn',
    );
    expect(await count(`SELECT count(*)::int AS n FROM directives WHERE number = $1`, [number])).toBe(0);
  });

  it.each(OUT_OF_RANGE)('GET /api/reports/* asOf=%s', async (asOf) => {
    for (const path of ['summary', 'by-agency', 'escalations', 'by-agency.xlsx']) {
      await refused(t.http.get(`/api/reports/${path}`).query({ asOf }).set(office), 'asOf');
    }
    const title = `Ảnh chụp ${stamp} ${asOf}`;
    await refused(t.http.post('/api/reports/snapshots').set(office).send({ title, asOf }), 'asOf');
    expect(await count(`SELECT count(*)::int AS n FROM report_snapshots WHERE title = $1`, [title])).toBe(0);
  });

  it.each(OUT_OF_RANGE)('POST /api/directives/import/confirm with %s', async (date) => {
    const task = { title: 'Xây dựng kế hoạch', deliverableType: 'ke_hoach', field: 'economy' };
    const directiveOf = (number: string, issuedOn: string | null) => ({
      number,
      kind: 'action_program',
      title: 'Chương trình hành động thử',
      issuedOn,
    });

    const a = `97-CTr/TU-${stamp}-a-${date}`;
    await refused(
      t.http
        .post('/api/directives/import/confirm')
        .set(office)
        .send({ directive: directiveOf(a, date), tasks: [task] }),
      'issuedOn',
    );
    const b = `97-CTr/TU-${stamp}-b-${date}`;
    await refused(
      t.http
        .post('/api/directives/import/confirm')
        .set(office)
        .send({ directive: directiveOf(b, '2021-04-02'), tasks: [task, { ...task, dueDate: date }] }),
      'dueDate',
    );
    expect(await count(`SELECT count(*)::int AS n FROM directives WHERE number = ANY($1)`, [[a, b]])).toBe(0);
  });
});
