import type { AddressInfo } from 'node:net';
import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { localDate } from '@dondoc/workflow';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Response } from 'supertest';
import { agencyId, makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { SseClient } from './support/sse-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { sleep, until } from './support/wait.js';

const DAY = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** A file as bytes; an error answer (JSON) as its object, as the OpenAPI check reads it. */
const binary = (res: Response, done: (err: Error | null, body: unknown) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    const body = Buffer.concat(chunks);
    done(null, /json/.test(String(res.headers['content-type'])) ? JSON.parse(body.toString('utf8')) : body);
  });
};

/** Every text part of an Office file (or a zip of them), nested files opened too: what a reader could find in it. */
async function zipText(body: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const parts: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    if (/\.(docx|xlsx)$/.test(entry.name)) parts.push(await zipText(await entry.async('uint8array')));
    else parts.push(await entry.async('string'));
  }
  return parts.join('\n');
}

/** The headers of a .docx (word/header*.xml), as text. */
async function docxHeaders(body: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const names = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  const xml = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
  return xml.join('\n').replace(/<[^>]+>/g, '');
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(body).buffer);
  return wb;
}

/**
 * Issue 17, need to know outside the common task scope: reports (live and as of a day) and their Excel and Word
 * documents, snapshots, incidents, reporting periods, the extension queue, notifications, series and live events
 * never show a classified task (title, code, content) to someone not on its access list, and say how many they do
 * not see; the cleared user sees it, and every document holding it carries the stamp in its page header.
 */
