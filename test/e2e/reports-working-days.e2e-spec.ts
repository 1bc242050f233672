import { computedDaysOff } from '@dondoc/workflow';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Response } from 'supertest';
import { agencyId } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Lateness in working days, on the working calendar (on here, Saturday and Sunday off), in a directive of our own.
 * The story is set around Quốc khánh 2025: 30-31/08 a weekend, 01-02/09 the holiday (Monday and Tuesday), work
 * again on Wednesday 03/09. A deadline on Saturday 30/08 ends on 03/09.
 *
 * - W1 (A): due Sat 30/08 (ends 03/09), still in progress on 10/09, approved on Mon 15/09 (submitted then).
 * - W2 (A): due Fri 29/08, approved late on Thu 04/09.
 * - W3 (A): due Mon 01/09 (holiday, ends 03/09), approved on 03/09: on time on the calendar.
 * - W4 (B): due Fri 05/09, overdue on 10/09, approved on Fri 12/09.
 *
 * As of Wed 10/09: W1 is 7 calendar days late, 5 working days (04 05 08 09 10/09); W2 6 and 2 (03 04/09); W4 5 and
 * 3 (08 09 10/09). Live: W1 12 and 8 (to 15/09); W4 7 and 5 (to 12/09). A day off entered later (Tue 09/09, entered
 * on 20/09) takes a working day off the live figures, never off those as of 10/09.
 */

const A = 'ban-tuyen-giao';
const B = 'ban-to-chuc';
const ASOF = '2025-09-10';
const EXTRA_OFF = '2025-09-09';

/** A local (Asia/Ho_Chi_Minh) wall-clock time as an instant. */
const L = (s: string) => new Date(`${s}+07:00`);

interface Story {
  key: string;
  lead: string;
  due: string;
  effective: string;
  submittedAt: string;
  approvedAt: string;
}

