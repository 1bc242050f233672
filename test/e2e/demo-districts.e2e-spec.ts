import { addAccount, addCommittee, makeTask } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The demo as `npm start` seeds it (issue 20): two city committees under the province, accounts at each level,
 * and a task of 07-CTr/TU given to Thành ủy Rạch Giá and broken down there. Its own database, seeded with them.
 */
describe('the demo province’s committees below it', () => {
  let t: TestApp;
  const tasksSeenBy = async (username: string) => {
    const res = await t.http
      .get('/api/tasks')
      .query({ limit: 1000 })
      .set(await t.as(username))
      .expect(200);
    return (res.body.items as { code: string }[]).map((i) => i.code);
  };

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true, demoDistricts: true });
  });
  afterAll(() => t.close());

  it('has the two cities under the province, each with people who sign in', async () => {
    const tree = await t.http
      .get('/api/organisations')
      .set(await t.as('vanphong'))
      .expect(200);
    expect((tree.body as { code: string; name: string }[]).map((o) => [o.code, o.name])).toEqual([
      ['tinh-uy', 'Tỉnh ủy Kiên Giang'],
      ['thanh-uy-phu-quoc', 'Thành ủy Phú Quốc'],
      ['thanh-uy-rach-gia', 'Thành ủy Rạch Giá'],
    ]);
    for (const username of [
      'vanphong-rachgia',
      'thuongvu-rachgia',
      'ban-tuyen-giao-thanh-uy-rach-gia',
      'ban-dan-van-thanh-uy-rach-gia',
      'vanphong-phuquoc',
      'thuongvu-phuquoc',
      'ban-tuyen-giao-thanh-uy-phu-quoc',
      'ban-dan-van-thanh-uy-phu-quoc',
    ]) {
      const me = await t.http
        .get('/api/auth/me')
        .set(await t.as(username))
        .expect(200);
      expect(me.body.username).toBe(username);
    }
    const own = await t.http
      .get('/api/organisations')
      .set(await t.as('vanphong-rachgia'))
      .expect(200);
    expect((own.body as { code: string }[]).map((o) => o.code)).toEqual(['thanh-uy-rach-gia']);
  });

  it('shows the task given to Rạch Giá and its breakdown to the province and the city, and none of it to Phú Quốc', async () => {
    const work = ['07-CTr/TU-TP-RG', '45-KH/ThU-01', '45-KH/ThU-02'];
    expect(await tasksSeenBy('vanphong')).toEqual(expect.arrayContaining(work));
    expect(await tasksSeenBy('vanphong-rachgia')).toEqual(expect.arrayContaining(work));
    const sibling = await tasksSeenBy('vanphong-phuquoc');
    expect(sibling.filter((c) => work.includes(c))).toEqual([]);
    // The city's Office sees the province's task given to it, not the province's other work.
    expect((await tasksSeenBy('vanphong-rachgia')).sort()).toEqual([...work].sort());

    const parent = await t.db.query<{ id: string }>(`SELECT id FROM tasks WHERE code = '07-CTr/TU-TP-RG'`);
    const breakdown = await t.http
      .get(`/api/tasks/${parent.rows[0].id}/sub-tasks`)
      .set(await t.as('vanphong'))
      .expect(200);
    expect(breakdown.body.rollUp).toMatchObject({ total: 2, open: 2, approved: 0, percent: 30 });
    expect(breakdown.body.items.map((i: { state: string }) => i.state).sort()).toEqual(['assigned', 'in_progress']);
    // Every step went through the one writer: one history row per move, none missing.
    const history = await t.db.query<{ code: string; events: string[] }>(
      `SELECT t.code, array_agg(e.event ORDER BY e.id) AS events FROM tasks t JOIN task_events e ON e.task_id = t.id
        WHERE t.code = ANY($1::text[]) GROUP BY t.code ORDER BY t.code`,
      [work],
    );
    expect(history.rows).toEqual([
      { code: '07-CTr/TU-TP-RG', events: ['CREATE', 'ASSIGN', 'START'] },
      { code: '45-KH/ThU-01', events: ['CREATE', 'ASSIGN', 'START', 'PROGRESS_REPORTED'] },
      { code: '45-KH/ThU-02', events: ['CREATE', 'ASSIGN'] },
    ]);
  });

  it('gives the province its table by district, and each committee its own figures with or without those below', async () => {
    const province = await t.as('vanphong');
    const table = await t.http.get('/api/reports/by-organisation').set(province).expect(200);
    const rows = table.body.rows as { code: string; own: boolean; figures: { total: number } }[];
    expect(rows.map((r) => [r.code, r.own])).toEqual([
      ['tinh-uy', true],
      ['thanh-uy-phu-quoc', false],
      ['thanh-uy-rach-gia', false],
    ]);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r.figures.total]));
    expect(byCode['thanh-uy-rach-gia']).toBe(2);
    expect(byCode['thanh-uy-phu-quoc']).toBe(0);
    const summary = await t.http.get('/api/reports/summary').set(province).expect(200);
    expect(summary.body.figures.total).toBe(rows.reduce((n, r) => n + r.figures.total, 0));

    const rachGia = (await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE code = 'thanh-uy-rach-gia'`))
      .rows[0].id;
    const city = await t.http.get('/api/reports/summary').query({ organisationId: rachGia }).set(province).expect(200);
    expect(city.body.figures.total).toBe(2);
    const topAlone = await t.http
      .get('/api/reports/summary')
      .query({
        organisationId: (await t.db.query(`SELECT id FROM organisations WHERE parent_id IS NULL`)).rows[0].id,
        subtree: 'false',
      })
      .set(province)
      .expect(200);
    expect(topAlone.body.figures.total).toBe(byCode['tinh-uy']);
    // Phú Quốc asks for Rạch Giá's figures: a committee not below it does not exist for it.
    const sibling = await t.http
      .get('/api/reports/summary')
      .query({ organisationId: rachGia })
      .set(await t.as('vanphong-phuquoc'))
      .expect(400);
    expect(sibling.body.code).toBe('UNKNOWN_ORGANISATION');
    // The city's own table: its own work, no committee below it yet.
    const own = await t.http
      .get('/api/reports/by-organisation')
      .set(await t.as('vanphong-rachgia'))
      .expect(200);
    expect(own.body.rows.map((r: { code: string; figures: { total: number } }) => [r.code, r.figures.total])).toEqual([
      ['thanh-uy-rach-gia', 2],
    ]);
  });

  it("counts a grassroots committee's work in its district's row of the province's table", async () => {
    const rachGia = (await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE code = 'thanh-uy-rach-gia'`))
      .rows[0].id;
    const ward = await addCommittee(t.db, {
      code: 'dang-uy-phuong-vinh-thanh-van',
      name: 'Đảng ủy phường Vĩnh Thanh Vân',
      kind: 'grassroots',
      parentId: rachGia,
    });
    const office = await addAccount(t.db, 'vp-phuong-vinh-thanh-van', 'office', ward);
    // Filed by its Office: the directive is the ward's, and so is its task.
    await t.db.query(
      `INSERT INTO directives (number, kind, title, created_by)
       SELECT 'W1-KH/ĐU', 'plan', 'Kế hoạch của Đảng ủy phường', id FROM users WHERE username = $1`,
      [office],
    );
    const task = await makeTask(t.db, { state: 'in_progress', directive: 'W1-KH/ĐU' });
    const filed = await t.db.query(`SELECT organisation_id FROM tasks WHERE id = $1`, [task.id]);
    expect(filed.rows[0].organisation_id).toBe(ward);

    const rows = async (who: string) =>
      (
        await t.http
          .get('/api/reports/by-organisation')
          .set(await t.as(who))
          .expect(200)
      ).body.rows.map((r: { code: string; figures: { total: number } }) => [r.code, r.figures.total]);
    expect(await rows('vanphong')).toEqual([
      ['tinh-uy', expect.any(Number)],
      ['thanh-uy-phu-quoc', 0],
      ['thanh-uy-rach-gia', 3],
    ]);
    expect(await rows('vanphong-rachgia')).toEqual([
      ['thanh-uy-rach-gia', 2],
      ['dang-uy-phuong-vinh-thanh-van', 1],
    ]);
  });
});
