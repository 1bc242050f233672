import { agencyId, directiveId } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Reports on a read replica (`REPORTS_DATABASE_URL`, issue 20): the stand-in replica is a read-only copy that does
 * not follow the primary, so a figure tells which database it was read from. The reports must read the replica
 * only, write nothing there, and keep their frozen snapshots on the primary; the rest of the API stays on the primary.
 */
describe('reports on a read replica', () => {
  let t: TestApp;
  let office: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({}, { reportsReplica: true });
    office = await t.as('vanphong');
  });
  afterAll(() => t?.close());

  const summary = async () =>
    (await t.http.get('/api/reports/summary').set(office).expect(200)).body as {
      figures: { total: number };
      excluded: { drafted: number };
    };

  it('says in readiness that the reports read a replica, and how far behind it is', async () => {
    const res = await t.http.get('/api/health/ready').expect(200);
    expect(res.body.details.reportsDatabase).toMatchObject({ status: 'up', standby: false, lagSeconds: null });
    expect(t.config.reportsDatabaseUrl).toMatch(/_replica$/);
  });

  it('reads the replica, not the primary, while the rest of the API reads the primary', async () => {
    const before = await summary();
    const created = await t.http
      .post('/api/tasks')
      .set(office)
      .send({
        directiveId: await directiveId(t.db),
        title: 'Việc mới chỉ có trên bản chính',
        deliverableType: 'ke_hoach',
        field: 'party_building',
        leadAgencyId: await agencyId(t.db, 'ban-tuyen-giao'),
        dueDate: '2031-06-30',
      })
      .expect(201);
    await t.http
      .post(`/api/tasks/${created.body.id}/transitions`)
      .set(office)
      .send({ event: 'ASSIGN', expectedVersion: created.body.version })
      .expect(200);
    // The primary has it: its page reads it.
    await t.http.get(`/api/tasks/${created.body.id}`).set(office).expect(200);
    // The replica has not seen it: the figures are as they were when it was copied.
    expect(await summary()).toEqual({ ...before, generatedAt: expect.any(String) });
    const primaryCount = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks WHERE state NOT IN ('drafted', 'cancelled')`,
    );
    expect(primaryCount.rows[0].n).toBe(before.figures.total + 1);
  });

  it('freezes a snapshot on the primary from the figures the replica gives', async () => {
    const live = await summary();
    const created = await t.http
      .post('/api/reports/snapshots')
      .set(office)
      .send({ title: 'Báo cáo từ bản sao' })
      .expect(201);
    const read = await t.http.get(`/api/reports/snapshots/${created.body.id}`).set(office).expect(200);
    expect(read.body.figures.summary.figures).toEqual(live.figures);
    const stored = await t.db.query(`SELECT 1 FROM report_snapshots WHERE id = $1`, [created.body.id]);
    expect(stored.rowCount).toBe(1);
  });

  it('without the replica, readiness reports it down but the API stays in rotation and only reports fail', async () => {
    await t.db.query(`DROP DATABASE ${new URL(t.config.reportsDatabaseUrl!).pathname.slice(1)} WITH (FORCE)`);
    const ready = await t.http.get('/api/health/ready').expect(200);
    expect(ready.body.details.reportsDatabase.status).toBe('down');
    const failed = await t.http.get('/api/reports/summary').set(office);
    expect(failed.status).toBe(503);
    expect(failed.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(failed.body)).not.toMatch(/at .*\.js/);
    await t.http.get('/api/tasks').set(office).expect(200);
  });
});