describe('reports in working days (working calendar on)', () => {
  let t: TestApp;
  let directiveId: string;
  const ids: Record<string, string> = {};
  const agencies: Record<string, string> = {};
  const entries: string[] = [];

  const get = async (path: string, query: Record<string, string> = {}) =>
    t.http
      .get(`/api/reports/${path}`)
      .query({ directiveId, ...query })
      .set(await t.as('vanphong'));

  const stories = (): Story[] => [
    {
      key: 'W1',
      lead: agencies[A],
      due: '2025-08-30',
      effective: '2025-09-03',
      submittedAt: '2025-09-15T09:00:00',
      approvedAt: '2025-09-16T10:00:00',
    },
    {
      key: 'W2',
      lead: agencies[A],
      due: '2025-08-29',
      effective: '2025-08-29',
      submittedAt: '2025-09-04T09:00:00',
      approvedAt: '2025-09-05T10:00:00',
    },
    {
      key: 'W3',
      lead: agencies[A],
      due: '2025-09-01',
      effective: '2025-09-03',
      submittedAt: '2025-09-03T09:00:00',
      approvedAt: '2025-09-04T10:00:00',
    },
    {
      key: 'W4',
      lead: agencies[B],
      due: '2025-09-05',
      effective: '2025-09-05',
      submittedAt: '2025-09-12T09:00:00',
      approvedAt: '2025-09-15T10:00:00',
    },
  ];

  beforeAll(async () => {
    t = await startTestApp({ WORKING_CALENDAR: 'on' });
    agencies[A] = await agencyId(t.db, A);
    agencies[B] = await agencyId(t.db, B);
    const number = `${process.pid}${Date.now().toString(36)}-NLV/TU`;
    directiveId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO directives (number, kind, title, issued_on) VALUES ($1, 'conclusion', 'Kết luận thử ngày làm việc', '2025-08-01')
         RETURNING id`,
        [number],
      )
    ).rows[0].id;
    for (const s of stories()) {
      const submitter = (
        await t.db.query<{ id: string }>(`SELECT id FROM users WHERE agency_id = $1 ORDER BY username LIMIT 1`, [
          s.lead,
        ])
      ).rows[0].id;
      const r = await t.db.query<{ id: string }>(
        `INSERT INTO tasks (directive_id, code, title, deliverable_type, field, lead_agency_id, due_date,
                            effective_due_date, state, version, completed_at, escalation_level, search_text, revision)
         VALUES ($1, $2, $3, 'ke_hoach', 'economy', $4, $5::date, $6::date, 'approved', 5, $7, 0, lower($2), 0)
         RETURNING id`,
        [directiveId, `${number}-${s.key}`, `Nhiệm vụ ${s.key}`, s.lead, s.due, s.effective, L(s.submittedAt)],
      );
      ids[s.key] = r.rows[0].id;
      const events: [string, string, string | null, string | null, string, string | null, object][] = [
        ['2025-08-01T08:00:00', 'CREATE', null, 'drafted', 'office', null, {}],
        [
          '2025-08-02T08:00:00',
          'ASSIGN',
          'drafted',
          'assigned',
          'office',
          null,
          { leadAgencyId: s.lead, dueDate: s.due, previousLeadAgencyId: null },
        ],
        ['2025-08-04T08:00:00', 'START', 'assigned', 'in_progress', 'agency', s.lead, {}],
        [s.submittedAt, 'SUBMIT', 'in_progress', 'submitted', 'agency', s.lead, {}],
        [s.approvedAt, 'APPROVE', 'submitted', 'approved', 'standing_committee', null, {}],
      ];
      for (const [i, [at, event, from, to, role, agency, data]] of events.entries()) {
        await t.db.query(
          `INSERT INTO task_events (task_id, event, from_state, to_state, actor_role, actor_agency_id, comment, data,
                                    task_version, at)
           VALUES ($1, $2, $3, $4, $5, $6, NULL, $7::jsonb, $8, $9)`,
          [ids[s.key], event, from, to, role, agency, JSON.stringify(data), i + 1, L(at)],
        );
      }
      await t.db.query(
        `INSERT INTO submissions (task_id, seq, revision, submitted_by, submitted_at, decision, decided_at)
         VALUES ($1, 1, 0, $2, $3, 'approved', $4)`,
        [ids[s.key], submitter, L(s.submittedAt), L(s.approvedAt)],
      );
    }
  });

  afterAll(async () => {
    // The entry of this suite must not move other suites' 2025 dates.
    if (entries.length) await t.db.query(`DELETE FROM calendar_entries WHERE id = ANY($1::bigint[])`, [entries]);
    await t.close();
  });

  const lateness = (tasks: number, wd: number, wdMax: number, cd: number, cdMax: number) => ({
    tasks,
    workingDaysTotal: wd,
    workingDaysMax: wdMax,
    calendarDaysTotal: cd,
    calendarDaysMax: cdMax,
  });
  const byCode = (body: { rows: { agencyCode: string; lateness: unknown }[] }) =>
    Object.fromEntries(body.rows.map((r) => [r.agencyCode, r.lateness]));

  // As of 10/09: A has W1 (5 wd, 7 d) and W2 (2 wd, 6 d); B has W4 (3 wd, 5 d).
  const PAST_A = lateness(2, 7, 5, 13, 7);
  const PAST_B = lateness(1, 3, 3, 5, 5);
  const PAST_TOTAL = lateness(3, 10, 5, 18, 7);

  async function asOfFigures() {
    const [agency, directive, escalations] = await Promise.all([
      get('by-agency', { asOf: ASOF }),
      get('by-directive', { asOf: ASOF }),
      get('escalations', { asOf: ASOF }),
    ]);
    for (const res of [agency, directive, escalations]) expect(res.status).toBe(200);
    return { agency: agency.body, directive: directive.body, escalations: escalations.body };
  }

  it('as of a past day: statuses judged on the day each deadline ends, days late in working and calendar days', async () => {
    const { agency, directive, escalations } = await asOfFigures();
    expect(byCode(agency)).toEqual({ [A]: PAST_A, [B]: PAST_B });
    expect(agency.latenessTotals).toEqual(PAST_TOTAL);
    // W3 was approved on the day its holiday deadline ends: on time. W2 late; W1 and W4 overdue.
    expect(agency.totals).toMatchObject({ total: 4, finished: 2, onTime: 1, late: 1, unfinished: 2, overdue: 2 });
    expect(directive.rows).toHaveLength(1);
    expect(directive.rows[0].lateness).toEqual(PAST_TOTAL);
    expect(directive.latenessTotals).toEqual(PAST_TOTAL);
    expect(escalations.items).toEqual([
      expect.objectContaining({
        taskId: ids.W1,
        dueDate: '2025-08-30',
        effectiveDueDate: '2025-09-03',
        daysOverdue: 7,
        workingDaysOverdue: 5,
      }),
      expect.objectContaining({
        taskId: ids.W4,
        dueDate: '2025-09-05',
        effectiveDueDate: '2025-09-05',
        daysOverdue: 5,
        workingDaysOverdue: 3,
      }),
    ]);
  });

  it('on the holiday itself a deadline on the weekend before is not yet overdue', async () => {
    const res = await get('summary', { asOf: '2025-09-02' });
    // W1 (Sat 30/08) and W3 (Mon 01/09) end on 03/09: due soon; W2 (Fri 29/08) and W4 not finished either.
    expect(res.body.figures).toMatchObject({ total: 4, unfinished: 4, overdue: 1, dueSoon: 3 });
  });

  it('live: to the day of approval, on the calendar in force now', async () => {
    const res = await get('by-agency');
    expect(res.status).toBe(200);
    // W1 12 d / 8 wd (03/09 → 15/09); W2 6 / 2; W4 7 / 5 (05/09 → 12/09).
    expect(byCode(res.body)).toEqual({ [A]: lateness(2, 10, 8, 18, 12), [B]: lateness(1, 5, 5, 7, 7) });
    expect(res.body.totals).toMatchObject({ total: 4, finished: 4, onTime: 1, late: 3 });
    expect((await get('escalations')).body.items).toEqual([]);
  });

  it('a day off entered after the as-of day changes the live figures and those after it, not those before', async () => {
    const before = await asOfFigures();
    // The entry replaces the year's computed holidays: keep them, and add Tuesday 09/09.
    const days = [...computedDaysOff(2025), { date: EXTRA_OFF, kind: 'off', name: 'Nghỉ thử nghiệm' }];
    entries.push(
      (
        await t.db.query<{ id: string }>(
          `INSERT INTO calendar_entries (year, days, source, entered_at) VALUES (2025, $1::jsonb, 'Thông báo thử nghiệm', $2)
           RETURNING id::text AS id`,
          [JSON.stringify(days), L('2025-09-20T09:00:00')],
        )
      ).rows[0].id,
    );
    const after = await asOfFigures();
    const { generatedAt: _a, ...beforeAgency } = before.agency;
    const { generatedAt: _b, ...afterAgency } = after.agency;
    expect(afterAgency).toEqual(beforeAgency);
    expect(after.directive.latenessTotals).toEqual(PAST_TOTAL);
    expect(after.escalations.items.map((i: { workingDaysOverdue: number }) => i.workingDaysOverdue)).toEqual([5, 3]);

    // Live: W1 and W4 count 09/09 no longer; calendar days stay.
    const live = await get('by-agency');
    expect(byCode(live.body)).toEqual({ [A]: lateness(2, 9, 7, 18, 12), [B]: lateness(1, 4, 4, 7, 7) });
    // As of a day after the entry was made, it is in force.
    const later = await get('by-agency', { asOf: '2025-09-30' });
    expect(byCode(later.body)).toEqual({ [A]: lateness(2, 9, 7, 18, 12), [B]: lateness(1, 4, 4, 7, 7) });
  });

  describe('documents', () => {
    const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    };
    const workbook = async (path: string, query: Record<string, string>) => {
      const res = await t.http
        .get(`/api/reports/${path}`)
        .query({ directiveId, ...query })
        .set(await t.as('vanphong'))
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
      return wb.worksheets[0];
    };

    const docText = async (path: string, query: Record<string, string>) => {
      const res = await t.http
        .get(`/api/reports/${path}`)
        .query({ directiveId, ...query })
        .set(await t.as('vanphong'))
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      const xml = await (await JSZip.loadAsync(res.body as Buffer)).file('word/document.xml')!.async('string');
      return xml
        .replace(/<\/w:p><\/w:tc>/g, '\t')
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, '');
    };

    it('the urging letter and the periodic report say how many working days late', async () => {
      const letter = await docText('urging-letter.docx', { asOf: ASOF, agencyId: agencies[A] });
      expect(letter).toContain('30/08/2025 (kết thúc 03/09/2025)\tQuá hạn 5 ngày làm việc (7 ngày)');
      const periodic = await docText('periodic.docx', { asOf: ASOF });
      expect(periodic).toContain('Số ngày làm việc quá hạn');
      expect(periodic).toContain('30/08/2025 (kết thúc 03/09/2025)\t7\t5\t');
      // Agency rows: … overdue (unfinished), then working and calendar days late.
      expect(periodic).toContain('Tổng cộng\t4\t2\t1\t1\t2\t2\t10\t18\t');
    });

    it('by-agency.xlsx shows working and calendar days late after the rates', async () => {
      const ws = await workbook('by-agency.xlsx', { asOf: ASOF });
      const headers = [15, 16, 17, 18].map((c) => ws.getRow(4).getCell(c).value);
      expect(headers).toEqual([
        'Số ngày làm việc quá hạn',
        'Số ngày quá hạn',
        'Số ngày làm việc quá hạn (lâu nhất)',
        'Số ngày quá hạn (lâu nhất)',
      ]);
      const cells = (r: number) => [15, 16, 17, 18].map((c) => ws.getRow(r).getCell(c).value);
      // Rows in Vietnamese order: Ban Tổ chức (B), Ban Tuyên giáo (A), then the total.
      expect(cells(5)).toEqual([3, 5, 3, 5]);
      expect(cells(6)).toEqual([7, 13, 5, 7]);
      expect(ws.getRow(7).getCell(2).value).toBe('Tổng cộng');
      expect(cells(7)).toEqual([10, 18, 5, 7]);
    });

    it('tasks.xlsx shows the working days late of each task beside its calendar days', async () => {
      const ws = await workbook('tasks.xlsx', { asOf: ASOF });
      expect(ws.getRow(4).getCell(13).value).toBe('Số ngày quá hạn');
      expect(ws.getRow(4).getCell(18).value).toBe('Số ngày làm việc quá hạn');
      const days: Record<string, [unknown, unknown]> = {};
      for (let r = 5; r <= ws.rowCount; r++) {
        days[ws.getRow(r).getCell(2).text.split('-').pop()!] = [
          ws.getRow(r).getCell(13).value,
          ws.getRow(r).getCell(18).value,
        ];
      }
      expect(days).toEqual({ W1: [7, 5], W2: [6, 2], W3: [0, 0], W4: [5, 3] });
    });
  });
});
