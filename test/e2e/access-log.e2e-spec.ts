import { randomUUID } from 'node:crypto';
import { recordedRoutes } from '@dondoc/api';
import ExcelJS from 'exceljs';
import type { Response, Test } from 'supertest';
import { agencyId, makeTask } from './support/fixtures.js';
import { pdf } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The record of access (issue 17): each read path of a classified item writes exactly its rows — who, when,
 * what, the request id and the client's address — an unclassified task none (unless ACCESS_LOG_ALL=true),
 * the database refuses to change or remove a row, and only the inspector and the administrator read the log.
 *
 * Every request sends its own X-Request-Id, and the rows are counted by it, so suites reading the same tasks
 * at the same time never add to the count.
 */

type Auth = { Authorization: string };
interface LogRow {
  user_id: string;
  user_role: string;
  action: string;
  item_kind: string;
  task_id: string | null;
  directive_id: string | null;
  file_id: string | null;
  classification: string;
  method: string;
  path: string;
  request_id: string;
  address: string | null;
  at: Date;
}

const DAY = 86_400_000;
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const binary = (res: Response, cb: (err: Error | null, body: unknown) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    const body = Buffer.concat(chunks);
    cb(null, /json/.test(String(res.headers['content-type'])) ? JSON.parse(body.toString('utf8')) : body);
  });
};

async function userId(t: TestApp, username: string): Promise<string> {
  return (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username])).rows[0].id;
}

/** A request of its own id; the answer and the access rows it wrote, in a stable order. */
async function read(t: TestApp, send: (rid: string) => Test): Promise<{ res: Response; rows: LogRow[] }> {
  const rid = `al-${randomUUID()}`;
  const res = await send(rid).set('X-Request-Id', rid);
  const rows = (
    await t.db.query<LogRow>(
      `SELECT user_id, user_role, action, item_kind, task_id, directive_id, file_id, classification, method, path,
              request_id, address, at
         FROM access_log WHERE request_id = $1 ORDER BY action, item_kind, task_id, directive_id, file_id`,
      [rid],
    )
  ).rows;
  return { res, rows };
}

