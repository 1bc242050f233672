import { localDate } from '@dondoc/workflow';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Response } from 'supertest';
import { agencyId } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Reports against histories of our own with known answers, in a directive of our own (every request
 * filters by it, so the demo data and other suites never move a figure). The story is told around the
 * end of Q2-2021 (asOf 2021-06-30) and continues afterwards, so the past report must ignore what came
 * later while the live report sees it.
 */

const A = 'ban-tuyen-giao';
const B = 'ban-to-chuc';
const ASOF = '2021-06-30';

/** A local (Asia/Ho_Chi_Minh) wall-clock time as an instant. */
const L = (s: string) => new Date(`${s}+07:00`);
/** 'HH:MM' of an instant in Asia/Ho_Chi_Minh and in UTC. */
const hhmm = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
/** A count of zero in a sentence ("0 nhiệm vụ"), not the end of "10 nhiệm vụ" or "2,0 nhiệm vụ". */
const ZERO_TASKS = /(?<![\d,.])0 nhiệm vụ/;
const DAY = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

interface Ev {
  at: string;
  event: string;
  from: string | null;
  to: string | null;
  data?: Record<string, unknown>;
}
interface Sub {
  at: string;
  decision?: 'approved' | 'returned';
  decidedAt?: string;
}
interface Story {
  key: string;
  lead: string;
  field?: string;
  deliverableType?: string;
  /** The row as it is today. */
  row: {
    state: string;
    due: string | null;
    original?: string;
    completedAt?: string;
    level?: number;
    lead?: string;
  };
  events: Ev[];
  submissions?: Sub[];
}

const created = (at: string): Ev => ({ at, event: 'CREATE', from: null, to: 'drafted' });

/**
 * Who writes each event in the application (role, agency, comment), so these hand-made histories are
 * ones the rules allow: the replay fault test folds every task of the database through libs/workflow.
 */
function actorOf(event: string, lead: string | null): [string, string | null, string | null] {
  switch (event) {
    case 'START':
    case 'SUBMIT':
      return ['agency', lead, null];
    case 'APPROVE':
    case 'EXTENSION_GRANTED':
      return ['standing_committee', null, null];
    case 'RETURN':
      return ['standing_committee', null, 'Đề nghị bổ sung.'];
    case 'CANCEL':
      return ['office', null, 'Không còn cần thiết.'];
    default:
      return ['office', null, null];
  }
}
const assign = (at: string, lead: string, dueDate: string): Ev => ({
  at,
  event: 'ASSIGN',
  from: 'drafted',
  to: 'assigned',
  data: { leadAgencyId: lead, dueDate, previousLeadAgencyId: null },
});
const move = (at: string, event: string, from: string, to: string): Ev => ({ at, event, from, to });
const grant = (at: string, state: string, from: string, to: string): Ev => ({
  at,
  event: 'EXTENSION_GRANTED',
  from: state,
  to: state,
  data: { from, to, deadlineVersion: 1 },
});

