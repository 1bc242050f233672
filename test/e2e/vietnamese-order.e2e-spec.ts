import { compareVietnamese, sortByAgencyOrder } from '@dondoc/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Response } from 'supertest';
import { makeTask } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { withAgencyOrderLock } from './support/agency-order-lock.js';

/**
 * Agency names in Vietnamese order wherever they are listed: users saw them in byte order ("Ban Tổ chức"
 * before "Ban cán sự", "Ủy ban Kiểm tra" last), which is what the C collation of the database gives.
 */

/**
 * The administrator may set an official order of agencies, which lists follow before Vietnamese order
 * (agency-order.e2e-spec.ts sets one, then puts it back). Reads here hold the same PostgreSQL advisory lock,
 * shared, so no order is set while they run; and the expected order is worked out from the places as they
 * are, so a place left behind (a run cut short) still gives the right answer.
 */

/** The demo province's agencies (seeded names), as Vietnamese readers expect them. */
const EXPECTED: [code: string, name: string][] = [
  ['bcsd-ubnd', 'Ban cán sự đảng Ủy ban nhân dân tỉnh'],
  ['ban-dan-van', 'Ban Dân vận Tỉnh ủy'],
  ['ban-to-chuc', 'Ban Tổ chức Tỉnh ủy'],
  ['ban-tuyen-giao', 'Ban Tuyên giáo Tỉnh ủy'],
  ['dang-uy-cong-an', 'Đảng ủy Công an tỉnh'],
  ['ubkt', 'Ủy ban Kiểm tra Tỉnh ủy'],
  ['van-phong', 'Văn phòng Tỉnh ủy'],
];
const NAMES = EXPECTED.map(([, name]) => name);
const ours = (names: string[]) => names.filter((n) => NAMES.includes(n));

/** `names` in the official order as the database holds it now: Vietnamese order when nobody placed them. */
async function officialOrder(t: TestApp, names: string[]): Promise<string[]> {
  const rows = (
    await t.db.query<{ name: string; sort_order: number | null }>(
      `SELECT name, sort_order FROM agencies WHERE name = ANY($1::text[])`,
      [names],
    )
  ).rows;
  const place = new Map(rows.map((r) => [r.name, r.sort_order]));
  return sortByAgencyOrder(names, (name) => ({ sortOrder: place.get(name) ?? null, name }));
}

describe('agency names in Vietnamese order', () => {
  let t: TestApp;
  let directiveId: string;

  beforeAll(async () => {
    t = await startTestApp();
    // A directive of our own with one task per agency, so the reports list exactly these agencies.
    const number = `${process.pid}${Date.now().toString(36)}-VN/TU`;
    directiveId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO directives (number, kind, title, issued_on) VALUES ($1, 'conclusion', 'Kết luận thử thứ tự', '2024-01-10')
         RETURNING id`,
        [number],
      )
    ).rows[0].id;
    // Inserted in byte order, the order the bug showed.
    for (const [code] of [...EXPECTED].sort(([, a], [, b]) => (a < b ? -1 : 1))) {
      await makeTask(t.db, { state: 'assigned', lead: code, coordinating: [], directive: number });
    }
  });
  afterAll(() => t.close());

  it.each([
    ['GET /api/agencies', '/api/agencies', 'vanphong'],
    ['GET /api/admin/agencies', '/api/admin/agencies', 'admin'],
  ])('%s answers in Vietnamese order', async (_what, path, who) => {
    const auth = await t.as(who);
    await withAgencyOrderLock(t.db, 'read', async () => {
      const res = await t.http.get(path).set(auth);
      expect(res.status).toBe(200);
      const names = (res.body as { name: string }[]).map((a) => a.name);
      expect(ours(names)).toEqual(await officialOrder(t, NAMES));
      // Agencies other suites add are in order too.
      expect(names).toEqual(await officialOrder(t, names));
    });
  });

  it('with no place set anywhere, the official order is the Vietnamese order', async () => {
    await withAgencyOrderLock(t.db, 'read', async () => {
      const placed = await t.db.query(`SELECT 1 FROM agencies WHERE sort_order IS NOT NULL`);
      if (placed.rowCount) return; // a place left behind by a run cut short: the tests above still hold
      const names = ((await t.http.get('/api/agencies').set(await t.as('vanphong'))).body as { name: string }[]).map(
        (a) => a.name,
      );
      expect(ours(names)).toEqual(NAMES);
      expect(names).toEqual([...names].sort(compareVietnamese));
    });
  });

  it('GET /api/reports/by-agency lists its rows in Vietnamese order', async () => {
    const auth = await t.as('vanphong');
    await withAgencyOrderLock(t.db, 'read', async () => {
      const res = await t.http.get('/api/reports/by-agency').query({ directiveId }).set(auth);
      expect(res.status).toBe(200);
      expect((res.body as { rows: { agencyName: string }[] }).rows.map((r) => r.agencyName)).toEqual(
        await officialOrder(t, NAMES),
      );
    });
  });

  const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const file = async (path: string, auth: { Authorization: string }) => {
    const res = await t.http.get(`/api/reports/${path}`).query({ directiveId }).set(auth).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };

  it('by-agency.xlsx lists its rows in Vietnamese order', async () => {
    const auth = await t.as('thuongvu');
    const [body, expected] = await withAgencyOrderLock(t.db, 'read', async () =>
      Promise.all([file('by-agency.xlsx', auth), officialOrder(t, NAMES)]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(body).buffer);
    const ws = wb.worksheets[0];
    const names = NAMES.map((_n, i) => ws.getRow(5 + i).getCell(2).value);
    expect(names).toEqual(expected);
    expect(ws.getRow(5 + NAMES.length).getCell(2).value).toBe('Tổng cộng');
  });

  it('periodic.docx lists the agency table in Vietnamese order', async () => {
    const auth = await t.as('thuongvu');
    const [body, expected] = await withAgencyOrderLock(t.db, 'read', async () =>
      Promise.all([file('periodic.docx', auth), officialOrder(t, NAMES)]),
    );
    const zip = await JSZip.loadAsync(body);
    const xml = await zip.file('word/document.xml')!.async('string');
    const all = xml.replace(/<[^>]+>/g, ' ');
    // Only the agency table: "Văn phòng Tỉnh ủy" is also the sender named in the text above it.
    const table = all.slice(all.indexOf('II. KẾT QUẢ THEO CƠ QUAN CHỦ TRÌ'), all.indexOf('III. '));
    expect(NAMES.map((n) => table.includes(n))).toEqual(NAMES.map(() => true));
    expect([...NAMES].sort((a, b) => table.indexOf(a) - table.indexOf(b))).toEqual(expected);
  });
});
