import { startTestApp, type TestApp } from './support/test-app.js';

describe('health: liveness and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is live without asking anything external', async () => {
    const res = await t.http.get('/api/health/live').expect(200);
    expect(res.body).toMatchObject({ status: 'ok' });
    expect(typeof res.body.uptimeSeconds).toBe('number');
  });

  it('is ready with the database up and every migration applied, Redis reported', async () => {
    const res = await t.http.get('/api/health/ready').expect(200);
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.migrations.status).toBe('up');
    expect(res.body.details.redis).toBeDefined();
  });

  it('is not ready while a migration of this build is missing, and says which', async () => {
    const last = await t.db.query<{ id: number; timestamp: string; name: string }>(
      `SELECT id, timestamp, name FROM schema_migrations ORDER BY id DESC LIMIT 1`,
    );
    const row = last.rows[0];
    await t.db.query(`DELETE FROM schema_migrations WHERE id = $1`, [row.id]);
    try {
      const res = await t.http.get('/api/health/ready').expect(503);
      expect(res.body.details.migrations).toMatchObject({ status: 'down', pending: [row.name] });
      expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /);
      // Liveness does not depend on it: the process is fine, only not ready.
      await t.http.get('/api/health/live').expect(200);
    } finally {
      await t.db.query(`INSERT INTO schema_migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [
        row.id,
        row.timestamp,
        row.name,
      ]);
    }
  });
});
