import {
  CalendarStore,
  TaskChangeWriter,
  createDataSource,
  type ChangeActor,
  type TaskChange,
} from '@dondoc/persistence';
import type { DataSource } from 'typeorm';
import { agencyId, makeTask } from './support/fixtures.js';
import { CALENDAR_OFF, startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';

/**
 * The report by person (handling officer, monitoring officer) and the person filters of every report.
 * Live figures on tasks of a directive of our own, the people named through the API; past figures on a
 * second directive whose history is written through the task-change writer on past days.
 */

const LEAD = 'bcsd-ubnd';
const CV1 = 'bcsd-ubnd.cv1'; // Phạm Thu Trang
const CV2 = 'bcsd-ubnd.cv2'; // Đỗ Minh Khang: sorts before Phạm
const OTHER = 'ban-tuyen-giao';
const PAST = '2020-01-01';
const FAR = '2099-12-31';
/** A local (Asia/Ho_Chi_Minh) wall-clock time as an instant. */
const L = (s: string) => new Date(`${s}+07:00`);

interface Row {
  userId: string | null;
  fullName: string | null;
  figures: Record<string, number | null>;
}

describe('reports by person (real PostgreSQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  // The suites' calendar is off (see test-app.ts): a deadline ends on its own day.
  const writer = new TaskChangeWriter(new CalendarStore(CALENDAR_OFF));
  const user: Record<string, string> = {};
  const name: Record<string, string> = {};
  let leadId: string;
  let otherId: string;
  let office2: string;
  let savedMonitor: string | null;
  let liveDirective: string;
  let pastDirective: string;
  const task: Record<string, string> = {};

  const get = async (who: string, path: string, query: Record<string, string>) =>
    t.http
      .get(`/api/reports/${path}`)
      .query(query)
      .set(await t.as(who));
  const people = async (who: string, taskId: string, body: Record<string, unknown>) => {
    const res = await t.http
      .patch(`/api/tasks/${taskId}/people`)
      .set(await t.as(who))
      .send(body);
    expect(res.status).toBe(200);
  };
  /** Rows as person (null → '-') → the counts a test checks. */
  const counts = (rows: Row[]) =>
    Object.fromEntries(
      rows.map((r) => [
        r.userId ?? '-',
        { total: r.figures.total, notDue: r.figures.notDue, overdue: r.figures.overdue },
      ]),
    );
  const newDirective = async (suffix: string) =>
    (
      await t.db.query<{ id: string }>(
        `INSERT INTO directives (number, kind, title, issued_on) VALUES ($1, 'conclusion', 'Kết luận thử theo người', '2024-02-20')
         RETURNING id, number`,
        [`${process.pid}${Date.now().toString(36)}-${suffix}/TU`],
      )
    ).rows[0].id;

  beforeAll(async () => {
    t = await startTestApp();
    ds = createDataSource({ url: testDatabaseUrl(), poolSize: 2 });
    await ds.initialize();
    for (const u of [LEAD, CV1, CV2, 'vanphong']) {
      const r = await t.db.query<{ id: string; full_name: string }>(
        `SELECT id, full_name FROM users WHERE username = $1`,
        [u],
      );
      user[u] = r.rows[0].id;
      name[u] = r.rows[0].full_name;
    }
    leadId = await agencyId(t.db, LEAD);
    otherId = await agencyId(t.db, OTHER);
    // A second Office officer to name per task; the lead agency's own monitoring officer is the Office's account.
    office2 = (
      await t.db.query<{ id: string }>(
        `INSERT INTO users (username, full_name, role, password_hash)
         SELECT $1, 'Vũ Thị Lan (chuyên viên Văn phòng)', 'office', password_hash FROM users WHERE username = 'vanphong'
         RETURNING id`,
        [`vp-theodoi-${process.pid}-${Date.now().toString(36)}`],
      )
    ).rows[0].id;
    savedMonitor = (
      await t.db.query<{ m: string | null }>(`SELECT monitoring_user_id AS m FROM agencies WHERE id = $1`, [leadId])
    ).rows[0].m;
    await t.db.query(`UPDATE agencies SET monitoring_user_id = $2 WHERE id = $1`, [leadId, user.vanphong]);

    liveDirective = await newDirective('NG');
    const number = (
      await t.db.query<{ number: string }>(`SELECT number FROM directives WHERE id = $1`, [liveDirective])
    ).rows[0].number;
    const make = async (state: 'assigned' | 'in_progress' | 'drafted', lead: string, dueDate: string) =>
      (await makeTask(t.db, { state, lead, dueDate, coordinating: [], directive: number })).id;
    // T1 cv1, overdue, monitored by office2 | T2 cv1, not due, the agency's monitor | T3 cv2, not due |
    // T4 no one, overdue | T5 another agency's, not due, monitored by office2 | T6 a draft (not counted).
    task.T1 = await make('in_progress', LEAD, PAST);
    task.T2 = await make('assigned', LEAD, FAR);
    task.T3 = await make('in_progress', LEAD, FAR);
    task.T4 = await make('in_progress', LEAD, PAST);
    task.T5 = await make('in_progress', OTHER, FAR);
    task.T6 = await make('drafted', LEAD, FAR);
    await people(LEAD, task.T1, { assigneeUserId: user[CV1], comment: 'Giao đồng chí Trang.' });
    await people(LEAD, task.T2, { assigneeUserId: user[CV1] });
    await people(LEAD, task.T3, { assigneeUserId: user[CV2] });
    await people('vanphong', task.T1, { monitoringUserId: office2 });
    await people('vanphong', task.T5, { monitoringUserId: office2 });

    // The past: P1 named cv1 (and office2) on 05/03/2024, then cv2 through the API today; P2 named cv2 on
    // 05/03/2024, then reassigned to another agency on 01/04/2024, which clears its officer.
    pastDirective = await newDirective('NGQ');
    const office: ChangeActor = { userId: user.vanphong, role: 'office', agencyId: null };
    const head: ChangeActor = { userId: user[LEAD], role: 'agency', agencyId: leadId };
    const apply = (c: TaskChange) =>
      ds.transaction(async (em) => {
        const applied = await writer.apply(em, c);
        expect(applied?.eventId).toBeTruthy();
        return applied!.task;
      });
    for (const key of ['P1', 'P2']) {
      const [row] = await writer.create(
        ds,
        pastDirective,
        [
          {
            code: `${pastDirective.slice(0, 8)}-${key}`,
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
        office,
        { at: L('2024-03-01T08:00:00') },
      );
      task[key] = row.id;
      await apply({
        kind: 'ASSIGN',
        taskId: row.id,
        actor: office,
        from: 'drafted',
        expect: { version: row.version },
        set: { state: 'assigned', leadAgencyId: leadId, dueDate: FAR },
        data: { leadAgencyId: leadId, dueDate: FAR, previousLeadAgencyId: null },
        at: L('2024-03-01T09:00:00'),
      });
    }
    await apply({
      kind: 'PEOPLE_SET',
      taskId: task.P1,
      actor: head,
      from: 'assigned',
      set: { assigneeUserId: user[CV1], monitoringUserId: office2 },
      data: { assigneeUserId: user[CV1], monitoringUserId: office2 },
      at: L('2024-03-05T09:00:00'),
    });
    const p2 = await apply({
      kind: 'PEOPLE_SET',
      taskId: task.P2,
      actor: head,
      from: 'assigned',
      set: { assigneeUserId: user[CV2] },
      data: { assigneeUserId: user[CV2] },
      at: L('2024-03-05T10:00:00'),
    });
    await apply({
      kind: 'REASSIGN',
      taskId: task.P2,
      actor: office,
      from: 'assigned',
      expect: { version: p2.version },
      set: { leadAgencyId: otherId, dueDate: FAR, assigneeUserId: null, responsibleLeaderUserId: null },
      data: { leadAgencyId: otherId, dueDate: FAR, previousLeadAgencyId: leadId },
      previousLeadAgencyId: leadId,
      at: L('2024-04-01T09:00:00'),
    });
    // The reassignment inside the agency, today.
    await people(LEAD, task.P1, { assigneeUserId: user[CV2] });
  });

  afterAll(async () => {
    await t.db.query(`UPDATE agencies SET monitoring_user_id = $2 WHERE id = $1`, [leadId, savedMonitor]);
    // Kept for the history that names it, but no longer an account anyone is told through.
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [office2]);
    await ds.destroy();
    await t.close();
  });

  it('groups by handling officer: one row per officer, no one named last, the same figures as by agency', async () => {
    const res = await get('vanphong', 'by-person', { directiveId: liveDirective });
    expect(res.status).toBe(200);
    expect(res.body.by).toBe('assignee');
    expect(res.body.live).toBe(true);
    expect(res.body.filters).toMatchObject({ directiveId: liveDirective, assigneeUserId: null, monitorUserId: null });
    const rows = res.body.rows as Row[];
    // Vietnamese order of names: Đỗ Minh Khang (cv2) before Phạm Thu Trang (cv1); no one named last.
    expect(rows.map((r) => [r.userId, r.fullName])).toEqual([
      [user[CV2], name[CV2]],
      [user[CV1], name[CV1]],
      [null, null],
    ]);
    expect(counts(rows)).toEqual({
      [user[CV1]]: { total: 2, notDue: 1, overdue: 1 }, // T1, T2
      [user[CV2]]: { total: 1, notDue: 1, overdue: 0 }, // T3
      '-': { total: 2, notDue: 1, overdue: 1 }, // T4, T5 (T6 is a draft)
    });
    const cv1 = rows.find((r) => r.userId === user[CV1])!;
    expect(cv1.figures).toMatchObject({ unfinished: 2, finished: 0, completionRate: 0, onTimeRate: null });
    expect(res.body.totals).toMatchObject({ total: 5, notDue: 3, overdue: 2, unfinished: 5 });
    expect(res.body.keyTotals).toMatchObject({ total: 0 });
  });

  it("groups by monitoring officer: the task's own, else its lead agency's", async () => {
    const res = await get('vanphong', 'by-person', { directiveId: liveDirective, by: 'monitor' });
    expect(res.status).toBe(200);
    expect(res.body.by).toBe('monitor');
    expect(counts(res.body.rows as Row[])).toMatchObject({
      [office2]: { total: 2, notDue: 1, overdue: 1 }, // T1 (its own), T5 (its own)
      [user.vanphong]: { total: 3, notDue: 2, overdue: 1 }, // T2, T3, T4 (the lead agency's)
    });
    expect(res.body.totals).toMatchObject({ total: 5 });
  });

  it('filters every report by officer and by monitoring officer', async () => {
    const summary = async (q: Record<string, string>) => {
      const res = await get('vanphong', 'summary', { directiveId: liveDirective, ...q });
      expect(res.status).toBe(200);
      return res.body as { figures: Record<string, number>; filters: Record<string, unknown> };
    };
    const cv1 = await summary({ assigneeUserId: user[CV1] });
    expect(cv1.figures).toMatchObject({ total: 2, overdue: 1, notDue: 1 });
    expect(cv1.filters).toMatchObject({ assigneeUserId: user[CV1], monitorUserId: null });
    expect((await summary({ monitorUserId: office2 })).figures).toMatchObject({ total: 2, overdue: 1, notDue: 1 });
    expect((await summary({ monitorUserId: user.vanphong })).figures).toMatchObject({ total: 3 });
    expect((await summary({ assigneeUserId: user[CV1], monitorUserId: office2 })).figures).toMatchObject({
      total: 1,
      overdue: 1,
    });

    const byAgency = await get('vanphong', 'by-agency', { directiveId: liveDirective, monitorUserId: office2 });
    expect(byAgency.status).toBe(200);
    expect(
      Object.fromEntries(
        (byAgency.body.rows as { agencyId: string; figures: { total: number } }[]).map((r) => [
          r.agencyId,
          r.figures.total,
        ]),
      ),
    ).toEqual({ [leadId]: 1, [otherId]: 1 });

    const byPerson = await get('vanphong', 'by-person', { directiveId: liveDirective, assigneeUserId: user[CV2] });
    expect(counts(byPerson.body.rows as Row[])).toEqual({ [user[CV2]]: { total: 1, notDue: 1, overdue: 0 } });

    const escalations = await get('vanphong', 'escalations', { directiveId: liveDirective, assigneeUserId: user[CV1] });
    expect(escalations.status).toBe(200);
    expect((escalations.body.items as { taskId: string }[]).map((i) => i.taskId)).toEqual([task.T1]);
  });

  it('refuses a person who does not exist and an unknown grouping', async () => {
    const unknown = await get('vanphong', 'summary', { assigneeUserId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('UNKNOWN_USER');
    const unknownMonitor = await get('vanphong', 'by-person', {
      monitorUserId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownMonitor.body.code).toBe('UNKNOWN_USER');
    const bad = await get('vanphong', 'by-person', { by: 'leader' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('lets an agency read it over its own tasks only, and still refuses agencies the other reports', async () => {
    const mine = await get(LEAD, 'by-person', { directiveId: liveDirective });
    expect(mine.status).toBe(200);
    expect(counts(mine.body.rows as Row[])).toEqual({
      [user[CV1]]: { total: 2, notDue: 1, overdue: 1 },
      [user[CV2]]: { total: 1, notDue: 1, overdue: 0 },
      '-': { total: 1, notDue: 0, overdue: 1 }, // T4 only: T5 is another agency's
    });
    expect(mine.body.totals).toMatchObject({ total: 4 });
    const byMonitor = await get(LEAD, 'by-person', { directiveId: liveDirective, by: 'monitor' });
    expect(counts(byMonitor.body.rows as Row[])).toEqual({
      [office2]: { total: 1, notDue: 0, overdue: 1 },
      [user.vanphong]: { total: 3, notDue: 2, overdue: 1 },
    });
    // An officer of the agency sees the same tasks as its head (the agency's board).
    const officer = await get(CV1, 'by-person', { directiveId: liveDirective, assigneeUserId: user[CV1] });
    expect(counts(officer.body.rows as Row[])).toEqual({ [user[CV1]]: { total: 2, notDue: 1, overdue: 1 } });
    expect((await get(LEAD, 'summary', { directiveId: liveDirective })).status).toBe(403);
    expect((await get('admin', 'by-person', { directiveId: liveDirective })).status).toBe(403);
  });

  it('as of a past day names the people named then, from the history', async () => {
    const asOf = async (day: string | null, by: 'assignee' | 'monitor' = 'assignee') => {
      const res = await get('vanphong', 'by-person', {
        directiveId: pastDirective,
        by,
        ...(day ? { asOf: day } : {}),
      });
      expect(res.status).toBe(200);
      expect(res.body.live).toBe(day === null);
      return counts(res.body.rows as Row[]);
    };
    // 02/03/2024: both assigned, no one named yet; the task's own monitor not named, so the agency's (today's).
    expect(await asOf('2024-03-02')).toEqual({ '-': { total: 2, notDue: 2, overdue: 0 } });
    expect(await asOf('2024-03-02', 'monitor')).toEqual({ [user.vanphong]: { total: 2, notDue: 2, overdue: 0 } });
    // 10/03/2024: P1 cv1 (before its reassignment inside the agency today), P2 cv2.
    expect(await asOf('2024-03-10')).toEqual({
      [user[CV1]]: { total: 1, notDue: 1, overdue: 0 },
      [user[CV2]]: { total: 1, notDue: 1, overdue: 0 },
    });
    expect(await asOf('2024-03-10', 'monitor')).toEqual({
      [office2]: { total: 1, notDue: 1, overdue: 0 },
      [user.vanphong]: { total: 1, notDue: 1, overdue: 0 },
    });
    // 10/04/2024: P2 moved to another agency, which cleared its officer.
    expect(await asOf('2024-04-10')).toEqual({
      [user[CV1]]: { total: 1, notDue: 1, overdue: 0 },
      '-': { total: 1, notDue: 1, overdue: 0 },
    });
    // Today: P1 is cv2's.
    expect(await asOf(null)).toEqual({
      [user[CV2]]: { total: 1, notDue: 1, overdue: 0 },
      '-': { total: 1, notDue: 1, overdue: 0 },
    });
    // The person filters fold the same history.
    const filtered = await get('vanphong', 'summary', {
      directiveId: pastDirective,
      asOf: '2024-03-10',
      assigneeUserId: user[CV1],
    });
    expect(filtered.body.figures).toMatchObject({ total: 1 });
    const byAgency = await get('vanphong', 'by-agency', {
      directiveId: pastDirective,
      asOf: '2024-04-10',
      assigneeUserId: user[CV1],
    });
    expect((byAgency.body.rows as { agencyId: string }[]).map((r) => r.agencyId)).toEqual([leadId]);
  });
});