describe('classified tasks do not leak (real PostgreSQL, its own database, redis-server and worker)', () => {
  let t: TestApp;
  let redis: TestRedis;
  let worker: RunningWorker;
  let port: number;
  const clients: SseClient[] = [];
  const today = localDate(new Date());
  const rand = Math.random().toString(36).slice(2, 10);
  const MARK = `TUYỆT-BÍ-MẬT-${rand}`;
  const NARRATIVE = `TIẾN-ĐỘ-MẬT-${rand}`;
  const DIRECTIVE_TITLE = `VĂN-BẢN-MẬT-${rand}`;
  const CLEARED = `vp-mat-${rand}`;
  const UNCLEARED = ['vanphong', 'thuongvu', 'ban-tuyen-giao', 'kiemtra'];
  let secrets: string[];
  let clearedId: string;
  let overdue: { id: string; code: string; lead: string };
  let waiting: { id: string; code: string; lead: string };
  let plain: { id: string };
  let classifiedDirective: string;
  let seriesId: string;
  let periodId: string;
  let snapshotId: string;

  const as = (username: string) => t.as(username);
  const get = async (username: string, path: string) =>
    t.http
      .get(path)
      .set(await as(username))
      .buffer(true)
      .parse(binary);
  /** The answer as a reader could read it: JSON text, or every part of a file. */
  const readable = async (res: Response) =>
    Buffer.isBuffer(res.body) ? zipText(res.body) : JSON.stringify(res.body ?? null);
  const expectNoSecret = async (username: string, path: string, res: Response) => {
    const text = await readable(res);
    for (const s of secrets) {
      if (text.includes(s)) throw new Error(`${username} ${path} (${res.status}) shows ${s}`);
    }
  };

  /** One of our tasks made classified by SQL, with a history from 40 days ago so as-of reports count it. */
  const classify = async (
    task: { id: string },
    level: 'confidential' | 'secret',
    states: [event: string, from: string, to: string][],
  ) => {
    const row = await t.db.query<{ code: string; lead_agency_id: string }>(
      `UPDATE tasks SET classification = $2, title = $3 WHERE id = $1 RETURNING code, lead_agency_id`,
      [task.id, level, MARK],
    );
    await t.db.query(`INSERT INTO classified_access (task_id, user_id) VALUES ($1, $2)`, [task.id, clearedId]);
    for (const [i, [event, from, to]] of states.entries()) {
      await t.db.query(
        `INSERT INTO task_events (task_id, event, from_state, to_state, actor_role, data, task_version, at)
         VALUES ($1, $2, $3, $4, 'office', '{}'::jsonb, $5, $6)`,
        [task.id, event, from, to, i + 1, new Date(Date.now() - (40 - i) * DAY)],
      );
    }
    await t.db.query(`UPDATE tasks SET version = $2 WHERE id = $1`, [task.id, states.length]);
    return { id: task.id, code: row.rows[0].code, lead: row.rows[0].lead_agency_id };
  };

  beforeAll(async () => {
    redis = await TestRedis.start();
    // Its own database: classified tasks vanish from the other suites' views and would change their figures.
    t = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: `cl${process.pid}` }, { ownDatabase: true });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    // The relay carries the writer's outbox to the live streams.
    worker = await startWorker(
      workerConfigFromEnv({
        WORKING_CALENDAR: 'off',
        DATABASE_URL: t.config.databaseUrl,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `cl${process.pid}`,
        RELAY_INTERVAL_MS: '100',
        LOG_LEVEL: 'silent',
      }),
    );

    // A second Office account, the only one on the lists; the demo's Office account is on none.
    const created = await t.db.query<{ id: string }>(
      `INSERT INTO users (username, full_name, password_hash, role)
       SELECT $1, 'Trần Văn Mật (Văn phòng Tỉnh ủy)', password_hash, 'office' FROM users WHERE username = 'vanphong'
       RETURNING id`,
      [CLEARED],
    );
    clearedId = created.rows[0].id;

    const lead = 'ban-tuyen-giao';
    const a = await makeTask(t.db, { state: 'in_progress', lead, dueDate: addDays(today, -10) });
    const b = await makeTask(t.db, { state: 'submitted', lead });
    plain = await makeTask(t.db, { state: 'in_progress', lead });
    const started: [string, string, string][] = [
      ['ASSIGN', 'drafted', 'assigned'],
      ['START', 'assigned', 'in_progress'],
    ];
    overdue = await classify(a, 'secret', started);
    waiting = await classify(b, 'confidential', [...started, ['SUBMIT', 'in_progress', 'submitted']]);
    secrets = [MARK, NARRATIVE, DIRECTIVE_TITLE, overdue.code, waiting.code];

    const leadUser = await t.db.query<{ id: string; agency_id: string }>(
      `SELECT id, agency_id FROM users WHERE username = $1`,
      [lead],
    );
    // What the lead agency said of the classified task, an extension it asked for, a step that failed on it.
    const report = await t.db.query<{ id: string }>(
      `INSERT INTO progress_reports (task_id, percent, narrative, agency_id, reported_by) VALUES ($1, 40, $2, $3, $4)
       RETURNING id`,
      [overdue.id, NARRATIVE, leadUser.rows[0].agency_id, leadUser.rows[0].id],
    );
    await t.db.query(
      `INSERT INTO extension_requests (task_id, requested_by, current_due_date, requested_due_date, reason)
       VALUES ($1, $2, $3::date, $4::date, $5)`,
      [overdue.id, leadUser.rows[0].id, addDays(today, -10), addDays(today, 30), `Xin gia hạn ${MARK}`],
    );
    await t.db.query(
      `WITH a AS (
         INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at, status, attempts, last_error)
         VALUES ($1, 'overdue', 'PT0S', 1, 1, '{lead_agency,office}', $2, now(), 'failed', 5, 'disk full (simulated)')
         RETURNING id, task_id)
       INSERT INTO incidents (action_id, task_id, message) SELECT id, task_id, 'disk full (simulated)' FROM a`,
      [overdue.id, `classified-${rand}`],
    );
    // Notifications written before the task was raised: they hold its title and what was said.
    for (const username of ['vanphong', CLEARED]) {
      await t.db.query(
        `INSERT INTO notifications (user_id, task_id, kind, title, body, dedupe_key)
         SELECT u.id, $2, 'ASSIGN', $3, $4, $5 FROM users u WHERE u.username = $1`,
        [username, overdue.id, `Nhiệm vụ được giao — ${overdue.code}: ${MARK}`, `Ý kiến ${MARK}`, `before-${rand}`],
      );
    }

    // A classified directive, only the cleared user on its list, with a series whose instances are classified too.
    const directive = await t.db.query<{ id: string }>(
      `INSERT INTO directives (number, kind, title, classification, created_by)
       VALUES ($1, 'plan', $2, 'secret', $3) RETURNING id`,
      [`${rand}-KH/TU`, DIRECTIVE_TITLE, clearedId],
    );
    classifiedDirective = directive.rows[0].id;
    await t.db.query(`INSERT INTO classified_access (directive_id, user_id) VALUES ($1, $2)`, [
      classifiedDirective,
      clearedId,
    ]);
    const series = await t.http
      .post(`/api/directives/${classifiedDirective}/series`)
      .set(await as(CLEARED))
      .send({
        title: `${MARK} định kỳ`,
        deliverableType: 'bao_cao',
        field: 'party_building',
        leadAgencyId: await agencyId(t.db, lead),
        frequency: 'month',
        dueDay: 31,
        startsOn: today,
      });
    expect(series.status).toBe(201);
    seriesId = series.body.id;

    // A reporting period asks every open task; the classified one has answered it.
    const period = await t.http
      .post('/api/reporting-periods')
      .set(await as(CLEARED))
      .send({ kind: 'custom', startsOn: addDays(today, -20), endsOn: today, dueDate: addDays(today, 5) });
    expect(period.status).toBe(201);
    periodId = period.body.id;
    await t.db.query(`UPDATE reporting_period_tasks SET report_id = $3 WHERE period_id = $1 AND task_id = $2`, [
      periodId,
      overdue.id,
      report.rows[0].id,
    ]);

    // Frozen by the cleared user: every reader reads a snapshot.
    const snapshot = await t.http
      .post('/api/reports/snapshots')
      .set(await as(CLEARED))
      .send({ title: `Ảnh chụp ${rand}` });
    expect(snapshot.status).toBe(201);
    snapshotId = snapshot.body.id;
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await worker?.close();
    await t?.close();
    await redis?.down();
  });

  const REPORTS = [
    'summary',
    'by-agency',
    'by-directive',
    'by-field',
    'by-deliverable-type',
    'escalations',
    'review-queue',
    'averages',
    'coordination',
    'milestones',
    'by-person?by=assignee',
    'by-person?by=monitor',
  ];
  const DOCUMENTS = () => [
    'by-agency.xlsx',
    'tasks.xlsx',
    'periodic.docx',
    `urging-letter.docx?agencyId=${overdue.lead}`,
    'urging-letters.zip',
  ];
  const withAsOf = (path: string, asOf: string | null) =>
    asOf ? `${path}${path.includes('?') ? '&' : '?'}asOf=${asOf}` : path;

  it('reports, live and as of today, and their documents show no classified task to those not cleared', async () => {
    for (const username of UNCLEARED) {
      for (const asOf of [null, today]) {
        for (const path of [...REPORTS, ...DOCUMENTS()]) {
          const url = withAsOf(`/api/reports/${path}`, asOf);
          const res = await get(username, url);
          expect(res.status).toBeLessThan(500);
          await expectNoSecret(username, url, res);
        }
      }
    }
  });

  it('counts say how many tasks are hidden: at least the two classified for the others, none for the cleared', async () => {
    for (const asOf of [null, today]) {
      for (const username of ['vanphong', 'thuongvu', 'kiemtra']) {
        const res = await get(username, withAsOf('/api/reports/summary', asOf));
        expect(res.status).toBe(200);
        expect(res.body.hidden).toBeGreaterThanOrEqual(2);
      }
      // The lead agency reads the report by person over the tasks it sees: its own classified tasks are hidden too.
      const agency = await get('ban-tuyen-giao', withAsOf('/api/reports/by-person?by=assignee', asOf));
      expect(agency.status).toBe(200);
      expect(agency.body.hidden).toBeGreaterThanOrEqual(2);
      for (const path of ['summary', 'by-agency', 'escalations']) {
        const res = await get(CLEARED, withAsOf(`/api/reports/${path}`, asOf));
        expect(res.status).toBe(200);
        expect(res.body.hidden).toBe(0);
      }
    }
    // The documents say it in words.
    const xlsx = await get('vanphong', '/api/reports/by-agency.xlsx');
    const sheet = (await workbook(xlsx.body as Buffer)).worksheets[0];
    expect(sheet.getCell('A3').text).toMatch(/^\d+ nhiệm vụ mật không hiển thị \/ \d+ classified tasks not shown$/);
    expect(sheet.headerFooter?.oddHeader).toBeFalsy();
    expect(sheet.getCell('A1').text).toBe('KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ');
    const docx = await get('vanphong', '/api/reports/periodic.docx');
    expect(await zipText(docx.body as Buffer)).toMatch(
      /\d+ nhiệm vụ mật không hiển thị \/ \d+ classified tasks not shown/,
    );
    expect(await docxHeaders(docx.body as Buffer)).not.toMatch(/MẬT/);
  });

  it('the cleared user sees the classified tasks, and every document holding them carries the stamp on each page', async () => {
    const escalations = await get(CLEARED, '/api/reports/escalations');
    expect(escalations.body.items.map((i: { taskId: string }) => i.taskId)).toContain(overdue.id);
    const queue = await get(CLEARED, `/api/reports/review-queue?asOf=${today}`);
    expect(queue.body.items.map((i: { taskId: string }) => i.taskId)).toContain(waiting.id);

    for (const path of ['by-agency.xlsx', 'tasks.xlsx']) {
      const res = await get(CLEARED, `/api/reports/${path}`);
      expect(res.status).toBe(200);
      const wb = await workbook(res.body as Buffer);
      for (const ws of wb.worksheets) {
        expect(ws.getCell('A1').text).toBe('TỐI MẬT');
        for (const h of ['oddHeader', 'evenHeader', 'firstHeader'] as const) {
          expect(ws.headerFooter[h]).toMatch(/^&L.*TỐI MẬT$/);
        }
        // The title and the table moved down under the stamp; nothing says tasks were hidden.
        expect(ws.getCell('A2').text).toMatch(/^(KẾT QUẢ|DANH SÁCH|TÌNH HÌNH|CÁC MỐC)/);
        expect(ws.getCell('A4').text).toBe('');
      }
      if (path === 'tasks.xlsx') expect(await zipText(res.body as Buffer)).toContain(NARRATIVE);
    }
    const periodic = await get(CLEARED, '/api/reports/periodic.docx');
    expect(await docxHeaders(periodic.body as Buffer)).toContain('TỐI MẬT');
    expect(await zipText(periodic.body as Buffer)).toContain(MARK);
    const letter = await get(CLEARED, `/api/reports/${DOCUMENTS()[3]}`);
    expect(letter.status).toBe(200);
    expect(await docxHeaders(letter.body as Buffer)).toContain('TỐI MẬT');
    expect(await zipText(letter.body as Buffer)).toContain(overdue.code);

    // The list's own export: the highest level among its rows.
    const exported = async (taskIds: string[]) =>
      t.http
        .post('/api/tasks/export.xlsx')
        .set(await as(CLEARED))
        .send({ taskIds })
        .buffer(true)
        .parse(binary);
    const both = await workbook((await exported([waiting.id, overdue.id])).body as Buffer);
    expect(both.worksheets[0].getCell('A1').text).toBe('TỐI MẬT');
    expect(both.worksheets[0].headerFooter.oddHeader).toContain('TỐI MẬT');
    expect(both.worksheets[0].getCell('A2').text).toBe('DANH SÁCH NHIỆM VỤ');
    const one = await workbook((await exported([waiting.id])).body as Buffer);
    expect(one.worksheets[0].getCell('A1').text).toBe('MẬT');
    expect(one.worksheets[0].headerFooter.evenHeader).toMatch(/[^Ố]MẬT$/);
    const none = await workbook((await exported([plain.id])).body as Buffer);
    expect(none.worksheets[0].getCell('A1').text).toBe('DANH SÁCH NHIỆM VỤ');
    expect(none.worksheets[0].headerFooter?.oddHeader).toBeFalsy();
    // Someone not cleared cannot export it at all: the task does not exist for them.
    const refused = await t.http
      .post('/api/tasks/export.xlsx')
      .set(await as('vanphong'))
      .send({ taskIds: [overdue.id] });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain(overdue.code);
  });

  it('a classified directive filters a report as a directive that does not exist, except for the cleared', async () => {
    const unknown = '5f0c2a7e-1b1d-4c8e-9a55-000000000000';
    for (const username of ['vanphong', 'thuongvu', 'kiemtra']) {
      for (const path of ['summary', 'by-directive', 'tasks.xlsx', 'periodic.docx']) {
        const classified = await get(username, `/api/reports/${path}?directiveId=${classifiedDirective}`);
        const missing = await get(username, `/api/reports/${path}?directiveId=${unknown}`);
        expect([classified.status, classified.body.code]).toEqual([400, 'UNKNOWN_DIRECTIVE']);
        expect(classified.body).toEqual({ ...missing.body, requestId: classified.body.requestId });
      }
    }
    const cleared = await get(CLEARED, `/api/reports/summary?directiveId=${classifiedDirective}`);
    expect(cleared.status).toBe(200);
    expect(cleared.body.hidden).toBe(0);
    const doc = await get(CLEARED, `/api/reports/periodic.docx?directiveId=${classifiedDirective}`);
    expect(await zipText(doc.body as Buffer)).toContain(DIRECTIVE_TITLE);
    expect(await docxHeaders(doc.body as Buffer)).toContain('TỐI MẬT');
  });

  it('a snapshot holds no classified task, whoever froze it, and says how many it left out', async () => {
    for (const username of [...UNCLEARED.filter((u) => u !== 'ban-tuyen-giao'), CLEARED]) {
      const res = await get(username, `/api/reports/snapshots/${snapshotId}`);
      expect(res.status).toBe(200);
      await expectNoSecret(username, 'snapshot', res);
      expect(res.body.figures.summary.hidden).toBeGreaterThanOrEqual(2);
      const list = await get(username, '/api/reports/snapshots');
      await expectNoSecret(username, 'snapshots', list);
    }
  });

  it('incidents, reporting periods, the extension queue, notifications and series keep to the lists', async () => {
    const paths = [
      '/api/incidents',
      '/api/reporting-periods',
      `/api/reporting-periods/${periodId}`,
      '/api/extension-requests',
      '/api/notifications',
      `/api/directives/${classifiedDirective}/series`,
      `/api/series/${seriesId}/instances`,
      '/api/directives',
    ];
    for (const username of UNCLEARED) {
      for (const path of paths) {
        const res = await get(username, path);
        expect(res.status).toBeLessThan(500);
        await expectNoSecret(username, path, res);
      }
      // A series of a classified directive does not exist for them.
      expect((await get(username, `/api/series/${seriesId}/instances`)).status).toBe(404);
    }
    // The notification written before the task was raised is not shown to someone taken off (or never on) the list.
    const theirs = await get('vanphong', '/api/notifications?limit=200');
    expect(theirs.body.items.map((n: { taskId: string }) => n.taskId)).not.toContain(overdue.id);

    const incidents = await get(CLEARED, '/api/incidents');
    expect(incidents.body.map((i: { taskCode: string }) => i.taskCode)).toContain(overdue.code);
    const period = await get(CLEARED, `/api/reporting-periods/${periodId}`);
    expect(JSON.stringify(period.body)).toContain(MARK);
    expect(JSON.stringify(period.body)).toContain(NARRATIVE);
    const office = await get('vanphong', `/api/reporting-periods/${periodId}`);
    const classified = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reporting_period_tasks rpt JOIN tasks t ON t.id = rpt.task_id
        WHERE rpt.period_id = $1 AND t.classification <> 'normal'`,
      [periodId],
    );
    expect(classified.rows[0].n).toBeGreaterThanOrEqual(2);
    expect(office.body.asked).toBe(period.body.asked - classified.rows[0].n);
    const queue = await get(CLEARED, '/api/extension-requests');
    expect(JSON.stringify(queue.body)).toContain(MARK);
    const series = await get(CLEARED, `/api/directives/${classifiedDirective}/series`);
    expect(series.status).toBe(200);
    expect(series.body.map((s: { id: string }) => s.id)).toEqual([seriesId]);
    // Even to the cleared, a notification names a classified task by its code only.
    const mine = await get(CLEARED, '/api/notifications?limit=200');
    const note = mine.body.items.find((n: { taskId: string }) => n.taskId === overdue.id);
    expect(note).toMatchObject({ title: `Nhiệm vụ được giao — ${overdue.code}: Nhiệm vụ mật`, body: '' });
    expect(JSON.stringify(mine.body)).not.toContain(MARK);
  });

  it('a live change of a classified task reaches only the cleared, though they share role and agency', async () => {
    const stream = async (username: string) => {
      const opened = await SseClient.open(port, '/api/events', { Authorization: `Bearer ${await t.token(username)}` });
      expect(opened.status).toBe(200);
      clients.push(opened.client!);
      await opened.client!.ready();
      return opened.client!;
    };
    // The cleared one first: a check made once per role and agency with the first stream's user would leak.
    const cleared = await stream(CLEARED);
    const uncleared = await stream('vanphong');
    for (const task of [overdue, plain]) {
      await t.http
        .post(`/api/tasks/${task.id}/comments`)
        .set(await as(CLEARED))
        .send({ body: 'Đề nghị khẩn trương' })
        .expect(201);
    }
    await until(
      'the cleared hear of both',
      () => cleared.of('task.changed', overdue.id)[0] && cleared.of('task.changed', plain.id)[0],
    );
    // Events reach each stream in order: the second change heard means the first would have been too.
    await until('the other hears of the plain task', () => uncleared.of('task.changed', plain.id)[0]);
    await sleep(200);
    expect(uncleared.of('task.changed', overdue.id)).toEqual([]);
  });
});
