import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The API reads a committee below the top's tasks under row security (issue 20): the board, the gate of every
 * task route and the reports run as `dondoc_scoped` with the reader's committee, so PostgreSQL holds the line
 * even if a query forgot it. Shown by adding a restrictive policy that lets nothing through: the city's reads go
 * empty while the province's (not under the role) do not move; without it, all is as before, and the city's
 * changes (a read under the role inside the writer's transaction, then writes as the owner) still go through.
 * Its own database, with the demo's cities.
 */
describe("a committee below the top reads under the database's row security", () => {
  let t: TestApp;
  let city: Record<string, string>;
  let province: Record<string, string>;
  let subTask: { id: string; code: string };

  const board = async (who: Record<string, string>) =>
    (await t.http.get('/api/tasks').query({ limit: 1000 }).set(who).expect(200)).body.items.map(
      (i: { code: string }) => i.code,
    ) as string[];
  const total = async (who: Record<string, string>) =>
    (await t.http.get('/api/reports/summary').set(who).expect(200)).body.figures.total as number;

  beforeAll(async () => {
    // Without the report cache: a policy changed under the API is what this suite makes, and no change of tasks,
    // names or lists tells the cache that the figures moved (in production policies change only by migration).
    t = await startTestApp({ REPORT_CACHE_MAX_AGE_SECONDS: '0' }, { ownDatabase: true, demoDistricts: true });
    city = await t.as('vanphong-rachgia');
    province = await t.as('vanphong');
    const r = await t.db.query<{ id: string; code: string }>(`SELECT id, code FROM tasks WHERE code = '45-KH/ThU-02'`);
    subTask = r.rows[0];
  });
  afterAll(async () => {
    await t?.db.query(`DROP POLICY IF EXISTS tasks_nothing ON tasks`);
    await t?.close();
  });

  it('the city reads its work, and with a policy letting nothing through it reads none, while the province reads all', async () => {
    const before = { board: await board(city), total: await total(city) };
    expect(before.board).toEqual(expect.arrayContaining(['45-KH/ThU-01', '45-KH/ThU-02']));
    expect(before.total).toBeGreaterThan(0);
    await t.http.get(`/api/tasks/${subTask.id}`).set(city).expect(200);
    const provinceBefore = { board: await board(province), total: await total(province) };

    await t.db.query(`CREATE POLICY tasks_nothing ON tasks AS RESTRICTIVE TO dondoc_scoped USING (false)`);
    try {
      expect(await board(city)).toEqual([]);
      expect(await total(city)).toBe(0);
      const page = await t.http.get(`/api/tasks/${subTask.id}`).set(city).expect(404);
      expect(page.body.code).toBe('NOT_FOUND');
      // A change goes through the same gate: the task is not found, nothing is written.
      const events = await t.db.query(`SELECT count(*)::int AS n FROM task_events WHERE task_id = $1`, [subTask.id]);
      await t.http.post(`/api/tasks/${subTask.id}/comments`).set(city).send({ body: 'Đôn đốc thực hiện' }).expect(404);
      expect(
        (await t.db.query(`SELECT count(*)::int AS n FROM task_events WHERE task_id = $1`, [subTask.id])).rows,
      ).toEqual(events.rows);
      expect({ board: await board(province), total: await total(province) }).toEqual(provinceBefore);
    } finally {
      await t.db.query(`DROP POLICY tasks_nothing ON tasks`);
    }
    expect({ board: await board(city), total: await total(city) }).toEqual(before);
  });

  it("the city's changes read under the role and write as the owner, in one transaction", async () => {
    const head = await t.as('ban-dan-van-thanh-uy-rach-gia');
    const provinceTotal = await total(province);
    const current = await t.http.get(`/api/tasks/${subTask.id}`).set(head).expect(200);
    const started = await t.http
      .post(`/api/tasks/${subTask.id}/transitions`)
      .set(head)
      .send({ event: 'START', expectedVersion: current.body.version })
      .expect(200);
    expect(started.body.state).toBe('in_progress');
    const history = await t.db.query(
      `SELECT event FROM task_events WHERE task_id = $1 ORDER BY at DESC, id DESC LIMIT 1`,
      [subTask.id],
    );
    expect(history.rows[0].event).toBe('START');
    // Every pooled connection went back as itself: the province's reads on any of them still see everything.
    const totals = await Promise.all(Array.from({ length: 12 }, () => total(province)));
    expect(new Set(totals)).toEqual(new Set([provinceTotal]));
  });
});
