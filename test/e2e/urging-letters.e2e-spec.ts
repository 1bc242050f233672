import { randomUUID } from 'node:crypto';
import { compareAgencyOrder } from '@dondoc/contracts';
import { localDate } from '@dondoc/workflow';
import JSZip from 'jszip';
import type { Response } from 'supertest';
import { withAgencyOrderLock } from './support/agency-order-lock.js';
import { agencyId } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Urging letters for every agency in one go: GET with the report filters (every lead agency with
 * overdue work), POST with a list selection (only the selected tasks). Live figures over a directive of
 * our own, so the demo data and other suites never add or take a letter.
 */

const A = 'ban-tuyen-giao';
const B = 'ban-to-chuc';
const C = 'ban-dan-van';
const D = 'ban-noi-chinh';
/** A count of zero in a sentence ("0 nhiệm vụ"), not the end of "10 nhiệm vụ". */
const ZERO_TASKS = /(?<![\d,.])0 nhiệm vụ/;
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

/** The text of a .docx: paragraph ends become new lines, cell ends tabs. */
async function docText(body: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p><\/w:tc>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

/** The letters of a zip, in the zip's order: entry name and text. */
async function letters(body: Buffer): Promise<{ name: string; text: string }[]> {
  const zip = await JSZip.loadAsync(body);
  const out: { name: string; text: string }[] = [];
  for (const entry of Object.values(zip.files)) {
    out.push({ name: entry.name, text: await docText(await entry.async('uint8array')) });
  }
  return out;
}

function fileName(res: Response): string {
  const header = String(res.headers['content-disposition']);
  expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
  return decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]);
}

