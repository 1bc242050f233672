import type { Response } from 'supertest';
import { agencyId, directiveId, makeTask } from './support/fixtures.js';
import {
  DISGUISED,
  docx,
  expectClean,
  expectError,
  jpeg,
  listFiles,
  multipart,
  pdf,
  png,
  xlsx,
  zip,
} from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PDF = pdf();

/** Every response of this suite goes through here: no 500, no stack, errors shaped alike. */
async function checked(test: PromiseLike<Response>): Promise<Response> {
  const res = await test;
  expectClean(res);
  return res;
}

/** Read any download as raw bytes, whatever its content type (superagent only buffers some types). */
function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  // In Node, superagent hands the parser the incoming message stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (e: Error) => done(e, Buffer.alloc(0)));
}

const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

function details(res: Response): { path: string; message: string }[] {
  expect(Array.isArray(res.body.details)).toBe(true);
  return res.body.details;
}

describe('bad input gets a clear JSON error and changes nothing', () => {
  let t: TestApp;
  let office: { Authorization: string };
  let lead: { Authorization: string };
  let directive: string;
  const stamp = Date.now().toString(36);

  const validTask = (extra: Record<string, unknown> = {}) => ({
    directiveId: directive,
    title: `Kế hoạch kiểm thử đầu vào ${stamp}`,
    deliverableType: 'ke_hoach',
    field: 'economy',
    ...extra,
  });
  const countTasksTitled = async (title: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE title = $1`, [title])).rows[0].n;
  const taskRow = async (id: string) =>
    (await t.db.query(`SELECT state, version, title, revision FROM tasks WHERE id = $1`, [id])).rows[0];
  const countEvents = async (id: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM task_events WHERE task_id = $1`, [id])).rows[0].n;
  const countComments = async (id: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE task_id = $1`, [id])).rows[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.as('vanphong');
    lead = await t.as('ban-tuyen-giao');
    directive = await directiveId(t.db);
  });
  afterAll(() => t.close());

  describe('unknown fields are refused with the field named', () => {
    it('POST /api/tasks', async () => {
      const body = validTask({ title: `Trường lạ ${stamp}`, evilField: true });
      const res = await checked(t.http.post('/api/tasks').set(office).send(body));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('evilField');
      expect(await countTasksTitled(String(body.title))).toBe(0);
    });

    it('PATCH /api/tasks/:id', async () => {
      const task = await makeTask(t.db, { state: 'drafted' });
      const before = await taskRow(task.id);
      const res = await checked(
        t.http
          .patch(`/api/tasks/${task.id}`)
          .set(office)
          .send({ expectedVersion: task.version, title: 'Đổi tên', state: 'approved' }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('state');
      expect(await taskRow(task.id)).toEqual(before);
      expect(await countEvents(task.id)).toBe(0);
    });

    it('POST /api/tasks/:id/transitions', async () => {
      const task = await makeTask(t.db, { state: 'assigned' });
      const res = await checked(
        t.http
          .post(`/api/tasks/${task.id}/transitions`)
          .set(lead)
          .send({ event: 'START', expectedVersion: task.version, skipChecks: true }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('skipChecks');
      expect(await taskRow(task.id)).toMatchObject({ state: 'assigned', version: task.version });
      expect(await countEvents(task.id)).toBe(0);
    });

    it('POST /api/directives', async () => {
      const number = `99-KL/TU-${stamp}`;
      const res = await checked(
        t.http
          .post('/api/directives')
          .set(office)
          .send({ number, kind: 'conclusion', title: 'Kết luận thử', createdBy: 'admin' }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('createdBy');
      const rows = await t.db.query(`SELECT 1 FROM directives WHERE number = $1`, [number]);
      expect(rows.rowCount).toBe(0);
    });

    it('POST /api/auth/login', async () => {
      const res = await checked(
        t.http.post('/api/auth/login').send({ username: 'kiemtra', password: 'demo12345', role: 'admin' }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('role');
      expect(res.body.accessToken).toBeUndefined();
    });

    it('POST /api/tasks/:id/comments', async () => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      const res = await checked(
        t.http
          .post(`/api/tasks/${task.id}/comments`)
          .set(office)
          .send({ body: 'Đề nghị khẩn trương', authorRole: 'standing_committee' }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('authorRole');
      expect(await countComments(task.id)).toBe(0);
    });

    it('unknown query parameters on GET /api/tasks', async () => {
      const res = await checked(
        t.http.get('/api/tasks').query({ limit: 5, orderBy: 'id; DROP TABLE tasks' }).set(office),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('orderBy');
    });

    it('a multipart field the upload does not know', async () => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      const filesBefore = listFiles(t.config.storageDir);
      const res = await checked(
        t.http
          .post(`/api/tasks/${task.id}/submissions`)
          .set(lead)
          .field('note', 'Dự thảo')
          .field('submittedBy', 'someone-else')
          .attach('files', PDF, 'Dự thảo.pdf'),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('submittedBy');
      const subs = await t.db.query(`SELECT 1 FROM submissions WHERE task_id = $1`, [task.id]);
      expect(subs.rowCount).toBe(0);
      expect(listFiles(t.config.storageDir)).toEqual(filesBefore);
    });
  });

  describe('wrong types are refused with details', () => {
    it('expectedVersion as a string', async () => {
      const task = await makeTask(t.db, { state: 'drafted' });
      const res = await checked(
        t.http
          .patch(`/api/tasks/${task.id}`)
          .set(office)
          .send({ expectedVersion: String(task.version), title: 'Mới' }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(details(res).map((d) => d.path)).toContain('expectedVersion');
      const tr = await checked(
        t.http.post(`/api/tasks/${task.id}/transitions`).set(office).send({ event: 'ASSIGN', expectedVersion: '1' }),
      );
      expectError(tr, 400, 'VALIDATION_FAILED');
      expect(details(tr).map((d) => d.path)).toContain('expectedVersion');
      expect(await taskRow(task.id)).toMatchObject({ state: 'drafted', version: task.version });
    });

    it('an event outside the enum', async () => {
      const task = await makeTask(t.db, { state: 'submitted' });
      const res = await checked(
        t.http
          .post(`/api/tasks/${task.id}/transitions`)
          .set(await t.as('thuongvu'))
          .send({ event: 'DELETE', expectedVersion: task.version }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(details(res).map((d) => d.path)).toContain('event');
      expect(await taskRow(task.id)).toMatchObject({ state: 'submitted', version: task.version });
    });

    it.each(['2021-02-30', '30/06/2021', '2021-6-30', '2021-13-01', 'quý II-2021'])('dueDate %p', async (dueDate) => {
      const title = `Hạn sai ${stamp} ${dueDate}`;
      const res = await checked(t.http.post('/api/tasks').set(office).send(validTask({ title, dueDate })));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(details(res).map((d) => d.path)).toContain('dueDate');
      expect(await countTasksTitled(title)).toBe(0);
    });

    it('dueDate on an edit as well', async () => {
      const task = await makeTask(t.db, { state: 'drafted' });
      const res = await checked(
        t.http
          .patch(`/api/tasks/${task.id}`)
          .set(office)
          .send({ expectedVersion: task.version, dueDate: '2021-02-30' }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(details(res).map((d) => d.path)).toContain('dueDate');
    });

    it.each(['abc', '0', '50000', '-1', '1.5'])('limit=%s', async (limit) => {
      const res = await checked(t.http.get(`/api/tasks?limit=${encodeURIComponent(limit)}`).set(office));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(details(res).map((d) => d.path)).toContain('limit');
    });

    it('offset=-5 and an unknown state filter', async () => {
      let res = await checked(t.http.get('/api/tasks?offset=-5').set(office));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(details(res).map((d) => d.path)).toContain('offset');
      res = await checked(t.http.get('/api/tasks?state=in_progress,deleted').set(office));
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it('coordinatingAgencyIds that are not uuids', async () => {
      const title = `Phối hợp sai ${stamp}`;
      const res = await checked(
        t.http
          .post('/api/tasks')
          .set(office)
          .send(validTask({ title, coordinatingAgencyIds: ['ban-dan-van', 42] })),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      const paths = details(res).map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['coordinatingAgencyIds.0', 'coordinatingAgencyIds.1']));
      expect(await countTasksTitled(title)).toBe(0);

      const notArray = await checked(
        t.http
          .post('/api/tasks')
          .set(office)
          .send(validTask({ title, coordinatingAgencyIds: 'ban-dan-van' })),
      );
      expectError(notArray, 400, 'VALIDATION_FAILED');
      expect(details(notArray).map((d) => d.path)).toContain('coordinatingAgencyIds');
      expect(await countTasksTitled(title)).toBe(0);
    });

    it('a body that is not an object', async () => {
      const arr = await checked(t.http.post('/api/tasks').set(office).send([validTask()]));
      expectError(arr, 400, 'VALIDATION_FAILED');
      const str = await checked(
        t.http.post('/api/tasks').set(office).set('Content-Type', 'application/json').send('"hello"'),
      );
      expect([400]).toContain(str.status);
    });
  });

  describe('the body itself', () => {
    it('malformed JSON → 400 MALFORMED_JSON', async () => {
      const res = await checked(
        t.http
          .post('/api/tasks')
          .set(office)
          .set('Content-Type', 'application/json')
          .send('{"title": "Kế hoạch", "field": '),
      );
      expectError(res, 400, 'MALFORMED_JSON');
      const login = await checked(
        t.http.post('/api/auth/login').set('Content-Type', 'application/json').send("{username:'admin'}"),
      );
      expectError(login, 400, 'MALFORMED_JSON');
    });

    it('a JSON body over 1 MB → 413', async () => {
      const title = `Quá lớn ${stamp}`;
      const res = await checked(
        t.http
          .post('/api/tasks')
          .set(office)
          .send(validTask({ title, description: 'x'.repeat(1024 * 1024 + 10) })),
      );
      expectError(res, 413, 'PAYLOAD_TOO_LARGE');
      // The answer says the limit.
      expect(res.body.details).toEqual({ limitBytes: 1024 * 1024 });
      expect(res.body.message).toContain('1 MB');
      expect(await countTasksTitled(title)).toBe(0);
    });
  });

  describe('files on POST /api/tasks/:id/submissions', () => {
    const upload = (app: TestApp, taskId: string, who: { Authorization: string }, content: Buffer, name: string) =>
      checked(
        app.http
          .post(`/api/tasks/${taskId}/submissions`)
          .set(who)
          .field('note', 'Sản phẩm')
          .attach('files', content, name),
      );

    async function expectNothingStored(app: TestApp, taskId: string, filesBefore: string[]) {
      const subs = await app.db.query(`SELECT 1 FROM submissions WHERE task_id = $1`, [taskId]);
      expect(subs.rowCount).toBe(0);
      const atts = await app.db.query(`SELECT 1 FROM attachments WHERE task_id = $1`, [taskId]);
      expect(atts.rowCount).toBe(0);
      expect(listFiles(app.config.storageDir)).toEqual(filesBefore);
      expect(await countEvents(taskId)).toBe(0);
    }

    it('an oversized file → 413, nothing stored', async () => {
      const small = await startTestApp({ MAX_UPLOAD_MB: '0.01' });
      try {
        const task = await makeTask(small.db, { state: 'in_progress' });
        const who = await small.as('ban-tuyen-giao');
        const before = listFiles(small.config.storageDir);
        const big = pdf('x'.repeat(20_000));
        expect(big.length).toBeGreaterThan(small.config.maxUploadBytes);
        const res = await upload(small, task.id, who, big, 'Báo cáo lớn.pdf');
        expectError(res, 413);
        await expectNothingStored(small, task.id, before);

        // The same app still takes a file under the limit.
        const ok = await upload(small, task.id, who, PDF, 'Báo cáo nhỏ.pdf');
        expect(ok.status).toBe(201);
      } finally {
        await small.close();
      }
    });

    it.each(Object.keys(DISGUISED))(
      'a %s payload named report.pdf → 415 FILE_TYPE_NOT_ALLOWED, nothing stored',
      async (kind) => {
        const task = await makeTask(t.db, { state: 'in_progress' });
        const before = listFiles(t.config.storageDir);
        const res = await upload(t, task.id, lead, DISGUISED[kind], 'report.pdf');
        expectError(res, 415, 'FILE_TYPE_NOT_ALLOWED');
        expect(res.body.message).toContain('report.pdf');
        await expectNothingStored(t, task.id, before);
      },
    );

    it('a real PNG named x.pdf → 415 (the extension disagrees with the content)', async () => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      const before = listFiles(t.config.storageDir);
      const res = await upload(t, task.id, lead, png(), 'x.pdf');
      expectError(res, 415, 'FILE_TYPE_NOT_ALLOWED');
      await expectNothingStored(t, task.id, before);
    });

    it('a Word document named .xlsx, a bare zip named .docx, and a file without extension → 415', async () => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      const before = listFiles(t.config.storageDir);
      for (const [content, name] of [
        [docx(), 'bang-tinh.xlsx'],
        [zip([{ name: 'readme.txt', data: 'not office' }]), 'van-ban.docx'],
        [PDF, 'bao-cao'],
      ] as const) {
        const res = await upload(t, task.id, lead, content, name);
        expectError(res, 415, 'FILE_TYPE_NOT_ALLOWED');
      }
      await expectNothingStored(t, task.id, before);
    });

    it('one bad file among good ones refuses the whole submission', async () => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      const before = listFiles(t.config.storageDir);
      const res = await checked(
        t.http
          .post(`/api/tasks/${task.id}/submissions`)
          .set(lead)
          .field('note', 'Hai tệp')
          .attach('files', PDF, 'a.pdf')
          .attach('files', DISGUISED.elf, 'b.pdf'),
      );
      expectError(res, 415, 'FILE_TYPE_NOT_ALLOWED');
      await expectNothingStored(t, task.id, before);
    });

    it.each([
      ['PDF', () => PDF, 'Báo cáo.pdf', 'application/pdf'],
      ['PNG', png, 'Biểu đồ.png', 'image/png'],
      ['JPEG', jpeg, 'Ảnh hội nghị.jpg', 'image/jpeg'],
      ['DOCX', () => docx(), 'Đề án.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['XLSX', xlsx, 'Tiến độ.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const)('a real %s is accepted (201) and downloads byte for byte', async (_kind, make, name, mime) => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      const content = make();
      const res = await upload(t, task.id, lead, content, name);
      expect(res.status).toBe(201);
      expect(res.body.files).toHaveLength(1);
      expect(res.body.files[0]).toMatchObject({ fileName: name, mimeType: mime, sizeBytes: content.length });
      const dl = await checked(t.http.get(res.body.files[0].downloadUrl).set(lead).buffer(true).parse(binary));
      expect(dl.status).toBe(200);
      expect(Buffer.compare(dl.body as Buffer, content)).toBe(0);
    });

    it('a path in the file name is dropped: stored as a plain display name, downloaded with a safe disposition', async () => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      // On the wire, inside the quoted filename parameter (a backslash is escaped there as \\\\).
      const names = ['../../etc/passwd.pdf', '..\\\\..\\\\Windows\\\\win.ini.pdf', '/tmp/../../root/.ssh/id_rsa.pdf'];
      for (const filename of names) {
        const form = multipart([
          { name: 'note', data: 'Tên tệp có đường dẫn' },
          { name: 'files', filename, contentType: 'application/pdf', data: PDF },
        ]);
        const res = await checked(
          t.http
            .post(`/api/tasks/${task.id}/submissions`)
            .set(lead)
            .set('Content-Type', form.contentType)
            .send(form.body),
        );
        expect(res.status).toBe(201);
        const file = res.body.files[0];
        expect(file.fileName).not.toMatch(/[/\\]/);
        expect(['passwd.pdf', 'win.ini.pdf', 'id_rsa.pdf']).toContain(file.fileName);
        expect(file.fileName).toMatch(/\.pdf$/);
        const row = await t.db.query<{ file_name: string; storage_key: string }>(
          `SELECT file_name, storage_key FROM attachments WHERE id = $1`,
          [file.id],
        );
        expect(row.rows[0].file_name).toBe(file.fileName);
        expect(row.rows[0].storage_key).toMatch(/^[0-9a-f-]{36}$/);

        const dl = await checked(t.http.get(file.downloadUrl).set(lead).buffer(true).parse(binary));
        expect(dl.status).toBe(200);
        const cd = String(dl.headers['content-disposition']);
        expect(cd).toMatch(/^attachment;/);
        expect(cd).not.toMatch(/[\r\n]/);
        expect(cd).not.toMatch(/[/\\]/);
        // A quoted string, an RFC 5987 encoded value, or a bare RFC 7230 token (only for names that need no quoting).
        expect(cd).toMatch(/filename=(?:"[^"\r\n]*"|[!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:;|$)|filename\*=UTF-8''[^\s;]+/);
        expect(Buffer.compare(dl.body as Buffer, PDF)).toBe(0);
      }
      expect(listFiles(t.config.storageDir).every((f) => /^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(f))).toBe(true);
    });

    it('quotes and control characters in a name do not break the Content-Disposition header', async () => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      const form = multipart([
        { name: 'files', filename: 'bao \\"cao\\"\tquy;II.pdf', contentType: 'application/pdf', data: PDF },
      ]);
      const res = await checked(
        t.http
          .post(`/api/tasks/${task.id}/submissions`)
          .set(lead)
          .set('Content-Type', form.contentType)
          .send(form.body),
      );
      expect(res.status).toBe(201);
      const file = res.body.files[0];
      expect(hasControl(file.fileName) || file.fileName.includes('"')).toBe(false);
      const dl = await checked(t.http.get(file.downloadUrl).set(lead).buffer(true).parse(binary));
      const cd = String(dl.headers['content-disposition']);
      expect(cd).toMatch(/^attachment;/);
      expect(hasControl(cd)).toBe(false);
      // Exactly one quoted filename parameter whose value has no bare quote inside.
      expect(cd).toMatch(/filename="(?:[^"\\]|\\.)*"(?:;|$)/);
    });
  });

  describe('SQL and HTML in text fields are inert', () => {
    const SQL = "'; DROP TABLE tasks; --";
    const HTML = '<script>alert(1)</script>';
    const MIXED = `Robert'); DROP TABLE comments;-- <img src=x onerror="alert('xss')"> \\ % _ $1 \`whoami\``;

    it('a task title and description are stored and returned byte for byte', async () => {
      const created = await checked(
        t.http
          .post('/api/tasks')
          .set(office)
          .send(validTask({ title: SQL, description: `${HTML}\n${MIXED}`, deadlineText: HTML })),
      );
      expect(created.status).toBe(201);
      expect(created.headers['content-type']).toMatch(/^application\/json/);
      expect(created.body.title).toBe(SQL);
      const detail = await checked(t.http.get(`/api/tasks/${created.body.id}`).set(office));
      expect(detail.status).toBe(200);
      expect(detail.body.title).toBe(SQL);
      expect(detail.body.description).toBe(`${HTML}\n${MIXED}`);
      expect(detail.body.deadlineText).toBe(HTML);
      const row = await t.db.query(`SELECT title, description FROM tasks WHERE id = $1`, [created.body.id]);
      expect(row.rows[0]).toEqual({ title: SQL, description: `${HTML}\n${MIXED}` });

      const html = await checked(
        t.http.patch(`/api/tasks/${created.body.id}`).set(office).send({ expectedVersion: 1, title: HTML }),
      );
      expect(html.status).toBe(200);
      expect(html.body.title).toBe(HTML);

      // Searching for the same strings is a plain search.
      const found = await checked(t.http.get('/api/tasks').query({ q: SQL }).set(office));
      expect(found.status).toBe(200);
      const wild = await checked(t.http.get('/api/tasks').query({ q: "%' OR '1'='1" }).set(office));
      expect(wild.status).toBe(200);
      expect(wild.body.total).toBe(0);
    });

    it('comment bodies alike', async () => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      for (const body of [SQL, HTML, MIXED]) {
        const res = await checked(t.http.post(`/api/tasks/${task.id}/comments`).set(office).send({ body }));
        expect(res.status).toBe(201);
        expect(res.body.body).toBe(body);
      }
      const detail = await checked(t.http.get(`/api/tasks/${task.id}`).set(lead));
      expect(detail.body.comments.map((c: { body: string }) => c.body)).toEqual(
        expect.arrayContaining([SQL, HTML, MIXED]),
      );
      const rows = await t.db.query<{ body: string }>(
        `SELECT body FROM comments WHERE task_id = $1 ORDER BY created_at, id`,
        [task.id],
      );
      expect(rows.rows.map((r) => r.body).sort()).toEqual([SQL, HTML, MIXED].sort());
    });

    it('a directive number and title alike', async () => {
      const number = `${SQL} ${stamp}`;
      const res = await checked(
        t.http.post('/api/directives').set(office).send({ number, kind: 'other', title: HTML }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ number, title: HTML });
    });

    it('a note on a submission alike', async () => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      const res = await checked(t.http.post(`/api/tasks/${task.id}/submissions`).set(lead).field('note', MIXED));
      expect(res.status).toBe(201);
      expect(res.body.note).toBe(MIXED);
    });

    it('a login with SQL in the username is just a wrong login', async () => {
      const res = await checked(
        t.http.post('/api/auth/login').send({ username: "admin' OR '1'='1", password: "' OR '1'='1" }),
      );
      expectError(res, 401, 'INVALID_CREDENTIALS');
    });

    it('the tables still exist and hold their data', async () => {
      for (const table of ['tasks', 'comments', 'directives', 'users']) {
        const r = await t.db.query<{ reg: string | null }>(`SELECT to_regclass($1)::text AS reg`, [`public.${table}`]);
        expect(r.rows[0].reg).toBe(table);
      }
      const n = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks`);
      expect(n.rows[0].n).toBeGreaterThan(27);
      const list = await checked(t.http.get('/api/tasks').query({ limit: 1 }).set(office));
      expect(list.status).toBe(200);
    });
  });

  it('refuses a blank content reference (the database would refuse it: a 500 found by the fuzzer)', async () => {
    for (const contentReference of ['', '   ']) {
      const title = `Nơi lưu trống ${stamp}`;
      const res = await checked(t.http.post('/api/tasks').set(office).send(validTask({ title, contentReference })));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('contentReference');
      expect(await countTasksTitled(title)).toBe(0);
    }
  });

  describe('NUL characters in text → 400', () => {
    it('task title and description', async () => {
      for (const extra of [{ title: `Kế hoạch\u0000${stamp}` }, { description: 'mô tả\u0000' }]) {
        const res = await checked(t.http.post('/api/tasks').set(office).send(validTask(extra)));
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.message).toMatch(/NUL/);
      }
    });

    it('task edit, transition comment, comment body', async () => {
      const draft = await makeTask(t.db, { state: 'drafted' });
      let res = await checked(
        t.http.patch(`/api/tasks/${draft.id}`).set(office).send({ expectedVersion: draft.version, title: 'a\u0000b' }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      res = await checked(
        t.http
          .post(`/api/tasks/${draft.id}/transitions`)
          .set(office)
          .send({ event: 'CANCEL', expectedVersion: draft.version, comment: 'hủy\u0000' }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(await taskRow(draft.id)).toMatchObject({ state: 'drafted', version: draft.version });
      res = await checked(t.http.post(`/api/tasks/${draft.id}/comments`).set(office).send({ body: '\u0000' }));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(await countComments(draft.id)).toBe(0);
    });

    it('directive fields and the search query', async () => {
      let res = await checked(
        t.http
          .post('/api/directives')
          .set(office)
          .send({ number: `1\u0000-${stamp}`, kind: 'other', title: 'x' }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      res = await checked(t.http.get('/api/tasks?q=ke%00hoach').set(office));
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it('a submission note', async () => {
      const task = await makeTask(t.db, { state: 'in_progress' });
      const res = await checked(
        t.http.post(`/api/tasks/${task.id}/submissions`).set(lead).field('note', 'ghi chú\u0000'),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      const subs = await t.db.query(`SELECT 1 FROM submissions WHERE task_id = $1`, [task.id]);
      expect(subs.rowCount).toBe(0);
    });

    it('the login username', async () => {
      const res = await checked(
        t.http.post('/api/auth/login').send({ username: 'vanphong\u0000', password: 'demo12345' }),
      );
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it('the login password (refused, never a session)', async () => {
      const pw = await checked(
        t.http.post('/api/auth/login').send({ username: 'kiemtra', password: 'demo12345\u0000' }),
      );
      expect([400, 401]).toContain(pw.status);
      expect(pw.body.accessToken).toBeUndefined();
    });
  });

  describe('ids in the path', () => {
    it('a malformed or unknown id is a clean 404', async () => {
      for (const path of [
        '/api/tasks/not-a-uuid',
        "/api/tasks/1' OR '1'='1",
        '/api/tasks/00000000-0000-0000-0000-000000000000',
      ]) {
        const res = await checked(t.http.get(encodeURI(path)).set(office));
        expectError(res, 404, 'NOT_FOUND');
      }
      const coord = await agencyId(t.db, 'ban-dan-van');
      const res = await checked(t.http.get(`/api/tasks/${coord}/files/..%2F..%2Fetc%2Fpasswd`).set(office));
      expectError(res, 404);
    });
  });
});
