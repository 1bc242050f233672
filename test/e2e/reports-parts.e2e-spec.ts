import { randomUUID } from 'node:crypto';
import {
  CalendarStore,
  TaskChangeWriter,
  createDataSource,
  type ChangeActor,
  type TaskChange,
} from '@dondoc/persistence';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { DataSource, EntityManager } from 'typeorm';
import { CALENDAR_OFF, startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';

/**
 * The statistics of a task's parts: key tasks apart, coordinating agencies' timeliness, milestones by
 * lead agency and progress in the documents, live and as of a past day. The parts are written through the
 * task-change writer with the history data shapes (the parts' own rows in the same transaction), on a
 * directive of our own that every request filters by.
 *
 * The story is told in three steps on three past days. After each step the live figures are read; later,
 * the figures as of that day must be the same. Every date still unsettled after a step lies before that
 * step's day or after today, so judging it on the step's day or today gives the same answer.
 */

const A = 'ban-tuyen-giao';
const B = 'ban-to-chuc';
const C = 'ban-dan-van';
const D1 = '2024-03-31';
const D2 = '2024-05-10';
/** A local (Asia/Ho_Chi_Minh) wall-clock time as an instant. */
const L = (s: string) => new Date(`${s}+07:00`);

describe('reports of the parts of tasks', () => {
  let t: TestApp;
  let ds: DataSource;
  // The suites' calendar is off (see test-app.ts): a deadline ends on its own day.
  const writer = new TaskChangeWriter(new CalendarStore(CALENDAR_OFF));
  let directiveId: string;
  let directiveNumber: string;
  const agency: Record<string, string> = {};
  const agencyName: Record<string, string> = {};
  const user: Record<string, ChangeActor> = {};
  const task: Record<'K' | 'N', string> = { K: '', N: '' };
  const c = { c1: randomUUID(), c2: randomUUID(), c3: randomUUID(), c4: randomUUID() };
  const m = { m1: randomUUID(), m2: randomUUID(), m3: randomUUID(), m4: randomUUID() };
  let periodId: string;
  /** Live answers read right after each step. */
  const live: Record<string, Record<string, unknown>> = {};
  const VIEWS = ['summary', 'by-agency', 'coordination', 'milestones'] as const;

  const get = async (path: string, query: Record<string, string> = {}) =>
    t.http
      .get(`/api/reports/${path}`)
      .query({ directiveId, ...query })
      .set(await t.as('vanphong'));

  /** A change through the writer with our own rows beside it, in one transaction. */
  const change = (
    c0: Omit<TaskChange, 'from'> & { from?: TaskChange['from'] },
    rows: (m: EntityManager) => Promise<unknown> = () => Promise.resolve(),
  ) =>
    ds.transaction(async (em) => {
      const applied = await writer.apply(em, { from: 'in_progress', ...c0 });
      expect(applied?.eventId).toBeTruthy();
      await rows(em);
    });

  const requestContribution = (key: 'K' | 'N', id: string, coordinator: string, dueDate: string, at: string) =>
    change(
      {
        kind: 'CONTRIBUTION_REQUESTED',
        taskId: task[key],
        actor: user.office,
        targetAgencyId: agency[coordinator],
        data: { contributionId: id, agencyId: agency[coordinator], dueDate, request: 'Đề nghị góp ý' },
        at: L(at),
      },
      (em) =>
        em.query(
          `INSERT INTO contributions (id, task_id, agency_id, request, due_date, status, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, 'Đề nghị góp ý', $4::date, 'requested', $5, $6, $6)`,
          [id, task[key], agency[coordinator], dueDate, user.office.userId, L(at)],
        ),
    );

  const submitContribution = (key: 'K' | 'N', id: string, coordinator: string, seq: number, at: string) =>
    change(
      {
        kind: 'CONTRIBUTION_SUBMITTED',
        taskId: task[key],
        actor: user[coordinator],
        targetAgencyId: agency[coordinator],
        data: { contributionId: id, agencyId: agency[coordinator], seq },
        at: L(at),
      },
      async (em) => {
        await em.query(
          `INSERT INTO contribution_versions (contribution_id, seq, note, submitted_by, submitted_at) VALUES ($1, $2, 'Ý kiến', $3, $4)`,
          [id, seq, user[coordinator].userId, L(at)],
        );
        await em.query(`UPDATE contributions SET status = 'submitted', updated_at = $2 WHERE id = $1`, [id, L(at)]);
      },
    );

  const decideContribution = (
    key: 'K' | 'N',
    id: string,
    coordinator: string,
    seq: number,
    decision: 'accepted' | 'returned',
    at: string,
  ) =>
    change(
      {
        kind: decision === 'accepted' ? 'CONTRIBUTION_ACCEPTED' : 'CONTRIBUTION_RETURNED',
        taskId: task[key],
        actor: user[key === 'K' ? A : B],
        targetAgencyId: agency[coordinator],
        data: { contributionId: id, agencyId: agency[coordinator], seq },
        comment: decision === 'returned' ? 'Đề nghị bổ sung' : null,
        at: L(at),
      },
      async (em) => {
        await em.query(
          `UPDATE contribution_versions SET decision = $3, decided_at = $4 WHERE contribution_id = $1 AND seq = $2`,
          [id, seq, decision, L(at)],
        );
        await em.query(`UPDATE contributions SET status = $2 WHERE id = $1`, [id, decision]);
      },
    );

  /** The milestones of a task become `list` (those left out are removed). */
  const setMilestones = (key: 'K' | 'N', list: { id: string; label: string; dueDate: string }[], at: string) =>
    change(
      {
        kind: 'MILESTONES_SET',
        taskId: task[key],
        actor: user.office,
        data: { milestones: list },
        at: L(at),
      },
      async (em) => {
        for (const ms of list) {
          await em.query(
            `INSERT INTO milestones (id, task_id, label, due_date, created_at) VALUES ($1, $2, $3, $4::date, $5)
             ON CONFLICT (id) DO NOTHING`,
            [ms.id, task[key], ms.label, ms.dueDate, L(at)],
          );
        }
        await em.query(
          `UPDATE milestones SET removed_at = $3 WHERE task_id = $1 AND removed_at IS NULL AND NOT (id = ANY($2::uuid[]))`,
          [task[key], list.map((x) => x.id), L(at)],
        );
      },
    );

  const milestoneDone = (key: 'K' | 'N', id: string, at: string) =>
    change({ kind: 'MILESTONE_DONE', taskId: task[key], actor: user[A], data: { milestoneId: id }, at: L(at) }, (em) =>
      em.query(`UPDATE milestones SET done_at = $2, done_by = $3 WHERE id = $1`, [id, L(at), user[A].userId]),
    );

  const reportProgress = (key: 'K' | 'N', percent: number, narrative: string, at: Date, period: string | null) => {
    const reportId = randomUUID();
    const lead = key === 'K' ? A : B;
    return change(
      {
        kind: 'PROGRESS_REPORTED',
        taskId: task[key],
        actor: user[lead],
        set: { progressPercent: percent, progressAt: at },
        data: { reportId, percent, periodId: period },
        at,
      },
      (em) =>
        em.query(
          `INSERT INTO progress_reports (id, task_id, period_id, percent, narrative, agency_id, reported_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [reportId, task[key], period, percent, narrative, agency[lead], user[lead].userId, at],
        ),
    );
  };

  /** Every view as it is now, without the header that says when it was read. */
  const readLive = async () => {
    const out: Record<string, unknown> = {};
    for (const v of VIEWS) out[v] = strip((await get(v)).body as Record<string, unknown>);
    return out;
  };
  const readAsOf = async (day: string) => {
    const out: Record<string, unknown> = {};
    for (const v of VIEWS) out[v] = strip((await get(v, { asOf: day })).body as Record<string, unknown>);
    return out;
  };
  function strip(body: Record<string, unknown>) {
    const { asOf: _a, live: _l, generatedAt: _g, latenessTotals: _t, ...rest } = body;
    // Days late count up to the report's moment: the "live" reads here happen today, not on the step's day, so
    // only the time-independent figures can be compared (reports-working-days checks the lateness as of a day).
    if (Array.isArray(rest.rows)) {
      rest.rows = (rest.rows as Record<string, unknown>[]).map(({ lateness: _x, ...row }) => row);
    }
    return rest;
  }
  /** Rows of a by-agency view as agency code → figures. */
  const byCode = (body: { rows: { agencyCode: string; figures: unknown }[] }) =>
    Object.fromEntries(body.rows.map((r) => [r.agencyCode, r.figures]));

  beforeAll(async () => {
    t = await startTestApp();
    ds = createDataSource({ url: testDatabaseUrl(), poolSize: 2 });
    await ds.initialize();
    for (const code of [A, B, C]) {
      const r = await t.db.query<{ id: string; name: string }>(`SELECT id, name FROM agencies WHERE code = $1`, [code]);
      agency[code] = r.rows[0].id;
      agencyName[code] = r.rows[0].name;
    }
    for (const username of ['vanphong', A, B, C]) {
      const r = await t.db.query<{ id: string; role: string; agency_id: string | null }>(
        `SELECT id, role, agency_id FROM users WHERE username = $1`,
        [username],
      );
      user[username === 'vanphong' ? 'office' : username] = {
        userId: r.rows[0].id,
        role: r.rows[0].role,
        agencyId: r.rows[0].agency_id,
      };
    }
    directiveNumber = `${process.pid}${Date.now().toString(36)}-PH/TU`;
    directiveId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO directives (number, kind, title, issued_on) VALUES ($1, 'conclusion', 'Kết luận thử phần việc', '2024-02-20')
         RETURNING id`,
        [directiveNumber],
      )
    ).rows[0].id;
    periodId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO reporting_periods (kind, label, starts_on, ends_on, due_date, opened_by, opened_at)
         VALUES ('custom', $1, '2024-04-01', '2024-04-30', '2024-05-05', $2, $3) RETURNING id`,
        [`Tháng 4/2024 (${directiveNumber})`, user.office.userId, L('2024-04-01T08:00:00')],
      )
    ).rows[0].id;

    // Setup, 01/03/2024: K (lead A, due 2099, not yet key) and N (lead B, overdue since 20/02) in progress.
    for (const [key, lead, due] of [
      ['K', A, '2099-12-31'],
      ['N', B, '2024-02-20'],
    ] as const) {
      const [row] = await writer.create(
        ds,
        directiveId,
        [
          {
            code: `${directiveNumber}-${key}`,
            title: `Nhiệm vụ ${key}`,
            description: '',
            deliverableType: 'ke_hoach',
            field: 'economy',
            leadAgencyId: null,
            coordinatingAgencyIds: [],
            dueDate: null,
            deadlineText: null,
            searchText: `nhiem vu ${key}`,
          },
        ],
        user.office,
        { at: L('2024-03-01T08:00:00') },
      );
      task[key] = row.id;
      await change({
        kind: 'ASSIGN',
        taskId: row.id,
        actor: user.office,
        from: 'drafted',
        expect: { version: row.version },
        set: { state: 'assigned', leadAgencyId: agency[lead], dueDate: due },
        data: { leadAgencyId: agency[lead], dueDate: due, previousLeadAgencyId: null },
        at: L('2024-03-01T09:00:00'),
      });
      await change({
        kind: 'START',
        taskId: row.id,
        actor: user[lead],
        from: 'assigned',
        expect: { version: row.version + 1 },
        set: { state: 'in_progress' },
        at: L('2024-03-01T10:00:00'),
      });
    }
    await requestContribution('K', c.c1, B, '2024-03-15', '2024-03-01T11:00:00');
    await requestContribution('K', c.c2, C, '2099-06-30', '2024-03-01T11:05:00');
    await requestContribution('N', c.c3, A, '2024-03-20', '2024-03-01T11:10:00');
    await requestContribution('N', c.c4, C, '2024-03-20', '2024-03-01T11:15:00');
    await setMilestones(
      'K',
      [
        { id: m.m1, label: 'Quý I', dueDate: '2024-03-31' },
        { id: m.m3, label: 'Năm 2099', dueDate: '2099-01-31' },
      ],
      '2024-03-01T12:00:00',
    );
    await setMilestones('N', [{ id: m.m4, label: 'Giữa tháng 3', dueDate: '2024-03-15' }], '2024-03-01T12:05:00');

    // Step 1, up to 01/04/2024: c1 in late on its due day (on time), c3 two days late, c4 never; m1 done on time.
    await submitContribution('K', c.c1, B, 1, '2024-03-15T23:00:00');
    await submitContribution('N', c.c3, A, 1, '2024-03-22T09:00:00');
    await milestoneDone('K', m.m1, '2024-03-30T09:00:00');
    await reportProgress('N', 10, 'Đã xây dựng đề cương', L('2024-03-25T09:00:00'), null);
    live.step1 = await readLive();

    // Step 2, up to 10/05/2024: K becomes a key task; c1 accepted; c3 returned and sent again; c2 removed;
    // K gains m2 (30/04, done 02/05: late); N's milestone removed; progress in April and May.
    await change({
      kind: 'PEOPLE_SET',
      taskId: task.K,
      actor: user.office,
      set: { isKey: true },
      data: { isKey: true },
      at: L('2024-04-02T08:00:00'),
    });
    await decideContribution('K', c.c1, B, 1, 'accepted', '2024-04-03T09:00:00');
    await decideContribution('N', c.c3, A, 1, 'returned', '2024-04-04T09:00:00');
    await submitContribution('N', c.c3, A, 2, '2024-04-08T09:00:00');
    await setMilestones(
      'K',
      [
        { id: m.m1, label: 'Quý I', dueDate: '2024-03-31' },
        { id: m.m2, label: 'Tháng 4', dueDate: '2024-04-30' },
        { id: m.m3, label: 'Năm 2099', dueDate: '2099-01-31' },
      ],
      '2024-04-05T08:00:00',
    );
    await setMilestones('N', [], '2024-04-06T08:00:00');
    await reportProgress('N', 20, 'Đang lấy ý kiến các sở', L('2024-04-15T09:00:00'), null);
    await reportProgress('K', 40, 'Hoàn thành dự thảo lần 1', L('2024-04-20T09:00:00'), null);
    await milestoneDone('K', m.m2, '2024-05-02T09:00:00');
    await change(
      {
        kind: 'CONTRIBUTION_REMOVED',
        taskId: task.K,
        actor: user.office,
        targetAgencyId: agency[C],
        data: { contributionId: c.c2, agencyId: agency[C] },
        at: L('2024-05-01T09:00:00'),
      },
      (em) => em.query(`DELETE FROM contributions WHERE id = $1`, [c.c2]),
    );
    await reportProgress('N', 30, 'Trình Ban Thường vụ dự thảo', L('2024-05-05T09:00:00'), null);
    live.step2 = await readLive();

    // Step 3, today: K reports for April's period, late.
    await reportProgress('K', 60, 'Báo cáo kỳ tháng 4: đã tiếp thu ý kiến', new Date(), periodId);
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await t?.close();
  });

  it('as of each step, the figures are those the live report gave then', async () => {
    expect(await readAsOf(D1)).toEqual(live.step1);
    // A day between two steps sees the earlier one.
    expect(await readAsOf('2024-04-01')).toEqual(live.step1);
    expect(await readAsOf(D2)).toEqual(live.step2);
    expect(await readAsOf('2024-05-20')).toEqual(live.step2);
  });

  it('coordinating agencies: on time, late, overdue not submitted, accepted, by agency (hand-counted)', async () => {
    const step1 = live.step1.coordination as Parameters<typeof byCode>[0] & { totals: unknown };
    expect(byCode(step1)).toEqual({
      [A]: { requested: 1, submitted: 1, onTime: 0, late: 1, overdue: 0, notDue: 0, accepted: 0, onTimeRate: 0 },
      [B]: { requested: 1, submitted: 1, onTime: 1, late: 0, overdue: 0, notDue: 0, accepted: 0, onTimeRate: 1 },
      [C]: { requested: 2, submitted: 0, onTime: 0, late: 0, overdue: 1, notDue: 1, accepted: 0, onTimeRate: 0 },
    });
    expect(step1.totals).toEqual({
      requested: 4,
      submitted: 2,
      onTime: 1,
      late: 1,
      overdue: 1,
      notDue: 1,
      accepted: 0,
      onTimeRate: 0.3333,
    });
    const now = (await get('coordination')).body as Parameters<typeof byCode>[0] & { totals: unknown };
    // c2 removed; c1 accepted; c3 sent again after a return stays late (its first submission counts).
    expect(byCode(now)).toEqual({
      [A]: { requested: 1, submitted: 1, onTime: 0, late: 1, overdue: 0, notDue: 0, accepted: 0, onTimeRate: 0 },
      [B]: { requested: 1, submitted: 1, onTime: 1, late: 0, overdue: 0, notDue: 0, accepted: 1, onTimeRate: 1 },
      [C]: { requested: 1, submitted: 0, onTime: 0, late: 0, overdue: 1, notDue: 0, accepted: 0, onTimeRate: 0 },
    });
    // With an agency, only what was asked of it as a coordinator.
    const onlyC = (await get('coordination', { agencyId: agency[C], asOf: D1 })).body as Parameters<typeof byCode>[0];
    expect(Object.keys(byCode(onlyC))).toEqual([C]);
  });

  it('milestones by lead agency: done on time, done late, missed, upcoming (hand-counted)', async () => {
    const empty = { total: 0, doneOnTime: 0, doneLate: 0, missed: 0, upcoming: 0 };
    expect(byCode(live.step1.milestones as Parameters<typeof byCode>[0])).toEqual({
      [A]: { ...empty, total: 2, doneOnTime: 1, upcoming: 1 },
      [B]: { ...empty, total: 1, missed: 1 },
    });
    const now = (await get('milestones')).body as Parameters<typeof byCode>[0] & { totals: unknown };
    expect(byCode(now)).toEqual({ [A]: { ...empty, total: 3, doneOnTime: 1, doneLate: 1, upcoming: 1 } });
    expect(now.totals).toEqual({ ...empty, total: 3, doneOnTime: 1, doneLate: 1, upcoming: 1 });
  });

  it('key tasks are counted apart, as they were on each day', async () => {
    const s1 = live.step1.summary as { figures: { total: number }; keyFigures: { total: number } };
    expect([s1.figures.total, s1.keyFigures.total]).toEqual([2, 0]);
    const s2 = (await get('summary')).body as {
      figures: { total: number; overdue: number };
      keyFigures: { total: number; notDue: number; overdue: number };
    };
    expect([s2.figures.total, s2.figures.overdue]).toEqual([2, 1]);
    expect([s2.keyFigures.total, s2.keyFigures.notDue, s2.keyFigures.overdue]).toEqual([1, 1, 0]);
    const agencies = (await get('by-agency')).body as {
      rows: { agencyCode: string; keyFigures: { total: number } }[];
      keyTotals: { total: number };
    };
    expect(Object.fromEntries(agencies.rows.map((r) => [r.agencyCode, r.keyFigures.total]))).toEqual({
      [A]: 1,
      [B]: 0,
    });
    expect(agencies.keyTotals.total).toBe(1);
  });

  describe('documents', () => {
    const file = async (path: string, query: Record<string, string>) =>
      t.http
        .get(`/api/reports/${path}`)
        .query({ directiveId, ...query })
        .set(await t.as('vanphong'))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (ch: Buffer) => chunks.push(ch));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
    const docText = async (body: Buffer) => {
      const zip = await JSZip.loadAsync(body);
      const xml = await zip.file('word/document.xml')!.async('string');
      return xml
        .replace(/<\/w:p><\/w:tc>/g, '\t')
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&');
    };
    const workbook = async (body: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(body).buffer);
      return wb;
    };
    /** Rows of a sheet from row 5 on, by the text of column `keyCol`. */
    const rowsBy = (ws: ExcelJS.Worksheet, keyCol: number) => {
      const out: Record<string, ExcelJS.Row> = {};
      for (let r = 5; r <= ws.rowCount; r++) out[ws.getRow(r).getCell(keyCol).text] = ws.getRow(r);
      return out;
    };

    it('periodic.docx: key tasks, coordinators, milestones and the progress of the period', async () => {
      const res = await file('periodic.docx', { periodId });
      expect(res.status).toBe(200);
      const text = await docText(res.body as Buffer);
      expect(text).toContain('Nhiệm vụ trọng tâm: 1 nhiệm vụ, chưa có nhiệm vụ nào hoàn thành; chưa hoàn thành 1');
      expect(text).toContain('IV. PHỐI HỢP CỦA CÁC CƠ QUAN PHỐI HỢP');
      // Coordinator rows: asked, sent, on time, late, overdue not sent, accepted.
      expect(text).toContain(`${agencyName[B]}\t1\t1\t1\t0\t0\t1\t`);
      expect(text).toContain(`${agencyName[A]}\t1\t1\t0\t1\t0\t0\t`);
      expect(text).toContain(`${agencyName[C]}\t1\t0\t0\t0\t1\t0\t`);
      expect(text).toContain('Tổng cộng\t3\t2\t1\t1\t1\t1\t');
      // Milestone rows: milestones, done on time, done late, missed, upcoming.
      expect(text).toContain(`${agencyName[A]}\t3\t1\t1\t0\t1\t`);
      // Progress of April's period: K's report for the period, N's latest made in April.
      expect(text).toContain(`VI. TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ (KỲ BÁO CÁO: THÁNG 4/2024`);
      expect(text).toContain(`Nhiệm vụ K (${directiveNumber}) - trọng tâm\t${agencyName[A]}\t60%\tBáo cáo kỳ tháng 4`);
      expect(text).toContain(`Nhiệm vụ N (${directiveNumber})\t${agencyName[B]}\t20%\tĐang lấy ý kiến các sở`);
    });

    it('periodic.docx without a period shows the latest progress; as of a past day, the latest then', async () => {
      const now = await docText((await file('periodic.docx', {})).body as Buffer);
      expect(now).toContain(`\t${agencyName[B]}\t30%\tTrình Ban Thường vụ dự thảo`);
      expect(now).toContain(`\t${agencyName[A]}\t60%\t`);
      const then = await docText((await file('periodic.docx', { asOf: D1 })).body as Buffer);
      expect(then).toContain(`Nhiệm vụ K (${directiveNumber})\t${agencyName[A]}\t\tChưa báo cáo`);
      expect(then).toContain(`\t${agencyName[B]}\t10%\tĐã xây dựng đề cương`);
      expect(then).not.toContain('Nhiệm vụ trọng tâm:');
      // The milestones and coordinators then.
      expect(then).toContain(`${agencyName[C]}\t2\t0\t0\t0\t1\t0\t`);
      expect(then).toContain(`${agencyName[B]}\t1\t0\t0\t1\t0\t`);
    });

    it('an unknown period is refused', async () => {
      for (const view of ['periodic.docx', 'tasks.xlsx']) {
        const res = await get(view, { periodId: randomUUID() });
        expect({ view, status: res.status, code: (res.body as { code: string }).code }).toEqual({
          view,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    });

    it('tasks.xlsx: key task, percentage, narrative and day of the progress for the period', async () => {
      const ws = (await workbook((await file('tasks.xlsx', { periodId })).body as Buffer)).worksheets[0];
      expect(ws.getRow(4).getCell(15).text).toContain('Tháng 4/2024');
      const rows = rowsBy(ws, 2);
      const k = rows[`${directiveNumber}-K`];
      expect([k.getCell(14).value, k.getCell(15).value, k.getCell(16).value]).toEqual([
        'x',
        60,
        'Báo cáo kỳ tháng 4: đã tiếp thu ý kiến',
      ]);
      const n = rows[`${directiveNumber}-N`];
      expect([n.getCell(14).value, n.getCell(15).value, n.getCell(16).value, n.getCell(17).value]).toEqual([
        '',
        20,
        'Đang lấy ý kiến các sở',
        new Date('2024-04-15T00:00:00Z'),
      ]);
      const past = rowsBy((await workbook((await file('tasks.xlsx', { asOf: D2 })).body as Buffer)).worksheets[0], 2);
      expect(past[`${directiveNumber}-K`].getCell(15).value).toBe(40);
      expect(past[`${directiveNumber}-N`].getCell(15).value).toBe(30);
    });

    it('by-agency.xlsx: sheets of key tasks, coordinators and milestones holding the JSON figures', async () => {
      const wb = await workbook((await file('by-agency.xlsx', {})).body as Buffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        'Theo cơ quan chủ trì',
        'Nhiệm vụ trọng tâm',
        'Phối hợp',
        'Mốc thực hiện',
      ]);
      const key = rowsBy(wb.getWorksheet('Nhiệm vụ trọng tâm')!, 2);
      expect(key[agencyName[A]].getCell(3).value).toBe(1);
      expect(key[agencyName[B]]).toBeUndefined();
      const co = rowsBy(wb.getWorksheet('Phối hợp')!, 2);
      expect([3, 4, 5, 6, 7, 8, 9].map((i) => co[agencyName[A]].getCell(i).value)).toEqual([1, 1, 0, 1, 0, 0, 0]);
      expect([3, 4, 5, 6, 7, 8, 9].map((i) => co['Tổng cộng'].getCell(i).value)).toEqual([3, 2, 1, 1, 1, 0, 1]);
      const ms = rowsBy(wb.getWorksheet('Mốc thực hiện')!, 2);
      expect([3, 4, 5, 6, 7].map((i) => ms[agencyName[A]].getCell(i).value)).toEqual([3, 1, 1, 0, 1]);
    });

    it("the task list's export holds each task's latest progress", async () => {
      const res = await t.http
        .post('/api/tasks/export.xlsx')
        .set(await t.as('vanphong'))
        .send({ taskIds: [task.K, task.N] })
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (ch: Buffer) => chunks.push(ch));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      const ws = (await workbook(res.body as Buffer)).worksheets[0];
      const rows = rowsBy(ws, 1);
      const k = rows[`${directiveNumber}-K`];
      expect([k.getCell(10).value, k.getCell(11).value, k.getCell(12).value]).toEqual([
        'x',
        60,
        'Báo cáo kỳ tháng 4: đã tiếp thu ý kiến',
      ]);
      const n = rows[`${directiveNumber}-N`];
      expect([n.getCell(10).value, n.getCell(11).value, n.getCell(12).value, n.getCell(13).value]).toEqual([
        '',
        30,
        'Trình Ban Thường vụ dự thảo',
        new Date('2024-05-05T00:00:00Z'),
      ]);
    });

    it('a snapshot freezes the coordinators and milestones too', async () => {
      const res = await t.http
        .post('/api/reports/snapshots')
        .set(await t.as('vanphong'))
        .send({ title: 'Phối hợp và mốc', directiveId, asOf: D1 });
      expect(res.status).toBe(201);
      const figures = res.body.figures as Record<string, unknown>;
      expect(strip(figures.coordination as Record<string, unknown>)).toEqual(live.step1.coordination);
      expect(strip(figures.milestones as Record<string, unknown>)).toEqual(live.step1.milestones);
    });
  });

  it('milestones as of a day leave out the tasks not counted then: cancelled by then, or not yet assigned', async () => {
    // A directive of its own, so that the figures above are untouched: P cancelled on 10/03, Q assigned
    // throughout, R a draft until 05/04; each with one milestone due 20/03, never reached.
    const number = `${directiveNumber}-M`;
    const dir = (
      await t.db.query<{ id: string }>(
        `INSERT INTO directives (number, kind, title, issued_on) VALUES ($1, 'conclusion', 'Kết luận thử mốc', '2024-02-20')
         RETURNING id`,
        [number],
      )
    ).rows[0].id;
    const made: Record<'P' | 'Q' | 'R', string> = { P: '', Q: '', R: '' };
    for (const key of ['P', 'Q', 'R'] as const) {
      const [row] = await writer.create(
        ds,
        dir,
        [
          {
            code: `${number}-${key}`,
            title: `Nhiệm vụ ${key}`,
            description: '',
            deliverableType: 'ke_hoach',
            field: 'economy',
            leadAgencyId: null,
            coordinatingAgencyIds: [],
            dueDate: null,
            deadlineText: null,
            searchText: `nhiem vu ${key}`,
          },
        ],
        user.office,
        { at: L('2024-03-01T08:00:00') },
      );
      made[key] = row.id;
    }
    const version = async (key: 'P' | 'Q' | 'R') =>
      (await t.db.query<{ version: number }>(`SELECT version FROM tasks WHERE id = $1`, [made[key]])).rows[0].version;
    const assign = async (key: 'P' | 'Q' | 'R', at: string) =>
      change({
        kind: 'ASSIGN',
        taskId: made[key],
        actor: user.office,
        from: 'drafted',
        expect: { version: await version(key) },
        set: { state: 'assigned', leadAgencyId: agency[A], dueDate: '2099-12-31' },
        data: { leadAgencyId: agency[A], dueDate: '2099-12-31', previousLeadAgencyId: null },
        at: L(at),
      });
    const setMilestone = (key: 'P' | 'Q' | 'R', from: 'drafted' | 'assigned') =>
      change({
        kind: 'MILESTONES_SET',
        taskId: made[key],
        actor: user.office,
        from,
        data: { milestones: [{ id: randomUUID(), label: 'Giữa tháng 3', dueDate: '2024-03-20' }] },
        at: L('2024-03-01T10:00:00'),
      });
    await assign('P', '2024-03-01T09:00:00');
    await setMilestone('P', 'assigned');
    await change({
      kind: 'CANCEL',
      taskId: made.P,
      actor: user.office,
      from: 'assigned',
      expect: { version: await version('P') },
      set: { state: 'cancelled' },
      comment: 'Không còn phù hợp',
      at: L('2024-03-10T09:00:00'),
    });
    await assign('Q', '2024-03-01T09:00:00');
    await setMilestone('Q', 'assigned');
    await setMilestone('R', 'drafted');
    await assign('R', '2024-04-05T09:00:00');
    const totals = async (asOf: string) =>
      (
        (
          await t.http
            .get('/api/reports/milestones')
            .query({ directiveId: dir, asOf })
            .set(await t.as('vanphong'))
        ).body as { totals: unknown }
      ).totals;
    expect(await totals('2024-03-05')).toEqual({ total: 2, doneOnTime: 0, doneLate: 0, missed: 0, upcoming: 2 });
    expect(await totals(D1)).toEqual({ total: 1, doneOnTime: 0, doneLate: 0, missed: 1, upcoming: 0 });
    expect(await totals(D2)).toEqual({ total: 2, doneOnTime: 0, doneLate: 0, missed: 2, upcoming: 0 });
  });
});
