import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { makeTask } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The list's selection as a workbook: exactly those rows, in that order, within the caller's scope. */

type Auth = { Authorization: string };

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function readSheet(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('task export (POST /api/tasks/export.xlsx)', () => {
  let t: TestApp;
  let office: Auth;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' });
    office = await t.as('vanphong');
  });
  afterAll(() => t?.close());

  const exportOf = (auth: Auth, taskIds: string[]) =>
    t.http.post('/api/tasks/export.xlsx').set(auth).send({ taskIds }).buffer(true).parse(binary);

  async function codeOf(id: string): Promise<string> {
    return (await t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [id])).rows[0].code;
  }

  it('holds exactly the requested rows, in the requested order, with dates as dates and counts as numbers', async () => {
    const overdue = await makeTask(t.db, {
      state: 'in_progress',
      lead: 'ban-tuyen-giao',
      coordinating: ['ban-to-chuc', 'ban-dan-van'],
      dueDate: '2020-01-10',
    });
    const draft = await makeTask(t.db, { state: 'drafted', dueDate: '2030-12-31' });
    const done = await makeTask(t.db, { state: 'approved', dueDate: '2030-06-30' });
    const order = [draft, overdue, done];
    const res = await exportOf(
      office,
      order.map((x) => x.id),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);

    const ws = await readSheet(res.body as Buffer);
    expect(ws.getRow(4).values).toEqual([
      undefined,
      'Mã',
      'Nhiệm vụ',
      'Văn bản',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Hạn',
      'Tình trạng thời hạn',
      'Số ngày quá hạn',
      'Trạng thái',
      'Nhiệm vụ trọng tâm',
      'Tiến độ (%)',
      'Báo cáo tiến độ mới nhất',
      'Ngày báo cáo',
    ]);
    // The title block, then the table: three task rows and nothing after them.
    expect(ws.rowCount).toBe(4 + order.length);
    const codes = await Promise.all(order.map((x) => codeOf(x.id)));
    expect([5, 6, 7].map((r) => ws.getCell(r, 1).value)).toEqual(codes);

    // The export time on Vietnamese clocks (UTC+7), in the title block.
    const vn = new Date(Date.now() + 7 * 3_600_000).toISOString();
    const line = ws.getCell(2, 1).text;
    expect(line).toContain(`${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)}`);
    expect(line).toMatch(/Xuất lúc \d\d:\d\d .*giờ Việt Nam/);
    const [hh, mm] = line
      .match(/(\d\d):(\d\d)/)!
      .slice(1)
      .map(Number);
    const minutes = (hh * 60 + mm - (Number(vn.slice(11, 13)) * 60 + Number(vn.slice(14, 16))) + 1440) % 1440;
    expect([0, 1, 1439]).toContain(minutes);

    const row = ws.getRow(6);
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(6).value as Date).toISOString()).toBe('2020-01-10T00:00:00.000Z');
    expect(row.getCell(6).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(8).value as number).toBeGreaterThan(365);
    expect(row.getCell(7).value).toBe('Quá hạn');
    expect(row.getCell(9).value).toBe('Đang thực hiện');
    expect(row.getCell(4).value).toBe('Ban Tuyên giáo Tỉnh ủy');
    // Coordinating agencies in the official order, whatever order the task lists them in.
    const official = await t.db.query<{ name: string }>(
      `SELECT name FROM agencies WHERE code IN ('ban-to-chuc', 'ban-dan-van') ORDER BY sort_order NULLS LAST, name`,
    );
    expect(row.getCell(5).value).toBe(official.rows.map((a) => a.name).join('; '));
    expect(ws.getRow(5).getCell(9).value).toBe('Dự thảo');
    expect(ws.getRow(5).getCell(8).value).toBe(0);
    expect(ws.getRow(7).getCell(9).value).toBe('Đã duyệt');
  });

  it("keeps an agency to its own tasks: another agency's task or a draft refuses the export (404)", async () => {
    const own = await makeTask(t.db, { state: 'assigned', lead: 'ban-tuyen-giao', coordinating: [] });
    const coordinated = await makeTask(t.db, {
      state: 'assigned',
      lead: 'ban-dan-van',
      coordinating: ['ban-tuyen-giao'],
    });
    const other = await makeTask(t.db, { state: 'assigned', lead: 'ban-dan-van', coordinating: [] });
    const draft = await makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao', coordinating: [] });
    const agency = await t.as('ban-tuyen-giao');

    const ok = await exportOf(agency, [coordinated.id, own.id]);
    expect(ok.status).toBe(200);
    const ws = await readSheet(ok.body as Buffer);
    expect([5, 6].map((r) => ws.getCell(r, 1).value)).toEqual([await codeOf(coordinated.id), await codeOf(own.id)]);
    expect(ws.rowCount).toBe(6);

    for (const hidden of [other.id, draft.id, randomUUID()]) {
      const res = await t.http
        .post('/api/tasks/export.xlsx')
        .set(agency)
        .send({ taskIds: [own.id, hidden] });
      expect({ status: res.status, code: res.body.code, missing: res.body.details?.missing }).toEqual({
        status: 404,
        code: 'NOT_FOUND',
        missing: [hidden],
      });
    }
  });

  it('refuses the administrator, the anonymous and ids sent twice', async () => {
    const a = await makeTask(t.db, { state: 'assigned' });
    const admin = await t.http
      .post('/api/tasks/export.xlsx')
      .set(await t.as('admin'))
      .send({ taskIds: [a.id] });
    expect(admin.status).toBe(403);
    const anon = await t.http.post('/api/tasks/export.xlsx').send({ taskIds: [a.id] });
    expect(anon.status).toBe(401);
    const twice = await t.http
      .post('/api/tasks/export.xlsx')
      .set(office)
      .send({ taskIds: [a.id, a.id] });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