describe('urging letters for every agency (.zip)', () => {
  let t: TestApp;
  let directiveId: string;
  let directiveNumber: string;
  const ids: Record<string, string> = {};
  const agencies: Record<string, { id: string; name: string }> = {};
  const today = localDate(new Date());
  const day = today.split('-').reverse().join('-');
  const code = (key: string) => `${directiveNumber}-${key}`;

  const getZip = async (query: Record<string, string>, who = 'vanphong') =>
    t.http
      .get('/api/reports/urging-letters.zip')
      .query({ directiveId, ...query })
      .set(await t.as(who))
      .buffer(true)
      .parse(binary);
  const postZip = async (body: unknown, who = 'vanphong') =>
    t.http
      .post('/api/reports/urging-letters.zip')
      .set(await t.as(who))
      .send(body as object)
      .buffer(true)
      .parse(binary);
  const error = (res: Response) => res.body as Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    for (const a of [A, B, C, D]) {
      const id = await agencyId(t.db, a);
      const row = await t.db.query<{ name: string }>(`SELECT name FROM agencies WHERE id = $1`, [id]);
      agencies[a] = { id, name: row.rows[0].name };
    }
    directiveNumber = `${process.pid}${Date.now().toString(36)}-CVDD/TU`;
    directiveId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO directives (number, kind, title, issued_on) VALUES ($1, 'conclusion', 'Kết luận thử đôn đốc', '2026-01-05')
         RETURNING id`,
        [directiveNumber],
      )
    ).rows[0].id;
    const office = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanphong'`)).rows[0].id;
    const tasks: [key: string, lead: string, state: string, due: string, field: string][] = [
      ['A1', A, 'in_progress', addDays(today, -10), 'economy'], // overdue
      ['A2', A, 'assigned', addDays(today, 1), 'economy'], // due soon
      ['A3', A, 'in_progress', addDays(today, 90), 'economy'], // not due
      ['B1', B, 'in_progress', addDays(today, -3), 'party_building'], // overdue
      ['C1', C, 'assigned', addDays(today, 1), 'economy'], // due soon only: no letter from GET
      ['C2', C, 'in_progress', today, 'economy'], // due today
      ['D1', D, 'drafted', addDays(today, -20), 'economy'], // a draft is not urged
      ['D2', D, 'cancelled', addDays(today, -20), 'economy'], // nor a cancelled task
    ];
    for (const [key, lead, state, due, field] of tasks) {
      ids[key] = (
        await t.db.query<{ id: string }>(
          `INSERT INTO tasks (directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                              due_date, state, search_text, created_by)
           VALUES ($1, $2, $3, '', 'ke_hoach', $4, $5, $6::date, $7, lower($2), $8) RETURNING id`,
          [directiveId, code(key), `Nhiệm vụ đôn đốc ${key}`, field, agencies[lead].id, due, state, office],
        )
      ).rows[0].id;
    }
    // A1's history, for the letter as of a past day (a past report reads history, not the row).
    const events: [
      event: string,
      from: string | null,
      to: string,
      role: string,
      agency: string | null,
      data: object,
    ][] = [
      ['CREATE', null, 'drafted', 'office', null, {}],
      [
        'ASSIGN',
        'drafted',
        'assigned',
        'office',
        null,
        { leadAgencyId: agencies[A].id, dueDate: addDays(today, -10), previousLeadAgencyId: null },
      ],
      ['START', 'assigned', 'in_progress', 'agency', agencies[A].id, {}],
    ];
    for (const [i, [event, from, to, role, agency, data]] of events.entries()) {
      await t.db.query(
        `INSERT INTO task_events (task_id, event, from_state, to_state, actor_role, actor_agency_id, data, task_version, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
        [ids.A1, event, from, to, role, agency, JSON.stringify(data), i + 1, new Date(Date.now() - (40 - i) * DAY)],
      );
    }
    await t.db.query(`UPDATE tasks SET version = $2 WHERE id = $1`, [ids.A1, events.length]);
  });
  afterAll(() => t.close());

  describe('GET: every lead agency with overdue tasks under the filters', () => {
    it('holds one letter per agency with overdue work, in the official order, named in Vietnamese', async () => {
      await withAgencyOrderLock(t.db, 'read', async () => {
        const res = await getZip({});
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/zip');
        expect(fileName(res)).toBe(`Công văn đôn đốc ${day}.zip`);
        const places = await t.db.query<{ id: string; sort_order: number | null; name: string }>(
          `SELECT id, sort_order, name FROM agencies WHERE id = ANY($1::uuid[])`,
          [[agencies[A].id, agencies[B].id]],
        );
        const expected = places.rows
          .map((r) => ({ sortOrder: r.sort_order, name: r.name }))
          .sort(compareAgencyOrder)
          .map((a) => `Công văn đôn đốc - ${a.name} - ${day}.docx`);
        const got = await letters(res.body as Buffer);
        // Exactly the two agencies with overdue work: not C (due soon only), not D (draft, cancelled).
        expect(got.map((l) => l.name)).toEqual(expected);
        // The names are stored as UTF-8 (general purpose bit 11 of the first local header).
        expect((res.body as Buffer).readUInt16LE(6) & 0x0800).toBe(0x0800);

        const a = got.find((l) => l.name.includes(agencies[A].name))!.text;
        expect(a).toContain(`Kính gửi: ${agencies[A].name}`);
        expect(a).toContain('còn 1 nhiệm vụ quá hạn và 1 nhiệm vụ sắp đến hạn chưa hoàn thành');
        expect(a).toContain(`${code('A1')}\tNhiệm vụ đôn đốc A1\t${directiveNumber}\t`);
        expect(a).toContain('Quá hạn 10 ngày');
        expect(a).toContain(`${code('A2')}\tNhiệm vụ đôn đốc A2\t`);
        expect(a).toContain('Còn 1 ngày');
        for (const other of ['A3', 'B1', 'C1', 'D1', 'D2']) expect(a).not.toContain(code(other));

        const b = got.find((l) => l.name.includes(agencies[B].name))!.text;
        expect(b).toContain(`Kính gửi: ${agencies[B].name}`);
        expect(b).toContain('còn 1 nhiệm vụ quá hạn chưa hoàn thành, cụ thể như sau:');
        expect(b).toContain(code('B1'));
        for (const other of ['A1', 'A2', 'A3', 'C1']) expect(b).not.toContain(code(other));
        for (const l of got) expect(l.text).not.toMatch(ZERO_TASKS);
      });
    });

    it('follows the official order the administrator set, not the alphabet', async () => {
      // By name Ban Tổ chức comes before Ban Tuyên giáo; placed, Ban Tuyên giáo goes first.
      await withAgencyOrderLock(t.db, 'set', async () => {
        await t.db.query(`UPDATE agencies SET sort_order = 1 WHERE id = $1`, [agencies[A].id]);
        await t.db.query(`UPDATE agencies SET sort_order = 2 WHERE id = $1`, [agencies[B].id]);
        const placed = await letters((await getZip({})).body as Buffer);
        expect(placed.map((l) => l.name)).toEqual([
          `Công văn đôn đốc - ${agencies[A].name} - ${day}.docx`,
          `Công văn đôn đốc - ${agencies[B].name} - ${day}.docx`,
        ]);
        await t.db.query(`UPDATE agencies SET sort_order = 1 WHERE id = $1`, [agencies[B].id]);
        await t.db.query(`UPDATE agencies SET sort_order = 2 WHERE id = $1`, [agencies[A].id]);
        const swapped = await letters((await getZip({})).body as Buffer);
        expect(swapped.map((l) => l.name)).toEqual([
          `Công văn đôn đốc - ${agencies[B].name} - ${day}.docx`,
          `Công văn đôn đốc - ${agencies[A].name} - ${day}.docx`,
        ]);
      });
    });

    it('the filters narrow it: a field, an agency', async () => {
      const byField = await letters((await getZip({ field: 'party_building' })).body as Buffer);
      expect(byField.map((l) => l.name)).toEqual([`Công văn đôn đốc - ${agencies[B].name} - ${day}.docx`]);
      expect(byField[0].text).toContain(code('B1'));
      const byAgency = await letters((await getZip({ agencyId: agencies[A].id })).body as Buffer);
      expect(byAgency.map((l) => l.name)).toEqual([`Công văn đôn đốc - ${agencies[A].name} - ${day}.docx`]);
    });

    it('is the same letter as the single urging letter', async () => {
      const zipped = (await letters((await getZip({})).body as Buffer)).find((l) => l.name.includes(agencies[B].name))!;
      const single = await t.http
        .get('/api/reports/urging-letter.docx')
        .query({ directiveId, agencyId: agencies[B].id })
        .set(await t.as('vanphong'))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(zipped.text).toBe(await docText(single.body as Buffer));
    });

    it('no agency with overdue work → 409 NOTHING_TO_URGE in Vietnamese, not an empty zip', async () => {
      // C has a task due soon and none overdue.
      const res = await getZip({ agencyId: agencies[C].id });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(error(res)).toMatchObject({
        statusCode: 409,
        code: 'NOTHING_TO_URGE',
        message: expect.stringContaining('không có công văn đôn đốc nào'),
      });
    });

    it('refuses bad filters like the other reports', async () => {
      const res = await getZip({ agencyId: '00000000-0000-4000-8000-000000000000' });
      expect(res.status).toBe(400);
      expect(error(res).code).toBe('UNKNOWN_AGENCY');
    });
  });

  describe('POST: letters for a list selection', () => {
    it('one letter per lead agency of the selection, each listing only its selected tasks', async () => {
      await withAgencyOrderLock(t.db, 'read', async () => {
        const res = await postZip({ taskIds: [ids.B1, ids.A2, ids.A3, ids.C1, ids.C2, ids.C1] });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/zip');
        expect(fileName(res)).toBe(`Công văn đôn đốc ${day}.zip`);
        const got = await letters(res.body as Buffer);
        const places = await t.db.query<{ sort_order: number | null; name: string }>(
          `SELECT sort_order, name FROM agencies WHERE id = ANY($1::uuid[])`,
          [[agencies[A].id, agencies[B].id, agencies[C].id]],
        );
        expect(got.map((l) => l.name)).toEqual(
          places.rows
            .map((r) => ({ sortOrder: r.sort_order, name: r.name }))
            .sort(compareAgencyOrder)
            .map((a) => `Công văn đôn đốc - ${a.name} - ${day}.docx`),
        );
        const text = (key: string) => got.find((l) => l.name.includes(agencies[key].name))!.text;
        // A: only the selected A2 (due soon); A1 (overdue) was not selected, A3 (not due) has nothing to urge.
        expect(text(A)).toContain('còn 1 nhiệm vụ sắp đến hạn chưa hoàn thành, cụ thể như sau:');
        expect(text(A)).toContain(code('A2'));
        expect(text(A)).not.toContain(code('A1'));
        expect(text(A)).not.toContain(code('A3'));
        expect(text(B)).toContain(code('B1'));
        expect(text(B)).not.toContain(code('A2'));
        expect(text(C)).toContain(`Kính gửi: ${agencies[C].name}`);
        expect(text(C)).toContain(code('C1'));
        // Selected twice, listed once; due today reads "Đến hạn", never "Còn 0 ngày".
        expect(text(C).split(code('C1'))).toHaveLength(2);
        expect(text(C)).toContain('còn 2 nhiệm vụ sắp đến hạn chưa hoàn thành');
        expect(text(C)).toContain(`${code('C2')}\tNhiệm vụ đôn đốc C2\t${directiveNumber}\t`);
        expect(text(C)).toContain('\tĐến hạn\t');
        expect(text(C)).not.toContain('Còn 0 ngày');
        for (const l of got) expect(l.text).not.toMatch(ZERO_TASKS);
      });
    });

    it('a selection with nothing overdue or due soon → 409 NOTHING_TO_URGE', async () => {
      const res = await postZip({ taskIds: [ids.A3, ids.D1, ids.D2] });
      expect(res.status).toBe(409);
      expect(error(res)).toMatchObject({ code: 'NOTHING_TO_URGE', message: expect.stringContaining('đã chọn') });
    });

    it('an id the caller cannot see is refused as not found, and names nothing', async () => {
      const unknown = randomUUID();
      const res = await postZip({ taskIds: [ids.A1, unknown] });
      expect(res.status).toBe(404);
      const body = error(res);
      expect(body.code).toBe('NOT_FOUND');
      expect(JSON.stringify(body)).not.toContain(unknown);
      expect(JSON.stringify(body)).not.toContain(ids.A1);
    });

    it('asOf: the selection as it stood at the end of that day', async () => {
      // Two days ago A1 (due ten days ago) was eight days overdue.
      const asOf = addDays(today, -2);
      const got = await letters((await postZip({ taskIds: [ids.A1], asOf })).body as Buffer);
      expect(got).toHaveLength(1);
      expect(got[0].name).toBe(`Công văn đôn đốc - ${agencies[A].name} - ${asOf.split('-').reverse().join('-')}.docx`);
      expect(got[0].text).toContain('Quá hạn 8 ngày');
    });

    it('refuses a malformed body', async () => {
      for (const body of [{ taskIds: [] }, { taskIds: ['x'] }, { taskIds: [ids.A1], extra: 1 }]) {
        const res = await postZip(body);
        expect({ body, status: res.status, code: error(res).code }).toEqual({
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    });
  });

  describe('who may', () => {
    it.each([
      ['vanphong', 200],
      ['thuongvu', 200],
      ['kiemtra', 200],
      [A, 403],
      [B, 403],
      ['admin', 403],
    ])('%s → %i, by filters and by selection', async (who, status) => {
      const get = await getZip({}, who);
      const post = await postZip({ taskIds: [ids.A1, ids.B1] }, who);
      expect([get.status, post.status]).toEqual([status, status]);
      if (status === 403) expect(error(post).code).toBe('FORBIDDEN');
    });

    it('anonymous → 401', async () => {
      const get = await t.http.get('/api/reports/urging-letters.zip').query({ directiveId });
      const post = await t.http.post('/api/reports/urging-letters.zip').send({ taskIds: [ids.A1] });
      expect([get.status, post.status]).toEqual([401, 401]);
    });
  });
});