/** What a row says, without who and when (checked once, below). */
const what = (r: LogRow) => ({
  action: r.action,
  kind: r.item_kind,
  task: r.task_id,
  directive: r.directive_id,
  file: r.file_id,
  level: r.classification,
});
const sorted = <T extends object>(xs: T[]) =>
  [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('the record of access (access_log)', () => {
  let t: TestApp;
  let office: Auth;
  let lead: Auth;
  let coordinator: Auth;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};
  let classifiedDirective: string;
  let plainDirective: string;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' });
    office = await t.as('vanphong');
    lead = await t.as('ban-tuyen-giao');
    coordinator = await t.as('ban-dan-van');
    const stamp = `${process.pid}${Date.now().toString(36)}`;
    // Directives of our own: a mật one with two tối mật tasks (one overdue), a plain one with a plain task.
    const directive = async (number: string, level: string) =>
      (
        await t.db.query<{ id: string }>(
          `INSERT INTO directives (number, kind, title, classification) VALUES ($1, 'plan', 'Kế hoạch thử', $2)
           RETURNING id`,
          [number, level],
        )
      ).rows[0].id;
    classifiedDirective = await directive(`${stamp}-MAT/TU`, 'confidential');
    plainDirective = await directive(`${stamp}-THUONG/TU`, 'normal');
    ids.secret = (
      await makeTask(t.db, { state: 'in_progress', directive: `${stamp}-MAT/TU`, coordinating: ['ban-dan-van'] })
    ).id;
    ids.overdue = (
      await makeTask(t.db, { state: 'in_progress', directive: `${stamp}-MAT/TU`, dueDate: addDays(today, -10) })
    ).id;
    ids.plain = (await makeTask(t.db, { state: 'in_progress', directive: `${stamp}-THUONG/TU` })).id;
    await t.db.query(`UPDATE tasks SET classification = 'secret' WHERE id = ANY($1::uuid[])`, [
      [ids.secret, ids.overdue],
    ]);
    // Only the people on a classified item's list see it: the Office, the lead's head, the coordinator's.
    const cleared = await Promise.all(['vanphong', 'ban-tuyen-giao', 'ban-dan-van'].map((u) => userId(t, u)));
    for (const task of [ids.secret, ids.overdue]) {
      await t.db.query(
        `INSERT INTO classified_access (task_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) u ON CONFLICT DO NOTHING`,
        [task, cleared],
      );
    }
    await t.db.query(
      `INSERT INTO classified_access (directive_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) u ON CONFLICT DO NOTHING`,
      [classifiedDirective, cleared],
    );
    for (const [key, id] of Object.entries(ids)) {
      codes[key] = (await t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [id])).rows[0].code;
    }
  });
  afterAll(() => t?.close());

  it('a list entry: each classified task the board returns, with who, when, the request id and the address', async () => {
    const before = Date.now();
    const { res, rows } = await read(t, () =>
      t.http.get('/api/tasks').query({ directiveId: classifiedDirective }).set(office),
    );
    expect(res.status).toBe(200);
    expect((res.body as { items: { id: string }[] }).items.map((x) => x.id).sort()).toEqual(
      [ids.secret, ids.overdue].sort(),
    );
    expect(rows.map(what)).toEqual(
      sorted([
        { action: 'list', kind: 'task', task: ids.secret, directive: null, file: null, level: 'secret' },
        { action: 'list', kind: 'task', task: ids.overdue, directive: null, file: null, level: 'secret' },
      ]),
    );
    const office_id = await userId(t, 'vanphong');
    for (const r of rows) {
      expect(r).toMatchObject({ user_id: office_id, user_role: 'office', method: 'GET', path: '/api/tasks' });
      expect(r.request_id).toMatch(/^al-/);
      expect(r.address).toMatch(/127\.0\.0\.1|::1/);
      expect(r.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(r.at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
    // A search returns rows too; only what it returned is recorded.
    const search = await read(t, () => t.http.get('/api/tasks').query({ q: codes.secret }).set(office));
    expect(search.rows.map(what)).toEqual([
      { action: 'list', kind: 'task', task: ids.secret, directive: null, file: null, level: 'secret' },
    ]);
    // A page of unclassified tasks writes nothing.
    const plain = await read(t, () => t.http.get('/api/tasks').query({ directiveId: plainDirective }).set(office));
    expect((plain.res.body as { items: unknown[] }).items).toHaveLength(1);
    expect(plain.rows).toEqual([]);
  });

  it('a detail, and the task page’s parts (milestones, progress, contributions)', async () => {
    const detail = await read(t, () => t.http.get(`/api/tasks/${ids.secret}`).set(lead));
    expect(detail.res.status).toBe(200);
    expect(detail.rows.map(what)).toEqual([
      { action: 'detail', kind: 'task', task: ids.secret, directive: null, file: null, level: 'secret' },
    ]);
    expect(detail.rows[0]).toMatchObject({ user_role: 'agency', path: `/api/tasks/${ids.secret}` });
    for (const part of ['milestones', 'progress', 'contributions']) {
      const r = await read(t, () => t.http.get(`/api/tasks/${ids.secret}/${part}`).set(office));
      expect(r.res.status).toBe(200);
      expect(r.rows.map(what)).toEqual([
        { action: 'detail', kind: 'task', task: ids.secret, directive: null, file: null, level: 'secret' },
      ]);
    }
    const plain = await read(t, () => t.http.get(`/api/tasks/${ids.plain}`).set(office));
    expect(plain.res.status).toBe(200);
    expect(plain.rows).toEqual([]);
  });

  it('a file download: a deliverable, a progress report’s file, a contribution’s file', async () => {
    const up = await t.http
      .post(`/api/tasks/${ids.secret}/submissions`)
      .set(lead)
      .field('note', 'Dự thảo mật')
      .attach('files', pdf('mật'), 'du-thao.pdf')
      .expect(201);
    const deliverable = up.body.files[0].id as string;
    const got = await read(t, () =>
      t.http.get(`/api/tasks/${ids.secret}/files/${deliverable}`).set(office).buffer(true).parse(binary),
    );
    expect(got.res.status).toBe(200);
    expect(got.rows.map(what)).toEqual([
      { action: 'download', kind: 'file', task: ids.secret, directive: null, file: deliverable, level: 'secret' },
    ]);

    const progress = await t.http
      .post(`/api/tasks/${ids.secret}/progress`)
      .set(lead)
      .field('percent', '40')
      .field('narrative', 'Tiến độ mật')
      .attach('files', pdf('tiến độ'), 'tien-do.pdf')
      .expect(201);
    const progressFile = progress.body.files[0].id as string;
    const p = await read(t, () =>
      t.http
        .get(`/api/progress-reports/${progress.body.id}/files/${progressFile}`)
        .set(office)
        .buffer(true)
        .parse(binary),
    );
    expect(p.res.status).toBe(200);
    // The path names only the report and the file: the task and its level are the file's.
    expect(p.rows.map(what)).toEqual([
      { action: 'download', kind: 'file', task: ids.secret, directive: null, file: progressFile, level: 'secret' },
    ]);

    const asked = await t.http
      .put(`/api/tasks/${ids.secret}/contributions/${await agencyId(t.db, 'ban-dan-van')}`)
      .set(lead)
      .send({ request: 'Số liệu phối hợp' })
      .expect(200);
    const handed = await t.http
      .post(`/api/contributions/${asked.body.id}/versions`)
      .set(coordinator)
      .field('note', 'Số liệu')
      .attach('files', pdf('số liệu'), 'so-lieu.pdf')
      .expect(201);
    const partFile = handed.body.versions[0].files[0].id as string;
    const c = await read(t, () =>
      t.http.get(`/api/contributions/${asked.body.id}/files/${partFile}`).set(lead).buffer(true).parse(binary),
    );
    expect(c.res.status).toBe(200);
    expect(c.rows.map(what)).toEqual([
      { action: 'download', kind: 'file', task: ids.secret, directive: null, file: partFile, level: 'secret' },
    ]);
  });

  it('an export of the list’s selection: its classified tasks', async () => {
    const { res, rows } = await read(t, () =>
      t.http
        .post('/api/tasks/export.xlsx')
        .set(office)
        .send({ taskIds: [ids.plain, ids.secret] })
        .buffer(true)
        .parse(binary),
    );
    expect(res.status).toBe(200);
    expect(rows.map(what)).toEqual([
      { action: 'export', kind: 'task', task: ids.secret, directive: null, file: null, level: 'secret' },
    ]);
  });

  it('a directive’s page: the directive itself (detail) and its classified tasks (list entries)', async () => {
    const { res, rows } = await read(t, () => t.http.get(`/api/directives/${classifiedDirective}`).set(office));
    expect(res.status).toBe(200);
    expect(rows.map(what)).toEqual(
      sorted([
        {
          action: 'detail',
          kind: 'directive',
          task: null,
          directive: classifiedDirective,
          file: null,
          level: 'confidential',
        },
        { action: 'list', kind: 'task', task: ids.secret, directive: null, file: null, level: 'secret' },
        { action: 'list', kind: 'task', task: ids.overdue, directive: null, file: null, level: 'secret' },
      ]),
    );
    const plain = await read(t, () => t.http.get(`/api/directives/${plainDirective}`).set(office));
    expect(plain.res.status).toBe(200);
    expect(plain.rows).toEqual([]);
    // The list of directives: the classified one is an entry (others' classified directives may be too).
    const list = await read(t, () => t.http.get('/api/directives').set(office));
    expect(list.rows.map(what)).toContainEqual({
      action: 'list',
      kind: 'directive',
      task: null,
      directive: classifiedDirective,
      file: null,
      level: 'confidential',
    });
    expect(list.rows.every((r) => r.item_kind === 'directive' && r.classification !== 'normal')).toBe(true);
    expect(list.rows.some((r) => r.directive_id === plainDirective)).toBe(false);
    // The report by directive names it too: a read of the classified directive, none of the plain one.
    const byDirective = await read(t, () => t.http.get('/api/reports/by-directive').set(office));
    expect(byDirective.res.status).toBe(200);
    expect(byDirective.rows.map(what)).toContainEqual({
      action: 'report',
      kind: 'directive',
      task: null,
      directive: classifiedDirective,
      file: null,
      level: 'confidential',
    });
    expect(byDirective.rows.some((r) => r.directive_id === plainDirective)).toBe(false);
  });

  it('reports that list tasks by row, and the documents built from them', async () => {
    const task = (id: string, action: string) => ({
      action,
      kind: 'task',
      task: id,
      directive: null,
      file: null,
      level: 'secret',
    });
    const directiveId = classifiedDirective;
    const escalations = await read(t, () => t.http.get('/api/reports/escalations').query({ directiveId }).set(office));
    expect(escalations.res.status).toBe(200);
    expect(escalations.rows.map(what)).toEqual([task(ids.overdue, 'report')]);

    const both = sorted([task(ids.secret, 'export'), task(ids.overdue, 'export')]);
    // The periodic report also names the directive it is about (its title): a read of it.
    const named = {
      action: 'export',
      kind: 'directive',
      task: null,
      directive: classifiedDirective,
      file: null,
      level: 'confidential',
    };
    for (const [path, want] of [
      ['/api/reports/tasks.xlsx', both],
      ['/api/reports/periodic.docx', sorted([...both, named])],
    ] as const) {
      const doc = await read(t, () => t.http.get(path).query({ directiveId }).set(office).buffer(true).parse(binary));
      expect(doc.res.status).toBe(200);
      expect(doc.rows.map(what)).toEqual(want);
    }
    // Urging letters list only overdue (or due soon) work: the overdue task, not the one due in 2030.
    const agency = await agencyId(t.db, 'ban-tuyen-giao');
    const letters: [string, () => Test][] = [
      ['letter', () => t.http.get('/api/reports/urging-letter.docx').query({ directiveId, agencyId: agency })],
      ['zip', () => t.http.get('/api/reports/urging-letters.zip').query({ directiveId })],
      ['selection', () => t.http.post('/api/reports/urging-letters.zip').send({ taskIds: [ids.secret, ids.overdue] })],
    ];
    for (const [name, send] of letters) {
      const doc = await read(t, () => send().set(office).buffer(true).parse(binary));
      expect([name, doc.res.status]).toEqual([name, 200]);
      expect([name, doc.rows.map(what)]).toEqual([name, [task(ids.overdue, 'export')]]);
    }
    // A frozen report: each classified row it carries (if it keeps them at all) is a read, made and read again.
    type Frozen = { figures: Record<'escalations' | 'reviewQueue', { items: { taskId: string }[] }> };
    const carried = (body: Frozen) =>
      sorted(
        [...body.figures.escalations.items, ...body.figures.reviewQueue.items]
          .filter((i) => i.taskId === ids.secret || i.taskId === ids.overdue)
          .map((i) => task(i.taskId, 'report')),
      );
    const made = await read(t, () =>
      t.http.post('/api/reports/snapshots').set(office).send({ title: 'Báo cáo mật thử', directiveId }),
    );
    expect(made.res.status).toBe(201);
    expect(made.rows.map(what)).toEqual(carried(made.res.body as Frozen));
    const again = await read(t, () => t.http.get(`/api/reports/snapshots/${made.res.body.id}`).set(office));
    expect(again.res.status).toBe(200);
    expect(again.rows.map(what)).toEqual(carried(again.res.body as Frozen));
  });

  it('every route that shows tasks, directives or files is marked to record its reads', () => {
    const routes = recordedRoutes(t.app);
    // Routes whose answers carry no task content: figures, accounts, agencies, the calendar, the inbox (a
    // classified task is named by its code there), incidents (codes), the live stream (ids only), the log itself.
    const NO_TASK_CONTENT = new Set([
      'GET /api/auth/me',
      'GET /api/agencies',
      'GET /api/organisations',
      'GET /api/agencies/:id/settings',
      'GET /api/people',
      'GET /api/calendar',
      'GET /api/calendar/span',
      'GET /api/notifications',
      'GET /api/incidents',
      'GET /api/events',
      'GET /api/health',
      'GET /api/health/live',
      'GET /api/health/ready',
      'GET /api/metrics',
      'GET /api/admin/users',
      'GET /api/admin/agencies',
      'GET /api/reporting-periods',
      'GET /api/reports/summary',
      'GET /api/reports/by-agency',
      'GET /api/reports/by-organisation',
      'GET /api/reports/roll-up',
      'GET /api/reports/by-person',
      'GET /api/reports/by-field',
      'GET /api/reports/by-deliverable-type',
      'GET /api/reports/averages',
      'GET /api/reports/coordination',
      'GET /api/reports/milestones',
      'GET /api/reports/by-agency.xlsx',
      'GET /api/reports/snapshots',
      'GET /api/access-log',
      'GET /api/access-log.xlsx',
      // A classified item's access list: who is cleared and the level, none of its content.
      'GET /api/tasks/:id/access',
      'GET /api/directives/:id/access',
    ]);
    // POSTs that only read: exports of a selection.
    const READING_POSTS = ['POST /api/tasks/export.xlsx', 'POST /api/reports/urging-letters.zip'];
    const unmarked = [...routes]
      .filter(([route, action]) => action === null && (route.startsWith('GET ') || READING_POSTS.includes(route)))
      .map(([route]) => route)
      .filter((route) => !NO_TASK_CONTENT.has(route));
    expect(unmarked).toEqual([]);
    // The reads the brief names, by action.
    expect(routes.get('GET /api/tasks')).toBe('list');
    expect(routes.get('GET /api/tasks/:id')).toBe('detail');
    expect(routes.get('GET /api/directives/:id')).toBe('detail');
    expect(routes.get('GET /api/tasks/:taskId/files/:fileId')).toBe('download');
    expect(routes.get('GET /api/contributions/:id/files/:fileId')).toBe('download');
    expect(routes.get('GET /api/progress-reports/:id/files/:fileId')).toBe('download');
    expect(routes.get('POST /api/tasks/export.xlsx')).toBe('export');
    expect(routes.get('GET /api/reports/tasks.xlsx')).toBe('export');
    expect(routes.get('GET /api/reports/escalations')).toBe('report');
    // Directives' titles, a classified one's for the cleared only.
    expect(routes.get('GET /api/reports/by-directive')).toBe('report');
    // Reading the log is not itself logged.
    expect(routes.get('GET /api/access-log')).toBeNull();
  });

  describe('GET /api/access-log and /api/access-log.xlsx', () => {
    it('the inspector and the administrator read it, newest first, filtered; reading it writes no row', async () => {
      const inspector = await t.as('kiemtra');
      const { res, rows } = await read(t, () =>
        t.http.get('/api/access-log').query({ taskId: ids.secret, limit: 1000 }).set(inspector),
      );
      expect(res.status).toBe(200);
      expect(rows).toEqual([]);
      const body = res.body as {
        rows: {
          id: string;
          at: string;
          action: string;
          taskId: string;
          taskCode: string;
          user: { fullName: string };
        }[];
        total: number;
      };
      const inDb = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE task_id = $1`, [
        ids.secret,
      ]);
      expect(body.total).toBe(inDb.rows[0].n);
      expect(body.rows).toHaveLength(body.total);
      expect(body.rows.every((r) => r.taskId === ids.secret && r.taskCode === codes.secret)).toBe(true);
      const order = body.rows.map((r) => [Date.parse(r.at), Number(r.id)] as const);
      for (let i = 1; i < order.length; i++) {
        expect(
          order[i - 1][0] > order[i][0] || (order[i - 1][0] === order[i][0] && order[i - 1][1] > order[i][1]),
        ).toBe(true);
      }
      // The actions recorded above, each with its reader's name.
      expect(new Set(body.rows.map((r) => r.action))).toEqual(new Set(['list', 'detail', 'download', 'export']));
      expect(body.rows.every((r) => typeof r.user.fullName === 'string')).toBe(true);

      const admin = await t.as('admin');
      const downloads = await t.http
        .get('/api/access-log')
        .query({ taskId: ids.secret, userId: await userId(t, 'vanphong'), action: 'download' })
        .set(admin)
        .expect(200);
      expect(downloads.body.total).toBe(2);
      expect(
        (downloads.body.rows as { action: string; user: { role: string }; fileId: string }[]).every(
          (r) => r.action === 'download' && r.user.role === 'office' && r.fileId,
        ),
      ).toBe(true);
      const paged = await t.http.get('/api/access-log').query({ taskId: ids.secret, limit: 2, offset: 1 }).set(admin);
      expect(paged.status).toBe(200);
      expect(paged.body.total).toBe(body.total);
      expect((paged.body.rows as { id: string }[]).map((r) => r.id)).toEqual(body.rows.slice(1, 3).map((r) => r.id));
      // Days in Vietnam time: today holds them all, tomorrow none; a range backwards is refused.
      const todays = await t.http
        .get('/api/access-log')
        .query({ taskId: ids.secret, from: today, to: today })
        .set(admin);
      expect(todays.body.total).toBe(body.total);
      const tomorrow = await t.http
        .get('/api/access-log')
        .query({ taskId: ids.secret, from: addDays(today, 1) })
        .set(admin);
      expect(tomorrow.body.total).toBe(0);
      const backwards = await t.http
        .get('/api/access-log')
        .query({ from: today, to: addDays(today, -1) })
        .set(admin);
      expect(backwards.status).toBe(400);
      expect(backwards.body.code).toBe('VALIDATION_FAILED');
    });

    it('as Excel, the same rows, for the inspector and the administrator', async () => {
      const inspector = await t.as('kiemtra');
      const json = await t.http.get('/api/access-log').query({ taskId: ids.secret, limit: 1000 }).set(inspector);
      const { res, rows } = await read(t, () =>
        t.http.get('/api/access-log.xlsx').query({ taskId: ids.secret }).set(inspector).buffer(true).parse(binary),
      );
      expect(res.status).toBe(200);
      expect(rows).toEqual([]);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      expect(decodeURIComponent(String(res.headers['content-disposition']))).toMatch(/Nhật ký truy cập/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body);
      const ws = wb.worksheets[0];
      const data: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 4) data.push(row.getCell(15).text);
      });
      expect(data).toEqual((json.body.rows as { id: string }[]).map((r) => r.id));
      expect(ws.getRow(5).getCell(6).value).toBe(codes.secret);
      expect(ws.getRow(5).getCell(7).value).toBe('Tối mật');
      const admin = await t.http
        .get('/api/access-log.xlsx')
        .set(await t.as('admin'))
        .buffer(true)
        .parse(binary);
      expect(admin.status).toBe(200);
    });

    it.each([
      ['vanphong', 'the Office'],
      ['thuongvu', 'the Standing Committee'],
      ['ban-tuyen-giao', 'an agency'],
    ])('%s (%s) may not read it: 403 FORBIDDEN', async (username) => {
      const auth = await t.as(username);
      for (const path of ['/api/access-log', '/api/access-log.xlsx']) {
        const res = await t.http.get(path).set(auth);
        expect([path, res.status, res.body.code]).toEqual([path, 403, 'FORBIDDEN']);
      }
    });
  });
});

describe('the record of access with ACCESS_LOG_ALL=true, behind a trusted proxy; its rows cannot change', () => {
  let t: TestApp;
  let taskId: string;
  let code: string;

  beforeAll(async () => {
    t = await startTestApp({ ACCESS_LOG_ALL: 'true', TRUST_PROXY: 'true' }, { ownDatabase: true });
    const made = await makeTask(t.db, { state: 'in_progress' });
    taskId = made.id;
    code = (await t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [taskId])).rows[0].code;
  });
  afterAll(() => t?.close());

  it('an unclassified task is recorded too, with the client’s address from X-Forwarded-For', async () => {
    const office = await t.as('vanphong');
    const detail = await read(t, () =>
      t.http.get(`/api/tasks/${taskId}`).set(office).set('X-Forwarded-For', '203.0.113.7'),
    );
    expect(detail.res.status).toBe(200);
    expect(detail.rows.map(what)).toEqual([
      { action: 'detail', kind: 'task', task: taskId, directive: null, file: null, level: 'normal' },
    ]);
    expect(detail.rows[0].address).toBe('203.0.113.7');
    const list = await read(t, () => t.http.get('/api/tasks').query({ q: code }).set(office));
    expect(list.rows.map(what)).toEqual([
      { action: 'list', kind: 'task', task: taskId, directive: null, file: null, level: 'normal' },
    ]);
    // A whole board: one row per task returned.
    const board = await read(t, () => t.http.get('/api/tasks').query({ limit: 50 }).set(office));
    expect(board.rows).toHaveLength((board.res.body as { items: unknown[] }).items.length);
  });

  it('UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const before = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log`);
    expect(before.rows[0].n).toBeGreaterThan(0);
    await expect(t.db.query(`UPDATE access_log SET address = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM access_log`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE access_log`)).rejects.toThrow(/append-only/);
    const after = await t.db.query<{ n: number; forged: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE address = 'forged')::int AS forged FROM access_log`,
    );
    expect(after.rows[0]).toEqual({ n: before.rows[0].n, forged: 0 });
  });
});
