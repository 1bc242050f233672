import { agencyId } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Classified directives and tasks (issue 17): levels, the need-to-know list, what the history keeps, what
 * notifications say, tuyệt mật's record only. Its own database: classified items vanish from others' views.
 */
describe('classified directives and tasks', () => {
  let t: TestApp;
  const tag = `${process.pid}${Date.now().toString(36)}`;
  const SECRET_TITLE = `Phương án bảo vệ bí mật ${tag}`;
  let clerk: string; // a second Office clerk, never on any list
  let ids: Record<string, string>;
  let directive: string;
  let task: string;

  const userId = async (username: string) =>
    (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username])).rows[0].id;
  const version = async (id: string) =>
    (await t.db.query<{ version: number }>(`SELECT version FROM tasks WHERE id = $1`, [id])).rows[0].version;
  const events = async (id: string) =>
    (
      await t.db.query<{ event: string; comment: string | null; data: Record<string, unknown> }>(
        `SELECT event, comment, data FROM task_events WHERE task_id = $1 ORDER BY id`,
        [id],
      )
    ).rows;

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    clerk = `vp-clerk-${tag}`;
    // A second Office clerk, with the demo password so the suite's login helper signs them in.
    await t.db.query(
      `INSERT INTO users (username, full_name, role, password_hash)
       SELECT $1, 'Chuyên viên Văn phòng', 'office', password_hash FROM users WHERE username = 'vanphong'`,
      [clerk],
    );
    ids = {
      vanphong: await userId('vanphong'),
      thuongvu: await userId('thuongvu'),
      kiemtra: await userId('kiemtra'),
      lead: await userId('ban-tuyen-giao'),
      other: await userId('ban-dan-van'),
      clerk: await userId(clerk),
      // An agency that neither leads nor coordinates the task.
      outsider: (
        await t.db.query<{ id: string }>(
          `SELECT u.id FROM users u JOIN agencies a ON a.id = u.agency_id
            WHERE u.role = 'agency' AND a.code NOT IN ('ban-tuyen-giao', 'ban-dan-van') LIMIT 1`,
        )
      ).rows[0].id,
    };
    const d = await t.http
      .post('/api/directives')
      .set(await t.as('vanphong'))
      .send({
        number: `12-CTr/TU-M-${tag}`,
        kind: 'action_program',
        title: 'Chương trình về quốc phòng',
        classification: 'secret',
      })
      .expect(201);
    expect(d.body.classification).toBe('secret');
    directive = d.body.id;
    const created = await t.http
      .post('/api/tasks')
      .set(await t.as('vanphong'))
      .send({
        directiveId: directive,
        title: SECRET_TITLE,
        deliverableType: 'ke_hoach',
        field: 'defense_security',
        leadAgencyId: await agencyId(t.db, 'ban-tuyen-giao'),
        coordinatingAgencyIds: [await agencyId(t.db, 'ban-dan-van')],
        dueDate: '2030-12-31',
      })
      .expect(201);
    task = created.body.id;
  });
  afterAll(() => t.close());

  it('a task inherits its directive’s level and list: the Standing Committee by default and who classified it', async () => {
    const res = await t.http
      .get(`/api/tasks/${task}/access`)
      .set(await t.as('vanphong'))
      .expect(200);
    expect(res.body.classification).toBe('secret');
    expect(res.body.users.map((u: { id: string }) => u.id).sort()).toEqual([ids.vanphong, ids.thuongvu].sort());
    const d = await t.http
      .get(`/api/directives/${directive}/access`)
      .set(await t.as('thuongvu'))
      .expect(200);
    expect(d.body.users.map((u: { id: string }) => u.id).sort()).toEqual([ids.vanphong, ids.thuongvu].sort());
  });

  it('role alone is not enough: an Office clerk, the inspector and the agencies off the list see nothing of it', async () => {
    for (const who of [clerk, 'kiemtra', 'ban-tuyen-giao', 'ban-dan-van']) {
      const headers = await t.as(who);
      await t.http.get(`/api/tasks/${task}`).set(headers).expect(404);
      await t.http.get(`/api/tasks/${task}/access`).set(headers).expect(404);
      const list = await t.http.get('/api/tasks').query({ limit: 200, q: tag }).set(headers).expect(200);
      expect(JSON.stringify(list.body)).not.toContain(tag);
      const directives = await t.http.get('/api/directives').set(headers).expect(200);
      expect(directives.body.map((x: { id: string }) => x.id)).not.toContain(directive);
      await t.http.get(`/api/directives/${directive}`).set(headers).expect(404);
    }
    // The cleared see it.
    for (const who of ['vanphong', 'thuongvu']) {
      const detail = await t.http
        .get(`/api/tasks/${task}`)
        .set(await t.as(who))
        .expect(200);
      expect(JSON.stringify(detail.body)).toContain(SECRET_TITLE);
    }
  });

  it('only the Office sets the list, of eligible people, keeping an Office user; the change is in the history', async () => {
    const url = `/api/tasks/${task}/access`;
    await t.http
      .put(url)
      .set(await t.as('thuongvu'))
      .send({ userIds: [ids.vanphong] })
      .expect(403);
    await t.http
      .put(url)
      .set(await t.as(clerk))
      .send({ userIds: [ids.vanphong] })
      .expect(404);
    const foreign = await t.http
      .put(url)
      .set(await t.as('vanphong'))
      .send({ userIds: [ids.vanphong, ids.outsider] })
      .expect(400);
    expect(foreign.body.code).toBe('ACCESS_USER_NOT_ELIGIBLE');
    const noOffice = await t.http
      .put(url)
      .set(await t.as('vanphong'))
      .send({ userIds: [ids.thuongvu] })
      .expect(400);
    expect(noOffice.body.code).toBe('ACCESS_LIST_NEEDS_OFFICE');
    const unknown = await t.http
      .put(url)
      .set(await t.as('vanphong'))
      .send({ userIds: [ids.vanphong, '00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(unknown.body.code).toBe('UNKNOWN_USER');
    // Nothing changed by the refusals.
    expect((await t.http.get(url).set(await t.as('vanphong'))).body.users).toHaveLength(2);

    const set = await t.http
      .put(url)
      .set(await t.as('vanphong'))
      .send({ userIds: [ids.vanphong, ids.thuongvu, ids.lead, ids.kiemtra] })
      .expect(200);
    expect(set.body.users).toHaveLength(4);
    const entry = (await events(task)).find((e) => e.event === 'ACCESS_LIST_SET');
    expect(entry?.data).toEqual({ added: [ids.lead, ids.kiemtra].sort(), removed: [] });
    // Named, the lead agency's head and the inspector now see it; the coordinator, not named, still does not.
    await t.http
      .get(`/api/tasks/${task}`)
      .set(await t.as('kiemtra'))
      .expect(200);
    await t.http
      .get(`/api/tasks/${task}`)
      .set(await t.as('ban-tuyen-giao'))
      .expect(404); // still a draft
    await t.http
      .get(`/api/tasks/${task}`)
      .set(await t.as('ban-dan-van'))
      .expect(404);
    // The agency reads no list, even when cleared.
    await t.http
      .get(url)
      .set(await t.as('kiemtra'))
      .expect(200);
  });

  it('notifications name a classified task by its code, and reach only the people on its list', async () => {
    const res = await t.http
      .post(`/api/tasks/${task}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'ASSIGN', expectedVersion: await version(task), comment: `Giao gấp ${tag}` })
      .expect(200);
    expect(res.body.state).toBe('assigned');
    const rows = (
      await t.db.query<{ user_id: string; title: string; body: string }>(
        `SELECT user_id, title, body FROM notifications WHERE task_id = $1`,
        [task],
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(0);
    const cleared = new Set([ids.vanphong, ids.thuongvu, ids.lead, ids.kiemtra]);
    for (const n of rows) {
      expect(cleared.has(n.user_id)).toBe(true);
      expect(n.title).toContain('Nhiệm vụ mật');
      expect(n.title).not.toContain(SECRET_TITLE);
      expect(n.body).not.toContain(tag);
    }
    // The coordinating agency is in the recipient rule but not on the list: told nothing.
    expect(rows.some((n) => n.user_id === ids.other)).toBe(false);
    await t.http
      .get(`/api/tasks/${task}`)
      .set(await t.as('ban-tuyen-giao'))
      .expect(200);
  });

  it('raising is free; lowering needs a comment and never goes below the directive; both are in the history', async () => {
    const url = `/api/tasks/${task}/classification`;
    const raised = await t.http
      .put(url)
      .set(await t.as('vanphong'))
      .send({ classification: 'top_secret', contentReference: 'Két sắt phòng cơ yếu' })
      .expect(409);
    // It holds content (the ASSIGN comment): tuyệt mật would have to keep it.
    expect(raised.body.code).toBe('CLASSIFIED_CONTENT_PRESENT');
    const below = await t.http
      .put(url)
      .set(await t.as('vanphong'))
      .send({ classification: 'confidential', comment: 'Giải mật một phần' })
      .expect(409);
    expect(below.body.code).toBe('CLASSIFICATION_BELOW_DIRECTIVE');
    await t.http
      .put(url)
      .set(await t.as('thuongvu'))
      .send({ classification: 'secret' })
      .expect(403);
    const same = await t.http
      .put(url)
      .set(await t.as('vanphong'))
      .send({ classification: 'secret' })
      .expect(409);
    expect(same.body.code).toBe('SAME_CLASSIFICATION');

    // Lowering the directive first lets the task follow, with a comment.
    const directiveNoComment = await t.http
      .put(`/api/directives/${directive}/classification`)
      .set(await t.as('vanphong'))
      .send({ classification: 'confidential' })
      .expect(400);
    expect(directiveNoComment.body.code).toBe('COMMENT_REQUIRED');
    await t.http
      .put(`/api/directives/${directive}/classification`)
      .set(await t.as('vanphong'))
      .send({ classification: 'confidential', comment: 'Theo Quyết định giải mật số 5' })
      .expect(200);
    const noComment = await t.http
      .put(url)
      .set(await t.as('vanphong'))
      .send({ classification: 'confidential' })
      .expect(400);
    expect(noComment.body.code).toBe('COMMENT_REQUIRED');
    const lowered = await t.http
      .put(url)
      .set(await t.as('vanphong'))
      .send({
        classification: 'confidential',
        comment: 'Theo Quyết định giải mật số 5',
        expectedVersion: await version(task),
      })
      .expect(200);
    expect(lowered.body.classification).toBe('confidential');
    const history = (await events(task)).filter((e) => e.event === 'CLASSIFICATION_SET');
    expect(history.at(-1)).toMatchObject({
      comment: 'Theo Quyết định giải mật số 5',
      data: { from: 'secret', to: 'confidential' },
    });
  });

  it('a directive raised takes its tasks up with it, each recorded', async () => {
    await t.http
      .put(`/api/directives/${directive}/classification`)
      .set(await t.as('vanphong'))
      .send({ classification: 'secret' })
      .expect(200);
    const row = (await t.db.query(`SELECT classification FROM tasks WHERE id = $1`, [task])).rows[0];
    expect(row.classification).toBe('secret');
    const last = (await events(task)).filter((e) => e.event === 'CLASSIFICATION_SET').at(-1);
    expect(last?.data).toMatchObject({ from: 'confidential', to: 'secret', byDirective: true });
  });

  it('an import sets the directive’s level and raises a row above it, with a list of its own', async () => {
    const office = await t.as('vanphong');
    const row = (title: string, extra: Record<string, unknown> = {}) => ({
      title,
      deliverableType: 'ke_hoach',
      field: 'defense_security',
      ...extra,
    });
    const request = (number: string, top: Record<string, unknown>) => ({
      directive: { number, kind: 'conclusion', title: 'Kết luận về quốc phòng', classification: 'confidential' },
      tasks: [row('Nhiệm vụ một'), row('Nhiệm vụ tuyệt mật', { classification: 'top_secret', ...top })],
    });
    const missing = await t.http
      .post('/api/directives/import/confirm')
      .set(office)
      .send(request(`KL-IMP-${tag}`, {}))
      .expect(400);
    expect(missing.body.code).toBe('CONTENT_REFERENCE_REQUIRED');
    const done = await t.http
      .post('/api/directives/import/confirm')
      .set(office)
      .send(request(`KL-IMP-${tag}`, { contentReference: 'Sổ mật số 7' }))
      .expect(201);
    const [first, second] = done.body.taskIds as string[];
    const rows = (
      await t.db.query<{ id: string; classification: string; content_reference: string | null }>(
        `SELECT id, classification, content_reference FROM tasks WHERE id = ANY($1::uuid[])`,
        [[first, second]],
      )
    ).rows;
    expect(rows.find((r) => r.id === first)).toMatchObject({ classification: 'confidential', content_reference: null });
    expect(rows.find((r) => r.id === second)).toMatchObject({
      classification: 'top_secret',
      content_reference: 'Sổ mật số 7',
    });
    for (const id of [first, second]) {
      const list = await t.http.get(`/api/tasks/${id}/access`).set(office).expect(200);
      expect(list.body.users.map((u: { id: string }) => u.id).sort()).toEqual([ids.vanphong, ids.thuongvu].sort());
    }
  });

  it('raising a task masks what its notifications already said; a directive is raised only by someone cleared for its tasks', async () => {
    const office = await t.as('vanphong');
    const secretWord = `BI-MAT-${Date.now().toString(36)}`;
    const d = await t.http
      .post('/api/directives')
      .set(office)
      .send({ number: `KL-R-${tag}`, kind: 'conclusion', title: 'Kết luận thường' })
      .expect(201);
    const plain = await t.http
      .post('/api/tasks')
      .set(office)
      .send({
        directiveId: d.body.id,
        title: `Nhiệm vụ sẽ mật ${secretWord}`,
        deliverableType: 'ke_hoach',
        field: 'economy',
        leadAgencyId: await agencyId(t.db, 'ban-tuyen-giao'),
        dueDate: '2030-12-31',
      })
      .expect(201);
    await t.http
      .post(`/api/tasks/${plain.body.id}/transitions`)
      .set(office)
      .send({ event: 'ASSIGN', expectedVersion: plain.body.version, comment: `Giao ${secretWord}` })
      .expect(200);
    const before = await t.db.query(`SELECT title FROM notifications WHERE task_id = $1`, [plain.body.id]);
    expect(JSON.stringify(before.rows)).toContain(secretWord);
    await t.http
      .put(`/api/tasks/${plain.body.id}/classification`)
      .set(office)
      .send({ classification: 'secret' })
      .expect(200);
    const after = await t.db.query(`SELECT title, body FROM notifications WHERE task_id = $1`, [plain.body.id]);
    expect(after.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(after.rows)).not.toContain(secretWord);
    // Taken off that task's list, the Office clerk may not raise its directive, which would change the task.
    await t.db.query(`DELETE FROM classified_access WHERE task_id = $1 AND user_id = $2`, [
      plain.body.id,
      ids.vanphong,
    ]);
    const refused = await t.http
      .put(`/api/directives/${d.body.id}/classification`)
      .set(office)
      .send({ classification: 'top_secret', contentReference: 'Sổ mật' })
      .expect(403);
    expect(refused.body.message).not.toContain(plain.body.id);
    const level = await t.db.query(`SELECT classification FROM directives WHERE id = $1`, [d.body.id]);
    expect(level.rows[0].classification).toBe('normal');
  });

  describe('tuyệt mật: only the record', () => {
    let record: string;
    let recordTask: string;

    it('needs to say where the content is kept, and keeps no title', async () => {
      const missing = await t.http
        .post('/api/directives')
        .set(await t.as('vanphong'))
        .send({ number: `01-TM-${tag}`, kind: 'conclusion', title: 'Nội dung tuyệt mật', classification: 'top_secret' })
        .expect(400);
      expect(missing.body.code).toBe('CONTENT_REFERENCE_REQUIRED');
      expect((await t.db.query(`SELECT 1 FROM directives WHERE number = $1`, [`01-TM-${tag}`])).rowCount).toBe(0);
      const d = await t.http
        .post('/api/directives')
        .set(await t.as('vanphong'))
        .send({
          number: `01-TM-${tag}`,
          kind: 'conclusion',
          title: 'Nội dung tuyệt mật',
          classification: 'top_secret',
          contentReference: 'Sổ mật số 3, phòng cơ yếu',
        })
        .expect(201);
      record = d.body.id;
      expect(d.body.title).toBe('Văn bản tuyệt mật');
      const created = await t.http
        .post('/api/tasks')
        .set(await t.as('vanphong'))
        .send({
          directiveId: record,
          title: `Không được lưu ${tag}`,
          description: 'Không được lưu',
          deliverableType: 'bao_cao',
          field: 'defense_security',
          leadAgencyId: await agencyId(t.db, 'ban-tuyen-giao'),
          dueDate: '2030-12-31',
          contentReference: 'Sổ mật số 3',
        })
        .expect(201);
      recordTask = created.body.id;
      expect(created.body.classification).toBe('top_secret');
      const stored = (await t.db.query(`SELECT title, description, search_text FROM tasks WHERE id = $1`, [recordTask]))
        .rows[0];
      expect(stored.title).toBe('Nhiệm vụ tuyệt mật');
      expect(stored.description).toBe('');
      expect(stored.search_text).not.toContain('không được lưu');
    });

    it('refuses comments and content, yet goes through its lifecycle to a decision without a file', async () => {
      const office = await t.as('vanphong');
      const comment = await t.http
        .post(`/api/tasks/${recordTask}/comments`)
        .set(office)
        .send({ body: 'Ý kiến' })
        .expect(409);
      expect(comment.body.code).toBe('CLASSIFIED_RECORD_ONLY');
      const edit = await t.http
        .patch(`/api/tasks/${recordTask}`)
        .set(office)
        .send({ expectedVersion: await version(recordTask), title: 'Tiêu đề mới' })
        .expect(409);
      expect(edit.body.code).toBe('CLASSIFIED_RECORD_ONLY');
      await t.http
        .put(`/api/tasks/${recordTask}/access`)
        .set(office)
        .send({ userIds: [ids.vanphong, ids.thuongvu, ids.lead] })
        .expect(200);
      const step = async (who: string, event: string) =>
        t.http
          .post(`/api/tasks/${recordTask}/transitions`)
          .set(await t.as(who))
          .send({ event, expectedVersion: await version(recordTask) })
          .expect(200);
      await step('vanphong', 'ASSIGN');
      await step('ban-tuyen-giao', 'START');
      const upload = await t.http
        .post(`/api/tasks/${recordTask}/submissions`)
        .set(await t.as('ban-tuyen-giao'))
        .field('note', 'Báo cáo')
        .attach('files', Buffer.from('%PDF-1.4\n%%EOF\n'), 'bao-cao.pdf')
        .expect(409);
      expect(upload.body.code).toBe('CLASSIFIED_RECORD_ONLY');
      const extension = await t.http
        .post(`/api/tasks/${recordTask}/extension-requests`)
        .set(await t.as('ban-tuyen-giao'))
        .send({ requestedDueDate: '2031-06-30', reason: 'Lý do mật' })
        .expect(409);
      expect(extension.body.code).toBe('CLASSIFIED_RECORD_ONLY');
      const milestones = await t.http
        .put(`/api/tasks/${recordTask}/milestones`)
        .set(office)
        .send({ milestones: [{ label: 'Mốc mật', dueDate: '2030-06-30' }] })
        .expect(409);
      expect(milestones.body.code).toBe('CLASSIFIED_RECORD_ONLY');
      await step('ban-tuyen-giao', 'SUBMIT');
      // A return's reason stays with the content: none may be typed, none is needed.
      const typed = await t.http
        .post(`/api/tasks/${recordTask}/transitions`)
        .set(await t.as('thuongvu'))
        .send({ event: 'RETURN', expectedVersion: await version(recordTask), comment: 'Lý do trả lại' })
        .expect(409);
      expect(typed.body.code).toBe('CLASSIFIED_RECORD_ONLY');
      await step('thuongvu', 'RETURN');
      await step('ban-tuyen-giao', 'SUBMIT');
      const approved = await step('thuongvu', 'APPROVE');
      expect(approved.body.state).toBe('approved');
      const comments = (
        await t.db.query<{ comment: string | null }>(`SELECT comment FROM task_events WHERE task_id = $1`, [recordTask])
      ).rows.map((r) => r.comment);
      expect(comments.filter((c) => c && !c.startsWith('Lý do lưu cùng nội dung tuyệt mật'))).toEqual([]);
      const who = (await events(recordTask)).map((e) => e.event);
      expect(who).toEqual(
        expect.arrayContaining(['CREATE', 'ACCESS_LIST_SET', 'ASSIGN', 'START', 'SUBMIT', 'APPROVE']),
      );
    });

    it('refuses a comment read as ordinary when the task became tuyệt mật before the comment could lock it', async () => {
      const office = await t.as('vanphong');
      const created = await t.http
        .post('/api/tasks')
        .set(office)
        .send({
          directiveId: directive,
          title: `Sắp thành tuyệt mật ${tag}`,
          description: '',
          deliverableType: 'bao_cao',
          field: 'defense_security',
          leadAgencyId: await agencyId(t.db, 'ban-tuyen-giao'),
          dueDate: '2030-12-31',
        })
        .expect(201);
      const id = created.body.id as string;
      // Another transaction holds the task while the comment is on its way: the comment reads the task (still
      // secret, not tuyệt mật), then waits for the row.
      const other = await t.db.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT 1 FROM tasks WHERE id = $1 FOR UPDATE', [id]);
        const pending = t.http.post(`/api/tasks/${id}/comments`).set(office).send({ body: 'Nội dung không được lưu' });
        const sent = pending.then((res) => res);
        const waiting = async () =>
          (
            await t.db.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE NOT l.granted AND a.datname = current_database()`,
            )
          ).rows[0].n;
        for (let i = 0; i < 200 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
        expect(await waiting()).toBeGreaterThan(0);
        // …which the other transaction raises to tuyệt mật and commits.
        await other.query(
          `UPDATE tasks SET classification = 'top_secret', content_reference = 'Sổ mật số 4' WHERE id = $1`,
          [id],
        );
        await other.query('COMMIT');
        const res = await sent;
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'CLASSIFIED_RECORD_ONLY' });
      } finally {
        other.release();
      }
      expect((await t.db.query(`SELECT 1 FROM comments WHERE task_id = $1`, [id])).rowCount).toBe(0);
      expect(
        (await t.db.query(`SELECT 1 FROM task_events WHERE task_id = $1 AND event = 'COMMENT'`, [id])).rowCount,
      ).toBe(0);
    });
  });
});