describe('reports', () => {
  let t: TestApp;
  let directiveId: string;
  let directiveNumber: string;
  const ids: Record<string, string> = {};
  const agencies: Record<string, string> = {};
  const today = localDate(new Date());

  /** Every request filters by our directive. */
  const get = async (path: string, query: Record<string, string> = {}, who = 'vanphong') =>
    t.http
      .get(`/api/reports/${path}`)
      .query({ directiveId, ...query })
      .set(await t.as(who));

  const stories = (): Story[] => {
    const a = agencies[A];
    const b = agencies[B];
    return [
      {
        // Finished well before the deadline.
        key: 'T1',
        lead: a,
        row: { state: 'approved', due: '2021-06-30', completedAt: '2021-06-20T09:00:00' },
        events: [
          created('2021-03-25T08:00:00'),
          assign('2021-04-01T08:00:00', a, '2021-06-30'),
          move('2021-04-05T08:00:00', 'START', 'assigned', 'in_progress'),
          move('2021-06-20T09:00:00', 'SUBMIT', 'in_progress', 'submitted'),
          move('2021-06-25T10:00:00', 'APPROVE', 'submitted', 'approved'),
        ],
        submissions: [{ at: '2021-06-20T09:00:00', decision: 'approved', decidedAt: '2021-06-25T10:00:00' }],
      },
      {
        // Submitted late in the evening of the due day itself: on time.
        key: 'T2',
        lead: a,
        field: 'party_building',
        row: { state: 'approved', due: '2021-06-15', completedAt: '2021-06-15T23:30:00' },
        events: [
          created('2021-03-25T08:00:00'),
          assign('2021-04-01T08:00:00', a, '2021-06-15'),
          move('2021-04-05T08:00:00', 'START', 'assigned', 'in_progress'),
          move('2021-06-15T23:30:00', 'SUBMIT', 'in_progress', 'submitted'),
          move('2021-06-18T10:00:00', 'APPROVE', 'submitted', 'approved'),
        ],
        submissions: [{ at: '2021-06-15T23:30:00', decision: 'approved', decidedAt: '2021-06-18T10:00:00' }],
      },
      {
        // Submitted two days after the deadline: late.
        key: 'T3',
        lead: a,
        row: { state: 'approved', due: '2021-06-10', completedAt: '2021-06-12T09:00:00' },
        events: [
          created('2021-03-25T08:00:00'),
          assign('2021-04-01T08:00:00', a, '2021-06-10'),
          move('2021-04-05T08:00:00', 'START', 'assigned', 'in_progress'),
          move('2021-06-12T09:00:00', 'SUBMIT', 'in_progress', 'submitted'),
          move('2021-06-14T10:00:00', 'APPROVE', 'submitted', 'approved'),
        ],
        submissions: [{ at: '2021-06-12T09:00:00', decision: 'approved', decidedAt: '2021-06-14T10:00:00' }],
      },
      {
        // Extended from 31/05 to 30/06, done 28/06: on time against the extension, late against the first deadline.
        key: 'T4',
        lead: b,
        deliverableType: 'de_an',
        row: { state: 'approved', due: '2021-06-30', original: '2021-05-31', completedAt: '2021-06-28T09:00:00' },
        events: [
          created('2021-03-25T08:00:00'),
          assign('2021-04-01T08:00:00', b, '2021-05-31'),
          move('2021-04-05T08:00:00', 'START', 'assigned', 'in_progress'),
          grant('2021-05-20T10:00:00', 'in_progress', '2021-05-31', '2021-06-30'),
          move('2021-06-28T09:00:00', 'SUBMIT', 'in_progress', 'submitted'),
          move('2021-06-29T10:00:00', 'APPROVE', 'submitted', 'approved'),
        ],
        submissions: [{ at: '2021-06-28T09:00:00', decision: 'approved', decidedAt: '2021-06-29T10:00:00' }],
      },
      {
        // Overdue at the end of June (escalated to level 2), finished late in July.
        key: 'T5',
        lead: b,
        row: { state: 'approved', due: '2021-06-20', completedAt: '2021-07-10T09:00:00', level: 2 },
        events: [
          created('2021-03-25T08:00:00'),
          assign('2021-04-01T08:00:00', b, '2021-06-20'),
          move('2021-04-05T08:00:00', 'START', 'assigned', 'in_progress'),
          { at: '2021-06-17T00:00:00', event: 'REMINDED', from: 'in_progress', to: 'in_progress', data: { level: 0 } },
          { at: '2021-06-21T00:00:00', event: 'ESCALATED', from: 'in_progress', to: 'in_progress', data: { level: 1 } },
          { at: '2021-06-28T00:00:00', event: 'ESCALATED', from: 'in_progress', to: 'in_progress', data: { level: 2 } },
          move('2021-07-10T09:00:00', 'SUBMIT', 'in_progress', 'submitted'),
          move('2021-07-12T10:00:00', 'APPROVE', 'submitted', 'approved'),
        ],
        submissions: [{ at: '2021-07-10T09:00:00', decision: 'approved', decidedAt: '2021-07-12T10:00:00' }],
      },
      {
        // Assigned to B, reassigned to A on 01/06, due soon at the end of June, cancelled in August.
        key: 'T6',
        lead: a,
        row: { state: 'cancelled', due: '2021-07-05' },
        events: [
          created('2021-04-25T08:00:00'),
          assign('2021-05-01T08:00:00', b, '2021-07-05'),
          {
            at: '2021-06-01T08:00:00',
            event: 'REASSIGN',
            from: 'assigned',
            to: 'assigned',
            data: { leadAgencyId: a, dueDate: '2021-07-05', previousLeadAgencyId: b },
          },
          move('2021-06-02T08:00:00', 'START', 'assigned', 'in_progress'),
          move('2021-08-01T08:00:00', 'CANCEL', 'in_progress', 'cancelled'),
        ],
      },
      {
        // Not yet due in June; reassigned to A in July; extended in September; still unfinished.
        key: 'T7',
        lead: a,
        row: { state: 'in_progress', due: '2021-12-31', original: '2021-09-30' },
        events: [
          created('2021-05-25T08:00:00'),
          assign('2021-06-01T08:00:00', b, '2021-09-30'),
          // A task is reassigned before its work starts (the rules allow REASSIGN from assigned only).
          {
            at: '2021-07-15T08:00:00',
            event: 'REASSIGN',
            from: 'assigned',
            to: 'assigned',
            data: { leadAgencyId: a, dueDate: '2021-09-30', previousLeadAgencyId: b },
          },
          move('2021-07-16T08:00:00', 'START', 'assigned', 'in_progress'),
          grant('2021-09-20T10:00:00', 'in_progress', '2021-09-30', '2021-12-31'),
        ],
      },
      {
        // A history as the demo seed writes it (no deadline in the ASSIGN event): the deadline then is
        // the one the later grant replaced.
        key: 'T8',
        lead: b,
        row: { state: 'in_progress', due: '2021-12-31', original: '2021-08-31', level: 2 },
        events: [
          created('2021-05-25T08:00:00'),
          move('2021-06-01T08:00:00', 'ASSIGN', 'drafted', 'assigned'),
          move('2021-06-02T08:00:00', 'START', 'assigned', 'in_progress'),
          grant('2021-08-25T10:00:00', 'in_progress', '2021-08-31', '2021-12-31'),
          { at: '2022-01-01T00:00:00', event: 'ESCALATED', from: 'in_progress', to: 'in_progress', data: { level: 1 } },
          { at: '2022-01-08T00:00:00', event: 'ESCALATED', from: 'in_progress', to: 'in_progress', data: { level: 2 } },
        ],
      },
      {
        // Returned once, resubmitted on 20/06 and waiting at the end of June; approved in July.
        key: 'T9',
        lead: a,
        row: { state: 'approved', due: '2021-07-31', completedAt: '2021-06-20T09:00:00' },
        events: [
          created('2021-03-25T08:00:00'),
          assign('2021-04-01T08:00:00', a, '2021-07-31'),
          move('2021-04-05T08:00:00', 'START', 'assigned', 'in_progress'),
          move('2021-06-10T09:00:00', 'SUBMIT', 'in_progress', 'submitted'),
          move('2021-06-15T10:00:00', 'RETURN', 'submitted', 'in_progress'),
          move('2021-06-20T09:00:00', 'SUBMIT', 'in_progress', 'submitted'),
          move('2021-07-02T10:00:00', 'APPROVE', 'submitted', 'approved'),
        ],
        submissions: [
          { at: '2021-06-10T09:00:00', decision: 'returned', decidedAt: '2021-06-15T10:00:00' },
          { at: '2021-06-20T09:00:00', decision: 'approved', decidedAt: '2021-07-02T10:00:00' },
        ],
      },
      {
        // Cancelled in May.
        key: 'T10',
        lead: a,
        row: { state: 'cancelled', due: '2021-06-30' },
        events: [
          created('2021-03-25T08:00:00'),
          assign('2021-04-01T08:00:00', a, '2021-06-30'),
          move('2021-05-01T08:00:00', 'CANCEL', 'assigned', 'cancelled'),
        ],
      },
      {
        // Still a draft at the end of June; assigned in July, now overdue.
        key: 'T11',
        lead: b,
        row: { state: 'in_progress', due: '2021-08-31' },
        events: [
          created('2021-06-01T08:00:00'),
          assign('2021-07-01T08:00:00', b, '2021-08-31'),
          move('2021-07-02T08:00:00', 'START', 'assigned', 'in_progress'),
        ],
      },
      {
        // Made after the end of June: not yet due today.
        key: 'T12',
        lead: a,
        row: { state: 'assigned', due: addDays(today, 30) },
        events: [created('2021-08-01T08:00:00'), assign('2021-08-02T08:00:00', a, addDays(today, 30))],
      },
      {
        // Made after the end of June: due in three days.
        key: 'T13',
        lead: b,
        row: { state: 'assigned', due: addDays(today, 3) },
        events: [created('2021-08-01T08:00:00'), assign('2021-08-02T08:00:00', b, addDays(today, 3))],
      },
    ];
  };

  beforeAll(async () => {
    t = await startTestApp();
    agencies[A] = await agencyId(t.db, A);
    agencies[B] = await agencyId(t.db, B);
    directiveNumber = `${process.pid}${Date.now().toString(36)}-BC/TU`;
    directiveId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO directives (number, kind, title, issued_on) VALUES ($1, 'conclusion', 'Kết luận thử báo cáo', '2021-03-20')
         RETURNING id`,
        [directiveNumber],
      )
    ).rows[0].id;
    const submitter = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [A])).rows[0].id;
    for (const s of stories()) {
      const code = `${directiveNumber}-${s.key}`;
      const r = await t.db.query<{ id: string }>(
        `INSERT INTO tasks (directive_id, code, title, deliverable_type, field, lead_agency_id, due_date, original_due_date,
                            state, version, completed_at, escalation_level, search_text, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::date, $9, $10, $11, $12, lower($2), $13) RETURNING id`,
        [
          directiveId,
          code,
          `Nhiệm vụ ${s.key}`,
          s.deliverableType ?? 'ke_hoach',
          s.field ?? 'economy',
          s.row.lead ?? s.lead,
          s.row.due,
          s.row.original ?? null,
          s.row.state,
          s.events.length,
          s.row.completedAt ? L(s.row.completedAt) : null,
          s.row.level ?? 0,
          s.events.filter((e) => e.event === 'RETURN').length,
        ],
      );
      ids[s.key] = r.rows[0].id;
      // The lead at each moment: what the last (re)assignment named.
      let leadNow: string | null = s.row.lead ?? s.lead;
      for (const [i, e] of s.events.entries()) {
        if (typeof e.data?.leadAgencyId === 'string') leadNow = e.data.leadAgencyId;
        await t.db.query(
          `INSERT INTO task_events (task_id, event, from_state, to_state, actor_role, actor_agency_id, comment, data,
                                    task_version, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
          [
            ids[s.key],
            e.event,
            e.from,
            e.to,
            ...actorOf(e.event, leadNow),
            JSON.stringify(e.data ?? {}),
            i + 1,
            L(e.at),
          ],
        );
      }
      for (const [i, sub] of (s.submissions ?? []).entries()) {
        await t.db.query(
          `INSERT INTO submissions (task_id, seq, revision, submitted_by, submitted_at, decision, decided_at)
           VALUES ($1, $2, $2 - 1, $3, $4, $5, $6)`,
          [ids[s.key], i + 1, submitter, L(sub.at), sub.decision ?? null, sub.decidedAt ? L(sub.decidedAt) : null],
        );
      }
    }
  });
  afterAll(() => t.close());

  const figures = (f: Partial<Record<string, number>>) => {
    const n = (k: string) => f[k] ?? 0;
    const rate = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : null);
    return {
      total: n('total'),
      finished: n('finished'),
      onTime: n('onTime'),
      late: n('late'),
      onTimeOriginal: n('onTimeOriginal'),
      lateOriginal: n('lateOriginal'),
      unfinished: n('unfinished'),
      notDue: n('notDue'),
      dueSoon: n('dueSoon'),
      overdue: n('overdue'),
      overdueOriginal: n('overdueOriginal'),
      extended: n('extended'),
      completionRate: rate(n('finished'), n('total')),
      onTimeRate: rate(n('onTime'), n('finished')),
      onTimeRateOriginal: rate(n('onTimeOriginal'), n('finished')),
    };
  };

  // At the end of 30/06/2021: T1-T9 count (T10 cancelled, T11 a draft, T12-T13 not made yet).
  const PAST = figures({
    total: 9,
    finished: 4, // T1 T2 T3 T4
    onTime: 3, // T1 T2 T4 (T4 within its extension)
    late: 1, // T3
    onTimeOriginal: 2, // T1 T2
    lateOriginal: 2, // T3 T4
    unfinished: 5, // T5 T6 T7 T8 T9
    notDue: 3, // T7 (30/09) T8 (31/08, before its later grant) T9 (31/07)
    dueSoon: 1, // T6 (05/07)
    overdue: 1, // T5 (20/06)
    overdueOriginal: 1, // T5
    extended: 1, // T4 (T7 and T8 were extended later)
  });
  // Today: T6 and T10 cancelled; T5 and T9 approved; T7 T8 T11 overdue; T12 not due; T13 due soon.
  const LIVE = figures({
    total: 11,
    finished: 6, // T1 T2 T3 T4 T5 T9
    onTime: 4, // T1 T2 T4 T9
    late: 2, // T3 T5
    onTimeOriginal: 3, // T1 T2 T9
    lateOriginal: 3, // T3 T4 T5
    unfinished: 5, // T7 T8 T11 T12 T13
    notDue: 1,
    dueSoon: 1,
    overdue: 3,
    overdueOriginal: 3,
    extended: 3, // T4 T7 T8
  });

  it('summary as of 30/06/2021 is rebuilt from the history', async () => {
    const res = await get('summary', { asOf: ASOF });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      asOf: ASOF,
      live: false,
      dueSoonDays: 7,
      filters: { directiveId, agencyId: null, field: null, deliverableType: null },
      excluded: { drafted: 1, cancelled: 1 },
    });
    expect(res.body.figures).toEqual(PAST);
  });

  it('summary without asOf is live, from the tasks as they are', async () => {
    const res = await get('summary');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: today, live: true, excluded: { drafted: 0, cancelled: 2 } });
    expect(res.body.figures).toEqual(LIVE);
  });

  it('asOf today (the history to now) agrees with the live figures', async () => {
    const res = await get('summary', { asOf: today });
    expect(res.body.live).toBe(false);
    expect(res.body.figures).toEqual(LIVE);
  });

  it('earlier days: before anything existed, and just after the first extension', async () => {
    const before = await get('summary', { asOf: '2021-03-24' });
    expect(before.body.figures).toEqual(figures({}));
    expect(before.body.excluded).toEqual({ drafted: 0, cancelled: 0 });
    // 25/05: everything assigned by then is in progress; T4 was extended on 20/05 (31/05 → 30/06).
    const may = await get('summary', { asOf: '2021-05-25' });
    // T1-T6 and T9, all more than a week from their deadlines.
    expect(may.body.figures).toEqual(figures({ total: 7, unfinished: 7, notDue: 7, extended: 1 }));
    expect(may.body.excluded).toEqual({ drafted: 2, cancelled: 1 }); // T7 T8 drafted on 25/05; T10
  });

  it('by agency follows the lead agency of the time (reassignments included)', async () => {
    const past = await get('by-agency', { asOf: ASOF });
    expect(past.status).toBe(200);
    const rows = Object.fromEntries(
      (past.body.rows as { agencyCode: string; figures: unknown }[]).map((r) => [r.agencyCode, r.figures]),
    );
    // A: T1 T2 T3 T6 (reassigned to A on 01/06) T9; B: T4 T5 T7 T8.
    expect(rows).toEqual({
      [A]: figures({
        total: 5,
        finished: 3,
        onTime: 2,
        late: 1,
        onTimeOriginal: 2,
        lateOriginal: 1,
        unfinished: 2,
        notDue: 1,
        dueSoon: 1,
      }),
      [B]: figures({
        total: 4,
        finished: 1,
        onTime: 1,
        lateOriginal: 1,
        unfinished: 3,
        notDue: 2,
        overdue: 1,
        overdueOriginal: 1,
        extended: 1,
      }),
    });
    expect(past.body.totals).toEqual(PAST);
    // Vietnamese order: ô sorts with o, so "Tổ" before "Tuyên" (byte order has them the other way round).
    expect((past.body.rows as { agencyName: string }[]).map((r) => r.agencyName)).toEqual([
      'Ban Tổ chức Tỉnh ủy',
      'Ban Tuyên giáo Tỉnh ủy',
    ]);

    const may = await get('by-agency', { asOf: '2021-05-25' });
    const mayRows = Object.fromEntries(
      (may.body.rows as { agencyCode: string; figures: { total: number } }[]).map((r) => [
        r.agencyCode,
        r.figures.total,
      ]),
    );
    expect(mayRows).toEqual({ [A]: 4, [B]: 3 }); // T6 was still B's

    const live = await get('by-agency');
    const liveRows = Object.fromEntries(
      (live.body.rows as { agencyCode: string; figures: { total: number } }[]).map((r) => [
        r.agencyCode,
        r.figures.total,
      ]),
    );
    expect(liveRows).toEqual({ [A]: 6, [B]: 5 }); // A: T1 T2 T3 T7 T9 T12; B: T4 T5 T8 T11 T13
    expect(live.body.totals).toEqual(LIVE);
  });

  it('by directive, by field and by deliverable type add up to the summary', async () => {
    const d = await get('by-directive', { asOf: ASOF });
    expect(d.body.rows).toEqual([
      {
        directiveId,
        number: directiveNumber,
        title: 'Kết luận thử báo cáo',
        classification: 'normal',
        figures: PAST,
        // T3 is 2 days late, T5 10; the suite's calendar is off, so working days are calendar days.
        lateness: { tasks: 2, workingDaysTotal: 12, workingDaysMax: 10, calendarDaysTotal: 12, calendarDaysMax: 10 },
      },
    ]);
    const f = await get('by-field', { asOf: ASOF });
    expect(
      f.body.rows.map((r: { field: string; label: string; figures: { total: number } }) => [
        r.field,
        r.label,
        r.figures.total,
      ]),
    ).toEqual([
      ['party_building', 'Xây dựng Đảng', 1],
      ['economy', 'Kinh tế', 8],
    ]);
    expect(f.body.totals).toEqual(PAST);
    const k = await get('by-deliverable-type', { asOf: ASOF });
    expect(
      k.body.rows.map((r: { deliverableType: string; label: string; figures: unknown }) => [
        r.deliverableType,
        r.label,
        r.figures,
      ]),
    ).toEqual([
      ['de_an', 'Đề án', figures({ total: 1, finished: 1, onTime: 1, lateOriginal: 1, extended: 1 })],
      ['ke_hoach', 'Kế hoạch', expect.objectContaining({ total: 8 })],
    ]);
    expect(k.body.totals).toEqual(PAST);
  });

  it('filters narrow by agency and field', async () => {
    const byB = await get('summary', { asOf: ASOF, agencyId: agencies[B] });
    expect(byB.body.figures.total).toBe(4);
    expect(byB.body.filters.agencyId).toBe(agencies[B]);
    const party = await get('summary', { asOf: ASOF, field: 'party_building' });
    expect(party.body.figures).toEqual(figures({ total: 1, finished: 1, onTime: 1, onTimeOriginal: 1 }));
  });

  it('the escalation list: level, days overdue and last reminder, then and now', async () => {
    const past = await get('escalations', { asOf: ASOF });
    expect(past.body.items).toEqual([
      expect.objectContaining({
        taskId: ids.T5,
        leadAgencyId: agencies[B],
        state: 'in_progress',
        dueDate: '2021-06-20',
        originalDueDate: '2021-06-20',
        daysOverdue: 10,
        escalationLevel: 2,
        lastReminderAt: L('2021-06-28T00:00:00').toISOString(),
      }),
    ]);
    const live = await get('escalations');
    const items = live.body.items as {
      taskId: string;
      escalationLevel: number;
      daysOverdue: number;
      dueDate: string;
    }[];
    expect(items.map((i) => i.taskId)).toEqual([ids.T8, ids.T11, ids.T7]); // level 2 first, then most overdue
    const days = (due: string) => Math.round((Date.parse(today) - Date.parse(due)) / DAY);
    expect(items[0]).toMatchObject({ escalationLevel: 2, dueDate: '2021-12-31', daysOverdue: days('2021-12-31') });
    expect(items[1]).toMatchObject({ escalationLevel: 0, dueDate: '2021-08-31', daysOverdue: days('2021-08-31') });
    expect(items[2]).toMatchObject({ dueDate: '2021-12-31', daysOverdue: days('2021-12-31') });
    expect(items[0]).toMatchObject({ lastReminderAt: L('2022-01-08T00:00:00').toISOString() });
    expect(live.body).toMatchObject({ total: 3, limit: 500, offset: 0 });
    // Pages: the total always counts the whole list.
    const second = await get('escalations', { limit: '1', offset: '1' });
    expect(second.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(second.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([ids.T11]);
    const beyond = await get('escalations', { limit: '1', offset: '5' });
    expect(beyond.body).toMatchObject({ total: 3, items: [] });
    expect((await get('escalations', { limit: '0' })).status).toBe(400);
  });

  it('the review queue with waiting times and earlier returns', async () => {
    const past = await get('review-queue', { asOf: ASOF });
    expect(past.body.items).toEqual([
      expect.objectContaining({
        taskId: ids.T9,
        submittedAt: L('2021-06-20T09:00:00').toISOString(),
        waitingDays: 10,
        returns: 1,
        dueDate: '2021-07-31',
      }),
    ]);
    expect(past.body).toMatchObject({ total: 1, averageWaitingDays: 10, longestWaitingDays: 10 });
    const beyond = await get('review-queue', { asOf: ASOF, offset: '1' });
    expect(beyond.body).toMatchObject({ items: [], total: 1, averageWaitingDays: 10, longestWaitingDays: 10 });
    const live = await get('review-queue');
    expect(live.body).toMatchObject({ items: [], averageWaitingDays: null, longestWaitingDays: null });
  });

  it('averages: assignment to submission, submission to decision, returns', async () => {
    const hours = (a: string, b: string) => (L(b).getTime() - L(a).getTime()) / 3_600_000;
    const avg = (xs: number[]) => Math.round((xs.reduce((s, x) => s + x, 0) / xs.length / 24) * 10) / 10;
    const past = await get('averages', { asOf: ASOF });
    expect(past.body).toMatchObject({
      assignmentToSubmission: {
        count: 5, // T1 T2 T3 T4 T9
        averageDays: avg([
          hours('2021-04-01T08:00:00', '2021-06-20T09:00:00'),
          hours('2021-04-01T08:00:00', '2021-06-15T23:30:00'),
          hours('2021-04-01T08:00:00', '2021-06-12T09:00:00'),
          hours('2021-04-01T08:00:00', '2021-06-28T09:00:00'),
          hours('2021-04-01T08:00:00', '2021-06-10T09:00:00'),
        ]),
      },
      submissionToDecision: {
        count: 5, // T9's second submission was decided in July
        averageDays: avg([
          hours('2021-06-20T09:00:00', '2021-06-25T10:00:00'),
          hours('2021-06-15T23:30:00', '2021-06-18T10:00:00'),
          hours('2021-06-12T09:00:00', '2021-06-14T10:00:00'),
          hours('2021-06-28T09:00:00', '2021-06-29T10:00:00'),
          hours('2021-06-10T09:00:00', '2021-06-15T10:00:00'),
        ]),
      },
      returns: { total: 1, tasksReturned: 1, submittedTasks: 5, averagePerSubmittedTask: 0.2 },
    });
    const live = await get('averages');
    expect(live.body.submissionToDecision.count).toBe(7);
    expect(live.body.returns).toEqual({ total: 1, tasksReturned: 1, submittedTasks: 6, averagePerSubmittedTask: 0.17 });
  });

  it('a past report does not move when tasks move later; the live one does', async () => {
    const before = await Promise.all(
      ['summary', 'by-agency', 'escalations', 'review-queue', 'averages'].map((v) => get(v, { asOf: ASOF })),
    );
    // The Office cancels T13 through the API now.
    const version = (await t.db.query<{ version: number }>(`SELECT version FROM tasks WHERE id = $1`, [ids.T13]))
      .rows[0].version;
    await t.http
      .post(`/api/tasks/${ids.T13}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'CANCEL', expectedVersion: version, comment: 'Không còn phù hợp.' })
      .expect(200);
    const after = await Promise.all(
      ['summary', 'by-agency', 'escalations', 'review-queue', 'averages'].map((v) => get(v, { asOf: ASOF })),
    );
    const strip = (r: Response) => ({ ...r.body, generatedAt: undefined });
    expect(after.map(strip)).toEqual(before.map(strip));
    const live = await get('summary');
    expect(live.body.figures).toEqual(figures({ ...liveCounts(LIVE), total: 10, unfinished: 4, dueSoon: 0 }));
    expect(live.body.excluded).toEqual({ drafted: 0, cancelled: 3 });
  });

  /** The counts of a figures object, without its rates (for recomputing them after a change). */
  function liveCounts(f: ReturnType<typeof figures>): Record<string, number> {
    const { completionRate: _c, onTimeRate: _o, onTimeRateOriginal: _r, ...counts } = f;
    return counts;
  }

  describe('documents', () => {
    const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    };
    const file = async (path: string, query: Record<string, string>) => {
      const res = await t.http
        .get(`/api/reports/${path}`)
        .query({ directiveId, ...query })
        .set(await t.as('thuongvu'))
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      return res;
    };
    /** A cell's text (these cells hold plain strings). */
    const text = (cell: ExcelJS.Cell) => cell.text;
    /** exceljs types its input as an ArrayBuffer. */
    const arrayBuffer = (b: Buffer): ArrayBuffer => new Uint8Array(b).buffer;
    const fileName = (res: Response) => {
      const header = String(res.headers['content-disposition']);
      expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      return decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]);
    };
    const docText = async (body: Buffer) => {
      const zip = await JSZip.loadAsync(body);
      const xml = await zip.file('word/document.xml')!.async('string');
      // Paragraph ends become new lines, cell ends tabs; the text of runs is kept as it is.
      return xml
        .replace(/<\/w:p><\/w:tc>/g, '\t')
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&');
    };

    it('by-agency.xlsx holds the JSON figures, with a titled, printable sheet', async () => {
      const json = (await get('by-agency', { asOf: ASOF })).body as {
        rows: { agencyName: string; figures: Record<string, number> }[];
        totals: Record<string, number>;
      };
      const res = await file('by-agency.xlsx', { asOf: ASOF });
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(fileName(res)).toBe('Báo cáo theo cơ quan chủ trì 30-06-2021.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(arrayBuffer(res.body as Buffer));
      const ws = wb.worksheets[0];
      expect(text(ws.getCell('A1'))).toBe('KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ');
      expect(text(ws.getCell('A2'))).toContain('30/06/2021');
      expect(ws.getRow(4).getCell(2).value).toBe('Cơ quan chủ trì');
      expect(ws.getRow(4).getCell(4).value).toBe('Đã hoàn thành');
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(30);
      const order = [
        'total',
        'finished',
        'onTime',
        'late',
        'lateOriginal',
        'unfinished',
        'notDue',
        'dueSoon',
        'overdue',
        'extended',
      ];
      const rowValues = (r: number) => order.map((_k, i) => ws.getRow(r).getCell(3 + i).value);
      expect(json.rows.map((a) => a.agencyName)).toEqual(['Ban Tổ chức Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy']);
      json.rows.forEach((a, i) => {
        expect(ws.getRow(5 + i).getCell(2).value).toBe(a.agencyName);
        expect(rowValues(5 + i)).toEqual(order.map((k) => a.figures[k]));
      });
      const totalRow = 5 + json.rows.length;
      expect(ws.getRow(totalRow).getCell(2).value).toBe('Tổng cộng');
      expect(rowValues(totalRow)).toEqual(order.map((k) => json.totals[k]));
      for (let r = 5; r <= totalRow; r++) {
        for (let c = 3; c < 3 + order.length; c++) expect(ws.getRow(r).getCell(c).type).toBe(ExcelJS.ValueType.Number);
      }
    });

    it('by-agency.xlsx holds rates as numbers shown as percentages, empty when there is nothing to divide by', async () => {
      const json = (await get('by-agency', { asOf: ASOF })).body as {
        rows: { figures: { completionRate: number | null; onTimeRate: number | null } }[];
        totals: { completionRate: number; onTimeRate: number };
      };
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(arrayBuffer((await file('by-agency.xlsx', { asOf: ASOF })).body as Buffer));
      const ws = wb.worksheets[0];
      const totalRow = 5 + json.rows.length;
      const onTime = ws.getRow(totalRow).getCell(14); // on-time rate 3 of 4
      expect(onTime.type).toBe(ExcelJS.ValueType.Number);
      expect(onTime.value).toBe(0.75);
      expect(onTime.numFmt).toBe('0.0%');
      const completion = ws.getRow(totalRow).getCell(13); // 4 of 9
      expect(completion.value).toBe(json.totals.completionRate);
      expect(completion.numFmt).toBe('0.0%');
      json.rows.forEach((a, i) => {
        expect(ws.getRow(5 + i).getCell(13).value).toBe(a.figures.completionRate);
        expect(ws.getRow(5 + i).getCell(14).value).toBe(a.figures.onTimeRate);
      });
      // Before anything was finished the rates have nothing to divide by: blank, not "0%" and not text.
      const early = new ExcelJS.Workbook();
      await early.xlsx.load(arrayBuffer((await file('by-agency.xlsx', { asOf: '2021-04-02' })).body as Buffer));
      const none = early.worksheets[0].getRow(5).getCell(14);
      expect(none.type).toBe(ExcelJS.ValueType.Null);
    });

    it('a live workbook tells the time it was made in Vietnamese local time, not UTC', async () => {
      const before = new Date();
      const res = await file('by-agency.xlsx', {});
      const after = new Date();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(arrayBuffer(res.body as Buffer));
      const line = text(wb.worksheets[0].getCell('A2'));
      expect(line).not.toContain('UTC');
      const local = [hhmm(before, 'Asia/Ho_Chi_Minh'), hhmm(after, 'Asia/Ho_Chi_Minh')];
      expect(local.map((hm) => line.includes(`${hm} (giờ Việt Nam)`))).toContain(true);
      expect(line).not.toContain(hhmm(before, 'UTC'));
      const [y, m, d] = localDate(after).split('-');
      expect(line).toContain(`${d}/${m}/${y}`);
    });

    it('tasks.xlsx lists the tasks of the day with real dates shown dd/mm/yyyy', async () => {
      const res = await file('tasks.xlsx', { asOf: ASOF });
      expect(fileName(res)).toBe('Danh sách nhiệm vụ 30-06-2021.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(arrayBuffer(res.body as Buffer));
      const ws = wb.worksheets[0];
      expect(text(ws.getCell('A2'))).toContain('30/06/2021');
      const rows: Record<string, ExcelJS.Row> = {};
      for (let r = 5; r <= ws.rowCount; r++) rows[text(ws.getRow(r).getCell(2))] = ws.getRow(r);
      expect(Object.keys(rows).sort()).toEqual(
        ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'].map((k) => `${directiveNumber}-${k}`).sort(),
      );
      const t4 = rows[`${directiveNumber}-T4`];
      expect(t4.getCell(8).value).toEqual(new Date('2021-05-31T00:00:00Z')); // first deadline
      expect(t4.getCell(9).value).toEqual(new Date('2021-06-30T00:00:00Z')); // extended
      expect(t4.getCell(9).numFmt).toBe('dd/mm/yyyy');
      expect(t4.getCell(11).value).toBe('Hoàn thành đúng hạn');
      expect(t4.getCell(12).value).toEqual(new Date('2021-06-28T00:00:00Z'));
      const t5 = rows[`${directiveNumber}-T5`];
      expect(t5.getCell(11).value).toBe('Quá hạn');
      expect(t5.getCell(13).value).toBe(10);
      expect(t5.getCell(5).value).toBe('Ban Tổ chức Tỉnh ủy');
      const t8 = rows[`${directiveNumber}-T8`];
      expect(t8.getCell(9).value).toEqual(new Date('2021-08-31T00:00:00Z')); // before its later extension
      const statuses = Object.values(rows).map((r) => text(r.getCell(11)));
      const count = (s: string) => statuses.filter((x) => x === s).length;
      expect([
        count('Hoàn thành đúng hạn'),
        count('Hoàn thành quá hạn'),
        count('Chưa đến hạn'),
        count('Sắp đến hạn'),
        count('Quá hạn'),
      ]).toEqual([PAST.onTime, PAST.late, PAST.notDue, PAST.dueSoon, PAST.overdue]);
    });

    it('periodic.docx: the Party heading, the figures of the JSON, the agency table, the overdue list, the signature', async () => {
      const summary = (await get('summary', { asOf: ASOF })).body;
      const res = await file('periodic.docx', { asOf: ASOF });
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(fileName(res)).toBe('Báo cáo kết quả thực hiện 30-06-2021.docx');
      const text = await docText(res.body as Buffer);
      expect(text).toContain('TỈNH ỦY KIÊN GIANG');
      expect(text).toContain('VĂN PHÒNG');
      expect(text).toMatch(/Số +-BC\/VPTU/);
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).not.toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA/i);
      expect(text).toMatch(/Kiên Giang, ngày +tháng +năm \d{4}/);
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('tính đến hết ngày 30 tháng 6 năm 2021');
      const f = summary.figures;
      expect(text).toContain(
        `Tổng số nhiệm vụ đang theo dõi: ${f.total} nhiệm vụ. Đã hoàn thành: ${f.finished} nhiệm vụ`,
      );
      expect(text).toContain(`hoàn thành đúng hạn ${f.onTime}, hoàn thành quá hạn ${f.late}`);
      expect(text).toContain(`đúng hạn ${f.onTimeOriginal}, quá hạn ${f.lateOriginal}`);
      expect(text).toContain(`trong hạn ${f.notDue}, sắp đến hạn ${f.dueSoon}, quá hạn ${f.overdue}`);
      expect(text).toContain(`được gia hạn: ${f.extended}`);
      expect(text).toContain('Đang chờ Ban Thường vụ cho ý kiến: 1 nhiệm vụ (lâu nhất 10 ngày)');
      // Agency rows: name, total, finished, on time, late, unfinished, overdue.
      expect(text).toContain('Ban Tổ chức Tỉnh ủy\t4\t1\t1\t0\t3\t1\t');
      expect(text).toContain('Tổng cộng\t9\t4\t3\t1\t5\t1\t');
      expect(text).toContain(`Nhiệm vụ T5 (${directiveNumber})\tBan Tổ chức Tỉnh ủy\t20/06/2021\t10\t`);
      expect(text).toContain('K/T CHÁNH VĂN PHÒNG');
      expect(text).toContain('PHÓ CHÁNH VĂN PHÒNG');
      expect(text).toContain('Nơi nhận:');
    });

    it('a live periodic.docx tells the time of the figures in Vietnamese local time', async () => {
      const before = new Date();
      const res = await file('periodic.docx', {});
      const after = new Date();
      const text = await docText(res.body as Buffer);
      const words = (at: Date) => hhmm(at, 'Asia/Ho_Chi_Minh').replace(':', ' giờ ') + ' phút';
      const [y, m, d] = localDate(after).split('-').map(Number);
      const date = `ngày ${d < 10 ? `0${d}` : d} tháng ${m < 3 ? `0${m}` : m} năm ${y}`;
      expect([before, after].map((at) => text.includes(`tính đến ${words(at)} ${date}`))).toContain(true);
      expect(text).not.toContain(hhmm(before, 'UTC').replace(':', ' giờ '));
      expect(text).not.toMatch(/UTC/);
    });

    it('periodic.docx leaves out the phrases whose count is zero', async () => {
      // 02/04/2021: seven tasks assigned (T1-T5, T9, T10), none finished, submitted, due soon, overdue or extended.
      const summary = (await get('summary', { asOf: '2021-04-02' })).body;
      expect(summary.figures).toMatchObject({ finished: 0, dueSoon: 0, overdue: 0, extended: 0 });
      const text = await docText((await file('periodic.docx', { asOf: '2021-04-02' })).body as Buffer);
      expect(text).not.toMatch(ZERO_TASKS);
      expect(text).toContain(`Tổng số nhiệm vụ đang theo dõi: ${summary.figures.total} nhiệm vụ.`);
      expect(text).toContain('Chưa có nhiệm vụ nào hoàn thành.');
      expect(text).toContain(`Chưa hoàn thành: ${summary.figures.unfinished} nhiệm vụ, trong đó trong hạn`);
      expect(text).not.toMatch(/sắp đến hạn 0|quá hạn 0|gia hạn: 0|chỉnh sửa: 0|đúng hạn 0/);
      expect(text).toContain('Không có nhiệm vụ nào đang chờ Ban Thường vụ cho ý kiến.');
      // The figures the whole report has are still written in full.
      const full = await docText((await file('periodic.docx', { asOf: ASOF })).body as Buffer);
      expect(full).not.toMatch(ZERO_TASKS);
    });

    it('urging-letter.docx: to one agency, its overdue and due-soon tasks', async () => {
      const res = await file('urging-letter.docx', { asOf: ASOF, agencyId: agencies[A] });
      expect(fileName(res)).toBe('Công văn đôn đốc Ban Tuyên giáo Tỉnh ủy 30-06-2021.docx');
      const text = await docText(res.body as Buffer);
      expect(text).toMatch(/Số +-CV\/VPTU/);
      expect(text).toContain('V/v đôn đốc thực hiện nhiệm vụ');
      expect(text).toContain('Kính gửi: Ban Tuyên giáo Tỉnh ủy');
      expect(text).toContain('còn 1 nhiệm vụ sắp đến hạn chưa hoàn thành, cụ thể như sau:');
      expect(text).not.toMatch(ZERO_TASKS);
      expect(text).toContain(`Nhiệm vụ T6\t${directiveNumber}\t05/07/2021\tCòn 5 ngày\t`);
      expect(text).toContain('K/T CHÁNH VĂN PHÒNG');
    });

    it('urging-letter.docx to an agency with overdue work and none due soon leaves out "0 nhiệm vụ"', async () => {
      const b = await docText((await file('urging-letter.docx', { asOf: ASOF, agencyId: agencies[B] })).body as Buffer);
      // Overdue work and none due soon: no "… và 0 nhiệm vụ sắp đến hạn".
      expect(b).not.toMatch(ZERO_TASKS);
      expect(b).toContain('còn 1 nhiệm vụ quá hạn chưa hoàn thành, cụ thể như sau:');
      expect(b).toContain(`Nhiệm vụ T5\t${directiveNumber}\t20/06/2021\tQuá hạn 10 ngày\t`);
    });
  });

  describe('snapshots', () => {
    it('freezes every view with who, when and the parameters, lists and reads it back', async () => {
      const res = await t.http
        .post('/api/reports/snapshots')
        .set(await t.as('vanphong'))
        .send({ title: 'Báo cáo quý II-2021', asOf: ASOF, directiveId });
      expect(res.status).toBe(201);
      const office = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanphong'`)).rows[0].id;
      expect(res.body).toMatchObject({
        title: 'Báo cáo quý II-2021',
        asOf: ASOF,
        live: false,
        filters: { directiveId, agencyId: null, field: null, deliverableType: null },
        createdBy: { id: office },
      });
      expect(res.body.figures.summary.figures).toEqual(PAST);
      expect(res.body.figures.byAgency.totals).toEqual(PAST);
      expect(res.body.figures.escalations.items).toHaveLength(1);
      expect(res.body.figures.reviewQueue.items).toHaveLength(1);

      const list = await t.http
        .get('/api/reports/snapshots')
        .set(await t.as('kiemtra'))
        .expect(200);
      expect(list.body.items[0]).toEqual({ ...res.body, figures: undefined });
      expect(list.body.items[0]).not.toHaveProperty('figures');
      const one = await t.http
        .get(`/api/reports/snapshots/${res.body.id}`)
        .set(await t.as('kiemtra'))
        .expect(200);
      expect(one.body).toEqual(res.body);
      await expect(t.db.query(`UPDATE report_snapshots SET title = 'x' WHERE id = $1`, [res.body.id])).rejects.toThrow(
        /frozen/,
      );
    });

    it('answers 404 for an unknown snapshot', async () => {
      const res = await t.http
        .get('/api/reports/snapshots/00000000-0000-4000-8000-000000000000')
        .set(await t.as('vanphong'));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });
  });

  describe('access and bad input', () => {
    it.each([
      ['vanphong', 200],
      ['thuongvu', 200],
      ['kiemtra', 200],
      [A, 403],
      ['admin', 403],
    ])('%s reads reports → %i', async (who, status) => {
      for (const view of ['summary', 'by-agency', 'escalations', 'tasks.xlsx', 'periodic.docx']) {
        const res = await get(view, {}, who);
        expect({ view, status: res.status }).toEqual({ view, status });
      }
    });

    it('the inspector reads but does not freeze reports', async () => {
      const res = await t.http
        .post('/api/reports/snapshots')
        .set(await t.as('kiemtra'))
        .send({ title: 'Không được' });
      expect(res.status).toBe(403);
    });

    it.each([
      ['asOf=2021-02-30', { asOf: '2021-02-30' }, 'VALIDATION_FAILED'],
      ['asOf=30/06/2021', { asOf: '30/06/2021' }, 'VALIDATION_FAILED'],
      ['asOf in the future', { asOf: '2099-01-01' }, 'VALIDATION_FAILED'],
      ['a malformed directiveId', { directiveId: 'not-a-uuid' }, 'VALIDATION_FAILED'],
      ['an unknown field', { field: 'sports' }, 'VALIDATION_FAILED'],
      ['an unknown parameter', { state: 'approved' }, 'VALIDATION_FAILED'],
      ['an unknown directive', { directiveId: '00000000-0000-4000-8000-000000000000' }, 'UNKNOWN_DIRECTIVE'],
      ['an unknown agency', { agencyId: '00000000-0000-4000-8000-000000000000' }, 'UNKNOWN_AGENCY'],
    ])('400 for %s', async (_what, query, code) => {
      for (const view of ['summary', 'by-agency', 'averages', 'by-agency.xlsx']) {
        const res = await get(view, query);
        expect({ view, status: res.status, code: res.body.code }).toEqual({ view, status: 400, code });
      }
    });

    it('the urging letter needs an agency', async () => {
      const res = await get('urging-letter.docx', { asOf: ASOF });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('a refused snapshot writes nothing', async () => {
      const count = async () =>
        (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM report_snapshots`)).rows[0].n;
      const before = await count();
      for (const body of [
        { title: '' },
        { title: 'x', asOf: '2099-01-01' },
        { title: 'x', extra: 1 },
        { title: 'x', directiveId: '00000000-0000-4000-8000-000000000000' },
      ]) {
        const res = await t.http
          .post('/api/reports/snapshots')
          .set(await t.as('vanphong'))
          .send(body);
        expect(res.status).toBe(400);
      }
      expect(await count()).toBe(before);
    });
  });
});
