import { randomUUID } from 'node:crypto';
import {
  CalendarStore,
  createDataSource,
  ROOT_ORGANISATION_ID,
  TaskChangeWriter,
  type ChangeActor,
  type TaskChange,
} from '@dondoc/persistence';
import { localDate } from '@dondoc/workflow';
import type { EntityManager } from 'typeorm';
import { addAccount, addAgency, addCommittee, agencyId, directiveId } from './support/fixtures.js';
import { CALENDAR_OFF, startTestApp, type TestApp } from './support/test-app.js';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/**
 * Breaking a task down (issue 20): the province gives a task of 07-CTr/TU to Thành ủy Rạch Giá; the district's
 * Office carries it out, breaks it into sub-tasks for its own agencies under its own plan (due no later than the
 * parent unless it records why), its Standing Committee decides them, the province follows the parent's figures
 * rolled up from them, live, and cancelling the parent asks what becomes of the open ones. Its own database: it
 * adds a committee and accounts.
 */
describe('breaking a task down to a committee below', () => {
  let t: TestApp;
  let district: string;
  let districtAgency: string;
  let plan: string;
  let province: Record<string, string>;
  let office: Record<string, string>;

  const newParent = async (title: string) => {
    const created = await t.http
      .post('/api/tasks')
      .set(province)
      .send({
        directiveId: await directiveId(t.db),
        title,
        deliverableType: 'ke_hoach',
        field: 'party_building',
        leadAgencyId: await agencyId(t.db, 'thanh-uy-rach-gia'),
        dueDate: '2031-06-30',
      })
      .expect(201);
    const assigned = await t.http
      .post(`/api/tasks/${created.body.id}/transitions`)
      .set(province)
      .send({ event: 'ASSIGN', expectedVersion: created.body.version })
      .expect(200);
    return assigned.body as { id: string; code: string; version: number };
  };
  const newSubTask = (parentTaskId: string, body: Record<string, unknown> = {}) =>
    t.http
      .post('/api/tasks')
      .set(office)
      .send({
        directiveId: plan,
        parentTaskId,
        title: 'Quán triệt tại các phường',
        deliverableType: 'bao_cao',
        field: 'party_building',
        leadAgencyId: districtAgency,
        dueDate: '2031-05-31',
        ...body,
      });
  const move = async (who: Record<string, string>, id: string, body: Record<string, unknown>, status = 200) => {
    const version = (await t.db.query<{ version: number }>(`SELECT version FROM tasks WHERE id = $1`, [id])).rows[0]
      .version;
    return t.http
      .post(`/api/tasks/${id}/transitions`)
      .set(who)
      .send({ expectedVersion: version, ...body })
      .expect(status);
  };
  /** The parent's roll-up from the reports: live without `asOf`, rebuilt from the history with it. */
  const reportedRollUp = async (parentTaskId: string, asOf?: string) =>
    (
      await t.http
        .get('/api/reports/roll-up')
        .query(asOf ? { parentTaskId, asOf } : { parentTaskId })
        .set(province)
        .expect(200)
    ).body.rollUp as Record<string, unknown>;
  const breakdown = async (id: string, who = province) =>
    (await t.http.get(`/api/tasks/${id}/sub-tasks`).set(who).expect(200)).body as {
      rollUp: Record<string, unknown>;
      items: { id: string; state: string }[];
    };

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    district = await addCommittee(t.db, {
      code: 'thanh-uy-rach-gia',
      name: 'Thành ủy Rạch Giá',
      kind: 'district',
      parentId: ROOT_ORGANISATION_ID,
      standsFor: 'thanh-uy-rach-gia',
    });
    districtAgency = await addAgency(
      t.db,
      'ban-tuyen-giao-thanh-uy-rach-gia',
      'Ban Tuyên giáo Thành ủy Rạch Giá',
      district,
    );
    await addAccount(t.db, 'rg-office', 'office', district);
    await addAccount(t.db, 'rg-committee', 'standing_committee', district, { position: 'member' });
    await addAccount(t.db, 'rg-btg', 'agency', district, { agencyId: districtAgency });
    province = await t.as('vanphong');
    office = await t.as('rg-office');
    plan = (
      await t.http
        .post('/api/directives')
        .set(office)
        .send({ number: '12-KH/ThU', kind: 'plan', title: 'Kế hoạch thực hiện Chương trình 07-CTr/TU' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('lets the district’s Office carry out the task given to it and break it down, due no later than it', async () => {
    const parent = await newParent('Quán triệt Nghị quyết tại Thành phố Rạch Giá');
    // The district's Office works on it as its lead: it starts it.
    await move(office, parent.id, { event: 'START' });
    // Due after the parent: refused without a reason, recorded with one.
    const late = await newSubTask(parent.id, { dueDate: '2031-07-31' }).expect(400);
    expect(late.body.code).toBe('DUE_AFTER_PARENT');
    const excepted = await newSubTask(parent.id, {
      dueDate: '2031-07-31',
      dueException: 'Chờ Đại hội các chi bộ xong mới tổng kết được.',
    }).expect(201);
    expect(excepted.body.parentTaskId).toBe(parent.id);
    const created = await t.db.query<{ due_exception: string; data: { dueException: string } }>(
      `SELECT t.due_exception, e.data FROM tasks t JOIN task_events e ON e.task_id = t.id AND e.event = 'CREATE'
        WHERE t.id = $1`,
      [excepted.body.id],
    );
    expect(created.rows[0].due_exception).toBe('Chờ Đại hội các chi bộ xong mới tổng kết được.');
    expect(created.rows[0].data.dueException).toBe('Chờ Đại hội các chi bộ xong mới tổng kết được.');
    const onTime = await newSubTask(parent.id, { dueException: 'không cần' }).expect(201);
    // Within the parent's deadline no exception is kept, whatever was sent.
    expect(
      (await t.db.query(`SELECT due_exception FROM tasks WHERE id = $1`, [onTime.body.id])).rows[0].due_exception,
    ).toBeNull();
    // Filed under the district, though the parent is the province's.
    const filed = await t.db.query<{ organisation_id: string }>(`SELECT organisation_id FROM tasks WHERE id = $1`, [
      onTime.body.id,
    ]);
    expect(filed.rows[0].organisation_id).toBe(district);
  });

  it('refuses a breakdown by anyone but the Office the task is given to, and of a task not under way', async () => {
    const parent = await newParent('Sơ kết việc học tập chuyên đề');
    // The province's own Office does not break its task down: the committee below does.
    const byProvince = await t.http
      .post('/api/tasks')
      .set(province)
      .send({
        directiveId: await directiveId(t.db),
        parentTaskId: parent.id,
        title: 'Việc con',
        deliverableType: 'bao_cao',
        field: 'party_building',
        dueDate: '2031-05-31',
      })
      .expect(403);
    expect(byProvince.body.code).toBe('NOT_PARENT_LEAD');
    // The district's Office under the province's directive: not its own to add to.
    const elsewhere = await newSubTask(parent.id, { directiveId: await directiveId(t.db) }).expect(403);
    expect(elsewhere.body.code).toBe('NOT_OWN_DIRECTIVE');
    await move(province, parent.id, { event: 'CANCEL', comment: 'Không còn cần thiết.' });
    const closed = await newSubTask(parent.id).expect(409);
    expect(closed.body.code).toBe('PARENT_NOT_OPEN');
  });

  it('rolls the parent’s figures up from its sub-tasks as they move, for the province to follow live', async () => {
    const parent = await newParent('Tuyên truyền Nghị quyết trên báo chí địa phương');
    await move(office, parent.id, { event: 'START' });
    const a = (await newSubTask(parent.id, { title: 'Tin bài trên đài' }).expect(201)).body.id as string;
    const b = (await newSubTask(parent.id, { title: 'Pano, áp phích' }).expect(201)).body.id as string;
    expect((await breakdown(parent.id)).rollUp).toMatchObject({ total: 2, open: 2, approved: 0, percent: 0 });

    const lead = await t.as('rg-btg');
    for (const id of [a, b]) await move(office, id, { event: 'ASSIGN' });
    await move(lead, a, { event: 'START' });
    await t.http
      .post(`/api/tasks/${a}/progress`)
      .set(lead)
      .field('percent', '50')
      .field('narrative', 'Đã phát 10 tin bài')
      .expect(201);
    expect((await breakdown(parent.id)).rollUp).toMatchObject({ percent: 25, open: 2 });

    await t.http.post(`/api/tasks/${a}/submissions`).set(lead).field('note', 'Báo cáo').attach('files', PDF, 'bc.pdf');
    await move(lead, a, { event: 'SUBMIT' });
    // The province's Standing Committee does not decide the district's sub-task; the district's does.
    await move(await t.as('thuongvu'), a, { event: 'APPROVE' }, 403);
    await move(await t.as('rg-committee'), a, { event: 'APPROVE' });
    const after = await breakdown(parent.id);
    expect(after.rollUp).toEqual({
      total: 2,
      open: 1,
      approved: 1,
      cancelled: 0,
      percent: 50,
      worstDeadlineStatus: 'not_due',
      onTime: 1,
      late: 0,
      overdue: 0,
    });
    expect(after.items.map((i) => i.id).sort()).toEqual([a, b].sort());
    // The same figures rebuilt from the history (a past report's path), and none the day before they existed.
    const today = localDate(new Date());
    expect(await reportedRollUp(parent.id, today)).toEqual(after.rollUp);
    expect(await reportedRollUp(parent.id)).toEqual(after.rollUp);
    expect(await reportedRollUp(parent.id, addDays(today, -1))).toMatchObject({
      total: 0,
      percent: null,
      worstDeadlineStatus: null,
    });
    // The district sees the same; an agency of the province sees neither parent's breakdown nor sub-tasks.
    expect((await breakdown(parent.id, office)).rollUp).toEqual(after.rollUp);
    await t.http
      .get(`/api/tasks/${parent.id}/sub-tasks`)
      .set(await t.as('ban-tuyen-giao'))
      .expect(404);
  });

  it('asks, when the parent is cancelled, whether its open sub-tasks go with it or stay', async () => {
    const parent = await newParent('Kiểm tra việc thực hiện tại cơ sở');
    await move(office, parent.id, { event: 'START' });
    const open = (await newSubTask(parent.id, { title: 'Kiểm tra phường Vĩnh Thanh Vân' }).expect(201)).body.id;
    await move(office, open, { event: 'ASSIGN' });
    const asked = await move(province, parent.id, { event: 'CANCEL', comment: 'Điều chỉnh kế hoạch.' }, 409);
    expect(asked.body.code).toBe('OPEN_SUB_TASKS');
    // Nothing moved: the refusal changed nothing.
    const states = async () =>
      (
        await t.db.query<{ id: string; state: string }>(`SELECT id, state FROM tasks WHERE id = ANY($1::uuid[])`, [
          [parent.id, open],
        ])
      ).rows.reduce<Record<string, string>>((m, r) => ({ ...m, [r.id]: r.state }), {});
    expect(await states()).toEqual({ [parent.id]: 'in_progress', [open]: 'assigned' });
    await move(province, parent.id, { event: 'CANCEL', comment: 'Điều chỉnh kế hoạch.', subTasks: 'cancel' });
    expect(await states()).toEqual({ [parent.id]: 'cancelled', [open]: 'cancelled' });
    const why = await t.db.query<{ comment: string; actor_user_id: string }>(
      `SELECT comment, actor_user_id FROM task_events WHERE task_id = $1 AND event = 'CANCEL'`,
      [open],
    );
    expect(why.rows).toHaveLength(1);
    expect(why.rows[0].comment).toBe(`Hủy theo nhiệm vụ cấp trên ${parent.code}: Điều chỉnh kế hoạch.`);

    // "Keep": the parent goes, the work below stays the district's.
    const second = await newParent('Tổng kết mô hình dân vận khéo');
    await move(office, second.id, { event: 'START' });
    const kept = (await newSubTask(second.id).expect(201)).body.id;
    await move(province, second.id, { event: 'CANCEL', comment: 'Gộp vào nhiệm vụ khác.', subTasks: 'keep' });
    expect((await t.db.query(`SELECT state FROM tasks WHERE id = $1`, [kept])).rows[0].state).toBe('drafted');
  });

  it('rebuilds the roll-up as of any past day from the history written then', async () => {
    // A parent and two sub-tasks lived through 2024, written through the writer with the moments they happened.
    const L = (at: string) => new Date(`${at}+07:00`);
    const ds = createDataSource({ url: t.config.databaseUrl, poolSize: 2 });
    await ds.initialize();
    const writer = new TaskChangeWriter(new CalendarStore(CALENDAR_OFF));
    const actorOf = async (username: string): Promise<ChangeActor> => {
      const r = await t.db.query<{ id: string; role: string; agency_id: string | null }>(
        `SELECT id, role, agency_id FROM users WHERE username = $1`,
        [username],
      );
      return { userId: r.rows[0].id, role: r.rows[0].role, agencyId: r.rows[0].agency_id };
    };
    const versionOf = async (id: string) =>
      (await t.db.query<{ version: number }>(`SELECT version FROM tasks WHERE id = $1`, [id])).rows[0].version;
    const apply = async (change: TaskChange, rows?: (m: EntityManager) => Promise<unknown>) =>
      ds.transaction(async (em) => {
        expect((await writer.apply(em, change))?.eventId).toBeTruthy();
        await rows?.(em);
      });
    const move = async (
      id: string,
      actor: ChangeActor,
      kind: TaskChange['kind'],
      from: TaskChange['from'],
      at: string,
      set: TaskChange['set'] = {},
    ) => apply({ kind, taskId: id, actor, from, expect: { version: await versionOf(id) }, set, at: L(at) });
    const progress = (id: string, actor: ChangeActor, percent: number, at: string) => {
      const reportId = randomUUID();
      return apply(
        {
          kind: 'PROGRESS_REPORTED',
          taskId: id,
          actor,
          from: 'in_progress',
          set: { progressPercent: percent, progressAt: L(at) },
          data: { reportId, percent, periodId: null },
          at: L(at),
        },
        (em) =>
          em.query(
            `INSERT INTO progress_reports (id, task_id, percent, narrative, agency_id, reported_by, created_at)
             VALUES ($1, $2, $3, 'Đang triển khai', $4, $5, $6)`,
            [reportId, id, percent, actor.agencyId, actor.userId, L(at)],
          ),
      );
    };
    const draft = (code: string, parentTaskId: string | null) => ({
      code,
      title: `Nhiệm vụ ${code}`,
      description: '',
      deliverableType: 'bao_cao',
      field: 'party_building',
      leadAgencyId: null,
      coordinatingAgencyIds: [],
      dueDate: null,
      deadlineText: null,
      searchText: code.toLowerCase(),
      parentTaskId,
    });
    try {
      const provinceOffice = await actorOf('vanphong');
      const cityOffice = await actorOf('rg-office');
      const cityAgency = await actorOf('rg-btg');
      const standing = await agencyId(t.db, 'thanh-uy-rach-gia');
      const [parent] = await writer.create(
        ds,
        await directiveId(t.db),
        [draft('07-CTr/TU-2024-RG', null)],
        provinceOffice,
        {
          at: L('2024-03-01T08:00:00'),
        },
      );
      await move(parent.id, provinceOffice, 'ASSIGN', 'drafted', '2024-03-01T09:00:00', {
        state: 'assigned',
        leadAgencyId: standing,
        dueDate: '2024-06-30',
      });
      const subs: string[] = [];
      for (const [code, due] of [
        ['12-KH/ThU-2024-1', '2024-04-30'],
        ['12-KH/ThU-2024-2', '2024-05-31'],
      ] as const) {
        const [row] = await writer.create(ds, plan, [draft(code, parent.id)], cityOffice, {
          at: L('2024-03-02T08:00:00'),
        });
        await move(row.id, cityOffice, 'ASSIGN', 'drafted', '2024-03-02T09:00:00', {
          state: 'assigned',
          leadAgencyId: districtAgency,
          dueDate: due,
        });
        subs.push(row.id);
      }
      const [s1, s2] = subs;
      await move(s1, cityAgency, 'START', 'assigned', '2024-03-10T08:00:00', { state: 'in_progress' });
      await move(s2, cityAgency, 'START', 'assigned', '2024-03-15T08:00:00', { state: 'in_progress' });
      await progress(s1, cityAgency, 50, '2024-03-20T08:00:00');
      await move(s1, cityAgency, 'SUBMIT', 'in_progress', '2024-04-25T08:00:00', { state: 'submitted' });
      await move(s1, await actorOf('rg-committee'), 'APPROVE', 'submitted', '2024-04-28T08:00:00', {
        state: 'approved',
        completedAt: L('2024-04-28T08:00:00'),
      });
      await progress(s2, cityAgency, 40, '2024-05-01T08:00:00');

      const asOf = (day: string) => reportedRollUp(parent.id, day);
      // Before the breakdown: nothing below.
      expect(await asOf('2024-03-01')).toMatchObject({ total: 0, percent: null, worstDeadlineStatus: null });
      // Both assigned, nothing reported yet.
      expect(await asOf('2024-03-05')).toEqual({
        total: 2,
        open: 2,
        approved: 0,
        cancelled: 0,
        percent: 0,
        worstDeadlineStatus: 'not_due',
        onTime: 0,
        late: 0,
        overdue: 0,
      });
      // The first submitted at 50 %, four days before its deadline: the parent is due soon.
      expect(await asOf('2024-04-26')).toEqual({
        total: 2,
        open: 2,
        approved: 0,
        cancelled: 0,
        percent: 25,
        worstDeadlineStatus: 'due_soon',
        onTime: 0,
        late: 0,
        overdue: 0,
      });
      // The first approved on time; the second a month from its deadline.
      expect(await asOf('2024-04-29')).toEqual({
        total: 2,
        open: 1,
        approved: 1,
        cancelled: 0,
        percent: 50,
        worstDeadlineStatus: 'not_due',
        onTime: 1,
        late: 0,
        overdue: 0,
      });
      // The second past its deadline at 40 %.
      expect(await asOf('2024-06-05')).toEqual({
        total: 2,
        open: 1,
        approved: 1,
        cancelled: 0,
        percent: 70,
        worstDeadlineStatus: 'overdue',
        onTime: 1,
        late: 0,
        overdue: 1,
      });
    } finally {
      await ds.destroy();
    }
  });
});
