import { localDate } from '@dondoc/workflow';
import { agencyId, directiveId, makeTask } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe('a task from draft to approval', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('goes drafted → assigned → in_progress → submitted → returned → submitted → approved, with history', async () => {
    const office = await t.as('vanphong');
    const committee = await t.as('thuongvu');
    const lead = await t.as('ban-tuyen-giao');
    const directive = await directiveId(t.db);
    const leadId = await agencyId(t.db, 'ban-tuyen-giao');
    const coordId = await agencyId(t.db, 'ban-dan-van');

    const created = await t.http
      .post('/api/tasks')
      .set(office)
      .send({
        directiveId: directive,
        title: 'Đề án cải cách thủ tục hành chính trong cơ quan đảng',
        deliverableType: 'de_an',
        field: 'party_building',
        coordinatingAgencyIds: [coordId],
        deadlineText: 'quý II-2031',
      })
      .expect(201);
    expect(created.body).toMatchObject({ state: 'drafted', version: 1, leadAgencyId: null });
    const id: string = created.body.id;

    const patched = await t.http
      .patch(`/api/tasks/${id}`)
      .set(office)
      .send({ expectedVersion: 1, leadAgencyId: leadId, dueDate: '2031-06-30' })
      .expect(200);
    expect(patched.body).toMatchObject({ version: 2, leadAgencyId: leadId, dueDate: '2031-06-30' });

    const move = (who: Record<string, string>, body: Record<string, unknown>) =>
      t.http.post(`/api/tasks/${id}/transitions`).set(who).send(body);

    let r = await move(office, { event: 'ASSIGN', expectedVersion: 2 }).expect(200);
    expect(r.body).toMatchObject({ state: 'assigned', version: 3, deadlineStatus: 'not_due' });
    r = await move(lead, { event: 'START', expectedVersion: 3 }).expect(200);
    expect(r.body.state).toBe('in_progress');
    expect(r.body.allowedEvents).toEqual(['SUBMIT']);

    // SUBMIT needs a deliverable first.
    const refused = await move(lead, { event: 'SUBMIT', expectedVersion: 4 }).expect(400);
    expect(refused.body.code).toBe('SUBMISSION_REQUIRED');

    const upload = await t.http
      .post(`/api/tasks/${id}/submissions`)
      .set(lead)
      .field('note', 'Dự thảo lần 1')
      .attach('files', PDF, 'Dự thảo đề án.pdf')
      .expect(201);
    expect(upload.body.files[0]).toMatchObject({
      fileName: 'Dự thảo đề án.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(upload.body.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    r = await move(lead, { event: 'SUBMIT', expectedVersion: 4 }).expect(200);
    expect(r.body.state).toBe('submitted');

    const noComment = await move(committee, { event: 'RETURN', expectedVersion: 5 }).expect(400);
    expect(noComment.body.code).toBe('COMMENT_REQUIRED');
    r = await move(committee, { event: 'RETURN', expectedVersion: 5, comment: 'Bổ sung lộ trình và kinh phí.' }).expect(
      200,
    );
    expect(r.body).toMatchObject({ state: 'in_progress', revision: 1 });

    await t.http.post(`/api/tasks/${id}/submissions`).set(lead).field('note', 'Đã bổ sung lộ trình').expect(201);
    await move(lead, { event: 'SUBMIT', expectedVersion: 6 }).expect(200);
    r = await move(committee, { event: 'APPROVE', expectedVersion: 7 }).expect(200);
    expect(r.body).toMatchObject({ state: 'approved', deadlineStatus: 'on_time', allowedEvents: [] });

    const detail = await t.http.get(`/api/tasks/${id}`).set(office).expect(200);
    expect(detail.body.history.map((h: { event: string }) => h.event)).toEqual([
      'CREATE',
      'EDIT',
      'ASSIGN',
      'START',
      'DELIVERABLE_UPLOADED',
      'SUBMIT',
      'RETURN',
      'DELIVERABLE_UPLOADED',
      'SUBMIT',
      'APPROVE',
    ]);
    const ret = detail.body.history.find((h: { event: string }) => h.event === 'RETURN');
    expect(ret).toMatchObject({ from: 'submitted', to: 'in_progress', comment: 'Bổ sung lộ trình và kinh phí.' });
    expect(ret.actor).toMatchObject({ role: 'standing_committee' });
    expect(detail.body.submissions.map((s: { seq: number; decision: string }) => [s.seq, s.decision])).toEqual([
      [1, 'returned'],
      [2, 'approved'],
    ]);

    // The file downloads with its content and a safe, encoded name.
    const file = detail.body.submissions[0].files[0];
    const dl = await t.http.get(file.downloadUrl).set(lead).buffer(true).expect(200);
    expect(Buffer.compare(dl.body as Buffer, PDF)).toBe(0);
    expect(dl.headers['content-disposition']).toContain('attachment; filename=');
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''D%E1%BB%B1");
    expect(dl.headers['x-content-type-options']).toBe('nosniff');

    // One outbox row per change, in order, for the relay and the live stream.
    const outbox = await t.db.query(`SELECT kind, payload FROM outbox WHERE task_id = $1 ORDER BY id`, [id]);
    expect(outbox.rows.map((o: { kind: string }) => o.kind)).toEqual([
      'CREATE',
      'EDIT',
      'ASSIGN',
      'START',
      'DELIVERABLE_UPLOADED',
      'SUBMIT',
      'RETURN',
      'DELIVERABLE_UPLOADED',
      'SUBMIT',
      'APPROVE',
    ]);
    for (const o of outbox.rows as { kind: string; payload: { change: string; taskId: string } }[]) {
      expect(o.payload).toMatchObject({ v: 1, change: o.kind, taskId: id });
    }
  });

  it('answers 409 with an actionable message for a stale version, and changes nothing', async () => {
    const task = await makeTask(t.db, { state: 'assigned' });
    const lead = await t.as('ban-tuyen-giao');
    const res = await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(lead)
      .send({ event: 'START', expectedVersion: task.version + 5 })
      .expect(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    expect(res.body.message).toMatch(/reload/);
    const after = await t.db.query(`SELECT state, version FROM tasks WHERE id = $1`, [task.id]);
    expect(after.rows[0]).toEqual({ state: 'assigned', version: task.version });
    const events = await t.db.query(`SELECT count(*)::int AS n FROM task_events WHERE task_id = $1`, [task.id]);
    expect(events.rows[0].n).toBe(0);
  });

  it('answers 409 for an event impossible in the current state', async () => {
    const task = await makeTask(t.db, { state: 'approved' });
    const res = await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'CANCEL', expectedVersion: task.version, comment: 'Không cần nữa' })
      .expect(409);
    expect(res.body.code).toBe('INVALID_TRANSITION');
  });

  it('reassigns to another agency, which then sees it while the old lead no longer does', async () => {
    const task = await makeTask(t.db, { state: 'assigned', lead: 'ban-to-chuc', coordinating: [] });
    const newLead = await agencyId(t.db, 'ban-noi-chinh');
    await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'REASSIGN', expectedVersion: task.version, leadAgencyId: newLead, comment: 'Chuyển chủ trì' })
      .expect(200);
    await t.http
      .get(`/api/tasks/${task.id}`)
      .set(await t.as('ban-noi-chinh'))
      .expect(200);
    await t.http
      .get(`/api/tasks/${task.id}`)
      .set(await t.as('ban-to-chuc'))
      .expect(404);
  });

  it('searches without diacritics and filters by deadline status consistently with each item', async () => {
    const office = await t.as('vanphong');
    const found = await t.http.get('/api/tasks').query({ q: 'de an cai cach' }).set(office).expect(200);
    expect(found.body.total).toBeGreaterThan(0);
    for (const item of found.body.items) {
      expect(
        item.title
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/đ/gi, 'd')
          .toLowerCase(),
      ).toMatch(/de an|cai cach/);
    }
    for (const status of ['not_due', 'due_soon', 'overdue', 'on_time', 'late']) {
      const res = await t.http.get('/api/tasks').query({ deadlineStatus: status, limit: 1000 }).set(office).expect(200);
      expect(res.body.total).toBeGreaterThan(0);
      for (const item of res.body.items) {
        expect(item.deadlineStatus).toBe(status);
        if (status === 'overdue' || status === 'late') expect(item.daysOverdue).toBeGreaterThan(0);
        else expect(item.daysOverdue).toBe(0);
      }
    }
  });

  it('shows how many days a task is overdue, counted in Asia/Ho_Chi_Minh calendar days', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', dueDate: '2020-01-01' });
    const res = await t.http
      .get(`/api/tasks/${task.id}`)
      .set(await t.as('vanphong'))
      .expect(200);
    const today = Date.parse(`${localDate(new Date())}T00:00:00Z`);
    expect(res.body.deadlineStatus).toBe('overdue');
    expect(res.body.daysOverdue).toBe((today - Date.parse('2020-01-01T00:00:00Z')) / 86_400_000);
  });

  it('pages with limit and offset', async () => {
    const office = await t.as('vanphong');
    const all = await t.http.get('/api/tasks').query({ limit: 1000 }).set(office).expect(200);
    const first = await t.http.get('/api/tasks').query({ limit: 5, offset: 0 }).set(office).expect(200);
    const second = await t.http.get('/api/tasks').query({ limit: 5, offset: 5 }).set(office).expect(200);
    expect(first.body.total).toBe(all.body.total);
    // The total the same way on every path: a short page counts itself, a full one and a later one count.
    const whole = await t.http.get('/api/tasks').query({ limit: 10_000 }).set(office).expect(200);
    expect(whole.body.total).toBe(whole.body.items.length);
    expect(whole.body.total).toBe(all.body.total);
    expect(second.body.total).toBe(all.body.total);
    const past = await t.http
      .get('/api/tasks')
      .query({ limit: 5, offset: all.body.total + 5 })
      .set(office)
      .expect(200);
    expect(past.body).toMatchObject({ items: [], total: all.body.total });
    expect([...first.body.items, ...second.body.items].map((i: { id: string }) => i.id)).toEqual(
      all.body.items.slice(0, 10).map((i: { id: string }) => i.id),
    );
    await t.http.get('/api/tasks').query({ limit: 10_001 }).set(office).expect(400);
    // A whole board travels compressed.
    const big = await t.http.get('/api/tasks').query({ limit: 1000 }).set(office).set('Accept-Encoding', 'gzip');
    expect(big.headers['content-encoding']).toBe('gzip');
  });
});
