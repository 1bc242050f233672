import { agencyId, makeTask } from './support/fixtures.js';
import { pdf } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Progress reports on a task (báo cáo tiến độ): who may report, what one report writes, what bad input leaves. */
describe('progress reports', () => {
  let t: TestApp;
  const officer = `progress-officer-${process.pid}`;
  let officerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    // An officer of the lead agency (chuyên viên): works only on the tasks assigned to them.
    const lead = await agencyId(t.db, 'ban-tuyen-giao');
    const r = await t.db.query<{ id: string }>(
      `INSERT INTO users (username, full_name, password_hash, role, agency_id, position)
       SELECT $1, 'Chuyên viên Tiến Độ', password_hash, 'agency', $2, 'officer' FROM users WHERE username = 'ban-tuyen-giao'
       RETURNING id`,
      [officer, lead],
    );
    officerId = r.rows[0].id;
  });

  afterAll(async () => {
    await t.close();
  });

  /** What a report would change, to show a refused one changed nothing. */
  const footprint = async (taskId: string) => {
    const r = await t.db.query(
      `SELECT (SELECT count(*)::int FROM progress_reports WHERE task_id = $1) AS reports,
              (SELECT count(*)::int FROM part_files WHERE task_id = $1) AS files,
              (SELECT count(*)::int FROM task_events WHERE task_id = $1) AS events,
              (SELECT count(*)::int FROM notifications WHERE task_id = $1) AS notifications,
              (SELECT progress_percent FROM tasks WHERE id = $1) AS percent,
              (SELECT version FROM tasks WHERE id = $1) AS version`,
      [taskId],
    );
    return r.rows[0];
  };

  it('keeps every report: the row, the history, the files, and the latest percentage on the task', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', lead: 'ban-tuyen-giao', coordinating: ['ban-dan-van'] });
    const lead = await t.as('ban-tuyen-giao');
    const office = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanphong'`)).rows[0].id;
    // The Office's monitoring officer of the task hears of each report.
    await t.db.query(`UPDATE tasks SET monitoring_user_id = $2 WHERE id = $1`, [task.id, office]);

    const first = await t.http
      .post(`/api/tasks/${task.id}/progress`)
      .set(lead)
      .field('percent', '30')
      .field('narrative', 'Đã xây dựng dự thảo đề cương, đang lấy ý kiến các ban.')
      .attach('files', pdf('Báo cáo tiến độ'), 'bao-cao-tien-do.pdf')
      .expect(201);
    expect(first.body).toMatchObject({
      taskId: task.id,
      percent: 30,
      narrative: 'Đã xây dựng dự thảo đề cương, đang lấy ý kiến các ban.',
      periodId: null,
      agencyId: await agencyId(t.db, 'ban-tuyen-giao'),
    });
    expect(first.body.files).toHaveLength(1);
    expect(first.body.files[0]).toMatchObject({ fileName: 'bao-cao-tien-do.pdf', mimeType: 'application/pdf' });

    const second = await t.http
      .post(`/api/tasks/${task.id}/progress`)
      .set(lead)
      .send({ percent: 55, narrative: '  Đã trình Thường trực cho ý kiến lần 1.  ' })
      .expect(201);
    expect(second.body).toMatchObject({ percent: 55, narrative: 'Đã trình Thường trực cho ý kiến lần 1.', files: [] });

    const row = await t.db.query(`SELECT progress_percent, progress_at, version FROM tasks WHERE id = $1`, [task.id]);
    expect(row.rows[0].progress_percent).toBe(55);
    expect(new Date(row.rows[0].progress_at).toISOString()).toBe(second.body.createdAt);
    // Progress is not a lifecycle step: the column and the version stay.
    expect(row.rows[0].version).toBe(task.version);

    const events = await t.db.query<{
      event: string;
      data: Record<string, unknown>;
      comment: string;
      to_state: string;
    }>(
      `SELECT event, data, comment, to_state FROM task_events WHERE task_id = $1 AND event = 'PROGRESS_REPORTED' ORDER BY id`,
      [task.id],
    );
    expect(events.rows).toEqual([
      {
        event: 'PROGRESS_REPORTED',
        data: { reportId: first.body.id, percent: 30, periodId: null, files: 1 },
        comment: 'Đã xây dựng dự thảo đề cương, đang lấy ý kiến các ban.',
        to_state: 'in_progress',
      },
      {
        event: 'PROGRESS_REPORTED',
        data: { reportId: second.body.id, percent: 55, periodId: null, files: 0 },
        comment: 'Đã trình Thường trực cho ý kiến lần 1.',
        to_state: 'in_progress',
      },
    ]);
    const told = await t.db.query<{ user_id: string; kind: string }>(
      `SELECT user_id, kind FROM notifications WHERE task_id = $1 AND kind = 'PROGRESS_REPORTED'`,
      [task.id],
    );
    expect(told.rows).toEqual([
      { user_id: office, kind: 'PROGRESS_REPORTED' },
      { user_id: office, kind: 'PROGRESS_REPORTED' },
    ]);

    // Newest first, for everyone who sees the task: the coordinator, the Office, the inspector.
    for (const who of ['ban-tuyen-giao', 'ban-dan-van', 'vanphong', 'thuongvu', 'kiemtra']) {
      const list = await t.http
        .get(`/api/tasks/${task.id}/progress`)
        .set(await t.as(who))
        .expect(200);
      expect(list.body.percent).toBe(55);
      expect(list.body.reportedAt).toBe(second.body.createdAt);
      expect(list.body.reports.map((r: { id: string }) => r.id)).toEqual([second.body.id, first.body.id]);
      expect(list.body.reports[1].files).toEqual(first.body.files);
      expect(list.body.reports[0].reportedByName).toEqual(expect.any(String));
    }

    const file = await t.http
      .get(`/api/progress-reports/${first.body.id}/files/${first.body.files[0].id}`)
      .set(await t.as('ban-dan-van'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(file.body as Buffer, pdf('Báo cáo tiến độ'))).toBe(0);
    expect(file.headers['content-disposition']).toContain('bao-cao-tien-do.pdf');
    // A file id under another report names nothing.
    await t.http.get(`/api/progress-reports/${second.body.id}/files/${first.body.files[0].id}`).set(lead).expect(404);
  });

  it('lets only the lead agency people working on the task report; others are refused and change nothing', async () => {
    const task = await makeTask(t.db, { state: 'assigned', lead: 'ban-tuyen-giao', coordinating: ['ban-dan-van'] });
    const before = await footprint(task.id);
    const body = { percent: 10, narrative: 'Đã giao chuyên viên nghiên cứu.' };
    const refusals: [string, number, string][] = [
      ['ban-dan-van', 403, 'FORBIDDEN_ROLE'], // coordinator: reads, does not report
      ['ban-to-chuc', 404, 'NOT_FOUND'], // another agency: the task does not exist for it
      ['vanphong', 403, 'FORBIDDEN_ROLE'],
      ['thuongvu', 403, 'FORBIDDEN_ROLE'],
      ['kiemtra', 403, 'FORBIDDEN_ROLE'],
      ['admin', 403, 'FORBIDDEN'],
      [officer, 403, 'FORBIDDEN_ROLE'], // an officer the task is not assigned to
    ];
    for (const [who, status, code] of refusals) {
      const res = await t.http
        .post(`/api/tasks/${task.id}/progress`)
        .set(await t.as(who))
        .send(body);
      expect([who, res.status, res.body.code]).toEqual([who, status, code]);
    }
    expect(await footprint(task.id)).toEqual(before);

    // Another agency cannot read the reports or their files either.
    const made = await t.http
      .post(`/api/tasks/${task.id}/progress`)
      .set(await t.as('ban-tuyen-giao'))
      .field('percent', '10')
      .field('narrative', 'Đã giao chuyên viên nghiên cứu.')
      .attach('files', pdf(), 'ke-hoach.pdf')
      .expect(201);
    await t.http
      .get(`/api/tasks/${task.id}/progress`)
      .set(await t.as('ban-to-chuc'))
      .expect(404);
    await t.http
      .get(`/api/progress-reports/${made.body.id}/files/${made.body.files[0].id}`)
      .set(await t.as('ban-to-chuc'))
      .expect(404);
    await t.http
      .get(`/api/tasks/${task.id}/progress`)
      .set(await t.as('admin'))
      .expect(403);

    // Assigned to the officer, the task is theirs to report on.
    await t.db.query(`UPDATE tasks SET assignee_user_id = $2 WHERE id = $1`, [task.id, officerId]);
    const byOfficer = await t.http
      .post(`/api/tasks/${task.id}/progress`)
      .set(await t.as(officer))
      .send({ percent: 20, narrative: 'Chuyên viên đã hoàn thành khảo sát.' })
      .expect(201);
    expect(byOfficer.body).toMatchObject({ percent: 20, reportedBy: officerId, reportedByName: 'Chuyên viên Tiến Độ' });
  });

  it('refuses a report outside the work: a draft is not there for the agency, a finished task is closed', async () => {
    const lead = await t.as('ban-tuyen-giao');
    const body = { percent: 100, narrative: 'Xong.' };
    const draft = await makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao' });
    await t.http.post(`/api/tasks/${draft.id}/progress`).set(lead).send(body).expect(404);
    for (const state of ['approved', 'cancelled'] as const) {
      const task = await makeTask(t.db, { state, lead: 'ban-tuyen-giao' });
      const before = await footprint(task.id);
      const res = await t.http.post(`/api/tasks/${task.id}/progress`).set(lead).send(body).expect(409);
      expect(res.body.code).toBe('INVALID_TRANSITION');
      expect(await footprint(task.id)).toEqual(before);
    }
    const submitted = await makeTask(t.db, { state: 'submitted', lead: 'ban-tuyen-giao' });
    await t.http.post(`/api/tasks/${submitted.id}/progress`).set(lead).send(body).expect(201);
  });

  it('answers bad input with 400 or 415 and writes nothing', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    const lead = await t.as('ban-tuyen-giao');
    const before = await footprint(task.id);
    const bad: [unknown, string][] = [
      [{ percent: 101, narrative: 'Quá trăm' }, 'percent'],
      [{ percent: -1, narrative: 'Âm' }, 'percent'],
      [{ percent: 45.5, narrative: 'Lẻ' }, 'percent'],
      [{ percent: 'abc', narrative: 'Chữ' }, 'percent'],
      [{ narrative: 'Thiếu phần trăm' }, 'percent'],
      [{ percent: 50 }, 'narrative'],
      [{ percent: 50, narrative: '   ' }, 'narrative'],
      [{ percent: 50, narrative: 'x'.repeat(5001) }, 'narrative'],
      [{ percent: 50, narrative: 'Có trường lạ', extra: true }, '(body)'],
      [{ percent: 50, narrative: 'Kỳ không hợp lệ', periodId: 'not-a-uuid' }, 'periodId'],
    ];
    for (const [body, path] of bad) {
      const res = await t.http
        .post(`/api/tasks/${task.id}/progress`)
        .set(lead)
        .send(body as object);
      expect([JSON.stringify(body).slice(0, 60), res.status, res.body.code]).toEqual([
        JSON.stringify(body).slice(0, 60),
        400,
        'VALIDATION_FAILED',
      ]);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await footprint(task.id)).toEqual(before);

    // A file that is not what its name says is refused with no report and no file left behind.
    const res = await t.http
      .post(`/api/tasks/${task.id}/progress`)
      .set(lead)
      .field('percent', '40')
      .field('narrative', 'Kèm tệp giả')
      .attach('files', Buffer.from('just text, not a PDF'), 'gia-mao.pdf')
      .expect(415);
    expect(res.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const multipartBad = await t.http
      .post(`/api/tasks/${task.id}/progress`)
      .set(lead)
      .field('percent', '4O')
      .field('narrative', 'Chữ O thay số 0')
      .expect(400);
    expect(multipartBad.body.code).toBe('VALIDATION_FAILED');
    expect(await footprint(task.id)).toEqual(before);
  });
});
